// MDISubWindow: a window inside an MDIWidget's area. The frame (title bar,
// moving, grips, buttons, window menu, states) is parts/window_frame, as
// for TopLevel; this class confines it to its workspace and tells the
// server what the user changed, so the server's copy stays true.
import "./mdisubwindow.css";
import { el } from "../../dom.js";
import { WindowFrame, type WindowState } from "../../parts/window_frame.js";
import type { MDISubWindowCreateArgs, MDISubWindowEvents, MDISubWindowImpl, WidgetHandle } from "../../schema.js";
import { Container } from "../container.js";
import type { Parent, WidgetEnv } from "../widget.js";

/** A sub-window's size until resize() or a grip sets one (pgwidgets' default). */
export const DEFAULT_SIZE = 300;

/** What a sub-window needs from the workspace holding it (MDIWidget). */
export interface Workspace extends Parent {
  readonly isWorkspace: true;
  raiseSub(sub: MDISubWindow): void;
  lowerSub(sub: MDISubWindow): void;
  /** A sub-window changed state: minimized ones line up along the bottom. */
  layoutMinimized(): void;
  /** The user closed `sub` (page_close). */
  subClosed(sub: MDISubWindow): void;
  /** Where a title-bar drag of `sub` starting now may take it. */
  confineMove(sub: MDISubWindow): (x: number, y: number) => { x: number; y: number };
  /** `sub` was moved or resized by a call (not the user). */
  subGeometryChanged(): void;
}

function isWorkspace(p: Parent | null): p is Workspace {
  return p !== null && (p as Partial<Workspace>).isWorkspace === true;
}

export class MDISubWindow extends Container implements MDISubWindowImpl {
  private readonly events: MDISubWindowEvents;
  private readonly frame: WindowFrame;
  /** Whether a position was set or reported; an unplaced window is placed by its workspace. */
  private placed = false;

  constructor(widgetId: number, args: MDISubWindowCreateArgs, events: MDISubWindowEvents, env: WidgetEnv) {
    super(widgetId, "MDISubWindow", env, events, el("div"));
    this.events = events;
    const self = this;
    this.frame = new WindowFrame(
      this.element,
      {
        resizable: true,
        moveable: true,
        closeable: true,
        minimizable: true,
        maximizable: true,
        lowerable: true,
        shadeable: args.shadeable,
      },
      {
        // Confined to the workspace; outside one (never added) its own box.
        get area(): HTMLElement {
          return self.workspace?.element ?? self.element.parentElement ?? self.element;
        },
        raise: () => this.raise(),
        lower: () => this.lower(),
        moved: (x, y) => {
          this.placed = true;
          this.events.move(x, y);
        },
        resized: (width, height) => this.events.resized(width, height),
        stateChanged: (state, byUser) => {
          // A window maximized, shaded or restored comes to the front, as
          // pgwidgets' toggles raise it (a rebuilt page too: the stacking
          // order is not kept, the maximized window must not end up behind).
          if (state !== "minimized") this.raise();
          this.workspace?.layoutMinimized();
          if (byUser) this.events.window_state(state);
        },
        closeRequested: () => this.userClose(),
        confineMove: () => this.workspace?.confineMove(this) ?? null,
      },
    );
    this.frame.setTitle(args.title);
    this.frame.setIcon(args.icon_url);
    // pgwidgets' add_widget options: the size (300 x 300 by default), and
    // a place only when both x and y are given (else the workspace places it).
    this.element.style.width = `${args.width}px`;
    this.element.style.height = `${args.height}px`;
    if (args.x !== undefined && args.y !== undefined) this.set_position(args.x, args.y);
    // A minimized sub-window is a title bar along the workspace's bottom:
    // pressing it (not its buttons) restores it, as a dock chip does.
    this.frame.titleBar.addEventListener(
      "pointerdown",
      (ev) => {
        if (this.frame.state !== "minimized" || ev.button !== 0) return;
        if ((ev.target as Element).closest(".pgw-window-buttons, .pgw-window-icon")) return;
        ev.stopImmediatePropagation();
        ev.preventDefault();
        this.frame.setState(this.frame.restoreState, true);
        this.raise();
      },
      { capture: true },
    );
  }

  private get workspace(): Workspace | null {
    return isWorkspace(this.parent) ? this.parent : null;
  }

  protected override get surface(): HTMLElement {
    return this.frame.content;
  }

  get state(): WindowState {
    return this.frame.state;
  }

  get is_shown(): boolean {
    return this.shown;
  }

  get isPlaced(): boolean {
    return this.placed;
  }

  /** The content widget, if any. */
  get content(): WidgetHandle | null {
    return this.children[0] ?? null;
  }

  // ---- content --------------------------------------------------------------

  set_widget(child: WidgetHandle): void {
    const w = this.adoptOnly(child);
    if (w.element.parentNode !== this.frame.content) this.frame.content.appendChild(w.element);
  }

  // ---- geometry -------------------------------------------------------------

  set_position(x: number, y: number): void {
    this.placed = true;
    this.frame.setPosition(x, y);
    this.workspace?.subGeometryChanged();
  }

  move(x: number, y: number): void {
    this.set_position(x, y);
  }

  set_title(title: string): void {
    this.frame.setTitle(title);
  }

  /** The title as shown. */
  get title(): string {
    return this.frame.title;
  }

  get position(): { x: number; y: number } {
    return this.frame.position;
  }

  // ---- what the workspace changes, reported so the server's copy stays true --

  /** Placed by the workspace (never positioned): the server hears where. */
  placeAt(x: number, y: number): void {
    this.frame.setPosition(x, y);
    this.placed = true;
    this.events.move(this.frame.position.x, this.frame.position.y);
  }

  /** Moved or resized by cascade / tile / move_child / resize_child. */
  arrange(x: number | null, y: number | null, width: number | null, height: number | null): void {
    if (this.frame.state !== "normal") this.frame.setState("normal", true);
    if (width !== null && height !== null) {
      const w = Math.round(width);
      const h = Math.round(height);
      if (this.element.style.width !== `${w}px` || this.element.style.height !== `${h}px`) {
        this.resize(w, h);
        this.events.resized(w, h);
      }
    }
    if (x !== null && y !== null) {
      const p = this.frame.position;
      this.set_position(x, y);
      const q = this.frame.position;
      if (p.x !== q.x || p.y !== q.y) this.events.move(q.x, q.y);
    }
  }

  // ---- stacking and state ---------------------------------------------------

  raise(): void {
    this.workspace?.raiseSub(this);
  }

  lower(): void {
    this.workspace?.lowerSub(this);
  }

  setActive(active: boolean): void {
    this.element.classList.toggle("pgw-active", active);
  }

  /** Where the workspace lines this minimized window up (pixels from the left). */
  setDockSlot(left: number | null): void {
    if (left === null) this.element.style.removeProperty("--pgw-mdi-slot");
    else this.element.style.setProperty("--pgw-mdi-slot", `${left}px`);
  }

  toggle_minimize(): void {
    this.frame.toggleState("minimized", false);
  }

  toggle_maximize(): void {
    this.frame.toggleState("maximized", false);
  }

  toggle_shade(): void {
    this.frame.toggleState("shaded", false);
  }

  set_window_state(state: WindowState): void {
    this.frame.setState(state, false);
  }

  close(): void {
    this.hide();
  }

  /**
   * Closed in the page: by the user (button or menu, which the workspace
   * reports as page_close) or by the workspace's close_child. Either way
   * the server hears it, as it cannot tell by itself.
   */
  userClose(byUser = true): void {
    if (!this.shown) return;
    this.hide();
    this.events.close();
    if (byUser) this.workspace?.subClosed(this);
  }

  override hide(): void {
    super.hide();
    this.frame.closeMenu();
    this.workspace?.layoutMinimized();
  }

  override show(): void {
    super.show();
    this.workspace?.layoutMinimized();
  }

  protected override teardown(): void {
    this.frame.teardown();
    super.teardown();
  }
}
