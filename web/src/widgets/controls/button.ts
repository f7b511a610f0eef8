// Button: a real <button>; click (or Enter / Space) fires activated().
import "./button.css";
import { el, px, setOrClear } from "../../dom.js";
import type { ButtonCreateArgs, ButtonEvents, ButtonImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class Button extends Widget implements ButtonImpl {
  private readonly button: HTMLButtonElement;
  private readonly iconEl: HTMLImageElement;
  private readonly textEl: HTMLSpanElement;

  constructor(widgetId: number, args: ButtonCreateArgs, events: ButtonEvents, env: WidgetEnv) {
    const button = el("button");
    super(widgetId, "Button", env, events, button);
    this.button = button;
    button.type = "button";
    this.iconEl = el("img", "pgw-button-icon pgw-hidden", button);
    this.iconEl.alt = "";
    this.iconEl.draggable = false;
    this.textEl = el("span", "pgw-button-text", button);
    this.set_text(args.text);
    button.addEventListener("click", () => events.activated());
  }

  protected override get control(): HTMLButtonElement {
    return this.button;
  }

  set_text(text: string): void {
    this.textEl.textContent = text;
    this.textEl.classList.toggle("pgw-hidden", text === "");
  }

  /** Height defaults to width; with neither the image keeps its own size. */
  set_icon(url: string, width: number | undefined, height: number | undefined): void {
    const img = this.iconEl;
    if (!url) {
      img.removeAttribute("src");
      img.classList.add("pgw-hidden");
      return;
    }
    img.src = url;
    img.style.width = width !== undefined ? px(width) : "";
    img.style.height = width !== undefined || height !== undefined ? px(height ?? width ?? -1) : "";
    img.classList.remove("pgw-hidden");
  }

  /** An absent color is kept, as in pgwidgets. */
  set_color(bg: string | undefined, fg: string | undefined): void {
    if (bg !== undefined) setOrClear(this.button.style, "--pgw-button-bg", bg);
    if (fg !== undefined) setOrClear(this.button.style, "--pgw-button-fg", fg);
  }

  /** Absent and "" both mean no hover color, as in pgwidgets. */
  set_hover(bg: string | undefined, fg: string | undefined): void {
    setOrClear(this.button.style, "--pgw-button-hover-bg", bg ?? "");
    setOrClear(this.button.style, "--pgw-button-hover-fg", fg ?? "");
  }

  /** The background goes through the theme variable so hover still works. */
  override set_bg(color: string): void {
    setOrClear(this.button.style, "--pgw-button-bg", color);
  }
}
