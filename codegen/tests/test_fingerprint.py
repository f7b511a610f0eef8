"""The schema fingerprint both ends compare at the handshake: stable for one
schema, different as soon as a class, a method or a field changes."""

import shutil
import tempfile
import unittest
from pathlib import Path

from .schema_loader import SCHEMA, load


class FingerprintTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.original = load().fingerprint

    def changed(self, filename, old, new):
        """The fingerprint of a copy of the schema with `old` replaced by `new` in one file."""
        tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, tmp)
        shutil.copytree(SCHEMA, tmp / "schema")
        path = tmp / "schema/pgwidgets/widgets" / filename
        text = path.read_text()
        self.assertTrue(old in text, f"{filename} no longer holds {old!r}: update this test")
        path.write_text(text.replace(old, new, 1))
        return load(tmp / "schema").fingerprint

    def test_the_same_schema_gives_the_same_fingerprint(self):
        self.assertEqual(self.original, load().fingerprint)

    def test_a_copy_of_the_schema_gives_the_same_fingerprint(self):
        self.assertEqual(self.original, self.changed("controls.proto", "service Button", "service Button"))

    def test_a_comment_does_not_change_it(self):
        self.assertEqual(self.original, self.changed("controls.proto", "service Button {", "// note\nservice Button {"))

    def test_a_renamed_method_changes_it(self):
        self.assertNotEqual(self.original, self.changed("controls.proto", "rpc SetText(", "rpc SetTitle("))

    def test_a_changed_field_changes_it(self):
        self.assertNotEqual(self.original, self.changed("base.proto", "message BorderWidth { int32 width = 1; }",
                                                        "message BorderWidth { uint32 width = 1; }"))

    def test_a_new_class_changes_it(self):
        extra = ('service Gauge {\n  option (pgwidgets.widget) = { base: "Widget" };\n'
                 '  rpc SetValue(Count) returns (Empty);\n}\n')
        self.assertNotEqual(self.original, self.changed("controls.proto", "service Button {", extra + "service Button {"))


if __name__ == "__main__":
    unittest.main()
