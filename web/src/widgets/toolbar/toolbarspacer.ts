// ToolBarSpacer: stretchable space in a toolbar (ToolBar.add_spacer): what
// follows it goes to the far end.
// Drawn by toolbar.css (imported by toolbar.ts; one page stylesheet holds every module's).
import { el } from "../../dom.js";
import type { ToolBarSpacerCreateArgs, ToolBarSpacerEvents, ToolBarSpacerImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class ToolBarSpacer extends Widget implements ToolBarSpacerImpl {
  constructor(widgetId: number, _args: ToolBarSpacerCreateArgs, events: ToolBarSpacerEvents, env: WidgetEnv) {
    super(widgetId, "ToolBarSpacer", env, events, el("div", "pgw-toolbar-spacer"));
  }
}
