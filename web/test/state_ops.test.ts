// The shared collection-state table (tests/cases/state_ops.json), whose
// rules the server applies (runtime/src/state_ops.cpp): every 'combo' case
// against the real ComboBox, so the page's list is the server's list (a
// rebuild sends the server's list; live calls build the page's), and every
// 'grid' case against the real GridBox.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import table from "../../tests/cases/state_ops.json";
import { ComboBox } from "../src/widgets/controls/combobox.js";
import { GridBox } from "../src/widgets/containers/gridbox.js";
import type { ComboBoxEvents, GridBoxEvents, WidgetHandle } from "../src/schema.js";
import { Bench, recorder } from "./support/widgets.js";

interface ComboCase {
  name: string;
  items: string[];
  ops: string[][];
  expect: string[];
}

describe("state ops: the combo cases of the shared table", () => {
  for (const c of table.combo as ComboCase[]) {
    it(c.name, () => {
      const bench = new Bench();
      const combo = new ComboBox(7, { editable: false, dropdown_limit: 0, items: c.items },
        recorder<ComboBoxEvents>(7, bench.events), bench.env);
      for (const [method, text] of c.ops) {
        if (method === "append_text") combo.append_text(text!);
        else if (method === "insert_alpha") combo.insert_alpha(text!);
        else if (method === "delete_alpha") combo.delete_alpha(text!);
        else if (method === "clear") combo.clear();
        else throw new Error(`the table is wrong: no ComboBox method ${method}`);
      }
      assert.deepEqual((combo as unknown as { items: string[] }).items, c.expect);
    });
  }
});

interface GridCase {
  name: string;
  rows: number;
  columns: number;
  children: number[][];
  op: (string | number | number[])[];
  expect?: { rows: number; columns: number; children: number[][] };
  error?: string;
}

// What the grid holds: its extent and each child's cell, in child-list order.
function gridState(g: GridBox): { rows: number; columns: number; children: number[][] } {
  const cells = (g as unknown as { cells: Map<WidgetHandle, { row: number; col: number }> }).cells;
  const { rows, columns } = g.get_row_column_count();
  return {
    rows,
    columns,
    children: g.childHandles().map((h) => [h.widgetId, cells.get(h)!.row, cells.get(h)!.col]),
  };
}

describe("state ops: the grid cases of the shared table, against the real GridBox", () => {
  for (const c of table.grid as GridCase[]) {
    it(c.name, () => {
      const bench = new Bench();
      const g = new GridBox(100, { rows: c.rows, columns: c.columns }, recorder<GridBoxEvents>(100, bench.events), bench.env);
      const widgets = new Map<number, WidgetHandle>([[100, g]]);
      const widget = (id: number) => {
        if (!widgets.has(id)) widgets.set(id, bench.box(id));
        return widgets.get(id)!;
      };
      for (let id = 20; id < 30; id++) widget(id);
      for (const [id, row, col] of c.children) g.add_widget(widget(id!), row!, col!);
      const before = gridState(g);
      const [method, ...args] = c.op;
      const list = (v: unknown) => (v as number[]).map(widget);
      const run = () => {
        if (method === "insert_row") g.insert_row(args[0] as number, list(args[1]));
        else if (method === "append_row") g.append_row(list(args[0]));
        else if (method === "delete_row") g.delete_row(args[0] as number);
        else if (method === "insert_column") g.insert_column(args[0] as number, list(args[1]));
        else if (method === "append_column") g.append_column(list(args[0]));
        else if (method === "delete_column") g.delete_column(args[0] as number);
        else if (method === "add_widget") g.add_widget(widget(args[0] as number), args[1] as number, args[2] as number);
        else throw new Error(`the table is wrong: no GridBox method ${String(method)}`);
      };
      if (c.error !== undefined) {
        assert.throws(run, (e: Error) => e.message.includes(c.error!));
        assert.deepEqual(gridState(g), before);
      } else {
        run();
        assert.deepEqual(gridState(g), c.expect);
      }
    });
  }
});
