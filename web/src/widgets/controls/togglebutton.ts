// ToggleButton: a <button> that stays pressed. Alone it flips on each click
// (or Space/Enter); in a group, pressing one releases the others and
// clicking the pressed one releases it. Every user change fires
// activated(state).
// Drawn by Button's stylesheet (class pgw-button; one page stylesheet holds every module's).
import "./togglebutton.css";
import { el } from "../../dom.js";
import type { ToggleButtonCreateArgs, ToggleButtonEvents, ToggleButtonImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class ToggleButton extends Widget implements ToggleButtonImpl {
  private readonly button: HTMLButtonElement;
  private readonly textEl: HTMLSpanElement;
  /** Shared by the members of a group; null for a button on its own. */
  group: ToggleButton[] | null;
  private state = false;

  constructor(widgetId: number, args: ToggleButtonCreateArgs, events: ToggleButtonEvents, env: WidgetEnv) {
    const button = el("button", "pgw-button");
    super(widgetId, "ToggleButton", env, events, button);
    this.button = button;
    button.type = "button";
    button.setAttribute("aria-pressed", "false");
    this.textEl = el("span", "pgw-button-text", button);
    this.textEl.textContent = args.text;
    const owner = args.group instanceof ToggleButton ? args.group : null;
    this.group = owner ? owner.joined() : null;
    this.group?.push(this);
    button.addEventListener("click", () => {
      const on = !this.state;
      if (on) this.pressOnly();
      else this.show_state(false);
      events.activated(on);
    });
  }

  /** The owner's group, made when the first button joins it. */
  private joined(): ToggleButton[] {
    if (this.group) return this.group;
    const group: ToggleButton[] = [this];
    this.group = group;
    return group;
  }

  protected override get control(): HTMLButtonElement {
    return this.button;
  }

  set_text(text: string): void {
    this.textEl.textContent = text;
  }

  set_state(value: boolean): void {
    if (value) this.pressOnly();
    else this.show_state(false);
  }

  private pressOnly(): void {
    for (const other of this.group ?? []) if (other !== this) other.show_state(false);
    this.show_state(true);
  }

  private show_state(on: boolean): void {
    this.state = on;
    this.button.classList.toggle("pgw-pressed", on);
    this.button.setAttribute("aria-pressed", String(on));
  }

  protected override teardown(): void {
    const i = this.group?.indexOf(this) ?? -1;
    if (i >= 0) this.group?.splice(i, 1);
    super.teardown();
  }
}
