// StatusBar: one line of status text; a message given a duration clears
// itself, and says so (cleared) so the server forgets it too.
import "./statusbar.css";
import { el } from "../../dom.js";
import { setColors, setHalign } from "../../parts/text_line.js";
import type { HAlign, StatusBarCreateArgs, StatusBarEvents, StatusBarImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";


export class StatusBar extends Widget implements StatusBarImpl {
  declare private readonly textEl: HTMLSpanElement; // assigned in the constructor: see Widget
  declare private readonly events: StatusBarEvents;
  declare private timer: ReturnType<typeof setTimeout> | null;

  constructor(widgetId: number, args: StatusBarCreateArgs, events: StatusBarEvents, env: WidgetEnv) {
    super(widgetId, "StatusBar", env, events, el("div"));
    this.events = events;
    this.timer = null;
    this.textEl = el("span", "pgw-statusbar-text", this.element);
    this.element.setAttribute("role", "status");
    this.set_halign(args.halign);
  }

  set_message(text: string, duration: number | undefined): void {
    this.stopTimer();
    this.textEl.textContent = text;
    if (duration !== undefined && duration > 0 && Number.isFinite(duration)) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.textEl.textContent = "";
        this.events.cleared();
      }, duration * 1000);
    }
  }

  clear(): void {
    this.stopTimer();
    this.textEl.textContent = "";
  }

  /** pgwidgets' order, background first; an absent color is kept. */
  set_color(bg: string | undefined, fg: string | undefined): void {
    setColors(this.element, bg, fg);
  }

  set_halign(halign: HAlign): void {
    setHalign(this.element, this.textEl, halign);
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  protected override teardown(): void {
    this.stopTimer();
    super.teardown();
  }
}
