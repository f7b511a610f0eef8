// FileDialog: the browser's file picker and downloads. It shows nothing
// itself (its element stays hidden and is never put in a container). The
// picked files go to the server through the page's uploader (uploads.ts).
import type { FileDialogCreateArgs, FileDialogEvents, FileDialogImpl, FileDialogMode } from "../../schema.js";
import { el } from "../../dom.js";
import { uploader } from "../../uploads.js";
import { Widget, type WidgetEnv } from "../widget.js";

/** A download's object URL is freed this long after its click. */
const REVOKE_MS = 60_000;

export class FileDialog extends Widget implements FileDialogImpl {
  override readonly isWindow = true;
  private mode: FileDialogMode;
  private accept: string;

  constructor(widgetId: number, args: FileDialogCreateArgs, events: FileDialogEvents, env: WidgetEnv) {
    const root = el("div");
    root.hidden = true;
    super(widgetId, "FileDialog", env, events, root);
    // In the document (hidden), as every widget is; destroy() takes it out.
    env.desktop.element.appendChild(root);
    this.mode = args.mode;
    this.accept = args.accept ?? "";
  }

  set_mode(mode: FileDialogMode): void {
    this.mode = mode;
  }

  set_accept(accept: string): void {
    this.accept = accept;
  }

  /** pgwidgets' show() on a FileDialog opens the picker. */
  override show(): void {
    this.open();
  }

  popup(_x: number, _y: number): void {
    this.open();
  }

  open(): void {
    if (this.mode === "save" || this.destroyed) return;
    const input = document.createElement("input");
    input.type = "file";
    input.style.display = "none";
    if (this.accept) input.accept = this.accept;
    input.multiple = this.mode === "files";
    input.setAttribute("data-pgw-file-input", String(this.widgetId));
    const done = () => input.remove();
    input.addEventListener("change", () => {
      const files = input.files ? Array.from(input.files) : [];
      done();
      if (files.length > 0) void uploader.send(this.widgetId, files);
    });
    input.addEventListener("cancel", done);
    document.body.appendChild(input);
    input.click();
  }

  save(filename: string, data: Uint8Array, mime_type: string): void {
    // A copy in a plain ArrayBuffer: the message's bytes may view a larger buffer.
    const blob = new Blob([data.slice().buffer as ArrayBuffer], { type: mime_type || "application/octet-stream" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_MS);
  }
}
