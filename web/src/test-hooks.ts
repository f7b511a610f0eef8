// Hooks for tests that drive every widget generically (browser:
// every_widget): each live widget with the events object its callbacks go
// through, so a test fires any callback exactly as the widget itself would,
// without knowing which DOM gesture triggers it. Installed only when the
// page's URL has `pgwidgets-test` in its query: ordinary pages keep no
// extra reference and pay nothing.
import type { Registry } from "./registry.js";
import type { WidgetFactories, WidgetHandle } from "./schema.js";

/** A callback of an events object, called with the callback's TypeScript arguments. */
export type EventFunction = (...args: never[]) => void;

export interface TestWidget {
  readonly widgetId: number;
  readonly classId: number;
  /** The implementation: what an events function takes for a widget argument. */
  readonly handle: WidgetHandle;
  readonly element: HTMLElement;
  /** The runtime floats it on the desktop and never puts it inside another widget. */
  readonly isWindow: boolean;
  /** Its callbacks by name (`activated`, `child_added`), as the dispatcher made them. */
  readonly events: Readonly<Record<string, EventFunction>>;
}

export interface TestHooks {
  /** The live widget with this id, or undefined (never created, or destroyed). */
  widget(id: number): TestWidget | undefined;
}

export function testHooksRequested(): boolean {
  return new URLSearchParams(location.search).has("pgwidgets-test");
}

type AnyFactory = (id: number, args: unknown, events: Record<string, EventFunction>) => WidgetHandle;

/**
 * Wraps every factory so that the events object each widget is built with
 * is kept (weakly, by widget) for the hooks.
 */
export function installTestHooks(factories: WidgetFactories, registry: Registry): TestHooks {
  const eventsOf = new WeakMap<WidgetHandle, Record<string, EventFunction>>();
  const table = factories as unknown as Record<string, AnyFactory>;
  for (const name of Object.keys(table)) {
    const make = table[name];
    table[name] = (id, args, events) => {
      const impl = make(id, args, events);
      eventsOf.set(impl, events);
      return impl;
    };
  }
  return {
    widget(id: number): TestWidget | undefined {
      const entry = registry.get(id);
      if (!entry) return undefined;
      const impl = entry.impl as WidgetHandle & { readonly isWindow?: boolean };
      return Object.freeze({
        widgetId: id,
        classId: entry.classId,
        handle: impl,
        element: impl.element,
        isWindow: impl.isWindow === true,
        events: eventsOf.get(impl) ?? {},
      });
    },
  };
}
