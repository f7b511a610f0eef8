// CheckBox: a native check box with its text; a click or Space toggles it
// and fires activated(state).
import "./checkbox.css";
import { el } from "../../dom.js";
import type { CheckBoxCreateArgs, CheckBoxEvents, CheckBoxImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class CheckBox extends Widget implements CheckBoxImpl {
  private readonly input: HTMLInputElement;

  constructor(widgetId: number, args: CheckBoxCreateArgs, events: CheckBoxEvents, env: WidgetEnv) {
    const label = el("label");
    super(widgetId, "CheckBox", env, events, label);
    this.input = el("input", "pgw-checkbox-input", label);
    this.input.type = "checkbox";
    el("span", "pgw-checkbox-text", label).textContent = args.text;
    // "change" fires for the user's clicks and Space, never for set_state.
    this.input.addEventListener("change", () => events.activated(this.input.checked));
  }

  protected override get control(): HTMLInputElement {
    return this.input;
  }

  set_state(tf: boolean): void {
    this.input.checked = tf;
  }
}
