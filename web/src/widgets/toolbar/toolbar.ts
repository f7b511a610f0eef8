// ToolBar: a row (or column) of actions, widgets, separators and spacers.
// When they do not fit, the items from the first one that does not fit on
// go out of the strip and an overflow button ("»") appears at its end; its
// menu (parts/popup_menu) lists the hidden actions, and choosing one runs
// the action's activate(), exactly what a click on it does.
import "./toolbar.css";
import { el } from "../../dom.js";
import { PopupMenu, type MenuEntry } from "../../parts/popup_menu.js";
import type { ToolBarCreateArgs, ToolBarEvents, ToolBarImpl, WidgetHandle } from "../../schema.js";
import { Container } from "../container.js";
import type { Widget, WidgetEnv } from "../widget.js";
import { ToolBarAction } from "./toolbaraction.js";
import { ToolBarSeparator } from "./toolbarseparator.js";

export class ToolBar extends Container implements ToolBarImpl {
  private readonly horizontal: boolean;
  private readonly items: HTMLDivElement;
  private readonly more: HTMLButtonElement;
  private readonly observer: ResizeObserver;
  private menu: PopupMenu | null = null;
  private pending = false;

  constructor(widgetId: number, args: ToolBarCreateArgs, events: ToolBarEvents, env: WidgetEnv) {
    super(widgetId, "ToolBar", env, events, el("div", "pgw-toolbar"));
    this.horizontal = args.orientation !== "vertical";
    this.element.classList.add(this.horizontal ? "pgw-toolbar-horizontal" : "pgw-toolbar-vertical");
    this.element.setAttribute("role", "toolbar");
    this.items = el("div", "pgw-toolbar-items", this.element);
    this.more = el("button", "pgw-toolbar-more pgw-hidden", this.element);
    this.more.type = "button";
    this.more.textContent = "\u00bb";
    this.more.title = "More";
    this.more.setAttribute("aria-label", "More");
    this.more.setAttribute("aria-haspopup", "menu");
    this.more.addEventListener("click", () => this.openOverflow());
    this.observer = new ResizeObserver(() => this.relayout());
    this.observer.observe(this.element);
    this.element.addEventListener("pgw-toolbar-changed", () => this.scheduleLayout());
  }

  protected override get surface(): HTMLElement {
    return this.items;
  }

  add_widget(child: WidgetHandle): void {
    this.append(child);
  }

  add_action(child: WidgetHandle): void {
    this.append(child);
  }

  add_separator(child: WidgetHandle): void {
    this.append(child);
  }

  add_spacer(child: WidgetHandle): void {
    this.append(child);
  }

  private append(handle: WidgetHandle): void {
    const { child } = this.adopt(handle);
    child.element.classList.add("pgw-toolbar-child");
    this.items.appendChild(child.element);
    this.scheduleLayout();
  }

  protected override childReleased(child: Widget): void {
    child.element.classList.remove("pgw-toolbar-child", "pgw-toolbar-overflowed");
    this.scheduleLayout();
  }

  override childLayoutChanged(_child: Widget): void {
    this.scheduleLayout();
  }

  /** The children the strip has no room for, in order. */
  get overflowed(): Widget[] {
    return this.children.filter((c) => c.element.classList.contains("pgw-toolbar-overflowed"));
  }

  private scheduleLayout(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      if (!this.isDestroyed) this.relayout();
    });
  }

  private fits(): boolean {
    const s = this.items;
    return this.horizontal ? s.scrollWidth <= s.clientWidth : s.scrollHeight <= s.clientHeight;
  }

  /** Puts every item back, then takes them out from the end until the rest fit. */
  private relayout(): void {
    for (const c of this.children) c.element.classList.remove("pgw-toolbar-overflowed");
    this.more.classList.add("pgw-hidden");
    if (this.fits()) {
      this.menu?.close();
      return;
    }
    this.more.classList.remove("pgw-hidden");
    for (let i = this.children.length - 1; i >= 0 && !this.fits(); i--) {
      this.children[i].element.classList.add("pgw-toolbar-overflowed");
    }
  }

  private openOverflow(): void {
    if (this.menu) {
      this.menu.close();
      return;
    }
    const entries: MenuEntry[] = [];
    for (const c of this.overflowed) {
      if (c instanceof ToolBarAction) {
        const mark = c.isToggle ? (c.pressed ? "\u2713 " : "\u2003") : "";
        entries.push({ label: mark + c.label, enabled: c.isEnabled, action: () => c.activate() });
      } else if (c instanceof ToolBarSeparator && entries.length > 0 && entries[entries.length - 1] !== null) {
        entries.push(null);
      }
    }
    if (entries.length > 0 && entries[entries.length - 1] === null) entries.pop();
    const r = this.more.getBoundingClientRect();
    const menu = new PopupMenu(document.body, r.left, r.bottom + 2, entries, () => {
      if (this.menu === menu) this.menu = null;
    });
    this.menu = menu;
  }

  protected override teardown(): void {
    this.observer.disconnect();
    this.menu?.close();
    super.teardown();
  }
}
