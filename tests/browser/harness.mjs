// Shared by the browser tests and the benchmark driver: starts an example
// binary on free ports and Debian's Chromium through playwright-core.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../../web/package.json"));
const { chromium } = require("playwright-core");

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

export function parseArgs(argv) {
  const out = {};
  for (let i = 2; i < argv.length; i++) {
    if (argv[i].startsWith("--")) out[argv[i].slice(2)] = argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : true;
  }
  return out;
}

// Starts `binary` with ports 0; resolves with {proc, url, stderr()} once it printed its URL.
// `stdin: "pipe"` keeps its standard input open for commands (proc.stdin).
export function startServer(binary, extraArgs = [], { stdin = "ignore" } = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(binary, ["--host", "127.0.0.1", "--ws-port", "0", "--http-port", "0", ...extraArgs],
      { stdio: [stdin, "pipe", "pipe"] });
    let out = "", err = "";
    const timer = setTimeout(() => { proc.kill("SIGKILL"); reject(new Error(`no URL from ${binary}: ${err}`)); }, 15000);
    proc.stderr.on("data", (d) => { err += d; });
    proc.stdout.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl >= 0) {
        clearTimeout(timer);
        resolve({ proc, url: out.slice(0, nl).trim(), stderr: () => err, stdout: () => out });
      }
    });
    proc.on("error", (e) => { clearTimeout(timer); reject(e); });
    proc.on("exit", (code) => { clearTimeout(timer); reject(new Error(`${binary} exited (${code}) before printing its URL: ${err}`)); });
  });
}

// Sends SIGTERM and resolves with the exit code (null if it had to be killed).
export function stopServer(server, signal = "SIGTERM") {
  return new Promise((resolve) => {
    if (server.proc.exitCode !== null) { resolve(server.proc.exitCode); return; }
    const kill = setTimeout(() => { server.proc.kill("SIGKILL"); resolve(null); }, 5000);
    server.proc.removeAllListeners("exit");
    server.proc.on("exit", (code) => { clearTimeout(kill); resolve(code); });
    server.proc.kill(signal);
  });
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

// A tiny runner: named async checks, a summary line CI understands.
export async function runChecks(checks) {
  let passed = 0, failed = 0;
  for (const [name, fn] of checks) {
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok - ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${name}\n  ${String(e && e.stack || e).split("\n").join("\n  ")}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}

export function expect(cond, message) { if (!cond) throw new Error(message); }

// Polls `read()` (node side, so it may await the page) until `ok(value)`,
// for up to `timeout` ms; then fails naming `what` and the last value read.
// page.waitForFunction cannot take an async predicate: the Promise it
// returns is truthy, so such a wait ends at once.
export async function eventually(read, ok, what, { timeout = 5000, interval = 50 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const seen = await read();
    if (ok(seen)) return seen;
    if (Date.now() >= end) throw new Error(`${what} ${typeof seen === "string" ? seen : JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

// The opening every browser test shares: its arguments (--binary, --artifacts),
// the artifacts folder, the program started on free ports, Chromium, and a
// first page. Every page made through `app.newPage` or passed to `app.watch`
// has its console errors and uncaught exceptions collected in
// `app.consoleErrors`, which `closingChecks` requires to be empty.
export async function openApp({ viewport = { width: 900, height: 600 }, serverArgs = [], stdin = "ignore",
                                firstPage = true } = {}) {
  const args = parseArgs(process.argv);
  const artifacts = path.resolve(args.artifacts || "build/artifacts");
  fs.mkdirSync(artifacts, { recursive: true });
  const server = await startServer(path.resolve(args.binary), serverArgs, { stdin });
  const browser = await launchBrowser();
  const consoleErrors = [];
  const watch = (p) => {
    p.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    p.on("pageerror", (e) => consoleErrors.push(String(e)));
    return p;
  };
  const newPage = async (options = { viewport }) => watch(await browser.newPage(options));
  const page = firstPage ? await newPage() : null;
  return { args, artifacts, server, browser, page, consoleErrors, watch, newPage };
}

// The checks every browser test ends with: the watched pages logged no error,
// and SIGTERM stops the program with exit code 0.
export function closingChecks(app) {
  return [
    ["no errors in the page's console", async () => {
      expect(app.consoleErrors.length === 0, app.consoleErrors.join("\n"));
    }],
    ["SIGTERM stops the program with exit code 0", async () => {
      await app.browser.close();
      const code = await stopServer(app.server);
      expect(code === 0, `exit code ${code}; stderr:\n${app.server.stderr()}`);
    }],
  ];
}

// Ends the test process: the program killed if a check left it running.
export function finish(app, ok) {
  if (app.server.proc.exitCode === null) app.server.proc.kill("SIGKILL");
  process.exit(ok ? 0 : 1);
}
