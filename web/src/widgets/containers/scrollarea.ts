// ScrollArea: a child larger than the area, scrolled by the browser itself
// (wheel, bars, keys when focused); the bars follow the content. Where it
// is scrolled, as fractions, is state the server keeps: scrolled reports
// it once the scrolling stops, and set_scroll_position / set_scroll_percent
// put it back, also when the content is laid out only later (a rebuilt
// page, a page of a TabWidget not shown yet).
import "./scrollarea.css";
import type {
  ScrollAreaCreateArgs,
  ScrollAreaEvents,
  ScrollAreaImpl,
  ScrollBarPolicy,
  ScrollPercentValue,
  WidgetHandle,
} from "../../schema.js";
import { el } from "../../dom.js";
import { whenQuiet } from "../../parts/debounce.js";
import { Container } from "../container.js";
import type { WidgetEnv } from "../widget.js";

const OVERFLOW: Readonly<Record<ScrollBarPolicy, string>> = { on: "scroll", off: "hidden", auto: "auto" };

export class ScrollArea extends Container implements ScrollAreaImpl {
  private readonly events: ScrollAreaEvents;
  private readonly viewport: HTMLDivElement;
  private readonly content: HTMLDivElement;
  private readonly thickness: number;
  private readonly observer: ResizeObserver;
  /** A position asked for that the content could not take yet. */
  private wanted: ScrollPercentValue | null = null;
  /** Where our own last scroll put the viewport: its scroll event is not the user's. */
  private own: { left: number; top: number } | null = null;
  private readonly report = whenQuiet(() => {
    const p = this.fractions();
    this.events.scrolled(p.h_pct, p.v_pct);
  }, 100);

  constructor(widgetId: number, args: ScrollAreaCreateArgs, events: ScrollAreaEvents, env: WidgetEnv) {
    super(widgetId, "ScrollArea", env, events, el("div"));
    this.events = events;
    this.thickness = Math.max(4, args.thickness);
    this.viewport = el("div", "pgw-scrollarea-viewport", this.element);
    this.viewport.tabIndex = 0;
    this.viewport.style.setProperty("--pgw-scrollbar-size", `${this.thickness}px`);
    this.content = el("div", "pgw-scrollarea-content", this.viewport);
    this.set_scroll_bar_visibility(args.hscrollbar, args.vscrollbar);
    this.viewport.addEventListener("scroll", () => this.scrolled(), { passive: true });
    this.observer = new ResizeObserver(() => this.resized());
    this.observer.observe(this.viewport);
    this.observer.observe(this.content);
  }

  set_widget(child: WidgetHandle): void {
    const w = this.adoptOnly(child);
    if (w.element.parentNode !== this.content) this.content.appendChild(w.element);
  }

  /** The bars follow the content here: the thumbs are the content's to size. */
  set_thumb_percent(_h_pct: number, _v_pct: number): void {}

  get_thumb_percent(): ScrollPercentValue {
    const v = this.viewport;
    return {
      h_pct: Math.min(1, v.clientWidth / Math.max(1, v.scrollWidth)),
      v_pct: Math.min(1, v.clientHeight / Math.max(1, v.scrollHeight)),
    };
  }

  set_scroll_percent(h_pct: number, v_pct: number): void {
    this.report.cancel();
    this.wanted = { h_pct: clamp(h_pct), v_pct: clamp(v_pct) };
    this.apply();
  }

  set_scroll_position(h_pct: number, v_pct: number): void {
    this.set_scroll_percent(h_pct, v_pct);
  }

  set_scroll_bar_visibility(horizontal: ScrollBarPolicy, vertical: ScrollBarPolicy): void {
    this.viewport.style.overflowX = OVERFLOW[horizontal];
    this.viewport.style.overflowY = OVERFLOW[vertical];
  }

  // ---- scrolling ----------------------------------------------------------

  private fractions(): ScrollPercentValue {
    const v = this.viewport;
    const maxX = v.scrollWidth - v.clientWidth;
    const maxY = v.scrollHeight - v.clientHeight;
    return {
      h_pct: maxX > 0 ? clamp(v.scrollLeft / maxX) : 0,
      v_pct: maxY > 0 ? clamp(v.scrollTop / maxY) : 0,
    };
  }

  /**
   * Scrolls to the wanted fractions; keeps wanting them while an axis that
   * should move cannot (not laid out yet, or its content not that big).
   */
  private apply(): void {
    const want = this.wanted;
    if (!want) return;
    const v = this.viewport;
    const maxX = v.scrollWidth - v.clientWidth;
    const maxY = v.scrollHeight - v.clientHeight;
    const left = Math.round(want.h_pct * Math.max(0, maxX));
    const top = Math.round(want.v_pct * Math.max(0, maxY));
    if (v.scrollLeft !== left || v.scrollTop !== top) {
      this.own = { left, top };
      v.scrollLeft = left;
      v.scrollTop = top;
    }
    const reachable = (pct: number, max: number) => pct === 0 || max > 0;
    if (reachable(want.h_pct, maxX) && reachable(want.v_pct, maxY)) this.wanted = null;
  }

  private scrolled(): void {
    const v = this.viewport;
    const own = this.own;
    if (own && Math.abs(v.scrollLeft - own.left) <= 1 && Math.abs(v.scrollTop - own.top) <= 1) {
      this.own = null;
      return;
    }
    // The user's: what they scrolled to replaces any position still wanted.
    this.own = null;
    this.wanted = null;
    this.report();
  }

  private resized(): void {
    this.apply();
    const v = this.viewport;
    const vbar = v.offsetWidth - v.clientWidth;
    const hbar = v.offsetHeight - v.clientHeight;
    this.events.area_resize(v.clientWidth, v.clientHeight, vbar, hbar);
  }

  protected override teardown(): void {
    this.observer.disconnect();
    this.report.cancel();
    super.teardown();
  }
}

function clamp(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}
