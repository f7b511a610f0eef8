// Separator: a thin rule across a box ("horizontal") or down it ("vertical").
import "./separator.css";
import type { Orientation, SeparatorCreateArgs, SeparatorEvents, SeparatorImpl } from "../../schema.js";
import { el } from "../../dom.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class Separator extends Widget implements SeparatorImpl {
  constructor(widgetId: number, args: SeparatorCreateArgs, events: SeparatorEvents, env: WidgetEnv) {
    super(widgetId, "Separator", env, events, el("div"));
    this.element.setAttribute("role", "separator");
    this.set_orientation(args.orientation);
  }

  set_orientation(orientation: Orientation): void {
    const vertical = orientation === "vertical";
    this.element.classList.toggle("pgw-separator-v", vertical);
    this.element.classList.toggle("pgw-separator-h", !vertical);
    this.element.setAttribute("aria-orientation", orientation);
  }
}
