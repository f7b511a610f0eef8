// TextFit, which lets a grid cell skip its clip: it may only say "fits"
// when the text surely fits, so every doubt answers false.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { measurableFont, TextFit } from "../src/widgets/tree/text_fit.js";

/** Every character 7 px wide, "W" 12. */
const measureIn = () => (text: string) => (text === "W" ? 12 : 7) * text.length;

describe("TextFit", () => {
  it("says nothing fits before a font is measured, or when nothing can measure", () => {
    const fit = new TextFit();
    assert.equal(fit.fits("a", 1000), false);
    fit.useFont("13px test", () => null);
    assert.equal(fit.fits("a", 1000), false);
  });

  it("sums the characters' advances, with slack, against the width", () => {
    const fit = new TextFit();
    fit.useFont("13px test", measureIn);
    assert.equal(fit.fits("", 0), true);
    // 10 x 7 = 70 px: the room for 80 px is (80 - 2) / 1.03 = 75.7.
    assert.equal(fit.fits("abcdefghij", 80), true);
    assert.equal(fit.fits("abcdefghij", 73), false);
    // Five W's are 60 px, not 35.
    assert.equal(fit.fits("WWWWW", 60), false);
    assert.equal(fit.fits("WWWWW", 64), true);
  });

  it("never says text outside printable ASCII fits: other scripts and emoji keep their clip", () => {
    const fit = new TextFit();
    fit.useFont("13px test", measureIn);
    for (const s of ["\u6f22", "caf\u00e9", "\ud83d\ude00", "a\tb", "\ufdfd"]) assert.equal(fit.fits(s, 1000), false, s);
  });

  it("measures again when the font changes, and only then", () => {
    const fit = new TextFit();
    let calls = 0;
    const counting = (px: number) => () => (text: string) => (calls++, px * text.length);
    fit.useFont("13px a", counting(7));
    fit.useFont("13px a", counting(7));
    assert.equal(calls, 95);
    assert.equal(fit.fits("abc", 30), true);
    fit.useFont("26px a", counting(14));
    assert.equal(calls, 190);
    assert.equal(fit.fits("abc", 30), false);
  });
});

describe("measurableFont", () => {
  const style = (over: Record<string, string> = {}) => ({
    fontStyle: "normal", fontWeight: "400", fontSize: "13px", fontFamily: "system-ui, sans-serif",
    letterSpacing: "normal", wordSpacing: "0px", textTransform: "none", fontStretch: "100%",
    fontVariant: "normal", fontFeatureSettings: "normal", ...over,
  }) as unknown as CSSStyleDeclaration;

  it("gives the canvas the cells' font from its longhands", () => {
    assert.equal(measurableFont(style()), "normal 400 13px system-ui, sans-serif");
    assert.equal(measurableFont(style({ fontWeight: "700", fontStyle: "italic" })), "italic 700 13px system-ui, sans-serif");
  });

  it("gives none (nothing fits) when the text is set wider than its font says", () => {
    const wider: Record<string, string>[] = [{ letterSpacing: "1px" }, { wordSpacing: "4px" }, { textTransform: "uppercase" },
      { fontStretch: "125%" }, { fontVariant: "small-caps" }, { fontFeatureSettings: '"tnum"' }];
    for (const over of wider) {
      assert.equal(measurableFont(style(over)), "", JSON.stringify(over));
    }
  });
});
