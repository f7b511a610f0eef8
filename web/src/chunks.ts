// Reassembles the server messages that come in chunks (protocol.proto,
// Chunk): a message over 1 MiB is sent as its encoding's pieces, in order,
// between the other traffic. One stream is under way at a time; a chunk
// that breaks the rules (another stream before the first is complete, an
// offset other than the bytes received so far, more bytes than its total,
// a total that changes) drops the stream and is reported, never applied.
import { proto } from "./schema.js";

/** The largest message the page reassembles (1 GiB): a sanity bound, far over any image. */
export const MAX_CHUNKED_BYTES = 1 << 30;

export type ChunkOutcome =
  /** Taken; `complete` holds the whole message's bytes when this was the last chunk. */
  | { ok: true; received: number; complete?: Uint8Array }
  | { ok: false; error: string };

export class ChunkAssembler {
  private stream = 0;
  private total = 0;
  private received = 0;
  private buffer: Uint8Array | null = null;
  /** Messages reassembled, and chunks refused (tests). */
  completed = 0;
  refused = 0;

  /** Whether a stream is under way. */
  get busy(): boolean {
    return this.buffer !== null;
  }

  accept(chunk: proto.Chunk): ChunkOutcome {
    const fail = (error: string): ChunkOutcome => {
      this.refused++;
      this.reset();
      return { ok: false, error: `chunk of stream ${chunk.streamId}: ${error}` };
    };
    const offset = Number(chunk.offset);
    const total = Number(chunk.total);
    if (this.buffer === null) {
      if (offset !== 0) return fail(`starts at ${offset}, not 0`);
      if (total <= 0 || total > MAX_CHUNKED_BYTES) return fail(`total ${total} is out of range`);
      this.stream = chunk.streamId;
      this.total = total;
      this.received = 0;
      this.buffer = new Uint8Array(total);
    } else {
      if (chunk.streamId !== this.stream) return fail(`stream ${this.stream} is not complete`);
      if (total !== this.total) return fail(`total ${total}, was ${this.total}`);
      if (offset !== this.received) return fail(`offset ${offset}, expected ${this.received}`);
    }
    if (chunk.data.length === 0) return fail("no data");
    if (this.received + chunk.data.length > this.total) {
      return fail(`${this.received + chunk.data.length} bytes, over its total ${this.total}`);
    }
    this.buffer!.set(chunk.data, this.received);
    this.received += chunk.data.length;
    const received = this.received;
    if (received < this.total) return { ok: true, received };
    const complete = this.buffer!;
    this.reset();
    this.completed++;
    return { ok: true, received, complete };
  }

  /** The connection is gone: a half-received message is dropped. */
  reset(): void {
    this.buffer = null;
    this.stream = 0;
    this.total = 0;
    this.received = 0;
  }
}
