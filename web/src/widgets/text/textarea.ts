// TextArea: many lines, edited as a <textarea>. What the user types reaches
// the server (changed) once typing pauses, and at once when the area loses
// focus: a report per pause, not per key, keeps a fast typist well under
// the server's max_callbacks_per_second, and the server's get_text then answers
// without asking the page and a reload gets the text back. Scrolling is
// reported (scrolled) the same way, once it pauses. A report waiting for
// its pause goes at once when the page is left or reconnects (whenQuiet
// holds it back), so a reload right after typing keeps every character.
import "./textarea.css";
import { el } from "../../dom.js";
import { whenQuiet, type Quiet } from "../../parts/debounce.js";
import type { ScrollAlign, TextAreaCreateArgs, TextAreaEvents, TextAreaImpl, Wrap } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

/** How long typing or scrolling must pause before the page reports it. */
export const REPORT_PAUSE_MS = 250;

export class TextArea extends Widget implements TextAreaImpl {
  declare private readonly area: HTMLTextAreaElement; // assigned in the constructor: see Widget
  declare private readonly events: TextAreaEvents;
  /** The text the server knows; a report is due when the area differs. */
  declare private known: string;
  declare private limit: number;
  declare private readonly textReport: Quiet;
  declare private readonly scrollReport: Quiet;
  /** The scroll fractions the server knows. */
  declare private knownScroll: { h: number; v: number };
  /** set_scroll_position's own scroll event is not the user's. */
  declare private skipNextScroll: boolean;

  constructor(widgetId: number, args: TextAreaCreateArgs, events: TextAreaEvents, env: WidgetEnv) {
    const area = el("textarea");
    super(widgetId, "TextArea", env, events, area);
    this.area = area;
    this.events = events;
    this.limit = 0;
    this.textReport = whenQuiet(() => this.reportText(), REPORT_PAUSE_MS);
    this.scrollReport = whenQuiet(() => this.reportScroll(), REPORT_PAUSE_MS);
    this.knownScroll = { h: 0, v: 0 };
    this.skipNextScroll = false;
    area.spellcheck = false;
    area.value = args.text;
    this.known = args.text;
    area.readOnly = !args.editable;
    this.set_wrap(args.wrap);
    area.addEventListener("input", () => this.textReport());
    area.addEventListener("blur", () => this.reportText());
    area.addEventListener("scroll", () => this.scheduleScroll());
  }

  // ---- text -----------------------------------------------------------------

  set_text(text: string): void {
    this.area.value = text;
    this.known = text;
    // The limit may shorten it: then the server hears the kept text.
    if (this.enforceLimit()) this.reportText();
  }

  append_text(text: string): void {
    this.area.value += text;
    this.enforceLimit();
    // The server cannot compute the result: the page tells it.
    this.reportText();
  }

  clear(): void {
    this.set_text("");
  }

  set_editable(tf: boolean): void {
    this.area.readOnly = !tf;
  }

  set_wrap(wrap: Wrap): void {
    this.area.wrap = wrap === "none" ? "off" : "soft";
    this.area.classList.toggle("pgw-wrap-hard", wrap === "hard");
  }

  set_limit(numlines: number): void {
    this.limit = numlines > 0 ? numlines : 0;
    if (this.enforceLimit()) this.reportText();
  }

  /** Drops the oldest lines beyond the limit; whether it dropped any. */
  private enforceLimit(): boolean {
    if (this.limit === 0) return false;
    const lines = this.area.value.split("\n");
    if (lines.length <= this.limit) return false;
    this.area.value = lines.slice(lines.length - this.limit).join("\n");
    return true;
  }

  private reportText(): void {
    this.textReport.cancel();
    if (this.destroyed) return;
    // The limit holds for typed text too, as pgwidgets applies it on set.
    this.enforceLimit();
    const text = this.area.value;
    if (text === this.known) return;
    this.known = text;
    this.events.changed(text);
  }

  // ---- scrolling ------------------------------------------------------------

  private fractions(): { h: number; v: number } {
    const a = this.area;
    const maxX = a.scrollWidth - a.clientWidth;
    const maxY = a.scrollHeight - a.clientHeight;
    return { h: maxX > 0 ? a.scrollLeft / maxX : 0, v: maxY > 0 ? a.scrollTop / maxY : 0 };
  }

  set_scroll_position(h_pct: number, v_pct: number): void {
    const a = this.area;
    const clamp = (f: number) => (Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0);
    const before = [a.scrollLeft, a.scrollTop];
    a.scrollLeft = clamp(h_pct) * Math.max(0, a.scrollWidth - a.clientWidth);
    a.scrollTop = clamp(v_pct) * Math.max(0, a.scrollHeight - a.clientHeight);
    // The server recorded what it asked for; the scroll event this causes
    // (if it moved at all) is not news.
    this.knownScroll = { h: h_pct, v: v_pct };
    this.skipNextScroll = a.scrollLeft !== before[0] || a.scrollTop !== before[1];
  }

  scroll_to_lineno(lineno: number, align: ScrollAlign): void {
    const a = this.area;
    const style = getComputedStyle(a);
    let line = parseFloat(style.lineHeight);
    if (!Number.isFinite(line)) line = (parseFloat(style.fontSize) || 13) * 1.2;
    const top = (parseFloat(style.paddingTop) || 0) + Math.max(0, lineno) * line;
    const view = a.clientHeight;
    let target = a.scrollTop;
    if (align === "top") target = top;
    else if (align === "center") target = top - (view - line) / 2;
    else if (top < a.scrollTop) target = top;
    else if (top + line > a.scrollTop + view) target = top + line - view;
    a.scrollTop = Math.max(0, Math.min(target, a.scrollHeight - view));
  }

  scroll_to_end(): void {
    this.area.scrollTop = Math.max(0, this.area.scrollHeight - this.area.clientHeight);
  }

  private scheduleScroll(): void {
    if (this.skipNextScroll) {
      this.skipNextScroll = false;
      return;
    }
    this.scrollReport();
  }

  private reportScroll(): void {
    if (this.destroyed) return;
    const f = this.fractions();
    if (f.h === this.knownScroll.h && f.v === this.knownScroll.v) return;
    this.knownScroll = f;
    this.events.scrolled(f.h, f.v);
  }

  // ---- widget ---------------------------------------------------------------

  override set_enabled(enabled: boolean): void {
    this.area.disabled = !enabled;
    this.element.classList.toggle("pgw-disabled", !enabled);
  }

  override set_focus(): void {
    this.area.focus();
  }

  protected override teardown(): void {
    // A destroyed area has nothing left to report.
    this.textReport.cancel();
    this.scrollReport.cancel();
    super.teardown();
  }
}
