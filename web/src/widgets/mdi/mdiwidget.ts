// MDIWidget: a workspace whose children are MDISubWindows. It keeps their
// stacking order, lines minimized ones up along the bottom, places a
// sub-window that was never positioned, and arranges them (cascade, tile).
//
// The sub-windows live in a viewport that scrolls (the browser's own
// scrolling: wheel, scroll bars shown only when needed): the workspace is
// as large as the viewport or the sub-windows, whichever reaches further
// right and down, so a sub-window dragged or placed past the right or
// bottom edge makes it grow. set_resistance says how readily a drag does
// that. Where it is scrolled, as fractions, is state the server keeps:
// scrolled reports it once the scrolling stops, set_scroll_position puts it
// back, also when the workspace is laid out only later (a rebuilt page).
import "./mdiwidget.css";
import { el } from "../../dom.js";
import type {
  MDIWidgetCreateArgs,
  MDIWidgetEvents,
  MDIWidgetImpl,
  PositionValue,
  ScrollPercentValue,
  SizeValue,
  SubWindowConfigurationValue,
  WidgetHandle,
} from "../../schema.js";
import { clampFraction, ScrollFractions } from "../../parts/scroll_fractions.js";
import { KEEP_VISIBLE } from "../../parts/window_frame.js";
import { NO_WIDGET } from "../../parts/no_widget.js";
import { Container } from "../container.js";
import { MDISubWindow, type Workspace } from "./mdisubwindow.js";
import { asWidget, type Widget, type WidgetEnv } from "../widget.js";

/** How far each new or cascaded sub-window sits from the one before. */
const CASCADE_STEP = 24;
/** The width of a minimized sub-window's title bar, and the gap between them. */
const DOCK_WIDTH = 180;
const DOCK_GAP = 2;
/** How long the scrolling must stop before scrolled reports where it ended. */
export const SCROLL_REPORT_MS = 100;

export class MDIWidget extends Container implements MDIWidgetImpl, Workspace {
  readonly isWorkspace = true as const;
  private readonly events: MDIWidgetEvents;
  /** Back to front. */
  private stack: MDISubWindow[] = [];
  private front: MDISubWindow | null = null;
  /** The scrolling box the sub-windows live in (their containing block). */
  readonly viewport: HTMLDivElement;
  private resistance = 0;
  private readonly observer: ResizeObserver;
  private readonly position: ScrollFractions;

  constructor(widgetId: number, _args: MDIWidgetCreateArgs, events: MDIWidgetEvents, env: WidgetEnv) {
    super(widgetId, "MDIWidget", env, events, el("div"));
    this.events = events;
    this.viewport = el("div", "pgw-mdi-viewport", this.element);
    this.position = new ScrollFractions(
      this.viewport,
      (h, v) => this.events.scrolled(h, v),
      SCROLL_REPORT_MS,
      () => this.followScroll(),
    );
    this.observer = new ResizeObserver(() => this.position.apply());
    this.observer.observe(this.viewport);
    this.followScroll();
  }

  private get subs(): MDISubWindow[] {
    return this.children as MDISubWindow[];
  }

  add_widget(child: WidgetHandle): void {
    const w = asWidget(child);
    if (!(w instanceof MDISubWindow)) throw new Error(`${w} is not an MDISubWindow: ${this} holds only sub-windows`);
    const { child: sub } = this.adopt(w);
    if (sub.element.parentNode !== this.viewport) this.viewport.appendChild(sub.element);
    this.observer.observe(sub.element);
    if (!this.stack.includes(w)) this.stack.push(w);
    if (!w.isPlaced) {
      const n = this.subs.length - 1;
      const p = this.cascadePlace(n);
      w.placeAt(p.x, p.y);
    }
    this.raiseSub(w);
    this.layoutMinimized();
    this.position.apply();
  }

  /** The n-th cascade place, wrapping back to the top left when it would leave the area. */
  private cascadePlace(n: number): PositionValue {
    const cols = Math.max(1, Math.floor((this.viewport.clientWidth - 120) / CASCADE_STEP));
    const rows = Math.max(1, Math.floor((this.viewport.clientHeight - 60) / CASCADE_STEP));
    const k = n % Math.max(1, Math.min(cols, rows));
    return { x: k * CASCADE_STEP, y: k * CASCADE_STEP };
  }

  protected override childReleased(child: Widget): void {
    this.observer.unobserve(child.element);
    this.stack = this.stack.filter((s) => s !== child);
    if (child instanceof MDISubWindow) {
      child.setActive(false);
      child.setDockSlot(null);
      child.element.style.zIndex = "";
    }
    this.restack();
    this.layoutMinimized();
  }

  // ---- stacking ---------------------------------------------------------------

  raiseSub(sub: MDISubWindow): void {
    if (sub.parent !== this) return;
    this.stack = [...this.stack.filter((s) => s !== sub), sub];
    this.restack();
  }

  lowerSub(sub: MDISubWindow): void {
    if (sub.parent !== this) return;
    this.stack = [sub, ...this.stack.filter((s) => s !== sub)];
    this.restack();
  }

  /** z-order from the stack; the front shown window is active, and a new front is page_switch. */
  private restack(): void {
    this.stack.forEach((s, i) => (s.element.style.zIndex = String(i + 1)));
    const shown = this.stack.filter((s) => s.is_shown && s.state !== "minimized");
    const front = shown[shown.length - 1] ?? null;
    for (const s of this.stack) s.setActive(s === front);
    if (front !== this.front) {
      this.front = front;
      if (front) this.events.page_switch(front.content ?? front);
    }
  }

  layoutMinimized(): void {
    // A maximized window fills the view: the workspace does not scroll under it.
    const maxed = this.subs.some((s) => s.is_shown && s.state === "maximized");
    this.viewport.classList.toggle("pgw-mdi-locked", maxed);
    let left = 0;
    for (const s of this.subs) {
      if (s.is_shown && s.state === "minimized") {
        s.setDockSlot(left);
        left += DOCK_WIDTH + DOCK_GAP;
      } else {
        s.setDockSlot(null);
      }
    }
    this.restack();
  }

  subClosed(sub: MDISubWindow): void {
    this.events.page_close(sub.content ?? sub);
  }

  // ---- growing and scrolling ----------------------------------------------------

  /**
   * Where a title-bar drag of `sub` starting now may take it. Left and up
   * the workspace does not grow (the title bar stays below its top, some
   * of the window within its left edge); right and down the window goes
   * past the workspace's present edge by the pointer's overshoot times
   * (1 - resistance), and the workspace grows to hold it.
   */
  confineMove(sub: MDISubWindow): (x: number, y: number) => { x: number; y: number } {
    const reach = this.extent();
    const w = sub.element.offsetWidth;
    const h = sub.element.offsetHeight;
    const maxX = Math.max(0, reach.width - w);
    const maxY = Math.max(0, reach.height - h);
    const give = 1 - this.resistance;
    const past = (p: number, max: number) => (p > max ? max + (p - max) * give : p);
    // The user moves windows: a scroll position still wanted is stale.
    this.position.forget();
    return (x, y) => ({
      x: Math.max(KEEP_VISIBLE - w, past(x, maxX)),
      y: Math.max(0, past(y, maxY)),
    });
  }

  /**
   * The workspace's size: the view, or as far right and down as a shown
   * sub-window reaches (a minimized or maximized one is in the view). The
   * browser's scroll range can be a few pixels more: the grips overhang.
   */
  private extent(): { width: number; height: number } {
    let width = this.viewport.clientWidth;
    let height = this.viewport.clientHeight;
    for (const s of this.subs) {
      if (!s.is_shown || s.state === "minimized" || s.state === "maximized") continue;
      const e = s.element;
      width = Math.max(width, e.offsetLeft + e.offsetWidth);
      height = Math.max(height, e.offsetTop + e.offsetHeight);
    }
    return { width, height };
  }

  /** A sub-window moved or changed size: a wanted scroll position may be reachable now. */
  subGeometryChanged(): void {
    this.position.apply();
  }

  set_resistance(value: number): void {
    this.resistance = clampFraction(value);
  }

  get_resistance(): number {
    return this.resistance;
  }

  set_scroll_position(h_pct: number, v_pct: number): void {
    this.position.set(h_pct, v_pct);
  }

  /** Where the viewport is scrolled, as fractions of its scrollable range. */
  get_scroll_position(): ScrollPercentValue {
    return this.position.get();
  }

  /** The dock and a maximized window stay in view: they follow the scroll offset. */
  private followScroll(): void {
    this.viewport.style.setProperty("--pgw-mdi-sx", `${this.viewport.scrollLeft}px`);
    this.viewport.style.setProperty("--pgw-mdi-sy", `${this.viewport.scrollTop}px`);
  }

  protected override teardown(): void {
    this.observer.disconnect();
    this.position.cancel();
    super.teardown();
  }

  // ---- arranging ----------------------------------------------------------------

  cascade_windows(): void {
    this.subs.forEach((s, i) => {
      const p = this.cascadePlace(i);
      s.arrange(p.x, p.y, null, null);
    });
    this.stack = [...this.subs];
    this.restack();
  }

  tile_windows(): void {
    const shown = this.subs.filter((s) => s.is_shown);
    if (shown.length === 0) return;
    const cols = Math.ceil(Math.sqrt(shown.length));
    const rows = Math.ceil(shown.length / cols);
    const w = Math.floor(this.viewport.clientWidth / cols);
    const h = Math.floor(this.viewport.clientHeight / rows);
    shown.forEach((s, i) => s.arrange((i % cols) * w, Math.floor(i / cols) * h, w, h));
  }

  // ---- by content ---------------------------------------------------------------

  /** The sub-window holding `child`, or `child` itself when it is one of ours; null if neither. */
  private subOf(child: WidgetHandle): MDISubWindow | null {
    for (const s of this.subs) if (s === child || s.content === child) return s;
    return null;
  }

  move_child(child: WidgetHandle, x: number, y: number): void {
    this.subOf(child)?.arrange(x, y, null, null);
  }

  resize_child(child: WidgetHandle, width: number, height: number): void {
    this.subOf(child)?.arrange(null, null, width, height);
  }

  get_child_size(child: WidgetHandle): SizeValue {
    const s = this.subOf(child);
    return s ? s.get_size() : { width: 0, height: 0 };
  }

  get_child_position(child: WidgetHandle): PositionValue {
    const s = this.subOf(child);
    return s ? s.position : { x: 0, y: 0 };
  }

  close_child(child: WidgetHandle): void {
    this.subOf(child)?.userClose(false);
  }

  get_index(): number {
    const front = this.stack[this.stack.length - 1];
    return front ? this.subs.indexOf(front) : -1;
  }

  set_index(index: number): void {
    const s = this.subs[index];
    if (s) s.raise();
  }

  index_of(child: WidgetHandle): number {
    const s = this.subOf(child);
    return s ? this.subs.indexOf(s) : -1;
  }

  /** pgwidgets' get_subwin: the sub-window whose content is `child`. */
  get_subwin(child: WidgetHandle): WidgetHandle {
    return this.subs.find((s) => s.content === child) ?? NO_WIDGET;
  }

  /** pgwidgets' get_configuration: the holding sub-window's place, size and title, as drawn. */
  get_configuration(child: WidgetHandle): SubWindowConfigurationValue {
    const s = this.subs.find((x) => x.content === child);
    if (!s) return { x: 0, y: 0, width: 0, height: 0, title: "" };
    const p = s.position;
    const size = s.get_size();
    return { x: p.x, y: p.y, width: size.width, height: size.height, title: s.title };
  }

  /** pgwidgets' index_to_widget: the content of the sub-window at `index`. */
  index_to_widget(index: number): WidgetHandle {
    return this.subs[index]?.content ?? NO_WIDGET;
  }
}
