// Page: the whole viewport as one window behind the others; its child
// fills it. Hidden until show(), like a TopLevel.
import "./page.css";
import type { PageCreateArgs, PageEvents, PageImpl, WidgetHandle } from "../../schema.js";
import { el } from "../../dom.js";
import { Container } from "../container.js";
import type { WidgetEnv } from "../widget.js";

export class Page extends Container implements PageImpl {
  override readonly isWindow = true;

  constructor(widgetId: number, _args: PageCreateArgs, events: PageEvents, env: WidgetEnv) {
    super(widgetId, "Page", env, events, el("div", "pgw-page-window"));
    this.shown = false;
    this.element.classList.add("pgw-hidden");
    const desk = env.desktop.element;
    // Behind every window: first in the desktop.
    desk.insertBefore(this.element, desk.firstChild);
  }

  set_widget(child: WidgetHandle): void {
    const w = this.adoptOnly(child);
    if (w.element.parentNode !== this.element) this.element.appendChild(w.element);
  }
}
