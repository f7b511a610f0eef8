"""What a new user reads and relies on: the options structs' order and
defaults (in the header and the reference), the reference pages, the
combo box's `first_of` index and the `font` option's CSS-like form."""

import unittest

from pgwidgets_codegen import cpp, docs
from pgwidgets_codegen.render import render_all

from .schema_loader import load
from . import test_model


class OptionsOrderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load()
        cls.out = render_all(cls.schema)

    def test_order_is_constructor_then_own_setters_then_bases_nearest_first(self):
        vbox = cpp.view(self.schema).cls("VBox")
        names = [o.name for o in vbox.options]
        self.assertLess(names.index("spacing"), names.index("padding"))  # Box's before Widget's
        self.assertEqual(vbox.option_sources, ["Box", "Widget"])  # VBox and Container add none
        self.assertIn("then the setters of Box, then Widget (nearest class first)", vbox.cpp_options_order)
        top = cpp.view(self.schema).cls("TopLevel")
        self.assertEqual([o.name for o in top.options][:3], ["title", "icon", "resizable"])

    def test_each_member_says_its_default(self):
        header = self.out["cpp/pgwidgets/widgets/controls.hpp"]
        self.assertIn("std::optional<pgw::Dtype> dtype = std::nullopt;  // default pgw::Dtype::int_", header)
        self.assertIn("std::optional<bool> enabled = std::nullopt;  // default true; Widget::set_enabled", header)
        self.assertIn("Designators must follow the declaration order", header)

    def test_a_reference_page_per_family_with_every_class(self):
        for family in self.schema.families:
            page = self.out[f"docs/{family.name}.md"]
            for c in family.classes:
                self.assertIn(f"\n## {c.name}\n", page)
            self.assertIn(f"[{family.name}]({family.name}.md)", self.out["docs/README.md"])

    def test_the_reference_shows_options_in_order_methods_and_handlers(self):
        page = self.out["docs/controls.md"]
        slider = page[page.index("\n## Slider\n"):page.index("\n## Dial\n")]
        rows = [line for line in slider.splitlines() if line.startswith("| ") and "`." in line]
        options = [row.split("`.")[1].split("`")[0] for row in rows]
        self.assertEqual(options, [o.cpp_name for o in cpp.view(self.schema).cls("Slider").options])
        self.assertIn("| `pgw::Dtype::int_` |", slider)
        self.assertIn("Task<pgw::Slider> Widgets::Slider(SliderOptions options = {});", slider)
        self.assertIn("`double get_value() const`", slider)
        self.assertIn("| `on_activated(handler)` | `(double num), or (int num) for dtype int` |", slider)
        self.assertIn("Derives from [Widget](base.md#widget), and has its methods and callbacks too.", slider)
        vbox = self.out["docs/layout.md"]
        self.assertIn("Derives from [Box](layout.md#box), and has the methods and callbacks of [Box](layout.md#box), "
                      "then [Container](base.md#container), then [Widget](base.md#widget) too.", vbox)

    def test_the_font_option_says_its_form(self):
        label = docs.view(self.schema).cls("Label")
        font = next(o for o in label.options if o.name == "font")
        self.assertTrue(font.font_shorthand)
        self.assertIn("[style] [weight] [size]pt [family]", font.doc_type_note)
        self.assertIn('pgw::parse_font(*options.font, "Widgets::Label option font")',
                      self.out["cpp/widgets/display.cpp"])

    def test_combo_index_answers_first_of_items(self):
        combo = self.schema.cls("ComboBox")
        methods = {m.name: m for m in combo.methods}
        self.assertEqual(methods["get_index"].first_of, "items")
        self.assertEqual(methods["delete_alpha"].op, "list_remove_value")


class NewcomerSchemaErrorTest(unittest.TestCase):
    broken = test_model.SchemaErrorTest.broken

    def test_first_of_a_field_that_is_no_list(self):
        msg = self.broken("controls.proto", 'first_of: "items"', 'first_of: "length"')
        self.assertIn("`first_of` must name a LIST State", msg)

    def test_first_of_on_a_getter_of_no_index(self):
        msg = self.broken("controls.proto", 'kind: GETTER, field: "index", first_of: "items"',
                          'kind: SETTER, field: "index", first_of: "items"')
        self.assertIn("`first_of` belongs on a GETTER answering one int32", msg)

    def test_font_shorthand_on_a_setter_that_takes_no_font(self):
        msg = self.broken("base.proto", 'kind: SETTER, field: "bg" }', 'kind: SETTER, field: "bg", font_shorthand: true }')
        self.assertIn("`font_shorthand` belongs on a SETTER taking", msg)


if __name__ == "__main__":
    unittest.main()
