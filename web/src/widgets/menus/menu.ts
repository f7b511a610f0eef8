// Menu: a column of items (actions, separators, other widgets) and
// submenus, in a panel shown only while open (tracker.ts opens, places and
// closes it). Its children are its items in order; a child Menu is a
// submenu, drawn as a row with its title and an arrow, its own panel
// (inside the row, position: fixed) opening beside that row. A popup menu
// that is nobody's child goes in the page's body when it first opens.
import "./menu.css";
import { el, text } from "../../dom.js";
import type { MenuCreateArgs, MenuEvents, MenuImpl, WidgetHandle } from "../../schema.js";
import { NO_WIDGET } from "../../parts/no_widget.js";
import { Container } from "../container.js";
import { asWidget, type Widget, type WidgetEnv } from "../widget.js";
import { MenuAction } from "./menuaction.js";
import { forget, popup, rowClicked, rowHovered, type MenuRow, type OpenableMenu } from "./tracker.js";

export class Menu extends Container implements MenuImpl, OpenableMenu {
  readonly title: string;
  /** Each submenu's row in this menu, and the title it shows. */
  private readonly subRows = new Map<Widget, { row: HTMLElement; title: string }>();

  constructor(widgetId: number, args: MenuCreateArgs, events: MenuEvents, env: WidgetEnv) {
    super(widgetId, "Menu", env, events, el("div"));
    this.title = args.title;
    this.element.setAttribute("role", "menu");
    this.element.style.display = "none";
    this.element.addEventListener("pointerover", (e) => {
      const row = this.rowOf(e.target as Element);
      if (row) rowHovered(this, row);
    });
    this.element.addEventListener("click", (e) => {
      const row = this.rowOf(e.target as Element);
      if (row) rowClicked(this, row);
    });
  }

  /** The row element (a direct item) holding `node`, if any (not in a submenu's panel). */
  private rowOf(node: Element | null): HTMLElement | null {
    if (!node || node.closest?.(".pgw-menu") !== this.element) return null;
    for (let n: Node | null = node; n && n !== this.element; n = n.parentNode) {
      if (n.parentNode === this.element) return n as HTMLElement;
    }
    return null;
  }

  rows(): MenuRow[] {
    const rows: MenuRow[] = [];
    for (const c of this.children) {
      const sub = this.subRows.get(c);
      if (sub) {
        rows.push({ element: sub.row, label: sub.title, submenu: c as Menu, activate: () => {} });
      } else if (c instanceof MenuAction && c.isEnabled) {
        rows.push({ element: c.element, label: c.text, submenu: null, activate: () => c.activate() });
      }
    }
    return rows;
  }

  private place(child: Widget, title: string | null): void {
    if (child instanceof Menu) {
      const row = el("div", "pgw-menu-submenu-item", this.element);
      row.setAttribute("role", "menuitem");
      row.setAttribute("aria-haspopup", "menu");
      const name = title ?? child.title;
      text("span", "pgw-menu-submenu-label", name, row);
      text("span", "pgw-menu-submenu-arrow", "\u25B6", row);
      this.subRows.get(child)?.row.remove();
      this.subRows.set(child, { row, title: name });
      forget(child);
      child.element.style.display = "none";
      // Inside its row (position: fixed takes it out of the flow there).
      row.appendChild(child.element);
    } else {
      this.element.appendChild(child.element);
    }
  }

  add_widget(child: WidgetHandle): void {
    const { child: w } = this.adopt(child);
    this.place(w, null);
  }

  add_name(child: WidgetHandle): void {
    this.add_widget(child);
  }

  add_menu(child: WidgetHandle): void {
    this.add_widget(child);
  }

  add_submenu(name: string, menu: WidgetHandle): void {
    const { child: w } = this.adopt(menu);
    this.place(w, name);
  }

  add_separator(child: WidgetHandle): void {
    this.add_widget(child);
  }

  get_menu(name: string): WidgetHandle {
    for (const [menu, { title }] of this.subRows) if (title === name) return menu;
    return NO_WIDGET;
  }

  popup(x: number, y: number): void {
    popup(this, x, y);
  }

  protected override childReleased(child: Widget): void {
    const sub = this.subRows.get(child);
    if (sub) {
      sub.row.remove();
      this.subRows.delete(child);
      forget(child as Menu);
    }
  }

  protected override teardown(): void {
    forget(this);
    super.teardown();
  }
}

/** The Menu behind a handle, or an error naming what it is. */
export function asMenu(handle: WidgetHandle): Menu {
  const w = asWidget(handle);
  if (!(w instanceof Menu)) throw new Error(`${w} is not a Menu`);
  return w;
}
