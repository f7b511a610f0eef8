// ColorWidget: a saturation/value square, a hue strip, the new and the old
// color, R/G/B fields and the hex code. Dragging in the square or strip,
// arrow keys on them, a field's change or Enter in the hex code fire
// pick("#rrggbb").
import "./colorwidget.css";
import { el, text } from "../../dom.js";
import type { ColorWidgetCreateArgs, ColorWidgetEvents, ColorWidgetImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";
import { hexOf, hsvToRgb, parseColor, rgbToHsv } from "../../parts/color.js";

const SIDE = 160;

export class ColorWidget extends Widget implements ColorWidgetImpl {
  private readonly events: ColorWidgetEvents;
  private readonly sv: HTMLCanvasElement;
  private readonly svCursor: HTMLDivElement;
  private readonly hue: HTMLCanvasElement;
  private readonly hueCursor: HTMLDivElement;
  private readonly newSwatch: HTMLDivElement;
  private readonly oldSwatch: HTMLDivElement;
  private readonly rgbFields: HTMLInputElement[];
  private readonly hexField: HTMLInputElement;
  private h = 0;
  private s = 1;
  private v = 1;
  private drawnHue = -1;

  constructor(widgetId: number, args: ColorWidgetCreateArgs, events: ColorWidgetEvents, env: WidgetEnv) {
    const root = el("div");
    super(widgetId, "ColorWidget", env, events, root);
    this.events = events;

    const svBox = el("div", "pgw-colorwidget-sv", root);
    svBox.tabIndex = 0;
    svBox.setAttribute("aria-label", "saturation and value");
    this.sv = el("canvas", "", svBox);
    this.sv.width = SIDE;
    this.sv.height = SIDE;
    this.svCursor = el("div", "pgw-colorwidget-sv-cursor", svBox);

    const hueBox = el("div", "pgw-colorwidget-hue", root);
    hueBox.tabIndex = 0;
    hueBox.setAttribute("aria-label", "hue");
    this.hue = el("canvas", "", hueBox);
    this.hue.width = 20;
    this.hue.height = SIDE;
    this.hueCursor = el("div", "pgw-colorwidget-hue-cursor", hueBox);
    this.drawHueStrip();

    const side = el("div", "pgw-colorwidget-fields", root);
    const swatches = el("div", "pgw-colorwidget-swatches", side);
    this.newSwatch = el("div", "pgw-colorwidget-swatch", swatches);
    this.newSwatch.title = "new";
    this.oldSwatch = el("div", "pgw-colorwidget-swatch", swatches);
    this.oldSwatch.title = "old";
    this.rgbFields = ["R", "G", "B"].map((name) => {
      const row = el("label", "pgw-colorwidget-row", side);
      text("span", "", `${name}:`, row);
      const f = el("input", "pgw-colorwidget-field", row);
      f.type = "number";
      f.min = "0";
      f.max = "255";
      f.addEventListener("change", () => this.fromRgbFields());
      return f;
    });
    const hexRow = el("label", "pgw-colorwidget-row", side);
    text("span", "", "#", hexRow);
    this.hexField = el("input", "pgw-colorwidget-field pgw-colorwidget-hex", hexRow);
    this.hexField.maxLength = 7;
    this.hexField.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault();
      this.fromHexField();
    });
    this.hexField.addEventListener("change", () => {
      if (this.hexField.value !== this.hex.slice(1)) this.fromHexField();
    });

    this.dragArea(svBox, (x, y) => {
      this.s = x;
      this.v = 1 - y;
    });
    this.dragArea(hueBox, (_x, y) => {
      this.h = y * 360;
    });
    svBox.addEventListener("keydown", (e) => {
      const d = arrow(e.key);
      if (!d) return;
      e.preventDefault();
      this.s = clamp01(this.s + d[0] * 0.02);
      this.v = clamp01(this.v - d[1] * 0.02);
      this.update(true);
    });
    hueBox.addEventListener("keydown", (e) => {
      const d = arrow(e.key);
      if (!d) return;
      e.preventDefault();
      this.h = Math.max(0, Math.min(360, this.h + d[1] * 2));
      this.update(true);
    });

    this.set_color(args.color);
  }

  /** Pointer presses and drags in `box`, as fractions 0..1 of its size. */
  private dragArea(box: HTMLElement, apply: (x: number, y: number) => void): void {
    const pick = (e: PointerEvent) => {
      const r = box.getBoundingClientRect();
      apply(clamp01((e.clientX - r.left) / Math.max(1, r.width - 1)), clamp01((e.clientY - r.top) / Math.max(1, r.height - 1)));
      this.update(true);
    };
    box.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      e.preventDefault();
      box.focus();
      box.setPointerCapture(e.pointerId);
      pick(e);
      const up = () => {
        box.removeEventListener("pointermove", pick);
        box.removeEventListener("pointerup", up);
        box.removeEventListener("pointercancel", up);
      };
      box.addEventListener("pointermove", pick);
      box.addEventListener("pointerup", up);
      box.addEventListener("pointercancel", up);
    });
  }

  private fromRgbFields(): void {
    const [r, g, b] = this.rgbFields.map((f) => Math.max(0, Math.min(255, Math.round(Number(f.value) || 0))));
    [this.h, this.s, this.v] = rgbToHsv(r ?? 0, g ?? 0, b ?? 0);
    this.update(true);
  }

  private fromHexField(): void {
    const rgb = parseColor(this.hexField.value);
    if (!rgb) {
      this.update(false); // puts the current code back
      return;
    }
    [this.h, this.s, this.v] = rgbToHsv(...rgb);
    this.update(true);
  }

  /** The color shown, "#rrggbb" (ColorDialog reads it for OK). */
  get hexColor(): string {
    return this.hex;
  }

  private get hex(): string {
    return hexOf(...hsvToRgb(this.h, this.s, this.v));
  }

  private update(pick: boolean): void {
    const rgb = hsvToRgb(this.h, this.s, this.v);
    const hex = hexOf(...rgb);
    if (this.h !== this.drawnHue) this.drawSquare();
    this.svCursor.style.left = `${this.s * 100}%`;
    this.svCursor.style.top = `${(1 - this.v) * 100}%`;
    this.hueCursor.style.top = `${(this.h / 360) * 100}%`;
    this.newSwatch.style.background = hex;
    this.rgbFields.forEach((f, i) => {
      f.value = String(rgb[i]);
    });
    this.hexField.value = hex.slice(1);
    if (pick) this.events.pick(hex);
  }

  private drawSquare(): void {
    const ctx = this.sv.getContext("2d");
    this.drawnHue = this.h;
    if (!ctx) return;
    const [r, g, b] = hsvToRgb(this.h, 1, 1);
    ctx.fillStyle = `rgb(${r},${g},${b})`;
    ctx.fillRect(0, 0, SIDE, SIDE);
    const white = ctx.createLinearGradient(0, 0, SIDE, 0);
    white.addColorStop(0, "#fff");
    white.addColorStop(1, "rgba(255,255,255,0)");
    ctx.fillStyle = white;
    ctx.fillRect(0, 0, SIDE, SIDE);
    const black = ctx.createLinearGradient(0, 0, 0, SIDE);
    black.addColorStop(0, "rgba(0,0,0,0)");
    black.addColorStop(1, "#000");
    ctx.fillStyle = black;
    ctx.fillRect(0, 0, SIDE, SIDE);
  }

  private drawHueStrip(): void {
    const ctx = this.hue.getContext("2d");
    if (!ctx) return;
    const grad = ctx.createLinearGradient(0, 0, 0, SIDE);
    for (let i = 0; i <= 6; i++) {
      const [r, g, b] = hsvToRgb(i * 60, 1, 1);
      grad.addColorStop(i / 6, `rgb(${r},${g},${b})`);
    }
    ctx.fillStyle = grad;
    ctx.fillRect(0, 0, 20, SIDE);
  }

  set_color(hex_string: string): void {
    const rgb = parseColor(hex_string);
    if (!rgb) throw new Error(`${hex_string} is not a color: give #rrggbb or rgb(r, g, b)`);
    [this.h, this.s, this.v] = rgbToHsv(...rgb);
    this.oldSwatch.style.background = hexOf(...rgb);
    this.update(false);
  }

  /** With the color shown, for error messages. */
  override toString(): string {
    return `ColorWidget ${this.widgetId} ${this.hex}`;
  }
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

function arrow(key: string): [number, number] | undefined {
  switch (key) {
    case "ArrowLeft":
      return [-1, 0];
    case "ArrowRight":
      return [1, 0];
    case "ArrowUp":
      return [0, -1];
    case "ArrowDown":
      return [0, 1];
    default:
      return undefined;
  }
}
