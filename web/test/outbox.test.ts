// The outbox: everything queued in one JavaScript turn leaves as one frame.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { create, fromBinary } from "@bufbuild/protobuf";
import { Outbox } from "../src/outbox.js";
import { proto } from "../src/schema.js";

function result(seq: number): proto.ClientMessage["kind"] {
  return { case: "result", value: create(proto.ResultSchema, { seq }) };
}

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
});
