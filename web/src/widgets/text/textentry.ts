// TextEntry: an <input>; Enter fires activated(text) and records the line,
// Up / Down walk the recorded lines like a shell. TextEntrySet reuses it
// with its input inside a wrapper beside a button.
import "./textentry.css";
import { el } from "../../dom.js";
import type { TextEntryCreateArgs, TextEntryEvents, TextEntryImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

/** How a subclass lays the entry out: its class name and outer element around the input. */
export interface EntryFrame {
  readonly className: string;
  readonly element: HTMLElement;
}

export class TextEntry extends Widget implements TextEntryImpl {
  protected readonly input: HTMLInputElement;
  private readonly history: string[] = [];
  /** Position in the history; history.length means the line being edited. */
  private cursor = 0;
  /** The line being edited, kept while walking the history. */
  private draft = "";
  /** How many entered lines are kept (0: no history). */
  private readonly historySize: number;
  private readonly events: TextEntryEvents;

  constructor(
    widgetId: number,
    args: TextEntryCreateArgs,
    events: TextEntryEvents,
    env: WidgetEnv,
    input: HTMLInputElement = el("input"),
    frame?: EntryFrame,
  ) {
    super(widgetId, frame?.className ?? "TextEntry", env, events, frame?.element ?? input);
    this.input = input;
    this.events = events;
    this.historySize = Math.max(0, args.linehistory);
    input.type = args.password ? "password" : "text";
    input.autocomplete = args.password ? "current-password" : "off";
    input.spellcheck = false;
    input.value = args.text;
    input.readOnly = !args.editable;
    input.addEventListener("keydown", (ev) => this.onKey(ev));
  }

  protected override get control(): HTMLInputElement {
    return this.input;
  }

  private onKey(ev: KeyboardEvent): void {
    if (ev.isComposing || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === "Enter") {
      ev.preventDefault();
      this.enter();
    } else if (ev.key === "ArrowUp" && this.historySize > 0) {
      ev.preventDefault();
      this.walk(-1);
    } else if (ev.key === "ArrowDown" && this.historySize > 0) {
      ev.preventDefault();
      this.walk(1);
    }
  }

  /** Records the line (Enter, or TextEntrySet's button) and fires activated(text). */
  protected enter(): void {
    const text = this.input.value;
    // Every non-empty line is kept, repeats included, as pgwidgets does.
    if (this.historySize > 0 && text !== "") {
      this.history.push(text);
      if (this.history.length > this.historySize) this.history.splice(0, this.history.length - this.historySize);
    }
    this.cursor = this.history.length;
    this.draft = "";
    this.events.activated(text);
  }

  private walk(step: -1 | 1): void {
    const next = this.cursor + step;
    if (next < 0 || next > this.history.length) return;
    if (this.cursor === this.history.length) this.draft = this.input.value;
    this.cursor = next;
    this.input.value = next === this.history.length ? this.draft : this.history[next]!;
    const end = this.input.value.length;
    this.input.setSelectionRange(end, end);
  }

  set_text(text: string): void {
    this.input.value = text;
    this.cursor = this.history.length;
  }

  get_text(): string {
    return this.input.value;
  }

  clear(): void {
    this.set_text("");
  }

  set_editable(editable: boolean): void {
    this.input.readOnly = !editable;
  }

  set_length(numchars: number): void {
    if (numchars > 0) this.input.size = numchars;
    else this.input.removeAttribute("size");
  }
}
