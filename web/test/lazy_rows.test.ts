// A TableView's rows come off the wire unread (the dispatcher's
// LazyTableRow, schema option `lazy`): set_data of 100,000 rows must read
// only the rows shown and, for a sort, the one cell sorted by. Everything a
// row is used for must still see its cells: a sort, set_cell, update_data,
// a column inserted, an activation.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { create, toBinary } from "@bufbuild/protobuf";
import * as pb_tree from "../../generated/ts/pb/pgwidgets/widgets/tree_pb.js";
import { TableView } from "../src/widgets/tree/tableview.js";
import type { Grid, GridNode } from "../src/widgets/tree/grid.js";
import { methods } from "../src/schema.js";
import type { Column, TableViewCreateArgs, TableViewEvents, WidgetHandle } from "../src/schema.js";
import { Bench, recorder } from "./support/widgets.js";

const options = {
  show_header: true, selection_mode: "multiple", alternate_row_colors: false, show_grid: false,
  show_row_numbers: false, sortable: true, allow_text_selection: false, cell_cursor: false,
} as const;
const column = (key: string, type: Column["type"]): Column => ({ title: key, width: 80, key, type, editable: false, widget: "none", choices: [] });

type Cell = bigint | string;
/** Row i: its number scrambled (7919 i mod 1000), a name, and i again. */
const rowOf = (i: number): Cell[] => [BigInt((i * 7919) % 1000), `n${i}`, BigInt(i)];
const wire = (c: Cell) => (typeof c === "bigint" ? { kind: { case: "intValue" as const, value: c } } : { kind: { case: "stringValue" as const, value: c } });

/** Calls method `name` of `t` through the dispatcher, as the page does with the server's bytes. */
function dispatch(t: TableView, name: "set_data" | "update_data", rows: Cell[][]): void {
  const bytes = toBinary(pb_tree.TableRowsDataSchema, create(pb_tree.TableRowsDataSchema, { data: rows.map((r) => ({ cells: r.map(wire) })) }));
  const entry = [...methods.values()].find((m) => m.className === "TableView" && m.name === name)!;
  entry.invoke(t as unknown as WidgetHandle, bytes, { widget: () => { throw new Error("no widgets"); }, emit: () => undefined });
}

function table(n: number) {
  const bench = new Bench();
  const t = new TableView(9, { ...options } as TableViewCreateArgs, recorder<TableViewEvents>(9, bench.events), bench.env);
  t.set_columns([column("num", "integer"), column("name", "string"), column("i", "integer")]);
  const rows = Array.from({ length: n }, (_, i) => rowOf(i));
  dispatch(t, "set_data", rows);
  const g = (t as unknown as { grid: Grid }).grid;
  const unread = () => g.root.children.filter((x) => x.row !== null).length;
  const shown = (col: number) => { g.rebuildVisible(); return g.visible.map((x: GridNode) => g.get(x, col)); };
  return { bench, t, g, rows, unread, shown };
}

describe("lazily read table rows", () => {
  it("set_data leaves every row unread, and a sort reads only the cell sorted by", () => {
    const { t, g, unread, shown } = table(1000);
    assert.equal(unread(), 1000);
    t.sort_by_column(0, true);
    g.rebuildVisible();
    assert.equal(unread(), 1000, "the sort read whole rows");
    const nums = g.visible.map((x) => Number(x.row!.cellsAt(0)));
    assert.deepEqual(nums, [...nums].sort((a, b) => a - b));
    t.sort_by_column(1, false);
    const names = shown(1) as string[];
    assert.deepEqual(names, [...names].sort().reverse());
    assert.equal(unread(), 0, "reading the cells shown leaves the rows read");
  });

  it("update_data keeps rows that come again byte for byte unread and writes those that differ", () => {
    const { t, g, rows, unread } = table(200);
    t.select_row(7);
    const next = rows.map((r) => r.slice());
    next[7]![1] = "changed";
    next.push(rowOf(200));
    dispatch(t, "update_data", next);
    assert.equal(g.root.children.length, 201);
    assert.equal(g.get(g.root.children[7]!, 1), "changed");
    assert.deepEqual(g.selection, [g.root.children[7]], "the selection moved");
    assert.equal(unread(), 201 - 2, "rows 7 and 200 were read, and the others stayed unread");
    assert.equal(g.root.children[200]!.row, null, "a row added by a request of 201 kept the request's bytes alive");
    assert.equal(g.get(g.root.children[200]!, 1), "n200");
    assert.equal(g.get(g.root.children[3]!, 1), "n3");
  });

  it("update_data that adds most of its rows keeps them unread", () => {
    const { t, g, unread } = table(3);
    dispatch(t, "update_data", Array.from({ length: 10 }, (_, i) => rowOf(i)));
    assert.equal(g.root.children.length, 10);
    assert.equal(unread(), 10, "the 7 rows added were read at once");
    assert.deepEqual(g.root.children.map((n) => g.get(n, 1)), Array.from({ length: 10 }, (_, i) => `n${i}`));
  });

  it("set_cell, a column inserted and an activation see an unread row's cells", () => {
    const { bench, t, g } = table(10);
    t.set_cell(2, 1, "two");
    assert.deepEqual(g.root.children[2]!.cells, [BigInt(7919 * 2 % 1000), "two", 2n]);
    t.insert_column(1, column("new", "string"));
    assert.deepEqual(g.root.children[4]!.cells, [BigInt(7919 * 4 % 1000), null, "n4", 4n]);
    t.activated(g.root.children[5]!, 0);
    assert.deepEqual(bench.events.filter((e) => e[0] === "9:activated").at(-1)?.[1], [BigInt(7919 * 5 % 1000), null, "n5", 5n]);
  });
});
