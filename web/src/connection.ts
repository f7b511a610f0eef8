// The WebSocket to the server: hello, frames in and out, close codes,
// reconnecting, viewport reports.
import { create } from "@bufbuild/protobuf";
import { makeContext } from "./context.js";
import type { Desktop } from "./desktop.js";
import type { Notices } from "./notices.js";
import type { Outbox } from "./outbox.js";
import { FrameProcessor } from "./processor.js";
import type { Registry } from "./registry.js";
import { SCHEMA_FINGERPRINT, proto, userPackages, type WidgetFactories } from "./schema.js";
import { forgetSession, saveSession, sessionToJoin, urlAfterHello, withoutSession } from "./session-store.js";

/** Close codes the server uses (see the report / runtime). */
// Close codes and the protocol version come from protocol.proto.
const PROTOCOL_VERSION: number = proto.ProtocolVersion.CURRENT;
export const CLOSE_REJECTED: number = proto.CloseCode.REJECTED;
export const CLOSE_FULL: number = proto.CloseCode.SERVER_FULL;
export const CLOSE_MISMATCH: number = proto.CloseCode.MISMATCH;

const RETRY_MS = 500;
const RETRY_FULL_MS = 5000;
const VIEWPORT_DEBOUNCE_MS = 100;

export type ConnectionStatus =
  | "connecting" // first attempt under way
  | "open" // socket open
  | "reconnecting" // lost; retrying every 500 ms
  | "full" // 4002: retrying every 5 s
  | "rejected" // 4001: given up
  | "mismatch" // 4003: given up
  | "invalid-url"; // the WebSocket URL cannot be used

export interface ConnectionParts {
  readonly registry: Registry;
  readonly outbox: Outbox;
  readonly desktop: Desktop;
  readonly notices: Notices;
  readonly factories: WidgetFactories;
}

export class Connection {
  status: ConnectionStatus = "connecting";
  sessionId = "";
  /** Whether the last hello rejoined an existing session. */
  rejoined = false;
  lastClose: { code: number; reason: string } | null = null;
  serverErrors = 0;
  private ws: WebSocket | null = null;
  private retryTimer: number | undefined;
  private viewportTimer: number | undefined;
  private lastViewport = "";
  private heard = false;
  private readonly processor: FrameProcessor;

  constructor(
    readonly url: string,
    private readonly parts: ConnectionParts,
  ) {
    const ctx = makeContext(parts.registry, parts.outbox);
    this.processor = new FrameProcessor(parts.registry, parts.factories, parts.outbox, ctx, {
      hello: (h) => this.onHello(h),
      serverError: (m) => this.onServerError(m),
    });
  }

  get framesReceived(): number {
    return this.processor.framesReceived;
  }

  /** Pages rebuilt by the server (rejoins of a session that had widgets). */
  get rebuilds(): number {
    return this.processor.rebuildsDone;
  }

  get lastRebuildBytes(): number {
    return this.processor.lastRebuildBytes;
  }

  start(): void {
    window.addEventListener("resize", () => {
      clearTimeout(this.viewportTimer);
      this.viewportTimer = window.setTimeout(() => this.sendViewport(), VIEWPORT_DEBOUNCE_MS);
    });
    this.connect();
  }

  private connect(): void {
    this.retryTimer = undefined;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url);
    } catch (e) {
      this.status = "invalid-url";
      this.parts.notices.showPage(
        "invalid",
        "Cannot connect",
        `The WebSocket address "${this.url}" cannot be used: ${e instanceof Error ? e.message : String(e)}`,
        "Check the ?ws= parameter or the server's configuration.",
      );
      return;
    }
    ws.binaryType = "arraybuffer";
    this.ws = ws;
    this.heard = false;
    ws.onopen = () => {
      if (ws !== this.ws) return;
      this.status = "open";
      this.parts.outbox.attach((frame) => ws.send(frame));
      this.parts.outbox.sendNow({ case: "hello", value: this.hello() });
    };
    ws.onmessage = (ev: MessageEvent) => {
      if (ws !== this.ws) return;
      if (!(ev.data instanceof ArrayBuffer)) {
        console.warn("pgwidgets: ignoring a text frame from the server");
        return;
      }
      if (!this.heard) {
        this.heard = true;
        this.parts.notices.hideOverlay();
        this.parts.notices.hidePage();
      }
      this.processor.process(new Uint8Array(ev.data));
    };
    ws.onclose = (ev: CloseEvent) => {
      if (ws !== this.ws) return;
      this.onClose(ev.code, ev.reason);
    };
  }

  private hello(): proto.ClientHello {
    // Rejoin the session of the URL or of this tab, if any: the server
    // rebuilds its page. An unknown or expired one starts a new session.
    const s = sessionToJoin(location.search);
    return create(proto.ClientHelloSchema, {
      protocolVersion: PROTOCOL_VERSION,
      schemaFingerprint: SCHEMA_FINGERPRINT,
      sessionId: s?.id ?? "",
      token: s?.token ?? "",
      viewport: this.viewport(),
      // The user's widget packages: the server refuses the page when they
      // differ from its own, naming the package.
      packages: userPackages.map((p) =>
        create(proto.PackageFingerprintSchema, { name: p.name, fingerprint: p.fingerprint }),
      ),
    });
  }

  private viewport(): proto.Viewport {
    return create(proto.ViewportSchema, {
      width: Math.max(0, Math.round(window.innerWidth)),
      height: Math.max(0, Math.round(window.innerHeight)),
    });
  }

  private sendViewport(): void {
    if (this.status !== "open") return;
    const v = this.viewport();
    const key = `${v.width}x${v.height}`;
    if (key === this.lastViewport) return;
    this.lastViewport = key;
    this.parts.outbox.push({ case: "viewport", value: v });
  }

  private onHello(h: proto.ServerHello): void {
    // The server sends the whole page after its hello, rebuilt when the
    // session existed: what this page showed before goes now, not at the
    // close, so a reconnect never flashes an empty page.
    this.clearPage();
    this.sessionId = h.sessionId;
    this.rejoined = h.rejoined;
    const s = { id: h.sessionId, token: h.token };
    saveSession(s);
    const url = urlAfterHello(location.href, s);
    if (url) history.replaceState(history.state, "", url);
    if (h.protocolVersion !== PROTOCOL_VERSION || h.schemaFingerprint !== SCHEMA_FINGERPRINT) {
      console.warn(
        `pgwidgets: server speaks protocol ${h.protocolVersion} / schema ${h.schemaFingerprint.toString(16)}, ` +
          `page ${PROTOCOL_VERSION} / ${SCHEMA_FINGERPRINT.toString(16)}`,
      );
    }
    const v = this.viewport();
    this.lastViewport = `${v.width}x${v.height}`;
  }

  private onServerError(message: string): void {
    this.serverErrors++;
    console.error(`pgwidgets: server error: ${message}`);
    this.parts.notices.banner(message);
  }

  private clearPage(): void {
    this.processor.reset();
    this.parts.registry.clear();
    this.parts.desktop.reset();
  }

  private onClose(code: number, reason: string): void {
    this.ws = null;
    this.lastClose = { code, reason };
    this.parts.outbox.detach();
    // The session lives on in the server: the page stays, under the
    // overlay, until the server's hello on reconnecting replaces it.
    this.processor.reset();
    const n = this.parts.notices;
    switch (code) {
      case CLOSE_REJECTED:
        this.status = "rejected";
        this.clearPage();
        this.sessionId = "";
        forgetSession();
        // A reload then starts a new session instead of being refused again.
        history.replaceState(history.state, "", withoutSession(location.href));
        n.hideOverlay();
        n.showPage("rejected", "Connection rejected", reason || "The server refused this session.", "Reload the page to start a new session.");
        return;
      case CLOSE_MISMATCH:
        this.status = "mismatch";
        this.clearPage();
        n.hideOverlay();
        n.showPage(
          "mismatch",
          "This page does not match the server",
          reason || "The page was built for another protocol or widget schema.",
          "Reload the page; if this persists, the server and its web files are from different builds.",
        );
        return;
      case CLOSE_FULL:
        this.status = "full";
        n.hideOverlay();
        n.showPage("full", "The server is full", reason || "All sessions are in use.", "Retrying every 5 seconds\u2026");
        this.scheduleRetry(RETRY_FULL_MS);
        return;
      default:
        this.status = "reconnecting";
        n.hidePage();
        n.showOverlay("Connection lost \u2014 reconnecting\u2026");
        this.scheduleRetry(RETRY_MS);
    }
  }

  private scheduleRetry(ms: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => this.connect(), ms);
  }
}
