// What the page tells the user about the connection: a full-page message
// (server full, rejected, incompatible), a "reconnecting" overlay, and a
// small non-blocking banner for errors. All text goes in as textContent.
import "./notices.css";
import { el, text } from "./dom.js";

const BANNER_SECONDS = 12;
const MAX_BANNERS = 4;

export class Notices {
  private page: HTMLElement | null = null;
  private overlay: HTMLElement | null = null;
  private readonly banners: HTMLElement;

  constructor(private readonly host: HTMLElement) {
    this.banners = el("div", "pgw-banners", host);
    this.banners.setAttribute("role", "status");
    this.banners.setAttribute("aria-live", "polite");
  }

  /** A message covering the whole page. */
  showPage(kind: string, title: string, detail: string, hint: string): void {
    this.hidePage();
    const page = el("div", `pgw-fullpage pgw-fullpage-${kind}`, this.host);
    page.setAttribute("role", "alertdialog");
    const card = el("div", "pgw-fullpage-card", page);
    text("h1", "pgw-fullpage-title", title, card);
    if (detail) text("p", "pgw-fullpage-detail", detail, card);
    if (hint) text("p", "pgw-fullpage-hint", hint, card);
    this.page = page;
  }

  hidePage(): void {
    this.page?.remove();
    this.page = null;
  }

  /** A translucent overlay while the connection is being re-established. */
  showOverlay(message: string): void {
    if (!this.overlay) {
      this.overlay = el("div", "pgw-overlay", this.host);
      const card = el("div", "pgw-overlay-card", this.overlay);
      el("span", "pgw-spinner", card);
      el("span", "pgw-overlay-text", card);
    }
    const t = this.overlay.querySelector(".pgw-overlay-text");
    if (t) t.textContent = message;
  }

  hideOverlay(): void {
    this.overlay?.remove();
    this.overlay = null;
  }

  /** A dismissable error line at the top of the page. */
  banner(message: string): void {
    while (this.banners.childElementCount >= MAX_BANNERS) this.banners.firstElementChild?.remove();
    const b = el("div", "pgw-banner", this.banners);
    text("span", "pgw-banner-text", message, b);
    const close = text("button", "pgw-banner-close", "\u00d7", b);
    close.type = "button";
    close.title = "Dismiss";
    close.setAttribute("aria-label", "Dismiss");
    close.addEventListener("click", () => b.remove());
    setTimeout(() => b.remove(), BANNER_SECONDS * 1000);
  }
}
