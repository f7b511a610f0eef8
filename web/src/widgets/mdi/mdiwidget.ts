// MDIWidget: a workspace whose children are MDISubWindows, each confined
// to its area. It keeps their stacking order, lines minimized ones up
// along the bottom, places a sub-window that was never positioned, and
// arranges them (cascade, tile).
import "./mdiwidget.css";
import { el } from "../../dom.js";
import type {
  MDIWidgetCreateArgs,
  MDIWidgetEvents,
  MDIWidgetImpl,
  PositionValue,
  SizeValue,
  SubWindowConfigurationValue,
  WidgetHandle,
} from "../../schema.js";
import { NO_WIDGET } from "../../parts/no_widget.js";
import { Container } from "../container.js";
import { MDISubWindow, type Workspace } from "./mdisubwindow.js";
import { asWidget, type Widget, type WidgetEnv } from "../widget.js";

/** How far each new or cascaded sub-window sits from the one before. */
const CASCADE_STEP = 24;
/** The width of a minimized sub-window's title bar, and the gap between them. */
const DOCK_WIDTH = 180;
const DOCK_GAP = 2;

export class MDIWidget extends Container implements MDIWidgetImpl, Workspace {
  readonly isWorkspace = true as const;
  private readonly events: MDIWidgetEvents;
  /** Back to front. */
  private stack: MDISubWindow[] = [];
  private front: MDISubWindow | null = null;

  constructor(widgetId: number, _args: MDIWidgetCreateArgs, events: MDIWidgetEvents, env: WidgetEnv) {
    super(widgetId, "MDIWidget", env, events, el("div"));
    this.events = events;
  }

  private get subs(): MDISubWindow[] {
    return this.children as MDISubWindow[];
  }

  add_widget(child: WidgetHandle): void {
    const w = asWidget(child);
    if (!(w instanceof MDISubWindow)) throw new Error(`${w} is not an MDISubWindow: ${this} holds only sub-windows`);
    const { child: sub } = this.adopt(w);
    if (sub.element.parentNode !== this.element) this.element.appendChild(sub.element);
    if (!this.stack.includes(w)) this.stack.push(w);
    if (!w.isPlaced) {
      const n = this.subs.length - 1;
      const p = this.cascadePlace(n);
      w.placeAt(p.x, p.y);
    }
    this.raiseSub(w);
    this.layoutMinimized();
  }

  /** The n-th cascade place, wrapping back to the top left when it would leave the area. */
  private cascadePlace(n: number): PositionValue {
    const cols = Math.max(1, Math.floor((this.element.clientWidth - 120) / CASCADE_STEP));
    const rows = Math.max(1, Math.floor((this.element.clientHeight - 60) / CASCADE_STEP));
    const k = n % Math.max(1, Math.min(cols, rows));
    return { x: k * CASCADE_STEP, y: k * CASCADE_STEP };
  }

  protected override childReleased(child: Widget): void {
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
    const w = Math.floor(this.element.clientWidth / cols);
    const h = Math.floor(this.element.clientHeight / rows);
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
