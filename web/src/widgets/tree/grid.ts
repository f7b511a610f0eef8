// The engine under TreeView and TableView: nodes keyed by paths (a table's
// rows are one level deep), a flat index of the rows on screen in order
// (expanded nodes' children, sorted when a sort is on), and DOM only for
// the rows in the viewport: a fixed pool of row elements, each placed by
// its row's index, that scrolling hands on (the rows that leave one end
// refill at the other; the rest stay as they are, painted). Every change
// marks what it invalidated and one render per animation frame does the
// DOM work, so 1,000 set_cell calls cost one
// repaint of the visible rows, and expand_all or a sort of 100,000 nodes
// rebuilds the flat index (JavaScript arrays) and repaints O(visible) rows.
import "./grid.css";
import { el } from "../../dom.js";
import { atFrameEnd } from "../../frame_end.js";
import { whenQuiet } from "../../parts/debounce.js";
import { measurableFont, TextFit } from "./text_fit.js";
import type { CellWidget, Column, ColumnType, SelectionMode, Value } from "../../schema.js";

export interface GridNode {
  key: string;
  /** A tree's values by column key (valuesOf: `item` first, while it is unread). */
  values: Record<string, Value>;
  /** A tree node's item as it came, its values not read yet; null once they are. */
  item: UnreadItem | null;
  /** A table's cells by column position (cellsOf: `row` first, while it is unread). */
  cells: Value[];
  /** A table row as it came, its cells not read yet; null once they are. */
  row: UnreadRow | null;
  parent: GridNode | null;
  children: GridNode[];
  childMap: Map<string, GridNode> | null;
  depth: number;
  expanded: boolean;
  selected: boolean;
}

/**
 * A table row still as its wire bytes (the dispatcher's LazyTableRow): a
 * set_data of 100,000 rows reads only the rows shown, and the sort column.
 */
export interface UnreadRow {
  readonly cells: Value[];
  /** True until its cells are read. */
  readonly isUnread: boolean;
  /** Its bytes while unread, else null. */
  readonly unreadBytes: Uint8Array | null;
  /** One cell, read alone. */
  cellsAt(i: number): Value | undefined;
}

/**
 * A tree item still as its wire bytes (the dispatcher's LazyTreeItem): a
 * set_tree of 100,000 nodes reads each node's path, and its values only
 * when it is shown or sorted by.
 */
export interface UnreadItem {
  readonly values: Record<string, Value>;
  /** True until its values are read. */
  readonly isUnread: boolean;
  /** Its path, read alone. */
  pathOnly(): string[];
  /** One value by column key, read alone (a sort reads one column of every node). */
  valuesGet(key: string): Value | undefined;
}

/** How long the user's scrolling pauses before it is reported. */
const SCROLL_QUIET_MS = 150;

/** Sets an inline style property only when it changes. */
function restyle(e: HTMLElement, property: "height" | "width" | "display" | "transform", value: string): void {
  if (e.style[property] !== value) e.style[property] = value;
}

/** A pooled row element and what it was last filled with. */
interface RowSlot {
  row: HTMLDivElement;
  node: GridNode | null;
  /** The node's place in `visible` when filled: its row number and shading. */
  index: number;
  version: number;
  /** The columns it was filled for (`colWindow`). */
  columns: number;
}

// What a table row does not use, shared by every row: 100,000 rows made
// at once would otherwise be 300,000 more objects for the young collector
// to copy. Frozen, so that a write is an error, not a change to them all.
const NO_VALUES: Record<string, Value> = Object.freeze({}) as Record<string, Value>;
const NO_CELLS: Value[] = Object.freeze([]) as unknown as Value[];
const NO_CHILDREN: GridNode[] = Object.freeze([]) as unknown as GridNode[];

/** A table node's cells, read now if they were not. */
export function cellsOf(node: GridNode): Value[] {
  if (node.row !== null) {
    node.cells = node.row.cells;
    node.row = null;
  }
  return node.cells;
}

/** A tree node's values, read now if they were not. */
export function valuesOf(node: GridNode): Record<string, Value> {
  if (node.item !== null) {
    node.values = node.item.values;
    node.item = null;
  }
  return node.values;
}

/** A tree node's values from now on: `values`, its unread item (if any) dropped. */
export function setValues(node: GridNode, values: Record<string, Value>): void {
  node.values = values;
  node.item = null;
}

export interface GridHost {
  /** A table (cells by position, flat) or a tree (values by key). */
  readonly table: boolean;
  selectedChanged(): void;
  cellSelectedChanged(): void;
  expanded(node: GridNode, open: boolean): void;
  /** col: the column double-clicked, null when Enter activated the row. */
  activated(node: GridNode, col: number | null): void;
  sorted(col: number, ascending: boolean): void;
  cellEdited(node: GridNode, col: number, oldValue: Value, newValue: Value): void;
  cellAction(node: GridNode, col: number): void;
  scrolled(h: number, v: number): void;
  columnResized(col: number, width: number): void;
  copied(kind: "copy" | "cut" | "paste", text: string): void;
}

interface Colors {
  fg: string;
  bg: string;
  bold: boolean;
}

export const ROW_HEIGHT = 22;
const DEFAULT_WIDTH = 120;
const NUMBER_WIDTH = 48;
/** A text cell's left and right padding and its grid line, and a tree's twisty (grid.css). */
const CELL_PAD_LEFT = 6;
const CELL_PAD_RIGHT = 6;
const GRID_LINE = 1;
const TWISTY = 14;

export function pathKey(path: readonly string[]): string {
  return path.join("\u0001");
}

export function valueText(v: Value | undefined, type: ColumnType): string {
  if (v === null || v === undefined) return "";
  if (type === "boolean") return v ? "\u2713" : "";
  if (type === "icon") return "";
  return String(v);
}

function compareValues(a: Value | undefined, b: Value | undefined): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? -1 : 1;
  if (typeof a === "string" || typeof b === "string") {
    const x = String(a);
    const y = String(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = typeof a === "bigint" ? Number(a) : Number(a);
  const y = typeof b === "bigint" ? Number(b) : Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  return a === b || ((a === undefined || a === null) && (b === undefined || b === null));
}

export class Grid {
  readonly root: GridNode;
  readonly element: HTMLElement;
  private readonly header: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly rowsLayer: HTMLDivElement;
  private readonly host: GridHost;
  columns: Column[] = [];
  colKeys: string[] = [];
  widths: number[] = [];
  private fixedWidths = new Map<string, number>();
  editableColumns = new Map<string, boolean>();
  editableAll = false;
  selectionMode: SelectionMode;
  showHeader: boolean;
  showRowNumbers: boolean;
  sortable: boolean;
  cellCursor: boolean;
  alternate: boolean;
  rowSpacing = 0;
  /** The rows on screen in order: the flat index scrolling reads. */
  visible: GridNode[] = [];
  private visibleDirty = true;
  private headerDirty = true;
  private scheduled = false;
  sortCol = -1;
  /** The sort column's key, kept across set_columns. */
  sortKey: string | null = null;
  sortAscending = true;
  /**
   * The selected nodes, in the order they were selected. A node unselected
   * or removed only drops its `selected` mark (`unselectedLeft`), and the
   * array sheds it when next read: a program unselecting or deleting rows
   * one call each from a 100,000-row selection pays for its rows, not for
   * the selection per call.
   */
  get selection(): GridNode[] {
    if (this.unselectedLeft) {
      this.selected = this.selected.filter((n) => n.selected);
      this.unselectedLeft = false;
    }
    return this.selected;
  }
  /** Nodes all selected, each once. */
  set selection(nodes: GridNode[]) {
    this.selected = nodes;
    this.unselectedLeft = false;
    this.selectedCount = nodes.length;
  }
  /** How many nodes are selected, without shedding the unselected. */
  get selectionSize(): number {
    return this.selectedCount;
  }
  private selected: GridNode[] = [];
  private selectedCount = 0;
  /** Whether `selected` may hold nodes no longer selected. */
  private unselectedLeft = false;
  private anchor: GridNode | null = null;
  cellSelection = new Map<string, { node: GridNode; col: number }>();
  cursor: { node: GridNode; col: number } | null = null;
  /** Colours by the row's pathKey; a cell's by pathKey, then column key. */
  rowColors = new Map<string, Colors>();
  cellColors = new Map<string, Map<string, Colors>>();
  columnColors = new Map<string, Colors>();
  tableColor: Colors | null = null;
  /** The pooled row elements in screen (and DOM) order, each with what it shows. */
  private pool: RowSlot[] = [];
  /** How many pooled rows the last render used; the rest are hidden. */
  private poolUsed = 0;
  private version = 0;
  /** The columns the viewport shows, packed as first * 65536 + last. */
  private colWindow = 0;
  private fit = new TextFit();
  /** Whether this render read the cells' font yet: only one that refills a row needs it. */
  private fontRead = false;
  /** Pixels between columns (set_column_spacing). */
  colSpacing = 0;
  private first = 0;
  /** Counts column layouts: a pooled row remakes its cells when it changes. */
  private layout = 0;
  private pendingScroll: { h: number; v: number } | null = null;
  private editor: HTMLInputElement | null = null;
  /** The cell the editor is in: a refill keeps it positioned for the editor. */
  private editing: { node: GridNode; col: number } | null = null;
  private lastScroll = { h: -1, v: -1 };

  constructor(host: GridHost, element: HTMLElement, opts: {
    selectionMode: SelectionMode; showHeader: boolean; showGrid: boolean; showRowNumbers: boolean;
    sortable: boolean; cellCursor: boolean; alternate: boolean;
  }) {
    this.host = host;
    this.element = element;
    this.root = this.makeNode("", null, -1);
    this.root.expanded = true;
    this.selectionMode = opts.selectionMode;
    this.showHeader = opts.showHeader;
    this.showRowNumbers = opts.showRowNumbers;
    this.sortable = opts.sortable;
    this.cellCursor = opts.cellCursor;
    this.alternate = opts.alternate;
    element.classList.add("pgw-grid");
    if (opts.showGrid) element.classList.add("pgw-grid-lines");
    this.header = el("div", "pgw-grid-header", element);
    this.body = el("div", "pgw-grid-body", element);
    this.body.tabIndex = 0;
    this.spacer = el("div", "pgw-grid-spacer", this.body);
    this.rowsLayer = el("div", "pgw-grid-rows", this.body);
    this.body.addEventListener("scroll", () => this.onScroll());
    this.body.addEventListener("mousedown", (e) => this.onMouseDown(e));
    this.body.addEventListener("dblclick", (e) => this.onDoubleClick(e));
    this.body.addEventListener("keydown", (e) => this.onKey(e));
    this.body.addEventListener("paste", (e) => {
      const text = e.clipboardData?.getData("text/plain") ?? "";
      e.preventDefault();
      this.pasteText(text);
    });
    this.header.addEventListener("mousedown", (e) => this.onHeaderDown(e));
    new ResizeObserver(() => this.schedule()).observe(this.body);
  }

  makeNode(key: string, parent: GridNode | null, depth: number): GridNode {
    if (this.host.table && parent !== null) {
      // A row: its cells come with it (TableView.newRow); it has no children and no values by key.
      return { key, values: NO_VALUES, item: null, cells: NO_CELLS, row: null, parent, children: NO_CHILDREN, childMap: null, depth, expanded: false, selected: false };
    }
    // A tree node: no cells, and no array of children until it has one (most nodes are leaves).
    return { key, values: {}, item: null, cells: NO_CELLS, row: null, parent, children: NO_CHILDREN, childMap: null, depth, expanded: false, selected: false };
  }

  // ---- columns ----

  /**
   * New columns (set_columns). A selected cell and the cursor keep their
   * column's key wherever it went (a table's key is its position), and a
   * column gone takes its cells for good, as the server keeps them
   * (state_within.cpp): a reload shows what the live page did.
   */
  setColumns(columns: Column[]): void {
    const cells = [...this.cellSelection.values()].map((c) => ({ node: c.node, key: this.colKeys[c.col] }));
    const cursor = this.cursor ? { node: this.cursor.node, key: this.colKeys[this.cursor.col] } : null;
    this.applyColumns(columns);
    const at = (key: string | undefined) => (key === undefined ? -1 : this.colKeys.indexOf(key));
    this.cellSelection.clear();
    for (const c of cells) {
      const col = at(c.key);
      if (col >= 0) this.cellSelection.set(this.cellKey(c.node, col), { node: c.node, col });
    }
    const col = cursor ? at(cursor.key) : -1;
    this.cursor = cursor && col >= 0 ? { node: cursor.node, col } : null;
  }

  /** The columns as given, everything keyed by position already where it belongs. */
  private applyColumns(columns: Column[]): void {
    this.commitEdit(false);
    this.columns = columns;
    this.colKeys = columns.map((c, i) => (this.host.table ? String(i) : c.key || `_col${i}`));
    // Widths set by key (set_column_width, a drag) stay with their column.
    this.widths = columns.map((c, i) => this.fixedWidths.get(this.colKeys[i]!) ?? c.width ?? DEFAULT_WIDTH);
    this.layout++;
    this.sortCol = this.sortKey === null ? -1 : this.colKeys.indexOf(this.sortKey);
    this.headerDirty = true;
    this.invalidate(true);
  }

  /**
   * Column `column` inserted at `at` (0..n), or the column at `at` deleted
   * (column null), and everything keyed by a column brought along as the
   * server brings its states (state_columns.cpp): a table's columns are
   * positions, so its rows' cells and every per-column entry after `at`
   * move; a tree's are keys, which first get written into the columns that
   * have none ("_col<i>"), so nothing moves and a deleted column's values
   * and entries go.
   */
  changeColumns(at: number, column: Column | null): void {
    this.commitEdit(false);
    const insert = column !== null;
    const table = this.host.table;
    const columns = table ? this.columns.slice() : this.columns.map((c, i) => ({ ...c, key: this.colKeys[i]! }));
    const gone = insert ? null : this.colKeys[at]!;
    if (insert) {
      columns.splice(at, 0, table || column.key ? column : { ...column, key: `_col${this.columns.length}` });
    } else {
      columns.splice(at, 1);
    }
    // A table's key is its position: the one a position moves to, or null for the deleted column's.
    const moved = (key: string): string | null => {
      if (!table) return key === gone ? null : key;
      const p = Number(key);
      if (p < at) return key;
      if (insert) return String(p + 1);
      return p === at ? null : String(p - 1);
    };
    const rekey = <V>(map: Map<string, V>): Map<string, V> => {
      const out = new Map<string, V>();
      for (const [k, v] of map) {
        const to = moved(k);
        if (to !== null) out.set(to, v);
      }
      return out;
    };
    this.fixedWidths = rekey(this.fixedWidths);
    this.editableColumns = rekey(this.editableColumns);
    this.columnColors = rekey(this.columnColors);
    for (const [row, cells] of this.cellColors) {
      const next = rekey(cells);
      if (next.size) this.cellColors.set(row, next);
      else this.cellColors.delete(row);
    }
    if (this.sortKey !== null) this.sortKey = moved(this.sortKey);
    // Selected cells and the cursor hold positions, in a tree too.
    const shifted = (col: number): number | null => (col < at ? col : insert ? col + 1 : col === at ? null : col - 1);
    const cells = [...this.cellSelection.values()];
    this.cellSelection.clear();
    for (const c of cells) {
      const col = shifted(c.col);
      if (col !== null) this.cellSelection.set(this.cellKey(c.node, col), { node: c.node, col });
    }
    if (this.cursor) {
      const col = shifted(this.cursor.col);
      this.cursor = col === null ? null : { node: this.cursor.node, col };
    }
    this.walk(this.root, (n) => {
      if (!table) {
        if (gone !== null) delete valuesOf(n)[gone];
      } else {
        const cells = cellsOf(n);
        if (at < cells.length) {
          if (insert) cells.splice(at, 0, null);
          else cells.splice(at, 1);
        }
      }
    });
    this.applyColumns(columns);
  }

  colIndex(key: string): number {
    return this.colKeys.indexOf(key);
  }

  setColumnWidth(col: number, width: number): void {
    if (col < 0 || col >= this.widths.length) return;
    this.widths[col] = Math.max(16, width);
    this.fixedWidths.set(this.colKeys[col]!, this.widths[col]!);
    this.layout++;
    this.headerDirty = true;
    this.invalidate(false);
  }

  /** Fits each column to its heading and values (every row held, sampled past 5,000). */
  optimalWidths(): number[] {
    const ctx = document.createElement("canvas").getContext("2d");
    const font = getComputedStyle(this.body).font;
    if (ctx) ctx.font = font;
    const measure = (s: string) => (ctx ? ctx.measureText(s).width : s.length * 7);
    const out = this.columns.map((c) => measure(c.title) + 24);
    const rows: GridNode[] = [];
    this.walk(this.root, (n) => rows.push(n));
    const step = Math.max(1, Math.floor(rows.length / 5000));
    for (let i = 0; i < rows.length; i += step) {
      const n = rows[i]!;
      for (let c = 0; c < this.columns.length; c++) {
        let w = measure(this.text(n, c)) + 16;
        if (c === 0 && !this.host.table) w += 16 * (n.depth + 1);
        if (w > out[c]!) out[c] = w;
      }
    }
    return out.map((w) => Math.ceil(Math.min(w, 600)));
  }

  // ---- values ----

  get(node: GridNode, col: number): Value | undefined {
    return this.host.table ? cellsOf(node)[col] : valuesOf(node)[this.colKeys[col]!];
  }

  /** A value to sort by: an unread row's cell, or an unread item's value, is read alone and the rest left unread. */
  private sortValue(node: GridNode, col: number): Value | undefined {
    if (!this.host.table) return node.item !== null ? node.item.valuesGet(this.colKeys[col]!) : node.values[this.colKeys[col]!];
    return node.row !== null ? node.row.cellsAt(col) : node.cells[col];
  }

  set(node: GridNode, col: number, v: Value): void {
    if (this.host.table) {
      const cells = cellsOf(node);
      while (cells.length <= col) cells.push(null);
      cells[col] = v;
    } else {
      valuesOf(node)[this.colKeys[col]!] = v;
    }
    this.invalidate(this.sortCol === col);
  }

  text(node: GridNode, col: number): string {
    const v = this.get(node, col);
    if (col === 0 && !this.host.table && (v === undefined || v === null)) return node.key;
    return valueText(v, this.columns[col]?.type ?? "string");
  }

  isEditable(col: number): boolean {
    const c = this.columns[col];
    if (!c) return false;
    const own = this.editableColumns.get(this.colKeys[col]!);
    if (own !== undefined) return own;
    if (c.editable) return true;
    return this.editableAll && c.type !== "icon" && c.widget === "none";
  }

  // ---- structure ----

  walk(node: GridNode, f: (n: GridNode) => void): void {
    const stack = node.children.slice().reverse();
    while (stack.length) {
      const n = stack.pop()!;
      f(n);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }

  pathOf(node: GridNode): string[] {
    const out: string[] = [];
    for (let n: GridNode | null = node; n && n.parent; n = n.parent) out.push(n.key);
    return out.reverse();
  }

  find(path: readonly string[]): GridNode | null {
    let n: GridNode | undefined = this.root;
    for (const k of path) {
      n = n.childMap?.get(k);
      if (!n) return null;
    }
    return n === this.root ? null : n;
  }

  addChild(parent: GridNode, key: string, at = -1): GridNode {
    const n = this.makeNode(key, parent, parent.depth + 1);
    // A table finds rows by position: no key map.
    if (!this.host.table) {
      if (!parent.childMap) parent.childMap = new Map();
      parent.childMap.set(key, n);
    }
    if (parent.children === NO_CHILDREN) parent.children = [];
    if (at < 0 || at >= parent.children.length) parent.children.push(n);
    else parent.children.splice(at, 0, n);
    return n;
  }

  /**
   * A program's call changed the selection: the host reports it once, as
   * the server's frame ends (frame_end.ts), not once per call.
   */
  selectionChangedByProgram(): void {
    atFrameEnd(this.host, () => this.host.selectedChanged());
  }

  /** Takes a node and its descendants out (selection, cursor, colours with them). */
  removeNode(node: GridNode): void {
    const gone = new Set<GridNode>([node]);
    this.walk(node, (n) => gone.add(n));
    // Colours are the node's: a node added later at its path starts without.
    if (this.rowColors.size || this.cellColors.size) {
      for (const n of gone) {
        const key = pathKey(this.pathOf(n));
        this.rowColors.delete(key);
        this.cellColors.delete(key);
      }
    }
    const parent = node.parent!;
    parent.childMap?.delete(node.key);
    const i = parent.children.indexOf(node);
    if (i >= 0) parent.children.splice(i, 1);
    // Asked of the nodes that go, not of the selection: a program removing
    // rows from a table with 100,000 selected pays for its rows.
    for (const n of gone) {
      if (!n.selected) continue;
      n.selected = false;
      this.unselectedLeft = true;
      this.selectedCount--;
    }
    for (const [k, c] of this.cellSelection) if (gone.has(c.node)) this.cellSelection.delete(k);
    if (this.cursor && gone.has(this.cursor.node)) this.cursor = null;
    if (this.anchor && gone.has(this.anchor)) this.anchor = null;
    this.invalidate(true);
  }

  /** Selects or unselects cell (node, col) as a program asks: nothing is reported. */
  setCellSelected(node: GridNode, col: number, on: boolean): void {
    if (col < 0 || col >= this.columns.length) return;  // as pgwidgets: a column not there selects nothing
    const key = this.cellKey(node, col);
    if (on) this.cellSelection.set(key, { node, col });
    else this.cellSelection.delete(key);
    this.invalidate(false);
  }

  clearCellSelection(): void {
    this.cellSelection.clear();
    this.invalidate(false);
  }

  /** The selected cells in the order shown: by row on screen, then column (pgwidgets' order). */
  selectedCells(): { node: GridNode; col: number }[] {
    // One cell (every click in "single_cell"): no order to find, so no walk over the rows.
    if (this.cellSelection.size <= 1) return [...this.cellSelection.values()];
    if (this.visibleDirty) this.rebuildVisible();
    const at = new Map<GridNode, number>();
    this.visible.forEach((n, i) => at.set(n, i));
    // A cell of a node inside a collapsed parent is not on screen: it comes last.
    const place = (c: { node: GridNode }) => at.get(c.node) ?? Number.MAX_SAFE_INTEGER;
    return [...this.cellSelection.values()].sort((a, b) => place(a) - place(b) || a.col - b.col);
  }

  /** A cell's colours (null: none), by its row's pathKey and its column key. */
  setCellColor(row: string, col: string, colors: Colors | null): void {
    let cells = this.cellColors.get(row);
    if (colors) {
      if (!cells) this.cellColors.set(row, (cells = new Map()));
      cells.set(col, colors);
    } else if (cells) {
      cells.delete(col);
      if (cells.size === 0) this.cellColors.delete(row);
    }
    this.invalidate(false);
  }

  /** Drops every colour: the cells', rows', columns' and the table's. */
  clearColors(): void {
    this.rowColors.clear();
    this.cellColors.clear();
    this.columnColors.clear();
    this.tableColor = null;
    this.invalidate(false);
  }

  clear(): void {
    this.commitEdit(false);
    this.root.children = [];
    this.root.childMap = new Map();
    this.selection = [];
    this.rowColors.clear();  // the rows' and cells' own; columns and the table keep theirs
    this.cellColors.clear();
    this.cellSelection.clear();
    this.cursor = null;
    this.anchor = null;
    this.invalidate(true);
  }

  // ---- selection ----

  setSelection(nodes: GridNode[]): void {
    for (const n of this.selection) n.selected = false;
    const selection: GridNode[] = [];
    for (const n of nodes) {
      if (n.selected) continue;
      n.selected = true;
      selection.push(n);
    }
    this.selection = selection;
    this.invalidate(false);
  }

  /** Adds nodes to the selection (each once), with one repaint. */
  addToSelection(nodes: Iterable<GridNode>): void {
    // Read before marking: a node unselected but not shed yet must not stay in twice.
    const selection = this.selection;
    for (const n of nodes) {
      if (n.selected) continue;
      n.selected = true;
      selection.push(n);
      this.selectedCount++;
    }
    this.invalidate(false);
  }

  select(node: GridNode, on: boolean): void {
    if (node.selected === on) return;
    if (on) {
      this.addToSelection([node]);
      return;
    }
    node.selected = false;
    this.unselectedLeft = true;
    this.selectedCount--;
    this.invalidate(false);
  }

  // ---- expansion ----

  setExpanded(node: GridNode, open: boolean): void {
    if (node.expanded === open) return;
    node.expanded = open;
    this.invalidate(true);
  }

  expandAll(open: boolean): void {
    this.walk(this.root, (n) => {
      n.expanded = open && n.children.length > 0;
    });
    this.invalidate(true);
  }

  // ---- invalidation and rendering ----

  /** Marks the content changed (and the row order, when `structure`); one render follows. */
  invalidate(structure: boolean): void {
    if (structure) this.visibleDirty = true;
    this.version++;
    this.schedule();
  }

  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.render();
    });
  }

  sortedChildren(node: GridNode): GridNode[] {
    if (this.sortCol < 0) return node.children;
    const col = this.sortCol;
    const sign = this.sortAscending ? 1 : -1;
    const kids = node.children;
    const n = kids.length;
    // Keys once per node: numbers compare as numbers (bigints too), and
    // empty cells first; otherwise as strings.
    const keys = new Array<Value | undefined>(n);
    let numeric = true;
    for (let i = 0; i < n; i++) {
      const v = this.sortValue(kids[i]!, col);
      keys[i] = typeof v === "bigint" ? Number(v) : v;
      if (v !== null && v !== undefined && typeof keys[i] !== "number") numeric = false;
    }
    const order = new Array<number>(n);
    for (let i = 0; i < n; i++) order[i] = i;
    if (numeric) {
      const num = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const k = keys[i];
        num[i] = k === null || k === undefined ? -Infinity : (k as number);
      }
      order.sort((a, b) => sign * (num[a]! - num[b]!) || a - b);
    } else {
      order.sort((a, b) => sign * compareValues(keys[a], keys[b]) || a - b);
    }
    const out = new Array<GridNode>(n);
    for (let i = 0; i < n; i++) out[i] = kids[order[i]!]!;
    return out;
  }

  /** The flat index: every node whose ancestors are expanded, in display order. */
  rebuildVisible(): void {
    if (this.host.table) {
      // Flat: the rows, in sort order.
      const rows = this.sortedChildren(this.root);
      this.visible = rows === this.root.children ? rows.slice() : rows;
      this.visibleDirty = false;
      return;
    }
    const out: GridNode[] = [];
    const stack: GridNode[] = [];
    const push = (n: GridNode) => {
      const kids = this.sortedChildren(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    };
    push(this.root);
    while (stack.length) {
      const n = stack.pop()!;
      out.push(n);
      if (n.expanded && n.children.length) push(n);
    }
    this.visible = out;
    this.visibleDirty = false;
  }

  get rowHeight(): number {
    return ROW_HEIGHT + this.rowSpacing;
  }

  template(): string {
    const cols = this.widths.map((w) => `${w}px`);
    if (this.showRowNumbers) cols.unshift(`${NUMBER_WIDTH}px`);
    return cols.join(" ");
  }

  totalWidth(): number {
    const n = this.widths.length + (this.showRowNumbers ? 1 : 0);
    return this.widths.reduce((a, b) => a + b, 0) + (this.showRowNumbers ? NUMBER_WIDTH : 0) +
      this.colSpacing * Math.max(0, n - 1);
  }

  setColumnSpacing(px: number): void {
    this.colSpacing = Math.max(0, px);
    this.element.style.setProperty("--pgw-grid-colgap", `${this.colSpacing}px`);
    this.headerDirty = true;
    this.invalidate(false);
  }

  /**
   * The columns between `left` and `left + width`, and one more on each
   * side (a compositor-scrolled frame may show a little past the edge
   * before the page fills it), packed as first * 65536 + last. The rows
   * write text only into these: a wide table's hidden columns cost a
   * scrolled frame nothing. A body not laid out yet gets every column.
   */
  visibleColumns(left: number, width: number): number {
    const n = this.widths.length;
    if (n === 0) return 0;
    if (width <= 0) return n - 1;
    let x = this.showRowNumbers ? NUMBER_WIDTH + this.colSpacing : 0;
    let lo = -1;
    let hi = n - 1;
    for (let c = 0; c < n; c++) {
      const end = x + this.widths[c]!;
      if (lo < 0 && end > left) lo = c;
      if (x >= left + width) {
        hi = c - 1;
        break;
      }
      x = end + this.colSpacing;
    }
    if (lo < 0) lo = n - 1;
    return Math.max(0, lo - 1) * 65536 + Math.min(n - 1, Math.max(lo, hi) + 1);
  }

  renderHeader(): void {
    this.header.replaceChildren();
    this.header.style.display = this.showHeader ? "" : "none";
    this.header.style.gridTemplateColumns = this.template();
    this.header.style.width = `${this.totalWidth()}px`;
    if (this.showRowNumbers) el("div", "pgw-grid-hcell pgw-grid-rownum", this.header).textContent = "#";
    this.columns.forEach((c, i) => {
      const h = el("div", "pgw-grid-hcell", this.header);
      h.dataset["col"] = String(i);
      const label = el("span", "pgw-grid-htext", h);
      label.textContent = c.title;
      if (i === this.sortCol) {
        el("span", "pgw-grid-sort", h).textContent = this.sortAscending ? "\u25b2" : "\u25bc";
      }
      el("div", "pgw-grid-resize", h).dataset["col"] = String(i);
    });
    this.headerDirty = false;
  }

  render(): void {
    if (this.headerDirty) this.renderHeader();
    if (this.visibleDirty) this.rebuildVisible();
    const rh = this.rowHeight;
    const total = this.visible.length * rh;
    // Each write, even of the same value, costs the frame a style pass: a scroll writes only what changed.
    restyle(this.spacer, "height", `${total}px`);
    restyle(this.spacer, "width", `${this.totalWidth()}px`);
    const height = this.body.clientHeight;
    if (this.pendingScroll && height > 0) {
      const p = this.pendingScroll;
      this.pendingScroll = null;
      // The scroll event this causes finds the position reported already.
      this.body.scrollTop = p.v * Math.max(0, this.body.scrollHeight - height);
      this.body.scrollLeft = p.h * Math.max(0, this.body.scrollWidth - this.body.clientWidth);
      this.lastScroll = this.fractions();
    }
    const count = Math.min(this.visible.length, Math.ceil(Math.max(height, rh) / rh) + 2);
    const first = Math.max(0, Math.min(Math.floor(this.body.scrollTop / rh), this.visible.length - count));
    if (count === this.poolUsed) this.rotatePool(first - this.first, count);
    this.first = first;
    this.poolUsed = count;
    this.colWindow = this.visibleColumns(this.body.scrollLeft, this.body.clientWidth);
    this.fontRead = false;
    restyle(this.rowsLayer, "width", `${this.totalWidth()}px`);
    while (this.pool.length < count) {
      const row = el("div", "pgw-grid-row", this.rowsLayer);
      this.pool.push({ row, node: null, index: -1, version: -1, columns: -1 });
    }
    for (let i = 0; i < this.pool.length; i++) {
      const slot = this.pool[i]!;
      if (i >= count) {
        restyle(slot.row, "display", "none");
        slot.node = null;
        continue;
      }
      restyle(slot.row, "display", "");
      const node = this.visible[first + i]!;
      // A pooled row is refilled when it shows another node, place or columns, or anything changed.
      if (slot.node === node && slot.index === first + i && slot.version === this.version &&
          slot.columns === this.colWindow) continue;
      this.fillRow(slot.row, node, first + i);
      slot.node = node;
      slot.index = first + i;
      slot.version = this.version;
      slot.columns = this.colWindow;
    }
  }

  /**
   * Scrolled by `by` rows, fewer than a screen: the rows that left at one
   * end move to the other, in the DOM too, so the rows still on screen keep
   * their elements and filling, and a frame refills only the rows that came
   * in (a wheel's few rows, not the whole screen).
   */
  private rotatePool(by: number, used: number): void {
    if (by === 0 || Math.abs(by) >= used) return;
    const before = this.pool[used]?.row ?? null;
    if (by > 0) {
      const moved = this.pool.splice(0, by);
      this.pool.splice(used - by, 0, ...moved);
      for (const slot of moved) this.rowsLayer.insertBefore(slot.row, before);
    } else {
      const moved = this.pool.splice(used + by, -by);
      this.pool.splice(0, 0, ...moved);
      const head = this.pool[-by]!.row;
      for (const slot of moved) this.rowsLayer.insertBefore(slot.row, head);
    }
  }

  /** `key`: the node's pathKey when any row or cell has colours, else "". */
  private colorsOf(key: string, col: number): Colors | null {
    const row = key ? this.rowColors.get(key) : undefined;
    const cell = key ? this.cellColors.get(key)?.get(this.colKeys[col]!) : undefined;
    const parts = [this.tableColor, this.columnColors.get(this.colKeys[col]!), row, cell];
    let out = null as Colors | null;
    for (const p of parts) {
      if (!p) continue;
      out = { fg: p.fg || out?.fg || "", bg: p.bg || out?.bg || "", bold: p.bold || (out?.bold ?? false) };
    }
    return out;
  }

  /**
   * Shows `node` in pooled row `row`. The row's cells are made once per
   * column layout (`layout` counts set_columns and the row numbers) and
   * refilled in place: a text cell only gets its text and looks, so a
   * scrolled frame writes strings, not elements. Cell widgets are made anew.
   */
  private fillRow(row: HTMLDivElement, node: GridNode, index: number): void {
    const rowAny = row as HTMLDivElement & { layout?: number; cellEls?: LooksCell[]; numEl?: HTMLDivElement };
    if (!this.fontRead) {
      this.fit.useFont(measurableFont(getComputedStyle(this.body)));
      this.fontRead = true;
    }
    if (rowAny.layout !== this.layout || !rowAny.cellEls) {
      row.replaceChildren();
      if (this.showRowNumbers) {
        rowAny.numEl = el("div", "pgw-grid-cell pgw-grid-rownum", row);
        rowAny.numEl.style.width = `${NUMBER_WIDTH}px`;
      } else {
        rowAny.numEl = undefined;
      }
      rowAny.cellEls = this.columns.map((_, c) => {
        const cell = el("div", "pgw-grid-cell", row);
        cell.dataset["col"] = String(c);
        cell.style.width = `${this.widths[c]}px`;
        return cell;
      });
      rowAny.layout = this.layout;
    }
    row.style.height = `${this.rowHeight}px`;
    // Placed by its own index, not by its place in the layer: a row that stays on screen while
    // others scroll in keeps its position and its painting.
    row.style.top = `${index * this.rowHeight}px`;
    row.dataset["index"] = String(index);
    row.dataset["key"] = node.key;
    row.className = "pgw-grid-row" + (node.selected ? " pgw-selected" : "") +
      (this.alternate && index % 2 === 1 ? " pgw-grid-alt" : "");
    if (rowAny.numEl) rowAny.numEl.textContent = String(index + 1);
    const anyCells = this.cellSelection.size > 0;
    const colorKey = this.rowColors.size || this.cellColors.size ? pathKey(this.pathOf(node)) : "";
    const lo = Math.floor(this.colWindow / 65536);
    const hi = this.colWindow % 65536;
    for (let c = 0; c < this.columns.length; c++) {
      const cell = rowAny.cellEls[c]!;
      if (c < lo || c > hi) {
        // Out of sight: empty, so that it costs the frame no text layout.
        if (cell.firstChild) cell.replaceChildren();
        continue;
      }
      const column = this.columns[c]!;
      const tree = c === 0 && !this.host.table;
      const indent = tree ? 4 + 16 * node.depth : CELL_PAD_LEFT;
      const isText = column.widget === "none" && column.type !== "icon";
      const text = isText ? this.text(node, c) : "";
      const colors = this.colorsOf(colorKey, c);
      let cls = "pgw-grid-cell";
      if (column.type === "integer" || column.type === "float") cls += " pgw-grid-num";
      // Text surely narrower than its cell needs no clip (text_fit.ts); bold text is wider than measured.
      if (isText && !colors?.bold &&
          this.fit.fits(text, this.widths[c]! - indent - CELL_PAD_RIGHT - GRID_LINE - (tree ? TWISTY : 0))) {
        cls += " pgw-grid-fits";
      }
      if (anyCells && this.cellSelection.has(this.cellKey(node, c))) cls += " pgw-cell-selected";
      if (this.cursor && this.cursor.node === node && this.cursor.col === c) cls += " pgw-cell-cursor";
      if (this.editing && this.editing.node === node && this.editing.col === c) cls += " pgw-grid-editing";
      if (cell.className !== cls) cell.className = cls;
      const looks = colors ? `${colors.fg}|${colors.bg}|${colors.bold}` : "";
      // Most cells have none: not writing three empty styles per cell saves a scrolled frame's script a third.
      if (cell.looks !== looks) {
        cell.looks = looks;
        cell.style.color = colors?.fg ?? "";
        cell.style.background = colors?.bg ?? "";
        cell.style.fontWeight = colors?.bold ? "bold" : "";
      }
      if (tree) cell.style.paddingLeft = `${indent}px`;
      if (isText) {
        // Text: [twisty] and one text node, reused.
        const cellAny = cell as HTMLDivElement & { textNode?: Text; twisty?: HTMLSpanElement };
        if (!cellAny.textNode || cellAny.textNode.parentNode !== cell) {
          cell.replaceChildren();
          cellAny.twisty = tree ? el("span", "pgw-grid-twisty", cell) : undefined;
          cellAny.textNode = document.createTextNode("");
          cell.appendChild(cellAny.textNode);
        }
        if (cellAny.twisty) cellAny.twisty.textContent = node.children.length ? (node.expanded ? "\u25be" : "\u25b8") : "";
        if (cellAny.textNode.nodeValue !== text) cellAny.textNode.nodeValue = text;
        continue;
      }
      cell.replaceChildren();
      if (tree) {
        const twisty = el("span", "pgw-grid-twisty", cell);
        if (node.children.length) twisty.textContent = node.expanded ? "\u25be" : "\u25b8";
      }
      this.fillCell(cell, node, c, column.widget, column.type);
    }
  }

  private fillCell(cell: HTMLDivElement, node: GridNode, c: number, widget: CellWidget, type: ColumnType): void {
    const v = this.get(node, c);
    if (widget === "checkbox") {
      const box = el("input", "pgw-grid-check", cell);
      box.type = "checkbox";
      box.checked = Boolean(v);
      box.addEventListener("mousedown", (e) => e.stopPropagation());
      box.addEventListener("change", () => this.userEdit(node, c, box.checked));
      return;
    }
    if (widget === "combobox") {
      const sel = el("select", "pgw-grid-select", cell);
      for (const choice of this.columns[c]!.choices) {
        const o = el("option", "", sel);
        o.value = choice;
        o.textContent = choice;
      }
      sel.value = v === null || v === undefined ? "" : String(v);
      sel.addEventListener("mousedown", (e) => e.stopPropagation());
      sel.addEventListener("change", () => this.userEdit(node, c, sel.value));
      return;
    }
    if (widget === "progress") {
      const bar = el("div", "pgw-grid-progress", cell);
      let f = typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : 0;
      if (f > 1) f = f / 100;
      el("div", "pgw-grid-progress-fill", bar).style.width = `${Math.max(0, Math.min(1, f)) * 100}%`;
      return;
    }
    if (widget === "button") {
      const b = el("button", "pgw-grid-button", cell);
      b.type = "button";
      b.textContent = v === null || v === undefined ? "" : String(v);
      b.addEventListener("mousedown", (e) => e.stopPropagation());
      b.addEventListener("click", (e) => {
        e.stopPropagation();
        this.host.cellAction(node, c);
      });
      return;
    }
    if (type === "icon") {
      if (typeof v === "string" && v) {
        const img = el("img", "pgw-grid-icon", cell);
        img.src = v;
        img.alt = "";
      }
      return;
    }
    cell.appendChild(document.createTextNode(this.text(node, c)));
  }

  // ---- scrolling ----

  fractions(): { h: number; v: number } {
    const vmax = this.body.scrollHeight - this.body.clientHeight;
    const hmax = this.body.scrollWidth - this.body.clientWidth;
    return { h: hmax > 0 ? this.body.scrollLeft / hmax : 0, v: vmax > 0 ? this.body.scrollTop / vmax : 0 };
  }

  // Scrolling changes no row's content: the render it schedules refills
  // only the rows that come into view (invalidate would refill them all).
  setScroll(h: number, v: number): void {
    this.pendingScroll = { h, v };
    this.schedule();
  }

  scrollToNode(node: GridNode): void {
    let opened = false;
    for (let p = node.parent; p && p !== this.root; p = p.parent) {
      if (!p.expanded) {
        p.expanded = true;
        opened = true;
      }
    }
    // An opened folder's twisty changes too.
    if (opened) this.invalidate(true);
    if (this.visibleDirty) this.rebuildVisible();
    const i = this.visible.indexOf(node);
    if (i < 0) return;
    const rh = this.rowHeight;
    const top = i * rh;
    if (top < this.body.scrollTop) this.body.scrollTop = top;
    else if (top + rh > this.body.scrollTop + this.body.clientHeight) this.body.scrollTop = top + rh - this.body.clientHeight;
    this.schedule();
  }

  scrollToEnd(): void {
    if (this.visibleDirty) this.rebuildVisible();
    restyle(this.spacer, "height", `${this.visible.length * this.rowHeight}px`);
    this.body.scrollTop = this.body.scrollHeight;
    this.schedule();
  }

  private onScroll(): void {
    // An open editor belongs to its row, which scrolling hands to another node.
    if (this.editor) this.commitEdit(true);
    restyle(this.header, "transform", `translateX(${-this.body.scrollLeft}px)`);
    this.render();
    if (!this.sameAsReported()) this.scrollReport();
  }

  /** Whether the body is where the last report (or the program's own scroll) left it. */
  private sameAsReported(): boolean {
    const f = this.fractions();
    return Math.abs(f.h - this.lastScroll.h) < 1e-6 && Math.abs(f.v - this.lastScroll.v) < 1e-6;
  }

  /**
   * The user's scrolling is reported where it stops, as pgwidgets-js's
   * TreeView does (150 ms quiet), not once a frame: a report per frame cost
   * a wheel-scrolled frame a WebSocket send.
   */
  private readonly scrollReport = whenQuiet(() => {
    if (this.sameAsReported()) return;
    this.lastScroll = this.fractions();
    this.host.scrolled(this.lastScroll.h, this.lastScroll.v);
  }, SCROLL_QUIET_MS);

  /** The widget is going: a report still waiting is dropped. */
  teardown(): void {
    this.scrollReport.cancel();
  }

  // ---- pointer and keys ----

  private hit(e: MouseEvent): { node: GridNode; col: number; twisty: boolean } | null {
    const target = e.target as HTMLElement;
    const row = target.closest(".pgw-grid-row") as HTMLElement | null;
    if (!row) return null;
    const node = this.visible[Number(row.dataset["index"])];
    if (!node) return null;
    const cell = target.closest(".pgw-grid-cell") as HTMLElement | null;
    const col = cell?.dataset["col"] !== undefined ? Number(cell.dataset["col"]) : 0;
    return { node, col, twisty: target.classList.contains("pgw-grid-twisty") };
  }

  private cellMode(): boolean {
    return this.selectionMode === "single_cell" || this.selectionMode === "multiple_cell";
  }

  cellKey(node: GridNode, col: number): string {
    return `${pathKey(this.pathOf(node))}|${col}`;
  }

  private onMouseDown(e: MouseEvent): void {
    if (this.editor && e.target === this.editor) return;
    const h = this.hit(e);
    if (!h) return;
    this.commitEdit(true);
    this.body.focus({ preventScroll: true });
    if (h.twisty && h.node.children.length) {
      this.setExpanded(h.node, !h.node.expanded);
      this.host.expanded(h.node, h.node.expanded);
      return;
    }
    if (this.cellCursor) this.cursor = { node: h.node, col: h.col };
    this.clickSelect(h.node, h.col, e.ctrlKey || e.metaKey, e.shiftKey);
    this.invalidate(false);
  }

  private clickSelect(node: GridNode, col: number, toggle: boolean, extend: boolean): void {
    if (this.cellMode()) {
      const key = this.cellKey(node, col);
      if (this.selectionMode === "multiple_cell" && toggle) {
        if (this.cellSelection.has(key)) this.cellSelection.delete(key);
        else this.cellSelection.set(key, { node, col });
      } else {
        this.cellSelection.clear();
        this.cellSelection.set(key, { node, col });
      }
      this.invalidate(false);
      this.host.cellSelectedChanged();
      return;
    }
    if (this.selectionMode === "none") return;
    const before = this.selection.slice();
    if (this.selectionMode === "multiple" && extend && this.anchor) {
      if (this.visibleDirty) this.rebuildVisible();
      const a = this.visible.indexOf(this.anchor);
      const b = this.visible.indexOf(node);
      if (a >= 0 && b >= 0) this.setSelection(this.visible.slice(Math.min(a, b), Math.max(a, b) + 1));
    } else if (this.selectionMode === "multiple" && toggle) {
      this.select(node, !node.selected);
      this.anchor = node;
    } else {
      this.setSelection([node]);
      this.anchor = node;
    }
    if (before.length !== this.selection.length || before.some((n, i) => n !== this.selection[i])) {
      this.host.selectedChanged();
    }
  }

  private onDoubleClick(e: MouseEvent): void {
    const h = this.hit(e);
    if (!h || h.twisty) return;
    const column = this.columns[h.col];
    if (column && column.widget === "none" && this.isEditable(h.col)) {
      this.startEdit(h.node, h.col, null);
      return;
    }
    this.host.activated(h.node, h.col);
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editor) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === "c" || e.key === "x")) {
      e.preventDefault();
      if (e.key === "c") this.copy();
      else this.cut();
      return;
    }
    if (mod) return;
    if (this.visibleDirty) this.rebuildVisible();
    const move = (dr: number, dc: number) => {
      const cur = this.cursor ?? (this.selection[0] ? { node: this.selection[0], col: 0 } : null);
      let r = cur ? this.visible.indexOf(cur.node) : -1;
      let c = cur ? cur.col : 0;
      r = Math.max(0, Math.min(this.visible.length - 1, r + dr));
      c = Math.max(0, Math.min(this.columns.length - 1, c + dc));
      const node = this.visible[r];
      if (!node) return;
      if (this.cellCursor) this.cursor = { node, col: c };
      if (this.cellMode()) this.clickSelect(node, c, false, false);
      else if (this.selectionMode !== "none") this.clickSelect(node, c, false, e.shiftKey);
      this.scrollToNode(node);
      this.invalidate(false);
    };
    switch (e.key) {
      case "ArrowDown": move(1, 0); break;
      case "ArrowUp": move(-1, 0); break;
      case "PageDown": move(Math.floor(this.body.clientHeight / this.rowHeight), 0); break;
      case "PageUp": move(-Math.floor(this.body.clientHeight / this.rowHeight), 0); break;
      case "Tab":
        if (!this.cellCursor) return;
        move(0, e.shiftKey ? -1 : 1);
        break;
      case "ArrowRight":
      case "ArrowLeft": {
        const open = e.key === "ArrowRight";
        if (this.cellCursor) {
          move(0, open ? 1 : -1);
          break;
        }
        const node = this.selection[this.selection.length - 1];
        if (node && node.children.length && node.expanded !== open) {
          this.setExpanded(node, open);
          this.host.expanded(node, open);
        }
        break;
      }
      case "Enter": {
        const node = this.cursor?.node ?? this.selection[this.selection.length - 1];
        if (!node) return;
        const col = this.cursor?.col ?? 0;
        if (this.cellCursor && this.isEditable(col) && this.columns[col]?.widget === "none") this.startEdit(node, col, null);
        else this.host.activated(node, null);
        break;
      }
      case "Delete":
      case "Backspace":
        if (this.cursor && this.isEditable(this.cursor.col)) this.userEdit(this.cursor.node, this.cursor.col, emptyOf(this.columns[this.cursor.col]!.type));
        break;
      default:
        if (this.cursor && e.key.length === 1 && this.isEditable(this.cursor.col) && this.columns[this.cursor.col]?.widget === "none") {
          e.preventDefault();
          this.startEdit(this.cursor.node, this.cursor.col, e.key);
        }
        return;
    }
    e.preventDefault();
  }

  private onHeaderDown(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    if (target.classList.contains("pgw-grid-resize")) {
      e.preventDefault();
      const col = Number(target.dataset["col"]);
      const startX = e.clientX;
      const startW = this.widths[col]!;
      const moveListener = (m: MouseEvent) => this.setColumnWidth(col, startW + m.clientX - startX);
      const up = () => {
        window.removeEventListener("mousemove", moveListener);
        window.removeEventListener("mouseup", up);
        this.host.columnResized(col, this.widths[col]!);
      };
      window.addEventListener("mousemove", moveListener);
      window.addEventListener("mouseup", up);
      return;
    }
    const h = target.closest(".pgw-grid-hcell") as HTMLElement | null;
    if (!h || h.dataset["col"] === undefined || !this.sortable) return;
    const col = Number(h.dataset["col"]);
    const ascending = this.sortCol === col ? !this.sortAscending : true;
    this.sortBy(col, ascending);
    this.host.sorted(col, ascending);
  }

  sortBy(col: number, ascending: boolean): void {
    this.sortCol = col;
    this.sortKey = col >= 0 ? this.colKeys[col]! : null;
    this.sortAscending = ascending;
    this.headerDirty = true;
    this.invalidate(true);
  }

  // ---- editing ----

  private startEdit(node: GridNode, col: number, typed: string | null): void {
    this.commitEdit(false);
    this.scrollToNode(node);
    this.render();
    const i = this.visible.indexOf(node) - this.first;
    const row = i >= 0 && i < this.poolUsed ? this.pool[i]!.row : undefined;
    const cell = row?.querySelector(`.pgw-grid-cell[data-col="${col}"]`) as HTMLElement | null;
    if (!cell) return;
    cell.classList.add("pgw-grid-editing");
    const input = el("input", "pgw-grid-editor", cell);
    input.value = typed ?? this.text(node, col);
    this.editor = input;
    this.editing = { node, col };
    const finish = (commit: boolean) => {
      if (this.editor !== input) return;
      this.editor = null;
      this.editing = null;
      cell.classList.remove("pgw-grid-editing");
      const text = input.value;
      input.remove();
      if (commit) this.userEdit(node, col, parseAs(text, this.columns[col]!.type, this.get(node, col)));
      this.body.focus({ preventScroll: true });
      this.invalidate(false);
    };
    (input as HTMLInputElement & { finish?: (c: boolean) => void }).finish = finish;
    input.addEventListener("keydown", (e) => {
      e.stopPropagation();
      if (e.key === "Enter") finish(true);
      else if (e.key === "Escape") finish(false);
    });
    input.addEventListener("blur", () => finish(true));
    input.addEventListener("mousedown", (e) => e.stopPropagation());
    input.focus();
    if (typed === null) input.select();
  }

  commitEdit(commit: boolean): void {
    const input = this.editor as (HTMLInputElement & { finish?: (c: boolean) => void }) | null;
    input?.finish?.(commit);
  }

  /** A user's change of one cell: applied, then reported with the value it replaced. */
  userEdit(node: GridNode, col: number, value: Value): void {
    const old = this.get(node, col) ?? null;
    if (sameValue(old, value)) return;
    this.set(node, col, value);
    this.host.cellEdited(node, col, old, value);
  }

  // ---- copy, cut, paste ----

  /** The selected cells or rows as TSV, with the editable cells among them. */
  private selectedTsv(): { text: string; cells: { node: GridNode; col: number }[] } {
    if (this.visibleDirty) this.rebuildVisible();
    const cells: { node: GridNode; col: number }[] = [];
    let text: string;
    if (this.cellSelection.size) {
      const order = new Map(this.visible.map((n, i) => [n, i]));
      const picked = [...this.cellSelection.values()].sort(
        (a, b) => (order.get(a.node) ?? 0) - (order.get(b.node) ?? 0) || a.col - b.col);
      const rows = new Map<GridNode, { node: GridNode; col: number }[]>();
      for (const p of picked) {
        if (!rows.has(p.node)) rows.set(p.node, []);
        rows.get(p.node)!.push(p);
        cells.push(p);
      }
      text = [...rows.values()].map((r) => r.map((p) => this.text(p.node, p.col)).join("\t")).join("\n");
    } else {
      const order = new Map(this.visible.map((n, i) => [n, i]));
      const rows = this.selection.slice().sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      for (const n of rows) for (let c = 0; c < this.columns.length; c++) cells.push({ node: n, col: c });
      text = rows.map((n) => this.columns.map((_, c) => this.text(n, c)).join("\t")).join("\n");
    }
    return { text, cells };
  }

  copy(): void {
    const { text } = this.selectedTsv();
    navigator.clipboard?.writeText(text).catch(() => undefined);
    this.host.copied("copy", text);
  }

  cut(): void {
    const { text, cells } = this.selectedTsv();
    navigator.clipboard?.writeText(text).catch(() => undefined);
    for (const { node, col } of cells) {
      if (this.isEditable(col)) this.userEdit(node, col, emptyOf(this.columns[col]!.type));
    }
    this.host.copied("cut", text);
  }

  pasteText(text: string): void {
    if (this.visibleDirty) this.rebuildVisible();
    const start = this.cursor ??
      (this.cellSelection.size ? [...this.cellSelection.values()][0]! : null) ??
      (this.selection[0] ? { node: this.selection[0], col: 0 } : null);
    if (start) {
      const r0 = this.visible.indexOf(start.node);
      const lines = text.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
      lines.forEach((line, dr) => {
        const node = this.visible[r0 + dr];
        if (!node) return;
        line.split("\t").forEach((t, dc) => {
          const col = start.col + dc;
          if (col < this.columns.length && this.isEditable(col)) {
            this.userEdit(node, col, parseAs(t, this.columns[col]!.type, this.get(node, col)));
          }
        });
      });
    }
    this.host.copied("paste", text);
  }
}

/** A cell element, with the colours last written to its style. */
type LooksCell = HTMLDivElement & { looks?: string };

function emptyOf(type: ColumnType): Value {
  return type === "boolean" ? false : type === "string" || type === "icon" ? "" : null;
}

/** Text typed into a cell, as the column's type. */
export function parseAs(text: string, type: ColumnType, old: Value | undefined): Value {
  const t = text.trim();
  if (type === "integer") {
    if (t === "") return null;
    return /^[-+]?\d+$/.test(t) ? BigInt(t) : (old ?? null);
  }
  if (type === "float") {
    if (t === "") return null;
    const f = Number(t);
    return Number.isFinite(f) ? f : (old ?? null);
  }
  if (type === "boolean") return ["1", "true", "yes", "on", "\u2713"].includes(t.toLowerCase());
  return text;
}
