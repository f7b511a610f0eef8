// A scroll bar the program drives (AbstractScrollArea): it is told the
// thumb's length and place as fractions and reports where the user moves
// it (thumb drag, a click on the track pages by one thumb length).
import "./scrollbar.css";
import { el } from "../dom.js";
import { drag } from "./drag.js";

const MIN_THUMB = 16;

export class ScrollBar {
  readonly element: HTMLDivElement;
  private readonly thumb: HTMLDivElement;
  private thumbFraction = 1;
  private place = 0;

  /** `moved(position)` runs for the user's moves only, never for set_*(). */
  constructor(
    private readonly vertical: boolean,
    thickness: number,
    private readonly moved: (position: number) => void,
  ) {
    this.element = el("div", `pgw-scrollbar ${vertical ? "pgw-scrollbar-v" : "pgw-scrollbar-h"}`);
    this.element.style.setProperty("--pgw-scrollbar-size", `${Math.max(4, thickness)}px`);
    this.thumb = el("div", "pgw-scrollbar-thumb", this.element);
    this.element.addEventListener("pointerdown", (ev) => this.pressed(ev));
    this.draw();
  }

  get thumbPercent(): number {
    return this.thumbFraction;
  }

  get position(): number {
    return this.place;
  }

  setThumbPercent(fraction: number): void {
    this.thumbFraction = clamp(fraction);
    this.draw();
  }

  setPosition(position: number): void {
    this.place = clamp(position);
    this.draw();
  }

  /** Moves by `delta` (a fraction of the whole range) as the user did. */
  step(delta: number): void {
    const before = this.place;
    this.setPosition(this.place + delta);
    if (this.place !== before) this.moved(this.place);
  }

  private get trackLength(): number {
    return this.vertical ? this.element.clientHeight : this.element.clientWidth;
  }

  private thumbLength(track: number): number {
    return Math.min(track, Math.max(MIN_THUMB, track * this.thumbFraction));
  }

  private draw(): void {
    // In CSS terms, so drawing needs no layout: the thumb is at least
    // MIN_THUMB long, and its offset is the position times the free track.
    const len = `max(${MIN_THUMB}px, ${(this.thumbFraction * 100).toFixed(4)}%)`;
    const offset = `calc((100% - ${len}) * ${this.place.toFixed(6)})`;
    const s = this.thumb.style;
    if (this.vertical) {
      s.height = len;
      s.top = offset;
    } else {
      s.width = len;
      s.left = offset;
    }
  }

  private pressed(ev: PointerEvent): void {
    if (ev.button !== 0) return;
    ev.preventDefault();
    const track = this.trackLength;
    const thumbLen = this.thumbLength(track);
    const free = track - thumbLen;
    if (free <= 0) return;
    if (ev.target !== this.thumb) {
      // A click on the track pages toward the pointer.
      const r = this.thumb.getBoundingClientRect();
      const before = this.vertical ? ev.clientY < r.top : ev.clientX < r.left;
      this.step(before ? -this.thumbFraction : this.thumbFraction);
      return;
    }
    const start = this.place;
    this.thumb.classList.add("pgw-active");
    drag(this.thumb, ev, {
      move: (dx, dy) => {
        const before = this.place;
        this.setPosition(start + (this.vertical ? dy : dx) / free);
        if (this.place !== before) this.moved(this.place);
      },
      end: () => this.thumb.classList.remove("pgw-active"),
    }, 1);
  }
}

function clamp(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}
