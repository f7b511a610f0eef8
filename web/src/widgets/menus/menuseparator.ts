// MenuSeparator: the line Menu.add_separator puts between items.
import type { MenuSeparatorCreateArgs, MenuSeparatorEvents, MenuSeparatorImpl } from "../../schema.js";
import { el } from "../../dom.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class MenuSeparator extends Widget implements MenuSeparatorImpl {
  constructor(widgetId: number, _args: MenuSeparatorCreateArgs, events: MenuSeparatorEvents, env: WidgetEnv) {
    super(widgetId, "MenuSeparator", env, events, el("div"));
    this.element.setAttribute("role", "separator");
  }
}
