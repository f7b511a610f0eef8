"""The `fractions` method option and the `step` of KEY / POINTER callbacks:
what the reader refuses, and what the C++ it feeds checks."""

import unittest

from tests import test_model
from tests.schema_loader import SCHEMA, load
from pgwidgets_codegen import cpp


class FractionsAndStepsErrorTest(unittest.TestCase):
    broken = test_model.SchemaErrorTest.broken  # the helper alone, not test_model's tests

    def test_fractions_on_a_method_without_doubles(self):
        msg = self.broken("mdi.proto", "{ kind: ACTION }; }\n  // Restores every sub-window to normal and tiles",
                          "{ kind: ACTION, fractions: true }; }\n  // Restores every sub-window to normal and tiles")
        self.assertIn("`fractions` belongs on a SETTER or ACTION taking doubles", msg)

    def test_key_callback_without_a_step(self):
        msg = self.broken("events.proto", "{ user: KEY, step: UP }", "{ user: KEY }")
        self.assertIn("OnKeyUp: a `user: KEY` or `user: POINTER` callback needs a `step`", msg)

    def test_step_on_a_callback_of_another_action(self):
        msg = self.broken("events.proto", "{ user: CLICK }", "{ user: CLICK, step: DOWN }")
        self.assertIn("`step` belongs on a `user: KEY` or `user: POINTER` callback", msg)

    def test_two_callbacks_of_one_step(self):
        msg = self.broken("events.proto", "{ user: KEY, step: UP }", "{ user: KEY, step: DOWN }")
        self.assertIn("is marked with the same `user` action (and step)", msg)


class FractionsCodeTest(unittest.TestCase):
    def test_every_double_of_a_fractions_method_is_checked_and_no_other(self):
        schema = load(SCHEMA)
        mdi = next(c for c in schema.classes if c.name == "MDIWidget")
        checks = {m.name: cpp.view(m).cpp_arg_checks for m in mdi.methods}
        self.assertEqual(checks["set_resistance"],
                         ['detail::check_fraction(value, "pgw::MDIWidget::set_resistance", "value");'])
        self.assertEqual(len(checks["set_scroll_position"]), 2)
        self.assertEqual(checks["move_child"], [])


if __name__ == "__main__":
    unittest.main()
