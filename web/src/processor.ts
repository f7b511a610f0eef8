// Runs the messages of each ServerFrame, strictly in order, and queues the
// replies; they leave together when the frame is done.
import { beginFrame, endFrame } from "./frame_end.js";
import { setRebuilding } from "./rebuild_phase.js";
import { create, fromBinary } from "@bufbuild/protobuf";
import type { RuntimeContext } from "./context.js";
import type { Outbox } from "./outbox.js";
import type { LiveImpl, Registry } from "./registry.js";
import {
  callbacks,
  classes,
  isA,
  methods,
  proto,
  type WidgetFactories,
} from "./schema.js";
import { uploader } from "./uploads.js";
import { ChunkAssembler } from "./chunks.js";
import { openUrl, registerFont, setDefaultFont, setFavicon } from "./page_features.js";

export interface ProcessorHooks {
  /** The server's hello arrived. */
  hello(hello: proto.ServerHello): void;
  /** The server reported a protocol error. */
  serverError(message: string): void;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return String(e.message);
  return String(e);
}

export class FrameProcessor {
  framesReceived = 0;
  /** Rebuilds completed (Rebuild END seen). */
  rebuildsDone = 0;
  /** Size of the frame that ended the last rebuild (the hello and rebuild travel together). */
  lastRebuildBytes = 0;
  private frameBytes = 0;
  /** Between a Rebuild BEGIN and END: the page is being recreated. */
  private rebuilding = false;
  /** Messages that come in chunks (protocol.proto, Chunk). */
  readonly chunks = new ChunkAssembler();

  constructor(
    private readonly registry: Registry,
    private readonly factories: WidgetFactories,
    private readonly outbox: Outbox,
    private readonly ctx: RuntimeContext,
    private readonly hooks: ProcessorHooks,
  ) {}

  /** Decodes and runs one binary frame. */
  process(bytes: Uint8Array): void {
    this.framesReceived++;
    this.frameBytes = bytes.length;
    let frame: proto.ServerFrame;
    try {
      frame = fromBinary(proto.ServerFrameSchema, bytes);
    } catch (e) {
      this.hooks.serverError(`undecodable frame from the server: ${messageOf(e)}`);
      return;
    }
    this.outbox.begin();
    beginFrame(this.ctx);
    try {
      for (const message of frame.messages) {
        try {
          this.run(message);
        } catch (e) {
          // Each message answers its own failures; this is a runtime bug.
          console.error("pgwidgets: failed to process a message", message, e);
        }
      }
    } finally {
      // What the frame's calls changed is reported with its replies.
      endFrame();
      this.outbox.end();
    }
  }

  /** A stray END, or a frame that never ended its rebuild, must not leave the page muted. */
  private rebuild(phase: proto.Rebuild_Phase): void {
    if (phase === proto.Rebuild_Phase.BEGIN && !this.rebuilding) {
      this.rebuilding = true;
      setRebuilding(true);
      this.ctx.mute();
    } else if (phase === proto.Rebuild_Phase.END && this.rebuilding) {
      this.rebuilding = false;
      setRebuilding(false);
      this.ctx.unmute();
      this.rebuildsDone++;
      this.lastRebuildBytes = this.frameBytes;
    }
  }

  /** The connection is gone: whatever was under way is over. */
  reset(): void {
    this.chunks.reset();
    if (!this.rebuilding) return;
    this.rebuilding = false;
    setRebuilding(false);
    this.ctx.unmute();
  }

  private run(message: proto.ServerMessage): void {
    const k = message.kind;
    switch (k.case) {
      case "hello":
        this.hooks.hello(k.value);
        break;
      case "create":
        this.create(k.value);
        break;
      case "call":
        this.call(k.value);
        break;
      case "listen":
        this.listen(k.value.widgetId, k.value.callbackId, true);
        break;
      case "unlisten":
        this.listen(k.value.widgetId, k.value.callbackId, false);
        break;
      case "error":
        this.hooks.serverError(k.value.message);
        break;
      case "rebuild":
        this.rebuild(k.value.phase);
        break;
      case "uploadAck":
        uploader.acked(k.value.uploadId, k.value.taken);
        break;
      case "uploadRefused":
        uploader.refused(k.value.uploadId, k.value.message);
        break;
      case "chunk":
        this.chunk(k.value);
        break;
      case "registerFont":
        registerFont(k.value);
        break;
      case "defaultFont":
        setDefaultFont(k.value);
        break;
      case "openUrl":
        openUrl(k.value.url);
        break;
      case "favicon":
        setFavicon(k.value.url);
        break;
      case undefined:
        break;
    }
  }

  /** A piece of a large message: acked at once; the whole runs when complete. */
  private chunk(c: proto.Chunk): void {
    const r = this.chunks.accept(c);
    if (!r.ok) {
      console.error(`pgwidgets: ${r.error}`);
      return;
    }
    this.outbox.push({
      case: "chunkAck",
      value: create(proto.ChunkAckSchema, { streamId: c.streamId, received: BigInt(r.received) }),
    });
    if (!r.complete) return;
    let message: proto.ServerMessage;
    try {
      message = fromBinary(proto.ServerMessageSchema, r.complete);
    } catch (e) {
      console.error(`pgwidgets: undecodable chunked message (stream ${c.streamId}): ${messageOf(e)}`);
      return;
    }
    if (message.kind.case === "chunk") {
      console.error(`pgwidgets: a chunked message holds a chunk (stream ${c.streamId})`);
      return;
    }
    this.run(message);
  }

  private create(c: proto.Create): void {
    const cls = classes.get(c.classId);
    const fail = (message: string) =>
      this.error(c.seq, message, c.widgetId, 0, c.classId);
    if (!cls) return fail(`unknown class id ${c.classId}`);
    if (!cls.create) return fail(`cannot create a ${cls.name}: it is an abstract class`);
    if (this.registry.has(c.widgetId)) return fail(`widget id ${c.widgetId} already exists`);
    let impl: LiveImpl;
    try {
      impl = cls.create(this.factories, c.widgetId, c.args, this.ctx);
    } catch (e) {
      return fail(messageOf(e));
    }
    this.registry.add(c.widgetId, impl, c.classId);
    if (c.ack) this.result(c.seq, undefined);
  }

  private call(c: proto.Call): void {
    const entry = this.registry.get(c.widgetId);
    if (!entry) return this.error(c.seq, `unknown widget id ${c.widgetId}`, c.widgetId, c.methodId, 0);
    const method = methods.get(c.methodId);
    if (!method || !isA(entry.classId, method.classId)) {
      const className = classes.get(entry.classId)?.name ?? `class #${entry.classId}`;
      const methodName = method?.name ?? `#${c.methodId}`;
      return this.error(c.seq, `${className} has no method ${methodName}`, c.widgetId, c.methodId, entry.classId);
    }
    // A destroyed container takes its descendants with it.
    const doomed = method.kind === "destroy" ? this.registry.tree(entry.impl) : [];
    let value: Uint8Array | undefined;
    try {
      // A quiet call is state another browser changed: applied, never echoed.
      value = c.quiet ? this.ctx.muted(() => method.invoke(entry.impl, c.args, this.ctx)) : method.invoke(entry.impl, c.args, this.ctx);
    } catch (e) {
      return this.error(c.seq, messageOf(e), c.widgetId, c.methodId, entry.classId);
    }
    for (const w of doomed) this.registry.forget(w.widgetId);
    if (value !== undefined || c.ack) this.result(c.seq, value);
  }

  private listen(widgetId: number, callbackId: number, on: boolean): void {
    const entry = this.registry.get(widgetId);
    const cb = callbacks.get(callbackId);
    if (!entry || !cb) {
      console.warn(`pgwidgets: ${on ? "listen" : "unlisten"} for unknown widget ${widgetId} / callback ${callbackId}`);
      return;
    }
    // Listens replayed by a rebuild resume reports made before it: sizes and
    // mappings the server has heard of are not reported again.
    if (this.registry.setListening(widgetId, callbackId, on)) entry.impl.listening?.(cb.name, on, this.rebuilding);
  }

  private result(seq: number, value: Uint8Array | undefined): void {
    this.outbox.push({
      case: "result",
      value: create(proto.ResultSchema, { seq, value: value ?? new Uint8Array(0) }),
    });
  }

  private error(seq: number, message: string, widgetId: number, methodId: number, classId: number): void {
    console.warn(`pgwidgets: call ${seq} failed: ${message}`);
    this.outbox.push({
      case: "error",
      value: create(proto.ErrorSchema, { seq, message, widgetId, methodId, classId }),
    });
  }
}
