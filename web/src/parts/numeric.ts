// What the numeric controls (SpinBox, Slider, Dial) share: limits, the
// dtype's rounding, the keys that step a value, and how a value is written.
import type { Dtype } from "../schema.js";

export class NumericRange {
  declare min: number;
  declare max: number;
  declare step: number;
  declare decimals: number | undefined;
  declare readonly dtype: Dtype;

  constructor(dtype: Dtype, min: number, max: number, step: number, decimals: number | undefined) {
    this.dtype = dtype;
    this.min = min;
    this.max = max;
    this.step = step;
    this.decimals = decimals;
  }

  /** Within the limits, and whole for an int control. */
  fit(value: number): number {
    let v = Number.isFinite(value) ? value : this.min;
    v = Math.min(this.max, Math.max(this.min, v));
    return this.dtype === "int" ? Math.round(v) : v;
  }

  /** To the nearest step from min (a dragged thumb lands on steps). */
  snap(value: number): number {
    const step = this.step > 0 ? this.step : 1;
    const snapped = this.min + Math.round((value - this.min) / step) * step;
    // Floating steps (0.1) leave dust: round to the step's own decimals.
    return this.fit(Number(snapped.toFixed(stepDecimals(step) + 2)));
  }

  setLimits(min: number, max: number, step: number | undefined): void {
    this.min = min;
    this.max = max;
    if (step !== undefined) this.step = step;
  }

  /** As shown: a float with `decimals` places, else as many as the step has. */
  format(value: number): string {
    if (this.decimals !== undefined) return value.toFixed(Math.max(0, this.decimals | 0));
    if (this.dtype === "float") return value.toFixed(stepDecimals(this.step));
    return String(Math.round(value));
  }

  /**
   * The value a key moves `value` to, or undefined when the key is not a
   * stepping key: arrows step, PageUp/PageDown move a tenth of the range
   * (at least a step), Home/End go to the limits.
   */
  keyed(key: string, value: number): number | undefined {
    const page = Math.max(this.step, (this.max - this.min) / 10);
    switch (key) {
      case "ArrowUp":
      case "ArrowRight":
        return this.fit(value + this.step);
      case "ArrowDown":
      case "ArrowLeft":
        return this.fit(value - this.step);
      case "PageUp":
        return this.fit(value + page);
      case "PageDown":
        return this.fit(value - page);
      case "Home":
        return this.fit(this.min);
      case "End":
        return this.fit(this.max);
      default:
        return undefined;
    }
  }
}

export function stepDecimals(step: number): number {
  const s = String(step);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}
