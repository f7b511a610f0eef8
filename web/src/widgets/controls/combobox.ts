// ComboBox: a text field with a drop-down list. The arrow button, a click
// on a read-only field, or ArrowDown opens the list; a click on an item,
// Enter on the highlighted one, or the wheel chooses, firing
// activated(index, text). An editable box fires modified(text) as the user
// types and activated on Enter (typed text not in the list is added, and
// item_added tells the server, which keeps the list).
import "./combobox.css";
import { el } from "../../dom.js";
import type { ComboBoxCreateArgs, ComboBoxEvents, ComboBoxImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class ComboBox extends Widget implements ComboBoxImpl {
  private readonly input: HTMLInputElement;
  private readonly list: HTMLDivElement;
  private readonly events: ComboBoxEvents;
  private readonly editable: boolean;
  private readonly dropdownLimit: number;
  private items: string[] = [];
  /** The item highlighted in the open list, -1 for none. */
  private highlighted = -1;
  private indexExplicit = false;
  private fixedLength = false;
  private readonly onOutside: (e: MouseEvent) => void;

  constructor(widgetId: number, args: ComboBoxCreateArgs, events: ComboBoxEvents, env: WidgetEnv) {
    const root = el("div");
    super(widgetId, "ComboBox", env, events, root);
    this.events = events;
    this.editable = args.editable;
    this.dropdownLimit = args.dropdown_limit;
    this.input = el("input", "pgw-combobox-input", root);
    this.input.type = "text";
    this.input.readOnly = !this.editable;
    this.input.size = 1;
    this.input.setAttribute("role", "combobox");
    this.input.setAttribute("aria-expanded", "false");
    const button = el("button", "pgw-combobox-button", root);
    button.type = "button";
    button.tabIndex = -1;
    button.setAttribute("aria-label", "open the list");
    this.list = el("div", "pgw-combobox-list pgw-hidden");
    this.list.setAttribute("role", "listbox");
    document.body.appendChild(this.list);

    button.addEventListener("mousedown", (e) => {
      e.preventDefault();
      if (this.input.disabled) return;
      this.input.focus();
      this.toggleList();
    });
    if (!this.editable) {
      this.input.addEventListener("mousedown", (e) => {
        e.preventDefault();
        this.input.focus();
        this.toggleList();
      });
    }
    this.input.addEventListener("keydown", (e) => this.onKey(e));
    this.input.addEventListener("input", () => {
      this.openList(this.input.value);
      events.modified(this.input.value);
    });
    this.input.addEventListener("wheel", (e) => {
      if (this.items.length === 0 || this.input.disabled) return;
      e.preventDefault();
      const current = this.items.indexOf(this.input.value);
      this.choose(Math.min(this.items.length - 1, Math.max(0, current + (e.deltaY > 0 ? 1 : -1))));
    });
    this.onOutside = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!root.contains(t) && !this.list.contains(t)) this.closeList();
    };
    document.addEventListener("mousedown", this.onOutside, true);
    // The constructor's list, as append_text would add it (the first shows).
    for (const item of args.items) this.append_text(item);
  }

  protected override get control(): HTMLInputElement {
    return this.input;
  }

  // ---- the list ----------------------------------------------------------

  private get isOpen(): boolean {
    return !this.list.classList.contains("pgw-hidden");
  }

  private toggleList(): void {
    if (this.isOpen) this.closeList();
    else this.openList(null);
  }

  /** Shows the items (those containing `filter` when given). */
  private openList(filter: string | null): void {
    const list = this.list;
    list.replaceChildren();
    const needle = filter ? filter.toLowerCase() : null;
    this.items.forEach((text, i) => {
      if (needle && !text.toLowerCase().includes(needle)) return;
      const item = el("div", "pgw-combobox-item", list);
      item.textContent = text;
      item.setAttribute("role", "option");
      item.dataset.index = String(i);
      item.addEventListener("mousedown", (e) => {
        e.preventDefault();
        this.choose(i);
      });
    });
    if (list.children.length === 0) {
      this.closeList();
      return;
    }
    const r = this.element.getBoundingClientRect();
    list.style.left = `${r.left}px`;
    list.style.top = `${r.bottom}px`;
    list.style.minWidth = `${r.width}px`;
    list.classList.remove("pgw-hidden");
    const first = list.firstElementChild as HTMLElement;
    list.style.maxHeight =
      this.dropdownLimit > 0 && list.children.length > this.dropdownLimit
        ? `${first.offsetHeight * this.dropdownLimit}px`
        : "";
    this.input.setAttribute("aria-expanded", "true");
    this.highlight(this.items.indexOf(this.input.value));
  }

  private closeList(): void {
    this.list.classList.add("pgw-hidden");
    this.input.setAttribute("aria-expanded", "false");
    this.highlighted = -1;
  }

  private highlight(index: number): void {
    this.highlighted = index;
    for (const child of Array.from(this.list.children) as HTMLElement[]) {
      const on = Number(child.dataset.index) === index;
      child.classList.toggle("pgw-highlighted", on);
      if (on) child.scrollIntoView({ block: "nearest" });
    }
  }

  /** Visible items' indices, in order. */
  private shownIndices(): number[] {
    return (Array.from(this.list.children) as HTMLElement[]).map((c) => Number(c.dataset.index));
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!this.isOpen) {
        this.openList(null);
        return;
      }
      const shown = this.shownIndices();
      const at = shown.indexOf(this.highlighted);
      const next = e.key === "ArrowDown" ? Math.min(shown.length - 1, at + 1) : Math.max(0, at - 1);
      this.highlight(shown[next] ?? -1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (this.isOpen && this.highlighted >= 0) {
        this.choose(this.highlighted);
        return;
      }
      this.closeList();
      let index = this.items.indexOf(this.input.value);
      if (index < 0 && this.editable) {
        this.append_text(this.input.value);
        index = this.items.length - 1;
        // The server keeps the list: it adds the item too (a reload has it).
        this.events.item_added(this.input.value);
      }
      this.events.activated(index, this.input.value);
    } else if (e.key === "Escape") {
      this.closeList();
    }
  }

  private choose(index: number): void {
    this.closeList();
    this.input.value = this.items[index] ?? "";
    this.autoSize();
    this.events.activated(index, this.input.value);
  }

  private autoSize(): void {
    if (this.fixedLength) return;
    this.input.size = Math.max(1, this.input.value.length, ...this.items.map((t) => t.length));
  }

  // ---- methods -------------------------------------------------------------

  append_text(text: string): void {
    const wasEmpty = this.items.length === 0;
    this.items.push(text);
    if (wasEmpty && !this.indexExplicit) this.input.value = text;
    this.autoSize();
  }

  insert_alpha(text: string): void {
    const wasEmpty = this.items.length === 0;
    // Code point order, as the server's list state sorts (state_ops.json),
    // not the locale's: a rebuilt page must show the same list.
    const at = this.items.findIndex((t) => codePointLess(text, t));
    if (at < 0) this.items.push(text);
    else this.items.splice(at, 0, text);
    if (wasEmpty && !this.indexExplicit) this.input.value = this.items[0] ?? "";
    this.autoSize();
  }

  delete_alpha(text: string): void {
    const at = this.items.indexOf(text);
    if (at >= 0) this.items.splice(at, 1);
    this.autoSize();
  }

  set_text(text: string): void {
    this.input.value = text;
    this.autoSize();
  }

  get_text(): string {
    return this.input.value;
  }

  set_index(idx: number): void {
    this.indexExplicit = true;
    if (idx >= 0 && idx < this.items.length) {
      this.input.value = this.items[idx] ?? "";
      this.autoSize();
    }
  }

  show_text(text: string): void {
    if (this.items.includes(text) || this.editable) this.input.value = text;
    this.autoSize();
  }

  clear(): void {
    this.items = [];
    this.indexExplicit = false;
    this.input.value = "";
    this.closeList();
    this.autoSize();
  }

  set_length(numchars: number): void {
    this.input.size = Math.max(1, numchars);
    this.fixedLength = true;
  }

  protected override teardown(): void {
    document.removeEventListener("mousedown", this.onOutside, true);
    this.list.remove();
    super.teardown();
  }
}

/** Whether `a` sorts before `b` by code points (UTF-8 byte order), as the server's lists do. */
function codePointLess(a: string, b: string): boolean {
  const x = Array.from(a, (ch) => ch.codePointAt(0)!);
  const y = Array.from(b, (ch) => ch.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]!;
  }
  return x.length < y.length;
}
