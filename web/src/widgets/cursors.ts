// Named cursor images registered with add_cursor, shared by the page. One
// registered with a size is redrawn at that size on a canvas first, which
// finishes after add_cursor returns: widgets that ask for it meanwhile get
// it once it is ready, as in pgwidgets.
import { cssUrl } from "../dom.js";

/** name -> CSS cursor value, or null while its image is being redrawn. */
const named = new Map<string, string | null>();
/** Widgets waiting for a cursor being redrawn, by name. */
const waiting = new Map<string, Set<HTMLElement>>();
/** Tells a redraw from a later add_cursor of the same name. */
const latest = new Map<string, object>();

export function addCursor(
  name: string,
  url: string,
  hotspotX: number,
  hotspotY: number,
  width: number | undefined,
  height: number | undefined,
): void {
  if (!name) throw new Error("add_cursor needs a name");
  const spot = `${Math.max(0, hotspotX)} ${Math.max(0, hotspotY)}, auto`;
  const token = {};
  latest.set(name, token);
  if (width === undefined && height === undefined) {
    ready(name, `${cssUrl(url)} ${spot}`);
    return;
  }
  const w = width ?? height!;
  const h = height ?? w;
  if (w <= 0 || h <= 0) throw new Error(`add_cursor "${name}": the size must be positive, not ${w} x ${h}`);
  named.set(name, null);
  const img = new Image();
  img.onload = () => {
    if (latest.get(name) !== token) return;
    const canvas = document.createElement("canvas");
    canvas.width = w;
    canvas.height = h;
    let value: string;
    try {
      canvas.getContext("2d")!.drawImage(img, 0, 0, w, h);
      value = `${cssUrl(canvas.toDataURL("image/png"))} ${spot}`;
    } catch (e) {
      // A cross-origin image taints the canvas: keep its own size.
      console.warn(`add_cursor "${name}": cannot resize ${url} (${String(e)}); using it as it is`);
      value = `${cssUrl(url)} ${spot}`;
    }
    ready(name, value);
  };
  img.onerror = () => {
    if (latest.get(name) !== token) return;
    console.warn(`add_cursor "${name}": cannot load ${url}`);
    named.delete(name);
    waiting.delete(name);
  };
  img.src = url;
}

function ready(name: string, value: string): void {
  named.set(name, value);
  for (const e of waiting.get(name) ?? []) e.style.cursor = value;
  waiting.delete(name);
}

/** Sets a registered name or a CSS keyword ("" = default) on `element`. */
export function applyCursor(element: HTMLElement, name: string): void {
  for (const set of waiting.values()) set.delete(element);
  const value = named.get(name);
  if (value === null) {
    const set = waiting.get(name) ?? new Set<HTMLElement>();
    set.add(element);
    waiting.set(name, set);
    return;
  }
  element.style.cursor = value ?? name;
}
