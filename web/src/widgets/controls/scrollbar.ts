// ScrollBar: a track and a thumb. Dragging the thumb, clicking the track
// (the thumb centres there), the wheel, and the keys (arrows a twentieth,
// PageUp/PageDown a thumb's length, Home/End the ends) move it; each move
// fires activated(pct), the position from 0 to 1.
import "./scrollbar.css";
import { el } from "../../dom.js";
import type { ScrollBarCreateArgs, ScrollBarEvents, ScrollBarImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

const STEP = 0.05;

export class ScrollBar extends Widget implements ScrollBarImpl {
  private readonly thumb: HTMLDivElement;
  private readonly events: ScrollBarEvents;
  private readonly vertical: boolean;
  private pct = 0;
  private thumbPct = 0.2;

  constructor(widgetId: number, args: ScrollBarCreateArgs, events: ScrollBarEvents, env: WidgetEnv) {
    const root = el("div");
    super(widgetId, "ScrollBar", env, events, root);
    this.events = events;
    this.vertical = args.orientation === "vertical";
    root.classList.add(this.vertical ? "pgw-scrollbar-vertical" : "pgw-scrollbar-horizontal");
    root.style.setProperty("--pgw-scrollbar-thickness", `${Math.max(4, args.thickness)}px`);
    root.tabIndex = 0;
    root.setAttribute("role", "scrollbar");
    root.setAttribute("aria-orientation", args.orientation);
    this.thumb = el("div", "pgw-scrollbar-thumb", root);
    this.draw();

    this.thumb.addEventListener("pointerdown", (e) => this.dragThumb(e));
    root.addEventListener("pointerdown", (e) => {
      if (e.target !== root || e.button !== 0) return;
      e.preventDefault();
      root.focus();
      this.jumpTo(e);
    });
    root.addEventListener("wheel", (e) => {
      e.preventDefault();
      const delta = this.vertical ? e.deltaY : e.deltaX || e.deltaY;
      this.move(this.pct + (delta > 0 ? STEP : -STEP));
    });
    root.addEventListener("keydown", (e) => {
      const next = this.keyed(e.key);
      if (next === undefined) return;
      e.preventDefault();
      this.move(next);
    });
  }

  private keyed(key: string): number | undefined {
    const page = Math.max(STEP, this.thumbPct);
    switch (key) {
      case "ArrowDown":
      case "ArrowRight":
        return this.pct + STEP;
      case "ArrowUp":
      case "ArrowLeft":
        return this.pct - STEP;
      case "PageDown":
        return this.pct + page;
      case "PageUp":
        return this.pct - page;
      case "Home":
        return 0;
      case "End":
        return 1;
      default:
        return undefined;
    }
  }

  private trackLength(): number {
    return this.vertical ? this.element.clientHeight : this.element.clientWidth;
  }

  private dragThumb(e: PointerEvent): void {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    this.element.focus();
    const thumb = this.thumb;
    thumb.setPointerCapture(e.pointerId);
    thumb.classList.add("pgw-dragging");
    const start = this.vertical ? e.clientY : e.clientX;
    const startPct = this.pct;
    const onMove = (m: PointerEvent) => {
      const travel = this.trackLength() * (1 - this.thumbPct);
      if (travel <= 0) return;
      this.move(startPct + ((this.vertical ? m.clientY : m.clientX) - start) / travel);
    };
    const onUp = () => {
      thumb.classList.remove("pgw-dragging");
      thumb.removeEventListener("pointermove", onMove);
      thumb.removeEventListener("pointerup", onUp);
      thumb.removeEventListener("pointercancel", onUp);
    };
    thumb.addEventListener("pointermove", onMove);
    thumb.addEventListener("pointerup", onUp);
    thumb.addEventListener("pointercancel", onUp);
  }

  private jumpTo(e: PointerEvent): void {
    const r = this.element.getBoundingClientRect();
    const len = this.trackLength();
    const travel = len * (1 - this.thumbPct);
    if (travel <= 0) return;
    const at = this.vertical ? e.clientY - r.top : e.clientX - r.left;
    this.move((at - (this.thumbPct * len) / 2) / travel);
  }

  private move(pct: number): void {
    const next = Math.max(0, Math.min(1, pct));
    if (next === this.pct) return;
    this.pct = next;
    this.draw();
    this.events.activated(next);
  }

  private draw(): void {
    const size = `${this.thumbPct * 100}%`;
    const offset = `${this.pct * (1 - this.thumbPct) * 100}%`;
    const s = this.thumb.style;
    if (this.vertical) {
      s.height = size;
      s.top = offset;
    } else {
      s.width = size;
      s.left = offset;
    }
    this.element.setAttribute("aria-valuenow", String(Math.round(this.pct * 100)));
  }

  set_scroll_percent(pct: number): void {
    this.pct = Math.max(0, Math.min(1, Number.isFinite(pct) ? pct : 0));
    this.draw();
  }

  set_thumb_percent(pct: number): void {
    this.thumbPct = Math.max(0.01, Math.min(1, Number.isFinite(pct) ? pct : 0.2));
    this.draw();
  }
}
