// RadioButton: one choice of a group. A click or Space selects it (and
// deselects the rest of the group); arrows select the next or previous
// member. Only a user's selection fires activated(true), as in pgwidgets.
import "./radiobutton.css";
import { el } from "../../dom.js";
import type { RadioButtonCreateArgs, RadioButtonEvents, RadioButtonImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class RadioButton extends Widget implements RadioButtonImpl {
  private readonly mark: HTMLSpanElement;
  private readonly textEl: HTMLSpanElement;
  private readonly events: RadioButtonEvents;
  /** Shared by every member: the server's store has the same groups. */
  readonly group: RadioButton[];
  private state = false;

  constructor(widgetId: number, args: RadioButtonCreateArgs, events: RadioButtonEvents, env: WidgetEnv) {
    const root = el("div");
    super(widgetId, "RadioButton", env, events, root);
    this.events = events;
    root.setAttribute("role", "radio");
    root.setAttribute("aria-checked", "false");
    root.tabIndex = 0;
    this.mark = el("span", "pgw-radiobutton-mark", root);
    this.textEl = el("span", "pgw-radiobutton-text", root);
    this.textEl.textContent = args.text;
    this.group = args.group instanceof RadioButton ? args.group.group : [];
    this.group.push(this);
    root.addEventListener("click", () => this.choose());
    root.addEventListener("keydown", (e) => this.onKey(e));
  }

  set_text(text: string): void {
    this.textEl.textContent = text;
  }

  set_state(value: boolean): void {
    if (value) this.selectOnly();
    else this.show_state(false);
  }

  private choose(): void {
    if (this.state) return;
    this.selectOnly();
    this.events.activated(true);
  }

  private selectOnly(): void {
    for (const other of this.group) if (other !== this) other.show_state(false);
    this.show_state(true);
  }

  private show_state(on: boolean): void {
    this.state = on;
    this.mark.classList.toggle("pgw-selected", on);
    this.element.setAttribute("aria-checked", String(on));
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === " " || e.key === "Enter") {
      e.preventDefault();
      this.choose();
      return;
    }
    const delta = e.key === "ArrowDown" || e.key === "ArrowRight" ? 1 : e.key === "ArrowUp" || e.key === "ArrowLeft" ? -1 : 0;
    if (delta === 0) return;
    e.preventDefault();
    const live = this.group.filter((r) => !r.isDestroyed && !r.element.inert);
    const next = live[(live.indexOf(this) + delta + live.length) % live.length];
    if (next && next !== this) {
      next.element.focus();
      next.choose();
    }
  }

  protected override teardown(): void {
    const i = this.group.indexOf(this);
    if (i >= 0) this.group.splice(i, 1);
    super.teardown();
  }
}
