// StackWidget: pages of which one is shown. The page shown is state the
// server keeps (get_index, a reloaded page): whenever it changes here other
// than by set_index, page_switch tells the server, be it a click on a tab
// or the shown page moving or going away.
import "./stackwidget.css";
import type { StackWidgetCreateArgs, StackWidgetEvents, StackWidgetImpl, WidgetHandle } from "../../schema.js";
import { el } from "../../dom.js";
import { NO_WIDGET } from "../../parts/no_widget.js";
import { Container } from "../container.js";
import { asWidget, type Widget, type WidgetEnv } from "../widget.js";

export class StackWidget extends Container implements StackWidgetImpl {
  protected readonly stackEvents: StackWidgetEvents;
  /** Holds every page; only the current one is displayed. */
  protected readonly content: HTMLDivElement;
  protected current: Widget | null = null;
  protected readonly titles = new Map<Widget, string>();
  // What the server was last told (or told us): the index it holds, and
  // the page at it (null before the first page, whose arrival at the
  // default index 0 is no news).
  private reportedIndex = 0;
  private reportedChild: Widget | null = null;

  constructor(widgetId: number, args: StackWidgetCreateArgs, events: StackWidgetEvents, env: WidgetEnv);
  constructor(widgetId: number, args: StackWidgetCreateArgs, events: StackWidgetEvents, env: WidgetEnv, className: string);
  constructor(
    widgetId: number,
    _args: StackWidgetCreateArgs,
    events: StackWidgetEvents,
    env: WidgetEnv,
    className = "StackWidget",
  ) {
    super(widgetId, className, env, events, el("div", "pgw-pages"));
    this.stackEvents = events;
    this.content = el("div", "pgw-pages-content", this.element);
  }

  add_widget(handle: WidgetHandle, title: string): void {
    const { child } = this.adopt(handle);
    child.element.classList.add("pgw-stack-page");
    this.titles.set(child, title);
    this.content.appendChild(child.element);
    this.pagesChanged();
    if (!this.current) this.current = child;
    this.display();
    this.settle();
  }

  show_widget(handle: WidgetHandle): void {
    this.select(this.childOf(handle));
  }

  set_index(index: number): void {
    const child = this.children[index];
    if (!Number.isInteger(index) || !child) {
      throw new Error(`${this} has no page ${index} (it has ${this.children.length})`);
    }
    this.current = child;
    this.display();
    this.reportedIndex = index;
    this.reportedChild = child;
  }

  index_of(handle: WidgetHandle): number {
    return this.children.indexOf(asWidget(handle));
  }

  index_to_widget(index: number): WidgetHandle {
    return this.children[index] ?? NO_WIDGET;
  }

  /** Shows `child` (a page here) and tells the server if that is news. */
  protected select(child: Widget): void {
    this.current = child;
    this.display();
    this.settle();
  }

  protected override childReleased(child: Widget): void {
    child.element.classList.remove("pgw-stack-page", "pgw-stack-page-hidden");
    this.titles.delete(child);
    this.pagesChanged();
    if (this.current === child) {
      // The page after it takes its place, or the new last one (as pgwidgets).
      const at = this.removedAt ?? this.children.length;
      this.current = this.children[Math.min(at, this.children.length - 1)] ?? null;
    }
    this.display();
    this.settle();
  }

  // Where the page being released was (release() splices it out first).
  private removedAt: number | undefined;

  override release(child: Widget): void {
    this.removedAt = this.children.indexOf(child);
    try {
      super.release(child);
    } finally {
      this.removedAt = undefined;
    }
  }

  /** Hook: the pages or their titles changed (TabWidget redraws its tabs). */
  protected pagesChanged(): void {}

  /** Hook: after the current page changed (TabWidget marks its tab). */
  protected display(): void {
    for (const c of this.children) c.element.classList.toggle("pgw-stack-page-hidden", c !== this.current);
  }

  /** Reports the page shown when it differs from what the server holds. */
  private settle(): void {
    const child = this.current;
    if (!child) {
      this.reportedChild = null;
      return;
    }
    const index = this.children.indexOf(child);
    const news = index !== this.reportedIndex || (this.reportedChild !== null && this.reportedChild !== child);
    this.reportedIndex = index;
    this.reportedChild = child;
    if (news) this.stackEvents.page_switch(child, index);
  }
}
