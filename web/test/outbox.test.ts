// The outbox: everything queued in one JavaScript turn leaves as one frame;
// reports of a latest value wait for the animation frame, the last winning;
// callbacks made while detached go with the next hello.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { create, fromBinary } from "@bufbuild/protobuf";
import { Outbox } from "../src/outbox.js";
import { proto } from "../src/schema.js";

function result(seq: number): proto.ClientMessage["kind"] {
  return { case: "result", value: create(proto.ResultSchema, { seq }) };
}

/** A callback whose args are the one byte `value`. */
function callback(widgetId: number, callbackId: number, value: number): proto.ClientMessage["kind"] {
  return {
    case: "callback",
    value: create(proto.CallbackEventSchema, { widgetId, callbackId, args: new Uint8Array([value]) }),
  };
}

/** Each frame's messages as "r<seq>", "c<widget>:<callback>=<value>" or "hello". */
function decoded(bytes: Uint8Array): string[] {
  return fromBinary(proto.ClientFrameSchema, bytes).messages.map((m) => {
    const k = m.kind;
    if (k.case === "result") return `r${k.value.seq}`;
    if (k.case === "callback") return `c${k.value.widgetId}:${k.value.callbackId}=${k.value.args[0]}`;
    return String(k.case);
  });
}

const hello: proto.ClientMessage["kind"] = { case: "hello", value: create(proto.ClientHelloSchema, {}) };
const pastFallback = () => new Promise<void>((resolve) => setTimeout(resolve, 150));

/** An attached outbox and the seqs of each frame it sent. */
function attached(): { outbox: Outbox; frames: number[][] } {
  const outbox = new Outbox();
  const frames: number[][] = [];
  outbox.attach((bytes) => {
    const frame = fromBinary(proto.ClientFrameSchema, bytes);
    frames.push(frame.messages.map((m) => (m.kind.case === "result" ? m.kind.value.seq : -1)));
  });
  return { outbox, frames };
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("Outbox", () => {
  it("sends everything pushed in one turn as one frame, once the turn ends", async () => {
    const { outbox, frames } = attached();
    outbox.push(result(1));
    outbox.push(result(2));
    outbox.push(result(3));
    assert.deepEqual(frames, [], "nothing leaves before the turn ends");
    await nextTurn();
    assert.deepEqual(frames, [[1, 2, 3]]);
    assert.equal(outbox.framesSent, 1);
  });

  it("sends one frame per turn", async () => {
    const { outbox, frames } = attached();
    outbox.push(result(1));
    await nextTurn();
    outbox.push(result(2));
    outbox.push(result(3));
    await nextTurn();
    await nextTurn();
    assert.deepEqual(frames, [[1], [2, 3]]);
    assert.equal(outbox.framesSent, 2);
  });

  it("flush sends the queue at once, and the end of the turn adds no empty frame", async () => {
    const { outbox, frames } = attached();
    outbox.push(result(1));
    outbox.flush();
    assert.deepEqual(frames, [[1]]);
    await nextTurn();
    assert.deepEqual(frames, [[1]]);
    assert.equal(outbox.framesSent, 1);
  });

  it("what a server frame queues leaves as the frame ends, with no microtask", async () => {
    const { outbox, frames } = attached();
    const real = globalThis.queueMicrotask;
    let queued = 0;
    globalThis.queueMicrotask = (f) => {
      queued++;
      real(f);
    };
    try {
      outbox.begin();
      outbox.push(result(1));
      outbox.begin();  // begin/end nest: only the outermost end sends
      outbox.push(result(2));
      outbox.end();
      assert.deepEqual(frames, [], "nothing leaves before the outer frame ends");
      outbox.end();
      assert.deepEqual(frames, [[1, 2]], "the replies leave as the frame ends, in its task");
      assert.equal(queued, 0);
    } finally {
      globalThis.queueMicrotask = real;
    }
    // Outside a frame a push is flushed at the end of its turn again.
    outbox.push(result(3));
    assert.deepEqual(frames, [[1, 2]]);
    await nextTurn();
    assert.deepEqual(frames, [[1, 2], [3]]);
  });

  it("sendNow sends its one message at once, ahead of the queue", async () => {
    const { outbox, frames } = attached();
    outbox.push(result(1));
    outbox.sendNow(result(9));
    assert.deepEqual(frames, [[9]]);
    await nextTurn();
    assert.deepEqual(frames, [[9], [1]]);
    assert.equal(outbox.framesSent, 2);
  });

  it("drops what is pushed while detached", async () => {
    const outbox = new Outbox();
    assert.equal(outbox.attached, false);
    outbox.push(result(1));
    outbox.sendNow(result(2));
    const sent: Uint8Array[] = [];
    outbox.attach((b) => sent.push(b));
    await nextTurn();
    outbox.flush();
    assert.deepEqual(sent, []);
    assert.equal(outbox.framesSent, 0);
  });

  it("detach drops the queue: nothing of the old connection reaches a new one", async () => {
    const { outbox, frames } = attached();
    outbox.push(result(1));
    outbox.detach();
    assert.equal(outbox.attached, false);
    const later: Uint8Array[] = [];
    outbox.attach((b) => later.push(b));
    await nextTurn();
    assert.deepEqual(frames, []);
    assert.deepEqual(later, []);
  });

  it("report keeps the last value per key until the animation frame, in one frame", async () => {
    const outbox = new Outbox();
    const frames: string[][] = [];
    outbox.attach((b) => frames.push(decoded(b)));
    for (let v = 1; v <= 50; v++) outbox.report("7:1", callback(7, 1, v));
    outbox.report("8:1", callback(8, 1, 3));
    await nextTurn();
    assert.deepEqual(frames, [], "reports wait for the animation frame");
    assert.equal(outbox.reportsWaiting, 2);
    await pastFallback();
    assert.deepEqual(frames, [["c7:1=50", "c8:1=3"]]);
  });

  it("a message pushed after reports sends them first, keeping their order", async () => {
    const outbox = new Outbox();
    const frames: string[][] = [];
    outbox.attach((b) => frames.push(decoded(b)));
    outbox.report("7:1", callback(7, 1, 1));
    outbox.push(callback(9, 2, 5));
    await nextTurn();
    assert.deepEqual(frames, [["c7:1=1", "c9:2=5"]]);
    await pastFallback();
    assert.equal(frames.length, 1, "nothing is sent twice");
  });

  it("flushAll sends waiting reports at once", () => {
    const outbox = new Outbox();
    const frames: string[][] = [];
    outbox.attach((b) => frames.push(decoded(b)));
    outbox.push(result(1));
    outbox.report("7:1", callback(7, 1, 4));
    outbox.flushAll();
    assert.deepEqual(frames, [["r1", "c7:1=4"]]);
  });

  it("detach carries callbacks and waiting reports to the next hello; replies are dropped", async () => {
    const outbox = new Outbox();
    outbox.attach(() => {});
    outbox.push(result(1));
    outbox.push(callback(9, 2, 5));
    outbox.report("7:1", callback(7, 1, 1));
    outbox.detach();
    outbox.report("7:1", callback(7, 1, 2));
    outbox.push(callback(9, 2, 6));
    const frames: string[][] = [];
    outbox.attach((b) => frames.push(decoded(b)));
    outbox.sendNow(hello);
    assert.deepEqual(frames, [["hello", "c9:2=5", "c7:1=1", "c9:2=6", "c7:1=2"]]);
    await pastFallback();
    assert.equal(frames.length, 1);
  });
});
