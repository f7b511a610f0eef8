// The page's uploader: no byte of a file before the server accepts it,
// never more than the window of chunks unacknowledged, chunks in order, and
// a refusal or a lost connection ends the file with nothing more sent.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fromBinary } from "@bufbuild/protobuf";
import { Outbox } from "../src/outbox.js";
import { proto } from "../src/schema.js";
import { Uploader } from "../src/uploads.js";

const CHUNK = proto.UploadLimit.CHUNK_BYTES as number;
const WINDOW = proto.UploadLimit.WINDOW_CHUNKS as number;
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 30));

function setup() {
  const outbox = new Outbox();
  const sent: proto.ClientMessage["kind"][] = [];
  outbox.attach((bytes) => {
    for (const m of fromBinary(proto.ClientFrameSchema, bytes).messages) sent.push(m.kind);
  });
  const notices: string[] = [];
  const uploader = new Uploader();
  uploader.attach(outbox, (m) => notices.push(m));
  const chunks = () =>
    sent.filter((k) => k.case === "uploadChunk").map((k) => (k.value as proto.UploadChunk));
  return { outbox, sent, notices, uploader, chunks };
}

function file(size: number): File {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 13) & 0xff;
  return new File([bytes], "a.bin", { type: "application/x-test" });
}

describe("uploader", () => {
  it("waits for the server's acceptance, keeps the window, sends the chunks in order", async () => {
    const { sent, uploader, chunks } = setup();
    const size = 6 * CHUNK + 10;
    const done = uploader.send(7, [file(size)]);
    await settle();
    const start = sent.find((k) => k.case === "uploadStart")?.value as proto.UploadStart;
    assert.equal(start.widgetId, 7);
    assert.equal(start.size, BigInt(size));
    assert.equal(chunks().length, 0, "no byte before the server accepted the file");
    uploader.acked(start.uploadId, 0n);
    await settle();
    assert.equal(chunks().length, WINDOW, "a window of chunks, no more");
    uploader.acked(start.uploadId, BigInt(CHUNK));
    await settle();
    assert.equal(chunks().length, WINDOW + 1);
    uploader.acked(start.uploadId, BigInt(3 * CHUNK));
    await settle();
    assert.equal(chunks().length, 7);
    const all = chunks();
    all.forEach((c, i) => assert.equal(c.offset, BigInt(i * CHUNK)));
    assert.equal(all[6]!.data.length, 10);
    assert.ok(all.every((c) => c.data.length <= CHUNK));
    uploader.acked(start.uploadId, BigInt(size));
    assert.deepEqual(await done, ["done"]);
    assert.equal(uploader.active, 0);
  });

  it("a refusal shows the server's message and stops the file", async () => {
    const { sent, notices, uploader, chunks } = setup();
    const done = uploader.send(7, [file(3 * CHUNK)]);
    await settle();
    const start = sent.find((k) => k.case === "uploadStart")?.value as proto.UploadStart;
    uploader.refused(start.uploadId, "too big");
    assert.deepEqual(await done, ["refused"]);
    assert.deepEqual(notices, ["too big"]);
    uploader.acked(start.uploadId, 0n);  // late: ignored
    await settle();
    assert.equal(chunks().length, 0);
  });

  it("a lost connection ends every upload", async () => {
    const { uploader } = setup();
    const done = uploader.send(7, [file(CHUNK), file(CHUNK)]);
    await settle();
    uploader.reset();
    assert.deepEqual(await done, ["lost"]);
    assert.equal(uploader.active, 0);
  });
});
