"""Ids that do not shift: classes, methods and callbacks are numbered by a
hash of their full names, so a user's package generated beside the SDK's,
or a class added to the SDK, changes no existing id. Collisions, unknown
bases and services that cannot be generated are one-line errors."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

from google.protobuf import descriptor_pb2

from pgwidgets_codegen import ids
from pgwidgets_codegen.descriptors import SchemaError
from pgwidgets_codegen.reader import build_schema

from .schema_loader import PROTOC, SCHEMA, load

ROOT = Path(__file__).resolve().parents[2]
RATING = ROOT / "examples/custom_widget"


def id_map(schema):
    """full name -> id of every class, method and callback of the schema."""
    out = {c.proto_name: c.id for c in schema.classes}
    out.update({m.proto_name: m.id for m in schema.methods})
    out.update({cb.proto_name: cb.id for cb in schema.callbacks})
    return out


def user_package(proto_dir, files):
    """The model of a user's package, generated against the SDK's schema."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "set.pb"
        subprocess.run([PROTOC, f"-I{proto_dir}", f"-I{SCHEMA}", "--include_imports", "--include_source_info",
                        f"--descriptor_set_out={out}", *files], check=True)
        fds = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
    return build_schema(list(fds.file), files)


class StableIdsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sdk = load()
        cls.sdk_ids = id_map(cls.sdk)

    def test_a_user_package_beside_the_sdk_changes_no_sdk_id(self):
        rating = user_package(RATING, ["rating.proto"])
        self.assertEqual(rating.package, "rating")
        self.assertEqual([c.name for c in rating.classes], ["Rating"])
        # The SDK's classes the user's run sees (imported as bases) keep their ids.
        widget = rating.classes[0].base
        self.assertEqual(widget.id, self.sdk_ids["pgwidgets.widgets.Widget"])
        for m in widget.methods:
            self.assertEqual(m.id, self.sdk_ids[m.proto_name])
        # ... and generating the SDK again after it gives the same ids.
        self.assertEqual(id_map(load()), self.sdk_ids)
        self.assertFalse(set(id_map(rating).values()) & set(self.sdk_ids.values()))

    def test_a_user_package_has_its_own_fingerprint_over_its_schema(self):
        tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, tmp)
        text = (RATING / "rating.proto").read_text()
        self.assertIn("int32 stars = 1;", text)
        (tmp / "rating.proto").write_text(text.replace("int32 stars = 1;", "int32 stars = 1; int32 half = 2;"))
        original = user_package(RATING, ["rating.proto"])
        changed = user_package(tmp, ["rating.proto"])
        self.assertNotEqual(original.fingerprint, self.sdk.fingerprint)
        self.assertNotEqual(original.fingerprint, changed.fingerprint)
        self.assertEqual(original.fingerprint, user_package(RATING, ["rating.proto"]).fingerprint)

    def test_a_class_added_to_the_sdk_changes_no_other_id(self):
        tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, tmp)
        shutil.copytree(SCHEMA, tmp / "schema")
        # First in file order and in its file: schema-order numbering would shift everything.
        (tmp / "schema/pgwidgets/widgets/aaa.proto").write_text('''
syntax = "proto3";
package pgwidgets.widgets;
import "pgwidgets/options.proto";
import "pgwidgets/widgets/base.proto";
service Aardvark {
  option (pgwidgets.widget) = { base: "Widget" };
  rpc Dig(Empty) returns (Empty);
  rpc OnDug(Empty) returns (stream Empty);
}
''')
        grown = id_map(load(tmp / "schema"))
        for name, value in self.sdk_ids.items():
            self.assertEqual(grown[name], value, name)
        self.assertIn("pgwidgets.widgets.Aardvark.Dig", grown)

    def test_a_collision_is_a_one_line_error(self):
        with mock.patch.object(ids, "stable_id", lambda name: 7):
            with self.assertRaises(SchemaError) as ctx:
                load()
        msg = str(ctx.exception)
        self.assertNotIn("\n", msg)
        self.assertRegex(msg, r"^class ids collide: pgwidgets\.widgets\.\w+ and pgwidgets\.widgets\.\w+ both hash to 7")


class GeneratorErrorTest(unittest.TestCase):
    """What a user sees when protoc runs the plugin on a broken schema."""

    def run_plugin(self, proto_text):
        tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, tmp)
        (tmp / "mine.proto").write_text(proto_text)
        plugin = tmp / "protoc-gen-pgwidgets"
        plugin.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{ROOT / "codegen/protoc-gen-pgwidgets.py"}" "$@"\n')
        plugin.chmod(0o755)
        (tmp / "out").mkdir()
        r = subprocess.run([PROTOC, f"-I{tmp}", f"-I{SCHEMA}", f"--plugin=protoc-gen-pgwidgets={plugin}",
                            f"--pgwidgets_out={tmp / 'out'}", "mine.proto"], capture_output=True, text=True)
        self.assertNotEqual(r.returncode, 0)
        self.assertNotIn("Traceback", r.stderr)
        # protoc's own warnings (an unused import) aside, one line.
        lines = [line for line in r.stderr.splitlines() if line.strip() and "warning:" not in line]
        self.assertEqual(len(lines), 1, r.stderr)
        return lines[0]

    HEAD = '''syntax = "proto3";
package mine;
import "pgwidgets/options.proto";
import "pgwidgets/widgets/base.proto";
'''

    def test_unknown_base_names_file_line_and_a_suggestion(self):
        err = self.run_plugin(self.HEAD + '\nservice Star {\n  option (pgwidgets.widget) = { base: "Widgit" };\n}\n')
        self.assertIn('mine.proto:6: unknown base class "Widgit" (did you mean "Widget"?)', err)

    def test_a_service_that_cannot_be_generated_is_an_error_not_skipped(self):
        err = self.run_plugin(self.HEAD + '\nservice Plain {\n  rpc Go(pgwidgets.widgets.Empty) returns (pgwidgets.widgets.Empty);\n}\n')
        self.assertIn("mine.proto:6: service Plain lacks option (pgwidgets.widget)", err)


if __name__ == "__main__":
    unittest.main()
