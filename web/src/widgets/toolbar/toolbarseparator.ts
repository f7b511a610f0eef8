// ToolBarSeparator: a line between a toolbar's items (ToolBar.add_separator).
// Drawn by toolbar.css (imported by toolbar.ts; one page stylesheet holds every module's).
import { el } from "../../dom.js";
import type { ToolBarSeparatorCreateArgs, ToolBarSeparatorEvents, ToolBarSeparatorImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class ToolBarSeparator extends Widget implements ToolBarSeparatorImpl {
  constructor(widgetId: number, _args: ToolBarSeparatorCreateArgs, events: ToolBarSeparatorEvents, env: WidgetEnv) {
    super(widgetId, "ToolBarSeparator", env, events, el("div", "pgw-toolbar-separator"));
    this.element.setAttribute("role", "separator");
  }
}
