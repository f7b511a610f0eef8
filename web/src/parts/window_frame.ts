// A window's frame: the title bar (icon, title, minimize / maximize / close
// buttons), moving by the title bar, resize grips, the window menu and the
// four window states. It knows nothing of the desktop: its host says where
// the window lives and what raising, docking and reporting mean there, so
// TopLevel, Dialog and MDISubWindow can share it.
import "./window_frame.css";
import { el } from "../dom.js";
import { drag } from "./drag.js";
import { icon, setIcon, type IconName } from "./icons.js";
import { PopupMenu, type MenuEntry } from "./popup_menu.js";

export type WindowState = "normal" | "minimized" | "maximized" | "shaded";
const STATES: readonly string[] = ["normal", "minimized", "maximized", "shaded"];
const EDGES = ["n", "s", "e", "w", "ne", "nw", "se", "sw"] as const;
type Edge = (typeof EDGES)[number];
const MIN_WIDTH = 140;
const MIN_HEIGHT = 80;
/** How much of a window stays reachable when it is dragged out of its area. */
export const KEEP_VISIBLE = 60;

export function isWindowState(s: string): s is WindowState {
  return STATES.includes(s);
}

/** What the user may do with the window; fixed when it is created. */
export interface WindowFlags {
  readonly resizable: boolean;
  readonly moveable: boolean;
  readonly closeable: boolean;
  readonly minimizable: boolean;
  readonly maximizable: boolean;
  readonly lowerable: boolean;
  readonly shadeable: boolean;
}

/** The window the frame belongs to, and the place it lives in. */
export interface WindowFrameHost {
  /** The positioned element the window moves in; the window menu opens in it. */
  readonly area: HTMLElement;
  raise(): void;
  lower(): void;
  /** The user moved the window (by the title bar, or a north / west grip). */
  moved(x: number, y: number): void;
  /** The user resized the window with a grip. */
  resized(width: number, height: number): void;
  /** The frame took a new state; `byUser` when the user changed it. */
  stateChanged(state: WindowState, byUser: boolean): void;
  /** The user asked to close the window (button or menu). */
  closeRequested(): void;
  /**
   * Called when a title-bar drag starts: where the drag may take the
   * window, as a function from where the pointer would put it to where it
   * goes. Without it (or when it answers null) the window keeps
   * KEEP_VISIBLE pixels and its title bar inside the area.
   */
  confineMove?(): ((x: number, y: number) => { x: number; y: number }) | null;
}

export class WindowFrame {
  readonly titleBar: HTMLDivElement;
  /** Where the window's child goes. */
  readonly content: HTMLDivElement;
  private readonly iconEl: HTMLImageElement;
  private readonly titleEl: HTMLSpanElement;
  private maxButton: HTMLButtonElement | null = null;
  private current: WindowState = "normal";
  private restoreTo: Exclude<WindowState, "minimized"> = "normal";
  private x = 0;
  private y = 0;
  private menu: PopupMenu | null = null;
  private moveable: boolean;

  /** Builds the frame inside `root`, the window's element. */
  constructor(
    private readonly root: HTMLElement,
    private readonly flags: WindowFlags,
    private readonly host: WindowFrameHost,
  ) {
    root.classList.add("pgw-window");
    root.setAttribute("role", "dialog");

    this.titleBar = el("div", "pgw-titlebar", root);
    this.iconEl = el("img", "pgw-window-icon pgw-hidden", this.titleBar);
    this.iconEl.alt = "";
    this.iconEl.draggable = false;
    this.titleEl = el("span", "pgw-window-title", this.titleBar);
    const buttons = el("div", "pgw-window-buttons", this.titleBar);
    if (flags.minimizable) {
      this.windowButton(buttons, "minimize", "Minimize", () => this.userState("minimized"));
    }
    if (flags.maximizable) {
      this.maxButton = this.windowButton(buttons, "maximize", "Maximize", () => this.toggleState("maximized", true));
    }
    if (flags.closeable) this.windowButton(buttons, "close", "Close", () => this.userClose());
    this.moveable = flags.moveable;
    if (!flags.moveable) this.titleBar.classList.add("pgw-fixed");

    this.content = el("div", "pgw-window-content", root);
    if (flags.resizable) for (const edge of EDGES) this.grip(edge);

    root.addEventListener("pointerdown", () => host.raise(), { capture: true });
    this.titleBar.addEventListener("pointerdown", (ev) => this.startMove(ev));
    this.titleBar.addEventListener("dblclick", (ev) => {
      if ((ev.target as Element).closest(".pgw-window-buttons")) return;
      if (flags.maximizable) this.toggleState("maximized", true);
      else if (flags.shadeable) this.toggleState("shaded", true);
    });
    this.titleBar.addEventListener("contextmenu", (ev) => {
      ev.preventDefault();
      this.openMenu(ev.clientX, ev.clientY);
    });
    this.iconEl.addEventListener("click", (ev) => {
      const r = this.iconEl.getBoundingClientRect();
      ev.stopPropagation();
      this.openMenu(r.left, r.bottom + 2);
    });
  }

  get state(): WindowState {
    return this.current;
  }

  /** The state a minimized window returns to. */
  get restoreState(): WindowState {
    return this.restoreTo;
  }

  get position(): { x: number; y: number } {
    return { x: this.x, y: this.y };
  }

  setPosition(x: number, y: number): void {
    this.x = Math.round(x);
    this.y = Math.round(y);
    this.root.style.left = `${this.x}px`;
    this.root.style.top = `${this.y}px`;
  }

  get title(): string {
    return this.titleEl.textContent ?? "";
  }

  setTitle(title: string): void {
    this.titleEl.textContent = title;
    this.root.setAttribute("aria-label", title);
  }

  setIcon(url: string): void {
    if (url) {
      this.iconEl.src = url;
      this.iconEl.classList.remove("pgw-hidden");
    } else {
      this.iconEl.removeAttribute("src");
      this.iconEl.classList.add("pgw-hidden");
    }
  }

  /** Applies `next`; the host hears of it (with `byUser`) when it changed anything. */
  setState(next: WindowState, byUser: boolean): void {
    if (next === this.current) return;
    if (next === "minimized") this.restoreTo = this.current as Exclude<WindowState, "minimized">;
    this.current = next;
    const c = this.root.classList;
    c.toggle("pgw-maximized", next === "maximized");
    c.toggle("pgw-shaded", next === "shaded");
    c.toggle("pgw-minimized", next === "minimized");
    if (this.maxButton) {
      const max = next === "maximized";
      setIcon(this.maxButton.firstElementChild as SVGSVGElement, max ? "restore" : "maximize");
      this.maxButton.title = max ? "Restore" : "Maximize";
      this.maxButton.setAttribute("aria-label", this.maxButton.title);
    }
    this.closeMenu();
    this.host.stateChanged(next, byUser);
  }

  /** Enters `state`, or leaves it for normal (minimized: for the state before). */
  toggleState(state: Exclude<WindowState, "normal">, byUser: boolean): void {
    if (this.current !== state) this.setState(state, byUser);
    else this.setState(state === "minimized" ? this.restoreTo : "normal", byUser);
  }

  closeMenu(): void {
    this.menu?.close();
  }

  /** The window is going away: nothing of the frame may stay on the page. */
  teardown(): void {
    this.closeMenu();
  }

  private userState(next: WindowState): void {
    this.setState(next, true);
  }

  private userClose(): void {
    this.host.closeRequested();
  }

  // ---- moving and resizing ------------------------------------------------

  private clampX(x: number): number {
    const w = this.root.offsetWidth;
    return Math.min(Math.max(x, KEEP_VISIBLE - w), Math.max(0, this.host.area.clientWidth - KEEP_VISIBLE));
  }

  private clampY(y: number): number {
    return Math.min(Math.max(y, 0), Math.max(0, this.host.area.clientHeight - this.titleBar.offsetHeight));
  }

  /** A fixed window ignores title-bar drags; its buttons and menu still work. */
  setMoveable(tf: boolean): void {
    this.moveable = tf;
    this.titleBar.classList.toggle("pgw-fixed", !tf);
  }

  private startMove(ev: PointerEvent): void {
    if (ev.button !== 0 || !this.moveable || this.current === "maximized") return;
    if ((ev.target as Element).closest(".pgw-window-buttons, .pgw-window-icon")) return;
    ev.preventDefault();
    const x0 = this.x;
    const y0 = this.y;
    const confine = this.host.confineMove?.() ?? ((x: number, y: number) => ({ x: this.clampX(x), y: this.clampY(y) }));
    drag(this.titleBar, ev, {
      move: (dx, dy) => {
        const p = confine(x0 + dx, y0 + dy);
        this.setPosition(p.x, p.y);
      },
      end: (moved) => {
        if (moved && (this.x !== x0 || this.y !== y0)) this.host.moved(this.x, this.y);
      },
    });
  }

  private grip(edge: Edge): void {
    const g = el("div", `pgw-grip pgw-grip-${edge}`, this.root);
    g.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0 || this.current !== "normal") return;
      ev.preventDefault();
      ev.stopPropagation();
      this.host.raise();
      const x0 = this.x;
      const y0 = this.y;
      const w0 = this.root.offsetWidth;
      const h0 = this.root.offsetHeight;
      drag(
        g,
        ev,
        {
          move: (dx, dy) => {
            let { x, y } = { x: x0, y: y0 };
            let w = w0;
            let h = h0;
            if (edge.includes("e")) w = Math.max(MIN_WIDTH, w0 + dx);
            if (edge.includes("s")) h = Math.max(MIN_HEIGHT, h0 + dy);
            if (edge.includes("w")) {
              w = Math.max(MIN_WIDTH, w0 - dx);
              x = x0 + (w0 - w);
            }
            if (edge.includes("n")) {
              const dyc = Math.max(dy, -y0); // the title bar stays in the area
              h = Math.max(MIN_HEIGHT, h0 - dyc);
              y = y0 + (h0 - h);
            }
            this.root.style.width = `${w}px`;
            this.root.style.height = `${h}px`;
            this.setPosition(x, y);
          },
          end: (moved) => {
            if (moved && (this.x !== x0 || this.y !== y0)) this.host.moved(this.x, this.y);
            const w = this.root.offsetWidth;
            const h = this.root.offsetHeight;
            if (moved && (w !== w0 || h !== h0)) this.host.resized(w, h);
          },
        },
        0,
      );
    });
  }

  // ---- title bar ----------------------------------------------------------

  private windowButton(parent: HTMLElement, name: IconName, label: string, action: () => void): HTMLButtonElement {
    const b = el("button", `pgw-wbutton pgw-wbutton-${name}`, parent);
    b.type = "button";
    b.title = label;
    b.tabIndex = -1;
    b.setAttribute("aria-label", label);
    b.appendChild(icon(name));
    b.addEventListener("click", (ev) => {
      ev.stopPropagation();
      action();
    });
    return b;
  }

  private openMenu(clientX: number, clientY: number): void {
    this.menu?.close();
    const f = this.flags;
    const s = this.current;
    const entries: MenuEntry[] = [];
    const item = (label: string, enabled: boolean, action: () => void) => entries.push({ label, enabled, action });
    if (s !== "normal") item("Restore", true, () => this.userState("normal"));
    if (f.minimizable) item("Minimize", s !== "minimized", () => this.userState("minimized"));
    if (f.maximizable) item("Maximize", s !== "maximized", () => this.userState("maximized"));
    if (f.shadeable) item(s === "shaded" ? "Unshade" : "Shade", true, () => this.userState(s === "shaded" ? "normal" : "shaded"));
    entries.push(null);
    item("Raise", true, () => this.host.raise());
    if (f.lowerable) item("Lower", true, () => this.host.lower());
    if (f.closeable) {
      entries.push(null);
      item("Close", true, () => this.userClose());
    }
    const menu = new PopupMenu(this.host.area, clientX, clientY, entries, () => {
      if (this.menu === menu) this.menu = null;
    });
    this.menu = menu;
  }
}
