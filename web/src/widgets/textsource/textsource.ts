// TextSource: a code editor on CodeMirror 6 (the editor, its viewport
// rendering of huge documents, its undo history and gutters are
// CodeMirror's; this class adds pgwidgets' tags, refs and callbacks).
//
// Who keeps what (see also schema/pgwidgets/widgets/textsource.proto): the
// page is the authority on the buffer. Every change to the text, a user's
// edit or a program's call, goes through one CodeMirror transaction, and
// `mapThrough` moves every ref and tag region through that transaction's
// changes (a ref by its gravity, a region's start to the right and its end
// to the left, so text typed at a region's edge stays outside it). Then the
// page reports the whole buffer (text, tag definitions and regions, refs'
// offsets, names, icons, validity) by buffer_changed: at once (once per
// event-loop turn) after the program's calls, once typing pauses after the
// user's edits (at once on blur and when the page is left). The server keeps
// the latest report and nothing else, so a reload, which sends it back
// through set_buffer, costs what the buffer costs, never its history. The
// server never moves a position itself, so the ends cannot disagree.
//
// Positions inside this class are CodeMirror's (UTF-16); the wire carries
// UTF-8 byte offsets, converted in `bytes` / `pos` (offsets.ts) and nowhere
// else.
import "./textsource.css";
import { EditorState, Compartment, RangeSetBuilder, StateEffect, StateField, Transaction, type Extension, type ChangeDesc } from "@codemirror/state";
import {
  Decoration,
  EditorView,
  GutterMarker,
  drawSelection,
  gutter,
  keymap,
  lineNumbers,
  type DecorationSet,
  type KeyBinding,
  type ViewUpdate,
} from "@codemirror/view";
import {
  cursorCharLeft,
  cursorCharRight,
  cursorDocEnd,
  cursorDocStart,
  cursorLineBoundaryBackward,
  cursorLineBoundaryForward,
  cursorLineDown,
  cursorLineUp,
  cursorPageDown,
  cursorPageUp,
  deleteCharBackward,
  deleteCharForward,
  history,
  historyKeymap,
  insertNewline,
  insertTab,
  redo,
  redoDepth,
  selectAll,
  selectCharLeft,
  selectCharRight,
  selectLineBoundaryBackward,
  selectLineBoundaryForward,
  selectLineDown,
  selectLineUp,
  undo,
  undoDepth,
} from "@codemirror/commands";
import { el } from "../../dom.js";
import { whenQuiet, type Quiet } from "../../parts/debounce.js";
import { rebuilding } from "../../rebuild_phase.js";
import type {
  CursorStyle,
  FindResultValue,
  RefState,
  ScrollAlign,
  TagDef,
  TagRegion,
  TagStyle,
  TextSpan,
  TextRangeValue,
  TextSourceCreateArgs,
  TextSourceEvents,
  TextSourceImpl,
  WidgetHandle,
  Wrap,
} from "../../schema.js";
import { asWidget, Widget, type WidgetEnv } from "../widget.js";
import { Utf8Index } from "./offsets.js";
import { TextBufferRef } from "./textbufferref.js";

// The editing keys, without the language-aware ones (auto-indent,
// bracket matching): those would pull CodeMirror's parser into the page.
const editingKeys: readonly KeyBinding[] = [
  { key: "ArrowLeft", run: cursorCharLeft, shift: selectCharLeft, preventDefault: true },
  { key: "ArrowRight", run: cursorCharRight, shift: selectCharRight, preventDefault: true },
  { key: "ArrowUp", run: cursorLineUp, shift: selectLineUp, preventDefault: true },
  { key: "ArrowDown", run: cursorLineDown, shift: selectLineDown, preventDefault: true },
  { key: "Home", run: cursorLineBoundaryBackward, shift: selectLineBoundaryBackward, preventDefault: true },
  { key: "End", run: cursorLineBoundaryForward, shift: selectLineBoundaryForward, preventDefault: true },
  { key: "Mod-Home", run: cursorDocStart },
  { key: "Mod-End", run: cursorDocEnd },
  { key: "PageUp", run: cursorPageUp },
  { key: "PageDown", run: cursorPageDown },
  { key: "Enter", run: insertNewline },
  { key: "Mod-a", run: selectAll },
  { key: "Backspace", run: deleteCharBackward, shift: deleteCharBackward },
  { key: "Delete", run: deleteCharForward },
  { key: "Tab", run: insertTab },
];

/** How long typing or scrolling must pause before the page reports it. */
export const REPORT_PAUSE_MS = 250;

interface Region {
  name: string;
  from: number;
  to: number;
  /** Application order: a later tag's attributes win. */
  seq: number;
}

const setTagDecorations = StateEffect.define<DecorationSet>();
const tagDecorations = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) if (e.is(setTagDecorations)) return e.value;
    return tr.docChanged ? deco.map(tr.changes) : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});
/** The icons changed: the icon gutter redraws its markers. */
const iconsChanged = StateEffect.define<null>();

/** The icon gutter's width while no line has an icon. */
class IconSpacer extends GutterMarker {
  override toDOM(): Node {
    return el("span", "pgw-textsource-icon-spacer");
  }
}

class IconMarker extends GutterMarker {
  constructor(
    readonly url: string,
    readonly refId: number,
  ) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return other instanceof IconMarker && other.url === this.url && other.refId === this.refId;
  }
  override toDOM(): Node {
    const img = el("img", "pgw-textsource-icon");
    img.src = this.url;
    img.alt = "";
    img.setAttribute("data-ref", String(this.refId));
    return img;
  }
}

function styleText(s: TagStyle): string {
  const parts: string[] = [];
  if (s.background) parts.push(`background:${s.background}`);
  if (s.foreground) parts.push(`color:${s.foreground}`);
  if (s.bold) parts.push("font-weight:bold");
  if (s.italic) parts.push("font-style:italic");
  const deco = [s.underline ? "underline" : "", s.strikethrough ? "line-through" : ""].filter(Boolean);
  if (deco.length) parts.push(`text-decoration:${deco.join(" ")}`);
  if (s.font_family) parts.push(`font-family:${s.font_family}`);
  if (s.font_size) parts.push(`font-size:${s.font_size}px`);
  // A style is data for one attribute; a value cannot open another.
  return parts.map((p) => p.replace(/[;{}<>"]/g, "")).join(";");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export class TextSource extends Widget implements TextSourceImpl {
  declare readonly view: EditorView;
  declare private readonly events: TextSourceEvents;
  declare private readonly lineNumbersC: Compartment;
  declare private readonly iconGutterC: Compartment;
  declare private readonly wrapC: Compartment;
  declare private readonly editableC: Compartment;
  declare private tagDefs: Map<string, TagStyle>;
  declare private regions: Region[];
  declare private tagSeq: number;
  /** A redraw of the tags is queued (redrawTags): one per task, however many calls changed them. */
  declare private tagsQueued: boolean;
  /** Every ref this buffer tracks, by widget id (invalid ones too: their state is reported). */
  declare private readonly refs: Map<number, TextBufferRef>;
  declare private named: Map<string, TextBufferRef>;
  declare private index: Utf8Index | null;
  declare private readonly bufferReport: Quiet;
  declare private readonly selectionReport: Quiet;
  declare private readonly scrollReport: Quiet;
  /** A report of the program's calls is due at the end of this turn. */
  declare private reportQueued: boolean;
  declare private bufferDirty: boolean;
  declare private knownSelection: { start: number; end: number };
  declare private knownScroll: { h: number; v: number };
  /** What the server last set (a rebuild sends text after them): applied again then. */
  declare private wantedSelection: { start: number; end: number } | null;
  declare private wantedScroll: { h: number; v: number } | null;
  declare private skipNextScroll: boolean;
  declare private tooltipsOn: boolean;
  declare private tooltipTimer: ReturnType<typeof setTimeout> | undefined;
  declare private tooltipEl: HTMLElement | null;
  declare private listenCursor: boolean;
  /** set_buffer is applying the server's own snapshot: nothing to report. */
  declare private applyingServer: boolean;

  constructor(widgetId: number, args: TextSourceCreateArgs, events: TextSourceEvents, env: WidgetEnv) {
    const element = el("div");
    super(widgetId, "TextSource", env, events, element);
    this.events = events;
    this.lineNumbersC = new Compartment();
    this.iconGutterC = new Compartment();
    this.wrapC = new Compartment();
    this.editableC = new Compartment();
    this.tagDefs = new Map();
    this.regions = [];
    this.tagSeq = 0;
    this.tagsQueued = false;
    this.refs = new Map();
    this.named = new Map();
    this.index = null;
    this.bufferReport = whenQuiet(() => this.reportBuffer(), REPORT_PAUSE_MS);
    this.selectionReport = whenQuiet(() => this.reportSelection(), REPORT_PAUSE_MS);
    this.scrollReport = whenQuiet(() => this.reportScroll(), REPORT_PAUSE_MS);
    this.reportQueued = false;
    this.bufferDirty = false;
    this.knownSelection = { start: 0, end: 0 };
    this.knownScroll = { h: 0, v: 0 };
    this.wantedSelection = null;
    this.wantedScroll = null;
    this.skipNextScroll = false;
    this.tooltipsOn = false;
    this.tooltipTimer = undefined;
    this.tooltipEl = null;
    this.listenCursor = false;
    this.applyingServer = false;
    element.style.fontFamily = args.font_family;
    element.style.fontSize = `${args.font_size}px`;
    const extensions: Extension[] = [
      history(),
      drawSelection(),
      keymap.of([...editingKeys, ...historyKeymap]),
      tagDecorations,
      this.lineNumbersC.of([]),
      this.iconGutterC.of([]),
      this.wrapC.of([]),
      this.editableC.of([]),
      EditorView.updateListener.of((u) => this.updated(u)),
    ];
    this.view = new EditorView({ parent: element, state: EditorState.create({ doc: args.text, extensions }) });
    this.set_line_numbers(args.line_numbers);
    this.set_icon_gutter(args.icon_gutter);
    this.set_wrap(args.wrap);
    this.set_editable(args.editable);
    this.view.contentDOM.addEventListener("blur", () => {
      this.bufferReport.flush();
      this.selectionReport.flush();
    });
    this.view.scrollDOM.addEventListener("scroll", () => {
      if (this.skipNextScroll) this.skipNextScroll = false;
      else this.scrollReport();
    });
    this.view.contentDOM.addEventListener("mousemove", (e) => this.hover(e));
    this.view.contentDOM.addEventListener("mouseleave", () => this.hideTooltip());
  }

  // ---- positions --------------------------------------------------------------

  private get idx(): Utf8Index {
    const doc = this.view.state.doc;
    if (this.index === null || this.index.doc !== doc) this.index = new Utf8Index(doc);
    return this.index;
  }
  /** A wire offset (UTF-8 bytes) as an editor position; throws for one that has none. */
  pos(offset: number): number {
    return this.idx.toPos(offset);
  }
  /** An editor position as a wire offset. */
  bytes(pos: number): number {
    return this.idx.toBytes(pos);
  }
  private range(start: number, end: number): [number, number] {
    const a = this.pos(start);
    const b = this.pos(end);
    if (a > b) throw new RangeError(`start ${start} is after end ${end}`);
    return [a, b];
  }

  /** Moves every ref and region through one transaction's changes. */
  private mapThrough(changes: ChangeDesc): void {
    for (const r of this.refs.values()) if (r.valid) r.pos = changes.mapPos(r.pos, r.gravity === "right" ? 1 : -1);
    const kept: Region[] = [];
    for (const t of this.regions) {
      const from = changes.mapPos(t.from, 1);
      const to = changes.mapPos(t.to, -1);
      if (to > from) kept.push({ name: t.name, from, to, seq: t.seq });
    }
    this.regions = kept;
  }

  private updated(u: ViewUpdate): void {
    if (u.docChanged) {
      this.mapThrough(u.changes);
      if (this.applyingServer) return;
      this.bufferDirty = true;
      // A program's call reports at the end of its turn (reportSoon); the
      // user's typing once it pauses.
      if (!this.reportQueued) this.bufferReport();
    }
    if (u.selectionSet && !this.applyingServer) {
      // Converting to bytes indexes the document: only when listened.
      if (this.listenCursor) this.events.cursor_moved(this.bytes(u.state.selection.main.head));
      this.selectionReport();
    }
  }

  /**
   * The program changed the buffer (or only the selection: `buffer`
   * false): report it at the end of this turn. Never during a rebuild: the
   * server is sending its own state then, perhaps over several frames, and
   * a report between them would replace its record with a half-built one.
   */
  private reportSoon(buffer = true): void {
    if (buffer) this.bufferDirty = true;
    if (this.reportQueued || rebuilding()) return;
    this.reportQueued = true;
    queueMicrotask(() => {
      this.reportQueued = false;
      this.reportBuffer();
      this.reportSelection();
    });
  }

  snapshot(): { text: string; tag_defs: TagDef[]; tags: TagRegion[]; refs: RefState[] } {
    const tag_defs: TagDef[] = [...this.tagDefs].map(([name, style]) => ({ name, style }));
    const tags: TagRegion[] = [...this.regions]
      .sort((a, b) => a.seq - b.seq)
      .map((t) => ({ name: t.name, start: this.bytes(t.from), end: this.bytes(t.to) }));
    const refs: RefState[] = [...this.refs.values()].map((r) => ({
      id: r.widgetId,
      offset: r.valid ? this.bytes(r.pos) : 0,
      name: r.name,
      icon_url: r.iconUrl,
      valid: r.valid,
    }));
    return { text: this.view.state.doc.toString(), tag_defs, tags, refs };
  }

  private reportBuffer(): void {
    this.bufferReport.cancel();
    if (this.destroyed || !this.bufferDirty) return;
    this.bufferDirty = false;
    const s = this.snapshot();
    this.events.buffer_changed(s.text, s.tag_defs, s.tags, s.refs);
    this.events.changed();
  }

  override listening(callbackName: string, on: boolean, resumed = false): void {
    if (callbackName === "cursor_moved") this.listenCursor = on;
    else super.listening(callbackName, on, resumed);
  }

  private reportSelection(): void {
    this.selectionReport.cancel();
    if (this.destroyed) return;
    const sel = this.view.state.selection.main;
    const start = this.bytes(sel.from);
    const end = this.bytes(sel.to);
    if (start === this.knownSelection.start && end === this.knownSelection.end) return;
    this.knownSelection = { start, end };
    this.events.selection_changed(start, end);
  }

  // ---- text -----------------------------------------------------------------

  private replaceAll(text: string): void {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      selection: { anchor: 0 },
      annotations: [Transaction.addToHistory.of(false)],
    });
  }

  set_text(text: string): void {
    this.replaceAll(text);
    this.regions = [];
    for (const r of this.refs.values()) r.invalidate();
    this.named.clear();
    this.redrawTags();
    this.redrawIcons();
    this.reportSoon();
  }

  get_text(): string {
    return this.view.state.doc.toString();
  }

  get_length(): number {
    return this.idx.length;
  }

  get_text_range(start: number, end: number): string {
    const [a, b] = this.range(start, end);
    return this.view.state.sliceDoc(a, b);
  }

  insert_text(offset: number, text: string, tags: string[]): void {
    for (const t of tags) if (!this.tagDefs.has(t)) throw new Error(`unknown tag ${JSON.stringify(t)}`);
    const at = this.pos(offset);
    this.view.dispatch({ changes: { from: at, insert: text } });
    for (const t of tags) if (text.length > 0) this.regions.push({ name: t, from: at, to: at + text.length, seq: ++this.tagSeq });
    if (tags.length) this.redrawTags();
    this.reportSoon();
  }

  delete_range(start: number, end: number): void {
    const [a, b] = this.range(start, end);
    this.view.dispatch({ changes: { from: a, to: b } });
    this.reportSoon();
  }

  clear(): void {
    this.set_text("");
  }

  /** Replaces the whole buffer with the server's snapshot (a rebuild, another browser's edit). */
  set_buffer(text: string, tag_defs: TagDef[], tags: TagRegion[], refs: RefState[]): void {
    this.applyingServer = true;
    try {
      this.replaceAll(text);
    } finally {
      this.applyingServer = false;
    }
    this.tagDefs = new Map(tag_defs.map((d) => [d.name, d.style]));
    this.regions = tags.map((t) => ({ name: t.name, from: this.pos(t.start), to: this.pos(t.end), seq: ++this.tagSeq }));
    this.named = new Map();
    for (const s of refs) {
      const r = this.refs.get(s.id);
      if (!r) continue; // destroyed since
      r.valid = s.valid;
      r.pos = s.valid ? this.pos(s.offset) : 0;
      r.name = s.name;
      r.iconUrl = s.icon_url;
      if (s.valid && s.name) this.named.set(s.name, r);
    }
    this.redrawTags();
    this.redrawIcons();
    // The server has this buffer: nothing to report.
    this.bufferReport.cancel();
    this.bufferDirty = false;
    if (this.wantedSelection) this.set_selection_range(this.wantedSelection.start, this.wantedSelection.end, true);
    if (this.wantedScroll) this.set_scroll_position(this.wantedScroll.h, this.wantedScroll.v);
  }

  // ---- look -------------------------------------------------------------------

  set_editable(tf: boolean): void {
    this.view.dispatch({
      effects: this.editableC.reconfigure([EditorView.editable.of(tf), EditorState.readOnly.of(!tf)]),
    });
  }

  set_wrap(wrap: Wrap): void {
    this.view.dispatch({ effects: this.wrapC.reconfigure(wrap === "none" ? [] : EditorView.lineWrapping) });
    this.element.classList.toggle("pgw-wrap-hard", wrap === "hard");
  }

  set_line_numbers(tf: boolean): void {
    const ext = tf
      ? lineNumbers({
          domEventHandlers: {
            mousedown: (view, line) => {
              this.events.line_clicked(view.state.doc.lineAt(line.from).number - 1);
              return false;
            },
          },
        })
      : [];
    this.view.dispatch({ effects: this.lineNumbersC.reconfigure(ext) });
  }

  set_icon_gutter(tf: boolean): void {
    const ext = tf
      ? gutter({
          class: "pgw-textsource-icons",
          lineMarker: (view, line) => {
            for (const r of this.refs.values()) {
              if (r.valid && r.iconUrl && r.pos >= line.from && r.pos <= line.to) return new IconMarker(r.iconUrl, r.widgetId);
            }
            return null;
          },
          lineMarkerChange: (u) => u.docChanged || u.transactions.some((t) => t.effects.some((e) => e.is(iconsChanged))),
          initialSpacer: () => new IconSpacer(),
          domEventHandlers: {
            mousedown: (view, line, event) => {
              const img = (event.target as Element | null)?.closest?.("img[data-ref]");
              const ref = img ? this.refs.get(Number(img.getAttribute("data-ref"))) : undefined;
              if (!ref) return false;
              this.events.icon_clicked(view.state.doc.lineAt(line.from).number - 1, ref);
              return true;
            },
          },
        })
      : [];
    this.view.dispatch({ effects: this.iconGutterC.reconfigure(ext) });
  }

  set_cursor_style(style: CursorStyle, color: string): void {
    this.element.classList.toggle("pgw-cursor-block", style === "block");
    if (color) this.element.style.setProperty("--pgw-textsource-caret", color);
    else this.element.style.removeProperty("--pgw-textsource-caret");
  }

  set_icon(ref: WidgetHandle, icon_url: string): void {
    const r = this.ownRef(ref);
    r.iconUrl = icon_url;
    this.redrawIcons();
    this.reportSoon();
  }

  private redrawIcons(): void {
    this.view.dispatch({ effects: iconsChanged.of(null) });
  }

  // ---- tooltips -----------------------------------------------------------------

  set_tooltips_enabled(tf: boolean): void {
    this.tooltipsOn = tf;
    if (!tf) this.hideTooltip();
  }

  private hover(e: MouseEvent): void {
    if (!this.tooltipsOn) return;
    if (this.tooltipTimer !== undefined) clearTimeout(this.tooltipTimer);
    const { clientX: x, clientY: y } = e;
    this.tooltipTimer = setTimeout(() => {
      this.tooltipTimer = undefined;
      if (this.destroyed) return;
      const pos = this.view.posAtCoords({ x, y });
      if (pos === null) return;
      const line = this.view.state.doc.lineAt(pos);
      const column = this.bytes(pos) - this.bytes(line.from);
      this.events.tooltip(line.number - 1, column, line.text, x, y);
    }, 400);
  }

  show_tooltip(text: string, x: number, y: number): void {
    if (!text) return this.hideTooltip();
    if (!this.tooltipEl) this.tooltipEl = el("div", "pgw-textsource-tooltip", document.body);
    this.tooltipEl.textContent = text;
    this.tooltipEl.style.left = `${x + 12}px`;
    this.tooltipEl.style.top = `${y + 16}px`;
    this.tooltipEl.style.display = "block";
  }

  private hideTooltip(): void {
    if (this.tooltipTimer !== undefined) clearTimeout(this.tooltipTimer);
    this.tooltipTimer = undefined;
    if (this.tooltipEl) this.tooltipEl.style.display = "none";
  }

  // ---- cursor and selection -------------------------------------------------------

  get_cursor(): number {
    return this.bytes(this.view.state.selection.main.head);
  }

  set_cursor_offset(offset: number): void {
    this.view.dispatch({ selection: { anchor: this.pos(offset) } });
    this.reportSoon(false);
  }

  get_selection_range(): TextRangeValue {
    const sel = this.view.state.selection.main;
    return { start: this.bytes(sel.from), end: this.bytes(sel.to) };
  }

  has_selection(): boolean {
    return !this.view.state.selection.main.empty;
  }

  get_selection_bounds(): TextRangeValue {
    return this.get_selection_range();
  }

  set_selection_range(start: number, end: number, again = false): void {
    this.wantedSelection = { start, end };
    let a: number;
    let b: number;
    try {
      a = this.pos(start);
      b = this.pos(end);
    } catch (e) {
      // A rebuild sends the selection before the text it belongs to:
      // set_buffer applies it again.
      if (rebuilding() && !again) return;
      throw e;
    }
    this.knownSelection = { start: Math.min(start, end), end: Math.max(start, end) };
    this.view.dispatch({ selection: { anchor: a, head: b } });
  }

  // ---- tags -------------------------------------------------------------------------

  create_tag(name: string, style: TagStyle): void {
    this.tagDefs.set(name, style);
    this.redrawTags();
    this.reportSoon();
  }

  remove_tag_def(name: string): void {
    this.tagDefs.delete(name);
    this.regions = this.regions.filter((t) => t.name !== name);
    this.redrawTags();
    this.reportSoon();
  }

  has_tag(name: string): boolean {
    return this.regions.some((t) => t.name === name);
  }

  apply_tag(name: string, start: number, end: number): void {
    if (!this.tagDefs.has(name)) throw new Error(`unknown tag ${JSON.stringify(name)}: create_tag it first`);
    const [a, b] = this.range(start, end);
    if (a === b) return;
    this.regions.push({ name, from: a, to: b, seq: ++this.tagSeq });
    this.redrawTags();
    this.reportSoon();
  }

  remove_tag(name: string, start: number, end: number): void {
    const [a, b] = this.range(start, end);
    const kept: Region[] = [];
    for (const t of this.regions) {
      if (t.name !== name || t.to <= a || t.from >= b) {
        kept.push(t);
        continue;
      }
      if (t.from < a) kept.push({ ...t, to: a });
      if (t.to > b) kept.push({ ...t, from: b });
    }
    this.regions = kept;
    this.redrawTags();
    this.reportSoon();
  }

  get_tags_at(offset: number): string[] {
    const p = this.pos(offset);
    const names: string[] = [];
    for (const t of [...this.regions].sort((x, y) => x.seq - y.seq)) {
      if (t.from <= p && p < t.to && !names.includes(t.name)) names.push(t.name);
    }
    return names;
  }

  get_tags_range(start: number, end: number): string[] {
    const [a, b] = this.range(start, end);
    const names: string[] = [];
    for (const t of [...this.regions].sort((x, y) => x.seq - y.seq)) {
      if (t.from < b && t.to > a && !names.includes(t.name)) names.push(t.name);
    }
    return names;
  }

  private runs(name: string): [number, number][] {
    const spans = this.regions.filter((t) => t.name === name).sort((a, b) => a.from - b.from);
    const merged: [number, number][] = [];
    for (const t of spans) {
      const last = merged[merged.length - 1];
      if (last && t.from <= last[1]) last[1] = Math.max(last[1], t.to);
      else merged.push([t.from, t.to]);
    }
    return merged;
  }

  get_tag_region(name: string): TextRangeValue {
    const runs = this.runs(name);
    if (runs.length === 0) return { start: 0, end: 0 };
    return { start: this.bytes(runs[0]![0]), end: this.bytes(runs[runs.length - 1]![1]) };
  }

  get_tag_regions(name: string): TextSpan[] {
    return this.runs(name).map(([a, b]) => ({ start: this.bytes(a), end: this.bytes(b) }));
  }

  /**
   * Queues the drawing of the regions, once for the task: a document sent
   * with a tag on every hundredth of its 100,000 lines is 1,000 apply_tag
   * calls in one message, drawn once after them, not once each.
   */
  private redrawTags(): void {
    if (this.tagsQueued) return;
    this.tagsQueued = true;
    queueMicrotask(() => {
      this.tagsQueued = false;
      if (!this.destroyed) this.drawTags();
    });
  }

  /**
   * Draws the regions: one mark per segment between region boundaries, the
   * styles of the regions over it merged in application order. A sweep over
   * the boundaries: the regions starting at one join, those ending there
   * leave, so the cost grows with the regions, not with their product.
   */
  private drawTags(): void {
    const live = this.regions.filter((t) => t.from < t.to && this.tagDefs.has(t.name)).sort((a, b) => a.seq - b.seq);
    const starts = live.map((t, i) => [t.from, i] as const).sort((a, b) => a[0] - b[0]);
    const ends = live.map((t, i) => [t.to, i] as const).sort((a, b) => a[0] - b[0]);
    const points = [...new Set(live.flatMap((t) => [t.from, t.to]))].sort((a, b) => a - b);
    const active = new Set<number>();
    const builder = new RangeSetBuilder<Decoration>();
    let si = 0;
    let ei = 0;
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k]!;
      while (ei < ends.length && ends[ei]![0] <= a) active.delete(ends[ei++]![1]);
      while (si < starts.length && starts[si]![0] <= a) active.add(starts[si++]![1]);
      if (active.size === 0) continue;
      const style: TagStyle = {} as TagStyle;
      for (const i of [...active].sort((x, y) => x - y)) {
        for (const [key, v] of Object.entries(this.tagDefs.get(live[i]!.name)!)) {
          if (v !== undefined) (style as unknown as Record<string, unknown>)[key] = v;
        }
      }
      builder.add(a, points[k + 1]!, Decoration.mark({ attributes: { style: styleText(style) } }));
    }
    this.view.dispatch({ effects: setTagDecorations.of(builder.finish()) });
  }

  // ---- refs ---------------------------------------------------------------------------

  private ownRef(handle: WidgetHandle): TextBufferRef {
    const w = asWidget(handle);
    if (!(w instanceof TextBufferRef) || w.buffer !== this) throw new Error(`${w} is not a ref of ${this}`);
    return w;
  }

  /** Tracks a new ref (create_ref / create_named_ref made it, with its offset and name). */
  private adoptRef(handle: WidgetHandle): void {
    const r = asWidget(handle);
    if (!(r instanceof TextBufferRef)) throw new Error(`${r} is not a TextBufferRef`);
    let pos: number;
    try {
      pos = this.pos(r.initialOffset);
    } catch (e) {
      // A rebuild makes refs before set_buffer gives the text they were
      // made in (and their places now): put it anywhere until then.
      if (!rebuilding()) throw e;
      pos = 0;
    }
    r.attach(this, pos);
    this.refs.set(r.widgetId, r);
    // Its (hidden) element lives in its creator's, as every created widget's.
    this.element.appendChild(r.element);
    this.reportSoon();
  }

  create_ref(child: WidgetHandle): void {
    this.adoptRef(child);
  }

  create_named_ref(child: WidgetHandle): void {
    this.adoptRef(child);
  }

  remove_ref(ref: WidgetHandle): void {
    const r = this.ownRef(ref);
    this.forgetRef(r);
    r.invalidate();
    r.detach();
    this.reportSoon();
  }

  /** A ref leaves (removed or destroyed). */
  forgetRef(r: TextBufferRef): void {
    this.refs.delete(r.widgetId);
    if (this.named.get(r.name) === r) this.named.delete(r.name);
    if (r.iconUrl) this.redrawIcons();
  }

  get_named_ref(name: string): WidgetHandle {
    const r = this.named.get(name);
    if (!r) throw new Error(`no ref is named ${JSON.stringify(name)}`);
    return r;
  }

  remove_named_ref(name: string): void {
    const r = this.named.get(name);
    if (!r) throw new Error(`no ref is named ${JSON.stringify(name)}`);
    this.named.delete(name);
    r.name = "";
    this.reportSoon();
  }

  /** Renames a ref (a named ref made with a name in use takes it over). */
  nameRef(r: TextBufferRef): void {
    const old = this.named.get(r.name);
    if (old && old !== r) old.name = "";
    this.named.set(r.name, r);
  }

  refMoved(): void {
    this.redrawIcons();
    this.reportSoon();
  }

  get_line_start(line: number): number {
    return this.bytes(this.lineOf(line).from);
  }

  get_line_end(line: number): number {
    return this.bytes(this.lineOf(line).to);
  }

  lineOf(line: number): { from: number; to: number; number: number; text: string } {
    const doc = this.view.state.doc;
    if (!Number.isInteger(line) || line < 0 || line >= doc.lines) {
      throw new RangeError(`line ${line} is out of range 0..${doc.lines - 1}`);
    }
    return doc.line(line + 1);
  }

  // ---- undo / redo ----------------------------------------------------------------------

  undo(): boolean {
    const done = undo(this.view);
    if (done) this.reportSoon();
    return done;
  }

  redo(): boolean {
    const done = redo(this.view);
    if (done) this.reportSoon();
    return done;
  }

  can_undo(): boolean {
    return undoDepth(this.view.state) > 0;
  }

  can_redo(): boolean {
    return redoDepth(this.view.state) > 0;
  }

  // ---- find / replace --------------------------------------------------------------------

  /** Matches of `query` from `start` (bytes), as editor positions. */
  private matches(query: string, start: number | undefined, ci: boolean, all: boolean): [number, number][] {
    if (!query) return [];
    const text = this.view.state.doc.toString();
    const from = start === undefined ? 0 : this.pos(start);
    const out: [number, number][] = [];
    if (ci) {
      const re = new RegExp(escapeRegExp(query), "giu");
      re.lastIndex = from;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        out.push([m.index, m.index + m[0].length]);
        if (!all) break;
        if (m[0].length === 0) re.lastIndex++;
      }
    } else {
      for (let i = text.indexOf(query, from); i >= 0; i = text.indexOf(query, i + query.length)) {
        out.push([i, i + query.length]);
        if (!all) break;
      }
    }
    return out;
  }

  find(query: string, start: number | undefined, case_insensitive: boolean): FindResultValue {
    const m = this.matches(query, start, case_insensitive, false)[0];
    return m ? { found: true, start: this.bytes(m[0]), end: this.bytes(m[1]) } : { found: false, start: 0, end: 0 };
  }

  find_all(query: string, start: number | undefined, case_insensitive: boolean): TextSpan[] {
    return this.matches(query, start, case_insensitive, true).map(([a, b]) => ({ start: this.bytes(a), end: this.bytes(b) }));
  }

  replace(query: string, replacement: string, all: boolean, case_insensitive: boolean, start: number | undefined): number {
    const found = this.matches(query, start, case_insensitive, all);
    if (found.length === 0) return 0;
    // One transaction: one undo step, every ref and tag mapped once.
    this.view.dispatch({ changes: found.map(([from, to]) => ({ from, to, insert: replacement })) });
    this.reportSoon();
    return found.length;
  }

  // ---- scrolling ----------------------------------------------------------------------------

  scroll_to_ref(ref: WidgetHandle, align: ScrollAlign): void {
    const r = this.ownRef(ref);
    r.checkValid();
    const y = align === "top" ? "start" : align;
    this.view.dispatch({ effects: EditorView.scrollIntoView(r.pos, { y }) });
  }

  scroll_to_cursor(): void {
    this.view.dispatch({ effects: EditorView.scrollIntoView(this.view.state.selection.main.head) });
  }

  private fractions(): { h: number; v: number } {
    const a = this.view.scrollDOM;
    const maxX = a.scrollWidth - a.clientWidth;
    const maxY = a.scrollHeight - a.clientHeight;
    return { h: maxX > 0 ? a.scrollLeft / maxX : 0, v: maxY > 0 ? a.scrollTop / maxY : 0 };
  }

  set_scroll_position(h_pct: number, v_pct: number): void {
    const clamp = (f: number) => (Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0);
    this.wantedScroll = { h: h_pct, v: v_pct };
    this.knownScroll = { h: h_pct, v: v_pct };
    const apply = () => {
      const a = this.view.scrollDOM;
      const before = [a.scrollLeft, a.scrollTop];
      a.scrollLeft = clamp(h_pct) * Math.max(0, a.scrollWidth - a.clientWidth);
      a.scrollTop = clamp(v_pct) * Math.max(0, a.scrollHeight - a.clientHeight);
      this.skipNextScroll = a.scrollLeft !== before[0] || a.scrollTop !== before[1];
    };
    apply();
    // CodeMirror measures lines lazily: once it has, the same fractions
    // land on the same text.
    requestAnimationFrame(() => {
      if (!this.destroyed && this.wantedScroll?.h === h_pct && this.wantedScroll.v === v_pct) apply();
    });
  }

  private reportScroll(): void {
    if (this.destroyed) return;
    this.wantedScroll = null;
    const f = this.fractions();
    if (f.h === this.knownScroll.h && f.v === this.knownScroll.v) return;
    this.knownScroll = f;
    this.events.scrolled(f.h, f.v);
  }

  // ---- widget -------------------------------------------------------------------------------

  override set_focus(): void {
    this.view.focus();
  }

  // Its refs are its children (the server's too): they go with it.
  protected override destroyChildren(): void {
    const refs = [...this.refs.values()];
    this.refs.clear();
    for (const r of refs) {
      r.detach();
      r.destroy();
    }
  }

  protected override disposeChildren(): void {
    const refs = [...this.refs.values()];
    this.refs.clear();
    for (const r of refs) {
      r.detach();
      r.dispose();
    }
  }

  protected override teardown(): void {
    this.bufferReport.cancel();
    this.selectionReport.cancel();
    this.scrollReport.cancel();
    this.hideTooltip();
    this.tooltipEl?.remove();
    for (const r of this.refs.values()) r.detach();
    this.refs.clear();
    this.view.destroy();
    super.teardown();
  }
}
