// TreeView: rows keyed by paths, nested, under column headings (see
// grid.ts for the engine: a flat index of the rows on screen and DOM only
// for those). The server keeps the tree, expansion, selection, sort,
// widths and scroll position; a rebuilt page gets each in one call.
import type { ColorSpec, Column, TreeCell, TreeItem, TreePath, TreeViewCreateArgs, TreeViewEvents, TreeViewImpl, Value } from "../../schema.js";
import { el } from "../../dom.js";
import { Widget, type WidgetEnv } from "../widget.js";
import { Grid, type GridHost, type GridNode, pathKey, setValues, type UnreadItem, valuesOf } from "./grid.js";

/** An item as the dispatcher's LazyTreeItem gives it: its bytes, still unread. */
function unread(item: TreeItem): UnreadItem | null {
  return (item as Partial<UnreadItem>).isUnread === true ? (item as unknown as UnreadItem) : null;
}

function sameValues(a: Record<string, Value>, b: Record<string, Value>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

export class TreeView extends Widget implements TreeViewImpl, GridHost {
  readonly table = false;
  protected readonly grid: Grid;
  private readonly events: TreeViewEvents;

  constructor(widgetId: number, args: TreeViewCreateArgs, events: TreeViewEvents, env: WidgetEnv) {
    const root = el("div");
    super(widgetId, "TreeView", env, events, root);
    this.events = events;
    this.grid = new Grid(this, root, {
      selectionMode: args.selection_mode, showHeader: args.show_header, showGrid: args.show_grid,
      showRowNumbers: args.show_row_numbers, sortable: args.sortable, cellCursor: args.cell_cursor,
      alternate: args.alternate_row_colors,
    });
    if (args.allow_text_selection) this.set_allow_text_selection(true);
  }

  /** The node at `path`, or an error naming it (the server checked it: a page out of step). */
  private node(path: readonly string[]): GridNode {
    const n = this.grid.find(path);
    if (!n) throw new Error(`TreeView ${this.widgetId}: no node [${path.join("/")}]`);
    return n;
  }

  // ---- GridHost: the user's acts, reported ----

  selectedChanged(): void {
    this.events.selected(this.grid.selection.map((n) => ({ path: this.grid.pathOf(n) })));
  }
  cellSelectedChanged(): void {
    this.events.cell_selected(this.get_selected_cells());
  }
  expanded(node: GridNode, open: boolean): void {
    if (open) this.events.expanded(this.grid.pathOf(node));
    else this.events.collapsed(this.grid.pathOf(node));
  }
  activated(node: GridNode, col: number | null): void {
    this.events.activated({ ...valuesOf(node) }, this.grid.pathOf(node), col === null ? "" : this.grid.colKeys[col]!);
  }
  sorted(col: number, ascending: boolean): void {
    this.events.sorted(this.grid.colKeys[col]!, ascending);
  }
  cellEdited(node: GridNode, col: number, oldValue: Value, newValue: Value): void {
    this.events.cell_edited(this.grid.pathOf(node), this.grid.colKeys[col]!, oldValue, newValue);
  }
  cellAction(node: GridNode, col: number): void {
    this.events.cell_action(this.grid.pathOf(node), { ...valuesOf(node) }, this.grid.colKeys[col]!);
  }
  scrolled(h: number, v: number): void {
    this.events.scrolled(h, v);
  }

  protected override teardown(): void {
    this.grid.teardown();
    super.teardown();
  }
  columnResized(col: number, width: number): void {
    this.events.column_resized(this.grid.colKeys[col]!, width);
  }
  copied(kind: "copy" | "cut" | "paste", text: string): void {
    this.events[kind](text);
  }

  // ---- columns and looks ----

  set_columns(columns: Column[]): void {
    this.grid.setColumns(columns);
  }
  insert_column(column: Column, before: string): void {
    // Before the column of that key; at the end when "" or no column has it (as pgwidgets).
    const at = before === "" ? -1 : this.grid.colIndex(before);
    this.grid.changeColumns(at < 0 ? this.grid.columns.length : at, column);
  }
  append_column(column: Column): void {
    this.grid.changeColumns(this.grid.columns.length, column);
  }
  delete_column(col_key: string): void {
    const at = this.grid.colIndex(col_key);
    if (at < 0) throw new Error(`TreeView ${this.widgetId}: column "${col_key}" is not there`);
    this.grid.changeColumns(at, null);
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
  set_column_width(col_key: string, width: number): void {
    // The server keeps widths by key: one for a column not shown (yet) waits.
    const c = this.grid.colIndex(col_key);
    if (c >= 0) this.grid.setColumnWidth(c, width);
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
  set_column_editable(col_key: string, tf: boolean): void {
    this.grid.editableColumns.set(col_key, tf);
    this.grid.invalidate(false);
  }
  sort_by_column(col_key: string, ascending: boolean): void {
    // A column not there (yet): the sort waits for it (set_columns).
    this.grid.sortBy(this.grid.colIndex(col_key), ascending);
    this.grid.sortKey = col_key;
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
  set_row_color(path: string[], fg: string, bg: string, bold: boolean): void {
    if (!this.grid.find(path)) return;  // a path not there gets none, as pgwidgets does
    this.grid.rowColors.set(pathKey(path), { fg, bg, bold });
    this.grid.invalidate(false);
  }
  clear_row_color(path: string[]): void {
    this.grid.rowColors.delete(pathKey(path));
    this.grid.invalidate(false);
  }
  set_cell_color(path: string[], col_key: string, fg: string, bg: string, bold: boolean): void {
    if (!this.grid.find(path)) return;  // a path not there gets none, as pgwidgets does
    this.grid.setCellColor(pathKey(path), col_key, { fg, bg, bold });
  }
  clear_cell_color(path: string[], col_key: string): void {
    this.grid.setCellColor(pathKey(path), col_key, null);
  }
  set_column_color(col_key: string, fg: string, bg: string, bold: boolean): void {
    this.grid.columnColors.set(col_key, { fg, bg, bold });
    this.grid.invalidate(false);
  }
  clear_column_color(col_key: string): void {
    this.grid.columnColors.delete(col_key);
    this.grid.invalidate(false);
  }
  clear_all_colors(): void {
    this.grid.clearColors();
  }
  set_table_color(fg: string, bg: string, bold: boolean): void {
    this.grid.tableColor = fg || bg || bold ? { fg, bg, bold } : null;
    this.grid.invalidate(false);
  }  /** clear_all_colors when spec.clear, then each cell's, row's, column's and the table's colour, as the server records them. */
  set_colors(spec: ColorSpec): void {
    if (spec.clear) this.clear_all_colors();
    for (const c of spec.cells) this.set_cell_color(c.path, c.col_key, c.fg, c.bg, c.bold);
    for (const r of spec.rows) this.set_row_color(r.path, r.fg, r.bg, r.bold);
    for (const c of spec.columns) this.set_column_color(c.col_key, c.fg, c.bg, c.bold);
    for (const t of spec.table) this.set_table_color(t.fg, t.bg, t.bold);
  }


  // ---- data ----

  /**
   * With `keepUnread`, an item from the wire keeps its values unread until
   * the node is shown or sorted by. Only set_tree keeps them: an unread item
   * keeps the bytes it came in (the server's whole frame) alive, which is
   * the tree itself for set_tree, but would be a frame per call for small
   * add_tree calls on a large tree.
   */
  private put(item: TreeItem, replace: boolean, keepUnread = false): void {
    const lazy = keepUnread ? unread(item) : null;
    const path = lazy !== null ? lazy.pathOnly() : item.path;
    const parent = this.parentOf(path);
    const key = path[path.length - 1]!;
    let n = parent.childMap?.get(key);
    if (n && !replace) throw new Error(`TreeView ${this.widgetId}: node [${path.join("/")}] is already there`);
    if (!n) n = this.grid.addChild(parent, key);
    if (lazy !== null) n.item = lazy;
    else setValues(n, { ...item.values });
  }

  /**
   * The last parent put() found, within one call that only adds nodes (a
   * tree comes in preorder, a folder's children together); null between
   * calls, so that it never names a node removed since.
   */
  private lastParent: { path: string[]; node: GridNode } | null = null;

  /** The node at `path` without its last key (the root for a top node); it must be there. */
  private parentOf(path: string[]): GridNode {
    const depth = path.length - 1;
    if (depth <= 0) return this.grid.root;
    const last = this.lastParent;
    if (last !== null && last.path.length === depth) {
      let i = 0;
      while (i < depth && last.path[i] === path[i]) i++;
      if (i === depth) return last.node;
    }
    const parentPath = path.slice(0, -1);
    const node = this.node(parentPath);
    this.lastParent = { path: parentPath, node };
    return node;
  }

  /** put() of each item, in order, in one call (see lastParent). */
  private putAll(items: TreeItem[], replace: boolean, keepUnread = false): void {
    this.lastParent = null;
    try {
      for (const item of items) this.put(item, replace, keepUnread);
    } finally {
      this.lastParent = null;
    }
  }

  set_tree(tree: TreeItem[]): void {
    this.grid.clear();
    this.putAll(tree, false, true);
    this.grid.invalidate(true);
  }
  set_data(tree: TreeItem[]): void {
    this.set_tree(tree);
  }
  add_tree(tree: TreeItem[]): void {
    this.putAll(tree, true);
    this.grid.invalidate(true);
  }
  add_item(path: string[], values: { [key: string]: Value }): void {
    this.putAll([{ path, values }], false);
    this.grid.invalidate(true);
  }

  /**
   * Brings the tree to `tree`, changing only what differs: nodes still
   * there keep their selection, expansion and colours; a changed node's
   * values are replaced; children follow the new order. Reports the
   * selection when a selected node went.
   */
  update_tree(tree: TreeItem[]): void {
    const g = this.grid;
    const before = g.selectionSize;
    const wanted = new Map<string, TreeItem>();
    for (const item of tree) wanted.set(pathKey(item.path), item);
    // Nodes no longer wanted go (with their descendants).
    const gone: GridNode[] = [];
    g.walk(g.root, (n) => {
      if (!wanted.has(pathKey(g.pathOf(n))) && (n.parent === g.root || wanted.has(pathKey(g.pathOf(n.parent!))))) gone.push(n);
    });
    for (const n of gone) g.removeNode(n);
    // Changed values are replaced, new nodes added; each parent's children in the new order.
    const order = new Map<GridNode, GridNode[]>();
    for (const item of tree) {
      const parentPath = item.path.slice(0, -1);
      const parent = parentPath.length ? this.node(parentPath) : g.root;
      const key = item.path[item.path.length - 1]!;
      let n = parent.childMap?.get(key);
      if (!n) {
        n = g.addChild(parent, key);
        setValues(n, { ...item.values });
      } else if (!sameValues(valuesOf(n), item.values)) {
        setValues(n, { ...item.values });
      }
      if (!order.has(parent)) order.set(parent, []);
      order.get(parent)!.push(n);
    }
    for (const [parent, kids] of order) parent.children = kids;
    g.invalidate(true);
    if (g.selectionSize !== before) this.grid.selectionChangedByProgram();
  }
  update_data(tree: TreeItem[]): void {
    this.update_tree(tree);
  }
  remove_item(path: string[]): void {
    const before = this.grid.selectionSize;
    this.grid.removeNode(this.node(path));
    if (this.grid.selectionSize !== before) this.grid.selectionChangedByProgram();
  }
  remove_items(paths: TreePath[]): void {
    const before = this.grid.selectionSize;
    for (const p of paths) {
      const n = this.grid.find(p.path);
      if (n) this.grid.removeNode(n);
    }
    if (this.grid.selectionSize !== before) this.grid.selectionChangedByProgram();
  }
  delete_tree(paths: TreePath[], prune_empty: boolean): void {
    const g = this.grid;
    const before = g.selectionSize;
    let removed = 0;
    for (const p of paths) {
      const n = g.find(p.path);
      if (!n) continue;  // not there: skipped, as pgwidgets does
      let parent = n.parent;
      g.removeNode(n);
      removed++;
      // Ancestors left without a child go too (never the root).
      while (prune_empty && parent && parent !== g.root && parent.children.length === 0) {
        const up = parent.parent;
        g.removeNode(parent);
        parent = up;
      }
    }
    if (removed === 0) return;
    if (g.selectionSize !== before) this.grid.selectionChangedByProgram();
    this.events.changed();
  }
  set_cell(path: string[], col_key: string, value: Value): void {
    const n = this.node(path);
    valuesOf(n)[col_key] = value;
    this.grid.invalidate(this.grid.sortCol >= 0 && this.grid.colKeys[this.grid.sortCol] === col_key);
  }
  clear(): void {
    this.grid.clear();
  }

  // ---- expansion and selection ----

  expand_all(): void {
    this.grid.expandAll(true);
  }
  collapse_all(): void {
    this.grid.expandAll(false);
  }
  // Expansion and selection are sets of paths the server keeps whether or
  // not the node is there: the page shows those of the nodes it has.
  expand_item(path: string[]): void {
    const n = this.grid.find(path);
    if (n) this.grid.setExpanded(n, true);
  }
  collapse_item(path: string[]): void {
    const n = this.grid.find(path);
    if (n) this.grid.setExpanded(n, false);
  }
  set_expanded(paths: TreePath[]): void {
    const g = this.grid;
    g.walk(g.root, (n) => {
      n.expanded = false;
    });
    for (const p of paths) {
      const n = g.find(p.path);
      if (n) n.expanded = true;
    }
    g.invalidate(true);
  }
  set_selected(paths: TreePath[]): void {
    this.grid.setSelection(paths.map((p) => this.grid.find(p.path)).filter((n): n is GridNode => n !== null));
  }
  select_path(path: string[]): void {
    const n = this.grid.find(path);
    if (n) this.grid.select(n, true);
  }
  unselect_path(path: string[]): void {
    const n = this.grid.find(path);
    if (n) this.grid.select(n, false);
  }
  select_paths(paths: TreePath[]): void {
    this.grid.addToSelection(paths.map((p) => this.grid.find(p.path)).filter((n): n is GridNode => n !== null));
  }
  select_all(): void {
    const g = this.grid;
    const all: GridNode[] = [];
    g.walk(g.root, (n) => all.push(n));
    g.setSelection(all);
  }
  clear_selection(): void {
    this.grid.setSelection([]);
  }
  select_cell(path: string[], col_key: string): void {
    this.cell(path, col_key, true);
  }
  unselect_cell(path: string[], col_key: string): void {
    this.cell(path, col_key, false);
  }
  select_cells(cells: TreeCell[]): void {
    for (const c of cells) this.cell(c.path, c.col_key, true);
  }
  set_selected_cells(cells: TreeCell[]): void {
    this.grid.clearCellSelection();
    this.select_cells(cells);
  }
  clear_cell_selection(): void {
    this.grid.clearCellSelection();
  }
  /** A node not there selects nothing (the server leaves it out too). */
  private cell(path: readonly string[], colKey: string, on: boolean): void {
    const n = this.grid.find(path);
    if (n) this.grid.setCellSelected(n, this.grid.colKeys.indexOf(colKey), on);
  }
  get_selected_cells(): TreeCell[] {
    return this.grid.selectedCells().map((c) => ({ path: this.grid.pathOf(c.node), col_key: this.grid.colKeys[c.col]! }));
  }

  // ---- scrolling and counts ----

  scroll_to_path(path: string[]): void {
    const n = this.grid.find(path);
    if (n) this.grid.scrollToNode(n);
  }
  scroll_to_end(): void {
    this.grid.scrollToEnd();
  }
  set_scroll_position(h_pct: number, v_pct: number): void {
    this.grid.setScroll(h_pct, v_pct);
  }
  get_column_count(): number {
    return this.grid.columns.length;
  }
  get_row_count(): number {
    this.grid.rebuildVisible();
    return this.grid.visible.length;
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
}
