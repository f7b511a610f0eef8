// TableView: rows by position under column headings, on the same engine as
// TreeView (grid.ts), flat. Rows, columns and cells count from 0; a row's
// position is its place in the data, whatever the sort shows.
import type { TableColorSpec, Column, RowCell, RowIndex, TableRow, TableViewCreateArgs, TableViewEvents, TableViewImpl, Value } from "../../schema.js";
import { el } from "../../dom.js";
import { Widget, type WidgetEnv } from "../widget.js";
import { cellsOf, Grid, pathKey, type GridHost, type GridNode, type UnreadRow } from "./grid.js";

/** A row as the dispatcher's LazyTableRow gives it: its bytes, still unread. */
function unread(row: TableRow): UnreadRow | null {
  return (row as Partial<UnreadRow>).isUnread === true ? (row as UnreadRow) : null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class TableView extends Widget implements TableViewImpl, GridHost {
  readonly table = true;
  protected readonly grid: Grid;
  private readonly events: TableViewEvents;
  /** Row keys are never reused, so a pooled DOM row never confuses two rows. */
  private nextKey = 0;

  constructor(widgetId: number, args: TableViewCreateArgs, events: TableViewEvents, env: WidgetEnv) {
    const root = el("div");
    super(widgetId, "TableView", env, events, root);
    this.events = events;
    this.grid = new Grid(this, root, {
      selectionMode: args.selection_mode, showHeader: args.show_header, showGrid: args.show_grid,
      showRowNumbers: args.show_row_numbers, sortable: args.sortable, cellCursor: args.cell_cursor,
      alternate: args.alternate_row_colors,
    });
    if (args.allow_text_selection) this.set_allow_text_selection(true);
  }

  private get rows(): GridNode[] {
    return this.grid.root.children;
  }

  private rowAt(row: number): GridNode {
    const n = this.rows[row];
    if (!n) throw new Error(`TableView ${this.widgetId}: row ${row} is out of range (0..${this.rows.length - 1})`);
    return n;
  }

  private positionOf(node: GridNode): number {
    return this.rows.indexOf(node);
  }

  /** A row of the call's own cells, or of a row not read yet (read when shown or sorted by). */
  private newRow(row: Value[] | TableRow, at = -1): GridNode {
    const n = this.grid.addChild(this.grid.root, `r${this.nextKey++}`, at);
    if (Array.isArray(row)) n.cells = row;  // the call's own array: decoded for this call
    else if ((n.row = unread(row)) === null) n.cells = row.cells;
    return n;
  }

  selectedChanged(): void {
    const order = new Map(this.rows.map((n, i) => [n, i]));
    this.events.selected(this.grid.selection.map((n) => ({ row: order.get(n) ?? -1 })));
  }
  cellSelectedChanged(): void {
    this.events.cell_selected(this.get_selected_cells());
  }
  expanded(): void {}
  activated(node: GridNode, col: number | null): void {
    this.events.activated(cellsOf(node).slice(), this.positionOf(node), col ?? -1);
  }
  sorted(col: number, ascending: boolean): void {
    this.events.sorted(col, ascending);
  }
  cellEdited(node: GridNode, col: number, oldValue: Value, newValue: Value): void {
    this.events.cell_edited(this.positionOf(node), col, oldValue, newValue);
  }
  cellAction(node: GridNode, col: number): void {
    this.events.cell_action(this.positionOf(node), cellsOf(node).slice(), col);
  }
  scrolled(h: number, v: number): void {
    this.events.scrolled(h, v);
  }

  protected override teardown(): void {
    this.grid.teardown();
    super.teardown();
  }
  columnResized(col: number, width: number): void {
    this.events.column_resized(col, width);
  }
  copied(kind: "copy" | "cut" | "paste", text: string): void {
    this.events[kind](text);
  }

  set_columns(columns: Column[]): void {
    this.grid.setColumns(columns);
  }
  insert_column(index: number, column: Column): void {
    if (index < 0 || index > this.grid.columns.length) {
      throw new Error(`TableView ${this.widgetId}: column ${index} is out of range`);
    }
    this.grid.changeColumns(index, column);
  }
  append_column(column: Column): void {
    this.grid.changeColumns(this.grid.columns.length, column);
  }
  delete_column(index: number): void {
    if (index < 0 || index >= this.grid.columns.length) {
      throw new Error(`TableView ${this.widgetId}: column ${index} is out of range`);
    }
    this.grid.changeColumns(index, null);
  }
  set_editable(tf: boolean): void {
    this.grid.editableAll = tf;
    this.grid.invalidate(false);
  }
  set_header_font(font: string, size: number | undefined, weight: string | undefined, style: string | undefined): void {
    const h = this.element.querySelector(".pgw-grid-header") as HTMLElement;
    h.style.fontFamily = font;
    h.style.fontSize = size !== undefined ? `${size}pt` : "";
    h.style.fontWeight = weight ?? "";
    h.style.fontStyle = style ?? "";
  }

  set_data(rows: TableRow[]): void {
    this.grid.clear();
    for (const r of rows) this.newRow(r);
    this.grid.invalidate(true);
  }
  set_rows(rows: TableRow[]): void {
    this.set_data(rows);
  }
  /**
   * Rows matched by position: changed cells are written, extra rows added or
   * dropped. A row still unread that comes again byte for byte stays unread.
   */
  update_data(rows: TableRow[]): void {
    const g = this.grid;
    const before = g.selectionSize;
    const have = this.rows;
    let changed = false;
    let resort = false;
    const n = Math.min(have.length, rows.length);
    for (let i = 0; i < n; i++) {
      const node = have[i]!;
      const mine = node.row?.unreadBytes;
      const theirs = unread(rows[i]!)?.unreadBytes;
      if (mine && theirs && sameBytes(mine, theirs)) continue;
      const cells = rows[i]!.cells;
      const had = cellsOf(node);
      if (had.length !== cells.length) {
        node.cells = cells.slice();
        changed = true;
        resort = true;
        continue;
      }
      for (let c = 0; c < cells.length; c++) {
        if (had[c] !== cells[c]) {
          had[c] = cells[c]!;
          changed = true;
          if (c === g.sortCol) resort = true;
        }
      }
    }
    for (let i = have.length - 1; i >= rows.length; i--) {
      g.removeNode(have[i]!);
      changed = true;
    }
    // Rows added stay unread only when they are most of the request: an
    // unread row keeps its whole request alive, and updates that each add a
    // few rows to a large table would otherwise keep every such request.
    const keepUnread = (rows.length - have.length) * 2 >= rows.length;
    for (let i = have.length; i < rows.length; i++) {
      this.newRow(keepUnread ? rows[i]! : rows[i]!.cells);
      changed = true;
      resort = true;
    }
    if (changed) g.invalidate(resort);
    if (g.selectionSize !== before) this.grid.selectionChangedByProgram();
  }
  update_rows(rows: TableRow[]): void {
    this.update_data(rows);
  }
  append_row(cells: Value[]): void {
    this.newRow(cells);
    this.grid.invalidate(true);
  }
  insert_row(index: number, values: Value[]): void {
    if (index < 0 || index > this.rows.length) throw new Error(`TableView ${this.widgetId}: row ${index} is out of range`);
    this.newRow(values, index);
    this.grid.invalidate(true);
    // The selected rows keep their place in the data: their positions moved.
    if (this.grid.selectionSize) this.grid.selectionChangedByProgram();
  }
  delete_row(row: number): void {
    const node = this.rowAt(row);
    // A selected row at or after it moves up (or goes): a scan of those rows,
    // not a search for each selected row's position.
    let moved = false;
    if (this.grid.selectionSize) {
      const rows = this.rows;
      for (let i = row; i < rows.length && !moved; i++) moved = rows[i]!.selected;
    }
    this.grid.removeNode(node);
    if (moved) this.grid.selectionChangedByProgram();
  }
  set_cell(row: number, col_index: number, value: Value): void {
    this.grid.set(this.rowAt(row), col_index, value);
  }
  clear(): void {
    this.grid.clear();
  }

  set_selected(rows: RowIndex[]): void {
    this.grid.setSelection(rows.map((r) => this.rows[r.row]).filter((n): n is GridNode => n !== undefined));
  }
  select_row(row: number): void {
    // The server keeps the selection by position; a row not there yet shows none.
    const n = this.rows[row];
    if (n) this.grid.select(n, true);
  }
  unselect_row(row: number): void {
    const n = this.rows[row];
    if (n) this.grid.select(n, false);
  }
  select_paths(rows: RowIndex[]): void {
    this.grid.addToSelection(rows.map((r) => this.rows[r.row]).filter((n): n is GridNode => n !== undefined));
  }
  select_all(): void {
    this.grid.setSelection(this.rows.slice());
  }
  clear_selection(): void {
    this.grid.setSelection([]);
  }

  set_column_width(col_index: number, width: number): void {
    this.grid.setColumnWidth(col_index, width);
  }
  get_column_widths(): number[] {
    return this.grid.widths.slice();
  }
  set_optimal_column_widths(): void {
    this.grid.optimalWidths().forEach((w, c) => {
      this.grid.setColumnWidth(c, w);
      this.columnResized(c, w);
    });
  }
  set_column_editable(col_index: number, tf: boolean): void {
    this.grid.editableColumns.set(String(col_index), tf);
    this.grid.invalidate(false);
  }
  sort_by_column(col_index: number, ascending: boolean): void {
    // A column not there (yet): the sort waits for it (set_columns).
    this.grid.sortBy(col_index < this.grid.columns.length ? col_index : -1, ascending);
    this.grid.sortKey = String(col_index);
  }
  set_sortable(tf: boolean): void {
    this.grid.sortable = tf;
  }
  set_show_grid(tf: boolean): void {
    this.element.classList.toggle("pgw-grid-lines", tf);
  }
  set_show_row_numbers(tf: boolean): void {
    this.grid.showRowNumbers = tf;
    this.grid.setColumns(this.grid.columns.map((c, i) => ({ ...c, width: this.grid.widths[i] })));
  }
  set_row_spacing(px: number): void {
    this.grid.rowSpacing = Math.max(0, px);
    this.grid.invalidate(true);
  }
  set_column_spacing(px: number): void {
    this.grid.setColumnSpacing(px);
  }
  scroll_to_row(row: number): void {
    const n = this.rows[row];
    if (n) this.grid.scrollToNode(n);
  }
  scroll_to_end(): void {
    this.grid.scrollToEnd();
  }
  set_scroll_position(h_pct: number, v_pct: number): void {
    this.grid.setScroll(h_pct, v_pct);
  }
  select_cell(row: number, col_index: number): void {
    // A row not there selects nothing (the server leaves it out too).
    const n = this.rows[row];
    if (n) this.grid.setCellSelected(n, col_index, true);
  }
  unselect_cell(row: number, col_index: number): void {
    const n = this.rows[row];
    if (n) this.grid.setCellSelected(n, col_index, false);
  }
  select_cells(cells: RowCell[]): void {
    for (const c of cells) this.select_cell(c.row, c.col_index);
  }
  set_selected_cells(cells: RowCell[]): void {
    this.grid.clearCellSelection();
    this.select_cells(cells);
  }
  clear_cell_selection(): void {
    this.grid.clearCellSelection();
  }
  get_selected_cells(): RowCell[] {
    const cells = this.grid.selectedCells();
    // One cell (every click in "single_cell") looks its row up; more share one map of the positions.
    const position = cells.length > 1 ? new Map(this.rows.map((n, i) => [n, i])) : null;
    return cells.map((c) => ({ row: position ? position.get(c.node) ?? -1 : this.positionOf(c.node), col_index: c.col }));
  }
  get_column_count(): number {
    return this.grid.columns.length;
  }
  get_row_count(): number {
    return this.rows.length;
  }
  copy_selection(): void {
    this.grid.copy();
  }
  cut_selection(): void {
    this.grid.cut();
  }
  paste_selection(): void {
    navigator.clipboard?.readText().then((t) => this.grid.pasteText(t)).catch(() => undefined);
  }
  // A row's colours are the row's (kept by its node, so they move with it
  // and go with it); a row not there gets none, as the server keeps it.
  set_row_color(row: number, fg: string, bg: string, bold: boolean): void {
    const n = this.rows[row];
    if (!n) return;
    this.grid.rowColors.set(pathKey(this.grid.pathOf(n)), { fg, bg, bold });
    this.grid.invalidate(false);
  }
  clear_row_color(row: number): void {
    const n = this.rows[row];
    if (!n) return;
    this.grid.rowColors.delete(pathKey(this.grid.pathOf(n)));
    this.grid.invalidate(false);
  }
  set_cell_color(row: number, col_index: number, fg: string, bg: string, bold: boolean): void {
    const n = this.rows[row];
    if (n) this.grid.setCellColor(pathKey(this.grid.pathOf(n)), String(col_index), { fg, bg, bold });
  }
  clear_cell_color(row: number, col_index: number): void {
    const n = this.rows[row];
    if (n) this.grid.setCellColor(pathKey(this.grid.pathOf(n)), String(col_index), null);
  }
  set_column_color(col_index: number, fg: string, bg: string, bold: boolean): void {
    this.grid.columnColors.set(String(col_index), { fg, bg, bold });
    this.grid.invalidate(false);
  }
  clear_column_color(col_index: number): void {
    this.grid.columnColors.delete(String(col_index));
    this.grid.invalidate(false);
  }
  clear_all_colors(): void {
    this.grid.clearColors();
  }
  set_table_color(fg: string, bg: string, bold: boolean): void {
    this.grid.tableColor = fg || bg || bold ? { fg, bg, bold } : null;
    this.grid.invalidate(false);
  }  /** clear_all_colors when spec.clear, then each cell's, row's, column's and the table's colour, as the server records them. */
  set_colors(spec: TableColorSpec): void {
    if (spec.clear) this.clear_all_colors();
    for (const c of spec.cells) this.set_cell_color(c.row, c.col_index, c.fg, c.bg, c.bold);
    for (const r of spec.rows) this.set_row_color(r.row, r.fg, r.bg, r.bold);
    for (const c of spec.columns) this.set_column_color(c.col_index, c.fg, c.bg, c.bold);
    for (const t of spec.table) this.set_table_color(t.fg, t.bg, t.bold);
  }

}
