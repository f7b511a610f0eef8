// Widgets made directly, without the dispatcher: a desktop to put windows
// on, and events objects that record what the widgets report.
import { Desktop } from "../../src/desktop.js";
import type { TopLevelCreateArgs, WidgetHandle } from "../../src/schema.js";
import { VBox } from "../../src/widgets/layout/box.js";
import { TopLevel } from "../../src/widgets/layout/toplevel.js";
import type { Widget, WidgetEnv } from "../../src/widgets/widget.js";

/** One reported event: "<widget id>:<callback>" and its arguments, widgets as their ids. */
export type Reported = [string, ...unknown[]];

/** An events object of any widget class: every callback of widget `id` is recorded in `log`. */
export function recorder<T>(id: number, log: Reported[]): T {
  const idOf = (a: unknown) => (typeof a === "object" && a !== null && "widgetId" in a ? (a as WidgetHandle).widgetId : a);
  return new Proxy(
    {},
    { get: (_target, name) => (...args: unknown[]) => log.push([`${id}:${String(name)}`, ...args.map(idOf)]) },
  ) as T;
}

export class Bench {
  readonly desktop: Desktop;
  readonly env: WidgetEnv;
  /** What every widget made here reported, in order, with its id first. */
  readonly events: Reported[] = [];
  readonly released: number[] = [];

  constructor() {
    document.body.replaceChildren();
    this.desktop = new Desktop(document.body);
    this.env = { desktop: this.desktop, released: (w: Widget) => this.released.push(w.widgetId) };
  }

  box(id: number): VBox {
    return new VBox(id, {}, recorder(id, this.events), this.env);
  }

  window(id: number): TopLevel {
    const args: TopLevelCreateArgs = {
      title: `window ${id}`,
      icon: "",
      resizable: true,
      moveable: true,
      closeable: true,
      minimizable: true,
      maximizable: true,
      lowerable: true,
      shadeable: true,
    };
    return new TopLevel(id, args, recorder(id, this.events), this.env);
  }
}
