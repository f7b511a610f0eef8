// The DispatchContext the generated code calls back into.
import { create } from "@bufbuild/protobuf";
import type { Outbox } from "./outbox.js";
import type { Registry } from "./registry.js";
import { proto, type DispatchContext, type WidgetHandle } from "./schema.js";

export function makeContext(registry: Registry, outbox: Outbox): DispatchContext {
  return {
    widget(id: number): WidgetHandle {
      const entry = registry.get(id);
      if (!entry) throw new Error(`unknown widget id ${id}`);
      return entry.impl;
    },
    emit(widgetId: number, callbackId: number, args: Uint8Array, state: boolean): void {
      const entry = registry.get(widgetId);
      if (!entry) return;
      if (!state && !entry.listened.has(callbackId)) return;
      outbox.push({
        case: "callback",
        value: create(proto.CallbackEventSchema, { widgetId, callbackId, args }),
      });
    },
  };
}
