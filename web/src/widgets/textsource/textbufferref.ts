// TextBufferRef: a live position in a TextSource. The buffer it belongs to
// (the TextSource whose create_ref or create_named_ref made it) moves it
// through every edit; it has no element of its own on the page.
import type {
  Gravity,
  LineColumnValue,
  TextBufferRefCreateArgs,
  TextBufferRefEvents,
  TextBufferRefImpl,
  WidgetHandle,
} from "../../schema.js";
import { el } from "../../dom.js";
import { asWidget, Widget, type WidgetEnv } from "../widget.js";
import { utf16ToUtf8 } from "./offsets.js";
import type { TextSource } from "./textsource.js";

export class TextBufferRef extends Widget implements TextBufferRefImpl {
  declare private readonly events: TextBufferRefEvents;
  declare readonly gravity: Gravity;
  /** The offset (UTF-8 bytes) it was made at: where its buffer puts it first. */
  declare readonly initialOffset: number;
  declare buffer: TextSource | null;
  /** Its place, as the editor counts (UTF-16); meaningful while valid. */
  declare pos: number;
  declare valid: boolean;
  declare name: string;
  declare iconUrl: string;

  constructor(widgetId: number, args: TextBufferRefCreateArgs, events: TextBufferRefEvents, env: WidgetEnv) {
    const element = el("span");
    element.style.display = "none";
    super(widgetId, "TextBufferRef", env, events, element);
    this.events = events;
    this.gravity = args.gravity;
    this.initialOffset = args.offset;
    this.buffer = null;
    this.pos = 0;
    this.valid = false;
    this.name = args.name;
    this.iconUrl = "";
  }

  /** Its buffer tracks it from `pos` on. */
  attach(buffer: TextSource, pos: number): void {
    this.buffer = buffer;
    this.pos = pos;
    this.valid = true;
    if (this.name) buffer.nameRef(this);
  }

  detach(): void {
    this.buffer = null;
  }

  /** set_text or remove_ref: it points nowhere now. */
  invalidate(): void {
    if (!this.valid) return;
    this.valid = false;
    this.name = "";
    this.iconUrl = "";
    this.events.invalidated();
  }

  checkValid(): TextSource {
    // Removed (remove_ref), or never adopted: only TextSource's create_ref
    // and create_named_ref make a ref, and the server refuses a create of
    // one by itself (schema option only_created_by).
    if (!this.buffer) {
      throw new Error(`${this} is in no TextSource (removed by remove_ref, or not made by create_ref/create_named_ref)`);
    }
    if (!this.valid) throw new Error(`${this} was invalidated (set_text or remove_ref)`);
    return this.buffer;
  }

  private moveTo(pos: number): void {
    const b = this.checkValid();
    this.pos = pos;
    b.refMoved();
  }

  private line(): { from: number; to: number; number: number; text: string } {
    return this.checkValid().view.state.doc.lineAt(this.pos);
  }

  get_offset(): number {
    return this.checkValid().bytes(this.pos);
  }

  get_gravity(): Gravity {
    return this.gravity;
  }

  is_valid(): boolean {
    return this.valid;
  }

  get_line_column(): LineColumnValue {
    const line = this.line();
    return { line: line.number - 1, column: utf16ToUtf8(line.text, this.pos - line.from) };
  }

  get_line(): number {
    return this.line().number - 1;
  }

  set_offset(offset: number): void {
    this.moveTo(this.checkValid().pos(offset));
  }

  set_line(line: number): void {
    this.moveTo(this.checkValid().lineOf(line).from);
  }

  to_ref(other: WidgetHandle): void {
    const o = asWidget(other);
    if (!(o instanceof TextBufferRef) || o.buffer !== this.buffer) throw new Error(`${o} is not a ref of the same TextSource`);
    o.checkValid();
    this.moveTo(o.pos);
  }

  to_line_start(): void {
    this.moveTo(this.line().from);
  }

  to_line_end(): void {
    this.moveTo(this.line().to);
  }

  private toLine(delta: number): void {
    const doc = this.checkValid().view.state.doc;
    const line = this.line();
    const n = line.number + delta;
    if (n < 1 || n > doc.lines) return;
    const bytes = utf16ToUtf8(line.text, this.pos - line.from);
    const target = doc.line(n);
    // The same column in bytes, or the line's end; never inside a character.
    let pos = target.from;
    let acc = 0;
    for (const ch of target.text) {
      const b = utf16ToUtf8(ch, ch.length);
      if (acc + b > bytes) break;
      acc += b;
      pos += ch.length;
    }
    this.moveTo(pos);
  }

  to_next_line(): void {
    this.toLine(1);
  }

  to_prev_line(): void {
    this.toLine(-1);
  }

  to_next_char(): void {
    const doc = this.checkValid().view.state.doc;
    if (this.pos >= doc.length) return;
    const c = doc.sliceString(this.pos, this.pos + 2);
    const pair = c.length === 2 && /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(c);
    this.moveTo(this.pos + (pair ? 2 : 1));
  }

  to_prev_char(): void {
    const doc = this.checkValid().view.state.doc;
    if (this.pos <= 0) return;
    const c = doc.sliceString(Math.max(0, this.pos - 2), this.pos);
    const pair = c.length === 2 && /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(c);
    this.moveTo(this.pos - (pair ? 2 : 1));
  }

  protected override teardown(): void {
    this.buffer?.forgetRef(this);
    this.buffer = null;
    super.teardown();
  }
}
