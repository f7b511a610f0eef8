// The base of every widget: the WidgetImpl methods and the resize / map
// callbacks.
import { px } from "../dom.js";
import type { Desktop } from "../desktop.js";
import type { PositionValue, SizeValue, WidgetEvents, WidgetHandle, WidgetImpl } from "../schema.js";
import { addCursor, applyCursor } from "./cursors.js";
import { unwatch, watch, type Observed } from "./observe.js";

/** What widgets need from the runtime. */
export interface WidgetEnv {
  readonly desktop: Desktop;
  /** The widget was destroyed (by any route): forget it. */
  released(widget: Widget): void;
}

/** The parent side of a widget, as a child sees it. */
export interface Parent {
  readonly element: HTMLElement;
  /** Its own parent: the chain a cycle check walks. */
  readonly parent: Parent | null;
  /** Takes `child` out (it is being destroyed or moved elsewhere). */
  release(child: Widget): void;
  /** The child's expanding flags or size changed. */
  childLayoutChanged(child: Widget): void;
}

export abstract class Widget implements WidgetImpl, Observed {
  // The bundle targets ES2020, where each class field becomes an
  // Object.defineProperty call per instance; plain assignments in the
  // constructor are several times cheaper, and every widget pays them.
  declare readonly widgetId: number;
  declare readonly className: string;
  declare protected readonly env: WidgetEnv;
  declare private readonly widgetEvents: WidgetEvents;
  declare readonly element: HTMLElement;
  declare parent: Parent | null;
  /** A window floats on the desktop and is never put inside another widget. */
  declare readonly isWindow: boolean;
  declare expandH: boolean;
  declare expandV: boolean;
  declare protected shown: boolean;
  declare protected destroyed: boolean;
  declare private watchResize: boolean;
  declare private watchMap: boolean;
  declare private mapped: boolean;
  declare private lastWidth: number;
  declare private lastHeight: number;
  /** The next observation only primes the state (a rebuilt page). */
  declare private primeOnly: boolean;

  protected constructor(
    widgetId: number,
    className: string,
    env: WidgetEnv,
    widgetEvents: WidgetEvents,
    element: HTMLElement,
  ) {
    this.widgetId = widgetId;
    this.className = className;
    this.env = env;
    this.widgetEvents = widgetEvents;
    this.element = element;
    this.parent = null;
    this.isWindow = false;
    this.expandH = false;
    this.expandV = false;
    this.shown = true;
    this.destroyed = false;
    this.watchResize = false;
    this.watchMap = false;
    this.mapped = false;
    this.lastWidth = -1;
    this.lastHeight = -1;
    this.primeOnly = false;
    // Plain attribute writes: classList and dataset would each create a
    // wrapper object for the element first.
    const classes = `pgw-widget pgw-${className.toLowerCase()}`;
    element.className = element.className ? `${element.className} ${classes}` : classes;
    element.setAttribute("data-pgw-id", String(widgetId));
    element.setAttribute("data-pgw-class", className);
  }

  /** Where background and padding go (a window's content area). */
  protected get surface(): HTMLElement {
    return this.element;
  }

  /** The form control set_enabled disables, if the widget is one. */
  protected get control(): HTMLButtonElement | HTMLInputElement | null {
    return null;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  toString(): string {
    return `${this.className} ${this.widgetId}`;
  }

  // ---- look -------------------------------------------------------------

  set_border_width(width: number): void {
    const s = this.element.style;
    if (width > 0) {
      s.borderStyle = "solid";
      s.borderWidth = `${width}px`;
      if (!s.borderColor) s.borderColor = "var(--pgw-border-strong)";
    } else {
      s.borderStyle = width === 0 ? "none" : "";
      s.borderWidth = "";
    }
  }

  set_border_color(color: string): void {
    this.element.style.borderColor = color || (this.element.style.borderStyle ? "var(--pgw-border-strong)" : "");
  }

  set_bg(color: string): void {
    this.surface.style.background = color;
  }

  set_padding(left: number, top: number | undefined, right: number | undefined, bottom: number | undefined): void {
    const l = Math.max(0, left);
    const side = (v: number | undefined) => `${Math.max(0, v ?? l)}px`;
    this.surface.style.padding = `${side(top)} ${side(right)} ${side(bottom)} ${l}px`;
  }

  set_font(family: string, size: number | undefined, weight: string | undefined, style: string | undefined): void {
    const s = this.element.style;
    s.fontFamily = family;
    s.fontSize = size !== undefined && size > 0 ? `${size}pt` : "";
    s.fontWeight = weight ?? "";
    s.fontStyle = style ?? "";
  }

  // ---- size -------------------------------------------------------------

  set_min_size(width: number, height: number): void {
    this.element.style.minWidth = width > 0 ? `${width}px` : "";
    this.element.style.minHeight = height > 0 ? `${height}px` : "";
    this.parent?.childLayoutChanged(this);
  }

  set_max_size(width: number, height: number): void {
    this.element.style.maxWidth = width > 0 ? `${width}px` : "";
    this.element.style.maxHeight = height > 0 ? `${height}px` : "";
    this.parent?.childLayoutChanged(this);
  }

  set_expanding(horizontal: boolean, vertical: boolean): void {
    this.expandH = horizontal;
    this.expandV = vertical;
    this.element.classList.toggle("pgw-expand-h", horizontal);
    this.element.classList.toggle("pgw-expand-v", vertical);
    this.parent?.childLayoutChanged(this);
  }

  /** A fixed size in pixels; a negative dimension returns to the natural size. */
  resize(width: number, height: number): void {
    this.element.style.width = px(width);
    this.element.style.height = px(height);
    this.parent?.childLayoutChanged(this);
  }

  get_size(): SizeValue {
    return { width: this.element.offsetWidth, height: this.element.offsetHeight };
  }

  /** In the viewport, as pgwidgets answers it (not relative to the parent). */
  get_position(): PositionValue {
    if (!this.element.isConnected) return { x: 0, y: 0 };
    const r = this.element.getBoundingClientRect();
    return { x: Math.round(r.left), y: Math.round(r.top) };
  }

  /** Where the map callback says the widget is: relative to its parent. */
  private positionInParent(): PositionValue {
    const ref = this.parent?.element;
    if (!ref || !this.element.isConnected) return { x: 0, y: 0 };
    const r = this.element.getBoundingClientRect();
    const p = ref.getBoundingClientRect();
    return {
      x: Math.round(r.left - p.left - ref.clientLeft + ref.scrollLeft),
      y: Math.round(r.top - p.top - ref.clientTop + ref.scrollTop),
    };
  }

  // ---- state ------------------------------------------------------------

  set_enabled(enabled: boolean): void {
    const c = this.control;
    if (c) c.disabled = !enabled;
    else this.element.inert = !enabled;
    this.element.classList.toggle("pgw-disabled", !enabled);
  }

  set_tooltip(tooltip: string): void {
    if (tooltip) this.element.title = tooltip;
    else this.element.removeAttribute("title");
  }

  set_name(name: string): void {
    if (name) this.element.dataset.pgwName = name;
    else delete this.element.dataset.pgwName;
  }

  set_allow_text_selection(allow: boolean): void {
    this.element.classList.toggle("pgw-selectable", allow);
  }

  show(): void {
    this.shown = true;
    this.element.classList.remove("pgw-hidden");
  }

  hide(): void {
    this.shown = false;
    this.element.classList.add("pgw-hidden");
  }

  is_visible(): boolean {
    return this.shown && this.element.isConnected && this.element.getClientRects().length > 0;
  }

  set_focus(): void {
    const target = this.control ?? this.element;
    if (target === this.element && this.element.tabIndex < 0 && !this.element.hasAttribute("tabindex")) {
      this.element.tabIndex = -1;
    }
    target.focus();
  }

  add_cursor(
    name: string,
    url: string,
    hotspot_x: number,
    hotspot_y: number,
    width: number | undefined,
    height: number | undefined,
  ): void {
    addCursor(name, url, hotspot_x, hotspot_y, width, height);
  }

  set_cursor(name: string): void {
    applyCursor(this.element, name);
  }

  // ---- life -------------------------------------------------------------

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.destroyChildren();
    this.parent?.release(this);
    this.parent = null;
    this.teardown();
    this.env.released(this);
  }

  /** Takes the widget (and its children) off the page silently. */
  dispose(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.disposeChildren();
    this.parent = null;
    this.teardown();
  }

  protected destroyChildren(): void {}
  protected disposeChildren(): void {}

  protected teardown(): void {
    unwatch(this);
    this.element.remove();
  }

  // ---- callbacks --------------------------------------------------------

  listening(callbackName: string, on: boolean, resumed = false): void {
    if (on && resumed && (callbackName === "resize" || callbackName === "map")) this.primeOnly = true;
    if (callbackName === "resize") {
      this.watchResize = on;
      if (on) this.lastWidth = this.lastHeight = -1;
    } else if (callbackName === "map") {
      this.watchMap = on;
    } else {
      return;
    }
    this.updateWatch();
  }

  private updateWatch(): void {
    if (this.destroyed) return;
    if (this.watchResize || (this.watchMap && !this.mapped)) watch(this);
    else unwatch(this);
  }

  sizeObserved(): void {
    const e = this.element;
    const rendered = e.isConnected && e.getClientRects().length > 0;
    if (this.primeOnly) {
      // The rebuilt page's first drawing was reported by the page before it.
      this.primeOnly = false;
      if (rendered) this.mapped = true;
      this.lastWidth = e.offsetWidth;
      this.lastHeight = e.offsetHeight;
      this.updateWatch();
      return;
    }
    if (this.watchMap && !this.mapped && rendered) {
      this.mapped = true;
      const pos = this.positionInParent();
      const r = e.getBoundingClientRect();
      this.widgetEvents.map(pos.x, pos.y, Math.round(r.left), Math.round(r.top), e.offsetWidth, e.offsetHeight);
    }
    if (this.watchResize) {
      const w = e.offsetWidth;
      const h = e.offsetHeight;
      if (w !== this.lastWidth || h !== this.lastHeight) {
        this.lastWidth = w;
        this.lastHeight = h;
        this.widgetEvents.resize(w, h);
      }
    }
    this.updateWatch();
  }
}

/** The widget behind a handle the dispatcher passed in. */
export function asWidget(handle: WidgetHandle): Widget {
  if (!(handle instanceof Widget)) throw new Error(`widget ${handle.widgetId} is not a pgwidgets widget`);
  if (handle.isDestroyed) throw new Error(`${handle} was destroyed`);
  return handle;
}
