// AbstractScrollArea: a child and two scroll bars the program drives. The
// program sets the thumbs' lengths and places; the user moves them (drag,
// track click, wheel over the area, arrow / Page / Home / End keys when
// focused) and scrolled reports where they are, which the server keeps.
import "./abstractscrollarea.css";
import type {
  AbstractScrollAreaCreateArgs,
  AbstractScrollAreaEvents,
  AbstractScrollAreaImpl,
  ScrollBarPolicy,
  ScrollPercentValue,
  WidgetHandle,
} from "../../schema.js";
import { el } from "../../dom.js";
import { whenQuiet } from "../../parts/debounce.js";
import { ScrollBar } from "../../parts/scrollbar.js";
import { Container } from "../container.js";
import type { WidgetEnv } from "../widget.js";

/** One wheel notch (about 100 px of delta) moves this fraction of a page. */
const WHEEL_PAGE_PER_PIXEL = 1 / 300;
const KEY_STEP = 0.1;

export class AbstractScrollArea extends Container implements AbstractScrollAreaImpl {
  private readonly events: AbstractScrollAreaEvents;
  private readonly area: HTMLDivElement;
  private readonly hbar: ScrollBar;
  private readonly vbar: ScrollBar;
  private readonly corner: HTMLDivElement;
  private readonly thickness: number;
  private hPolicy: ScrollBarPolicy = "auto";
  private vPolicy: ScrollBarPolicy = "auto";
  private readonly observer: ResizeObserver;
  private readonly report = whenQuiet(() => this.events.scrolled(this.hbar.position, this.vbar.position), 50);

  constructor(widgetId: number, args: AbstractScrollAreaCreateArgs, events: AbstractScrollAreaEvents, env: WidgetEnv) {
    super(widgetId, "AbstractScrollArea", env, events, el("div"));
    this.events = events;
    this.thickness = Math.max(4, args.thickness);
    this.area = el("div", "pgw-asa-area", this.element);
    this.vbar = new ScrollBar(true, this.thickness, () => this.report());
    this.hbar = new ScrollBar(false, this.thickness, () => this.report());
    this.vbar.element.classList.add("pgw-asa-vbar");
    this.hbar.element.classList.add("pgw-asa-hbar");
    this.corner = el("div", "pgw-asa-corner");
    this.element.append(this.vbar.element, this.hbar.element, this.corner);
    this.element.tabIndex = 0;
    this.element.addEventListener("wheel", (ev) => this.wheel(ev), { passive: false });
    this.element.addEventListener("keydown", (ev) => this.key(ev));
    this.observer = new ResizeObserver(() => this.areaResized());
    this.observer.observe(this.element);
    this.updateBars();
  }

  set_widget(child: WidgetHandle): void {
    const w = this.adoptOnly(child);
    if (w.element.parentNode !== this.area) this.area.appendChild(w.element);
  }

  set_thumb_percent(h_pct: number, v_pct: number): void {
    this.hbar.setThumbPercent(h_pct);
    this.vbar.setThumbPercent(v_pct);
    this.updateBars();
  }

  get_thumb_percent(): ScrollPercentValue {
    return { h_pct: this.hbar.thumbPercent, v_pct: this.vbar.thumbPercent };
  }

  set_scroll_percent(h_pct: number, v_pct: number): void {
    this.report.cancel();
    this.hbar.setPosition(h_pct);
    this.vbar.setPosition(v_pct);
  }

  set_scroll_bar_visibility(horizontal: ScrollBarPolicy, vertical: ScrollBarPolicy): void {
    this.hPolicy = horizontal;
    this.vPolicy = vertical;
    this.updateBars();
  }

  private shows(policy: ScrollBarPolicy, bar: ScrollBar): boolean {
    return policy === "on" || (policy === "auto" && bar.thumbPercent < 1);
  }

  private updateBars(): void {
    const h = this.shows(this.hPolicy, this.hbar);
    const v = this.shows(this.vPolicy, this.vbar);
    this.hbar.element.classList.toggle("pgw-hidden", !h);
    this.vbar.element.classList.toggle("pgw-hidden", !v);
    this.corner.classList.toggle("pgw-hidden", !(h && v));
  }

  private wheel(ev: WheelEvent): void {
    const scale = ev.deltaMode === 1 ? 40 : ev.deltaMode === 2 ? 800 : 1;
    const dx = (ev.shiftKey ? ev.deltaY : ev.deltaX) * scale;
    const dy = (ev.shiftKey ? 0 : ev.deltaY) * scale;
    ev.preventDefault();
    if (dx) this.hbar.step(dx * WHEEL_PAGE_PER_PIXEL * this.hbar.thumbPercent);
    if (dy) this.vbar.step(dy * WHEEL_PAGE_PER_PIXEL * this.vbar.thumbPercent);
  }

  private key(ev: KeyboardEvent): void {
    if (ev.target !== this.element || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const v = this.vbar;
    const h = this.hbar;
    const moves: Record<string, () => void> = {
      ArrowUp: () => v.step(-KEY_STEP * v.thumbPercent),
      ArrowDown: () => v.step(KEY_STEP * v.thumbPercent),
      ArrowLeft: () => h.step(-KEY_STEP * h.thumbPercent),
      ArrowRight: () => h.step(KEY_STEP * h.thumbPercent),
      PageUp: () => v.step(-v.thumbPercent),
      PageDown: () => v.step(v.thumbPercent),
      Home: () => v.step(-1),
      End: () => v.step(1),
    };
    const move = moves[ev.key];
    if (!move) return;
    ev.preventDefault();
    move();
  }

  private areaResized(): void {
    const hbarH = this.hbar.element.classList.contains("pgw-hidden") ? 0 : this.thickness;
    const vbarW = this.vbar.element.classList.contains("pgw-hidden") ? 0 : this.thickness;
    this.events.area_resize(this.area.clientWidth, this.area.clientHeight, vbarW, hbarH);
  }

  protected override teardown(): void {
    this.observer.disconnect();
    this.report.cancel();
    super.teardown();
  }
}
