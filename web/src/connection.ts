// The WebSocket to the server: hello, frames in and out, close codes,
// reconnecting (backing off, and far slower after the server refused what
// the page sent), viewport reports, and sending what the page held back
// when it is left or hidden.
import { create } from "@bufbuild/protobuf";
import { makeContext } from "./context.js";
import type { Desktop } from "./desktop.js";
import type { Notices } from "./notices.js";
import type { Outbox } from "./outbox.js";
import { FrameProcessor } from "./processor.js";
import { uploader } from "./uploads.js";
import { sendHeldBack } from "./parts/held.js";
import type { Registry } from "./registry.js";
import { SCHEMA_FINGERPRINT, proto, userPackages, type WidgetFactories } from "./schema.js";
import { forgetSession, saveSession, sessionToJoin, socketUrl, urlAfterHello, withoutSession } from "./session-store.js";

/** Close codes the server uses (see the report / runtime). */
// Close codes and the protocol version come from protocol.proto.
const PROTOCOL_VERSION: number = proto.ProtocolVersion.CURRENT;
export const CLOSE_REJECTED: number = proto.CloseCode.REJECTED;
export const CLOSE_FULL: number = proto.CloseCode.SERVER_FULL;
export const CLOSE_MISMATCH: number = proto.CloseCode.MISMATCH;

const RETRY_MS = 500;
/** Lost connections retry every RETRY_MS this many times, then back off to RETRY_MAX_MS. */
const RETRIES_AT_ONCE = 5;
const RETRY_MAX_MS = 5000;
const RETRY_FULL_MS = 5000;
/** Closes that say the page sent more than the server allows (1008 policy, 1009 too big). */
const POLICY_CLOSES: ReadonlySet<number> = new Set([1008, 1009]);
/** After a policy close: 5 s, then twice as long each time, up to a minute. */
const RETRY_POLICY_MS = 5000;
const RETRY_POLICY_MAX_MS = 60000;
/** A connection open this long ends a run of policy closes. */
const POLICY_FORGIVEN_MS = 60000;
const VIEWPORT_DEBOUNCE_MS = 100;

export type ConnectionStatus =
  | "connecting" // first attempt under way
  | "open" // socket open
  | "reconnecting" // lost; retrying every 500 ms
  | "full" // 4002: retrying every 5 s
  | "refused" // 1008/1009: the server cut the page off; retrying after 5 s, 10 s, ... up to a minute
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
  /** The address of the last attempt: `url` and the session it joins. */
  socketUrl = "";
  serverErrors = 0;
  private ws: WebSocket | null = null;
  private retryTimer: number | undefined;
  private viewportTimer: number | undefined;
  private lastViewport = "";
  private heard = false;
  /** Lost connections in a row (a hello ends the run). */
  private failures = 0;
  /** Policy closes in a row (a connection open a minute ends the run). */
  private policyCloses = 0;
  private openedAt = 0;
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
    // What the page held back (text until typing pauses, a drag's last
    // position, reports waiting for the animation frame) goes now when the
    // page is left or hidden: a reload or a closed tab loses nothing. On
    // pagehide the socket is closed after it, so the closing handshake
    // follows the frame and the server has it before the page rejoins.
    window.addEventListener("pagehide", () => this.leave(true));
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") this.leave(false);
    });
    this.connect();
  }

  /** Sends every held-back report now; `closing`: then closes the socket. */
  private leave(closing: boolean): void {
    sendHeldBack();
    this.parts.outbox.flushAll();
    if (closing && this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.close(1000, "page left");
  }

  private connect(): void {
    this.retryTimer = undefined;
    let ws: WebSocket;
    // The session this page joins rides in the URL too, for a proxy's routing.
    this.socketUrl = socketUrl(this.url, sessionToJoin(location.search));
    try {
      ws = new WebSocket(this.socketUrl);
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
      this.openedAt = Date.now();
      this.parts.outbox.attach((frame) => ws.send(frame));
      // Reports held back while no socket was open go with the hello: the
      // server records them before it rebuilds the page.
      sendHeldBack();
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
    this.failures = 0;
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
    if (this.openedAt !== 0 && Date.now() - this.openedAt >= POLICY_FORGIVEN_MS) this.policyCloses = 0;
    this.openedAt = 0;
    this.lastClose = { code, reason };
    this.parts.outbox.detach();
    // The server drops this connection's uploads: the page's end too.
    uploader.reset();
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
        if (POLICY_CLOSES.has(code)) {
          // The server refused what this page sent: retrying at once would
          // only be refused again. Say why, and wait longer each time.
          const wait = Math.min(RETRY_POLICY_MAX_MS, RETRY_POLICY_MS * 2 ** this.policyCloses);
          this.policyCloses++;
          this.status = "refused";
          n.hideOverlay();
          n.showPage(
            "refused",
            "The server cut this page off",
            reason || `It closed the connection (code ${code}): the page sent more than it allows.`,
            `Reconnecting in ${Math.round(wait / 1000)} seconds\u2026`,
          );
          this.scheduleRetry(wait);
          return;
        }
        this.status = "reconnecting";
        n.hidePage();
        n.showOverlay("Connection lost \u2014 reconnecting\u2026");
        this.failures++;
        this.scheduleRetry(
          this.failures <= RETRIES_AT_ONCE
            ? RETRY_MS
            : Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** (this.failures - RETRIES_AT_ONCE)),
        );
    }
  }

  private scheduleRetry(ms: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => this.connect(), ms);
  }
}
