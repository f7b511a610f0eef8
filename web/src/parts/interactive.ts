// The InteractiveEvents trait's DOM side (schema/pgwidgets/widgets/events.proto):
// wires pointer, wheel, key, focus and drag-drop listeners on a widget's
// element and reports them as typed records, as pgwidgets' `interactive`
// option does (Widget._initInteractiveEvents). Called only for a widget
// created with `interactive`: without it nothing listens. The reports go
// through the generated events, which send only what the server listens to.
import type {
  DragOverEvent,
  DropEvent,
  InteractiveEventsEvents,
  KeyEvent,
  Modifiers,
  PointerEvent as PgwPointerEvent,
  ScrollEvent,
} from "../schema.js";

/** The modifier keys of a DOM mouse or keyboard event. */
export function modifiersOf(e: MouseEvent | KeyboardEvent): Modifiers {
  return { alt: e.altKey, ctrl: e.ctrlKey, shift: e.shiftKey, meta: e.metaKey };
}

/**
 * DOM buttons (1 left, 2 right, 4 middle) as pgwidgets' mask: 0x1 left,
 * 0x2 middle, 0x4 right.
 */
export function buttonMask(buttons: number): number {
  return (buttons & 1) | ((buttons & 4) >> 1) | ((buttons & 2) << 1);
}

/** A DOM mouse (or pointer, wheel, drag) event as the schema's PointerEvent. */
export function pointerRecord(element: HTMLElement, e: MouseEvent): PgwPointerEvent {
  const rect = element.getBoundingClientRect();
  const p = e as Partial<globalThis.PointerEvent>;
  return {
    x: e.clientX - rect.left,
    y: e.clientY - rect.top,
    viewport_x: e.clientX,
    viewport_y: e.clientY,
    button_trigger: e.button + 1,
    button_mask: buttonMask(e.buttons),
    modifiers: modifiersOf(e),
    pointer_id: p.pointerId ?? 0,
    pointer_type: p.pointerType ?? "",
    pressure: p.pressure ?? 0,
    is_primary: p.isPrimary ?? false,
    time_stamp: e.timeStamp,
  };
}

export function keyRecord(e: KeyboardEvent): KeyEvent {
  return { key: e.key, keycode: e.code, repeat: e.repeat, modifiers: modifiersOf(e), time_stamp: e.timeStamp };
}

export function scrollRecord(element: HTMLElement, e: WheelEvent): ScrollEvent {
  return {
    pointer: pointerRecord(element, e),
    delta_x: e.deltaX,
    delta_y: e.deltaY,
    delta_z: e.deltaZ,
    delta_mode: e.deltaMode,
  };
}

/** What a drop offers, with each file's name, type and size (never its contents). */
export function dropRecord(element: HTMLElement, e: DragEvent): DropEvent {
  const dt = e.dataTransfer;
  const text = dt?.getData("text/plain") ?? "";
  let url = dt?.getData("text/uri-list") ?? "";
  // A link dragged from the address bar comes as text: promote it, as pgwidgets does.
  const trimmed = text.trim();
  if (!url && (/^https?:\/\/\S+$/.test(trimmed) || /^file:\/\/\S+$/.test(trimmed))) url = trimmed;
  const files = [...(dt?.files ?? [])].map((f) => ({
    name: f.name,
    type: f.type || "application/octet-stream",
    size: BigInt(f.size),
  }));
  return {
    pointer: pointerRecord(element, e),
    types: [...(dt?.types ?? [])],
    text,
    url,
    html: dt?.getData("text/html") ?? "",
    files,
  };
}

export function dragOverRecord(element: HTMLElement, e: DragEvent): DragOverEvent {
  return { pointer: pointerRecord(element, e), types: [...(e.dataTransfer?.types ?? [])] };
}

/**
 * Listens to `element`'s DOM events and reports them through `events`; the
 * element takes the keyboard focus (tabindex 0) so it gets key events.
 */
export function wireInteractive(element: HTMLElement, events: InteractiveEventsEvents): void {
  element.tabIndex = 0;
  element.classList.add("pgw-interactive");
  const pointer = (e: MouseEvent): PgwPointerEvent => pointerRecord(element, e);
  element.addEventListener("pointerdown", (e) => events.pointer_down(pointer(e)));
  element.addEventListener("pointermove", (e) => events.pointer_move(pointer(e)));
  element.addEventListener("pointerup", (e) => events.pointer_up(pointer(e)));
  // enter / leave the widget itself, not each of its parts (pgwidgets
  // listens to pointerover / pointerout, which also fire between parts).
  element.addEventListener("pointerenter", (e) => events.enter(pointer(e)));
  element.addEventListener("pointerleave", (e) => events.leave(pointer(e)));
  element.addEventListener("wheel", (e) => events.scroll(scrollRecord(element, e)), { passive: true });
  element.addEventListener("click", (e) => events.click(pointer(e)));
  element.addEventListener("dblclick", (e) => events.dblclick(pointer(e)));
  element.addEventListener("contextmenu", (e) => {
    e.preventDefault();
    events.contextmenu(pointer(e));
  });
  element.addEventListener("keydown", (e) => events.key_down(keyRecord(e)), true);
  element.addEventListener("keyup", (e) => events.key_up(keyRecord(e)), true);
  element.addEventListener("keypress", (e) => events.key_press(keyRecord(e)), true);
  element.addEventListener("focus", (e) => events.focus_in({ time_stamp: e.timeStamp }), true);
  element.addEventListener("focusout", (e) => events.focus_out({ time_stamp: e.timeStamp }), true);
  // dragenter and dragover must both claim the drop, or the browser opens the file.
  element.addEventListener("dragenter", (e) => {
    e.preventDefault();
    e.stopPropagation();
  });
  element.addEventListener("dragover", (e) => {
    e.preventDefault();
    e.stopPropagation();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    events.drag_over(dragOverRecord(element, e));
  });
  element.addEventListener("drop", (e) => {
    e.preventDefault();
    e.stopPropagation();
    const record = dropRecord(element, e);
    events.drop_start(record);
    // No contents are read: each file is done at once, reported as
    // pgwidgets reports a file's completion, then the drop ends.
    record.files.forEach((f, i) =>
      events.drop_progress({
        transferred_bytes: f.size,
        total_bytes: f.size,
        file_name: f.name,
        file_index: i,
        file_count: record.files.length,
      }),
    );
    events.drop_end(record);
  });
}
