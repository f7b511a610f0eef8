// The widget packages the page was built with: the SDK's, then any user
// packages a page's entry adds before it boots (pgwidgets_add_widgets builds
// such an entry). Their classes, methods and callbacks are found by id here;
// ids are hashes of full names, so packages never shift each other's ids.
import {
  widgetPackage as core,
  type CallbackEntry,
  type ClassEntry,
  type MethodEntry,
  type WidgetPackage,
} from "../../generated/ts/dispatch.js";

export const classes = new Map<number, ClassEntry>(core.classes);
export const methods = new Map<number, MethodEntry>(core.methods);
export const callbacks = new Map<number, CallbackEntry>(core.callbacks);

/** The user packages, in the order they were added (the hello lists them). */
export const userPackages: WidgetPackage[] = [];

function merge<T extends { readonly id: number; readonly name: string }>(
  into: Map<number, T>,
  from: ReadonlyMap<number, T>,
  kind: string,
  pkg: string,
): void {
  for (const [id, entry] of from) {
    const taken = into.get(id);
    if (taken && taken !== entry) {
      throw new Error(`pgwidgets: package ${pkg}: ${kind} id ${id} of ${entry.name} collides with ${taken.name}`);
    }
  }
  for (const [id, entry] of from) into.set(id, entry);
}

/** Adds a user package; a second package of one name, or colliding ids, throw. */
export function addPackage(p: WidgetPackage): void {
  if (p.name === core.name || userPackages.some((q) => q.name === p.name)) {
    throw new Error(`pgwidgets: widget package ${p.name} added twice`);
  }
  merge(classes, p.classes, "class", p.name);
  merge(methods, p.methods, "method", p.name);
  merge(callbacks, p.callbacks, "callback", p.name);
  userPackages.push(p);
}

/** Whether class `classId` is `ancestorId` or derives from it, in any package. */
export function isA(classId: number, ancestorId: number): boolean {
  for (let c = classes.get(classId); c; c = c.base ? classes.get(c.base) : undefined) {
    if (c.id === ancestorId) return true;
  }
  return false;
}
