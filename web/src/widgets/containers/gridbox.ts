// GridBox: children in the cells of a CSS grid that grows to the cells used.
import "./gridbox.css";
import type {
  GridBoxCreateArgs,
  GridBoxEvents,
  GridBoxImpl,
  RowColumnCountValue,
  WidgetHandle,
} from "../../schema.js";
import { el } from "../../dom.js";
import { NO_WIDGET } from "../../parts/no_widget.js";
import { Container } from "../container.js";
import type { Widget, WidgetEnv } from "../widget.js";

interface CellPos {
  row: number;
  col: number;
}

export class GridBox extends Container implements GridBoxImpl {
  private readonly cells = new Map<Widget, CellPos>();
  private rows: number;
  private columns: number;
  // Row and column spacing win over set_spacing whatever the order, so a
  // rebuilt page, which replays each field once, draws the same gaps.
  private spacing = -1;
  private rowSpacing = -1;
  private columnSpacing = -1;

  constructor(widgetId: number, args: GridBoxCreateArgs, events: GridBoxEvents, env: WidgetEnv) {
    super(widgetId, "GridBox", env, events, el("div"));
    this.rows = Math.max(1, args.rows);
    this.columns = Math.max(1, args.columns);
    this.updateTracks();
  }

  add_widget(handle: WidgetHandle, row: number, col: number): void {
    if (!(Number.isInteger(row) && row >= 0 && Number.isInteger(col) && col >= 0)) {
      throw new Error(`cell (${row}, ${col}) is not in ${this}: row and col count from 0`);
    }
    const { child } = this.adopt(handle);
    this.cells.set(child, { row, col });
    this.rows = Math.max(this.rows, row + 1);
    this.columns = Math.max(this.columns, col + 1);
    this.updateTracks();
    const s = child.element.style;
    s.gridRow = String(row + 1);
    s.gridColumn = String(col + 1);
    this.element.appendChild(child.element);
  }

  set_row_spacing(px: number): void {
    this.rowSpacing = Math.max(0, px);
    this.updateGaps();
  }

  set_column_spacing(px: number): void {
    this.columnSpacing = Math.max(0, px);
    this.updateGaps();
  }

  set_spacing(px: number): void {
    this.spacing = Math.max(0, px);
    this.updateGaps();
  }

  get_row_column_count(): RowColumnCountValue {
    return { rows: this.rows, columns: this.columns };
  }

  /** The child added last to the cell, if several share it. */
  get_widget_at_cell(row: number, col: number): WidgetHandle {
    let found: WidgetHandle = NO_WIDGET;
    for (const k of this.children) {
      const p = this.cells.get(k);
      if (p && p.row === row && p.col === col) found = k;
    }
    return found;
  }

  // The line operations follow the server's rules (runtime/src/state_ops.cpp
  // plan_line_op; tests/cases/state_ops.json "grid" checks both ends): the
  // server refuses a bad call before it is sent, and a rebuild sends the
  // grid's extent and each child's cell as they are after them.

  insert_row(index: number, widgets: WidgetHandle[]): void {
    this.insertLine("row", index, widgets);
  }

  append_row(widgets: WidgetHandle[]): void {
    this.insertLine("row", this.rows, widgets);
  }

  delete_row(index: number): void {
    this.deleteLine("row", index);
  }

  insert_column(index: number, widgets: WidgetHandle[]): void {
    this.insertLine("col", index, widgets);
  }

  append_column(widgets: WidgetHandle[]): void {
    this.insertLine("col", this.columns, widgets);
  }

  delete_column(index: number): void {
    this.deleteLine("col", index);
  }

  private count(axis: keyof CellPos): number {
    return axis === "row" ? this.rows : this.columns;
  }

  private insertLine(axis: keyof CellPos, index: number, widgets: WidgetHandle[]): void {
    const n = this.count(axis);
    if (!(Number.isInteger(index) && index >= 0 && index <= n)) {
      throw new Error(`index ${index} is out of range for ${this}: inserting takes 0..${n} here (${n} lines)`);
    }
    for (const w of widgets) this.acceptable(w);  // every check before the first change
    for (const [child, pos] of this.cells) {
      if (pos[axis] >= index) this.place(child, { ...pos, [axis]: pos[axis] + 1 });
    }
    if (axis === "row") this.rows += 1;
    else this.columns += 1;
    this.updateTracks();
    widgets.forEach((w, k) => {
      if (axis === "row") this.add_widget(w, index, k);
      else this.add_widget(w, k, index);
    });
  }

  private deleteLine(axis: keyof CellPos, index: number): void {
    const n = this.count(axis);
    if (!(Number.isInteger(index) && index >= 0 && index < n)) {
      throw new Error(`index ${index} is out of range for ${this}: deleting takes 0..${n - 1} here (${n} lines)`);
    }
    for (const [child, pos] of [...this.cells]) {
      if (pos[axis] === index) this.release(child);
      else if (pos[axis] > index) this.place(child, { ...pos, [axis]: pos[axis] - 1 });
    }
    if (axis === "row") this.rows = Math.max(1, this.rows - 1);
    else this.columns = Math.max(1, this.columns - 1);
    this.updateTracks();
  }

  private place(child: Widget, pos: CellPos): void {
    this.cells.set(child, pos);
    child.element.style.gridRow = String(pos.row + 1);
    child.element.style.gridColumn = String(pos.col + 1);
  }

  protected override childReleased(child: Widget): void {
    this.cells.delete(child);
    child.element.style.gridRow = "";
    child.element.style.gridColumn = "";
  }

  private updateTracks(): void {
    this.element.style.gridTemplateRows = `repeat(${this.rows}, auto)`;
    this.element.style.gridTemplateColumns = `repeat(${this.columns}, auto)`;
  }

  private updateGaps(): void {
    const gap = (own: number) => (own >= 0 ? `${own}px` : this.spacing >= 0 ? `${this.spacing}px` : "");
    this.element.style.rowGap = gap(this.rowSpacing);
    this.element.style.columnGap = gap(this.columnSpacing);
  }
}
