// Button: a real <button>; click (or Enter / Space) fires activated().
import "./button.css";
import { el, setOrClear } from "../dom.js";
import type { ButtonCreateArgs, ButtonEvents, ButtonImpl } from "../schema.js";
import { Widget, type WidgetEnv } from "./widget.js";

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

  set_icon(url: string, size: number | undefined): void {
    const img = this.iconEl;
    if (!url) {
      img.removeAttribute("src");
      img.classList.add("pgw-hidden");
      return;
    }
    const s = size !== undefined && size > 0 ? size : 16;
    img.src = url;
    img.style.width = img.style.height = `${s}px`;
    img.classList.remove("pgw-hidden");
  }

  set_color(bg: string, fg: string): void {
    setOrClear(this.button.style, "--pgw-button-bg", bg);
    setOrClear(this.button.style, "--pgw-button-fg", fg);
  }

  set_hover(bg: string, fg: string): void {
    setOrClear(this.button.style, "--pgw-button-hover-bg", bg);
    setOrClear(this.button.style, "--pgw-button-hover-fg", fg);
  }

  /** The background goes through the theme variable so hover still works. */
  override set_bg(color: string): void {
    setOrClear(this.button.style, "--pgw-button-bg", color);
  }
}
