// ProgressBar: a bar filled to a fraction (0..1) with the percentage on it.
import "./progressbar.css";
import { el } from "../../dom.js";
import type { ProgressBarCreateArgs, ProgressBarEvents, ProgressBarImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class ProgressBar extends Widget implements ProgressBarImpl {
  private readonly fill: HTMLDivElement;
  private readonly label: HTMLSpanElement;

  constructor(widgetId: number, _args: ProgressBarCreateArgs, events: ProgressBarEvents, env: WidgetEnv) {
    const root = el("div");
    super(widgetId, "ProgressBar", env, events, root);
    root.setAttribute("role", "progressbar");
    root.setAttribute("aria-valuemin", "0");
    root.setAttribute("aria-valuemax", "100");
    this.fill = el("div", "pgw-progressbar-fill", root);
    this.label = el("span", "pgw-progressbar-label", root);
    this.set_value(0);
  }

  set_value(value: number): void {
    const pct = Math.max(0, Math.min(1, Number.isFinite(value) ? value : 0)) * 100;
    this.fill.style.width = `${pct}%`;
    this.label.textContent = `${Math.round(pct)}%`;
    this.element.setAttribute("aria-valuenow", String(Math.round(pct)));
  }
}
