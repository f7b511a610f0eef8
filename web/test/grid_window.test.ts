// Grid.visibleColumns: the columns a scrolled row writes text into. A
// column in sight left out shows empty cells; so the window errs wide, one
// column past each edge, and takes every column when the body has no size.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TableView } from "../src/widgets/tree/tableview.js";
import type { Grid } from "../src/widgets/tree/grid.js";
import type { TableViewCreateArgs, TableViewEvents } from "../src/schema.js";
import { Bench, recorder } from "./support/widgets.js";

const options = {
  show_header: true, selection_mode: "single", alternate_row_colors: false, show_grid: false,
  show_row_numbers: false, sortable: false, allow_text_selection: false, cell_cursor: false,
} as const;

/** A table of `widths.length` columns; the window as [first, last]. */
function windowOf(widths: number[], left: number, width: number, setup?: (t: TableView) => void): [number, number] {
  const bench = new Bench();
  const t = new TableView(3, { ...options } as TableViewCreateArgs, recorder<TableViewEvents>(3, bench.events), bench.env);
  t.set_columns(widths.map((w, i) => ({ title: `c${i}`, width: w })) as never);
  setup?.(t);
  const packed = (t as unknown as { grid: Grid }).grid.visibleColumns(left, width);
  return [Math.floor(packed / 65536), packed % 65536];
}

describe("Grid.visibleColumns", () => {
  const ten = Array.from({ length: 10 }, () => 100);

  it("takes the columns in sight and one past each edge", () => {
    assert.deepEqual(windowOf(ten, 0, 250), [0, 3]);
    assert.deepEqual(windowOf(ten, 250, 250), [1, 5]);
    // A column whose edge is the view's edge is not in sight.
    assert.deepEqual(windowOf(ten, 300, 200), [2, 5]);
    assert.deepEqual(windowOf(ten, 900, 100), [8, 9]);
    assert.deepEqual(windowOf(ten, 0, 5000), [0, 9]);
  });

  it("takes every column when the body has no size yet", () => {
    assert.deepEqual(windowOf(ten, 0, 0), [0, 9]);
  });

  it("counts the row numbers' column and the spacing between columns", () => {
    // Row numbers take 48 px: columns start at 48, 148, 248, ...
    assert.deepEqual(windowOf(ten, 140, 5, (t) => t.set_show_row_numbers(true)), [0, 1]);
    assert.deepEqual(windowOf(ten, 140, 5), [0, 2]);
    // 20 px between columns: they start at 0, 120, 240, 360, ...
    assert.deepEqual(windowOf(ten, 410, 10, (t) => t.set_column_spacing(20)), [2, 4]);
    assert.deepEqual(windowOf(ten, 410, 10), [3, 5]);
    // A view that falls in a gap shows the columns on both sides of it.
    assert.deepEqual(windowOf(ten, 342, 10, (t) => t.set_column_spacing(20)), [2, 4]);
  });
});
