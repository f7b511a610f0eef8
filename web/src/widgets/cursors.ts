// Named cursor images registered with add_cursor, shared by the page.
import { cssUrl } from "../dom.js";

const named = new Map<string, string>();

export function addCursor(name: string, url: string, hotspotX: number, hotspotY: number): void {
  if (!name) throw new Error("add_cursor needs a name");
  named.set(name, `${cssUrl(url)} ${Math.max(0, hotspotX)} ${Math.max(0, hotspotY)}, auto`);
}

/** The CSS cursor value for a registered name or a CSS keyword ("" = default). */
export function cursorValue(name: string): string {
  return named.get(name) ?? name;
}
