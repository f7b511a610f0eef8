// The controls' pure parts: numeric stepping and formatting (SpinBox,
// Slider, Dial) and color arithmetic (ColorWidget).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hexOf, hsvToRgb, parseColor, rgbToHsv } from "../src/parts/color.js";
import { NumericRange } from "../src/parts/numeric.js";

describe("NumericRange", () => {
  it("keeps values within the limits, whole for dtype int", () => {
    const r = new NumericRange("int", 0, 10, 1, undefined);
    assert.equal(r.fit(12), 10);
    assert.equal(r.fit(-3), 0);
    assert.equal(r.fit(2.6), 3);
    assert.equal(r.fit(Number.NaN), 0);
    assert.equal(new NumericRange("float", 0, 1, 0.1, undefined).fit(0.25), 0.25);
  });

  it("steps with the keys: arrows a step, pages a tenth, Home and End the limits", () => {
    const r = new NumericRange("int", 0, 100, 1, undefined);
    assert.equal(r.keyed("ArrowUp", 5), 6);
    assert.equal(r.keyed("ArrowLeft", 5), 4);
    assert.equal(r.keyed("PageUp", 5), 15);
    assert.equal(r.keyed("PageDown", 5), 0);
    assert.equal(r.keyed("Home", 50), 0);
    assert.equal(r.keyed("End", 50), 100);
    assert.equal(r.keyed("a", 50), undefined);
  });

  it("snaps a dragged value to the steps, without floating dust", () => {
    const r = new NumericRange("float", 0, 1, 0.1, undefined);
    assert.equal(r.snap(0.33), 0.3);
    assert.equal(r.snap(0.7000001), 0.7);
  });

  it("writes a float with its step's decimals, or the decimals set", () => {
    assert.equal(new NumericRange("float", 0, 1, 0.05, undefined).format(0.5), "0.50");
    assert.equal(new NumericRange("float", 0, 1, 0.05, 1).format(0.5), "0.5");
    assert.equal(new NumericRange("int", 0, 9, 1, undefined).format(3), "3");
  });
});

describe("color", () => {
  it("reads #rrggbb, #rgb and rgb(), and refuses anything else", () => {
    assert.deepEqual(parseColor("#336699"), [51, 102, 153]);
    assert.deepEqual(parseColor("f00"), [255, 0, 0]);
    assert.deepEqual(parseColor("rgb(1, 2, 3)"), [1, 2, 3]);
    assert.equal(parseColor("rgb(1, 2, 300)"), undefined);
    assert.equal(parseColor("red"), undefined);
    assert.equal(parseColor("https://example.com/x.png"), undefined);
  });

  it("goes round HSV and back", () => {
    for (const hex of ["#336699", "#ff0000", "#ffffff", "#000000", "#2f6fd6"]) {
      const rgb = parseColor(hex);
      assert.ok(rgb);
      assert.equal(hexOf(...hsvToRgb(...rgbToHsv(...rgb))), hex);
    }
  });
});
