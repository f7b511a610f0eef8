// ExternalWidget: an area for content made elsewhere, set as HTML by the
// program (untrusted unless the program says trusted_html: see
// parts/html_content.ts). It lays out like any widget.
import "./externalwidget.css";
import { el } from "../../dom.js";
import { HtmlContent } from "../../parts/html_content.js";
import type { ExternalWidgetCreateArgs, ExternalWidgetEvents, ExternalWidgetImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class ExternalWidget extends Widget implements ExternalWidgetImpl {
  declare private readonly content: HtmlContent;

  constructor(widgetId: number, args: ExternalWidgetCreateArgs, events: ExternalWidgetEvents, env: WidgetEnv) {
    super(widgetId, "ExternalWidget", env, events, el("div"));
    const host = el("div", "pgw-externalwidget-content", this.element);
    this.content = new HtmlContent(host, args.trusted_html);
  }

  set_content(html: string): void {
    this.content.set(html);
  }

  clear(): void {
    this.content.clear();
  }
}
