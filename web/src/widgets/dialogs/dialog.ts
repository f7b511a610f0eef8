// Dialog: a window with a content area (a column) and a row of buttons
// under it (parts shared with ColorDialog in dialog_window.ts). A button
// press reports activated(value) and, with autoclose, hides the dialog
// (reported as autoclosed, so the server knows it is hidden).
import "./dialog.css";
import { el, text } from "../../dom.js";
import type { DialogCreateArgs, DialogEvents, DialogImpl, WidgetHandle } from "../../schema.js";
import type { Widget, WidgetEnv } from "../widget.js";
import { DialogWindow } from "./dialog_window.js";

export class Dialog extends DialogWindow implements DialogImpl {
  private readonly events: DialogEvents;
  private readonly autoclose: boolean;
  private readonly body: HTMLDivElement;
  private readonly area: HTMLDivElement;
  private readonly buttonRow: HTMLDivElement;
  /** Children in the button row, with what pressing them reports. */
  private readonly buttonValues = new Map<Widget, { value: string; listener: () => void }>();
  private readonly stretch = new Map<Widget, number>();

  constructor(widgetId: number, args: DialogCreateArgs, events: DialogEvents, env: WidgetEnv) {
    if (args.values.length > 0 && args.values.length !== args.buttons.length) {
      throw new Error(`Dialog: ${args.buttons.length} buttons but ${args.values.length} values (give one value per button, or none)`);
    }
    super(widgetId, "Dialog", env, events, args, {
      moved: (x, y) => events.move(x, y),
      resized: (w, h) => events.resized(w, h),
      closed: () => events.close(),
    });
    this.events = events;
    this.autoclose = args.autoclose;
    this.body = el("div", "pgw-dialog-body", this.frame.content);
    this.area = el("div", "pgw-dialog-area", this.body);
    this.buttonRow = el("div", "pgw-dialog-buttons pgw-hidden", this.body);
    args.buttons.forEach((label, i) => {
      const b = text("button", "pgw-button pgw-dialog-button", label, this.buttonRow);
      b.type = "button";
      const value = args.values.length > 0 ? args.values[i] : label;
      b.addEventListener("click", () => this.pressed(value));
    });
    this.syncButtonRow();
  }

  private pressed(value: string): void {
    if (!this.onScreen) return;
    this.events.activated(value);
    if (this.autoclose) {
      this.hide();
      this.events.autoclosed();
    }
  }

  private syncButtonRow(): void {
    this.buttonRow.classList.toggle("pgw-hidden", this.buttonRow.childElementCount === 0);
  }

  add_widget(child: WidgetHandle, stretch: number): void {
    this.place(child, undefined, stretch);
  }

  insert_widget(index: number, child: WidgetHandle, stretch: number): void {
    this.place(child, index, stretch);
  }

  private place(handle: WidgetHandle, index: number | undefined, stretch: number): void {
    const { child, index: at } = this.adopt(handle, index);
    this.forgetButton(child);
    this.stretch.set(child, Math.max(0, stretch));
    // Before the next content child in the list (buttons live elsewhere).
    const next = this.children.slice(at + 1).find((c) => !this.buttonValues.has(c));
    this.area.insertBefore(child.element, next ? next.element : null);
    this.layout(child);
  }

  add_button(handle: WidgetHandle, value: string): void {
    const { child } = this.adopt(handle);
    this.forgetButton(child);
    this.stretch.delete(child);
    const listener = () => this.pressed(value);
    child.element.addEventListener("click", listener);
    this.buttonValues.set(child, { value, listener });
    this.buttonRow.appendChild(child.element);
    this.syncButtonRow();
  }

  private forgetButton(child: Widget): void {
    const b = this.buttonValues.get(child);
    if (!b) return;
    child.element.removeEventListener("click", b.listener);
    this.buttonValues.delete(child);
  }

  set_spacing(gap: number): void {
    this.area.style.gap = `${Math.max(0, gap)}px`;
  }

  override childLayoutChanged(child: Widget): void {
    if (child.parent === this && !this.buttonValues.has(child)) this.layout(child);
  }

  protected override childReleased(child: Widget): void {
    this.forgetButton(child);
    this.stretch.delete(child);
    child.element.style.flex = "";
    this.syncButtonRow();
  }

  private layout(child: Widget): void {
    const stretch = this.stretch.get(child) ?? 0;
    const grow = stretch > 0 ? stretch : child.expandV ? 1 : 0;
    child.element.style.flex = grow > 0 ? `${grow} 1 0px` : "0 0 auto";
  }
}
