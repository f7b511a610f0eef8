// A scrolling box whose position, as fractions of its scrollable range, is
// state the server keeps (ScrollArea, MDIWidget). The user's scrolling is
// reported once it stops; a position the server sets is put back, also when
// the content is laid out only later (a rebuilt page, a tab not shown yet),
// and the scroll event our own move causes is not taken for the user's.
import type { ScrollPercentValue } from "../schema.js";
import { whenQuiet, type Quiet } from "./debounce.js";

export class ScrollFractions {
  /** A position asked for that the box could not take yet. */
  private wanted: ScrollPercentValue | null = null;
  /** Where our own last scroll put the box: its scroll event is not the user's. */
  private own: { left: number; top: number } | null = null;
  private readonly report: Quiet;

  /**
   * `scrolled` gets the user's position once scrolling has been quiet for
   * `quietMs`; `moved` runs after every scroll, ours or the user's.
   */
  constructor(
    private readonly box: HTMLElement,
    scrolled: (h_pct: number, v_pct: number) => void,
    quietMs: number,
    private readonly moved: () => void = () => {},
  ) {
    this.report = whenQuiet(() => {
      const p = this.get();
      scrolled(p.h_pct, p.v_pct);
    }, quietMs);
    box.addEventListener("scroll", () => this.onScroll(), { passive: true });
  }

  /** Where the box is scrolled now. */
  get(): ScrollPercentValue {
    const v = this.box;
    const maxX = v.scrollWidth - v.clientWidth;
    const maxY = v.scrollHeight - v.clientHeight;
    return {
      h_pct: maxX > 0 ? clampFraction(v.scrollLeft / maxX) : 0,
      v_pct: maxY > 0 ? clampFraction(v.scrollTop / maxY) : 0,
    };
  }

  /** The server's position: taken now, or as soon as the content allows. */
  set(h_pct: number, v_pct: number): void {
    this.report.cancel();
    this.wanted = { h_pct: clampFraction(h_pct), v_pct: clampFraction(v_pct) };
    this.apply();
  }

  /** Something else (the user moving windows) makes a wanted position stale. */
  forget(): void {
    this.wanted = null;
  }

  /**
   * Scrolls to the wanted fractions; keeps wanting them while an axis that
   * should move cannot (not laid out yet, or the content not that big).
   * Call it whenever the box or its content changes size.
   */
  apply(): void {
    const want = this.wanted;
    if (!want) return;
    const v = this.box;
    const maxX = v.scrollWidth - v.clientWidth;
    const maxY = v.scrollHeight - v.clientHeight;
    const left = Math.round(want.h_pct * Math.max(0, maxX));
    const top = Math.round(want.v_pct * Math.max(0, maxY));
    if (Math.round(v.scrollLeft) !== left || Math.round(v.scrollTop) !== top) {
      this.own = { left, top };
      v.scrollLeft = left;
      v.scrollTop = top;
      this.moved();
    }
    const reachable = (pct: number, max: number) => pct === 0 || max > 0;
    if (reachable(want.h_pct, maxX) && reachable(want.v_pct, maxY)) this.wanted = null;
  }

  cancel(): void {
    this.report.cancel();
  }

  private onScroll(): void {
    this.moved();
    const v = this.box;
    const own = this.own;
    this.own = null;
    if (own && Math.abs(v.scrollLeft - own.left) <= 1 && Math.abs(v.scrollTop - own.top) <= 1) return;
    // The user's (or the content shrank under it): what it is now replaces
    // any position still wanted.
    this.wanted = null;
    this.report();
  }
}

export function clampFraction(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}
