// A page as the runtime builds it (registry, outbox, desktop, the real
// widget factories, the frame processor), with its socket replaced by a
// list of the frames it sent. Tests talk to it in encoded ServerFrames,
// like the server does.
import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape } from "@bufbuild/protobuf";
import { makeContext } from "../../src/context.js";
import { Desktop } from "../../src/desktop.js";
import { Outbox } from "../../src/outbox.js";
import { FrameProcessor } from "../../src/processor.js";
import { Registry } from "../../src/registry.js";
import { classes, isA, methods, proto } from "../../src/schema.js";
import { makeFactories } from "../../src/widgets/index.js";

export type ServerKind = proto.ServerMessage["kind"];

export function classId(name: string): number {
  for (const c of classes.values()) if (c.name === name) return c.id;
  throw new Error(`no class ${name} in the schema`);
}

/** The id of `className`'s method `name` (declared there or inherited). */
export function methodId(className: string, name: string): number {
  const cls = classId(className);
  for (const m of methods.values()) if (m.name === name && isA(cls, m.classId)) return m.id;
  throw new Error(`${className} has no method ${name} in the schema`);
}

export function encode<D extends DescMessage>(schema: D, init: MessageInitShape<D>): Uint8Array {
  return toBinary(schema, create(schema, init));
}

export function createOf(
  widgetId: number,
  className: string,
  args: Uint8Array = new Uint8Array(0),
  opts: { seq?: number; ack?: boolean; classId?: number } = {},
): ServerKind {
  return {
    case: "create",
    value: create(proto.CreateSchema, {
      seq: opts.seq ?? 0,
      widgetId,
      classId: opts.classId ?? classId(className),
      args,
      ack: opts.ack ?? false,
    }),
  };
}

export function callOf(
  widgetId: number,
  className: string,
  method: string,
  args: Uint8Array = new Uint8Array(0),
  opts: { seq?: number; ack?: boolean; quiet?: boolean } = {},
): ServerKind {
  return {
    case: "call",
    value: create(proto.CallSchema, {
      seq: opts.seq ?? 0,
      widgetId,
      methodId: methodId(className, method),
      args,
      ack: opts.ack ?? false,
      quiet: opts.quiet ?? false,
    }),
  };
}

export function frameOf(...kinds: ServerKind[]): Uint8Array {
  return toBinary(
    proto.ServerFrameSchema,
    create(proto.ServerFrameSchema, { messages: kinds.map((kind) => create(proto.ServerMessageSchema, { kind })) }),
  );
}

export class TestPage {
  readonly registry = new Registry();
  readonly outbox = new Outbox();
  readonly desktop: Desktop;
  readonly processor: FrameProcessor;
  /** Every frame the page sent, decoded, oldest first. */
  readonly sent: proto.ClientMessage[][] = [];
  readonly hellos: proto.ServerHello[] = [];
  readonly serverErrors: string[] = [];

  /**
   * `widgetsForget: false` leaves out the widgets' own report of their
   * destruction (main.ts wires it to the registry), to see what the
   * processor does by itself.
   */
  constructor(opts: { widgetsForget?: boolean } = {}) {
    document.body.replaceChildren();
    this.desktop = new Desktop(document.body);
    const widgetsForget = opts.widgetsForget ?? true;
    const factories = makeFactories({
      desktop: this.desktop,
      released: (w) => {
        if (widgetsForget) this.registry.forget(w.widgetId);
      },
    });
    this.outbox.attach((bytes) => this.sent.push(fromBinary(proto.ClientFrameSchema, bytes).messages));
    this.processor = new FrameProcessor(this.registry, factories, this.outbox, makeContext(this.registry, this.outbox), {
      hello: (h) => this.hellos.push(h),
      serverError: (m) => this.serverErrors.push(m),
    });
  }

  /** Runs one server frame made of `kinds`. */
  receive(...kinds: ServerKind[]): void {
    this.processor.process(frameOf(...kinds));
  }

  /** The messages of every frame sent so far, flattened, and forgets them. */
  takeSent(): proto.ClientMessage["kind"][] {
    const out = this.sent.flat().map((m) => m.kind);
    this.sent.length = 0;
    return out;
  }

  impl(id: number) {
    const entry = this.registry.get(id);
    if (!entry) throw new Error(`no widget ${id} on the page`);
    return entry.impl;
  }
}
