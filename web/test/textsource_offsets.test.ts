// TextSource's offsets (web/src/widgets/textsource/offsets.ts) against the
// shared table (tests/cases/textsource_offsets.json): every character
// boundary both ways, on the string and through the whole-document index
// CodeMirror's text goes through, and every offset or position that has no
// counterpart refused.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Text } from "@codemirror/state";
import table from "../../tests/cases/textsource_offsets.json";
import { utf16ToUtf8, utf8Length, utf8ToUtf16, Utf8Index } from "../src/widgets/textsource/offsets.js";

const doc = (s: string) => Text.of(s.split("\n"));

describe("TextSource offsets: the shared table", () => {
  for (const c of table.cases) {
    it(c.name, () => {
      const index = new Utf8Index(doc(c.text));
      assert.equal(utf8Length(c.text), c.pairs[c.pairs.length - 1]![1]);
      assert.equal(index.length, utf8Length(c.text));
      for (const [pos, bytes] of c.pairs as [number, number][]) {
        assert.equal(utf16ToUtf8(c.text, pos), bytes, `position ${pos} of ${JSON.stringify(c.text)}`);
        assert.equal(utf8ToUtf16(c.text, bytes), pos, `offset ${bytes} of ${JSON.stringify(c.text)}`);
        assert.equal(index.toBytes(pos), bytes, `index: position ${pos}`);
        assert.equal(index.toPos(bytes), pos, `index: offset ${bytes}`);
      }
    });
  }
  for (const b of table.bad_offsets) {
    it(`byte offset ${b.offset} of ${JSON.stringify(b.text)} is refused`, () => {
      assert.throws(() => utf8ToUtf16(b.text, b.offset), RangeError);
      assert.throws(() => new Utf8Index(doc(b.text)).toPos(b.offset), RangeError);
    });
  }
  for (const b of table.bad_positions) {
    it(`position ${b.position} of ${JSON.stringify(b.text)} is refused`, () => {
      assert.throws(() => utf16ToUtf8(b.text, b.position), RangeError);
      assert.throws(() => new Utf8Index(doc(b.text)).toBytes(b.position), RangeError);
    });
  }
  it("a long document converts by line: the last line's offsets", () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `\u65e5 ${i} \u{1F600}`);
    const text = lines.join("\n");
    const index = new Utf8Index(doc(text));
    const pos = text.lastIndexOf("\u{1F600}");
    const bytes = new TextEncoder().encode(text.slice(0, pos)).length;
    assert.equal(index.toBytes(pos), bytes);
    assert.equal(index.toPos(bytes), pos);
    assert.throws(() => index.toPos(bytes + 1), RangeError);
  });
});
