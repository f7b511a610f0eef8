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
        self.assertEqual(self.methods("Box")["add_widget"].cpp_params, ["pgw::Widget child", "std::optional<int> stretch = std::nullopt"])

    def test_enums_are_enum_classes(self):
        label = {m.name: m for m in self.schema.cls("Label").methods}
        self.assertEqual(label["set_halign"].cpp_params, ["pgw::HAlign halign = pgw::HAlign::left"])  # its declared default
        self.assertEqual(label["get_halign"].cpp_return_type, "pgw::HAlign")
        self.assertEqual(label["get_halign"].cpp_getter_default, "pgw::HAlign::left")
        field = label["set_halign"].params[0]
        self.assertEqual(field.cpp_set("r", "*this", "set_halign"),
                         "r.set_halign(static_cast<::pgwidgets::widgets::HAlign>(halign));")
        self.assertEqual(field.cpp_get("m", "link"), "detail::enum_from_wire<pgw::HAlign>(m.halign())")

    def test_options_hold_string_views(self):
        label = {o.name: o for o in self.schema.cls("Label").options}
        self.assertEqual(label["text"].cpp_type, "std::optional<std::string_view>")
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

    def test_enums_are_word_unions_converted_by_the_dispatcher(self):
        enums = {e.name: e for e in self.schema.enums}
        self.assertEqual(enums["HAlign"].ts_union, '"left" | "center" | "right"')
        label = self.schema.cls("Label")
        text, halign, interactive = label.ctor_fields
        self.assertEqual(halign.ts_param_type, "HAlign")  # a default: never undefined
        self.assertEqual(halign.ts_from_message("m"),
                         '(m.halign === undefined ? "left" : word(HAlignWords, m.halign, "HAlign"))')
        set_halign = {m.name: m for m in label.methods}["set_halign"]
        self.assertEqual(set_halign.ts_call_args, 'word(HAlignWords, m.halign, "HAlign")')
        state = {cb.name: cb for cb in self.schema.cls("TopLevel").callbacks}["window_state"]
        self.assertEqual(state.ts_init, "{ state: WindowStateNumbers[state] }")

    def test_defaults_apply_only_where_a_field_can_be_absent(self):
        widget = {m.name: m for m in self.schema.cls("Widget").methods}
        self.assertEqual(widget["set_enabled"].ts_call_args, "m.tf")  # plain field: always set
        top = self.schema.cls("TopLevel")
        resizable = next(f for f in top.ctor_fields if f.name == "resizable")
        self.assertEqual(resizable.ts_from_message("m"), "(m.resizable ?? true)")

    def test_languages_do_not_mix(self):
        self.assertNotIsInstance(self.schema.classes[0], cpp.WidgetClass)
        self.assertIsInstance(self.schema.classes[0], View)
        with self.assertRaises(AttributeError):
            self.schema.classes[0].cpp_base


if __name__ == "__main__":
    unittest.main()
