// Label: one piece of text, always set as text, never parsed as HTML.
import "./label.css";
import { el } from "../../dom.js";
import { wireInteractive } from "../../parts/interactive.js";
import { setColors, setHalign } from "../../parts/text_line.js";
import type { HAlign, LabelCreateArgs, LabelEvents, LabelImpl, VAlign, WidgetHandle } from "../../schema.js";
import { asMenu, type Menu } from "../menus/menu.js";
import { Widget, type WidgetEnv } from "../widget.js";

const VALIGN: Readonly<Record<VAlign, string>> = { top: "flex-start", center: "center", bottom: "flex-end" };

export class Label extends Widget implements LabelImpl {
  declare private readonly textEl: HTMLSpanElement; // assigned in the constructor: see Widget
  declare private menu: Menu | undefined;

  constructor(widgetId: number, args: LabelCreateArgs, events: LabelEvents, env: WidgetEnv) {
    super(widgetId, "Label", env, events, el("div"));
    this.textEl = el("span", "pgw-label-text", this.element);
    this.set_text(args.text);
    this.set_halign(args.halign);
    // pgwidgets' `interactive`: pointer, key, focus and drop events; none
    // are listened to without it.
    if (args.interactive) wireInteractive(this.element, events);
  }

  set_text(text: string): void {
    this.textEl.textContent = text;
  }

  /** pgwidgets' order, background first; an absent color is kept. */
  set_color(bg: string | undefined, fg: string | undefined): void {
    setColors(this.element, bg, fg);
  }

  set_halign(halign: HAlign): void {
    setHalign(this.element, this.textEl, halign);
  }

  /** The context menu: a right click pops it up at the pointer. */
  set_menu(menu: WidgetHandle): void {
    const first = this.menu === undefined;
    this.menu = asMenu(menu);
    if (first) {
      this.element.addEventListener("contextmenu", (e) => {
        if (!this.menu || this.menu.isDestroyed) return;
        e.preventDefault();
        this.menu.popup(e.clientX, e.clientY);
      });
    }
  }

  set_valign(valign: VAlign): void {
    this.element.style.alignItems = VALIGN[valign];
  }
}
