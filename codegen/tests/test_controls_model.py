"""The schema options the controls family brought: radio groups (`exclusive`),
dtype-typed callbacks (`dtype`), the combo box's items as a list State, and a
state callback whose message extends its setter's."""

import unittest

from .schema_loader import load
from . import test_model


class ControlsModelTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load()

    def test_groups(self):
        for name in ("RadioButton", "ToggleButton"):
            c = self.schema.cls(name)
            self.assertEqual(c.group_field.name, "group")
            self.assertEqual(c.exclusive_field_id, self.schema.field_ids["state"])
        self.assertIsNone(self.schema.cls("CheckBox").group_field)
        self.assertEqual(self.schema.cls("CheckBox").exclusive_field_id, 0)

    def test_dtype_callbacks(self):
        for name in ("SpinBox", "Slider", "Dial"):
            cb = next(cb for cb in self.schema.cls(name).callbacks if cb.name == "activated")
            self.assertEqual(cb.dtype_field.name, "dtype")
            self.assertEqual(cb.dtype_field.enum.name, "Dtype")
        scroll = next(cb for cb in self.schema.cls("ScrollBar").callbacks if cb.name == "activated")
        self.assertIsNone(scroll.dtype_field)

    def test_combo_items_are_a_list_state(self):
        combo = self.schema.cls("ComboBox")
        methods = {m.name: m for m in combo.methods}
        ops = {name: methods[name].op for name in ("append_text", "insert_alpha", "delete_alpha", "clear")}
        self.assertEqual(ops, {"append_text": "list_append", "insert_alpha": "list_insert_sorted",
                               "delete_alpha": "list_remove_value", "clear": "clear"})
        [items] = combo.states
        self.assertEqual((items.name, items.kind), ("items", "list"))
        self.assertIs(items.snapshot, methods["append_text"])
        self.assertEqual(items.init.name, "items")
        self.assertEqual(items.element_field.name, "text")
        for name in ops:
            self.assertIs(methods[name].state, items)

    def test_combo_choice_is_recorded_as_set_index(self):
        combo = self.schema.cls("ComboBox")
        cb = next(cb for cb in combo.callbacks if cb.name == "activated")
        set_index = next(m for m in combo.methods if m.name == "set_index")
        self.assertEqual(cb.updates_method_id, set_index.id)
        self.assertEqual([f.name for f in cb.params], ["idx", "text"])


class ControlsSchemaErrorTest(unittest.TestCase):
    broken = test_model.SchemaErrorTest.broken  # the helper alone, not test_model's tests

    def test_group_of_another_class(self):
        msg = self.broken("controls.proto", 'ref: "RadioButton", exclusive: "state"', 'ref: "CheckBox", exclusive: "state"')
        self.assertIn("must name its own class RadioButton", msg)

    def test_constructor_reference_without_a_group(self):
        msg = self.broken("controls.proto", 'ref: "RadioButton", exclusive: "state"', 'ref: "RadioButton"')
        self.assertIn("must be an `optional` group reference with `exclusive`", msg)

    def test_exclusive_state_that_is_not_one_bool(self):
        msg = self.broken("controls.proto", "message ButtonState { bool value = 1; }",
                          "message ButtonState { bool value = 1; int32 extra = 2; }")
        self.assertIn("must take one plain bool numbered 1", msg)

    def test_dtype_naming_a_field_that_is_no_dtype(self):
        msg = self.broken("controls.proto", 'double val = 1 [(pgwidgets.arg) = { dtype: "dtype" }]',
                          'double val = 1 [(pgwidgets.arg) = { dtype: "min" }]')
        self.assertIn("dtype 'min' must name a constructor field of an enum with the words int and float", msg)

    def test_dtype_on_a_callback_that_is_not_one_double(self):
        msg = self.broken("controls.proto", 'double val = 1 [(pgwidgets.arg) = { dtype: "dtype" }]',
                          'int32 val = 1 [(pgwidgets.arg) = { dtype: "dtype" }]')
        self.assertIn("carries exactly one plain double", msg)


if __name__ == "__main__":
    unittest.main()
