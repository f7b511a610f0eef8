"""The schema options the controls family brought: radio groups (`exclusive`),
dtype-typed callbacks (`dtype`), accumulating setters (`accumulate`), and a
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

    def test_accumulating_setters(self):
        methods = {m.name: m for m in self.schema.cls("ComboBox").methods}
        for name in ("append_text", "insert_alpha", "delete_alpha"):
            self.assertTrue(methods[name].accumulate, name)
        self.assertFalse(methods["clear"].accumulate)
        self.assertEqual(methods["clear"].state_field, "items")

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
