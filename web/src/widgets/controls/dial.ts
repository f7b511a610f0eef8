// Dial: a round knob over a 300-degree arc. Dragging turns it (the value
// follows the pointer's angle); arrows, PageUp/PageDown, Home/End and the
// wheel step it. With `track` each move fires activated(value), else the
// end of a drag and each key press do.
import "./dial.css";
import { el } from "../../dom.js";
import { holdBack } from "../../parts/held.js";
import { NumericRange } from "../../parts/numeric.js";
import type { DialCreateArgs, DialEvents, DialImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

const SVG = "http://www.w3.org/2000/svg";
const START = 210; // degrees clockwise from 12 o'clock: the minimum
const SWEEP = 300;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, parent: Element, cls?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  if (cls) e.setAttribute("class", cls);
  parent.appendChild(e);
  return e;
}

function point(angle: number, r: number): [number, number] {
  const rad = (angle * Math.PI) / 180;
  return [50 + r * Math.sin(rad), 50 - r * Math.cos(rad)];
}

function arc(from: number, to: number, r: number): string {
  const [x1, y1] = point(from, r);
  const [x2, y2] = point(to, r);
  return `M ${x1} ${y1} A ${r} ${r} 0 ${to - from > 180 ? 1 : 0} 1 ${x2} ${y2}`;
}

export class Dial extends Widget implements DialImpl {
  private readonly svgEl: SVGSVGElement;
  private readonly valueArc: SVGPathElement;
  private readonly knob: SVGCircleElement;
  private readonly indicator: SVGLineElement;
  private readonly icon: SVGImageElement;
  private readonly valueLabel: HTMLSpanElement;
  private readonly range: NumericRange;
  private readonly events: DialEvents;
  private readonly showValue: boolean;
  private track: boolean;
  private value: number;
  private reported: number;
  /** Ends the hold of a move not reported yet (without `track`). */
  private release: (() => void) | null = null;
  private knobR = 35;
  private iconSize: number | undefined;

  constructor(widgetId: number, args: DialCreateArgs, events: DialEvents, env: WidgetEnv) {
    const root = el("div");
    super(widgetId, "Dial", env, events, root);
    this.events = events;
    this.range = new NumericRange(args.dtype, args.min, args.max, args.step, args.decimals);
    this.track = args.track;
    this.showValue = args.show_value;
    root.tabIndex = 0;
    root.setAttribute("role", "slider");
    this.svgEl = svg("svg", root, "pgw-dial-svg");
    this.svgEl.setAttribute("viewBox", "0 0 100 100");
    svg("path", this.svgEl, "pgw-dial-track").setAttribute("d", arc(START, START + SWEEP, 43));
    this.valueArc = svg("path", this.svgEl, "pgw-dial-arc");
    const ticks = svg("g", this.svgEl, "pgw-dial-ticks");
    for (let i = 0; i <= 10; i++) {
      const a = START + (i / 10) * SWEEP;
      const [x1, y1] = point(a, 46);
      const [x2, y2] = point(a, 49);
      const t = svg("line", ticks);
      t.setAttribute("x1", String(x1));
      t.setAttribute("y1", String(y1));
      t.setAttribute("x2", String(x2));
      t.setAttribute("y2", String(y2));
    }
    this.knob = svg("circle", this.svgEl, "pgw-dial-knob");
    this.knob.setAttribute("cx", "50");
    this.knob.setAttribute("cy", "50");
    this.icon = svg("image", this.svgEl, "pgw-dial-icon");
    this.icon.style.display = "none";
    this.indicator = svg("line", this.svgEl, "pgw-dial-indicator");
    this.indicator.setAttribute("x1", "50");
    this.indicator.setAttribute("y1", "50");
    this.valueLabel = el("span", `pgw-dial-value pgw-dial-value-${args.show_value_position}`);
    if (this.showValue) root.appendChild(this.valueLabel);
    this.value = this.range.fit(args.value);
    this.reported = this.value;
    this.draw();

    this.svgEl.addEventListener("pointerdown", (e) => this.onPointerDown(e));
    root.addEventListener("keydown", (e) => {
      const next = this.range.keyed(e.key, this.value);
      if (next === undefined) return;
      e.preventDefault();
      this.move(next, true);
    });
    this.svgEl.addEventListener("wheel", (e) => {
      if (document.activeElement !== root) return;
      e.preventDefault();
      this.move(this.range.fit(this.value + (e.deltaY < 0 ? 1 : -1) * this.range.step), true);
    });
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    e.preventDefault();
    this.element.focus();
    const target = this.svgEl;
    target.setPointerCapture(e.pointerId);
    this.move(this.fromPointer(e), this.track);
    const onMove = (m: PointerEvent) => this.move(this.fromPointer(m), this.track);
    const onUp = (u: PointerEvent) => {
      target.removeEventListener("pointermove", onMove);
      target.removeEventListener("pointerup", onUp);
      target.removeEventListener("pointercancel", onUp);
      if (u.type === "pointerup") this.move(this.fromPointer(u), true);
    };
    target.addEventListener("pointermove", onMove);
    target.addEventListener("pointerup", onUp);
    target.addEventListener("pointercancel", onUp);
  }

  /** The value under the pointer: its angle round the centre, the dead zone
   * at the bottom going to the nearer end. */
  private fromPointer(e: PointerEvent): number {
    const r = this.svgEl.getBoundingClientRect();
    const dx = e.clientX - (r.left + r.width / 2);
    const dy = e.clientY - (r.top + r.height / 2);
    let angle = (Math.atan2(dx, -dy) * 180) / Math.PI;
    if (angle < 0) angle += 360;
    if (angle < START) angle += 360;
    if (angle > START + SWEEP) angle = angle < START + SWEEP + (360 - SWEEP) / 2 ? START + SWEEP : START;
    const frac = (angle - START) / SWEEP;
    return this.range.snap(this.range.min + frac * (this.range.max - this.range.min));
  }

  private move(next: number, report: boolean): void {
    this.value = next;
    this.draw();
    if (report) this.report();
    // Without `track`, a drag holds its position back until it ends
    // (parts/held.ts): a page left mid-drag still reports it.
    else if (next !== this.reported) this.release ??= holdBack(() => this.report());
  }

  private report(): void {
    this.release?.();
    this.release = null;
    if (this.value === this.reported) return;
    this.reported = this.value;
    this.events.activated(this.value);
  }

  private draw(): void {
    const span = this.range.max - this.range.min;
    const frac = span > 0 ? Math.max(0, Math.min(1, (this.value - this.range.min) / span)) : 0;
    const angle = START + frac * SWEEP;
    this.valueArc.setAttribute("d", frac > 0.001 ? arc(START, angle, 43) : "");
    this.knob.setAttribute("r", String(this.knobR));
    const [ix, iy] = point(angle, Math.max(0, this.knobR - 4));
    this.indicator.setAttribute("x2", String(ix));
    this.indicator.setAttribute("y2", String(iy));
    const size = this.iconSize ?? this.knobR * 2;
    this.icon.setAttribute("x", String(50 - size / 2));
    this.icon.setAttribute("y", String(50 - size / 2));
    this.icon.setAttribute("width", String(size));
    this.icon.setAttribute("height", String(size));
    this.icon.setAttribute("transform", `rotate(${angle - 360} 50 50)`);
    this.element.setAttribute("aria-valuenow", String(this.value));
    this.element.setAttribute("aria-valuemin", String(this.range.min));
    this.element.setAttribute("aria-valuemax", String(this.range.max));
    if (this.showValue) this.valueLabel.textContent = this.range.format(this.value);
  }

  /** Pixels to the drawing's 100-unit box. */
  private toViewBox(pxLen: number): number {
    const r = this.svgEl.getBoundingClientRect();
    const side = Math.min(r.width, r.height);
    return side > 0 ? (pxLen * 100) / side : pxLen;
  }

  set_value(num: number): void {
    this.release?.();
    this.release = null;
    this.value = this.range.fit(num);
    this.reported = this.value;
    this.draw();
  }

  set_limits(minval: number, maxval: number, incrval: number | undefined): void {
    this.range.setLimits(minval, maxval, incrval);
    this.set_value(this.value);
  }

  set_tracking(track: boolean): void {
    this.track = track;
  }

  set_decimals(num: number | undefined): void {
    this.range.decimals = num;
    this.draw();
  }

  set_knob_diameter(len_px: number): void {
    this.knobR = Math.max(1, Math.min(42, this.toViewBox(len_px) / 2));
    this.draw();
  }

  set_icon(url: string, width: number | undefined, height: number | undefined): void {
    const on = url !== "";
    if (on) this.icon.setAttribute("href", url);
    else this.icon.removeAttribute("href");
    const side = width ?? height;
    this.iconSize = on && side !== undefined ? this.toViewBox(side) : undefined;
    this.icon.style.display = on ? "" : "none";
    this.knob.style.display = on ? "none" : "";
    this.draw();
  }
}
