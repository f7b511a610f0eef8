// TabWidget: a StackWidget with a row of tabs. A click on a tab, or the
// arrow keys, Home and End on the focused tab row, switch pages; a tab's
// close button or Delete (closable) asks the program with page_close.
import "./tabwidget.css";
import type {
  TabPosition,
  TabWidgetCreateArgs,
  TabWidgetEvents,
  TabWidgetImpl,
  WidgetHandle,
} from "../../schema.js";
import { el } from "../../dom.js";
import { NO_WIDGET } from "../../parts/no_widget.js";
import { StackWidget } from "./stackwidget.js";
import { asWidget, type Widget, type WidgetEnv } from "../widget.js";

const POSITIONS: readonly TabPosition[] = ["top", "bottom", "left", "right", "none"];

export class TabWidget extends StackWidget implements TabWidgetImpl {
  private readonly events: TabWidgetEvents;
  private readonly bar: HTMLDivElement;
  private readonly closable: boolean;
  private readonly tabs = new Map<Widget, HTMLDivElement>();
  private readonly ids = new Map<Widget, string>();
  private nextId = 0;
  private position: TabPosition = "top";

  constructor(widgetId: number, args: TabWidgetCreateArgs, events: TabWidgetEvents, env: WidgetEnv) {
    super(widgetId, {}, events, env, "TabWidget");
    this.events = events;
    this.closable = args.closable;
    this.bar = el("div", "pgw-tab-bar");
    this.bar.setAttribute("role", "tablist");
    this.element.insertBefore(this.bar, this.content);
    this.bar.addEventListener("keydown", (ev) => this.key(ev));
    this.set_tab_position(args.tab_position);
  }

  close_widget(child: WidgetHandle): void {
    this.remove(child, false);
  }

  get_tab_id(handle: WidgetHandle): string {
    return this.ids.get(asWidget(handle)) ?? "";
  }

  get_child(tab_id: string): WidgetHandle {
    for (const [child, id] of this.ids) if (id === tab_id) return child;
    return NO_WIDGET;
  }

  highlight_tab(handle: WidgetHandle, bgcolor: string | undefined): void {
    const tab = this.tabs.get(this.childOf(handle));
    if (tab) tab.style.background = bgcolor ?? "";
  }

  set_tab_position(tabpos: TabPosition): void {
    this.position = tabpos;
    for (const p of POSITIONS) this.element.classList.toggle(`pgw-tabs-${p}`, p === tabpos);
    this.bar.setAttribute("aria-orientation", tabpos === "left" || tabpos === "right" ? "vertical" : "horizontal");
  }

  // ---- tabs -------------------------------------------------------------

  protected override pagesChanged(): void {
    for (const [child, tab] of this.tabs) {
      if (child.parent !== this) {
        tab.remove();
        this.tabs.delete(child);
        this.ids.delete(child);
      }
    }
    for (const child of this.children) {
      let tab = this.tabs.get(child);
      if (!tab) {
        tab = this.makeTab(child);
        this.tabs.set(child, tab);
        this.ids.set(child, `tab_${this.nextId++}`);
      }
      tab.querySelector(".pgw-tab-title")!.textContent = this.titles.get(child) ?? "";
      this.bar.appendChild(tab);
    }
  }

  protected override display(): void {
    super.display();
    for (const [child, tab] of this.tabs) {
      const on = child === this.current;
      tab.classList.toggle("pgw-current", on);
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
    }
  }

  private makeTab(child: Widget): HTMLDivElement {
    const tab = el("div", "pgw-tab");
    tab.setAttribute("role", "tab");
    el("span", "pgw-tab-title", tab);
    tab.addEventListener("click", () => {
      if (child.parent === this) this.select(child);
    });
    if (this.closable) {
      const close = el("span", "pgw-tab-close", tab);
      close.setAttribute("aria-label", "Close");
      close.textContent = "\u00d7";
      close.addEventListener("click", (ev) => {
        ev.stopPropagation();
        if (child.parent === this) this.events.page_close(child);
      });
    }
    return tab;
  }

  private key(ev: KeyboardEvent): void {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || !this.current) return;
    const across = this.position === "left" || this.position === "right";
    const back = across ? "ArrowUp" : "ArrowLeft";
    const forth = across ? "ArrowDown" : "ArrowRight";
    const n = this.children.length;
    const i = this.children.indexOf(this.current);
    let next: number;
    if (ev.key === back) next = (i - 1 + n) % n;
    else if (ev.key === forth) next = (i + 1) % n;
    else if (ev.key === "Home") next = 0;
    else if (ev.key === "End") next = n - 1;
    else if (ev.key === "Delete" && this.closable) {
      // As the close button: the program decides.
      ev.preventDefault();
      this.events.page_close(this.current);
      return;
    } else return;
    ev.preventDefault();
    const child = this.children[next]!;
    this.select(child);
    this.tabs.get(child)?.focus();
  }
}
