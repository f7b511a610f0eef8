// One line of text in a flex box, as Label and StatusBar draw it: their
// colors (pgwidgets' order, background first) and horizontal alignment.
import { setOrClear } from "../dom.js";
import type { HAlign } from "../schema.js";

const HALIGN: Readonly<Record<HAlign, string>> = { left: "flex-start", center: "center", right: "flex-end" };

/** An absent color is kept; "" returns to the theme's. */
export function setColors(element: HTMLElement, bg: string | undefined, fg: string | undefined): void {
  if (bg !== undefined) setOrClear(element.style, "background", bg);
  if (fg !== undefined) setOrClear(element.style, "color", fg);
}

export function setHalign(element: HTMLElement, text: HTMLElement, halign: HAlign): void {
  element.style.justifyContent = HALIGN[halign];
  text.style.textAlign = halign;
}
