"""Callbacks that depend on a bool constructor option, on a test-only widget
package (the SDK has no such class yet; MenuAction and ToolBarAction will):

- `with_option` on a callback argument: MenuAction's `activated()` against
  `activated(checked)` when `checkable`. The handler takes one of the two
  shapes, checked at compile time (any other does not compile, with one
  static_assert naming both), and against the widget's option when it is
  registered (tests/unit/test_option_callbacks.cpp runs that half).
- A trait (`InteractiveEvents`) declared once and included by a second
  class, as Image and Canvas will: its callbacks are the class's own, bound
  to the class's `interactive` option.
- The schema errors of both."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import regenerate
from pgwidgets_codegen.descriptors import SchemaError
from tests.schema_loader import load

ROOT = Path(__file__).resolve().parents[2]
PROTOC = os.environ.get("PROTOC", "protoc")
CXX = os.environ.get("CXX", "g++")
sys.path.insert(0, str(ROOT / "tests/compile"))
import check_compile  # noqa: E402

PACKAGE = """
syntax = "proto3";
package pgwidgets.widgets;
import "pgwidgets/options.proto";

message CheckActionArgs {
  string text = 1 [(pgwidgets.arg) = { positional: true }];
  optional bool checkable = 2 [(pgwidgets.arg) = { default: "false" }];
}
// activated(checked) when checkable, activated() otherwise (pgwidgets' MenuAction).
message CheckActivated {
  bool checked = 1 [(pgwidgets.arg) = { with_option: "checkable" }];
}
message Tagged {
  string tag = 1;
  bool checked = 2 [(pgwidgets.arg) = { with_option: "checkable" }];
}

// A test-only menu action.
service CheckAction {
  option (pgwidgets.widget) = { base: "Widget", constructor: "CheckActionArgs" };
  rpc OnActivated(CheckActivated) returns (stream CheckActivated);
  rpc OnTagged(Tagged) returns (stream Tagged);
}

message PictureArgs {
  optional string url = 1;
  optional bool interactive = 2 [(pgwidgets.arg) = { default: "false" }];
}
// A test-only image: the events trait, declared once, included again.
service Picture {
  option (pgwidgets.widget) = { base: "Widget", constructor: "PictureArgs", traits: ["InteractiveEvents"] };
}
"""

GOOD = """
#include <pgwidgets/widgets/optcb.hpp>
void use(pgw::CheckAction a, pgw::Picture p) {
  a.on_activated([]() {});
  a.on_activated([](bool checked) { (void)checked; });
  a.on_activated([](const bool& checked) -> pgw::Task<> { (void)checked; co_return; });
  a.on_activated([](auto... args) { (void)sizeof...(args); });
  a.on_tagged([](std::string tag) { (void)tag; });
  a.on_tagged([](std::string tag, bool checked) { (void)tag; (void)checked; });
  p.on_click([](pgw::PointerEvent e) { (void)e.modifiers.shift; });
  p.on_key_down([](const pgw::KeyEvent& e) { (void)e.keycode; });
}
"""

RULE = ("pgw::CheckAction::on_activated: the handler must take exactly (bool checked) on a widget created "
        "with `checkable`, or () without it (by value, const& or &&, or auto) and return void or pgw::Task<>")
BAD = {
    "int_for_bool": ("a.on_activated([](int checked) { (void)checked; });", RULE),
    "tagged_without_tag": (
        "a.on_tagged([](bool checked) { (void)checked; });",
        "pgw::CheckAction::on_tagged: the handler must take exactly (std::string tag, bool checked) on a widget "
        "created with `checkable`, or (std::string tag) without it (by value, const& or &&, or auto) and "
        "return void or pgw::Task<>"),
    "event_by_mutable_ref": (
        "p.on_click([](pgw::PointerEvent& e) { (void)e; });",
        "pgw::Picture::on_click: the handler must take exactly (pgw::PointerEvent event) (by value, const& or "
        "&&, or auto) and return void or pgw::Task<>"),
}


class OptionCallbacksTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="pgw-optcb-"))
        shutil.copytree(ROOT / "schema", cls.tmp / "schema")
        (cls.tmp / "schema/pgwidgets/widgets/optcb.proto").write_text(PACKAGE)
        regenerate.main(["--schema", str(cls.tmp / "schema"), "--out", str(cls.tmp / "generated"),
                         "--protoc", PROTOC])
        cls.schema = load(cls.tmp / "schema")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def callbacks(self, cls_name):
        return {cb.name: cb for cb in self.schema.cls(cls_name).callbacks}

    def test_model_knows_the_two_shapes(self):
        activated = self.callbacks("CheckAction")["activated"]
        self.assertEqual(activated.shape_field.name, "checkable")
        self.assertEqual([f.name for f in activated.params], ["checked"])
        self.assertEqual(activated.params_without_option, [])
        tagged = self.callbacks("CheckAction")["tagged"]
        self.assertEqual([f.name for f in tagged.params_without_option], ["tag"])
        self.assertEqual(tagged.kept_indexes, [0])

    def test_a_trait_is_declared_once_and_shared(self):
        label, picture = self.callbacks("Label"), self.callbacks("Picture")
        self.assertEqual(list(label), list(picture))
        self.assertEqual(len(picture), 18)
        for name, cb in picture.items():
            self.assertEqual(cb.trait, "InteractiveEvents")
            self.assertEqual(cb.needs_field.name, "interactive")
            self.assertEqual(cb.owner, "Picture")
            self.assertEqual(cb.id_name, f"pgwidgets.widgets.Picture.{cb.rpc_name}")  # its id's
            self.assertEqual(cb.proto_name, f"pgwidgets.widgets.InteractiveEvents.{cb.rpc_name}")  # the rpc
            self.assertNotEqual(cb.id, label[name].id)  # each class's own id, from its name
            self.assertIs(cb.message, label[name].message)
        # The trait is no class, and its TypeScript interface is written once.
        self.assertNotIn("InteractiveEvents", [c.name for c in self.schema.classes])
        ts = (self.tmp / "generated/ts/widgets.ts").read_text()
        self.assertEqual(ts.count("export interface InteractiveEventsEvents"), 1)

    def test_cpp_compiles_the_right_shapes(self):
        use = self.tmp / "good.cpp"
        use.write_text(GOOD)
        proc = subprocess.run([CXX, *self.flags(), str(use)], capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr[:3000])

    def test_a_wrong_shape_does_not_compile(self):
        for name, (line, expected) in BAD.items():
            with self.subTest(name):
                source = self.tmp / f"bad_{name}.cpp"
                source.write_text("#include <pgwidgets/widgets/optcb.hpp>\n"
                                  "void use(pgw::CheckAction a, pgw::Picture p) {\n"
                                  f"  (void)a; (void)p;\n  {line}\n}}\n")
                proc = subprocess.run([CXX, *self.flags(), str(source)], capture_output=True, text=True,
                                      env={**os.environ, "LC_ALL": "C"})
                problem = check_compile.check(expected, proc.returncode, proc.stdout + proc.stderr)
                self.assertIsNone(problem, problem)

    def flags(self):
        flags = ["-std=c++20", "-fsyntax-only", f"-I{ROOT / 'runtime/include'}",
                 f"-I{self.tmp / 'generated/cpp'}"]
        if os.environ.get("PGW_BOOST_INCLUDE"):
            flags.append(f"-I{os.environ['PGW_BOOST_INCLUDE']}")
        return flags


class SchemaErrorsTest(unittest.TestCase):
    """Each mistake is one line naming it."""

    def error(self, text):
        tmp = Path(tempfile.mkdtemp(prefix="pgw-optcb-bad-"))
        try:
            shutil.copytree(ROOT / "schema", tmp / "schema")
            (tmp / "schema/pgwidgets/widgets/optcb.proto").write_text(text)
            with self.assertRaises(SchemaError) as caught:
                load(tmp / "schema")
            return str(caught.exception)
        finally:
            shutil.rmtree(tmp)

    def test_a_trait_needs_its_option_on_the_class(self):
        text = PACKAGE.replace("optional bool interactive = 2", "optional int32 interactive = 2") \
                      .replace('[(pgwidgets.arg) = { default: "false" }];\n}\n// A test-only image',
                               ';\n}\n// A test-only image')
        self.assertIn("its constructor needs `optional bool interactive`", self.error(text))

    def test_an_unknown_trait_is_named(self):
        text = PACKAGE.replace('traits: ["InteractiveEvents"]', 'traits: ["InteractivEvents"]')
        self.assertIn('unknown trait "InteractivEvents" (did you mean "InteractiveEvents"?)', self.error(text))

    def test_with_option_names_a_bool_option(self):
        text = PACKAGE.replace('with_option: "checkable" }];\n}\nmessage Tagged',
                               'with_option: "checkabel" }];\n}\nmessage Tagged')
        self.assertIn("with_option 'checkabel' must name a bool constructor option of CheckAction",
                      self.error(text))


if __name__ == "__main__":
    unittest.main()
