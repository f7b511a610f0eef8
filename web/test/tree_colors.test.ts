// set_colors on the real widgets: clear_all_colors first when spec.clear,
// then each colour as its own setter sets it, as the server records them
// (tests/unit/test_state_within.cpp, "set_colors ..."): the same calls
// leave the page with the colours the server keeps.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TableView } from "../src/widgets/tree/tableview.js";
import { TreeView } from "../src/widgets/tree/treeview.js";
import { pathKey, type Grid } from "../src/widgets/tree/grid.js";
import type { TableViewCreateArgs, TableViewEvents, TreeViewCreateArgs, TreeViewEvents } from "../src/schema.js";
import { Bench, recorder } from "./support/widgets.js";

const options = {
  show_header: true, selection_mode: "multiple", alternate_row_colors: false, show_grid: false,
  show_row_numbers: false, sortable: false, allow_text_selection: false, cell_cursor: false,
} as const;
const gridOf = (w: TreeView | TableView) => (w as unknown as { grid: Grid }).grid;
const colour = (bg: string) => ({ fg: "", bg, bold: false });

describe("set_colors", () => {
  it("TreeView: adds to the colours, or with clear replaces them all; a node not there gets none", () => {
    const bench = new Bench();
    const t = new TreeView(9, { ...options } as TreeViewCreateArgs, recorder<TreeViewEvents>(9, bench.events), bench.env);
    t.set_tree([{ path: ["a"], values: {} }, { path: ["b"], values: {} }]);
    t.set_row_color(["b"], "", "red", false);
    t.set_colors({
      cells: [{ path: ["a"], col_key: "size", ...colour("blue") }, { path: ["zz"], col_key: "size", ...colour("blue") }],
      rows: [{ path: ["a"], fg: "white", bg: "", bold: false }],
      columns: [{ col_key: "size", ...colour("") }],
      table: [colour("gray")],
      clear: false,
    });
    const g = gridOf(t);
    assert.deepEqual([...g.rowColors.keys()].sort(), [pathKey(["a"]), pathKey(["b"])]);
    assert.deepEqual([...g.cellColors.keys()], [pathKey(["a"])]);
    assert.deepEqual([...g.columnColors.keys()], ["size"]);
    assert.equal(g.tableColor?.bg, "gray");
    t.set_colors({ cells: [], rows: [{ path: ["a"], ...colour("green") }], columns: [], table: [], clear: true });
    assert.deepEqual([...g.rowColors.keys()], [pathKey(["a"])]);
    assert.equal(g.rowColors.get(pathKey(["a"]))?.bg, "green");
    assert.equal(g.cellColors.size + g.columnColors.size, 0);
    assert.equal(g.tableColor, null);
  });

  it("TableView: rows, cells and columns by position", () => {
    const bench = new Bench();
    const t = new TableView(9, { ...options } as TableViewCreateArgs, recorder<TableViewEvents>(9, bench.events), bench.env);
    t.set_data([{ cells: [1n] }, { cells: [2n] }]);
    t.set_colors({
      cells: [{ row: 1, col_index: 0, ...colour("blue") }], rows: [{ row: 0, ...colour("red") }],
      columns: [{ col_index: 0, ...colour("gray") }], table: [], clear: true,
    });
    const g = gridOf(t);
    const key = (row: number) => pathKey(g.pathOf(g.root.children[row]!));
    assert.deepEqual([...g.rowColors.keys()], [key(0)]);
    assert.deepEqual([...g.cellColors.keys()], [key(1)]);
    assert.deepEqual([...g.columnColors.keys()], ["0"]);
  });
});
