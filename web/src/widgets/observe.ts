// One ResizeObserver for the whole page; widgets join it only while the
// server listens to their `resize` or `map` callbacks.

export interface Observed {
  readonly element: HTMLElement;
  /** The element's size (or rendering) changed. */
  sizeObserved(): void;
}

const targets = new Map<Element, Observed>();
let observer: ResizeObserver | null = null;

export function watch(w: Observed): void {
  if (targets.has(w.element)) return;
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) targets.get(entry.target)?.sizeObserved();
  });
  targets.set(w.element, w);
  observer.observe(w.element);
}

export function unwatch(w: Observed): void {
  if (!targets.delete(w.element)) return;
  observer?.unobserve(w.element);
}
