// The page's side of chunked messages (protocol.proto, Chunk): pieces are
// appended in order and the message runs, as if it had come whole, when its
// last piece is in; each chunk is acked; a chunk that breaks the rules
// drops the stream and is never applied. Messages for other widgets
// between the chunks run at once. Also Image's format signatures.
import "./support/dom.js";
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it, mock } from "node:test";
import { create, toBinary } from "@bufbuild/protobuf";
import { ChunkAssembler } from "../src/chunks.js";
import { proto } from "../src/schema.js";
import { hasSignature } from "../src/widgets/image/image.js";
import * as pb_base from "../../generated/ts/pb/pgwidgets/widgets/base_pb.js";
import * as pb_display from "../../generated/ts/pb/pgwidgets/widgets/display_pb.js";
import { callOf, createOf, encode, TestPage, type ServerKind } from "./support/page.js";

function chunk(streamId: number, offset: number, total: number, data: Uint8Array): proto.Chunk {
  return create(proto.ChunkSchema, { streamId, offset: BigInt(offset), total: BigInt(total), data });
}

function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, Math.min(bytes.length, i + size)));
  return out;
}

describe("ChunkAssembler", () => {
  it("reassembles pieces in order into the whole, intact", () => {
    const whole = new Uint8Array(1000).map((_, i) => (i * 7) & 0xff);
    const a = new ChunkAssembler();
    let offset = 0;
    let done: Uint8Array | undefined;
    for (const p of pieces(whole, 300)) {
      const r = a.accept(chunk(1, offset, whole.length, p));
      assert.ok(r.ok);
      offset += p.length;
      assert.equal(r.received, offset);
      if (r.complete) done = r.complete;
    }
    assert.deepEqual(done, whole);
    assert.equal(a.completed, 1);
    assert.equal(a.busy, false);
  });

  it("refuses an out-of-order piece, another stream mid-way, too many bytes, a first piece not at 0", () => {
    const data = new Uint8Array(100).fill(1);
    const a = new ChunkAssembler();
    assert.ok(a.accept(chunk(1, 0, 300, data)).ok);
    const skipped = a.accept(chunk(1, 200, 300, data));
    assert.ok(!skipped.ok && /offset 200, expected 100/.test(skipped.error));
    assert.equal(a.busy, false, "the stream is dropped");
    assert.ok(a.accept(chunk(2, 0, 300, data)).ok);
    const other = a.accept(chunk(3, 100, 300, data));
    assert.ok(!other.ok && /stream 2 is not complete/.test(other.error));
    assert.ok(a.accept(chunk(4, 0, 150, data)).ok);
    const over = a.accept(chunk(4, 100, 150, data));
    assert.ok(!over.ok && /over its total 150/.test(over.error));
    const late = a.accept(chunk(5, 50, 150, data));
    assert.ok(!late.ok && /starts at 50/.test(late.error));
    assert.equal(a.completed, 0);
    assert.equal(a.refused, 4);
  });
});

describe("FrameProcessor with chunks", () => {
  let page: TestPage;
  let errors: string[];
  beforeEach(() => {
    page = new TestPage();
    errors = [];
    mock.method(console, "error", (...args: unknown[]) => errors.push(args.join(" ")));
  });
  afterEach(() => mock.restoreAll());

  const setText = (id: number, text: string): ServerKind =>
    callOf(id, "Label", "set_text", encode(pb_base.TextSchema, { text }));

  it("acks each chunk, runs other widgets' messages between them, runs the message when complete", () => {
    page.receive(createOf(1, "Label", encode(pb_display.LabelArgsSchema, { text: "a" })));
    page.receive(createOf(2, "Label", encode(pb_display.LabelArgsSchema, { text: "b" })));
    page.takeSent();
    const big = "x".repeat(5000);
    const msg = create(proto.ServerMessageSchema, { kind: setText(1, big) });
    const bytes = toBinary(proto.ServerMessageSchema, msg);
    const parts = pieces(bytes, 2048);
    const label = (id: number) => (page.impl(id) as unknown as { element: HTMLElement }).element.textContent;
    let offset = 0;
    parts.forEach((p, i) => {
      page.receive({ case: "chunk", value: chunk(9, offset, bytes.length, p) }, setText(2, `between ${i}`));
      offset += p.length;
      // The other label changed at once; the chunked text only at the end.
      assert.equal(label(2), `between ${i}`);
      assert.equal(label(1), i === parts.length - 1 ? big : "a");
      const acks = page.takeSent().filter((k) => k.case === "chunkAck");
      assert.equal(acks.length, 1);
      assert.equal((acks[0]!.value as proto.ChunkAck).received, BigInt(offset));
    });
    assert.deepEqual(errors, []);
  });

  it("a chunk out of order is logged, not acked, and never applied", () => {
    page.receive(createOf(1, "Label", encode(pb_display.LabelArgsSchema, { text: "a" })));
    page.takeSent();
    const bytes = toBinary(proto.ServerMessageSchema, create(proto.ServerMessageSchema, { kind: setText(1, "y".repeat(3000)) }));
    const [first, second, third] = pieces(bytes, 1024);
    page.receive({ case: "chunk", value: chunk(3, 0, bytes.length, first!) });
    page.receive({ case: "chunk", value: chunk(3, 2048, bytes.length, third!) });
    page.receive({ case: "chunk", value: chunk(3, 1024, bytes.length, second!) });
    const acks = page.takeSent().filter((k) => k.case === "chunkAck");
    assert.equal(acks.length, 1, "only the first was taken");
    assert.equal((page.impl(1) as unknown as { element: HTMLElement }).element.textContent, "a");
    assert.equal(errors.length, 2);
  });
});

describe("Image format signatures", () => {
  it("knows each format's first bytes", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    const gif = new TextEncoder().encode("GIF89a");
    const webp = new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 ");
    assert.ok(hasSignature(png, "png") && !hasSignature(png, "jpeg"));
    assert.ok(hasSignature(jpeg, "jpeg") && !hasSignature(jpeg, "png"));
    assert.ok(hasSignature(gif, "gif") && !hasSignature(gif, "webp"));
    assert.ok(hasSignature(webp, "webp") && !hasSignature(webp, "gif"));
    assert.ok(!hasSignature(new Uint8Array(0), "jpeg"));
  });
});
