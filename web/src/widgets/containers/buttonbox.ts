// ButtonBox: a Box whose buttons share the widest one's width and sit
// left, centered or right along the box.
import "./buttonbox.css";
import type { ButtonBoxCreateArgs, ButtonBoxEvents, ButtonBoxImpl, HAlign, WidgetHandle } from "../../schema.js";
import { Box } from "../layout/box.js";
import type { Widget, WidgetEnv } from "../widget.js";

const JUSTIFY: Readonly<Record<HAlign, string>> = { left: "flex-start", center: "center", right: "flex-end" };

export class ButtonBox extends Box implements ButtonBoxImpl {
  private readonly minButtonWidth: number;
  private equalizing = false;

  constructor(widgetId: number, args: ButtonBoxCreateArgs, events: ButtonBoxEvents, env: WidgetEnv) {
    super(widgetId, { orientation: args.orientation }, events, env, "ButtonBox");
    this.minButtonWidth = Math.max(0, args.min_button_width);
    this.set_halign(args.halign);
  }

  set_halign(halign: HAlign): void {
    this.element.style.justifyContent = JUSTIFY[halign];
  }

  override add_widget(child: WidgetHandle, stretch: number): void {
    super.add_widget(child, stretch);
    this.equalize();
  }

  override insert_widget(index: number, child: WidgetHandle, stretch: number): void {
    super.insert_widget(index, child, stretch);
    this.equalize();
  }

  protected override childReleased(child: Widget): void {
    super.childReleased(child);
    child.element.style.minWidth = "";
    this.equalize();
  }

  /**
   * Every child gets the natural width of the widest (at least
   * min_button_width), measured once the page has laid them out; one
   * measurement per frame however many buttons arrive in it.
   */
  private equalize(): void {
    if (this.equalizing) return;
    this.equalizing = true;
    requestAnimationFrame(() => {
      this.equalizing = false;
      if (this.isDestroyed) return;
      const kids = this.children;
      for (const k of kids) k.element.style.minWidth = "";
      let widest = 0;
      for (const k of kids) widest = Math.max(widest, k.element.getBoundingClientRect().width);
      const target = Math.max(Math.ceil(widest), this.minButtonWidth);
      if (target > 0) for (const k of kids) k.element.style.minWidth = `${target}px`;
    });
  }
}
