// What Dialog and ColorDialog share: a window on the desktop framed by
// parts/window_frame (title bar to move, grips to resize, a close box),
// hidden until shown, centered the first time unless placed, and, when
// modal, an overlay over the rest of the page that takes every click,
// with the keyboard focus kept inside (Tab and Shift+Tab cycle through the
// dialog's controls). Escape cancels: the dialog hides and reports close,
// as its close box does.
// Drawn by dialog.css (imported by dialog.ts; one page stylesheet holds every module's).
import { rebuilding } from "../../rebuild_phase.js";
import { el } from "../../dom.js";
import type { DesktopWindow } from "../../desktop.js";
import { WindowFrame } from "../../parts/window_frame.js";
import type { ContainerEvents, PositionValue } from "../../schema.js";
import { Container } from "../container.js";
import type { WidgetEnv } from "../widget.js";

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** The dialogs shown, in the order they were shown: the last one takes the keys. */
const shownDialogs: DialogWindow[] = [];

let keysHooked = false;
function hookKeys(): void {
  if (keysHooked) return;
  keysHooked = true;
  // Capture phase: the dialog decides before any widget sees the key.
  document.addEventListener("keydown", (e) => shownDialogs[shownDialogs.length - 1]?.key(e), true);
  document.addEventListener("focusin", (e) => shownDialogs[shownDialogs.length - 1]?.focusMoved(e), true);
}

export interface DialogHooks {
  moved(x: number, y: number): void;
  resized(width: number, height: number): void;
  /** The user closed the dialog (close box or Escape); it is hidden already. */
  closed(): void;
}

export abstract class DialogWindow extends Container implements DesktopWindow {
  override readonly isWindow = true;
  protected readonly frame: WindowFrame;
  private readonly overlay: HTMLDivElement;
  private modal: boolean;
  /** Whether a place was set or reported: an unplaced dialog is centered when shown. */
  private placed = false;

  protected constructor(
    widgetId: number,
    className: string,
    env: WidgetEnv,
    events: ContainerEvents,
    flags: { title: string; resizable: boolean; moveable: boolean; modal: boolean },
    private readonly hooks: DialogHooks,
  ) {
    super(widgetId, className, env, events, el("div", "pgw-dialog"));
    this.frame = new WindowFrame(
      this.element,
      {
        resizable: flags.resizable,
        moveable: flags.moveable,
        closeable: true,
        minimizable: false,
        maximizable: false,
        lowerable: false,
        shadeable: false,
      },
      {
        area: env.desktop.element,
        raise: () => this.env.desktop.raise(this),
        lower: () => this.env.desktop.lower(this),
        moved: (x, y) => {
          this.placed = true;
          hooks.moved(x, y);
        },
        resized: (w, h) => hooks.resized(w, h),
        stateChanged: () => {},
        closeRequested: () => this.cancel(),
      },
    );
    this.frame.setTitle(flags.title);
    this.modal = flags.modal;
    this.overlay = el("div", "pgw-dialog-overlay");
    // The overlay takes the clicks meant for the page under it.
    for (const type of ["pointerdown", "mousedown", "click", "dblclick", "contextmenu", "wheel"]) {
      this.overlay.addEventListener(type, (e) => {
        e.preventDefault();
        e.stopPropagation();
      });
    }
    this.shown = false;
    this.element.classList.add("pgw-hidden");
    this.element.tabIndex = -1;
    hookKeys();
    env.desktop.add(this);
  }

  get onScreen(): boolean {
    return this.shown;
  }

  get isModal(): boolean {
    return this.modal;
  }

  protected override get surface(): HTMLElement {
    return this.frame.content;
  }

  // ---- place ------------------------------------------------------------

  set_position(x: number, y: number): void {
    this.placed = true;
    this.frame.setPosition(x, y);
  }

  override get_position(): PositionValue {
    return this.frame.position;
  }

  set_title(title: string): void {
    this.frame.setTitle(title);
  }

  set_modal(tf: boolean): void {
    this.modal = tf;
    this.syncOverlay();
  }

  popup(x: number | undefined, y: number | undefined): void {
    // The server hears the place (so its recorded position is this popup's
    // until a drag moves it); a rebuild replays popup after that recorded
    // position, which it keeps.
    const replayed = rebuilding() && this.placed;
    if (x !== undefined && y !== undefined && !replayed) {
      this.set_position(x, y);
      this.hooks.moved(x, y);
    }
    this.show();
  }

  // ---- showing ----------------------------------------------------------

  override show(): void {
    const was = this.shown;
    super.show();
    if (!was) {
      shownDialogs.push(this);
      this.syncOverlay();
      if (!this.placed) this.center();
      this.env.desktop.raise(this);
      this.focusFirst();
    } else {
      this.env.desktop.raise(this);
    }
  }

  override hide(): void {
    super.hide();
    const i = shownDialogs.indexOf(this);
    if (i >= 0) shownDialogs.splice(i, 1);
    this.syncOverlay();
    this.frame.closeMenu();
    this.env.desktop.restack();
  }

  /** Escape or the close box: hidden, and the server hears `close`. */
  cancel(): void {
    if (!this.shown) return;
    this.hide();
    this.hooks.closed();
  }

  /** Centered in the desktop; the server hears where (so a reload keeps it). */
  private center(): void {
    const d = this.env.desktop;
    const x = Math.max(0, Math.round((d.width - this.element.offsetWidth) / 2));
    const y = Math.max(0, Math.round((d.height - this.element.offsetHeight) / 2));
    this.frame.setPosition(x, y);
    this.placed = true;
    this.hooks.moved(x, y);
  }

  private syncOverlay(): void {
    const on = this.modal && this.shown;
    this.element.classList.toggle("pgw-dialog-modal", on);
    if (on && !this.overlay.isConnected) this.env.desktop.element.insertBefore(this.overlay, this.element);
    else if (!on) this.overlay.remove();
  }

  // ---- keyboard -----------------------------------------------------------

  private focusables(): HTMLElement[] {
    return [...this.element.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (e) => e.getClientRects().length > 0 && !e.closest(".pgw-hidden"),
    );
  }

  protected focusFirst(): void {
    const first = this.focusables().find((e) => !e.closest(".pgw-titlebar"));
    (first ?? this.element).focus();
  }

  /** A key anywhere while this is the last dialog shown. */
  key(e: KeyboardEvent): void {
    const inside = this.element.contains(document.activeElement);
    if (e.key === "Escape" && (inside || this.modal)) {
      e.preventDefault();
      e.stopPropagation();
      this.cancel();
      return;
    }
    if (e.key !== "Tab" || !this.modal) return;
    // The focus cycles through the dialog's controls and never leaves it.
    const list = this.focusables();
    e.preventDefault();
    if (list.length === 0) {
      this.element.focus();
      return;
    }
    const at = list.indexOf(document.activeElement as HTMLElement);
    const next = e.shiftKey ? (at <= 0 ? list.length - 1 : at - 1) : at < 0 || at === list.length - 1 ? 0 : at + 1;
    list[next].focus();
  }

  /** The focus went somewhere: a modal dialog takes it back. */
  focusMoved(e: FocusEvent): void {
    if (!this.modal) return;
    const target = e.target as Node | null;
    if (!target || this.element.contains(target)) return;
    if (target instanceof Element && target.closest(".pgw-menu")) return; // its window menu
    this.focusFirst();
  }

  protected override teardown(): void {
    const i = shownDialogs.indexOf(this);
    if (i >= 0) shownDialogs.splice(i, 1);
    this.overlay.remove();
    this.frame.teardown();
    super.teardown();
    this.env.desktop.remove(this);
  }
}
