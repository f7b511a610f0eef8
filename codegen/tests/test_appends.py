"""The `appends` method option (HtmlView's append_html): the setter whose
record keeps the whole value, and the constructor field it starts from,
reach the runtime's MethodInfo; misuse is refused."""

import unittest

from pgwidgets_codegen.descriptors import SchemaError
from pgwidgets_codegen.render import render_all

from .schema_loader import load
from .test_kinds import load_with


class AppendsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load()
        cls.out = render_all(cls.schema)

    def broken(self, filename, old, new):
        with self.assertRaises(SchemaError) as ctx:
            load_with(filename, old, new)
        return str(ctx.exception)

    def test_append_html_extends_set_html_from_the_constructor_html(self):
        view = self.schema.cls("HtmlView")
        append = next(m for m in view.methods if m.name == "append_html")
        self.assertTrue(append.appends)
        self.assertEqual(append.append_setter.name, "set_html")
        self.assertEqual(append.append_init.name, "html")
        set_html = next(m for m in view.methods if m.name == "set_html")
        info = self.out["cpp/pgwidgets/schema_info.hpp"]
        self.assertIn('.name = "append_html", .kind = detail::MethodKind::setter', info)
        line = next(l for l in info.splitlines() if "HtmlView_append_html{" in l)
        self.assertTrue(line.endswith(f".append_to = {set_html.id}, .append_init = {append.append_init.number}}};"), line)
        # The plain setter carries none (its record is replaced, not extended).
        other = next(l for l in info.splitlines() if "HtmlView_set_html{" in l)
        self.assertNotIn(".append_to", other)

    def test_appends_on_a_setter_not_taking_one_string(self):
        msg = self.broken("html.proto", 'kind: SETTER, field: "scroll_position", deferred: true, fractions: true }',
                          'kind: SETTER, field: "scroll_position", deferred: true, fractions: true, appends: true }')
        self.assertIn("`appends` belongs on a SETTER taking one string", msg)

    def test_appends_without_a_plain_setter_to_keep_the_value(self):
        msg = self.broken("html.proto",
                          'rpc SetContent(Html) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "content" }; }',
                          'rpc SetContent(Html) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "content", appends: true }; }')
        self.assertIn("`appends` needs exactly one plain SETTER of 'content'", msg)


if __name__ == "__main__":
    unittest.main()
