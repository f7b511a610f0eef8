// Box, VBox and HBox: a flex row / column with stretch factors.
import "./box.css";
import type {
  Align,
  BoxCreateArgs,
  BoxEvents,
  BoxImpl,
  HBoxCreateArgs,
  HBoxEvents,
  HBoxImpl,
  VBoxCreateArgs,
  VBoxEvents,
  VBoxImpl,
  WidgetHandle,
} from "../../schema.js";
import { el } from "../../dom.js";
import { Container } from "../container.js";
import type { Widget, WidgetEnv } from "../widget.js";

const ALIGN: Readonly<Record<Align, string>> = {
  start: "flex-start",
  center: "center",
  end: "flex-end",
  stretch: "stretch",
  top: "flex-start",
  bottom: "flex-end",
  left: "flex-start",
  right: "flex-end",
};

/** pgwidgets' words name a side across the box, so each fits one direction. */
const ACROSS_ROW: ReadonlySet<Align> = new Set(["top", "bottom"]);
const ACROSS_COLUMN: ReadonlySet<Align> = new Set(["left", "right"]);

export class Box extends Container implements BoxImpl {
  private readonly stretch = new Map<Widget, number>();
  protected readonly horizontal: boolean;

  constructor(widgetId: number, args: BoxCreateArgs, events: BoxEvents, env: WidgetEnv);
  constructor(widgetId: number, args: BoxCreateArgs, events: BoxEvents, env: WidgetEnv, className: string);
  constructor(widgetId: number, args: BoxCreateArgs, events: BoxEvents, env: WidgetEnv, className = "Box") {
    super(widgetId, className, env, events, el("div", "pgw-box"));
    this.horizontal = args.orientation === "horizontal";
    this.element.classList.add(this.horizontal ? "pgw-hbox" : "pgw-vbox");
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

  set_align(align: Align): void {
    if ((this.horizontal ? ACROSS_COLUMN : ACROSS_ROW).has(align)) {
      const fits = this.horizontal ? "top, bottom" : "left, right";
      throw new Error(`${this} is ${this.horizontal ? "horizontal" : "vertical"}: align "${align}" does not fit it (use ${fits}, start, center, end or stretch)`);
    }
    this.element.style.alignItems = ALIGN[align];
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

const VERTICAL: BoxCreateArgs = { orientation: "vertical" };
const HORIZONTAL: BoxCreateArgs = { orientation: "horizontal" };

export class VBox extends Box implements VBoxImpl {
  constructor(widgetId: number, _args: VBoxCreateArgs, events: VBoxEvents, env: WidgetEnv) {
    super(widgetId, VERTICAL, events, env, "VBox");
  }
}

export class HBox extends Box implements HBoxImpl {
  constructor(widgetId: number, _args: HBoxCreateArgs, events: HBoxEvents, env: WidgetEnv) {
    super(widgetId, HORIZONTAL, events, env, "HBox");
  }
}
