// ColorDialog: the ColorWidget's picker in a dialog, with OK and Cancel.
// Choosing reports pick (coalesced by the dispatcher); OK reports
// activated(color) and hides the dialog (autoclosed); Cancel, Escape and
// the close box hide it and report close.
// Drawn by dialog.css (imported by dialog.ts; one page stylesheet holds every module's).
import { el, text } from "../../dom.js";
import type { ColorDialogCreateArgs, ContainerEvents, ColorDialogEvents, ColorDialogImpl, ColorWidgetEvents } from "../../schema.js";
import { ColorWidget } from "../controls/colorwidget.js";
import type { WidgetEnv } from "../widget.js";
import { DialogWindow } from "./dialog_window.js";

export class ColorDialog extends DialogWindow implements ColorDialogImpl {
  private readonly events: ColorDialogEvents;
  private readonly picker: ColorWidget;

  constructor(widgetId: number, args: ColorDialogCreateArgs, events: ColorDialogEvents, env: WidgetEnv) {
    super(
      widgetId,
      "ColorDialog",
      env,
      // A Widget in the schema: it has no child events, and as it never
      // takes children the container's child reports never fire.
      events as unknown as ContainerEvents,
      { title: args.title, resizable: false, moveable: args.moveable, modal: args.modal },
      {
        moved: (x, y) => events.move(x, y),
        resized: () => {},
        closed: () => events.close(),
      },
    );
    this.events = events;
    const body = el("div", "pgw-dialog-body", this.frame.content);
    const area = el("div", "pgw-dialog-area", body);
    // The page's own ColorWidget, not a server widget: its pick is ours.
    const pickerEvents = new Proxy({} as ColorWidgetEvents, {
      get: (_t, name) => (name === "pick" ? (hex: string) => events.pick(hex) : () => {}),
    });
    this.picker = new ColorWidget(0, { color: args.color }, pickerEvents, env);
    this.picker.element.removeAttribute("data-pgw-id");
    area.appendChild(this.picker.element);
    const row = el("div", "pgw-dialog-buttons", body);
    const ok = text("button", "pgw-button pgw-dialog-button", "OK", row);
    ok.type = "button";
    ok.addEventListener("click", () => {
      if (!this.onScreen) return;
      this.events.activated(this.picker.hexColor);
      this.hide();
      this.events.autoclosed();
    });
    const cancel = text("button", "pgw-button pgw-dialog-button", "Cancel", row);
    cancel.type = "button";
    cancel.addEventListener("click", () => this.cancel());
  }

  set_color(hex_string: string): void {
    this.picker.set_color(hex_string);
  }

  protected override teardown(): void {
    this.picker.dispose();
    super.teardown();
  }
}
