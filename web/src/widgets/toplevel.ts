// TopLevel: a floating desktop-style window — title bar, window buttons,
// drag to move, grips to resize, minimize / maximize / shade, z-order.
import { el, text } from "../dom.js";
import type { DesktopWindow } from "../desktop.js";
import type {
  PositionValue,
  TopLevelCreateArgs,
  TopLevelEvents,
  TopLevelImpl,
  WidgetHandle,
  WindowState,
} from "../schema.js";
import { Container } from "./container.js";
import { drag } from "./drag.js";
import { icon, setIcon, type IconName } from "./icons.js";
import { asWidget, type WidgetEnv } from "./widget.js";

const EDGES = ["n", "s", "e", "w", "ne", "nw", "se", "sw"] as const;
type Edge = (typeof EDGES)[number];
const MIN_WIDTH = 140;
const MIN_HEIGHT = 80;
/** How much of a window stays reachable when it is dragged off the desktop. */
const KEEP_VISIBLE = 60;

export class TopLevel extends Container implements TopLevelImpl, DesktopWindow {
  override readonly isWindow = true;
  private readonly events: TopLevelEvents;
  private readonly flags: TopLevelCreateArgs;
  private readonly titleBar: HTMLDivElement;
  private readonly iconEl: HTMLImageElement;
  private readonly titleEl: HTMLSpanElement;
  private readonly content: HTMLDivElement;
  private readonly chip: HTMLButtonElement;
  private readonly chipTitle: HTMLSpanElement;
  private maxButton: HTMLButtonElement | null = null;
  private state: WindowState = "normal";
  private restoreTo: Exclude<WindowState, "minimized"> = "normal";
  private x = 0;
  private y = 0;
  private closeMenu: (() => void) | null = null;

  constructor(widgetId: number, args: TopLevelCreateArgs, events: TopLevelEvents, env: WidgetEnv) {
    super(widgetId, "TopLevel", env, events, el("div"));
    this.events = events;
    this.flags = args;
    const e = this.element;
    e.setAttribute("role", "dialog");

    this.titleBar = el("div", "pgw-titlebar", e);
    this.iconEl = el("img", "pgw-window-icon pgw-hidden", this.titleBar);
    this.iconEl.alt = "";
    this.iconEl.draggable = false;
    this.titleEl = el("span", "pgw-window-title", this.titleBar);
    const buttons = el("div", "pgw-window-buttons", this.titleBar);
    if (args.minimizable) {
      this.windowButton(buttons, "minimize", "Minimize", () => this.userState("minimized"));
    }
    if (args.maximizable) {
      this.maxButton = this.windowButton(buttons, "maximize", "Maximize", () =>
        this.userState(this.state === "maximized" ? "normal" : "maximized"),
      );
    }
    if (args.closeable) this.windowButton(buttons, "close", "Close", () => this.userClose());
    if (!args.moveable) this.titleBar.classList.add("pgw-fixed");

    this.content = el("div", "pgw-window-content", e);
    if (args.resizable) for (const edge of EDGES) this.grip(edge);

    this.chip = el("button", "pgw-dock-item");
    this.chip.type = "button";
    this.chipTitle = el("span", "pgw-dock-title", this.chip);
    this.chip.addEventListener("click", () => {
      this.userState(this.restoreTo);
      this.raise();
    });

    this.set_title(args.title);
    this.set_icon(args.icon);

    // Hidden until show(); placed in a cascade.
    this.shown = false;
    e.classList.add("pgw-hidden");
    const p = env.desktop.nextPlace();
    this.set_position(p.x, p.y);

    e.addEventListener("pointerdown", () => this.raise(), { capture: true });
    this.titleBar.addEventListener("pointerdown", (ev) => this.startMove(ev));
    this.titleBar.addEventListener("dblclick", (ev) => {
      if ((ev.target as Element).closest(".pgw-window-buttons")) return;
      if (this.flags.maximizable) this.userState(this.state === "maximized" ? "normal" : "maximized");
      else if (this.flags.shadeable) this.userState(this.state === "shaded" ? "normal" : "shaded");
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
    env.desktop.add(this);
  }

  get onScreen(): boolean {
    return this.shown && this.state !== "minimized";
  }

  protected override get surface(): HTMLElement {
    return this.content;
  }

  // ---- content ----------------------------------------------------------

  set_widget(child: WidgetHandle): void {
    const w = asWidget(child);
    const old = this.children[0];
    if (old === w) return;
    if (old) this.release(old);
    this.adopt(w);
    this.content.appendChild(w.element);
  }

  // ---- geometry ---------------------------------------------------------

  set_position(x: number, y: number): void {
    this.x = Math.round(x);
    this.y = Math.round(y);
    this.element.style.left = `${this.x}px`;
    this.element.style.top = `${this.y}px`;
  }

  override get_position(): PositionValue {
    return { x: this.x, y: this.y };
  }

  private clampX(x: number): number {
    const w = this.element.offsetWidth;
    return Math.min(Math.max(x, KEEP_VISIBLE - w), Math.max(0, this.env.desktop.width - KEEP_VISIBLE));
  }

  private clampY(y: number): number {
    return Math.min(Math.max(y, 0), Math.max(0, this.env.desktop.height - this.titleBar.offsetHeight));
  }

  private startMove(ev: PointerEvent): void {
    if (ev.button !== 0 || !this.flags.moveable || this.state === "maximized") return;
    if ((ev.target as Element).closest(".pgw-window-buttons, .pgw-window-icon")) return;
    ev.preventDefault();
    const x0 = this.x;
    const y0 = this.y;
    drag(this.titleBar, ev, {
      move: (dx, dy) => this.set_position(this.clampX(x0 + dx), this.clampY(y0 + dy)),
      end: (moved) => {
        if (moved && (this.x !== x0 || this.y !== y0)) this.events.move(this.x, this.y);
      },
    });
  }

  private grip(edge: Edge): void {
    const g = el("div", `pgw-grip pgw-grip-${edge}`, this.element);
    g.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0 || this.state !== "normal") return;
      ev.preventDefault();
      ev.stopPropagation();
      this.raise();
      const x0 = this.x;
      const y0 = this.y;
      const w0 = this.element.offsetWidth;
      const h0 = this.element.offsetHeight;
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
              const dyc = Math.max(dy, -y0); // the title bar stays on the desktop
              h = Math.max(MIN_HEIGHT, h0 - dyc);
              y = y0 + (h0 - h);
            }
            this.element.style.width = `${w}px`;
            this.element.style.height = `${h}px`;
            this.set_position(x, y);
          },
          end: (moved) => {
            if (moved && (this.x !== x0 || this.y !== y0)) this.events.move(this.x, this.y);
          },
        },
        0,
      );
    });
  }

  // ---- title ------------------------------------------------------------

  set_title(title: string): void {
    this.titleEl.textContent = title;
    this.chipTitle.textContent = title || "Window";
    this.chip.title = title;
    this.element.setAttribute("aria-label", title);
  }

  set_icon(url: string): void {
    if (url) {
      this.iconEl.src = url;
      this.iconEl.classList.remove("pgw-hidden");
    } else {
      this.iconEl.removeAttribute("src");
      this.iconEl.classList.add("pgw-hidden");
    }
  }

  // ---- stacking and state -----------------------------------------------

  raise(): void {
    this.env.desktop.raise(this);
  }

  lower(): void {
    this.env.desktop.lower(this);
  }

  override show(): void {
    super.show();
    this.syncChip();
    this.raise();
  }

  override hide(): void {
    super.hide();
    this.closeMenu?.();
    this.syncChip();
    this.env.desktop.restack();
  }

  toggle_minimize(): void {
    this.applyState(this.state === "minimized" ? this.restoreTo : "minimized");
  }

  toggle_maximize(): void {
    this.applyState(this.state === "maximized" ? "normal" : "maximized");
  }

  toggle_shade(): void {
    this.applyState(this.state === "shaded" ? "normal" : "shaded");
  }

  set_window_state(state: WindowState): void {
    this.applyState(state);
  }

  /** A change the user made: the server hears of it. */
  private userState(next: WindowState): void {
    if (this.applyState(next)) this.events.window_state(next);
  }

  private userClose(): void {
    this.hide();
    this.events.close();
  }

  private applyState(next: WindowState): boolean {
    if (next === this.state) return false;
    if (next === "minimized") this.restoreTo = this.state as Exclude<WindowState, "minimized">;
    this.state = next;
    const c = this.element.classList;
    c.toggle("pgw-maximized", next === "maximized");
    c.toggle("pgw-shaded", next === "shaded");
    c.toggle("pgw-minimized", next === "minimized");
    if (this.maxButton) {
      const max = next === "maximized";
      setIcon(this.maxButton.firstElementChild as SVGSVGElement, max ? "restore" : "maximize");
      this.maxButton.title = max ? "Restore" : "Maximize";
      this.maxButton.setAttribute("aria-label", this.maxButton.title);
    }
    this.closeMenu?.();
    this.syncChip();
    this.env.desktop.restack();
    return true;
  }

  /** The dock holds the window while it is shown but minimized. */
  private syncChip(): void {
    const docked = this.shown && this.state === "minimized";
    if (docked && !this.chip.isConnected) this.env.desktop.dock.appendChild(this.chip);
    else if (!docked) this.chip.remove();
  }

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

  // ---- window menu ------------------------------------------------------

  private openMenu(clientX: number, clientY: number): void {
    this.closeMenu?.();
    const desk = this.env.desktop.element;
    const menu = el("div", "pgw-menu", desk);
    menu.setAttribute("role", "menu");
    const f = this.flags;
    const s = this.state;
    const item = (label: string, enabled: boolean, action: () => void) => {
      const b = text("button", "pgw-menu-item", label, menu);
      b.type = "button";
      b.setAttribute("role", "menuitem");
      b.disabled = !enabled;
      b.addEventListener("click", () => {
        this.closeMenu?.();
        action();
      });
    };
    const separator = () => el("div", "pgw-menu-separator", menu);
    if (s !== "normal") item("Restore", true, () => this.userState("normal"));
    if (f.minimizable) item("Minimize", s !== "minimized", () => this.userState("minimized"));
    if (f.maximizable) item("Maximize", s !== "maximized", () => this.userState("maximized"));
    if (f.shadeable) item(s === "shaded" ? "Unshade" : "Shade", true, () => this.userState(s === "shaded" ? "normal" : "shaded"));
    separator();
    item("Raise", true, () => this.raise());
    if (f.lowerable) item("Lower", true, () => this.lower());
    if (f.closeable) {
      separator();
      item("Close", true, () => this.userClose());
    }

    const r = desk.getBoundingClientRect();
    const left = Math.min(clientX - r.left, desk.clientWidth - menu.offsetWidth - 4);
    const top = Math.min(clientY - r.top, desk.clientHeight - menu.offsetHeight - 4);
    menu.style.left = `${Math.max(0, left)}px`;
    menu.style.top = `${Math.max(0, top)}px`;

    const away = (e: Event) => {
      if (!menu.contains(e.target as Node)) this.closeMenu?.();
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === "Escape") this.closeMenu?.();
    };
    document.addEventListener("pointerdown", away, true);
    document.addEventListener("keydown", key, true);
    this.closeMenu = () => {
      document.removeEventListener("pointerdown", away, true);
      document.removeEventListener("keydown", key, true);
      menu.remove();
      this.closeMenu = null;
    };
    (menu.querySelector("button:not(:disabled)") as HTMLButtonElement | null)?.focus();
  }

  // ---- life -------------------------------------------------------------

  protected override teardown(): void {
    this.closeMenu?.();
    this.chip.remove();
    super.teardown();
    this.env.desktop.remove(this);
  }
}
