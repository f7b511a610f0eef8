// A popup menu of buttons: opened at a point, closed by choosing an item,
// pressing elsewhere or Escape. The window menu uses it; so will Menu.
import "./popup_menu.css";
import { el, text } from "../dom.js";

export interface MenuItem {
  readonly label: string;
  readonly enabled: boolean;
  readonly action: () => void;
}

/** An item, or null for a separator line. */
export type MenuEntry = MenuItem | null;

export class PopupMenu {
  private readonly element: HTMLDivElement;
  private readonly away: (e: Event) => void;
  private readonly key: (e: KeyboardEvent) => void;
  private open = true;

  /**
   * Opens the menu inside `area` at the viewport point (clientX, clientY),
   * kept inside the area; `closed` runs once, however the menu closes.
   */
  constructor(
    area: HTMLElement,
    clientX: number,
    clientY: number,
    entries: readonly MenuEntry[],
    private readonly closed: () => void = () => {},
  ) {
    const menu = el("div", "pgw-menu", area);
    menu.setAttribute("role", "menu");
    this.element = menu;
    for (const entry of entries) {
      if (entry) this.item(entry);
      else el("div", "pgw-menu-separator", menu);
    }

    const r = area.getBoundingClientRect();
    const left = Math.min(clientX - r.left, area.clientWidth - menu.offsetWidth - 4);
    const top = Math.min(clientY - r.top, area.clientHeight - menu.offsetHeight - 4);
    menu.style.left = `${Math.max(0, left)}px`;
    menu.style.top = `${Math.max(0, top)}px`;

    // Capture phase: a press anywhere closes the menu before the pressed
    // widget reacts, as desktop menus do.
    this.away = (e: Event) => {
      if (!menu.contains(e.target as Node)) this.close();
    };
    this.key = (e: KeyboardEvent) => {
      if (e.key === "Escape") this.close();
    };
    document.addEventListener("pointerdown", this.away, true);
    document.addEventListener("keydown", this.key, true);
    (menu.querySelector("button:not(:disabled)") as HTMLButtonElement | null)?.focus();
  }

  get isOpen(): boolean {
    return this.open;
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    document.removeEventListener("pointerdown", this.away, true);
    document.removeEventListener("keydown", this.key, true);
    this.element.remove();
    this.closed();
  }

  private item({ label, enabled, action }: MenuItem): void {
    const b = text("button", "pgw-menu-item", label, this.element);
    b.type = "button";
    b.setAttribute("role", "menuitem");
    b.disabled = !enabled;
    b.addEventListener("click", () => {
      this.close();
      action();
    });
  }
}
