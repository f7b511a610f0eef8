// Frame: an etched border around one child, with a title set in it.
import "./frame.css";
import type { FrameCreateArgs, FrameEvents, FrameImpl, WidgetHandle } from "../../schema.js";
import { el } from "../../dom.js";
import { Container } from "../container.js";
import type { WidgetEnv } from "../widget.js";

export class Frame extends Container implements FrameImpl {
  private readonly legend: HTMLLegendElement;
  private readonly content: HTMLDivElement;

  constructor(widgetId: number, args: FrameCreateArgs, events: FrameEvents, env: WidgetEnv) {
    super(widgetId, "Frame", env, events, el("fieldset"));
    this.legend = el("legend", "pgw-frame-title", this.element);
    this.content = el("div", "pgw-frame-content", this.element);
    this.set_title(args.title);
  }

  protected override get surface(): HTMLElement {
    return this.content;
  }

  set_widget(child: WidgetHandle): void {
    const w = this.adoptOnly(child);
    if (w.element.parentNode !== this.content) this.content.appendChild(w.element);
  }

  set_title(text: string): void {
    this.legend.textContent = text;
    this.legend.classList.toggle("pgw-hidden", text === "");
  }

  set_text(text: string): void {
    this.set_title(text);
  }
}
