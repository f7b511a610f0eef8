// The answer "no widget" to a query that returns one (pgwidgets' null):
// id 0, which the server turns into an empty handle (false in C++).
import type { WidgetHandle } from "../schema.js";

export const NO_WIDGET: WidgetHandle = Object.freeze({
  widgetId: 0,
  get element(): HTMLElement {
    throw new Error("the empty widget handle has no element");
  },
});
