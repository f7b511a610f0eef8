// The factories of this project's widgets, as the generated WidgetFactories
// interface asks: a class missing here fails the build.
import type { WidgetEnv } from "@pgwidgets/core/widgets/widget.js";
import type { WidgetFactories } from "@pgwidgets/generated/widgets.js";
import { Rating } from "./rating.js";

export function makeFactories(env: WidgetEnv): WidgetFactories {
  return {
    Rating: (id, args, events) => new Rating(id, args, events, env),
  };
}
