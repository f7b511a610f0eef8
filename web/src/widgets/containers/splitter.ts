// Splitter: panes in a row (or column) with handles between them. Dragging
// a handle, or the arrow keys on a focused one, moves the space between its
// two neighbours and reports every pane's size (sizing), which the server
// keeps. Sizes are flex weights, so the panes keep their proportions when
// the splitter itself is resized.
import "./splitter.css";
import type { SplitterCreateArgs, SplitterEvents, SplitterImpl, WidgetHandle } from "../../schema.js";
import { el } from "../../dom.js";
import { drag } from "../../parts/drag.js";
import { Container } from "../container.js";
import type { Widget, WidgetEnv } from "../widget.js";

const DEFAULT_MIN = 20;
const KEY_STEP = 10;
const KEY_STEP_LARGE = 50;

export class Splitter extends Container implements SplitterImpl {
  private readonly events: SplitterEvents;
  private readonly vertical: boolean;
  private readonly panes = new Map<Widget, HTMLDivElement>();
  private readonly mins = new Map<Widget, number>();
  private handles: HTMLDivElement[] = [];

  constructor(widgetId: number, args: SplitterCreateArgs, events: SplitterEvents, env: WidgetEnv) {
    super(widgetId, "Splitter", env, events, el("div"));
    this.events = events;
    this.vertical = args.orientation === "vertical";
    this.element.classList.add(this.vertical ? "pgw-splitter-v" : "pgw-splitter-h");
  }

  add_widget(handle: WidgetHandle): void {
    const { child } = this.adopt(handle);
    let pane = this.panes.get(child);
    if (!pane) {
      pane = el("div", "pgw-splitter-pane");
      pane.style.flex = "1 1 0px";
      this.panes.set(child, pane);
      this.mins.set(child, DEFAULT_MIN);
      this.applyMin(child);
      pane.appendChild(child.element);
    }
    this.arrange();
  }

  set_sizes(sizes: number[]): void {
    this.children.forEach((child, i) => {
      const size = sizes[i];
      if (size !== undefined) this.panes.get(child)!.style.flex = `${Math.max(0, size)} 1 0px`;
    });
  }

  set_minimum_size(handle: WidgetHandle, min_px: number): void {
    const child = this.childOf(handle);
    this.mins.set(child, Math.max(0, min_px));
    this.applyMin(child);
  }

  protected override childReleased(child: Widget): void {
    const pane = this.panes.get(child);
    this.panes.delete(child);
    this.mins.delete(child);
    pane?.remove();
    this.arrange();
  }

  protected override teardown(): void {
    this.panes.clear();
    super.teardown();
  }

  // ---- layout -----------------------------------------------------------

  private applyMin(child: Widget): void {
    const pane = this.panes.get(child)!;
    const min = `${this.mins.get(child) ?? DEFAULT_MIN}px`;
    if (this.vertical) pane.style.minHeight = min;
    else pane.style.minWidth = min;
  }

  /** Puts panes and handles in order: pane, handle, pane, ... */
  private arrange(): void {
    const want = Math.max(0, this.children.length - 1);
    while (this.handles.length > want) this.handles.pop()!.remove();
    while (this.handles.length < want) this.handles.push(this.makeHandle(this.handles.length));
    this.children.forEach((child, i) => {
      this.element.appendChild(this.panes.get(child)!);
      const h = this.handles[i];
      if (h) this.element.appendChild(h);
    });
  }

  private makeHandle(index: number): HTMLDivElement {
    const h = el("div", "pgw-splitter-handle");
    h.tabIndex = 0;
    h.setAttribute("role", "separator");
    h.setAttribute("aria-orientation", this.vertical ? "horizontal" : "vertical");
    el("span", "pgw-splitter-grip", h);
    h.addEventListener("pointerdown", (ev) => this.pressed(index, h, ev));
    h.addEventListener("keydown", (ev) => this.key(index, ev));
    return h;
  }

  private measure(): number[] {
    return this.children.map((c) => {
      const r = this.panes.get(c)!.getBoundingClientRect();
      return this.vertical ? r.height : r.width;
    });
  }

  /**
   * Moves `delta` pixels from the pane after handle `index` to the one
   * before it (negative: the other way), within both panes' minimums;
   * every pane is fixed at its current size first, so the others keep theirs.
   */
  private shift(index: number, start: number[], delta: number): void {
    const a = this.children[index];
    const b = this.children[index + 1];
    if (!a || !b) return;
    const minA = this.mins.get(a) ?? DEFAULT_MIN;
    const minB = this.mins.get(b) ?? DEFAULT_MIN;
    const total = start[index]! + start[index + 1]!;
    const sizeA = Math.min(Math.max(start[index]! + delta, minA), Math.max(minA, total - minB));
    const sizes = [...start];
    sizes[index] = sizeA;
    sizes[index + 1] = Math.max(0, total - sizeA);
    this.set_sizes(sizes);
  }

  private report(): void {
    this.events.sizing(this.measure().map((s) => Math.round(s)));
  }

  private pressed(index: number, handle: HTMLDivElement, ev: PointerEvent): void {
    if (ev.button !== 0) return;
    ev.preventDefault();
    handle.focus({ preventScroll: true });
    const start = this.measure();
    handle.classList.add("pgw-active");
    drag(
      handle,
      ev,
      {
        move: (dx, dy) => this.shift(index, start, this.vertical ? dy : dx),
        end: (moved) => {
          handle.classList.remove("pgw-active");
          if (moved) this.report();
        },
      },
      1,
    );
  }

  private key(index: number, ev: KeyboardEvent): void {
    const back = this.vertical ? "ArrowUp" : "ArrowLeft";
    const forth = this.vertical ? "ArrowDown" : "ArrowRight";
    if (ev.key !== back && ev.key !== forth) return;
    ev.preventDefault();
    const step = ev.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
    this.shift(index, this.measure(), ev.key === back ? -step : step);
    this.report();
  }
}

