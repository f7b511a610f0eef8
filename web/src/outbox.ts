// Everything the browser sends, queued and coalesced: the replies to one
// server frame and all callbacks of one JavaScript turn leave as one frame.
// Reports of a latest value (callbacks marked `coalesce` in the schema:
// sizes, positions, drags) wait for the next animation frame, one per
// widget and callback, the last value winning: a drag or 400 labels
// resized at once cost one frame per screen refresh, not one per event.
import { create, toBinary } from "@bufbuild/protobuf";
import { proto } from "./schema.js";

export type ClientKind = proto.ClientMessage["kind"];
type ClientMessage = proto.ClientMessage;

/** A hidden tab gets no animation frames: reports then go after this long. */
const REPORT_FALLBACK_MS = 100;
/**
 * Callbacks kept while no socket is open, to go with the next hello (the
 * server records them before it rebuilds the page); past it, the oldest go.
 */
const MAX_CARRIED = 1000;

export class Outbox {
  private queue: ClientMessage[] = [];
  /** Reports waiting for the animation frame, by "widget:callback". */
  private latest = new Map<string, ClientMessage>();
  /** Callbacks made while detached: they go with the next hello. */
  private carried: ClientMessage[] = [];
  private scheduled = false;
  /** Frames from the server being handled (begin()): they flush as they end. */
  private depth = 0;
  private frameRequest: number | undefined;
  private fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  private sink: ((frame: Uint8Array) => void) | null = null;
  framesSent = 0;

  /** Starts sending through `sink` (the open socket). */
  attach(sink: (frame: Uint8Array) => void): void {
    this.sink = sink;
  }

  /**
   * Stops sending. Replies still queued are dropped (the calls they answer
   * are over); callbacks, reports waiting for their animation frame
   * included, are carried to the next connection's hello.
   */
  detach(): void {
    this.sink = null;
    // The queue was made before the reports that wait.
    for (const m of this.queue) if (m.kind.case === "callback") this.carry(m);
    this.queue = [];
    this.takeLatest();
    this.cancelFrame();
  }

  get attached(): boolean {
    return this.sink !== null;
  }

  /** How many reports wait for the animation frame (tests). */
  get reportsWaiting(): number {
    return this.latest.size;
  }

  push(kind: ClientKind): void {
    const message = create(proto.ClientMessageSchema, { kind });
    if (!this.sink) {
      if (kind.case === "callback") this.carry(message);
      return;
    }
    // Reports made before this message keep their place before it.
    this.takeLatest();
    this.queue.push(message);
    if (this.depth === 0) this.schedule();
  }

  /**
   * A server frame is being handled: what it queues leaves as one frame at
   * end(), not from a microtask (a reply goes out before its task ends,
   * and the turn queues no microtask at all).
   */
  begin(): void {
    this.depth++;
  }

  end(): void {
    if (--this.depth === 0) this.flush();
  }

  /** A report of a latest value: replaces the one waiting under `key`. */
  report(key: string, kind: ClientKind): void {
    const message = create(proto.ClientMessageSchema, { kind });
    this.latest.set(key, message);
    if (!this.sink) return;
    if (this.frameRequest === undefined && this.fallbackTimer === undefined) {
      const send = () => {
        this.cancelFrame();
        this.takeLatest();
        this.flush();
      };
      // (Node, in the unit tests, has no animation frames: the timer serves.)
      if (typeof requestAnimationFrame === "function") this.frameRequest = requestAnimationFrame(send);
      this.fallbackTimer = setTimeout(send, REPORT_FALLBACK_MS);
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

  /** Sends everything now, reports waiting for their animation frame too (the page is going). */
  flushAll(): void {
    this.cancelFrame();
    this.takeLatest();
    this.flush();
  }

  /**
   * Sends one frame at once, ahead of anything queued (the hello), with the
   * callbacks carried from the last connection after it.
   */
  sendNow(kind: ClientKind): void {
    if (!this.sink) return;
    this.takeLatest();
    const carried = this.carried.concat(this.queue.filter((m) => m.kind.case === "callback"));
    this.queue = this.queue.filter((m) => m.kind.case !== "callback");
    this.carried = [];
    const messages = [create(proto.ClientMessageSchema, { kind }), ...carried];
    this.sink(toBinary(proto.ClientFrameSchema, create(proto.ClientFrameSchema, { messages })));
    this.framesSent++;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Moves the waiting reports into the queue (or, detached, to the carried ones). */
  private takeLatest(): void {
    if (this.latest.size === 0) return;
    const reports = [...this.latest.values()];
    this.latest.clear();
    if (this.sink) this.queue.push(...reports);
    else for (const m of reports) this.carry(m);
  }

  private carry(m: ClientMessage): void {
    this.carried.push(m);
    if (this.carried.length > MAX_CARRIED) this.carried.shift();
  }

  private cancelFrame(): void {
    if (this.frameRequest !== undefined && typeof cancelAnimationFrame === "function") {
      cancelAnimationFrame(this.frameRequest);
    }
    if (this.fallbackTimer !== undefined) clearTimeout(this.fallbackTimer);
    this.frameRequest = undefined;
    this.fallbackTimer = undefined;
  }
}
