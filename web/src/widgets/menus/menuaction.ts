// MenuAction: an item of a menu, with a text, an optional icon and an
// optional check mark. Choosing it (a click, or Enter / Space while it is
// highlighted) toggles the mark of a checkable one, reports activated (with
// the new state: the server keeps it) and closes the open menus.
import "./menuaction.css";
import { el } from "../../dom.js";
import type { MenuActionCreateArgs, MenuActionEvents, MenuActionImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";
import { closeAll } from "./tracker.js";

export class MenuAction extends Widget implements MenuActionImpl {
  declare private readonly events: MenuActionEvents;
  declare private readonly checkable: boolean;
  declare private readonly iconOnly: boolean;
  declare private checked: boolean;
  declare private readonly mark: HTMLSpanElement;
  declare private readonly icon: HTMLImageElement;
  declare private readonly label: HTMLSpanElement;

  constructor(widgetId: number, args: MenuActionCreateArgs, events: MenuActionEvents, env: WidgetEnv) {
    super(widgetId, "MenuAction", env, events, el("div"));
    this.events = events;
    this.checkable = args.checkable;
    this.iconOnly = args.icon_only;
    this.checked = false;
    this.element.setAttribute("role", args.checkable ? "menuitemcheckbox" : "menuitem");
    this.mark = el("span", "pgw-menuaction-check", this.element);
    this.icon = el("img", "pgw-menuaction-icon", this.element);
    this.icon.alt = "";
    this.icon.style.display = "none";
    this.label = el("span", "pgw-menuaction-label", this.element);
    if (args.icon_url) this.set_icon(args.icon_url, args.icon_width, args.icon_height);
    this.set_text(args.text);
    if (this.checkable) this.element.setAttribute("aria-checked", "false");
    this.element.addEventListener("click", () => this.activate());
  }

  /** The text the keyboard's letter jump matches. */
  get text(): string {
    return this.label.textContent ?? "";
  }

  get isEnabled(): boolean {
    return !this.element.classList.contains("pgw-disabled") && this.shown;
  }

  /** Chooses the item: toggles a checkable one, reports it, closes the menus. */
  activate(): void {
    if (!this.isEnabled) return;
    if (this.checkable) this.set_checked(!this.checked);
    closeAll();
    this.events.activated(this.checkable ? this.checked : false);
  }

  set_text(text: string): void {
    this.label.textContent = text;
    this.applyIconOnly();
  }

  set_icon(url: string, width: number | undefined, height: number | undefined): void {
    if (url) {
      this.icon.src = url;
      this.icon.style.display = "";
    } else {
      this.icon.removeAttribute("src");
      this.icon.style.display = "none";
    }
    const h = height ?? width;
    this.icon.style.width = width !== undefined ? `${width}px` : "";
    this.icon.style.height = h !== undefined ? `${h}px` : "";
    this.applyIconOnly();
  }

  set_checked(checked: boolean): void {
    this.checked = checked;
    this.mark.textContent = checked ? "\u2713" : "";
    if (this.checkable) this.element.setAttribute("aria-checked", String(checked));
  }

  set_state(checked: boolean): void {
    this.set_checked(checked);
  }

  private applyIconOnly(): void {
    const only = this.iconOnly && this.icon.style.display !== "none";
    this.label.style.display = only ? "none" : "";
    if (only && this.label.textContent) this.element.title = this.label.textContent;
  }
}
