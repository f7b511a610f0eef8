// Label: one piece of text, always set as text, never parsed as HTML.
import "./label.css";
import { el, setOrClear } from "../dom.js";
import type { LabelCreateArgs, LabelEvents, LabelImpl } from "../schema.js";
import { Widget, type WidgetEnv } from "./widget.js";

const HALIGN: Record<string, string> = { left: "flex-start", center: "center", right: "flex-end" };
const TEXT_ALIGN: Record<string, string> = { left: "left", center: "center", right: "right" };
const VALIGN: Record<string, string> = { top: "flex-start", center: "center", bottom: "flex-end" };

export class Label extends Widget implements LabelImpl {
  declare private readonly textEl: HTMLSpanElement; // assigned in the constructor: see Widget

  constructor(widgetId: number, args: LabelCreateArgs, events: LabelEvents, env: WidgetEnv) {
    super(widgetId, "Label", env, events, el("div"));
    this.textEl = el("span", "pgw-label-text", this.element);
    this.set_text(args.text);
    this.set_halign(args.halign);
  }

  set_text(text: string): void {
    this.textEl.textContent = text;
  }

  /** pgwidgets' order, background first; an absent color is kept. */
  set_color(bg: string | undefined, fg: string | undefined): void {
    if (bg !== undefined) setOrClear(this.element.style, "background", bg);
    if (fg !== undefined) setOrClear(this.element.style, "color", fg);
  }

  set_halign(halign: string): void {
    const justify = HALIGN[halign];
    if (!justify) throw new Error(`invalid halign "${halign}": use left, center or right`);
    this.element.style.justifyContent = justify;
    this.textEl.style.textAlign = TEXT_ALIGN[halign] ?? "";
  }

  set_valign(valign: string): void {
    const align = VALIGN[valign];
    if (!align) throw new Error(`invalid valign "${valign}": use top, center or bottom`);
    this.element.style.alignItems = align;
  }
}
