// Pointer drags with capture: the title bar and the resize grips.

export interface DragHandlers {
  /** Total pointer movement since the press. */
  move(dx: number, dy: number): void;
  /** The button went up; `moved` tells whether the pointer moved at all. */
  end(moved: boolean): void;
}

/** Follows the pointer pressed in `ev` on `target` until it is released. */
export function drag(target: HTMLElement, ev: PointerEvent, handlers: DragHandlers, threshold = 3): void {
  const x0 = ev.clientX;
  const y0 = ev.clientY;
  let moved = false;
  try {
    target.setPointerCapture(ev.pointerId);
  } catch {
    // Synthetic events have no capturable pointer; listening still works.
  }
  document.documentElement.classList.add("pgw-dragging");
  const onMove = (e: PointerEvent) => {
    const dx = e.clientX - x0;
    const dy = e.clientY - y0;
    if (!moved && Math.abs(dx) + Math.abs(dy) < threshold) return;
    moved = true;
    handlers.move(dx, dy);
  };
  const onUp = () => {
    target.removeEventListener("pointermove", onMove);
    target.removeEventListener("pointerup", onUp);
    target.removeEventListener("pointercancel", onUp);
    document.documentElement.classList.remove("pgw-dragging");
    handlers.end(moved);
  };
  target.addEventListener("pointermove", onMove);
  target.addEventListener("pointerup", onUp);
  target.addEventListener("pointercancel", onUp);
}
