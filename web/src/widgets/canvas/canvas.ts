// Canvas: a drawing surface. The server sends display lists (draw()); the
// page checks each one at once (a bad one is refused, as an error of the
// call, and the picture stays), decodes its images, then draws the latest
// in one animation frame. The canvas's backing store is its CSS size times
// devicePixelRatio, and a resize (or a change of the ratio) redraws the
// last list at the new size, so drawings stay sharp.
import "./canvas.css";
import { el } from "../../dom.js";
import { wireInteractive } from "../../parts/interactive.js";
import type { CanvasCreateArgs, CanvasEvents, CanvasImpl, Drawing, DrawingImage } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";
import { checkDrawing, replay } from "./display_list.js";

interface Decoded {
  /** What the id stood for when decoded (a changed one decodes again). */
  readonly key: string;
  readonly image: Promise<CanvasImageSource>;
}

function sourceKey(img: DrawingImage): string {
  return img.url ? `url:${img.url}` : `bytes:${img.data.length}`;
}

function decode(img: DrawingImage): Promise<CanvasImageSource> {
  if (img.url) {
    const image = new Image();
    image.src = img.url;
    return image.decode().then(() => image);
  }
  return createImageBitmap(new Blob([img.data as Uint8Array<ArrayBuffer>]));
}

export class Canvas extends Widget implements CanvasImpl {
  declare readonly canvas: HTMLCanvasElement;
  /** With use_animation_frame: drawing goes here; update() copies it out. */
  declare private readonly offscreen: HTMLCanvasElement | null;
  /** The last list accepted: redrawn on a resize. */
  declare private current: Drawing | null;
  declare private currentImages: readonly CanvasImageSource[];
  /** Bumped by each draw(): an older list still decoding is dropped. */
  declare private generation: number;
  declare private frame: number;
  declare private flipPending: boolean;
  declare private dpr: number;
  declare private readonly decoded: Map<string, Decoded>;
  declare private readonly observer: ResizeObserver;
  declare private dprQuery: MediaQueryList | null;

  constructor(widgetId: number, args: CanvasCreateArgs, events: CanvasEvents, env: WidgetEnv) {
    super(widgetId, "Canvas", env, events, el("div"));
    this.canvas = el("canvas", "pgw-canvas-surface", this.element);
    this.offscreen = args.use_animation_frame ? document.createElement("canvas") : null;
    this.current = null;
    this.currentImages = [];
    this.generation = 0;
    this.frame = 0;
    this.flipPending = false;
    this.dpr = window.devicePixelRatio || 1;
    this.decoded = new Map();
    this.dprQuery = null;
    // pgwidgets' `interactive`: pointer, key, focus and drop events, in CSS
    // pixels from the canvas's corner; none are listened to without it.
    if (args.interactive) wireInteractive(this.element, events);
    this.observer = new ResizeObserver(() => this.fitBackingStore());
    this.observer.observe(this.element);
    this.watchDpr();
  }

  /** The backing store in device pixels: the CSS size times devicePixelRatio. */
  private fitBackingStore(): void {
    if (this.destroyed) return;
    this.dpr = window.devicePixelRatio || 1;
    const w = Math.max(0, Math.round(this.element.clientWidth * this.dpr));
    const h = Math.max(0, Math.round(this.element.clientHeight * this.dpr));
    let changed = false;
    for (const c of this.offscreen ? [this.canvas, this.offscreen] : [this.canvas]) {
      if (c.width !== w || c.height !== h) {
        c.width = w;
        c.height = h;
        changed = true;
      }
    }
    // Resizing cleared the canvas: draw the kept list again.
    if (changed && this.current) this.schedule();
  }

  /** A change of devicePixelRatio (zoom, another screen) refits the store. */
  private watchDpr(): void {
    this.dprQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.dprQuery.addEventListener(
      "change",
      () => {
        if (this.destroyed) return;
        this.fitBackingStore();
        this.watchDpr();
      },
      { once: true },
    );
  }

  draw(drawing: Drawing): void {
    checkDrawing(drawing);
    const generation = ++this.generation;
    const images = drawing.images.map((img) => this.imageOf(img));
    const show = (decoded: readonly CanvasImageSource[]): void => {
      if (generation !== this.generation || this.destroyed) return; // a newer list came
      this.current = drawing;
      this.currentImages = decoded;
      this.schedule();
    };
    if (images.length === 0) show([]);
    else
      Promise.all(images).then(show, (e: unknown) => {
        console.error(`${this}: a display list's image could not be decoded; the list is not drawn`, e);
      });
  }

  private imageOf(img: DrawingImage): Promise<CanvasImageSource> {
    const key = sourceKey(img);
    const known = this.decoded.get(img.id);
    if (known && known.key === key) return known.image;
    const image = decode(img);
    this.decoded.set(img.id, { key, image });
    image.catch(() => this.decoded.delete(img.id));
    return image;
  }

  /** One animation frame draws the latest list (several draws in a frame draw once). */
  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.destroyed) return;
      if (this.current) this.render(this.current, this.currentImages);
      if (this.offscreen || this.flipPending) this.flip();
    });
  }

  private render(drawing: Drawing, images: readonly CanvasImageSource[]): void {
    const target = this.offscreen ?? this.canvas;
    const ctx = target.getContext("2d");
    if (!ctx) return;
    // A fresh context for each list: cleared, default styles, no transform.
    ctx.reset();
    replay(ctx, drawing, images, this.dpr);
  }

  private flip(): void {
    this.flipPending = false;
    if (!this.offscreen || this.canvas.width === 0 || this.canvas.height === 0) return;
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.offscreen, 0, 0);
  }

  draw_image(src: string, x: number, y: number, wd: number | undefined, ht: number | undefined): void {
    const image = new Image();
    image.src = src;
    image.addEventListener("load", () => {
      if (this.destroyed) return;
      const ctx = (this.offscreen ?? this.canvas).getContext("2d");
      if (!ctx) return;
      ctx.save();
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      if (wd !== undefined && ht !== undefined) ctx.drawImage(image, x, y, wd, ht);
      else ctx.drawImage(image, x, y);
      ctx.restore();
      this.update();
    });
    image.addEventListener("error", () => console.error(`${this}: draw_image could not load ${src}`));
  }

  update(): void {
    if (!this.offscreen) return;
    this.flipPending = true;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.destroyed) this.flip();
    });
  }

  protected override teardown(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.observer.disconnect();
    this.current = null;
    super.teardown();
  }
}
