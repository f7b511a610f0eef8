// A widget holding children: bookkeeping, moving, removing, child events.
import type { ContainerEvents, ContainerImpl, WidgetHandle } from "../schema.js";
import { asWidget, Widget, type Parent, type WidgetEnv } from "./widget.js";

export abstract class Container extends Widget implements ContainerImpl, Parent {
  protected children: Widget[] = [];
  // Whether the server listens to child_added / child_removed. Both are
  // plain callbacks (sent only when listened), so unlistened ones are not
  // even encoded: that is most of the cost of adding a child.
  private listenAdded = false;
  private listenRemoved = false;

  protected constructor(
    widgetId: number,
    className: string,
    env: WidgetEnv,
    private readonly containerEvents: ContainerEvents,
    element: HTMLElement,
  ) {
    super(widgetId, className, env, containerEvents, element);
  }

  childHandles(): readonly WidgetHandle[] {
    return this.children;
  }

  /**
   * Makes `handle` a child at `index` (appended when undefined), taking it
   * from its previous parent; returns the child and its final index. The
   * subclass then places the child's element. `index` counts positions in
   * the final list, so 0..n where n does not count the child itself; any
   * other index is refused, never clamped, and nothing changes.
   */
  protected adopt(handle: WidgetHandle, index?: number): { child: Widget; index: number } {
    const child = this.acceptable(handle);
    const isNew = child.parent !== this;
    const n = this.children.length - (isNew ? 0 : 1);
    if (index !== undefined && !(Number.isInteger(index) && index >= 0 && index <= n)) {
      throw new Error(`index ${index} is out of range for ${this}: use 0 to ${n}`);
    }
    if (!isNew) this.children.splice(this.children.indexOf(child), 1);
    else child.parent?.release(child);
    const at = index ?? n;
    this.children.splice(at, 0, child);
    child.parent = this;
    if (isNew && this.listenAdded) this.containerEvents.child_added(child);
    return { child, index: at };
  }

  /**
   * Makes `handle` the only child (set_widget): every other child is
   * released, alive and without a parent. Keeping the present child is not
   * a change.
   */
  protected adoptOnly(handle: WidgetHandle): Widget {
    const child = this.acceptable(handle);
    for (const old of [...this.children]) if (old !== child) this.release(old);
    if (child.parent !== this) this.adopt(child);
    return child;
  }

  /** The widget behind `handle` if it may become a child here; else throws, changing nothing. */
  protected acceptable(handle: WidgetHandle): Widget {
    const child = asWidget(handle);
    if (child === this) throw new Error(`cannot add ${this} to itself`);
    if (child.isWindow) throw new Error(`${child} is a window and cannot be put inside ${this}`);
    // Only a container can be an ancestor.
    if (child instanceof Container) {
      for (let p = this.parent; p; p = p.parent) {
        if (p === child) throw new Error(`cannot add ${child} inside its own descendant ${this}`);
      }
    }
    return child;
  }

  /** Takes `child` out: its element leaves the page, child_removed fires. */
  release(child: Widget): void {
    const i = this.children.indexOf(child);
    if (i < 0) return;
    this.children.splice(i, 1);
    child.parent = null;
    child.element.remove();
    this.childReleased(child);
    if (this.listenRemoved) this.containerEvents.child_removed(child);
  }

  override listening(callbackName: string, on: boolean, resumed = false): void {
    if (callbackName === "child_added") this.listenAdded = on;
    else if (callbackName === "child_removed") this.listenRemoved = on;
    else super.listening(callbackName, on, resumed);
  }

  /** Hook: undo whatever placing the child set on it. */
  protected childReleased(_child: Widget): void {}

  childLayoutChanged(_child: Widget): void {}

  protected childOf(handle: WidgetHandle): Widget {
    const child = asWidget(handle);
    if (child.parent !== this) throw new Error(`${child} is not a child of ${this}`);
    return child;
  }

  remove(child: WidgetHandle, destroy: boolean): void {
    const w = this.childOf(child);
    this.release(w);
    if (destroy) w.destroy();
  }

  remove_widget(child: WidgetHandle, destroy: boolean): void {
    this.remove(child, destroy);
  }

  remove_all(destroy: boolean): void {
    for (const c of [...this.children]) this.remove(c, destroy);
  }

  protected override destroyChildren(): void {
    const kids = this.children;
    this.children = [];
    for (const k of kids) {
      k.parent = null;
      k.destroy();
    }
  }

  protected override disposeChildren(): void {
    const kids = this.children;
    this.children = [];
    for (const k of kids) k.dispose();
  }
}
