// The page as a desktop: the area the windows float in, their stacking
// order, where new ones appear, and a dock for minimized ones.
import { el } from "./dom.js";

export interface DesktopWindow {
  readonly element: HTMLElement;
  /** Shown and not minimized. */
  readonly onScreen: boolean;
}

export class Desktop {
  readonly element: HTMLDivElement;
  readonly dock: HTMLDivElement;
  private stack: DesktopWindow[] = [];
  private placed = 0;

  constructor(host: HTMLElement) {
    this.element = el("div", "pgw-desktop", host);
    this.dock = el("div", "pgw-dock pgw-hidden", this.element);
  }

  get width(): number {
    return this.element.clientWidth;
  }

  get height(): number {
    return this.element.clientHeight;
  }

  add(w: DesktopWindow): void {
    this.stack.push(w);
    this.element.insertBefore(w.element, this.dock);
    this.restack();
  }

  remove(w: DesktopWindow): void {
    const i = this.stack.indexOf(w);
    if (i >= 0) this.stack.splice(i, 1);
    w.element.remove();
    this.restack();
  }

  raise(w: DesktopWindow): void {
    const i = this.stack.indexOf(w);
    if (i < 0 || i === this.stack.length - 1) return this.restack();
    this.stack.splice(i, 1);
    this.stack.push(w);
    this.restack();
  }

  lower(w: DesktopWindow): void {
    const i = this.stack.indexOf(w);
    if (i <= 0) return this.restack();
    this.stack.splice(i, 1);
    this.stack.unshift(w);
    this.restack();
  }

  /** Where the next new window goes: a cascade, so windows never stack exactly. */
  nextPlace(): { x: number; y: number } {
    const n = this.placed++ % 10;
    return { x: 40 + 30 * n, y: 40 + 30 * n };
  }

  /** Re-applies the z-order, marks the top window active, shows the dock if used. */
  restack(): void {
    let active: DesktopWindow | undefined;
    this.stack.forEach((w, i) => {
      w.element.style.zIndex = String(i + 1);
      if (w.onScreen) active = w;
    });
    for (const w of this.stack) w.element.classList.toggle("pgw-active", w === active);
    this.dock.classList.toggle("pgw-hidden", this.dock.childElementCount === 0);
  }

  /** The session is gone: start placing windows from the corner again. */
  reset(): void {
    this.placed = 0;
    this.restack();
  }
}
