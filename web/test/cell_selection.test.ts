// Cells the user selects (selection modes "single_cell" and "multiple_cell")
// are reported with cell_selected and answered by get_selected_cells in the
// order shown, by row on screen and then column, as pgwidgets orders them:
// TableView's by data position and column index, TreeView's by path and key.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TableView } from "../src/widgets/tree/tableview.js";
import { TreeView } from "../src/widgets/tree/treeview.js";
import type { Grid, GridNode } from "../src/widgets/tree/grid.js";
import type { Column, TableViewCreateArgs, TableViewEvents, TreeViewCreateArgs, TreeViewEvents } from "../src/schema.js";
import { Bench, recorder } from "./support/widgets.js";

const options = {
  show_header: true, selection_mode: "multiple_cell", alternate_row_colors: false, show_grid: false,
  show_row_numbers: false, sortable: true, allow_text_selection: false, cell_cursor: false,
} as const;

const column = (key: string): Column => ({ title: key, width: 80, key, type: "string", editable: false, widget: "none", choices: [] });
// A user's Ctrl+click on a cell (the grid's own click handling, without the DOM hit test).
const ctrlClick = (g: Grid, node: GridNode, col: number) =>
  (g as unknown as { clickSelect(n: GridNode, c: number, toggle: boolean, extend: boolean): void }).clickSelect(node, col, true, false);
const gridOf = (w: TreeView | TableView) => (w as unknown as { grid: Grid }).grid;
const lastReport = (bench: Bench) => bench.events.filter((e) => e[0] === "9:cell_selected").at(-1)?.[1];

describe("cell selection", () => {
  it("TableView reports the cells selected, by row shown then column, each at its data position", () => {
    const bench = new Bench();
    const t = new TableView(9, { ...options } as TableViewCreateArgs, recorder<TableViewEvents>(9, bench.events), bench.env);
    t.set_columns([column("a"), column("b"), column("c")]);
    t.set_data([0, 1, 2, 3, 4].map((i) => ({ cells: [BigInt(i), `b${i}`, `c${i}`] })));
    t.sort_by_column(0, false);  // shown 4, 3, 2, 1, 0
    const g = gridOf(t);
    const row = (i: number) => g.root.children[i]!;
    ctrlClick(g, row(1), 2);
    ctrlClick(g, row(3), 1);
    ctrlClick(g, row(3), 0);
    const want = [{ row: 3, col_index: 0 }, { row: 3, col_index: 1 }, { row: 1, col_index: 2 }];
    assert.deepEqual(lastReport(bench), want);
    assert.deepEqual(t.get_selected_cells(), want);
    // A second Ctrl+click takes the cell out.
    ctrlClick(g, row(3), 1);
    assert.deepEqual(lastReport(bench), [{ row: 3, col_index: 0 }, { row: 1, col_index: 2 }]);
    // A row inserted above moves the cells' positions with their rows.
    t.insert_row(0, [BigInt(9), "b", "c"]);
    assert.deepEqual(t.get_selected_cells(), [{ row: 4, col_index: 0 }, { row: 2, col_index: 2 }]);
  });

  it("TreeView reports the cells selected, by row shown then column, by path and column key", () => {
    const bench = new Bench();
    const t = new TreeView(9, { ...options } as TreeViewCreateArgs, recorder<TreeViewEvents>(9, bench.events), bench.env);
    t.set_columns([column("name"), column("size")]);
    t.set_tree([{ path: ["b"], values: {} }, { path: ["a"], values: {} }, { path: ["a", "x"], values: {} }]);
    t.expand_item(["a"]);
    const g = gridOf(t);
    ctrlClick(g, g.find(["b"])!, 1);
    ctrlClick(g, g.find(["a", "x"])!, 1);
    ctrlClick(g, g.find(["a", "x"])!, 0);
    const want = [{ path: ["b"], col_key: "size" }, { path: ["a", "x"], col_key: "name" }, { path: ["a", "x"], col_key: "size" }];
    assert.deepEqual(lastReport(bench), want);
    assert.deepEqual(t.get_selected_cells(), want);
  });

  it("a program's select_cell, unselect_cell, select_cells, set_selected_cells and clear_cell_selection report nothing", () => {
    const bench = new Bench();
    const t = new TableView(9, { ...options } as TableViewCreateArgs, recorder<TableViewEvents>(9, bench.events), bench.env);
    t.set_columns([column("a"), column("b")]);
    t.set_data([0, 1, 2].map((i) => ({ cells: [BigInt(i), `b${i}`] })));
    t.select_cell(2, 1);
    t.select_cells([{ row: 0, col_index: 0 }, { row: 7, col_index: 0 }, { row: 1, col_index: 5 }]);
    assert.deepEqual(t.get_selected_cells(), [{ row: 0, col_index: 0 }, { row: 2, col_index: 1 }]);
    t.unselect_cell(2, 1);
    assert.deepEqual(t.get_selected_cells(), [{ row: 0, col_index: 0 }]);
    t.set_selected_cells([{ row: 1, col_index: 1 }]);
    assert.deepEqual(t.get_selected_cells(), [{ row: 1, col_index: 1 }]);
    t.clear_cell_selection();
    assert.deepEqual(t.get_selected_cells(), []);
    assert.equal(lastReport(bench), undefined);
  });
});
