"""The schema against pgwidgets' signatures (tests/cases/pgwidgets_signatures.json).

Every method, callback and constructor argument of pgwidgets' classes that we
have must match by name and order, or be listed in that file with the reason
it differs; anything we add must be listed as an extension. A swapped
argument pair, a dropped argument or a new method fails here until the table
and the README's list of differences say so.
"""

import json
import re
import unittest
from pathlib import Path

from .schema_loader import load

ROOT = Path(__file__).resolve().parents[2]
TABLE = json.loads((ROOT / "tests/cases/pgwidgets_signatures.json").read_text())


def names(fields):
    return [f.name for f in fields]


class ParityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load()
        cls.differences = TABLE["differences"]
        cls.missing = TABLE["missing"]
        cls.renamed = TABLE["renamed"]
        cls.extensions = TABLE["extensions"]

    def expected(self, key, reference):
        """pgwidgets' list, or ours where the table records a difference."""
        entry = self.differences.get(key)
        if entry is None:
            return reference
        self.assertTrue(entry.get("why"), f"{key}: a difference needs its reason")
        self.assertNotEqual(entry["ours"], reference, f"{key}: listed as different but matches pgwidgets")
        return entry["ours"]

    def test_every_listed_key_names_something(self):
        for key in [*self.differences, *self.missing, *self.renamed, *self.extensions]:
            self.assertIn(key.split(".")[0], TABLE["classes"], key)

    def test_methods(self):
        for cls_name, ref in TABLE["classes"].items():
            ours = {m.name: m for m in self.schema.cls(cls_name).methods}
            seen = set()
            for ref_name, ref_params in ref.get("methods", {}).items():
                key = f"{cls_name}.{ref_name}"
                with self.subTest(method=key):
                    name = self.renamed.get(key, {}).get("ours", ref_name)
                    if key in self.missing:
                        self.assertNotIn(name, ours, f"{key} exists now: drop it from 'missing'")
                        continue
                    seen.add(name)
                    self.assertIn(name, ours, f"{key} is missing (or list it under 'missing' with a reason)")
                    # A method that creates a widget takes, after its own
                    # arguments, the created class's options struct.
                    params = names(ours[name].params) + (["options"] if ours[name].kind == "create" else [])
                    self.assertEqual(params, self.expected(key, ref_params),
                                     f"{key}: arguments differ from pgwidgets'")
            for extra in set(ours) - seen:
                with self.subTest(method=f"{cls_name}.{extra}"):
                    self.assertIn(f"{cls_name}.{extra}", self.extensions,
                                  f"{cls_name}.{extra} is not in pgwidgets: list it under 'extensions'")

    def test_callbacks(self):
        for cls_name, ref in TABLE["classes"].items():
            ours = {cb.name: cb for cb in self.schema.cls(cls_name).callbacks}
            ref_callbacks = {n: a for n, a in ref.get("callbacks", {}).items()
                             if f"{cls_name}.on_{n.replace('-', '_')}" not in self.missing}
            if f"{cls_name}.callbacks" in self.missing:
                self.assertEqual(ours, {}, f"{cls_name} has callbacks now: drop it from 'missing'")
                continue
            extra = {n for n in ours if f"{cls_name}.on_{n}" in self.extensions}
            self.assertEqual(sorted(set(ours) - extra), sorted(n.replace("-", "_") for n in ref_callbacks),
                             f"{cls_name}: callbacks differ from pgwidgets' (list ours under 'extensions')")
            for ref_name, ref_args in ref_callbacks.items():
                key = f"{cls_name}.{ref_name}"
                self.assertEqual(names(ours[ref_name.replace("-", "_")].params), self.expected(key, ref_args), key)

    def test_constructors(self):
        for cls_name, ref in TABLE["classes"].items():
            with self.subTest(cls=cls_name):
                c = self.schema.cls(cls_name)
                self.assertEqual(names(c.positional), self.expected(f"{cls_name}.args", ref.get("args", [])),
                                 f"{cls_name}: positional arguments")
                options = [o for o in ref.get("options", []) if f"{cls_name}.options.{o}" not in self.missing]
                keyword = [f.name for f in c.ctor_fields if not f.positional]
                self.assertEqual(keyword, self.expected(f"{cls_name}.options", options),
                                 f"{cls_name}: constructor options (C++ designated initializers keep this order)")

    def test_constructor_defaults(self):
        for cls_name, ref in TABLE["classes"].items():
            fields = {f.name: f for f in self.schema.cls(cls_name).ctor_fields}
            for option, default in ref.get("defaults", {}).items():
                with self.subTest(option=f"{cls_name}.{option}"):
                    f = fields[option]
                    ours = f.default if f.default is not None else {"bool": "false", "int32": "0"}[f.proto_type]
                    self.assertEqual(ours, default, f"{cls_name}({option}=...) defaults differently from pgwidgets")

    def test_every_pgwidgets_class_is_accounted_for(self):
        """pgwidgets' classes (defs.py's WIDGETS) each have their signatures
        above, or say why not: outside the schema, or pending on a branch."""
        outside, pending = TABLE["outside_schema"], TABLE["pending"]
        for name in TABLE["pgwidgets_classes"]:
            with self.subTest(cls=name):
                places = [k for k, v in (("classes", TABLE["classes"]), ("outside_schema", outside),
                                         ("pending", pending)) if name in v]
                self.assertEqual(len(places), 1, f"{name}: in {places or 'nothing'}; it must be in exactly one "
                                 "of classes, outside_schema, pending (a class merged in: drop it from pending)")
        for name, entry in outside.items():
            self.assertTrue(entry.get("why"), f"{name}: outside the schema needs its reason")
            with self.assertRaises(KeyError, msg=f"{name} is in the schema now: move it to classes"):
                self.schema.cls(name)
        for name in TABLE["classes"]:
            if name not in ("Widget", "Container"):
                self.assertIn(name, TABLE["pgwidgets_classes"], f"{name}: not a pgwidgets class")

    def test_inherited_facts(self):
        """What pgwidgets lists on a class but we inherit from a base
        (inherited_methods, inherited_callbacks) is there, with its arguments."""
        for cls_name, ref in TABLE["classes"].items():
            methods, callbacks = {}, {}
            for c in self.schema.cls(cls_name).ancestry():
                for m in c.methods:
                    methods.setdefault(m.name, m)
                for cb in c.callbacks:
                    callbacks.setdefault(cb.name, cb)
            for name, params in ref.get("inherited_methods", {}).items():
                with self.subTest(method=f"{cls_name}.{name}"):
                    self.assertIn(name, methods, f"{cls_name}.{name}: inherited from no base")
                    self.assertEqual(names(methods[name].params), params, f"{cls_name}.{name}: arguments")
            for name, params in ref.get("inherited_callbacks", {}).items():
                with self.subTest(callback=f"{cls_name}.{name}"):
                    cb = callbacks.get(name.replace("-", "_"))
                    self.assertIsNotNone(cb, f"{cls_name}.on_{name}: inherited from no base")
                    self.assertEqual(names(cb.params), params, f"{cls_name}.on_{name}: arguments")

    def test_outside_schema_signatures(self):
        """A class outside the schema (Timer) has pgwidgets' methods, with
        their argument names, and callbacks in its hand-written header."""
        for cls_name, ref in TABLE["outside_schema"].items():
            header = (ROOT / ref["header"]).read_text()
            for name, params in ref["methods"].items():
                with self.subTest(method=f"{cls_name}.{name}"):
                    found = re.search(rf"^\s*[\w:<>]+ {name}\(([^)]*)\) const;", header, re.M)
                    self.assertIsNotNone(found, f"{cls_name}.{name} is not declared in {ref['header']}")
                    declared = [re.sub(r"=.*", "", p).split()[-1] for p in found.group(1).split(",") if p.strip()]
                    self.assertEqual(declared, params, f"{cls_name}.{name}: arguments differ from pgwidgets'")
            for cb in ref["callbacks"]:
                with self.subTest(callback=f"{cls_name}.{cb}"):
                    self.assertRegex(header, rf"void on_{cb}\(F handler\) const", f"{cls_name}.on_{cb}")


if __name__ == "__main__":
    unittest.main()
