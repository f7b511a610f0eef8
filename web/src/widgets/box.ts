// VBox and HBox: a flex column / row with stretch factors.
import "./box.css";
import type { BoxEvents, BoxImpl, HBoxCreateArgs, HBoxEvents, HBoxImpl, VBoxCreateArgs, VBoxEvents, VBoxImpl, WidgetHandle } from "../schema.js";
import { el } from "../dom.js";
import { Container } from "./container.js";
import type { Widget, WidgetEnv } from "./widget.js";

const ALIGN: Record<string, string> = {
  start: "flex-start",
  center: "center",
  end: "flex-end",
  stretch: "stretch",
};

export abstract class Box extends Container implements BoxImpl {
  private readonly stretch = new Map<Widget, number>();

  protected constructor(
    widgetId: number,
    className: string,
    env: WidgetEnv,
    events: BoxEvents,
    private readonly horizontal: boolean,
  ) {
    super(widgetId, className, env, events, el("div", "pgw-box"));
  }

  add_widget(child: WidgetHandle, stretch: number): void {
    this.place(child, undefined, stretch);
  }

  insert_widget(index: number, child: WidgetHandle, stretch: number): void {
    this.place(child, index, stretch);
  }

  private place(handle: WidgetHandle, index: number | undefined, stretch: number): void {
    const { child, index: at } = this.adopt(handle, index);
    this.stretch.set(child, Math.max(0, stretch));
    const next = this.children[at + 1];
    this.element.insertBefore(child.element, next ? next.element : null);
    this.layout(child);
  }

  set_spacing(gap: number): void {
    this.element.style.gap = `${Math.max(0, gap)}px`;
  }

  set_align(align: string): void {
    const value = ALIGN[align];
    if (!value) throw new Error(`invalid align "${align}": use start, center, end or stretch`);
    this.element.style.alignItems = value;
  }

  override childLayoutChanged(child: Widget): void {
    if (child.parent === this) this.layout(child);
  }

  protected override childReleased(child: Widget): void {
    this.stretch.delete(child);
    child.element.style.flex = "";
    child.element.style.alignSelf = "";
  }

  /**
   * Stretch 0 keeps the child's natural size along the box, unless it is
   * expanding that way (then it takes a share like stretch 1); a larger
   * stretch is its share of the free space. Expanding across the box
   * stretches it whatever the box's alignment.
   */
  private layout(child: Widget): void {
    const stretch = this.stretch.get(child) ?? 0;
    const along = this.horizontal ? child.expandH : child.expandV;
    const across = this.horizontal ? child.expandV : child.expandH;
    const grow = stretch > 0 ? stretch : along ? 1 : 0;
    child.element.style.flex = grow > 0 ? `${grow} 1 0px` : "0 0 auto";
    child.element.style.alignSelf = across ? "stretch" : "";
  }
}

export class VBox extends Box implements VBoxImpl {
  constructor(widgetId: number, _args: VBoxCreateArgs, events: VBoxEvents, env: WidgetEnv) {
    super(widgetId, "VBox", env, events, false);
  }
}

export class HBox extends Box implements HBoxImpl {
  constructor(widgetId: number, _args: HBoxCreateArgs, events: HBoxEvents, env: WidgetEnv) {
    super(widgetId, "HBox", env, events, true);
  }
}
