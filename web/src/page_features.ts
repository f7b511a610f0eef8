// What the application (not a widget) does to the page: fonts it
// registered, the default font, URLs it opens, the page's icon.
import type * as proto from "../../generated/ts/pb/pgwidgets/protocol_pb.js";

const registered = new Map<string, FontFace>();

/** Adds the application's font face; widgets use it by its family name. */
export function registerFont(f: proto.RegisterFont): void {
  const key = `${f.family}\u0000${f.weight}\u0000${f.style}\u0000${f.url}`;
  if (registered.has(key)) return;  // a reconnect sends the fonts again
  const face = new FontFace(f.family, `url(${JSON.stringify(f.url)})`, {
    weight: f.weight || "normal",
    style: f.style || "normal",
  });
  registered.set(key, face);
  document.fonts.add(face);
  face.load().catch((e: unknown) => console.warn(`pgwidgets: font ${f.family} did not load:`, e));
}

/** The font every widget uses unless set otherwise ("" family: the theme's). */
export function setDefaultFont(f: proto.DefaultFont): void {
  const root = document.documentElement.style;
  const body = document.body.style;
  if (!f.family) {
    root.removeProperty("--pgw-font");
    root.removeProperty("--pgw-font-size");
    body.removeProperty("font-weight");
    body.removeProperty("font-style");
    return;
  }
  root.setProperty("--pgw-font", `${JSON.stringify(f.family)}, sans-serif`);
  if (f.size !== undefined && f.size > 0) root.setProperty("--pgw-font-size", `${f.size}pt`);
  else root.removeProperty("--pgw-font-size");
  if (f.weight) body.setProperty("font-weight", f.weight);
  else body.removeProperty("font-weight");
  if (f.style) body.setProperty("font-style", f.style);
  else body.removeProperty("font-style");
}

/** Opens `url` in a new tab; a blocked popup leaves a link to click instead. */
export function openUrl(url: string): void {
  let opened: Window | null = null;
  try {
    opened = window.open(url, "_blank");
  } catch {
    opened = null;
  }
  if (opened) {
    opened.opener = null;
    return;
  }
  const bar = document.createElement("div");
  bar.className = "pgw-banner pgw-open-url";
  const a = document.createElement("a");
  a.href = url;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  a.textContent = `Open ${url}`;
  a.addEventListener("click", () => bar.remove());
  bar.appendChild(a);
  document.body.appendChild(bar);
}

/** The page's icon is at `url` now. */
export function setFavicon(url: string): void {
  let link = document.querySelector<HTMLLinkElement>("link[rel~='icon']");
  if (!link) {
    link = document.createElement("link");
    link.rel = "icon";
    document.head.appendChild(link);
  }
  link.removeAttribute("type");
  link.href = url;
}
