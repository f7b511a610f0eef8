// ToolBarAction: a flat button in a ToolBar, with an icon and/or a label.
// A plain action fires activated on each click; a toggle stays pressed
// until clicked again; in a group, pressing one releases the others and
// clicking the pressed one releases it. activate() is what a click does,
// so the toolbar's overflow menu runs exactly the same code.
//
// With a menu (set_menu), activate() drops the menu down below the action
// instead of firing activated, as pgwidgets' does.
// Drawn by toolbar.css (imported by toolbar.ts; one page stylesheet holds every module's).
import { el } from "../../dom.js";
import type { ToolBarActionCreateArgs, ToolBarActionEvents, ToolBarActionImpl, WidgetHandle } from "../../schema.js";
import { asMenu, type Menu } from "../menus/menu.js";
import { Widget, type WidgetEnv } from "../widget.js";

const DEFAULT_ICON = 16;

export class ToolBarAction extends Widget implements ToolBarActionImpl {
  private readonly events: ToolBarActionEvents;
  readonly button: HTMLButtonElement;
  private readonly iconEl: HTMLImageElement;
  private readonly labelEl: HTMLSpanElement;
  private readonly toggle: boolean;
  /** Shared by the members of a group; null for an action on its own. */
  group: ToolBarAction[] | null;
  private state = false;
  /** The menu to drop down instead of activating; null for none. */
  private menu: Menu | null = null;

  constructor(widgetId: number, args: ToolBarActionCreateArgs, events: ToolBarActionEvents, env: WidgetEnv) {
    const root = el("div", "pgw-toolbar-action");
    super(widgetId, "ToolBarAction", env, events, root);
    this.events = events;
    this.button = el("button", "pgw-toolbar-action-main", root);
    this.button.type = "button";
    this.iconEl = el("img", "pgw-toolbar-action-icon pgw-hidden", this.button);
    this.iconEl.alt = "";
    this.iconEl.draggable = false;
    this.labelEl = el("span", "pgw-toolbar-action-label", this.button);
    const owner = args.group instanceof ToolBarAction ? args.group : null;
    this.group = owner ? owner.joined() : null;
    this.group?.push(this);
    this.toggle = args.toggle || this.group !== null;
    if (this.toggle) this.button.setAttribute("aria-pressed", "false");
    this.set_text(args.text);
    if (args.icon_url) this.set_icon(args.icon_url, args.iconsize);
    this.button.addEventListener("click", () => this.activate());
  }

  /** The owner's group, made when the first action joins it. */
  private joined(): ToolBarAction[] {
    if (this.group) return this.group;
    const group: ToolBarAction[] = [this];
    this.group = group;
    return group;
  }

  protected override get control(): HTMLButtonElement {
    return this.button;
  }

  /** The label the overflow menu shows. */
  get label(): string {
    return this.labelEl.textContent || this.iconEl.getAttribute("src") || "(action)";
  }

  get isToggle(): boolean {
    return this.toggle;
  }

  get pressed(): boolean {
    return this.state;
  }

  get isEnabled(): boolean {
    return !this.button.disabled;
  }

  /** What a click does: toggles (a group's member releases the others) and reports. */
  activate(): void {
    if (this.button.disabled) return;
    if (this.menu && !this.menu.isDestroyed) {
      // Chosen in the overflow menu, the action is not on the strip: the
      // menu drops down below the toolbar's end instead.
      const own = this.element.getBoundingClientRect();
      const bar = this.parent?.element.getBoundingClientRect();
      if (own.width > 0 || !bar) this.menu.popup(own.left, own.bottom);
      else this.menu.popup(bar.right, bar.bottom);
      return;
    }
    if (!this.toggle) {
      this.events.activated(false);
      return;
    }
    const on = !this.state;
    if (on) this.pressOnly();
    else this.showState(false);
    this.events.activated(on);
  }

  set_text(text: string): void {
    this.labelEl.textContent = text;
    this.labelEl.classList.toggle("pgw-hidden", !text);
    this.button.title = text;
    this.element.dispatchEvent(new Event("pgw-toolbar-changed", { bubbles: true }));
  }

  set_icon(url: string, iconsize: number[]): void {
    if (url) {
      this.iconEl.src = url;
      this.iconEl.classList.remove("pgw-hidden");
    } else {
      this.iconEl.removeAttribute("src");
      this.iconEl.classList.add("pgw-hidden");
    }
    const w = iconsize.length > 0 ? iconsize[0] : DEFAULT_ICON;
    const h = iconsize.length > 1 ? iconsize[1] : w;
    this.iconEl.style.width = `${w}px`;
    this.iconEl.style.height = `${h}px`;
    this.element.dispatchEvent(new Event("pgw-toolbar-changed", { bubbles: true }));
  }

  set_menu(menu: WidgetHandle): void {
    this.menu = asMenu(menu);
    this.element.classList.add("pgw-toolbar-action-menu");
    this.button.setAttribute("aria-haspopup", "menu");
  }

  set_state(value: boolean): void {
    if (value) this.pressOnly();
    else this.showState(false);
  }

  private pressOnly(): void {
    for (const other of this.group ?? []) if (other !== this) other.showState(false);
    this.showState(true);
  }

  private showState(on: boolean): void {
    this.state = on;
    this.element.classList.toggle("pgw-pressed", on);
    if (this.toggle) this.button.setAttribute("aria-pressed", String(on));
  }

  protected override teardown(): void {
    const i = this.group?.indexOf(this) ?? -1;
    if (i >= 0) this.group?.splice(i, 1);
    super.teardown();
  }
}
