// The shared table of column inserts and deletes (tests/cases/state_columns.json),
// against the real widgets: the page's columns, cells and per-column state
// after each case's calls are the server's (tests/unit/test_state_columns.cpp
// runs the same cases), so a reload, which sends the server's state, shows
// what the live page did.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import table from "../../tests/cases/state_columns.json";
import { TableView } from "../src/widgets/tree/tableview.js";
import { TreeView } from "../src/widgets/tree/treeview.js";
import { pathKey, valuesOf, type Grid, type GridNode } from "../src/widgets/tree/grid.js";
import type { Column, TableViewCreateArgs, TableViewEvents, TreeViewCreateArgs, TreeViewEvents, Value } from "../src/schema.js";
import { Bench, recorder } from "./support/widgets.js";

type Path = string[];
type Call = [string, ...unknown[]];
interface Expect<C, R> {
  columns: string[];
  widths?: [C, number][];
  editable?: [C, boolean][];
  column_colors?: C[];
  cell_colors?: [R, C][];
  cell_selection?: [R, C][];
  sort?: C | null;
}
interface TableCase {
  name: string;
  columns: string[];
  rows: (number | null)[][];
  calls: Call[];
  expect: Expect<number, number> & { rows: (number | null)[][] };
}
interface TreeCase {
  name: string;
  columns: string[];
  tree: [Path, Record<string, number>][];
  calls: Call[];
  expect: Expect<string, Path> & { values: [Path, Record<string, number>][] };
}

const options = {
  show_header: true, selection_mode: "multiple", alternate_row_colors: false, show_grid: false,
  show_row_numbers: false, sortable: true, allow_text_selection: false, cell_cursor: false,
} as const;

const gridOf = (w: TreeView | TableView) => (w as unknown as { grid: Grid }).grid;
const column = (title: string, key = ""): Column =>
  ({ title, width: undefined, key, type: "string", editable: false, widget: "none", choices: [] });
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
// Cells as the page holds them (an int64 Value decodes to a bigint): plain numbers, null for none.
const plain = (v: Value | undefined) => (v === undefined || v === null ? null : Number(v));

function tableCall(t: TableView, [name, a, b, c]: Call): void {
  switch (name) {
    case "insert_column": return t.insert_column(a as number, column(b as string));
    case "append_column": return t.append_column(column(a as string));
    case "delete_column": return t.delete_column(a as number);
    case "set_column_width": return t.set_column_width(a as number, b as number);
    case "set_column_editable": return t.set_column_editable(a as number, b as boolean);
    case "set_column_color": return t.set_column_color(a as number, "", b as string, false);
    case "set_cell_color": return t.set_cell_color(a as number, b as number, "", c as string, false);
    case "select_cell": return t.select_cell(a as number, b as number);
    case "sort_by_column": return t.sort_by_column(a as number, true);
    case "insert_row": return t.insert_row(a as number, []);
    default: throw new Error(`the table is wrong: no TableView call ${name}`);
  }
}

function treeCall(t: TreeView, [name, a, b, c]: Call): void {
  switch (name) {
    case "insert_column": return t.insert_column(column(a as string || "(none)", a as string), b as string);
    case "append_column": return t.append_column(column(a as string || "(none)", a as string));
    case "delete_column": return t.delete_column(a as string);
    case "set_column_width": return t.set_column_width(a as string, b as number);
    case "set_column_editable": return t.set_column_editable(a as string, b as boolean);
    case "set_column_color": return t.set_column_color(a as string, "", b as string, false);
    case "set_cell_color": return t.set_cell_color(a as Path, b as string, "", c as string, false);
    case "select_cell": return t.select_cell(a as Path, b as string);
    case "sort_by_column": return t.sort_by_column(a as string, true);
    default: throw new Error(`the table is wrong: no TreeView call ${name}`);
  }
}

/** What both views share: widths, flags, column colours and sort, by the key `col` reads back. */
function checkColumns<C>(g: Grid, want: Expect<C, unknown>, col: (key: string) => C): void {
  const fixed = (g as unknown as { fixedWidths: Map<string, number> }).fixedWidths;
  if (want.widths) assert.deepEqual(sorted([...fixed].map(([k, w]) => [col(k), w])), sorted(want.widths), "widths");
  if (want.editable) assert.deepEqual(sorted([...g.editableColumns].map(([k, e]) => [col(k), e])), sorted(want.editable), "editable");
  if (want.column_colors) assert.deepEqual(sorted([...g.columnColors.keys()].map(col)), sorted(want.column_colors), "column_colors");
  if (want.sort !== undefined) assert.deepEqual(g.sortKey === null ? null : col(g.sortKey), want.sort, "sort");
}

describe("state columns: the table cases of the shared table, against the real TableView", () => {
  for (const c of table.table as TableCase[]) {
    it(c.name, () => {
      const bench = new Bench();
      const t = new TableView(9, { ...options } as TableViewCreateArgs, recorder<TableViewEvents>(9, bench.events), bench.env);
      t.set_columns(c.columns.map((title) => column(title)));
      t.set_data(c.rows.map((cells) => ({ cells: cells.map((v) => (v === null ? null : BigInt(v))) })));
      for (const call of c.calls) tableCall(t, call);
      const g = gridOf(t);
      const want = c.expect;
      assert.deepEqual(g.columns.map((col) => col.title), want.columns, "columns");
      assert.deepEqual(g.root.children.map((n) => n.cells.map(plain)), want.rows, "rows");
      checkColumns(g, want, Number);
      const positions = new Map<GridNode, number>(g.root.children.map((n, i) => [n, i]));
      if (want.cell_colors) {
        const cells = g.root.children.flatMap((n, i) =>
          [...(g.cellColors.get(pathKey(g.pathOf(n)))?.keys() ?? [])].map((col) => [i, Number(col)]));
        assert.deepEqual(sorted(cells), sorted(want.cell_colors), "cell_colors");
      }
      if (want.cell_selection) {
        const cells = [...g.cellSelection.values()].map((s) => [positions.get(s.node), s.col]);
        assert.deepEqual(sorted(cells), sorted(want.cell_selection), "cell_selection");
      }
    });
  }
});

describe("state columns: the tree cases of the shared table, against the real TreeView", () => {
  for (const c of table.tree as TreeCase[]) {
    it(c.name, () => {
      const bench = new Bench();
      const t = new TreeView(9, { ...options } as TreeViewCreateArgs, recorder<TreeViewEvents>(9, bench.events), bench.env);
      t.set_columns(c.columns.map((key) => column(key || "(none)", key)));
      const values = (v: Record<string, number>) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, BigInt(x)]));
      t.set_tree(c.tree.map(([path, v]) => ({ path, values: values(v) })));
      for (const call of c.calls) treeCall(t, call);
      const g = gridOf(t);
      const want = c.expect;
      assert.deepEqual(g.colKeys, want.columns, "columns");
      const nodes: [Path, Record<string, number | null>][] = [];
      g.walk(g.root, (n) => nodes.push([g.pathOf(n), Object.fromEntries(Object.entries(valuesOf(n)).map(([k, v]) => [k, plain(v)]))]));
      assert.deepEqual(nodes, want.values, "values");
      checkColumns(g, want, (k) => k);
      if (want.cell_colors) {
        const cells = [...g.cellColors].flatMap(([row, cols]) => [...cols.keys()].map((col) => [row, col]));
        assert.deepEqual(sorted(cells), sorted(want.cell_colors.map(([p, col]) => [pathKey(p), col])), "cell_colors");
      }
      if (want.cell_selection) {
        const cells = [...g.cellSelection.values()].map((s) => [g.pathOf(s.node), g.colKeys[s.col]]);
        assert.deepEqual(sorted(cells), sorted(want.cell_selection), "cell_selection");
      }
    });
  }
});
