"""Generated lists that scale with the schema: the browser's factory map and
the per-family dispatch modules are generated and complete, each widget
class has its implementation where the factory map looks for it, and an
edit of one family's schema file leaves every other family's outputs
byte for byte as they were (so a build recompiles only that family)."""

import os
import re
import shutil
import tempfile
import unittest
from pathlib import Path

from . import schema_loader
import regenerate
from pgwidgets_codegen import model, render

ROOT = Path(__file__).resolve().parents[2]


def family_of(c):
    return model.stem(c.file)


class GeneratedListsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = schema_loader.load()
        cls.out = render.render_all(cls.schema)

    def test_factory_map_makes_every_concrete_class_and_nothing_else(self):
        text = self.out["ts/factories.ts"]
        made = re.findall(r"^    (\w+): \(id, args, events\) => new (\w+)\(id, args, events, env\),$", text, re.M)
        self.assertEqual([a for a, _ in made], [b for _, b in made])
        self.assertEqual(sorted(a for a, _ in made), sorted(c.name for c in self.schema.concrete_classes))
        for c in self.schema.concrete_classes:
            module = f"../../web/src/widgets/{family_of(c)}/{c.name.lower()}.js"
            self.assertIn(f'import {{ {c.name} }} from "{module}";', text)

    def test_every_concrete_class_has_its_implementation_module(self):
        missing = [f"web/src/widgets/{family_of(c)}/{c.name.lower()}.ts" for c in self.schema.concrete_classes
                   if not (ROOT / f"web/src/widgets/{family_of(c)}/{c.name.lower()}.ts").is_file()]
        self.assertEqual(missing, [])

    def test_dispatch_is_split_per_family_and_complete(self):
        names = [f.name for f in self.schema.families]
        self.assertEqual(sorted(p.removeprefix("ts/dispatch/").removesuffix(".ts")
                                for p in self.out if p.startswith("ts/dispatch/") and p != "ts/dispatch/common.ts"),
                         sorted(names))
        joined = self.out["ts/dispatch.ts"]
        for name in names:
            tables = f"{model_camel(name)}Family"
            self.assertIn(f'import {{ {tables} }} from "./dispatch/{name}.js";', joined)
            self.assertIn(f'export * from "./dispatch/{name}.js";', joined)
        joined_tables = re.search(r"^const families: readonly FamilyTables\[\] = \[(.*)\];$", joined, re.M)
        self.assertIsNotNone(joined_tables)
        self.assertEqual(joined_tables.group(1).split(", "), [f"{model_camel(n)}Family" for n in names])
        for c in self.schema.classes:
            own = self.out[f"ts/dispatch/{family_of(c)}.ts"]
            self.assertIn(f"export function events{c.name}(", own)
            self.assertIn(f'[{c.id}, {{\n      id: {c.id}, name: "{c.name}"', own)
            for m in c.remote_methods:
                self.assertIn(f'[{m.id}, {{\n      id: {m.id}, name: "{m.name}", className: "{c.name}"', own)
            for cb in c.callbacks:
                self.assertIn(f'[{cb.id}, {{ id: {cb.id}, name: "{cb.name}", className: "{c.name}"', own)
            for other in names:
                if other != family_of(c):
                    self.assertNotIn(f'name: "{c.name}", base:', self.out[f"ts/dispatch/{other}.ts"])


def model_camel(name):
    from pgwidgets_codegen.naming import lower_camel
    return lower_camel(name)


class OneFamilyEditTest(unittest.TestCase):
    """A one-line edit in controls.proto changes the controls family's
    outputs (and the pages that list every class, such as the TypeScript
    interfaces and the docs index) but no other family's, and not the
    headers every family includes."""

    # Outputs that hold every family, besides each family's own.
    SHARED = {"ts/widgets.ts", "docs/README.md"}

    def edited(self, old, new):
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(ROOT / "schema", Path(tmp) / "schema")
            path = Path(tmp) / "schema/pgwidgets/widgets/controls.proto"
            text = path.read_text()
            self.assertIn(old, text)
            path.write_text(text.replace(old, new, 1))
            return render.render_all(schema_loader.load(Path(tmp) / "schema"))

    @classmethod
    def setUpClass(cls):
        cls.before = render.render_all(schema_loader.load())

    def changed(self, after):
        self.assertEqual(sorted(self.before), sorted(after))
        return sorted(p for p in after if after[p] != self.before[p])

    def controls_outputs(self):
        return {"cpp/pgwidgets/widgets/controls.hpp", "cpp/widgets/controls.cpp", "ts/dispatch/controls.ts",
                "docs/controls.md"}

    def test_a_comment_edit_touches_only_its_family(self):
        after = self.edited("  // The button's text (shown as text, never as HTML).",
                            "  // The button's text (shown as text, never as HTML), edited.")
        changed = self.changed(after)
        self.assertTrue(changed, "the edit changed nothing")
        self.assertEqual([p for p in changed if p not in self.controls_outputs() | self.SHARED], [])

    def test_a_default_edit_changes_the_fingerprint_source_not_the_shared_headers(self):
        after = self.edited('optional int32 dropdown_limit = 2 [(pgwidgets.arg) = { default: "0" }];',
                            'optional int32 dropdown_limit = 2 [(pgwidgets.arg) = { default: "1" }];')
        changed = self.changed(after)
        self.assertIn("cpp/schema_fingerprint.cpp", changed)
        allowed = self.controls_outputs() | self.SHARED | {"cpp/schema_fingerprint.cpp"}
        self.assertEqual([p for p in changed if p not in allowed], [])
        self.assertNotIn("cpp/pgwidgets/schema_info.hpp", changed)
        self.assertNotIn("cpp/pgwidgets/widgets.hpp", changed)


class RegenerateKeepsTimestampsTest(unittest.TestCase):
    """regenerate.py rewrites only the outputs whose bytes change, so ninja
    recompiles only what includes them: after a comment edit in
    controls.proto, no other family's file is newer."""

    COMMENT = "  // The button's text (shown as text, never as HTML)."

    def test_unchanged_outputs_keep_their_timestamps(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            shutil.copytree(ROOT / "schema", tmp / "schema")
            args = ["--schema", str(tmp / "schema"), "--out", str(tmp / "generated"), "--docs", str(tmp / "docs"),
                    "--protoc", os.environ.get("PROTOC", "protoc")]
            regenerate.main(args)
            old = 1_000_000_000
            outputs = [p for p in list((tmp / "generated").rglob("*")) + list((tmp / "docs").rglob("*")) if p.is_file()]
            for p in outputs:
                os.utime(p, (old, old))
            proto = tmp / "schema/pgwidgets/widgets/controls.proto"
            text = proto.read_text()
            self.assertIn(self.COMMENT, text)
            proto.write_text(text.replace(self.COMMENT, self.COMMENT[:-1] + ", edited.", 1))
            regenerate.main(args)
            touched = sorted(str(p.relative_to(tmp)) for p in outputs if p.stat().st_mtime != old)
        self.assertIn("generated/cpp/pgwidgets/widgets/controls.hpp", touched)
        allowed = {"generated/cpp/pgwidgets/widgets/controls.hpp", "generated/cpp/widgets/controls.cpp",
                   "generated/ts/dispatch/controls.ts", "generated/ts/pb/pgwidgets/widgets/controls_pb.ts",
                   "generated/ts/widgets.ts", "docs/controls.md", "docs/README.md"}
        self.assertEqual([p for p in touched if p not in allowed], [])


if __name__ == "__main__":
    unittest.main()
