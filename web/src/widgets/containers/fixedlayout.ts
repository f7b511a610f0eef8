// FixedLayout: children at fixed pixel offsets, each at its natural size
// (or the size resize() gave it).
import "./fixedlayout.css";
import type { FixedLayoutCreateArgs, FixedLayoutEvents, FixedLayoutImpl, WidgetHandle } from "../../schema.js";
import { el } from "../../dom.js";
import { Container } from "../container.js";
import type { Widget, WidgetEnv } from "../widget.js";

export class FixedLayout extends Container implements FixedLayoutImpl {
  constructor(widgetId: number, _args: FixedLayoutCreateArgs, events: FixedLayoutEvents, env: WidgetEnv) {
    super(widgetId, "FixedLayout", env, events, el("div"));
  }

  add_widget(handle: WidgetHandle, x: number, y: number): void {
    const { child } = this.adopt(handle);
    child.element.classList.add("pgw-fixed-child");
    child.element.style.left = `${x}px`;
    child.element.style.top = `${y}px`;
    this.element.appendChild(child.element);
  }

  protected override childReleased(child: Widget): void {
    child.element.classList.remove("pgw-fixed-child");
    child.element.style.left = "";
    child.element.style.top = "";
  }
}
