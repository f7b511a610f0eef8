// Slider: a native range input, so dragging, clicking the track, arrows,
// PageUp/PageDown and Home/End behave as the platform's. With `track` every
// move fires activated(value), else only where a drag or key press ends;
// a drag under way then holds its position back (parts/held.ts), so a page
// left mid-drag still reports where the thumb was.
import "./slider.css";
import { el } from "../../dom.js";
import { holdBack } from "../../parts/held.js";
import { NumericRange } from "../../parts/numeric.js";
import type { SliderCreateArgs, SliderEvents, SliderImpl, SliderValuePosition } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class Slider extends Widget implements SliderImpl {
  private readonly input: HTMLInputElement;
  private readonly valueLabel: HTMLSpanElement;
  private readonly range: NumericRange;
  private readonly events: SliderEvents;
  private track: boolean;
  private readonly showValue: boolean;
  /** The value last reported, so one change is reported once. */
  private reported: number;
  /** Ends the hold of a move not reported yet (without `track`). */
  private release: (() => void) | null = null;

  constructor(widgetId: number, args: SliderCreateArgs, events: SliderEvents, env: WidgetEnv) {
    const root = el("div");
    super(widgetId, "Slider", env, events, root);
    this.events = events;
    this.range = new NumericRange(args.dtype, args.min, args.max, args.step, args.decimals);
    this.track = args.track;
    this.showValue = args.show_value;
    root.classList.add(`pgw-slider-${args.orientation}`);
    this.input = el("input", "pgw-slider-input");
    this.input.type = "range";
    if (args.orientation === "vertical") this.input.setAttribute("aria-orientation", "vertical");
    this.valueLabel = el("span", "pgw-slider-value");
    this.place(args.show_value_position);
    this.applyLimits();
    this.input.value = String(this.range.fit(args.value));
    this.reported = this.current();
    this.showLabel();
    this.input.addEventListener("input", () => {
      this.showLabel();
      if (this.track) this.report();
      else this.release ??= holdBack(() => this.report());
    });
    this.input.addEventListener("change", () => this.report());
    this.input.addEventListener("wheel", (e) => {
      if (this.input.disabled || document.activeElement !== this.input) return;
      e.preventDefault();
      this.input.value = String(this.range.fit(this.current() + (e.deltaY < 0 ? 1 : -1) * this.range.step));
      this.showLabel();
      this.report();
    });
  }

  protected override get control(): HTMLInputElement {
    return this.input;
  }

  private place(pos: SliderValuePosition): void {
    const root = this.element;
    root.classList.add(`pgw-slider-value-${pos}`);
    if (this.showValue && (pos === "l" || pos === "t")) root.append(this.valueLabel, this.input);
    else if (this.showValue) root.append(this.input, this.valueLabel);
    else root.append(this.input);
  }

  private applyLimits(): void {
    this.input.min = String(this.range.min);
    this.input.max = String(this.range.max);
    this.input.step = String(this.range.step > 0 ? this.range.step : "any");
  }

  private current(): number {
    return this.range.fit(Number(this.input.value));
  }

  private showLabel(): void {
    if (this.showValue) this.valueLabel.textContent = this.range.format(this.current());
  }

  private report(): void {
    this.release?.();
    this.release = null;
    const v = this.current();
    if (v === this.reported) return;
    this.reported = v;
    this.events.activated(v);
  }

  set_value(num: number): void {
    this.release?.();
    this.release = null;
    this.input.value = String(this.range.fit(num));
    this.reported = this.current();
    this.showLabel();
  }

  set_limits(minval: number, maxval: number, incrval: number | undefined): void {
    this.range.setLimits(minval, maxval, incrval);
    this.applyLimits();
    this.input.value = String(this.range.fit(Number(this.input.value)));
    this.reported = this.current();
    this.showLabel();
  }

  set_tracking(track: boolean): void {
    this.track = track;
  }

  set_decimals(num: number | undefined): void {
    this.range.decimals = num;
    this.showLabel();
  }
}
