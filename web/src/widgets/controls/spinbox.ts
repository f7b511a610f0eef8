// SpinBox: a number field with up/down buttons. Arrows, PageUp/PageDown
// and the wheel step it; Enter or leaving the field takes typed text
// (clamped, rounded for dtype int). Each change fires activated(value).
import "./spinbox.css";
import { el } from "../../dom.js";
import { NumericRange } from "../../parts/numeric.js";
import type { SpinBoxCreateArgs, SpinBoxEvents, SpinBoxImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class SpinBox extends Widget implements SpinBoxImpl {
  private readonly input: HTMLInputElement;
  private readonly range: NumericRange;
  private readonly events: SpinBoxEvents;
  private value: number;

  constructor(widgetId: number, args: SpinBoxCreateArgs, events: SpinBoxEvents, env: WidgetEnv) {
    const root = el("div");
    super(widgetId, "SpinBox", env, events, root);
    this.events = events;
    this.range = new NumericRange(args.dtype, args.min, args.max, args.step, args.decimals);
    this.input = el("input", "pgw-spinbox-input", root);
    this.input.type = "text";
    this.input.inputMode = args.dtype === "int" ? "numeric" : "decimal";
    this.input.setAttribute("role", "spinbutton");
    const buttons = el("div", "pgw-spinbox-buttons", root);
    const up = el("button", "pgw-spinbox-up", buttons);
    const down = el("button", "pgw-spinbox-down", buttons);
    for (const [b, dir, label] of [[up, 1, "increase"], [down, -1, "decrease"]] as const) {
      b.type = "button";
      b.tabIndex = -1;
      b.setAttribute("aria-label", label);
      b.addEventListener("mousedown", (e) => {
        e.preventDefault();
        if (this.input.disabled) return;
        this.input.focus();
        this.change(this.range.fit(this.value + dir * this.range.step));
      });
    }
    this.value = this.range.fit(args.value ?? args.min);
    this.display();
    this.input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        this.takeTyped();
        return;
      }
      // Home/End stay the text field's own (caret) keys.
      if (e.key === "Home" || e.key === "End") return;
      const next = this.range.keyed(e.key, this.value);
      if (next === undefined || e.key === "ArrowLeft" || e.key === "ArrowRight") return;
      e.preventDefault();
      this.change(next);
    });
    // Leaving the field takes what was typed; after Enter took it, the
    // field shows the value already and nothing is reported twice.
    this.input.addEventListener("change", () => {
      if (this.input.value !== this.range.format(this.value)) this.takeTyped();
    });
    this.input.addEventListener("wheel", (e) => {
      if (this.input.disabled || document.activeElement !== this.input) return;
      e.preventDefault();
      this.change(this.range.fit(this.value + (e.deltaY < 0 ? 1 : -1) * this.range.step));
    });
  }

  protected override get control(): HTMLInputElement {
    return this.input;
  }

  private display(): void {
    this.input.value = this.range.format(this.value);
    this.input.setAttribute("aria-valuenow", String(this.value));
  }

  private takeTyped(): void {
    const parsed = Number(this.input.value.trim());
    if (this.input.value.trim() === "" || !Number.isFinite(parsed)) {
      this.display();
      return;
    }
    const next = this.range.fit(parsed);
    this.value = next;
    this.display();
    this.events.activated(next);
  }

  private change(next: number): void {
    if (next === this.value) return;
    this.value = next;
    this.display();
    this.events.activated(next);
  }

  set_value(val: number): void {
    this.value = this.range.fit(val);
    this.display();
  }

  set_limits(minval: number, maxval: number, incrval: number | undefined): void {
    this.range.setLimits(minval, maxval, incrval);
    this.value = this.range.fit(this.value);
    this.display();
  }

  set_decimals(num: number | undefined): void {
    this.range.decimals = num;
    this.display();
  }
}
