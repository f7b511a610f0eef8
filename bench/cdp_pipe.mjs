// A Chromium driven over --remote-debugging-pipe with only the DevTools
// domains a bench asks for: no Network domain, so no per-frame WebSocket
// events.
//
// Why not Playwright here: Playwright enables the Network domain on every
// page, and Chromium then reports each WebSocket frame, payload included,
// to the driver. On this 2-core machine that costs about half a core in the
// browser process and a fifth of one in Node while round trips run, four
// times the work of the round trip itself: the latency bench would measure
// the instrumentation (bench/README.md, "The latency tail").
//
// The pipe protocol is DevTools' own: JSON messages ending in a NUL byte,
// written to the browser's fd 3 and read from its fd 4.
import { spawn } from "node:child_process";
import { CHROMIUM_ARGS } from "../tests/browser/harness.mjs";

export class CdpBrowser {
  constructor(proc) {
    this.proc = proc;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.closed = false;
    let buffer = Buffer.alloc(0);
    proc.stdio[4].on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let end = buffer.indexOf(0); end >= 0; end = buffer.indexOf(0)) {
        const message = JSON.parse(buffer.subarray(0, end).toString("utf8"));
        buffer = buffer.subarray(end + 1);
        this.dispatch(message);
      }
    });
    proc.once("exit", (code, signal) => {
      this.closed = true;
      for (const { reject, method } of this.pending.values()) {
        reject(new Error(`chromium exited (${code ?? signal}) during ${method}`));
      }
      this.pending.clear();
    });
  }

  dispatch(message) {
    if (message.id !== undefined) {
      const call = this.pending.get(message.id);
      if (!call) return;
      this.pending.delete(message.id);
      if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
      else call.resolve(message.result);
      return;
    }
    for (const l of this.listeners) {
      if (l.method === message.method && l.sessionId === message.sessionId) l.handler(message.params);
    }
  }

  /** Calls a DevTools method; `sessionId` addresses a page's session. */
  send(method, params = {}, sessionId = undefined) {
    if (this.closed) return Promise.reject(new Error(`chromium is gone: ${method}`));
    const id = this.nextId++;
    const message = { id, method, params, ...(sessionId ? { sessionId } : {}) };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.proc.stdio[3].write(JSON.stringify(message) + "\0");
    });
  }

  on(method, sessionId, handler) {
    this.listeners.push({ method, sessionId, handler });
  }

  /**
   * Opens a blank page and attaches to it. With `isolate`, the page's own
   * responses get COOP/COEP headers (cross-origin isolation: 5 us clock
   * steps instead of 100); the Fetch domain sees HTTP, never WebSocket frames.
   */
  async newPage({ isolate = false } = {}) {
    const { targetId } = await this.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await this.send("Target.attachToTarget", { targetId, flatten: true });
    const page = new CdpPage(this, targetId, sessionId);
    await this.send("Runtime.enable", {}, sessionId);
    await this.send("Page.enable", {}, sessionId);
    if (isolate) await page.isolate();
    return page;
  }

  async close() {
    if (this.closed) return;
    const exited = new Promise((resolve) => this.proc.once("exit", resolve));
    await this.send("Browser.close").catch(() => {});
    const kill = setTimeout(() => this.proc.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(kill);
  }
}

export class CdpPage {
  constructor(browser, targetId, sessionId) {
    this.browser = browser;
    this.targetId = targetId;
    this.sessionId = sessionId;
    this.errors = [];
    browser.on("Runtime.exceptionThrown", sessionId, (p) => {
      this.errors.push(p.exceptionDetails.exception?.description ?? p.exceptionDetails.text);
    });
    browser.on("Runtime.consoleAPICalled", sessionId, (p) => {
      if (p.type === "error") this.errors.push(p.args.map((a) => a.value ?? a.description ?? "").join(" "));
    });
  }

  send(method, params = {}) {
    return this.browser.send(method, params, this.sessionId);
  }

  async isolate() {
    this.browser.on("Fetch.requestPaused", this.sessionId, (p) => {
      this.fulfillIsolated(p).catch((e) => this.errors.push(`isolation of ${p.request.url}: ${e.message}`));
    });
    await this.send("Fetch.enable", { patterns: [{ urlPattern: "*", requestStage: "Response" }] });
  }

  async fulfillIsolated(p) {
    const { body, base64Encoded } = await this.send("Fetch.getResponseBody", { requestId: p.requestId });
    const drop = new Set(["cross-origin-opener-policy", "cross-origin-embedder-policy", "content-length"]);
    const responseHeaders = (p.responseHeaders ?? []).filter((h) => !drop.has(h.name.toLowerCase()));
    responseHeaders.push(
      { name: "Cross-Origin-Opener-Policy", value: "same-origin" },
      { name: "Cross-Origin-Embedder-Policy", value: "require-corp" },
    );
    await this.send("Fetch.fulfillRequest", {
      requestId: p.requestId,
      responseCode: p.responseStatusCode ?? 200,
      responseHeaders,
      body: base64Encoded ? body : Buffer.from(body, "utf8").toString("base64"),
    });
  }

  /** Runs `fn(arg)` in every new document before its own scripts; `arg` goes as JSON. */
  addInitScript(fn, arg) {
    const a = arg === undefined ? "" : JSON.stringify(arg);
    return this.send("Page.addScriptToEvaluateOnNewDocument", { source: `(${fn})(${a});` });
  }

  goto(url) {
    return this.send("Page.navigate", { url });
  }

  /** Calls `fn(arg)` in the page, awaits its promise, returns its JSON value. */
  async evaluate(fn, arg) {
    const { result, exceptionDetails } = await this.send("Runtime.evaluate", {
      expression: `(${fn})(${JSON.stringify(arg)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) {
      throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    }
    return result.value;
  }

  /** Resolves once `predicate(arg)` is true in the page, polling every 50 ms. */
  async waitFor(predicate, arg, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await this.evaluate(predicate, arg).catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${predicate}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Resolves with the page's clock (performance.now(), from navigation) at
   * the first animation frame where `predicate(arg)` holds: timed in the
   * page, not by polling from here.
   */
  async frameWhen(predicate, arg, timeoutMs) {
    const poll = async (p, a, ms) => {
      const end = performance.now() + ms;
      for (;;) {
        if (p(a)) return performance.now();
        if (performance.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${p}`);
        await new Promise((r) => requestAnimationFrame(r));
      }
    };
    const { result, exceptionDetails } = await this.send("Runtime.evaluate", {
      expression: `(${poll})(${predicate}, ${JSON.stringify(arg)}, ${timeoutMs})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) {
      throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    }
    return result.value;
  }

  /** Types `text` into the focused element and presses Enter, as a keyboard would. */
  async typeAndEnter(text) {
    await this.send("Input.insertText", { text });
    const key = { key: "Enter", code: "Enter", windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
    await this.send("Input.dispatchKeyEvent", { type: "keyDown", text: "\r", ...key });
    await this.send("Input.dispatchKeyEvent", { type: "keyUp", ...key });
  }

  close() {
    return this.browser.send("Target.closeTarget", { targetId: this.targetId });
  }
}

/** Starts Chromium with the pipe; `args` are its command-line flags (--window-size sets the pages' size). */
export async function launchCdpBrowser({ executable, args }) {
  const proc = spawn(executable, [...args, "--remote-debugging-pipe", "about:blank"], {
    stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr.on("data", (d) => { stderr = (stderr + d).slice(-4000); });
  const browser = new CdpBrowser(proc);
  try {
    await browser.send("Browser.getVersion");
  } catch (e) {
    throw new Error(`chromium did not answer on its DevTools pipe: ${e.message}\n${stderr}`);
  }
  return browser;
}

/** The benches' Chromium ($CHROMIUM or Debian's), with the tests' flags, its pages `width` x `height`. */
export function launchBenchChromium(width, height, extraArgs = []) {
  return launchCdpBrowser({
    executable: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, `--window-size=${width},${height}`, ...extraArgs],
  });
}
