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
import { ScrollFractions } from "../../parts/scroll_fractions.js";
import { Container } from "../container.js";
import type { WidgetEnv } from "../widget.js";

const OVERFLOW: Readonly<Record<ScrollBarPolicy, string>> = { on: "scroll", off: "hidden", auto: "auto" };

export class ScrollArea extends Container implements ScrollAreaImpl {
  private readonly events: ScrollAreaEvents;
  private readonly viewport: HTMLDivElement;
  private readonly content: HTMLDivElement;
  private readonly thickness: number;
  private readonly observer: ResizeObserver;
  private readonly position: ScrollFractions;

  constructor(widgetId: number, args: ScrollAreaCreateArgs, events: ScrollAreaEvents, env: WidgetEnv) {
    super(widgetId, "ScrollArea", env, events, el("div"));
    this.events = events;
    this.thickness = Math.max(4, args.thickness);
    this.viewport = el("div", "pgw-scrollarea-viewport", this.element);
    this.viewport.tabIndex = 0;
    this.viewport.style.setProperty("--pgw-scrollbar-size", `${this.thickness}px`);
    this.content = el("div", "pgw-scrollarea-content", this.viewport);
    this.set_scroll_bar_visibility(args.hscrollbar, args.vscrollbar);
    this.position = new ScrollFractions(this.viewport, (h, v) => this.events.scrolled(h, v), 100);
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
    this.position.set(h_pct, v_pct);
  }

  set_scroll_position(h_pct: number, v_pct: number): void {
    this.set_scroll_percent(h_pct, v_pct);
  }

  set_scroll_bar_visibility(horizontal: ScrollBarPolicy, vertical: ScrollBarPolicy): void {
    this.viewport.style.overflowX = OVERFLOW[horizontal];
    this.viewport.style.overflowY = OVERFLOW[vertical];
  }

  private resized(): void {
    this.position.apply();
    const v = this.viewport;
    const vbar = v.offsetWidth - v.clientWidth;
    const hbar = v.offsetHeight - v.clientHeight;
    this.events.area_resize(v.clientWidth, v.clientHeight, vbar, hbar);
  }

  protected override teardown(): void {
    this.observer.disconnect();
    this.position.cancel();
    super.teardown();
  }
}
