// Expander: a title bar that folds its child away and back. A click on the
// bar, or Space / Enter on it when focused, toggles it and reports toggled,
// through which the server keeps the state (get_collapsed, a reloaded page).
import "./expander.css";
import type { ExpanderCreateArgs, ExpanderEvents, ExpanderImpl, WidgetHandle } from "../../schema.js";
import { el } from "../../dom.js";
import { Container } from "../container.js";
import type { WidgetEnv } from "../widget.js";

export class Expander extends Container implements ExpanderImpl {
  private readonly events: ExpanderEvents;
  private readonly bar: HTMLDivElement;
  private readonly arrow: HTMLSpanElement;
  private readonly content: HTMLDivElement;
  private readonly collapsible: boolean;
  private collapsed: boolean;

  constructor(widgetId: number, args: ExpanderCreateArgs, events: ExpanderEvents, env: WidgetEnv) {
    super(widgetId, "Expander", env, events, el("div"));
    this.events = events;
    this.collapsible = args.collapsible;
    this.bar = el("div", "pgw-expander-bar", this.element);
    this.arrow = el("span", "pgw-expander-arrow", this.bar);
    el("span", "pgw-expander-title", this.bar).textContent = args.title;
    if (args.bg_color) this.bar.style.background = args.bg_color;
    this.content = el("div", "pgw-expander-content", this.element);
    this.element.classList.toggle("pgw-shadow", args.shadow);
    if (this.collapsible) {
      this.bar.tabIndex = 0;
      this.bar.setAttribute("role", "button");
      this.bar.addEventListener("click", () => this.toggle_content());
      this.bar.addEventListener("keydown", (ev) => {
        if (ev.key !== " " && ev.key !== "Enter") return;
        ev.preventDefault();
        this.toggle_content();
      });
    } else {
      this.arrow.classList.add("pgw-hidden");
    }
    // A collapsible expander starts folded, as pgwidgets' does.
    this.collapsed = this.collapsible;
    this.draw();
  }

  protected override get surface(): HTMLElement {
    return this.content;
  }

  set_widget(child: WidgetHandle): void {
    const w = this.adoptOnly(child);
    if (w.element.parentNode !== this.content) this.content.appendChild(w.element);
  }

  set_collapsed(collapsed: boolean): void {
    if (!this.collapsible) return;
    this.collapsed = collapsed;
    this.draw();
  }

  toggle_content(): void {
    if (!this.collapsible) return;
    this.collapsed = !this.collapsed;
    this.draw();
    this.events.toggled(this.collapsed);
  }

  private draw(): void {
    this.element.classList.toggle("pgw-collapsed", this.collapsed);
    if (this.collapsible) this.bar.setAttribute("aria-expanded", String(!this.collapsed));
  }
}
