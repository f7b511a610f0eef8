"""Direct readers and writers: which messages the page's dispatcher reads
off the wire itself (ts.DirectReader) and the C++ proxies write to it
(cpp._Writers), and which are left to protobuf. web/test/
direct_reader.test.ts and tests/unit/test_wire_writer.cpp check that the
bytes and values are protobuf's."""

import unittest

from pgwidgets_codegen import cpp, ts
from pgwidgets_codegen.descriptors import SchemaError

from .schema_loader import load
from .test_kinds import load_with


class DirectReadersTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.model = load()
        cls.ts = ts.view(cls.model)

    def direct_methods(self):
        out = set()
        for c in self.model.classes:
            for m in c.remote_methods:
                if self.ts.ts_request_reader(m) is not None:
                    out.add(f"{c.name}.{m.name}")
        return out

    def test_the_bulk_rows_and_tree_items_are_read_directly(self):
        self.assertEqual(self.direct_methods(), {
            "TableView.set_data", "TableView.update_data", "TableView.set_rows", "TableView.update_rows",
            "TableView.insert_row",
            "TreeView.set_tree", "TreeView.add_tree", "TreeView.update_tree",
            "TreeView.set_data", "TreeView.update_data",
        })

    def test_value_types_with_readers(self):
        self.assertEqual([d.name for d in self.ts.ts_value_readers], ["readTableRow", "readTreeItem"])

    def test_a_message_that_holds_itself_is_left_to_protobuf_es(self):
        # TreeNode's children are TreeNodes: protobuf-es bounds the depth.
        names = [d.name for d in self.ts.ts_value_readers]
        self.assertNotIn("readTreeNode", names)
        self.assertNotIn("readTableData", names)  # holds Columns, whose optional width is not read so

    def test_a_single_message_or_value_is_left_to_protobuf_es(self):
        # set_cell's value is one pgwidgets.Value: a second record would merge.
        self.assertNotIn("TableView.set_cell", self.direct_methods())
        self.assertNotIn("TableView.append_row", self.direct_methods())  # its request is a value type

    def test_the_reader_spells_each_record(self):
        reader = next(d for d in self.ts.ts_value_readers if d.name == "readTreeItem")
        path, values = reader.fields
        self.assertEqual((path.number, path.wire, path.read), (1, "LengthDelimited", "v_path.push(r.string(true));"))
        self.assertEqual((values.number, values.wire, values.read),
                         (2, "LengthDelimited", "readValueEntry(r, r.uint32(), v_values);"))
        self.assertEqual(reader.result, "{ path: v_path, values: v_values }")

    def test_a_single_scalar_takes_the_last_record(self):
        row_insert = self.ts.ts_request_reader(next(m for c in self.model.classes if c.name == "TableView"
                                                    for m in c.remote_methods if m.name == "insert_row"))
        index = next(f for f in row_insert.fields if f.local == "v_index")
        self.assertEqual((index.wire, index.read, index.init), ("Varint", "v_index = r.int32();", "0"))


    def test_a_tables_rows_come_unread(self):
        # options.proto Field.lazy: each row kept as its bytes, checked by scanTableRow, read on first use.
        self.assertEqual(sorted(l.name for l in self.ts.ts_lazy_elements), ["TableRow", "TreeItem"])
        for name in ("set_data", "update_data", "set_rows", "update_rows"):
            reader = self.ts.ts_request_reader(next(m for c in self.model.classes if c.name == "TableView"
                                                    for m in c.remote_methods if m.name == name))
            (rows,) = reader.fields
            self.assertEqual(rows.read, f"{{ const n = r.uint32(); {rows.local}.push(lazyTableRow(whole, r.pos, n)); "
                                        f"r.pos += n; }}", name)
            self.assertTrue(reader.whole, name)
        lazy = next(l for l in self.ts.ts_lazy_elements if l.name == "TableRow")
        (cells,) = lazy.reader.fields
        self.assertEqual((cells.number, cells.wire, cells.scan), (1, "LengthDelimited", "scanValue(s, s.uint32());"))
        self.assertEqual([(a.name, a.number, a.read, a.all_name) for a in lazy.ats],
                         [("cellsAt", 1, "readValue(r, r.uint32())", "cellsOnly")])
        self.assertIn("lazyTableRow", self.ts.ts_common_names)

    def test_a_trees_items_come_unread(self):
        # Each item kept as its bytes, its map of values checked entry by entry (scanValueEntry);
        # the page reads a node's path alone (pathOnly) and its values when shown.
        for name in ("set_tree", "add_tree", "update_tree", "set_data", "update_data"):
            reader = self.ts.ts_request_reader(next(m for c in self.model.classes if c.name == "TreeView"
                                                    for m in c.remote_methods if m.name == name))
            (items,) = reader.fields
            self.assertIn("lazyTreeItem(whole, r.pos, n)", items.read, name)
        lazy = next(l for l in self.ts.ts_lazy_elements if l.name == "TreeItem")
        path, values = lazy.reader.fields
        self.assertEqual((path.number, path.scan), (1, "s.utf8();"))
        self.assertEqual((values.number, values.wire, values.scan), (2, "LengthDelimited", "scanValueEntry(s, s.uint32());"))
        self.assertEqual([(a.name, a.all_name) for a in lazy.ats], [("pathAt", "pathOnly")])
        # A sort reads one value of every node alone.
        self.assertEqual([(g.name, g.field, g.number) for g in lazy.gets], [("valuesGet", "values", 2)])
        table = next(l for l in self.ts.ts_lazy_elements if l.name == "TableRow")
        self.assertEqual(table.gets, [])
        self.assertIn("lazyTreeItem", self.ts.ts_common_names)

    def test_a_message_that_cannot_be_checked_unread_cannot_be_lazy(self):
        # A map of anything but Values has no scanner.
        model = load_with("tree.proto", "message RowPosition { int32 index = 1; }",
                          "message RowPosition { int32 index = 1; }\nmessage Tally { map<string, int32> counts = 1; }")
        readers = ts._Readers("pgwidgets.widgets")
        with self.assertRaisesRegex(SchemaError, "Tally: a lazy field's message"):
            readers.lazy_element(model.messages["pgwidgets.widgets.Tally"])

    def test_only_a_repeated_value_type_field_can_be_lazy(self):
        with self.assertRaisesRegex(SchemaError, "only a repeated field of a value type can be lazy"):
            load_with("tree.proto", "message RowPosition { int32 index = 1; }",
                      "message RowPosition { int32 index = 1 [(pgwidgets.arg).lazy = true]; }")


class DirectWritersTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.model = load()
        cls.cpp = cpp.view(cls.model)

    def direct_methods(self):
        return {f"{c.name}.{m.name}" for c in self.cpp.classes for m in c.methods if m.cpp_direct is not None}

    def test_the_requests_holding_values_are_written_directly(self):
        self.assertEqual(self.direct_methods(), {
            "TableView.set_data", "TableView.update_data", "TableView.set_rows", "TableView.update_rows",
            "TableView.insert_row", "TableView.append_row", "TableView.set_cell",
            "TreeView.set_tree", "TreeView.add_tree", "TreeView.update_tree",
            "TreeView.set_data", "TreeView.update_data", "TreeView.add_item", "TreeView.set_cell",
        })

    def test_value_types_written_directly(self):
        written = sorted(m.name for m in map(cpp.view, self.model.messages.values())
                         if m.value_type and m.cpp_direct is not None)
        self.assertEqual(written, ["TableRow", "TreeItem"])

    def test_statements(self):
        table_row = cpp.view(self.model.messages["pgwidgets.widgets.TableRow"])
        sizes, writes = table_row.cpp_direct
        self.assertEqual(sizes, ["for (const auto& x : value.cells) n += detail::wire::size::value_field(1, x);"])
        self.assertEqual(writes, ["for (const auto& x : value.cells) { w.value_field(1, x); }"])
        set_cell = next(m for c in self.cpp.classes if c.name == "TableView" for m in c.methods if m.name == "set_cell")
        sizes, writes = set_cell.cpp_direct
        self.assertEqual(sizes[0], "if (!detail::wire::is_zero(row)) n += detail::wire::size::int32_field(1, row);")
        self.assertEqual(writes[2], "w.value_field(3, value);")
        self.assertEqual(set_cell.cpp_request_bytes, "std::move(request)")


if __name__ == "__main__":
    unittest.main()
