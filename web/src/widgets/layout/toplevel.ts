// TopLevel: a window floating on the desktop. Its frame (title bar, moving,
// resizing, states, window menu) is parts/window_frame; this class puts it
// on the desktop: z-order, the cascade, the dock chip while minimized, and
// what the server hears.
import "./toplevel.css";
import { el } from "../../dom.js";
import type { DesktopWindow } from "../../desktop.js";
import { WindowFrame, type WindowState } from "../../parts/window_frame.js";
import type { PositionValue, TopLevelCreateArgs, TopLevelEvents, TopLevelImpl, WidgetHandle } from "../../schema.js";
import { Container } from "../container.js";
import type { WidgetEnv } from "../widget.js";

export class TopLevel extends Container implements TopLevelImpl, DesktopWindow {
  override readonly isWindow = true;
  private readonly events: TopLevelEvents;
  private readonly frame: WindowFrame;
  private readonly chip: HTMLButtonElement;
  private readonly chipTitle: HTMLSpanElement;

  constructor(widgetId: number, args: TopLevelCreateArgs, events: TopLevelEvents, env: WidgetEnv) {
    super(widgetId, "TopLevel", env, events, el("div"));
    this.events = events;
    this.frame = new WindowFrame(this.element, args, {
      area: env.desktop.element,
      raise: () => this.raise(),
      lower: () => this.lower(),
      moved: (x, y) => this.events.move(x, y),
      resized: (width, height) => this.events.resized(width, height),
      stateChanged: (state, byUser) => this.stateChanged(state, byUser),
      closeRequested: () => {
        this.hide();
        this.events.close();
      },
    });

    this.chip = el("button", "pgw-dock-item");
    this.chip.type = "button";
    this.chipTitle = el("span", "pgw-dock-title", this.chip);
    this.chip.addEventListener("click", () => {
      this.frame.setState(this.frame.restoreState, true);
      this.raise();
    });

    this.set_title(args.title);
    this.set_icon(args.icon);

    // Hidden until show(); placed in a cascade.
    this.shown = false;
    this.element.classList.add("pgw-hidden");
    const p = env.desktop.nextPlace();
    this.set_position(p.x, p.y);
    env.desktop.add(this);
  }

  get onScreen(): boolean {
    return this.shown && this.frame.state !== "minimized";
  }

  protected override get surface(): HTMLElement {
    return this.frame.content;
  }

  // ---- content ----------------------------------------------------------

  set_widget(child: WidgetHandle): void {
    const w = this.adoptOnly(child);
    if (w.element.parentNode !== this.frame.content) this.frame.content.appendChild(w.element);
  }

  // ---- geometry ---------------------------------------------------------

  set_position(x: number, y: number): void {
    this.frame.setPosition(x, y);
  }

  override get_position(): PositionValue {
    return this.frame.position;
  }

  /** A fixed window ignores title-bar drags; its buttons and menu still work. */
  set_moveable(tf: boolean): void {
    this.frame.setMoveable(tf);
  }

  // ---- title ------------------------------------------------------------

  set_title(title: string): void {
    this.frame.setTitle(title);
    this.chipTitle.textContent = title || "Window";
    this.chip.title = title;
  }

  set_icon(url: string): void {
    this.frame.setIcon(url);
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
    this.frame.closeMenu();
    this.syncChip();
    this.env.desktop.restack();
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

  private stateChanged(state: WindowState, byUser: boolean): void {
    this.syncChip();
    this.env.desktop.restack();
    if (byUser) this.events.window_state(state);
  }

  /** The dock holds the window while it is shown but minimized. */
  private syncChip(): void {
    const docked = this.shown && this.frame.state === "minimized";
    if (docked && !this.chip.isConnected) this.env.desktop.dock.appendChild(this.chip);
    else if (!docked) this.chip.remove();
  }

  // ---- life -------------------------------------------------------------

  protected override teardown(): void {
    this.frame.teardown();
    this.chip.remove();
    super.teardown();
    this.env.desktop.remove(this);
  }
}
