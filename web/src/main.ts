// Boots the page: finds the server, builds the desktop, connects. entry.ts
// boots the SDK's bundle; a user's bundle (pgwidgets_add_widgets) boots with
// its own widget packages added.
import "./style.css";
import { Connection, type ConnectionStatus } from "./connection.js";
import { Desktop } from "./desktop.js";
import { Notices } from "./notices.js";
import { Outbox } from "./outbox.js";
import { Registry } from "./registry.js";
import { uploader } from "./uploads.js";
import { installTestHooks, testHooksRequested, type TestHooks } from "./test-hooks.js";
import { addPackage, type WidgetFactories, type WidgetPackage } from "./schema.js";
import { makeFactories } from "./widgets/index.js";
import type { WidgetEnv } from "./widgets/widget.js";

/** A user's widget package and the factories of its TypeScript classes. */
export interface UserWidgets {
  readonly widgetPackage: WidgetPackage;
  /** Makes the package's factories (its generated WidgetFactories interface). */
  readonly makeFactories: (env: WidgetEnv) => object;
}

/** Read-only state for tests and debugging: `window.pgwidgets.state`. */
export interface DebugState {
  readonly connection: ConnectionStatus;
  readonly url: string;
  /** The last WebSocket address opened: `url` with ?session=<id> when joining one. */
  readonly socketUrl: string;
  readonly sessionId: string;
  /** Whether the page joined an existing session (and was rebuilt). */
  readonly rejoined: boolean;
  /** Pages the server rebuilt in this tab's life (one per rejoin with widgets). */
  readonly rebuilds: number;
  /** Bytes of the frame that carried the last rebuild. */
  readonly lastRebuildBytes: number;
  readonly widgets: number;
  readonly framesReceived: number;
  readonly framesSent: number;
  readonly serverErrors: number;
  readonly lastClose: { readonly code: number; readonly reason: string } | null;
  /** FileDialog uploads under way, and the chunks sent since the page started. */
  readonly uploads: number;
  readonly uploadChunksSent: number;
}

declare global {
  interface Window {
    PGWIDGETS_WS_URL?: string;
    pgwidgets?: {
      readonly state: DebugState;
      /** Only with `pgwidgets-test` in the page URL's query (see test-hooks.ts). */
      readonly test?: TestHooks;
    };
  }
}

/**
 * `?ws=` in the page URL, else the URL the server injected, else port 9500
 * here. A path ("/ws", ApplicationOptions::public_ws_url behind a proxy)
 * is on the page's own host: wss: when the page came by https:.
 */
function websocketUrl(): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const fromQuery = new URLSearchParams(location.search).get("ws");
  const injected = window.PGWIDGETS_WS_URL;
  const given = fromQuery || (typeof injected === "string" ? injected : "");
  if (given.startsWith("/")) return `${scheme}//${location.host || "localhost"}${given}`;
  if (given) return given;
  return `${scheme}//${location.hostname || "localhost"}:9500/`;
}

function start(extra: readonly UserWidgets[]): void {
  const host = document.body;
  host.classList.add("pgw-page");
  const desktop = new Desktop(host);
  const notices = new Notices(host);
  const registry = new Registry();
  const outbox = new Outbox();
  uploader.attach(outbox, (message) => notices.banner(message));
  const env: WidgetEnv = {
    desktop,
    released: (w) => registry.forget(w.widgetId),
  };
  // One table of every package's factories: each package's create reads its own.
  const factories: WidgetFactories = Object.assign(makeFactories(env), ...extra.map((u) => u.makeFactories(env)));
  const test = testHooksRequested() ? installTestHooks(factories, registry) : undefined;
  const connection = new Connection(websocketUrl(), { registry, outbox, desktop, notices, factories });

  const hook = {
    ...(test ? { test } : {}),
    get state(): DebugState {
      return Object.freeze({
        connection: connection.status,
        url: connection.url,
        socketUrl: connection.socketUrl,
        sessionId: connection.sessionId,
        rejoined: connection.rejoined,
        rebuilds: connection.rebuilds,
        lastRebuildBytes: connection.lastRebuildBytes,
        widgets: registry.size,
        framesReceived: connection.framesReceived,
        framesSent: outbox.framesSent,
        serverErrors: connection.serverErrors,
        lastClose: connection.lastClose ? Object.freeze({ ...connection.lastClose }) : null,
        uploads: uploader.active,
        uploadChunksSent: uploader.chunksSent,
      });
    },
  };
  Object.defineProperty(window, "pgwidgets", { value: Object.freeze(hook), writable: false, configurable: false });
  connection.start();
}

/** Starts the page with the SDK's widgets and the given user packages. */
export function boot(extra: readonly UserWidgets[] = []): void {
  for (const u of extra) addPackage(u.widgetPackage);
  if (document.body) start(extra);
  else document.addEventListener("DOMContentLoaded", () => start(extra), { once: true });
}
