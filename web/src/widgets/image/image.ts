// Image: a picture by URL or from encoded bytes (set_binary_image), in an
// <img>, or with `use_animation_frame` drawn on a canvas at the next
// animation frame. Bytes become a blob URL (the previous one is revoked);
// bytes that do not start with their format's signature fail the call.
import "./image.css";
import { el } from "../../dom.js";
import { wireInteractive } from "../../parts/interactive.js";
import type { ImageCreateArgs, ImageEvents, ImageFormat, ImageImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

const MIME: Readonly<Record<ImageFormat, string>> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
};

function startsWith(data: Uint8Array, at: number, bytes: readonly number[]): boolean {
  if (data.length < at + bytes.length) return false;
  return bytes.every((b, i) => data[at + i] === b);
}

/** Whether `data` starts as a `format` file does. */
export function hasSignature(data: Uint8Array, format: ImageFormat): boolean {
  switch (format) {
    case "jpeg":
      return startsWith(data, 0, [0xff, 0xd8, 0xff]);
    case "png":
      return startsWith(data, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "gif":
      return startsWith(data, 0, [0x47, 0x49, 0x46, 0x38]); // GIF8
    case "webp":
      return startsWith(data, 0, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, 8, [0x57, 0x45, 0x42, 0x50]);
  }
}

export class Image extends Widget implements ImageImpl {
  declare private readonly img: HTMLImageElement; // assigned in the constructor: see Widget
  declare private readonly canvas: HTMLCanvasElement | null;
  declare private blobUrl: string;
  declare private lastImage: HTMLImageElement | null;
  declare private drawRequest: number;
  /** Pictures shown (loaded, or drawn on the canvas); the page's tests and bench read it. */
  declare framesShown: number;

  constructor(widgetId: number, args: ImageCreateArgs, events: ImageEvents, env: WidgetEnv) {
    const animated = args.use_animation_frame;
    const root = animated ? el("div") : el("img");
    super(widgetId, "Image", env, events, root);
    this.blobUrl = "";
    this.lastImage = null;
    this.drawRequest = 0;
    this.framesShown = 0;
    root.dataset["framesShown"] = "0";
    if (animated) {
      this.canvas = el("canvas", "pgw-image-canvas", root);
      this.img = new globalThis.Image();
    } else {
      this.canvas = null;
      this.img = root as HTMLImageElement;
      // A drop target, not a drag source.
      this.img.draggable = false;
      this.img.alt = "";
    }
    this.img.addEventListener("load", () => this.loaded());
    if (args.interactive) wireInteractive(this.element, events);
    if (args.url !== "") this.set_image(args.url);
  }

  set_image(url: string): void {
    this.showUrl(url);
  }

  set_binary_image(data: Uint8Array, format: ImageFormat): void {
    const mime = MIME[format];
    if (mime === undefined) throw new Error(`set_binary_image: unknown format ${String(format)}`);
    if (!hasSignature(data, format)) {
      throw new Error(`set_binary_image: the ${data.length} bytes are not a ${format} image (no ${format} signature)`);
    }
    const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: mime }));
    this.showUrl(url);
    this.blobUrl = url;
  }

  update(): void {
    if (this.canvas && this.lastImage) this.scheduleDraw();
  }

  private showUrl(url: string): void {
    // The picture it replaces is decoded already (or abandoned): its bytes go.
    if (this.blobUrl !== "") URL.revokeObjectURL(this.blobUrl);
    this.blobUrl = "";
    this.img.src = url;
  }

  private loaded(): void {
    if (!this.canvas) {
      this.count();
      return;
    }
    this.lastImage = this.img;
    this.scheduleDraw();
  }

  private scheduleDraw(): void {
    if (this.drawRequest !== 0) return;
    this.drawRequest = requestAnimationFrame(() => {
      this.drawRequest = 0;
      const img = this.lastImage;
      const canvas = this.canvas;
      if (!img || !canvas) return;
      // The bitmap takes the picture's own size; CSS scales it to the box.
      if (canvas.width !== img.naturalWidth) canvas.width = img.naturalWidth;
      if (canvas.height !== img.naturalHeight) canvas.height = img.naturalHeight;
      canvas.getContext("2d")?.drawImage(img, 0, 0);
      this.count();
    });
  }

  private count(): void {
    this.framesShown++;
    this.element.dataset["framesShown"] = String(this.framesShown);
  }

  override destroy(): void {
    if (this.drawRequest !== 0) cancelAnimationFrame(this.drawRequest);
    if (this.blobUrl !== "") URL.revokeObjectURL(this.blobUrl);
    this.blobUrl = "";
    super.destroy();
  }
}
