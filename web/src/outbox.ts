// Everything the browser sends, queued and coalesced: the replies to one
// server frame and all callbacks of one JavaScript turn leave as one frame.
import { create, toBinary } from "@bufbuild/protobuf";
import { proto } from "./schema.js";

export type ClientKind = proto.ClientMessage["kind"];

export class Outbox {
  private queue: proto.ClientMessage[] = [];
  private scheduled = false;
  private sink: ((frame: Uint8Array) => void) | null = null;
  framesSent = 0;

  /** Starts sending through `sink` (the open socket). */
  attach(sink: (frame: Uint8Array) => void): void {
    this.sink = sink;
  }

  /** Stops sending; whatever is queued is dropped. */
  detach(): void {
    this.sink = null;
    this.queue = [];
  }

  get attached(): boolean {
    return this.sink !== null;
  }

  push(kind: ClientKind): void {
    if (!this.sink) return;
    this.queue.push(create(proto.ClientMessageSchema, { kind }));
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  /** Sends everything queued now, as one frame. */
  flush(): void {
    if (!this.sink || this.queue.length === 0) return;
    const messages = this.queue;
    this.queue = [];
    this.sink(toBinary(proto.ClientFrameSchema, create(proto.ClientFrameSchema, { messages })));
    this.framesSent++;
  }

  /** Sends one frame at once, ahead of anything queued (the hello). */
  sendNow(kind: ClientKind): void {
    if (!this.sink) return;
    const messages = [create(proto.ClientMessageSchema, { kind })];
    this.sink(toBinary(proto.ClientFrameSchema, create(proto.ClientFrameSchema, { messages })));
    this.framesSent++;
  }
}
