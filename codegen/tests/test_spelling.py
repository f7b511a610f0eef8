"""The C++ and TypeScript spellings of the model, each seen through its own view."""

import unittest

from pgwidgets_codegen import cpp, ts
from pgwidgets_codegen.spelling import View

from .schema_loader import load


class CppSpellingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = cpp.view(load())

    def methods(self, cls):
        return {m.name: m for m in self.schema.cls(cls).methods}

    def test_keywords_are_escaped(self):
        self.assertEqual(cpp.identifier("delete"), "delete_")
        self.assertEqual(cpp.identifier("raise"), "raise")

    def test_views_reach_nested_objects(self):
        vbox = self.schema.cls("VBox")
        self.assertIsInstance(vbox, cpp.WidgetClass)
        self.assertIsInstance(vbox.base.base, cpp.WidgetClass)
        self.assertTrue(all(isinstance(a, cpp.WidgetClass) for a in vbox.ancestry()))
        self.assertIsInstance(self.methods("Widget")["resize"].request.fields[0], cpp.Field)

    def test_return_types(self):
        widget = self.methods("Widget")
        self.assertEqual(widget["get_size"].cpp_return_type, "pgw::Size")
        self.assertEqual(widget["is_visible"].cpp_return_type, "bool")
        self.assertEqual(widget["resize"].cpp_return_type, "void")
        self.assertEqual(self.methods("Container")["get_children"].cpp_return_type, "std::vector<pgw::Widget>")

    def test_parameters(self):
        self.assertEqual(self.methods("Widget")["set_padding"].cpp_params,
                         ["int left", "std::optional<int> top = std::nullopt",
                          "std::optional<int> right = std::nullopt", "std::optional<int> bottom = std::nullopt"])
        self.assertEqual(self.methods("Box")["add_widget"].cpp_params, ["pgw::Widget child", "int stretch"])

    def test_options_hold_string_views(self):
        label = {o.name: o for o in self.schema.cls("Label").options}
        self.assertEqual(label["text"].cpp_type, "std::string_view")
        self.assertEqual(label["text"].cpp_owned_type, "std::string")


class TsSpellingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = ts.view(load())

    def test_keywords_are_escaped(self):
        self.assertEqual(ts.identifier("delete"), "delete_")

    def test_es_field_names(self):
        self.assertEqual(ts.lower_camel("viewport_x"), "viewportX")

    def test_types(self):
        widget = {m.name: m for m in self.schema.cls("Widget").methods}
        self.assertEqual(widget["get_size"].ts_return_type, "SizeValue")
        self.assertEqual(widget["set_padding"].ts_params,
                         "left: number, top: number | undefined, right: number | undefined, bottom: number | undefined")

    def test_languages_do_not_mix(self):
        self.assertNotIsInstance(self.schema.classes[0], cpp.WidgetClass)
        self.assertIsInstance(self.schema.classes[0], View)
        with self.assertRaises(AttributeError):
            self.schema.classes[0].cpp_base


if __name__ == "__main__":
    unittest.main()
