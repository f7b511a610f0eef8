// The DispatchContext the generated code calls back into, and the muting
// the processor applies while callbacks must not reach the server.
import { create } from "@bufbuild/protobuf";
import { reportNow } from "./frame_end.js";
import type { Outbox } from "./outbox.js";
import type { Registry } from "./registry.js";
import { callbacks, proto, type DispatchContext, type WidgetHandle } from "./schema.js";

export interface RuntimeContext extends DispatchContext {
  /**
   * Runs `fn` with every callback it causes dropped: the page being rebuilt
   * from the server's state, or state another browser changed. Nests.
   */
  muted<T>(fn: () => T): T;
  /** Starts / ends a muted stretch spanning several messages (a rebuild). */
  mute(): void;
  unmute(): void;
  readonly isMuted: boolean;
}

export function makeContext(registry: Registry, outbox: Outbox): RuntimeContext {
  let depth = 0;
  return {
    widget(id: number): WidgetHandle {
      const entry = registry.get(id);
      if (!entry) throw new Error(`unknown widget id ${id}`);
      return entry.impl;
    },
    emit(widgetId: number, callbackId: number, args: Uint8Array, state: boolean): void {
      if (depth > 0) return;
      const entry = registry.get(widgetId);
      if (!entry) return;
      // The widget's report deferred to the frame's end goes first (frame_end.ts).
      reportNow(entry.impl);
      if (!state && !entry.listened.has(callbackId)) return;
      const kind = {
        case: "callback" as const,
        value: create(proto.CallbackEventSchema, { widgetId, callbackId, args }),
      };
      // A report of a latest value waits for the animation frame, the last winning.
      if (callbacks.get(callbackId)?.coalesce) outbox.report(`${widgetId}:${callbackId}`, kind);
      else outbox.push(kind);
    },
    muted<T>(fn: () => T): T {
      depth++;
      try {
        return fn();
      } finally {
        depth--;
      }
    },
    mute(): void {
      depth++;
    },
    unmute(): void {
      if (depth > 0) depth--;
    },
    get isMuted(): boolean {
      return depth > 0;
    },
  };
}
