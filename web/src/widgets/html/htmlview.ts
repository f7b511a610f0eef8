// HtmlView: HTML from the program, read-only, scrolling when larger than
// the view. Untrusted HTML is sanitized and kept in a shadow root
// (parts/html_content.ts). Where it is scrolled, as fractions, is state the
// server keeps: scrolled reports the user's scrolling once it stops.
import "./htmlview.css";
import { el } from "../../dom.js";
import { HtmlContent } from "../../parts/html_content.js";
import { ScrollFractions } from "../../parts/scroll_fractions.js";
import type { HtmlViewCreateArgs, HtmlViewEvents, HtmlViewImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class HtmlView extends Widget implements HtmlViewImpl {
  declare private readonly viewport: HTMLDivElement;
  declare private readonly content: HtmlContent;
  declare private readonly position: ScrollFractions;
  declare private readonly observer: ResizeObserver;

  constructor(widgetId: number, args: HtmlViewCreateArgs, events: HtmlViewEvents, env: WidgetEnv) {
    super(widgetId, "HtmlView", env, events, el("div"));
    this.viewport = el("div", "pgw-htmlview-viewport", this.element);
    this.viewport.tabIndex = 0;
    const host = el("div", "pgw-htmlview-content", this.viewport);
    this.content = new HtmlContent(host, args.trusted_html);
    this.position = new ScrollFractions(this.viewport, (h, v) => events.scrolled(h, v), 150);
    this.observer = new ResizeObserver(() => this.position.apply());
    this.observer.observe(this.viewport);
    this.observer.observe(host);
    this.content.set(args.html);
  }

  set_html(html: string): void {
    this.content.set(html);
  }

  append_html(html: string): void {
    this.content.append(html);
  }

  clear(): void {
    this.content.clear();
  }

  scroll_to_top(): void {
    this.position.forget();
    this.viewport.scrollTop = 0;
  }

  scroll_to_bottom(): void {
    this.position.forget();
    this.viewport.scrollTop = this.viewport.scrollHeight;
  }

  set_scroll_position(h_pct: number, v_pct: number): void {
    this.position.set(h_pct, v_pct);
  }

  protected override teardown(): void {
    this.observer.disconnect();
    this.position.cancel();
    super.teardown();
  }
}
