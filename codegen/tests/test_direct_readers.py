"""Direct readers (ts.DirectReader): which messages the dispatcher reads off
the wire itself, and which it leaves to protobuf-es. web/test/
direct_reader.test.ts checks that what they read is what protobuf-es and
the converters give."""

import unittest

from pgwidgets_codegen import ts

from .schema_loader import load


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


if __name__ == "__main__":
    unittest.main()
