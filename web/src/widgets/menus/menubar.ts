// MenuBar: a row of titles, each dropping its menu down when pressed
// (tracker.ts: hovering another title while one is open switches to it;
// F10 or Alt reach the bar from the keyboard). The menus are its
// children; their panels sit in the bar, out of its flow.
import "./menubar.css";
import { el, text } from "../../dom.js";
import type { MenuBarCreateArgs, MenuBarEvents, MenuBarImpl, WidgetHandle } from "../../schema.js";
import { NO_WIDGET } from "../../parts/no_widget.js";
import { Container } from "../container.js";
import type { Widget, WidgetEnv } from "../widget.js";
import { Menu } from "./menu.js";
import { barHovered, barPressed, forget, registerBar, unregisterBar, type TrackedBar } from "./tracker.js";

interface Entry {
  readonly title: HTMLElement;
  readonly name: string;
}

export class MenuBar extends Container implements MenuBarImpl, TrackedBar {
  private readonly titles = new Map<Widget, Entry>();

  constructor(widgetId: number, _args: MenuBarCreateArgs, events: MenuBarEvents, env: WidgetEnv) {
    super(widgetId, "MenuBar", env, events, el("div"));
    this.element.setAttribute("role", "menubar");
    registerBar(this);
  }

  entries(): { title: HTMLElement; menu: Menu }[] {
    const out: { title: HTMLElement; menu: Menu }[] = [];
    for (const c of this.children) {
      const e = this.titles.get(c);
      if (e && c instanceof Menu) out.push({ title: e.title, menu: c });
    }
    return out;
  }

  add_menu(
    menu: WidgetHandle,
    name: string,
    icon_url: string | undefined,
    icon_width: number | undefined,
    icon_height: number | undefined,
    icon_only: boolean | undefined,
  ): void {
    const { child } = this.adopt(menu);
    if (!(child instanceof Menu)) throw new Error(`${child} is not a Menu`);
    this.titles.get(child)?.title.remove();
    forget(child);
    const title = el("div", "pgw-menubar-item");
    title.setAttribute("role", "menuitem");
    title.setAttribute("aria-haspopup", "menu");
    if (icon_url) {
      const img = el("img", "pgw-menubar-item-icon", title);
      img.alt = "";
      img.src = icon_url;
      const h = icon_height ?? icon_width;
      if (icon_width !== undefined) img.style.width = `${icon_width}px`;
      if (h !== undefined) img.style.height = `${h}px`;
    }
    if (icon_url && icon_only) title.title = name;
    else text("span", "pgw-menubar-item-label", name, title);
    // Titles follow the children's order.
    const i = this.children.indexOf(child);
    const next = this.children.slice(i + 1).map((c) => this.titles.get(c)?.title).find((t) => t);
    this.element.insertBefore(title, next ?? null);
    this.titles.set(child, { title, name });
    child.element.style.display = "none";
    // In the bar, out of its flow (position: fixed), after the titles.
    this.element.appendChild(child.element);
    title.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      e.preventDefault();
      barPressed(this, this.entries().findIndex((x) => x.title === title));
    });
    title.addEventListener("pointerenter", () => {
      barHovered(this, this.entries().findIndex((x) => x.title === title));
    });
  }

  add_name(child: WidgetHandle): void {
    const w = child as Widget;
    this.add_menu(child, w instanceof Menu ? w.title : "", undefined, undefined, undefined, undefined);
  }

  get_menu(name: string): WidgetHandle {
    for (const [menu, e] of this.titles) if (e.name === name) return menu;
    return NO_WIDGET;
  }

  protected override childReleased(child: Widget): void {
    const e = this.titles.get(child);
    if (e) {
      e.title.remove();
      this.titles.delete(child);
      forget(child as Menu);
    }
  }

  protected override teardown(): void {
    unregisterBar(this);
    super.teardown();
  }
}
