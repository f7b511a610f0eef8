"""Collection state declared in the schema (options.proto State and
Method.op): what the reader builds from it, what the C++ tables say, and
the schema errors that keep a declaration honest."""

import unittest

from pgwidgets_codegen import cpp
from pgwidgets_codegen.render import render_all

from .schema_loader import load
from . import test_model


class StateModelTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load()
        cls.out = render_all(cls.schema)

    def test_per_child_trees(self):
        for cls_name, state, method in (("TabWidget", "highlights", "highlight_tab"),
                                        ("Splitter", "minimum_sizes", "set_minimum_size")):
            c = self.schema.cls(cls_name)
            [st] = c.states
            self.assertEqual((st.name, st.kind, st.per_child), (state, "tree", True))
            m = next(m for m in c.methods if m.name == method)
            self.assertEqual((m.kind, m.op, m.index_field.name), ("setter", "tree_put", "child"))
            self.assertIs(st.snapshot, m)

    def test_state_fields_have_ids(self):
        for name in ("items", "highlights", "minimum_sizes"):
            self.assertIn(name, self.schema.field_ids)

    def test_op_setters_are_no_options(self):
        combo = cpp.view(self.schema).cls("TabWidget")
        self.assertNotIn("highlights", [o.name for o in combo.options])

    def test_tables(self):
        info = self.out["cpp/pgwidgets/schema_info.hpp"]
        items = self.schema.field_ids["items"]
        append = next(m for m in self.schema.cls("ComboBox").methods if m.name == "append_text")
        self.assertIn(f"{{{items}, detail::StateKind::list, {append.id}, 3, 1, false, false}},  // items", info)
        self.assertIn('.class_name = "ComboBox", .name = "delete_alpha", .kind = detail::MethodKind::setter', info)
        self.assertIn(".op = detail::StateOp::list_remove_value};", info)
        self.assertIn("states::ComboBox_states};", info)
        # A setter naming a widget: its reference field, so a rebuild can
        # leave out a record naming a destroyed widget (rebuild.cpp).
        self.assertIn('.name = "set_menu", .kind = detail::MethodKind::setter, .field = '
                      f'{self.schema.field_ids["menu"]}, .returns_value = false, .ref_field = 1}};', info)
        self.assertNotIn(".ref_field", next(x for x in info.splitlines() if '.name = "set_text"' in x))


    def test_tree_view_bulk_ops(self):
        tree = self.schema.cls("TreeView")
        items = next(st for st in tree.states if st.name == "items")
        self.assertEqual((items.kind, items.snapshot.name, items.snapshot_all.name), ("tree", "add_item", "set_tree"))
        ops = {m.name: m.op for m in tree.methods if m.op}
        self.assertEqual((ops["set_tree"], ops["update_tree"], ops["add_tree"], ops["remove_items"], ops["set_cell"],
                          ops["expand_all"]), ("assign", "assign", "put_all", "remove_all", "set_cell", "all_parents"))
        info = self.out["cpp/pgwidgets/schema_info.hpp"]
        # the elements' path field (the snapshot's `index`) and the request's repeated field
        self.assertIn('.name = "remove_items", .kind = detail::MethodKind::setter, .field = '
                      f'{self.schema.field_ids["items"]}, .returns_value = false, .index_field = 1, '
                      '.op = detail::StateOp::remove_all, .items_field = 1};', info)
        set_tree = next(m for m in tree.methods if m.name == "set_tree")
        self.assertIn(f"{{}}, 0, 0, {set_tree.id}, 1, ", info)

    def test_sets_within_their_rows(self):
        # TreeView's expansion, selection and row colours are sets of its
        # tree's nodes, TableView's selection and row colours of its rows'
        # positions; set_tree and set_data start them over, update_tree not.
        tree, table = self.schema.cls("TreeView"), self.schema.cls("TableView")
        within = {(c.name, st.name): st.within.name for c in (tree, table) for st in c.states if st.within}
        self.assertEqual(within, {("TreeView", "expanded"): "items", ("TreeView", "selection"): "items",
                                  ("TreeView", "row_colors"): "items", ("TreeView", "cell_colors"): "items",
                                  ("TreeView", "cell_selection"): "items",
                                  ("TableView", "selection"): "rows", ("TableView", "row_colors"): "rows",
                                  ("TableView", "cell_colors"): "rows", ("TableView", "cell_selection"): "rows"})
        self.assertEqual(sorted(f"{c.name}.{st.name}" for c in (tree, table) for st in c.states if st.by_cell),
                         ["TableView.cell_colors", "TableView.cell_selection", "TreeView.cell_colors",
                          "TreeView.cell_selection"])
        # A bulk op of a by_cell set keys each element by its row and its
        # column: both fields come from the set's snapshot (select_cell).
        info = self.out["cpp/pgwidgets/schema_info.hpp"]
        self.assertRegex(info, r'\.name = "set_selected_cells", .*\.index_field = 1, \.op = detail::StateOp::assign, '
                               r'\.to_field = 2, \.items_field = 1, \.to_zero = detail::KeyZero::string\};')
        self.assertRegex(info, r'\.name = "select_cells", .*\.op = detail::StateOp::put_all, \.to_field = 2, '
                               r'\.index_zero = detail::KeyZero::number, \.items_field = 1, \.to_zero = detail::KeyZero::number\};')
        fresh = sorted(f"{c.name}.{m.name}" for c in (tree, table) for m in c.methods if m.fresh)
        self.assertEqual(fresh, ["TableView.set_data", "TableView.set_rows", "TreeView.set_data", "TreeView.set_tree"])
        info = self.out["cpp/pgwidgets/schema_info.hpp"]
        # the field of the state it is within, and the members' key field (a row: RowIndex.row, 1)
        self.assertIn(f", {self.schema.field_ids['rows']}, 1, false}},  // selection", info)
        self.assertIn(f", {self.schema.field_ids['rows']}, 1, true, ", info)
        self.assertIn(".items_field = 1, .fresh = true};", info)
        ids = self.schema.field_ids
        self.assertIn(f"TableView_clear_all_colors_also_clears[] = {{{ids['row_colors']}, {ids['column_colors']}, "
                      f"{ids['table_color']}}};", info)
        self.assertIn(".also_clears = TableView_clear_all_colors_also_clears};", info)
        # a cell's column: TreeView's col_key (absent: ""), TableView's col_index (absent: 0)
        self.assertIn(".to_field = 2, .to_zero = detail::KeyZero::string};", info)
        self.assertIn(".to_field = 2, .index_zero = detail::KeyZero::number, .to_zero = detail::KeyZero::number};", info)

    def test_key_zero(self):
        # A singular key field has no presence: protobuf leaves its zero off
        # the wire, and the table says what the absence stands for (TableView
        # column 0, TreeView column ""). A path (repeated) and a position
        # (a LIST's, a grid line's, an attach's) say nothing.
        info = self.out["cpp/pgwidgets/schema_info.hpp"]
        zero = {}
        for line in info.splitlines():
            if line.startswith("inline constexpr MethodInfo "):
                name = line.split()[3].split("{")[0]
                zero[name] = line.split(".index_zero = detail::KeyZero::")[1].split(",")[0].split("}")[0] \
                    if ".index_zero" in line else "none"
        self.assertEqual((zero["TableView_set_column_width"], zero["TableView_set_column_editable"],
                          zero["TreeView_set_column_width"], zero["TreeView_clear_column_color"],
                          zero["TreeView_add_item"], zero["TreeView_set_tree"], zero["TableView_set_cell"],
                          zero["TableView_delete_row"], zero["GridBox_delete_row"], zero["Box_insert_widget"]),
                         ("number", "number", "string", "string", "none", "none", "none", "none", "none", "none"))

    def test_grid_extent(self):
        grid = self.schema.cls("GridBox")
        [st] = grid.states
        self.assertTrue(st.is_extent)
        self.assertEqual([f.name for f in st.count_fields], ["rows", "columns"])
        self.assertEqual([f.name for f in st.cell_fields], ["row", "col"])
        self.assertEqual(st.attach.name, "add_widget")
        ops = {m.name: (m.op, m.axis_index, m.child_field.name if m.child_field else None,
                        m.index_field.name if m.index_field else None)
               for m in grid.methods if m.op}
        self.assertEqual(ops, {
            "insert_row": ("line_insert", 0, "widgets", "index"),
            "append_row": ("line_insert", 0, "widgets", None),
            "delete_row": ("line_delete", 0, None, "index"),
            "insert_column": ("line_insert", 1, "widgets", "index"),
            "append_column": ("line_insert", 1, "widgets", None),
            "delete_column": ("line_delete", 1, None, "index"),
        })
        getter = next(m for m in grid.methods if m.name == "get_row_column_count")
        self.assertEqual((getter.kind, [f.name for f in getter.ctor_fallbacks]), ("getter", ["rows", "columns"]))
        info = self.out["cpp/pgwidgets/schema_info.hpp"]
        self.assertIn("inline constexpr ExtentAxis GridBox_extent_axes[] = {{1, 2, 1}, {2, 3, 1}};", info)
        self.assertIn(f"GridBox_extent_axes, {st.attach.id}, 1}},  // extent", info)
        self.assertIn('.class_name = "GridBox", .name = "delete_column", .kind = detail::MethodKind::setter', info)
        # the row's position, then axis 1 and no widget list (0: left out)
        self.assertIn(".index_field = 1, .op = detail::StateOp::line_delete, .axis = 1};", info)


class ColumnModelTest(unittest.TestCase):
    """TreeView's and TableView's columns: a LIST that COLUMN_INSERT and
    COLUMN_DELETE change, and the states and sort record that follow it."""

    @classmethod
    def setUpClass(cls):
        StateModelTest.setUpClass.__func__(cls)

    def test_followers_and_their_roles(self):
        tree, table = self.schema.cls("TreeView"), self.schema.cls("TableView")
        roles = {(c.name, st.name): (st.column_role, st.column_field.name) for c in (tree, table)
                 for st in c.states if st.column_of}
        self.assertEqual(roles, {
            ("TreeView", "items"): ("node_map", "values"), ("TreeView", "column_widths"): ("key", "col_key"),
            ("TreeView", "editable_columns"): ("key", "col_key"), ("TreeView", "column_colors"): ("key", "col_key"),
            ("TreeView", "cell_colors"): ("cell", "col_key"), ("TreeView", "cell_selection"): ("cell", "col_key"),
            ("TableView", "rows"): ("row_cells", "cells"), ("TableView", "column_widths"): ("key", "col_index"),
            ("TableView", "editable_columns"): ("key", "col_index"),
            ("TableView", "column_colors"): ("key", "col_index"),
            ("TableView", "cell_colors"): ("cell", "col_index"),
            ("TableView", "cell_selection"): ("cell", "col_index")})
        columns = next(st for st in tree.states if st.name == "columns")
        self.assertEqual(columns.column_key.name, "key")
        info = self.out["cpp/pgwidgets/schema_info.hpp"]
        ids = self.schema.field_ids
        self.assertIn(f", {ids['columns']}, detail::ColumnRole::row_cells, 1, 0, false}},  // rows", info)
        self.assertIn(f"detail::ColumnRole::none, 0, 3, false}},  // columns", info)
        self.assertIn(f"detail::ColumnRole::cell, 2, 0, true}},  // cell_selection", info)
        self.assertIn(f"detail::ColumnRole::cell, 2, 0, false}},  // cell_colors", info)
        # Only a selection keeps no cell of a column not there.
        self.assertEqual({(c.name, st.name) for c in (tree, table) for st in c.states if st.columns_there},
                         {("TreeView", "cell_selection"), ("TableView", "cell_selection")})
        self.assertRegex(info, r'\.name = "insert_column", .*\.op = detail::StateOp::column_insert, '
                               r'\.element_field = 1, \.before_field = 2\};')
        self.assertRegex(info, r'TreeView_delete_column\{.*\.op = detail::StateOp::column_delete, \.column_field = 1\};')
        self.assertRegex(info, r'TableView_sort_by_column\{.*\.column_field = 1\};')


class CallsModelTest(unittest.TestCase):
    """set_colors: an ACTION standing for setter calls (Method.calls)."""

    @classmethod
    def setUpClass(cls):
        StateModelTest.setUpClass.__func__(cls)

    def test_set_colors_stands_for_the_colour_setters(self):
        for cls in ("TreeView", "TableView"):
            m = next(m for m in self.schema.cls(cls).methods if m.name == "set_colors")
            self.assertEqual([(o.name if o else None, f.name, s.name) for o, f, s in m.calls], [
                ("spec", "clear", "clear_all_colors"), ("spec", "cells", "set_cell_color"),
                ("spec", "rows", "set_row_color"), ("spec", "columns", "set_column_color"),
                ("spec", "table", "set_table_color")])
        info = self.out["cpp/pgwidgets/schema_info.hpp"]
        clear = next(m for m in self.schema.cls("TreeView").methods if m.name == "clear_all_colors")
        self.assertIn(f"inline constexpr CallPart TreeView_set_colors_calls[] = {{{{1, 5, {clear.id}}}, ", info)
        self.assertIn(".calls = TreeView_set_colors_calls};", info)


class StateSchemaErrorTest(unittest.TestCase):
    broken = test_model.SchemaErrorTest.broken

    def test_op_on_an_undeclared_state(self):
        msg = self.broken("controls.proto", 'field: "items", op: LIST_APPEND', 'field: "itemz", op: LIST_APPEND')
        self.assertIn("`op` belongs on a SETTER whose `field` is a State of ComboBox", msg)

    def test_op_of_another_kind(self):
        msg = self.broken("controls.proto", 'field: "items", op: LIST_APPEND', 'field: "items", op: SET_REMOVE, index: "text"')
        self.assertIn("SET_REMOVE does not apply to the LIST 'items'", msg)

    def test_setter_of_a_state_without_op(self):
        msg = self.broken("controls.proto", 'field: "items", op: CLEAR', 'field: "items"')
        self.assertIn("a SETTER of the LIST 'items' must name its `op`", msg)

    def test_keyed_op_without_index(self):
        msg = self.broken("containers.proto", 'op: TREE_PUT, index: "child" }; }\n\n  // The user dragged',
                          'op: TREE_PUT }; }\n\n  // The user dragged')
        self.assertIn("TREE_PUT needs `index`", msg)

    def test_snapshot_that_is_no_adding_op(self):
        msg = self.broken("controls.proto", 'snapshot: "AppendText"', 'snapshot: "DeleteAlpha"')
        self.assertIn("its snapshot DeleteAlpha must be a SETTER of 'items' with op LIST_APPEND", msg)

    def test_init_that_is_no_repeated_field(self):
        msg = self.broken("controls.proto", 'init: "items"', 'init: "editable"')
        self.assertIn("`init` must name a repeated string constructor field", msg)

    def test_per_child_on_a_list(self):
        msg = self.broken("controls.proto", 'init: "items" }', 'init: "items", per_child: true }')
        self.assertIn("`per_child` is for a TREE", msg)

    def test_bulk_op_without_items(self):
        msg = self.broken("tree.proto", 'op: PUT_ALL, items: "tree"', 'op: PUT_ALL')
        self.assertIn("`items` belongs on an ASSIGN, PUT_ALL, REMOVE_ALL or DELETE_ALL, which need it", msg)

    def test_items_on_a_single_op(self):
        msg = self.broken("tree.proto", 'op: TREE_ADD, index: "path"', 'op: TREE_ADD, index: "path", items: "path"')
        self.assertIn("`items` belongs on an ASSIGN, PUT_ALL, REMOVE_ALL or DELETE_ALL", msg)

    def test_snapshot_all_that_is_no_assign(self):
        msg = self.broken("tree.proto", 'snapshot: "AddItem", snapshot_all: "SetTree"', 'snapshot: "AddItem", snapshot_all: "AddTree"')
        self.assertIn("`snapshot_all` must name an ASSIGN SETTER of 'items'", msg)

    def test_set_cell_without_cell(self):
        msg = self.broken("tree.proto", 'to: "col_key", cell: "value" }', 'to: "col_key" }')
        self.assertIn("`cell` belongs on a SET_CELL, which needs it", msg)

    def test_all_parents_of_no_tree(self):
        msg = self.broken("tree.proto", 'op: ALL_PARENTS, of: "items"', 'op: ALL_PARENTS, of: "selection"')
        self.assertIn("`of` must name a TREE State of TreeView ('selection' is none)", msg)


    def test_all_nodes_of_a_set(self):
        msg = self.broken("tree.proto", 'op: ALL_NODES, of: "rows"', 'op: ALL_NODES, of: "selection"')
        self.assertIn("`of` must name a TREE or LIST State of TableView ('selection' is none)", msg)

    def test_all_parents_of_a_list(self):
        # A LIST has positions, no parents: only ALL_NODES takes one.
        msg = self.broken("tree.proto", 'op: ALL_NODES, of: "rows"', 'op: ALL_PARENTS, of: "rows"')
        self.assertIn("`of` must name a TREE State of TableView ('rows' is none)", msg)

    def test_parents_not_in_on_a_setter(self):
        msg = self.broken("tree.proto", 'kind: GETTER, field: "expanded", op: PARENTS_NOT_IN', 'kind: SETTER, field: "expanded", op: PARENTS_NOT_IN')
        self.assertIn("PARENTS_NOT_IN belongs on a GETTER of a SET State of TreeView", msg)

    def test_parents_not_in_of_a_set(self):
        msg = self.broken("tree.proto", 'op: PARENTS_NOT_IN, of: "items"', 'op: PARENTS_NOT_IN, of: "selection"')
        self.assertIn("`of` must name a TREE State of TreeView ('selection' is none)", msg)

    def test_subtree_pick_of_a_set_not_within(self):
        # column_colors is a SET, but of columns, not of the tree's nodes.
        msg = self.broken("tree.proto", '"selected=selection"', '"selected=column_colors"')
        self.assertIn("pick 'selected' must name a SET within 'items' ('column_colors' is none)", msg)

    def test_subtree_pick_spelling(self):
        msg = self.broken("tree.proto", '"selected=selection"', '"selected"')
        self.assertIn("a pick is", msg)
        msg = self.broken("tree.proto", '"selected=selection"', '"all=selection"')
        self.assertIn("a pick is", msg)

    def test_subtree_pick_twice(self):
        msg = self.broken("tree.proto", '"expanded=expanded"', '"selected=expanded"')
        self.assertIn("pick 'selected' is named twice", msg)

    def test_subtree_on_a_set(self):
        msg = self.broken("tree.proto", 'field: "items", op: SUBTREE, index: "path"', 'field: "selection", op: SUBTREE, index: "path"')
        self.assertIn("SUBTREE belongs on a GETTER of a TREE State of TreeView", msg)

    def test_subtree_takes_a_path_or_a_status(self):
        msg = self.broken("tree.proto", 'op: SUBTREE, index: "path"', 'op: SUBTREE')
        self.assertIn("a SUBTREE getter takes one argument, the path (`index`) or the status (`pick`)", msg)

    def test_pick_without_subtree(self):
        msg = self.broken("tree.proto", 'op: SUBTREE, pick: "status"', 'pick: "status"')
        self.assertIn("`pick` and `picks` belong on a SUBTREE getter", msg)

    def test_columns_there_without_cells_of_columns(self):
        msg = self.broken("tree.proto", 'name: "column_widths", kind: TREE, snapshot: "SetColumnWidth", column_of: "columns" }',
                          'name: "column_widths", kind: TREE, snapshot: "SetColumnWidth", column_of: "columns", columns_there: true }')
        self.assertIn("`columns_there` is for a by_cell SET `column_of` a LIST of columns", msg)

    def test_column_of_a_list_of_no_columns(self):
        msg = self.broken("tree.proto", 'snapshot: "SetColumnWidth", column_of: "columns" }\n    state: { name: "editable_columns", kind: TREE, snapshot: "SetColumnEditable", column_of: "columns" }\n    state: { name: "row_colors", kind: SET, snapshot: "SetRowColor", deferred: true, within: "rows" }',
                          'snapshot: "SetColumnWidth", column_of: "rows" }\n    state: { name: "editable_columns", kind: TREE, snapshot: "SetColumnEditable", column_of: "columns" }\n    state: { name: "row_colors", kind: SET, snapshot: "SetRowColor", deferred: true, within: "rows" }')
        self.assertIn("`column_of` names a LIST of columns of TableView ('rows' is none)", msg)

    def test_a_column_named_by_key_in_a_table(self):
        msg = self.broken("tree.proto", 'op: COLUMN_DELETE, index: "index" }', 'op: COLUMN_DELETE, column: "index" }')
        self.assertIn("`index` names a column: one string", msg)

    def test_column_delete_names_one_column(self):
        msg = self.broken("tree.proto", 'op: COLUMN_DELETE, column: "col_key" }', 'op: COLUMN_DELETE }')
        self.assertIn("a COLUMN_DELETE names its column by `index` or `column` (one of them)", msg)

    def test_before_on_a_list_named_by_position(self):
        msg = self.broken("tree.proto", 'snapshot: "AppendColumn", snapshot_all: "SetColumns", column_key: "key" }',
                          'snapshot: "AppendColumn", snapshot_all: "SetColumns" }')
        self.assertIn("are named by position (no `column_key`): no `before` or `column`", msg)

    def test_a_sort_column_of_the_wrong_type(self):
        msg = self.broken("tree.proto", 'field: "sort", column: "col_index" }', 'field: "sort", column: "ascending" }')
        self.assertIn("`column` ascending must be one int32", msg)

    def test_a_column_list_without_snapshot_all(self):
        msg = self.broken("tree.proto", 'snapshot: "AppendColumn", snapshot_all: "SetColumns" }',
                          'snapshot: "AppendColumn" }')
        self.assertIn("a LIST of columns (COLUMN_INSERT, COLUMN_DELETE, `column_key`) is a LIST with `snapshot_all`", msg)

    def test_calls_on_a_setter(self):
        msg = self.broken("tree.proto", 'field: "table_color" }; }\n  // Many colours in one call: clear_all_colors',
                          'field: "table_color", calls: ["spec.clear=ClearAllColors"] }; }\n  // Many colours in one call: clear_all_colors')
        self.assertIn("`calls` belongs on an ACTION returning nothing", msg)

    def test_a_call_of_a_setter_taking_something_else(self):
        msg = self.broken("tree.proto", '"spec.cells=SetCellColor", "spec.rows=SetRowColor", "spec.columns=SetColumnColor", "spec.table=SetTableColor"] }; }\n  // The cells selected',
                          '"spec.cells=SetRowColor", "spec.rows=SetRowColor", "spec.columns=SetColumnColor", "spec.table=SetTableColor"] }; }\n  // The cells selected')
        self.assertIn("TableView.SetColors: spec.cells must hold what SetRowColor takes (RowIndexColor)", msg)

    def test_a_call_of_no_setter(self):
        msg = self.broken("tree.proto", '"spec.clear=ClearAllColors", "spec.cells=SetCellColor", "spec.rows=SetRowColor", "spec.columns=SetColumnColor", "spec.table=SetTableColor"] }; }\n  // The cells selected',
                          '"spec.clear=ClearAllColours", "spec.cells=SetCellColor", "spec.rows=SetRowColor", "spec.columns=SetColumnColor", "spec.table=SetTableColor"] }; }\n  // The cells selected')
        self.assertIn("a call is \"field=Setter\", a SETTER of TableView ('spec.clear=ClearAllColours')", msg)

    def test_within_on_a_tree(self):
        msg = self.broken("tree.proto", 'name: "column_widths", kind: TREE, snapshot: "SetColumnWidth", column_of',
                          'name: "column_widths", kind: TREE, snapshot: "SetColumnWidth", within: "items", column_of')
        self.assertIn("`within` belongs on a SET and names a TREE or LIST State of TreeView", msg)

    def test_within_naming_no_state(self):
        msg = self.broken("tree.proto", 'deferred: true, within: "rows" }', 'deferred: true, within: "roes" }')
        self.assertIn("('roes' is none)", msg)

    def test_within_a_list_whose_op_moves_positions_unsaid(self):
        msg = self.broken("tree.proto", 'field: "rows", op: LIST_INSERT, index: "index"',
                          'field: "rows", op: LIST_INSERT_SORTED')
        self.assertIn("does not say which positions move", msg)

    def test_by_cell_without_within(self):
        msg = self.broken("tree.proto", 'deferred: true, within: "rows", by_cell: true', 'deferred: true, by_cell: true')
        self.assertIn("`by_cell` belongs on a SET `within` a TREE or LIST", msg)

    def test_cell_key_without_its_column(self):
        msg = self.broken("tree.proto", 'op: SET_REMOVE, index: "row", to: "col_index"', 'op: SET_REMOVE, index: "row"')
        self.assertIn("names the cell's column in `to`", msg)

    def test_also_clears_on_another_op(self):
        msg = self.broken("tree.proto", 'op: SET_REMOVE, index: "row", to: "col_index" }',
                          'op: SET_REMOVE, index: "row", to: "col_index", also_clears: ["row_colors"] }')
        self.assertIn("`also_clears` belongs on a CLEAR", msg)

    def test_also_clears_naming_no_field(self):
        msg = self.broken("tree.proto", 'also_clears: ["row_colors", "column_colors", "table_color"] }; }\n  rpc SetTableColor(TableColor) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "table_color" }; }\n  // Many colours in one call, as',
                          'also_clears: ["row_colors", "column_colours", "table_color"] }; }\n  rpc SetTableColor(TableColor) returns (Empty) { option (pgwidgets.method) = { kind: SETTER, field: "table_color" }; }\n  // Many colours in one call, as')
        self.assertIn("'column_colours' is neither", msg)

    def test_fresh_on_another_op(self):
        msg = self.broken("tree.proto", 'op: PUT_ALL, items: "tree" }', 'op: PUT_ALL, items: "tree", fresh: true }')
        self.assertIn("`fresh` belongs on an ASSIGN of a TREE or LIST", msg)

    def test_prune_on_another_op(self):
        msg = self.broken("tree.proto", 'op: DELETE_ALL, items: "paths", prune: "prune_empty"', 'op: REMOVE_ALL, items: "paths", prune: "prune_empty"')
        self.assertIn("`prune` belongs on a DELETE_ALL and names one bool field", msg)

    def test_prune_naming_no_bool(self):
        msg = self.broken("tree.proto", 'prune: "prune_empty"', 'prune: "paths"')
        self.assertIn("`prune` belongs on a DELETE_ALL and names one bool field", msg)

    def test_all_nodes_without_of(self):
        msg = self.broken("tree.proto", 'op: ALL_NODES, of: "items"', 'op: ALL_NODES')
        self.assertIn("`of` belongs on an ALL_PARENTS or ALL_NODES, which need it", msg)

    def test_line_op_names_an_axis_of_the_extent(self):
        msg = self.broken("containers.proto", 'op: LINE_DELETE, index: "index", axis: "rows"',
                          'op: LINE_DELETE, index: "index", axis: "row"')
        self.assertIn("LINE_DELETE names its `axis`, one of ['rows', 'columns'] ('row' is none)", msg)

    def test_line_op_on_a_list(self):
        msg = self.broken("controls.proto", 'field: "items", op: CLEAR', 'field: "items", op: LINE_DELETE')
        self.assertIn("LINE_INSERT and LINE_DELETE, and only they, change an extent", msg)

    def test_extent_cell_that_no_attach_takes(self):
        msg = self.broken("containers.proto", 'cells: ["row", "col"]', 'cells: ["row", "column"]')
        self.assertIn("exactly one ATTACH of GridBox must take every cell field", msg)

    def test_extent_count_that_is_no_constructor_field(self):
        msg = self.broken("containers.proto", 'counts: ["rows", "columns"]', 'counts: ["rows", "cols"]')
        # The first check to meet it names it: GridBox's counts getter.
        self.assertRegex(msg, r"GridBox.*'cols'.*constructor field")


if __name__ == "__main__":
    unittest.main()
