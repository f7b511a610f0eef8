"""The compile checker itself: it must refuse every way a wrong program can
look like the expected failure."""

import unittest

from check_compile import check

MSG = "pgw::Button::on_activated: the handler must take exactly () (by value, const& or &&, or auto) and return void or pgw::Task<>"
ASSERT = f"w.hpp:238:27: error: static assertion failed: {MSG}\n"


class CheckCompileTest(unittest.TestCase):
    def test_the_expected_assertion_alone_passes(self):
        self.assertIsNone(check(MSG, 1, "t.cpp: In function 'f':\n" + ASSERT + "w.hpp:1:2: note: see here\n"))

    def test_an_earlier_syntax_error_fails(self):
        out = "t.cpp:3:1: error: expected ';' before '}' token\n" + ASSERT
        self.assertIn("not a static assertion", check(MSG, 1, out))

    def test_errors_after_the_assertion_fail(self):
        out = ASSERT + "w.hpp:240:5: error: no match for call to '(lambda) ()'\n"
        self.assertIn("more error", check(MSG, 1, out))

    def test_another_message_fails(self):
        out = ASSERT.replace("()", "(int)", 1)
        self.assertIn("the static assertion says", check(MSG, 1, out))

    def test_the_message_only_elsewhere_fails(self):
        out = f"t.cpp:3:1: error: 'x' was not declared\nnote: {MSG}\n"
        self.assertIn("not a static assertion", check(MSG, 1, out))

    def test_success_when_failure_was_expected_fails(self):
        self.assertIn("compiled", check(MSG, 0, ""))

    def test_clang_spelling_is_understood(self):
        out = f"w.hpp:238:5: error: static assertion failed due to requirement 'handler_for<F>': {MSG}\n"
        self.assertIsNone(check(MSG, 1, out))

    def test_a_plain_error_is_matched_in_its_own_line(self):
        out = "t.cpp:6:38: error: no matching function for call to 'Label(const char [2], <brace>)'\n"
        self.assertIsNone(check("Label(const char [2]", 1, out, static_assert=False))
        self.assertIn("does not say", check("set_text", 1, out, static_assert=False))
        self.assertIn("more error", check("Label", 1, out + out, static_assert=False))
        self.assertIn("does not say", check("Label", 1, "t.cpp:1:1: error: x\nnote: Label\n", static_assert=False))

    def test_expected_success(self):
        self.assertIsNone(check("", 0, ""))
        self.assertIn("failed", check("", 1, "t.cpp:1:1: error: x\n"))


if __name__ == "__main__":
    unittest.main()

    def test_the_error_must_be_at_the_marked_line(self):
        out = "t.cpp:6:38: error: use of deleted function 'List(init)'\n"
        self.assertIsNone(check("deleted", 1, out, static_assert=False, at=("t.cpp", 6)))
        self.assertIn("not at the calling line", check("deleted", 1, out, static_assert=False, at=("t.cpp", 7)))
        closing = "t.cpp:9:1: error: array used as initializer\n"
        self.assertIn("not at the calling line", check("array", 1, closing, static_assert=False, at=("t.cpp", 6)))
        header = "structured.hpp:60:3: error: use of deleted function 'List(init)'\n"
        self.assertIn("not at the calling line", check("deleted", 1, header, static_assert=False, at=("t.cpp", 6)))
