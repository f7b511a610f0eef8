// Small line icons for the window buttons, built as SVG nodes.
const NS = "http://www.w3.org/2000/svg";

export type IconName = "minimize" | "maximize" | "restore" | "close";

const PATHS: Record<IconName, string> = {
  minimize: "M2.5 8.5h7",
  maximize: "M2.5 2.5h7v7h-7z",
  restore: "M2.5 4.5h5v5h-5z M4.5 4.5v-2h5v5h-2",
  close: "M3 3l6 6M9 3l-6 6",
};

export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 12 12");
  svg.setAttribute("width", "12");
  svg.setAttribute("height", "12");
  svg.setAttribute("aria-hidden", "true");
  svg.classList.add("pgw-icon");
  const path = document.createElementNS(NS, "path");
  path.setAttribute("d", PATHS[name]);
  svg.appendChild(path);
  return svg;
}

export function setIcon(svg: SVGSVGElement, name: IconName): void {
  svg.firstElementChild?.setAttribute("d", PATHS[name]);
}
