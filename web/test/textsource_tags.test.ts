// TextSource's tag drawing: overlapping tags merge their styles in the
// order they were applied, a segment no tag covers is plain, and a burst of
// apply_tag calls in one task is drawn once, after them (a 100,000-line
// document with 1,000 tags sent in one message was drawn 1,000 times, each
// over every tag: seconds before its first line showed).
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TextSource } from "../src/widgets/textsource/textsource.js";
import type { TextSourceEvents } from "../src/schema.js";
import { Bench, recorder } from "./support/widgets.js";

function source(text: string): TextSource {
  const bench = new Bench();
  const w = new TextSource(1, { text, wrap: "none", line_numbers: false, icon_gutter: false, editable: true, font_family: "", font_size: 13 },
    recorder<TextSourceEvents>(1, bench.events), bench.env);
  document.body.appendChild(w.element);
  return w;
}

/** Each drawn piece of the first line: its text and its style attribute ("" when plain). */
function pieces(w: TextSource): [string, string][] {
  const line = w.element.querySelector(".cm-line")!;
  return [...line.childNodes].map((n) => [n.textContent ?? "", n.nodeType === 1 ? (n as Element).getAttribute("style") ?? "" : ""]);
}

const tick = () => new Promise<void>((r) => queueMicrotask(r));

describe("TextSource tags are drawn", () => {
  it("overlapping tags merge in the order they were applied; a gap stays plain", async () => {
    const w = source("aaaaabbbbbcccccddddd");
    w.create_tag("red", { foreground: "red" } as never);
    w.create_tag("blue", { foreground: "blue", bold: true } as never);
    w.apply_tag("red", 0, 10);
    w.apply_tag("blue", 5, 15);
    w.apply_tag("red", 12, 13);
    await tick();
    const got = pieces(w);
    assert.deepEqual(got.map(([t]) => t), ["aaaaa", "bbbbb", "cc", "c", "cc", "ddddd"]);
    const [a, b, c1, c2, c3, d] = got.map(([, s]) => s);
    assert.match(a!, /color: ?red/);
    assert.doesNotMatch(a!, /bold/);
    assert.match(b!, /color: ?blue/, "blue was applied after red: its colour wins");
    assert.match(b!, /bold/);
    assert.equal(c1, c3);
    assert.match(c2!, /color: ?red/, "the second red, applied last, wins over blue");
    assert.match(c2!, /bold/, "blue's weight stays under it");
    assert.equal(d, "", "past every tag: plain");
  });

  it("the order is the application's, not the position's: a tag applied later wins where it starts earlier", async () => {
    const w = source("aaaaabbbbbccccc");
    w.create_tag("red", { foreground: "red" } as never);
    w.create_tag("blue", { foreground: "blue" } as never);
    w.apply_tag("blue", 5, 15);
    w.apply_tag("red", 0, 10);
    await tick();
    const got = pieces(w);
    assert.deepEqual(got.map(([t]) => t), ["aaaaa", "bbbbb", "ccccc"]);
    assert.match(got[1]![1], /color: ?red/, "red, applied last, wins over the blue under it");
    assert.match(got[2]![1], /color: ?blue/);
  });

  it("a burst of apply_tag calls is drawn once, after them", async () => {
    const w = source("x".repeat(2000));
    w.create_tag("t", { foreground: "green" } as never);
    const view = (w as unknown as { view: { dispatch: (...a: unknown[]) => void } }).view;
    let draws = 0;
    const dispatch = view.dispatch.bind(view);
    view.dispatch = (...a: unknown[]) => { draws++; dispatch(...a); };
    for (let i = 0; i < 100; i++) w.apply_tag("t", i * 20, i * 20 + 10);
    assert.equal(draws, 0, "drawn before the burst ended");
    await tick();
    assert.equal(draws, 1);
    assert.equal(pieces(w).filter(([, s]) => /green/.test(s)).length > 0, true);
  });
});
