"""Collection state the page changes and getters that answer from it, on a
test-only widget package (the SDK's TreeView and TableView will use both):

- a callback with `updates` naming a collection State and its `op`
  (`index`, `to`): the server applies the State's SETTER of that op (its
  id in the CallbackInfo), so the message must carry that setter's request;
- a GETTER of a collection State: the whole collection, or with `index`
  one element; each element whole or its field named by `element` (the
  answer's shape in the MethodInfo's answer_field, element_field and
  element_wire);
- the schema errors of both. tests/unit/test_collection_updates.cpp runs
  the runtime half."""

import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import regenerate
from pgwidgets_codegen.descriptors import SchemaError
from tests.schema_loader import load

ROOT = Path(__file__).resolve().parents[2]
PROTOC = os.environ.get("PROTOC", "protoc")
CXX = os.environ.get("CXX", "g++")

PACKAGE = """
syntax = "proto3";
package pgwidgets.widgets;
import "pgwidgets/options.proto";
import "pgwidgets/widgets/base.proto";

message Book { string title = 1; int32 stars = 4; }
message BookAt { string title = 1; int32 at = 2; int32 stars = 4; }
// The page's report of an insert: the same fields, its own names.
message Inserted { string name = 1; int32 position = 2; int32 rating = 4; }
message BookMove { int32 at = 2; int32 to = 3; }
message Spot { int32 at = 2; }
message Titles { repeated string titles = 1; }
message BookTitle { string title = 1; }
message Node { repeated string path = 1; string label = 2; }
message Nodes { repeated Node nodes = 1; }
message NodePath { repeated string path = 1; }
message Paths { repeated NodePath paths = 1; }
message SectionLabel { string label = 1; }

// A test-only shelf: a list of books, a selection of paths, a tree.
service Shelf {
  option (pgwidgets.widget) = {
    base: "Widget"
    state: { name: "books", kind: LIST, snapshot: "AddBook" }
    state: { name: "picked", kind: SET, snapshot: "Pick" }
    state: { name: "sections", kind: TREE, snapshot: "AddSection" }
  };
  rpc AddBook(Book) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "books", op: LIST_APPEND }; }
  rpc InsertBook(BookAt) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "books", op: LIST_INSERT, index: "at" }; }
  rpc MoveBook(BookMove) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "books", op: LIST_MOVE, index: "at", to: "to" }; }
  rpc RemoveBook(Spot) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "books", op: LIST_REMOVE, index: "at" }; }
  rpc Pick(NodePath) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "picked", op: SET_ADD, index: "path" }; }
  rpc Unpick(NodePath) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "picked", op: SET_REMOVE, index: "path" }; }
  rpc AddSection(Node) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "sections", op: TREE_ADD, index: "path" }; }
  rpc Rename(Node) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "sections", op: TREE_UPDATE, index: "path" }; }

  rpc GetTitles(Empty) returns (Titles) { option (pgwidgets.method) = { kind: GETTER, field: "books", element: "title" }; }
  rpc GetTitle(Spot) returns (BookTitle) { option (pgwidgets.method) = { kind: GETTER, field: "books", index: "at", element: "title" }; }
  rpc GetPicked(Empty) returns (Paths) { option (pgwidgets.method) = { kind: GETTER, field: "picked" }; }
  rpc GetSections(Empty) returns (Nodes) { option (pgwidgets.method) = { kind: GETTER, field: "sections" }; }
  rpc GetLabel(NodePath) returns (SectionLabel) { option (pgwidgets.method) = { kind: GETTER, field: "sections", index: "path", element: "label" }; }

  rpc OnInserted(Empty) returns (stream Inserted) { option (pgwidgets.callback) = { updates: "books", op: LIST_INSERT, index: "position" }; }
  rpc OnMoved(Empty) returns (stream BookMove) { option (pgwidgets.callback) = { updates: "books", op: LIST_MOVE, index: "at", to: "to" }; }
  rpc OnPicked(Empty) returns (stream NodePath) { option (pgwidgets.callback) = { updates: "picked", op: SET_ADD, index: "path" }; }
  rpc OnRenamed(Empty) returns (stream Node) { option (pgwidgets.callback) = { updates: "sections", op: TREE_UPDATE, index: "path" }; }
}
"""

USE = """
#include <pgwidgets/widgets/shelf.hpp>
void use(pgw::Shelf s) {
  std::vector<std::string> titles = s.get_titles();
  std::string title = s.get_title(2);
  std::vector<pgw::NodePath> picked = s.get_picked();
  std::vector<pgw::Node> nodes = s.get_sections();
  std::string label = s.get_label({"a", "b"});
  s.on_inserted([](std::string name, int position, int rating) { (void)name; (void)position; (void)rating; });
  (void)titles; (void)title; (void)picked; (void)nodes; (void)label;
}
"""


def with_package(text):
    tmp = Path(tempfile.mkdtemp(prefix="pgw-collect-"))
    shutil.copytree(ROOT / "schema", tmp / "schema")
    (tmp / "schema/pgwidgets/widgets/shelf.proto").write_text(text)
    return tmp


class CollectionUpdatesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = with_package(PACKAGE)
        regenerate.main(["--schema", str(cls.tmp / "schema"), "--out", str(cls.tmp / "generated"),
                         "--protoc", PROTOC])
        cls.schema = load(cls.tmp / "schema")
        cls.shelf = cls.schema.cls("Shelf")
        cls.info = (cls.tmp / "generated/cpp/pgwidgets/schema_info.hpp").read_text()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def method(self, name):
        return next(m for m in self.shelf.methods if m.name == name)

    def callback(self, name):
        return next(cb for cb in self.shelf.callbacks if cb.name == name)

    def test_a_report_stands_for_the_setter_of_its_op(self):
        for cb, setter in (("inserted", "insert_book"), ("moved", "move_book"), ("picked", "pick"),
                           ("renamed", "rename")):
            with self.subTest(cb):
                c, s = self.callback(cb), self.method(setter)
                self.assertEqual(c.updates_method_id, s.id)
                self.assertEqual(c.op, s.op)
                self.assertEqual(c.updates_field_id, self.schema.field_ids[s.state_field])
                self.assertIn(f'"Shelf", "{cb}", {c.updates_field_id}, {s.id}, &check::Shelf_{cb}', self.info)

    def test_getters_answer_from_the_state(self):
        whole = ".answer_field = 1, .element_wire = 2};"  # element_field 0: the whole element
        for name, index, element, tail in (("get_titles", None, "title", ".answer_field = 1, .element_field = 1, .element_wire = 2};"),
                                           ("get_title", "at", "title", ".answer_field = 1, .element_field = 1, .element_wire = 2};"),
                                           ("get_picked", None, None, whole),
                                           ("get_sections", None, None, whole),
                                           ("get_label", "path", "label", ".answer_field = 1, .element_field = 2, .element_wire = 2};")):
            with self.subTest(name):
                m = self.method(name)
                self.assertIs(m.state, next(st for st in self.shelf.states if st.name == m.state_field))
                self.assertEqual(m.index_field.name if m.index_field else None, index)
                self.assertEqual(m.element_field.name if m.element_field else None, element)
                line = next(x for x in self.info.splitlines() if f'.class_name = "Shelf", .name = "{name}"' in x)
                self.assertIn(".kind = detail::MethodKind::getter", line)
                self.assertTrue(line.endswith(tail), line)
        # A scalar getter's table line is as it was: no answer fields.
        self.assertTrue(next(x for x in self.info.splitlines() if '.class_name = "Widget", .name = "get_enabled"' in x)
                        .endswith(".returns_value = true};"))

    def test_getters_are_local_and_typed(self):
        header = (self.tmp / "generated/cpp/pgwidgets/widgets/shelf.hpp").read_text()
        self.assertIn("std::vector<std::string> get_titles() const;", header)
        self.assertIn("std::string get_title(int at) const;", header)
        self.assertIn("std::vector<pgw::NodePath> get_picked() const;", header)
        self.assertIn("std::string get_label(pgw::List<std::string> path) const;", header)
        source = (self.tmp / "generated/cpp/widgets/shelf.cpp").read_text()
        self.assertIn("link.collection_answer(id(), detail::methods::Shelf_get_label", source)
        # The page is never asked.
        ts = (self.tmp / "generated/ts/widgets.ts").read_text()
        self.assertNotIn("get_titles", ts)

    def test_the_getters_compile(self):
        use = self.tmp / "use.cpp"
        use.write_text(USE)
        flags = ["-std=c++20", "-fsyntax-only", f"-I{ROOT / 'runtime/include'}", f"-I{self.tmp / 'generated/cpp'}"]
        if os.environ.get("PGW_BOOST_INCLUDE"):
            flags.append(f"-I{os.environ['PGW_BOOST_INCLUDE']}")
        proc = subprocess.run([CXX, *flags, str(use)], capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr[:3000])


class CollectionSchemaErrorsTest(unittest.TestCase):
    """Each mistake is one line naming it."""

    def error(self, old, new):
        self.assertIn(old, PACKAGE)
        tmp = with_package(PACKAGE.replace(old, new))
        try:
            with self.assertRaises(SchemaError) as caught:
                load(tmp / "schema")
            return str(caught.exception)
        finally:
            shutil.rmtree(tmp)

    def test_updates_of_a_collection_names_its_op(self):
        msg = self.error('updates: "books", op: LIST_INSERT, index: "position"', 'updates: "books"')
        self.assertIn("Shelf.OnInserted: updates the LIST 'books', so it names the operation it performs (`op`)", msg)

    def test_the_op_fits_the_kind(self):
        msg = self.error('updates: "picked", op: SET_ADD', 'updates: "picked", op: LIST_APPEND')
        self.assertIn("Shelf.OnPicked: updates the SET 'picked': LIST_APPEND does not apply to a SET", msg)

    def test_a_change_is_never_coalesced(self):
        msg = self.error('updates: "picked", op: SET_ADD, index: "path"',
                         'updates: "picked", op: SET_ADD, index: "path", coalesce: true')
        self.assertIn("Shelf.OnPicked: updates the SET 'picked': it cannot `coalesce`: each report is a change", msg)

    def test_a_setter_of_that_op_is_needed(self):
        msg = self.error('updates: "books", op: LIST_MOVE, index: "at", to: "to"',
                         'updates: "books", op: CLEAR')
        self.assertIn("no SETTER of 'books' has op CLEAR (the server applies that setter's rules", msg)

    def test_the_message_carries_the_setters_request(self):
        msg = self.error("message Inserted { string name = 1; int32 position = 2; int32 rating = 4; }",
                         "message Inserted { string name = 1; int32 position = 2; int64 rating = 4; }")
        self.assertIn("its message Inserted carries InsertBook's request BookAt: it needs a field numbered 4 "
                      "of the type of BookAt.stars", msg)
        msg = self.error("message Inserted { string name = 1; int32 position = 2; int32 rating = 4; }",
                         "message Inserted { string name = 1; int32 position = 2; int32 rating = 4; bool x = 5; }")
        self.assertIn("carries InsertBook's request BookAt and nothing else (x is not in it)", msg)

    def test_index_is_the_setters_index(self):
        msg = self.error('op: LIST_INSERT, index: "position"', 'op: LIST_INSERT, index: "rating"')
        self.assertIn("`index` rating is field 4, but InsertBook's `index` at is field 2", msg)
        msg = self.error('op: LIST_INSERT, index: "position"', 'op: LIST_INSERT')
        self.assertIn("LIST_INSERT needs `index`", msg)

    def test_op_needs_a_collection(self):
        msg = self.error('updates: "picked", op: SET_ADD, index: "path"', 'updates: "visible", op: SET_ADD, index: "path"')
        self.assertIn("`op`, `index` and `to` belong on a callback whose `updates` names a collection State of Shelf "
                      "('visible' is none)", msg)

    def test_a_whole_getter_answers_a_repeated_field(self):
        msg = self.error("message Titles { repeated string titles = 1; }", "message Titles { string titles = 1; }")
        self.assertIn("Shelf.GetTitles: getter of the LIST 'books': without `index` it answers the whole collection, "
                      "so its response field titles must be repeated", msg)

    def test_an_element_getter_answers_one(self):
        msg = self.error("message BookTitle { string title = 1; }", "message BookTitle { repeated string title = 1; }")
        self.assertIn("with `index` it answers one element, so its response field title is not repeated", msg)

    def test_element_names_a_field_of_the_element(self):
        msg = self.error('index: "at", element: "title"', 'index: "at", element: "titel"')
        self.assertIn("`element` 'titel' is no field of Book (the elements, as AddBook takes them)", msg)
        msg = self.error("message SectionLabel { string label = 1; }", "message SectionLabel { int32 label = 1; }")
        self.assertIn("its response field label must have the type of Node.label", msg)

    def test_a_getter_without_element_answers_the_element(self):
        msg = self.error('returns (Titles) { option (pgwidgets.method) = { kind: GETTER, field: "books", element: "title" }',
                         'returns (Titles) { option (pgwidgets.method) = { kind: GETTER, field: "books" }')
        self.assertIn("its response field titles must hold Book (the whole element), or `element` must name", msg)

    def test_a_list_position_is_an_int32(self):
        msg = self.error('rpc GetLabel(NodePath) returns (SectionLabel) { option (pgwidgets.method) = { kind: GETTER, field: "sections", index: "path"',
                         'rpc GetLabel(Spot) returns (SectionLabel) { option (pgwidgets.method) = { kind: GETTER, field: "sections", index: "at"')
        self.assertIn("`index` at must have the type of AddSection's path (the tree's keys)", msg)

    def test_element_belongs_on_a_collection_getter(self):
        msg = self.error('kind: SETTER, field: "books", op: LIST_APPEND', 'kind: SETTER, field: "books", op: LIST_APPEND, element: "title"')
        self.assertIn("Shelf.AddBook: `before` and a setter's `element` belong on a COLUMN_INSERT", msg)


if __name__ == "__main__":
    unittest.main()
