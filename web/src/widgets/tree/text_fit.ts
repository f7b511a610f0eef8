// Tells a cell's text that surely fits its width from one that may not, so
// that only the latter pays for a clip. A clipped cell (overflow: hidden,
// for the ellipsis) is a clip node of its own in Chromium's paint property
// trees; with every cell clipped, a scrolled frame of ~300 fresh cells spent
// about 2 ms of its 95th percentile on them (bench/run_tree_bench.mjs).
//
// The answer errs one way only: "fits" is said when the sum of the
// characters' advances, measured one by one in the cells' font with some
// slack, is within the width. Kerning only narrows such text, and any
// character outside printable ASCII (other scripts, emoji, fallback fonts)
// is never said to fit, so such text keeps its clip and its ellipsis.

const FIRST = 0x20;
const LAST = 0x7e;
/** Shaping, subpixel positions and rounding, with room to spare. */
const SLACK_PX = 2;
const SLACK_RATIO = 1.03;

/** A text's advance in px in one font, or null when nothing can measure. */
export type MeasureIn = (font: string) => ((text: string) => number) | null;

function canvasMeasure(font: string): ((text: string) => number) | null {
  const ctx = document.createElement("canvas").getContext("2d");
  if (!ctx || !font) return null;
  // A font the canvas cannot parse leaves its own (10px sans-serif) in place: measure nothing then.
  ctx.font = "1px a-font-not-there";
  const sentinel = ctx.font;
  ctx.font = font;
  if (ctx.font === sentinel) return null;
  return (text) => ctx.measureText(text).width;
}

/**
 * The font a canvas measures as the element's text is drawn, from its
 * computed style, or "" (nothing then fits) when the text is set wider than
 * its font alone says: spacing, transforms, a stretched face, synthesis of
 * features the canvas does not take.
 */
export function measurableFont(cs: CSSStyleDeclaration): string {
  const plain = (v: string, ok: string) => v === "" || v === ok;
  if (!plain(cs.letterSpacing, "normal") || !plain(cs.wordSpacing, "0px") || !plain(cs.textTransform, "none") ||
      !plain(cs.fontStretch, "100%") || !plain(cs.fontVariant, "normal") || !plain(cs.fontFeatureSettings, "normal")) {
    return "";
  }
  return `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
}

export class TextFit {
  private font: string | null = null;
  /** Until a font is measured, nothing fits. */
  private advances = new Float64Array(LAST - FIRST + 1).fill(Infinity);

  /** Measures the font's printable ASCII once, when the cells' font changes. */
  useFont(font: string, measureIn: MeasureIn = canvasMeasure): void {
    if (font === this.font) return;
    this.font = font;
    const measure = measureIn(font);
    for (let c = FIRST; c <= LAST; c++) {
      // Without a canvas (a test DOM) nothing fits.
      this.advances[c - FIRST] = measure ? measure(String.fromCharCode(c)) : Infinity;
    }
  }

  /** True when `text` in the measured font is surely no wider than `width` px. */
  fits(text: string, width: number): boolean {
    const room = (width - SLACK_PX) / SLACK_RATIO;
    let sum = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < FIRST || c > LAST) return false;
      sum += this.advances[c - FIRST]!;
      if (sum > room) return false;
    }
    return true;
  }
}
