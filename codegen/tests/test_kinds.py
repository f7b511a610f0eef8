"""Field kinds (kinds.py): each kind of field spelled in one place, and the
schema rules for structured values (data.proto, value.proto)."""

import shutil
import tempfile
import unittest
from pathlib import Path

from pgwidgets_codegen import cpp, kinds, ts
from pgwidgets_codegen.descriptors import SchemaError

from .schema_loader import SCHEMA, load


def fields(schema, message):
    return {f.name: f for f in schema.messages[f"pgwidgets.widgets.{message}"].fields}


class KindsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.model = load()
        cls.cpp = cpp.view(cls.model)
        cls.ts = ts.view(cls.model)

    def cpp_fields(self, message):
        return {f.name: cpp.view(f) for f in fields(self.model, message).values()}

    def ts_fields(self, message):
        return {f.name: ts.view(f) for f in fields(self.model, message).values()}

    def test_each_field_has_one_kind(self):
        tree = fields(self.model, "TreeNode")
        self.assertIsInstance(tree["text"].kind, kinds.Single)
        self.assertIsInstance(tree["text"].kind.element, kinds.Scalar)
        self.assertIsInstance(tree["values"].kind, kinds.Map)
        self.assertIsInstance(tree["values"].kind.element, kinds.ValueElement)
        self.assertIsInstance(tree["children"].kind, kinds.Repeated)
        self.assertIsInstance(tree["children"].kind.element, kinds.MessageElement)
        self.assertIsInstance(fields(self.model, "Column")["width"].kind, kinds.Optional)
        halign = fields(self.model, "HAlignArg")["halign"]
        self.assertIsInstance(halign.kind.element, kinds.EnumElement)
        children = fields(self.model, "Children")["children"]
        self.assertIsInstance(children.kind, kinds.Repeated)
        self.assertIsInstance(children.kind.element, kinds.Ref)

    def test_scalar(self):
        f = self.cpp_fields("Column")["title"]
        self.assertEqual(f.cpp_member_type, "std::string")
        self.assertEqual(f.cpp_param_type, "std::string")
        self.assertEqual(f.cpp_default, "std::string()")
        self.assertEqual(f.cpp_set_member("m", "v.title"), "m.set_title(std::move(v.title));")
        self.assertEqual(f.cpp_get("m", "link"), "m.title()")
        t = self.ts_fields("Column")["title"]
        self.assertEqual(t.ts_value_type, "string")
        self.assertEqual(t.ts_from_message("x"), "x.title")
        self.assertEqual(t.ts_to_message("v.title"), "title: v.title")

    def test_optional_scalar(self):
        f = self.cpp_fields("Column")["width"]
        self.assertEqual(f.cpp_member_type, "std::optional<int>")
        self.assertEqual(f.cpp_set_member("m", "v.width"), "if (v.width) m.set_width(*v.width);")
        self.assertEqual(f.cpp_get("m", "link"),
                         "(m.has_width() ? std::optional<int>(m.width()) : std::optional<int>())")
        self.assertEqual(self.ts_fields("Column")["width"].ts_param_type, "number | undefined")

    def test_enum(self):
        f = self.cpp_fields("HAlignArg")["halign"]
        self.assertEqual(f.cpp_param_type, "pgw::HAlign")
        self.assertEqual(f.cpp_get("m", "link"), "detail::enum_from_wire<pgw::HAlign>(m.halign())")
        t = self.ts_fields("HAlignArg")["halign"]
        self.assertEqual(t.ts_value_type, "HAlign")
        self.assertEqual(t.ts_to_message("h"), "halign: HAlignNumbers[h]")

    def test_ref(self):
        f = self.cpp_fields("Children")["children"]
        self.assertEqual(f.cpp_member_type, "std::vector<pgw::Widget>")
        self.assertEqual(f.cpp_param_type, "pgw::List<pgw::Widget>")
        self.assertEqual(f.cpp_get("m", "link"), "detail::to_handles<pgw::Widget>(link, m.children())")
        self.assertEqual(self.ts_fields("Children")["children"].ts_value_type, "WidgetHandle[]")

    def test_repeated_scalar_is_a_list_parameter(self):
        f = self.cpp_fields("Sizes")["sizes"]
        self.assertEqual(f.cpp_member_type, "std::vector<int>")
        self.assertEqual(f.cpp_param_type, "pgw::List<int>")
        self.assertIn("for (auto& item : sizes) r.add_sizes(item);", f.cpp_set("r", "*this", "set_sizes"))
        self.assertIn("Reserve", f.cpp_set("r", "*this", "set_sizes"))

    def test_repeated_string_option_is_a_view(self):
        combo = {o.name: o for o in self.cpp.cls("ComboBox").options}
        self.assertEqual(combo["items"].cpp_type, "pgw::ListView<std::string>")
        self.assertEqual(combo["items"].cpp_initializer, "{}")
        self.assertEqual(combo["items"].cpp_store_ctor_arg,
                         "for (auto& item : options.items.to_vector()) args.add_items(std::move(item));")
        self.assertEqual(combo["editable"].cpp_initializer, "std::nullopt")

    def test_message(self):
        f = self.cpp_fields("TableData")["columns"]
        self.assertEqual(f.cpp_member_type, "std::vector<pgw::Column>")
        self.assertEqual(f.cpp_param_type, "pgw::List<pgw::Column>")
        self.assertIn("detail::wire::encode(std::move(item), *m.add_columns());", f.cpp_set_member("m", "v.columns"))
        self.assertIn("out.push_back(detail::wire::decode(item))", f.cpp_get("m", "link"))
        t = self.ts_fields("TableData")["columns"]
        self.assertEqual(t.ts_value_type, "Column[]")
        self.assertEqual(t.ts_from_message("x"), "x.columns.map((x) => fromColumn(x))")
        self.assertEqual(t.ts_to_message("v.columns"), "columns: v.columns.map((x) => toColumn(x))")

    def test_single_message_parameter_is_named(self):
        model = load_with("data.proto", "message TableData {", "message Pick { Column column = 1; }\n"
                          "message TableData {")
        f = cpp.view(model.messages["pgwidgets.widgets.Pick"].fields[0])
        self.assertEqual(f.cpp_param_type, "pgw::Named<pgw::Column>")
        self.assertEqual(f.cpp_member_type, "pgw::Column")
        self.assertEqual(f.cpp_set("r", "*this", "pick"),
                         "detail::wire::encode(detail::take(column), *r.mutable_column());")

    def test_value(self):
        f = self.cpp_fields("TableRow")["cells"]
        self.assertEqual(f.cpp_member_type, "std::vector<pgw::Value>")
        self.assertIn("detail::value_to_wire(std::move(item), *m.add_cells());", f.cpp_set_member("m", "v.cells"))
        self.assertIn("detail::value_from_wire(item)", f.cpp_get("m", "link"))
        t = self.ts_fields("TableRow")["cells"]
        self.assertEqual(t.ts_value_type, "Value[]")
        self.assertEqual(t.ts_from_message("x"), "x.cells.map((x) => valueFromWire(x))")

    def test_map(self):
        f = self.cpp_fields("TreeNode")["values"]
        self.assertEqual(f.cpp_member_type, "std::map<std::string, pgw::Value>")
        self.assertEqual(f.cpp_param_type, "pgw::Named<std::map<std::string, pgw::Value>>")
        self.assertEqual(f.cpp_set_member("m", "v.values"),
                         "for (auto& [key, item] : detail::take(v.values)) "
                         "detail::value_to_wire(std::move(item), (*m.mutable_values())[key]);")
        self.assertIn("out.emplace(key, detail::value_from_wire(item))", f.cpp_get("m", "link"))
        self.assertEqual(self.ts_fields("TreeNode")["values"].ts_value_type, "{ [key: string]: Value }")

    def test_recursive_message(self):
        tree = self.model.messages["pgwidgets.widgets.TreeNode"]
        self.assertIs(fields(self.model, "TreeNode")["children"].message, tree)
        self.assertTrue(tree.value_type)
        self.assertIn("out.push_back(detail::wire::decode(item))", self.cpp_fields("TreeNode")["children"].cpp_get("m", "l"))

    def test_value_types_come_after_what_they_hold(self):
        data = next(f for f in self.model.families if f.name == "data")
        self.assertEqual([m.name for m in data.value_types], ["Column", "TableRow", "TreeNode", "TableData"])
        model = load_with("data.proto", "message TableData {", "message Holder { Later later = 1; }\n"
                          "message Later { string s = 1; }\nmessage TableData {")
        data = next(f for f in model.families if f.name == "data")
        names = [m.name for m in data.value_types]
        self.assertLess(names.index("Later"), names.index("Holder"))
        # A list of a struct declared later too: clang instantiates the
        # defaulted operator== where the holder ends, which needs it whole.
        model = load_with("data.proto", "message TableData {", "message Holder { repeated Later later = 1; }\n"
                          "message Later { string s = 1; }\nmessage TableData {")
        names = [m.name for m in next(f for f in model.families if f.name == "data").value_types]
        self.assertLess(names.index("Later"), names.index("Holder"))
        tree = next(f for f in self.model.families if f.name == "tree")
        names = [m.name for m in tree.value_types]
        self.assertLess(names.index("CellColor"), names.index("ColorSpec"))

    def test_request_messages_are_not_value_types(self):
        self.assertFalse(self.model.messages["pgwidgets.widgets.Sizes"].value_type)
        self.assertTrue(self.model.messages["pgwidgets.widgets.Column"].value_type)


def load_with(filename, old, new):
    tmp = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(SCHEMA, tmp / "schema")
        path = tmp / "schema/pgwidgets/widgets" / filename
        text = path.read_text()
        assert old in text, old
        path.write_text(text.replace(old, new, 1))
        return load(tmp / "schema")
    finally:
        shutil.rmtree(tmp)


class StructuredSchemaErrorTest(unittest.TestCase):
    """Structured values the generator cannot spell fail with a message."""

    def broken(self, filename, old, new):
        with self.assertRaises(SchemaError) as ctx:
            load_with(filename, old, new)
        return str(ctx.exception)

    def test_a_message_holding_itself_through_a_single_field(self):
        msg = self.broken("data.proto", "repeated TreeNode children = 3;", "TreeNode parent = 3;")
        self.assertIn("holds itself (TreeNode -> TreeNode)", msg)
        self.assertIn("make the field `repeated`", msg)

    def test_a_map_with_a_key_that_is_not_a_string(self):
        msg = self.broken("data.proto", "map<string, pgwidgets.Value> values = 2;",
                          "map<int32, pgwidgets.Value> values = 2;")
        self.assertIn("a map's key must be a string", msg)

    def test_a_nested_message_declaration(self):
        msg = self.broken("data.proto", "message TableRow {", "message TableRow {\n  message Inner { int32 x = 1; }")
        self.assertIn("nested message Inner: declare it at the top level", msg)

    def test_an_optional_message_field(self):
        msg = self.broken("data.proto", "repeated Column columns = 1;", "optional Column columns = 1;")
        self.assertIn("drop `optional`", msg)

    def test_a_message_in_a_constructor(self):
        msg = self.broken("controls.proto", "  repeated string items = 3;\n",
                          "  repeated string items = 3;\n  IconSpec column = 4;\n")
        self.assertIn("constructor field column: a constructor option cannot hold a message", msg)

    def test_a_widget_reference_in_a_value_type(self):
        msg = self.broken("data.proto", 'import "pgwidgets/value.proto";\n',
                          'import "pgwidgets/options.proto";\nimport "pgwidgets/value.proto";\n'
                          'message Owned { uint32 owner = 1 [(pgwidgets.arg) = { ref: "Widget" }]; }\n')
        self.assertIn("a value type cannot hold a widget reference", msg)

    def test_a_value_type_named_like_a_class(self):
        msg = self.broken("data.proto", "message TableData {", "message LabelOptions {")
        self.assertIn("clashes", msg)


if __name__ == "__main__":
    unittest.main()
