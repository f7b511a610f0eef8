// Rating: a row of star buttons; clicking the n-th shows n and reports it.
import { Widget, type WidgetEnv } from "@pgwidgets/core/widgets/widget.js";
import type { RatingCreateArgs, RatingEvents, RatingImpl } from "@pgwidgets/generated/widgets.js";

export class Rating extends Widget implements RatingImpl {
  private readonly stars: HTMLButtonElement[] = [];

  constructor(widgetId: number, args: RatingCreateArgs, events: RatingEvents, env: WidgetEnv) {
    const row = document.createElement("div");
    super(widgetId, "Rating", env, events, row);
    row.style.display = "flex";
    row.style.gap = "2px";
    for (let n = 1; n <= args.max; n++) {
      const star = document.createElement("button");
      star.type = "button";
      star.textContent = "\u2606";
      star.title = `${n} of ${args.max}`;
      star.setAttribute("data-star", String(n));
      star.style.cssText = "border:none;background:none;font-size:20px;cursor:pointer;padding:0 2px";
      star.addEventListener("click", () => {
        this.set_value(n);
        events.rated(n);
      });
      row.appendChild(star);
      this.stars.push(star);
    }
  }

  set_value(stars: number): void {
    this.stars.forEach((s, i) => {
      s.textContent = i < stars ? "\u2605" : "\u2606";
    });
  }
}
