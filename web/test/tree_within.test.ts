// The shared table of the sets a TreeView and a TableView keep on their
// rows (tests/cases/state_within.json), against the real widgets: the
// page's expansion, selection and row colours after each case's calls are
// the server's (tests/unit/test_state_within.cpp runs the same cases), so
// a reload, which sends the server's sets, shows what the live page did.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import table from "../../tests/cases/state_within.json";
import { TableView } from "../src/widgets/tree/tableview.js";
import { TreeView } from "../src/widgets/tree/treeview.js";
import { pathKey, type Grid, type GridNode } from "../src/widgets/tree/grid.js";
import type { Column, TableViewCreateArgs, TableViewEvents, TreeViewCreateArgs, TreeViewEvents } from "../src/schema.js";
import { Bench, recorder } from "./support/widgets.js";

type Path = string[];
type Call = [string, ...unknown[]];
interface TreeCase {
  name: string;
  start: Path[];
  calls: Call[];
  expect: { expanded?: Path[]; selection?: Path[]; row_colors?: Path[]; cell_colors?: [Path, string][]; cell_selection?: [Path, string][] };
}
interface TableCase {
  name: string;
  start: number;
  calls: Call[];
  expect: { selection?: number[]; row_colors?: number[]; cell_colors?: [number, number][]; cell_selection?: [number, number][] };
}

const options = {
  show_header: true, selection_mode: "multiple", alternate_row_colors: false, show_grid: false,
  show_row_numbers: false, sortable: false, allow_text_selection: false, cell_cursor: false,
} as const;

const gridOf = (w: TreeView | TableView) => (w as unknown as { grid: Grid }).grid;
const items = (paths: Path[]) => paths.map((path) => ({ path, values: {} }));
const tpaths = (paths: Path[]) => paths.map((path) => ({ path }));
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ cells: [i] }));
const treeCells = (cells: [Path, string][]) => cells.map(([path, col_key]) => ({ path, col_key }));
const rowCells = (cells: [number, number][]) => cells.map(([row, col_index]) => ({ row, col_index }));
// Columns for the cells the cases select (a cell of a column not there selects nothing).
const column = (key: string): Column => ({ title: key, width: 80, key, type: "string", editable: false, widget: "none", choices: [] });
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

function walk(g: Grid): GridNode[] {
  const out: GridNode[] = [];
  g.walk(g.root, (n) => {
    if (n !== g.root) out.push(n);
  });
  return out;
}

function treeCall(t: TreeView, [name, a, b, c]: Call): void {
  switch (name) {
    case "expand_all": return t.expand_all();
    case "select_all": return t.select_all();
    case "clear": return t.clear();
    case "set_tree": return t.set_tree(items(a as Path[]));
    case "set_columns": return t.set_columns((a as string[]).map(column));
    case "update_tree": return t.update_tree(items(a as Path[]));
    case "remove_items": return t.remove_items(tpaths(a as Path[]));
    case "set_expanded": return t.set_expanded(tpaths(a as Path[]));
    case "select_paths": return t.select_paths(tpaths(a as Path[]));
    case "delete_tree": return t.delete_tree(tpaths(a as Path[]), b as boolean);
    case "set_row_color": return t.set_row_color(a as Path, "", b as string, false);
    case "set_cell_color": return t.set_cell_color(a as Path, b as string, "", c as string, false);
    case "clear_cell_color": return t.clear_cell_color(a as Path, b as string);
    case "add_item": return t.add_item(a as Path, {});
    case "remove_item": return t.remove_item(a as Path);
    case "expand_item": return t.expand_item(a as Path);
    case "collapse_item": return t.collapse_item(a as Path);
    case "select_path": return t.select_path(a as Path);
    case "select_cell": return t.select_cell(a as Path, b as string);
    case "unselect_cell": return t.unselect_cell(a as Path, b as string);
    case "select_cells": return t.select_cells(treeCells(a as [Path, string][]));
    case "set_selected_cells": return t.set_selected_cells(treeCells(a as [Path, string][]));
    case "clear_cell_selection": return t.clear_cell_selection();
    default: throw new Error(`the table is wrong: no TreeView call ${name}`);
  }
}

function tableCall(t: TableView, [name, a, b, c]: Call): void {
  switch (name) {
    case "select_all": return t.select_all();
    case "clear": return t.clear();
    case "append_row": return t.append_row([null]);
    case "set_columns": return t.set_columns(Array.from({ length: a as number }, (_, i) => column(`c${i}`)));
    case "set_data": return t.set_data(rows(a as number));
    case "update_data": return t.update_data(rows(a as number));
    case "select_row": return t.select_row(a as number);
    case "unselect_row": return t.unselect_row(a as number);
    case "select_paths": return t.select_paths((a as number[]).map((row) => ({ row })));
    case "insert_row": return t.insert_row(a as number, [null]);
    case "delete_row": return t.delete_row(a as number);
    case "set_row_color": return t.set_row_color(a as number, "", b as string, false);
    case "set_cell_color": return t.set_cell_color(a as number, b as number, "", c as string, false);
    case "clear_cell_color": return t.clear_cell_color(a as number, b as number);
    case "select_cell": return t.select_cell(a as number, b as number);
    case "unselect_cell": return t.unselect_cell(a as number, b as number);
    case "select_cells": return t.select_cells(rowCells(a as [number, number][]));
    case "set_selected_cells": return t.set_selected_cells(rowCells(a as [number, number][]));
    case "clear_cell_selection": return t.clear_cell_selection();
    default: throw new Error(`the table is wrong: no TableView call ${name}`);
  }
}

describe("state within: the tree cases of the shared table, against the real TreeView", () => {
  for (const c of table.tree as TreeCase[]) {
    it(c.name, () => {
      const bench = new Bench();
      const t = new TreeView(9, { ...options } as TreeViewCreateArgs, recorder<TreeViewEvents>(9, bench.events), bench.env);
      t.set_columns([column("name"), column("size")]);
      t.set_tree(items(c.start));
      for (const call of c.calls) treeCall(t, call);
      const g = gridOf(t);
      const nodes = walk(g);
      const want = c.expect;
      if (want.expanded) {
        assert.deepEqual(sorted(nodes.filter((n) => n.expanded).map((n) => g.pathOf(n))), sorted(want.expanded), "expanded");
      }
      if (want.selection) assert.deepEqual(sorted(g.selection.map((n) => g.pathOf(n))), sorted(want.selection), "selection");
      // Every colour the page keeps, a node's or not: none may linger for a path not there.
      if (want.row_colors) assert.deepEqual(sorted([...g.rowColors.keys()]), sorted(want.row_colors.map(pathKey)), "row_colors");
      if (want.cell_colors) {
        const cells = [...g.cellColors].flatMap(([row, cols]) => [...cols.keys()].map((col) => [row, col]));
        assert.deepEqual(sorted(cells), sorted(want.cell_colors.map(([p, col]) => [pathKey(p), col])), "cell_colors");
      }
      if (want.cell_selection) {
        const cells = [...g.cellSelection.values()].map((c) => [g.pathOf(c.node), g.colKeys[c.col]]);
        assert.deepEqual(sorted(cells), sorted(want.cell_selection), "cell_selection");
      }
    });
  }
});

describe("state within: the table cases of the shared table, against the real TableView", () => {
  for (const c of table.table as TableCase[]) {
    it(c.name, () => {
      const bench = new Bench();
      const t = new TableView(9, { ...options } as TableViewCreateArgs, recorder<TableViewEvents>(9, bench.events), bench.env);
      t.set_columns([0, 1, 2, 3].map((i) => column(`c${i}`)));
      t.set_data(rows(c.start));
      for (const call of c.calls) tableCall(t, call);
      const g = gridOf(t);
      const want = c.expect;
      const positions = new Map(g.root.children.map((n, i) => [n, i]));
      if (want.selection) assert.deepEqual(sorted(g.selection.map((n) => positions.get(n)!)), sorted(want.selection), "selection");
      if (want.row_colors) {
        const colored = g.root.children.flatMap((n, i) => (g.rowColors.has(pathKey(g.pathOf(n))) ? [i] : []));
        assert.deepEqual(colored, want.row_colors, "row_colors");
        assert.equal(g.rowColors.size, colored.length, "a row colour lingers for a row not there");
      }
      if (want.cell_colors) {
        const cells = g.root.children.flatMap((n, i) =>
          [...(g.cellColors.get(pathKey(g.pathOf(n)))?.keys() ?? [])].map((col) => [i, Number(col)]));
        assert.deepEqual(sorted(cells), sorted(want.cell_colors), "cell_colors");
        assert.equal(g.cellColors.size, new Set(cells.map(([i]) => i)).size, "a cell colour lingers for a row not there");
      }
      if (want.cell_selection) {
        const cells = [...g.cellSelection.values()].map((c) => [positions.get(c.node), c.col]);
        assert.deepEqual(sorted(cells), sorted(want.cell_selection), "cell_selection");
      }
    });
  }
});
