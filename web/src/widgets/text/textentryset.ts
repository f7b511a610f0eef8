// TextEntrySet: a TextEntry with a button after it. Enter in the entry and
// a click on the button both record the line and fire activated(text).
import "./textentryset.css";
import { el } from "../../dom.js";
import type { TextEntrySetCreateArgs, TextEntrySetEvents, TextEntrySetImpl } from "../../schema.js";
import { TextEntry } from "./textentry.js";
import type { WidgetEnv } from "../widget.js";

export class TextEntrySet extends TextEntry implements TextEntrySetImpl {
  private readonly button: HTMLButtonElement;

  constructor(widgetId: number, args: TextEntrySetCreateArgs, events: TextEntrySetEvents, env: WidgetEnv) {
    const wrapper = el("div");
    const input = el("input", "pgw-textentryset-input", wrapper);
    const button = el("button", "pgw-textentryset-button", wrapper);
    super(widgetId, { ...args, password: false }, events, env, input, { className: "TextEntrySet", element: wrapper });
    this.button = button;
    button.type = "button";
    button.textContent = args.label;
    button.addEventListener("click", () => this.enter());
  }

  set_button_text(text: string): void {
    this.button.textContent = text;
  }

  /** Both the entry and its button follow the widget's enabled state. */
  override set_enabled(enabled: boolean): void {
    super.set_enabled(enabled);
    this.button.disabled = !enabled;
  }
}
