// The live widgets of the current session: id -> implementation, class and
// the callbacks the server listens to.
import type { WidgetHandle } from "./schema.js";

/** Optional hooks a widget implementation may offer the runtime. */
export interface RuntimeHooks {
  /**
   * Told when the server starts / stops listening to a callback; `resumed`
   * when a rebuilt page re-listens (what it already reported is not news).
   */
  listening?(callbackName: string, on: boolean, resumed: boolean): void;
  /** The widget's children (containers), for forgetting a destroyed tree. */
  childHandles?(): readonly WidgetHandle[];
  /** Removes the widget from the page without telling anyone (disconnect). */
  dispose?(): void;
}

export type LiveImpl = WidgetHandle & RuntimeHooks;

export interface LiveWidget {
  readonly impl: LiveImpl;
  readonly classId: number;
  readonly listened: Set<number>;
}

export class Registry {
  private readonly live = new Map<number, LiveWidget>();

  get size(): number {
    return this.live.size;
  }

  get(id: number): LiveWidget | undefined {
    return this.live.get(id);
  }

  has(id: number): boolean {
    return this.live.has(id);
  }

  add(id: number, impl: LiveImpl, classId: number): void {
    this.live.set(id, { impl, classId, listened: new Set() });
  }

  forget(id: number): void {
    this.live.delete(id);
  }

  /** The widget and everything below it, parents first. */
  tree(impl: LiveImpl): LiveImpl[] {
    const out: LiveImpl[] = [];
    const walk = (w: LiveImpl) => {
      out.push(w);
      for (const c of w.childHandles?.() ?? []) walk(c as LiveImpl);
    };
    walk(impl);
    return out;
  }

  /** Adds or removes a listened callback; true when that changed anything. */
  setListening(widgetId: number, callbackId: number, on: boolean): boolean {
    const entry = this.live.get(widgetId);
    if (!entry) return false;
    if (on === entry.listened.has(callbackId)) return false;
    if (on) entry.listened.add(callbackId);
    else entry.listened.delete(callbackId);
    return true;
  }

  /** Drops every widget and takes them off the page (the session is gone). */
  clear(): void {
    const all = [...this.live.values()];
    this.live.clear();
    for (const { impl } of all) {
      if (impl.dispose) impl.dispose();
      else impl.element.remove();
    }
  }
}
