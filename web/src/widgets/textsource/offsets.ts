// Offsets at the TextSource boundary: C++ counts UTF-8 bytes into its
// std::string, the editor (CodeMirror, like every DOM API) counts UTF-16
// code units. These convert one to the other exactly and refuse what has no
// counterpart: a byte offset inside a character's bytes, a UTF-16 position
// between the halves of a surrogate pair, anything past the end.
//
// Per character: U+0000..U+007F is 1 byte and 1 unit, ..U+07FF 2 bytes and
// 1 unit, ..U+FFFF 3 bytes and 1 unit (CJK), beyond (emoji) 4 bytes and 2
// units (a surrogate pair). A lone surrogate counts 3 bytes, as the U+FFFD
// that the UTF-8 encoding of the text puts there.
import type { Text } from "@codemirror/state";

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Bytes of the character starting at unit `i` of `s`, and its units. */
function charAt(s: string, i: number): [bytes: number, units: number] {
  const c = s.charCodeAt(i);
  if (c < 0x80) return [1, 1];
  if (c < 0x800) return [2, 1];
  if (isHigh(c) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) return [4, 2];
  return [3, 1];
}

/** The UTF-8 length of `s`, in bytes. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; ) {
    const [b, u] = charAt(s, i);
    n += b;
    i += u;
  }
  return n;
}

/** The byte offset of UTF-16 position `pos` in `s`. */
export function utf16ToUtf8(s: string, pos: number): number {
  if (!Number.isInteger(pos) || pos < 0 || pos > s.length) {
    throw new RangeError(`position ${pos} is out of range 0..${s.length}`);
  }
  let bytes = 0;
  let i = 0;
  while (i < pos) {
    const [b, u] = charAt(s, i);
    if (i + u > pos) throw new RangeError(`position ${pos} splits a surrogate pair`);
    bytes += b;
    i += u;
  }
  return bytes;
}

/** The UTF-16 position of byte offset `offset` in `s`. */
export function utf8ToUtf16(s: string, offset: number): number {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`offset ${offset} is negative or not an integer`);
  let bytes = 0;
  let i = 0;
  while (bytes < offset) {
    if (i >= s.length) throw new RangeError(`offset ${offset} is past the end (${bytes} bytes)`);
    const [b, u] = charAt(s, i);
    if (bytes + b > offset) throw new RangeError(`offset ${offset} is inside a character (it starts at byte ${bytes})`);
    bytes += b;
    i += u;
  }
  return i;
}

/**
 * Conversions over a whole CodeMirror document, for documents of any size:
 * the byte offset where each line starts, built once per document version
 * (each conversion is then a binary search and a scan of one line).
 */
export class Utf8Index {
  private readonly starts: Float64Array;
  /** The document's length in bytes. */
  readonly length: number;

  constructor(readonly doc: Text) {
    const starts = new Float64Array(doc.lines);
    let acc = 0;
    let n = 0;
    for (const iter = doc.iterLines(); !iter.next().done; ) {
      starts[n++] = acc;
      acc += utf8Length(iter.value) + 1;
    }
    this.starts = starts;
    this.length = acc - 1;
  }

  /** The byte offset of UTF-16 position `pos`. */
  toBytes(pos: number): number {
    if (!Number.isInteger(pos) || pos < 0 || pos > this.doc.length) {
      throw new RangeError(`position ${pos} is out of range 0..${this.doc.length}`);
    }
    const line = this.doc.lineAt(pos);
    return this.starts[line.number - 1]! + utf16ToUtf8(line.text, pos - line.from);
  }

  /** The UTF-16 position of byte offset `offset`; a clear error for one that has none. */
  toPos(offset: number): number {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.length) {
      throw new RangeError(`offset ${offset} is out of range 0..${this.length} (UTF-8 bytes)`);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const line = this.doc.line(lo + 1);
    return line.from + utf8ToUtf16(line.text, offset - this.starts[lo]!);
  }

  /** The byte offset where line `n` (from 0) starts. */
  lineStart(n: number): number {
    return this.starts[n]!;
  }
}
