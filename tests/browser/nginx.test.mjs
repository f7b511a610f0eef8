// Browser test: two processes behind Debian's nginx (README, "Deploying"),
// in headless Chromium. nginx runs as a user process on a loopback port
// with the configuration scripts/nginx-conf.py writes; the processes
// (tests/browser/nginx_app.cpp) have routes p1 and p2. New sessions land on
// both; a click is answered through the proxy; a reload and a shared link
// land on the session's process and keep its state; after kill -9 of one
// process its pages show the disconnected notice and the other's keep
// working.
// usage: node nginx.test.mjs --binary build/tests/nginx_app --script scripts/nginx-conf.py
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, launchBrowser, parseArgs, runChecks, startServer, stopServer } from "./harness.mjs";

const args = parseArgs(process.argv);
const binary = path.resolve(args.binary);
const script = path.resolve(args.script);
const nginxBinary = args.nginx || "/usr/sbin/nginx";

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const routes = ["p1", "p2"];
const apps = {};
for (const route of routes) {
  const server = await startServer(binary, ["--route", route, "--public-url", `${origin}/`, "--public-ws-url", "/ws"]);
  const [http, ws] = server.url.split(" ").map(Number);
  apps[route] = { server, http, ws, pid: server.proc.pid };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pgw-nginx-"));
const conf = path.join(dir, "nginx.conf");
const generated = spawnSync("python3", [script, "--standalone", dir, "--listen", `127.0.0.1:${port}`,
  ...routes.flatMap((r) => ["--backend", `${r},127.0.0.1:${apps[r].http},127.0.0.1:${apps[r].ws}`]), "-o", conf],
  { encoding: "utf8" });
if (generated.status !== 0) throw new Error(`nginx-conf.py failed: ${generated.stderr}`);
let nginxLog = "";
const nginx = spawn(nginxBinary, ["-e", "stderr", "-p", dir, "-c", conf, "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
nginx.stderr.on("data", (d) => { nginxLog += d; });
nginx.on("error", (e) => { nginxLog += String(e); });

async function nginxUp() {
  for (let i = 0; i < 100; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}): ${nginxLog}`);
    try {
      const r = await fetch(`${origin}/`);
      if (r.status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not answer: ${nginxLog}`);
}

const browser = await launchBrowser();
const consoleErrors = [];
let killed = false;  // after the kill, the dead process's pages log failed connections
async function newPage() {
  const p = await browser.newPage({ viewport: { width: 600, height: 400 } });
  p.on("console", (m) => { if (m.type() === "error" && !killed) consoleErrors.push(m.text()); });
  p.on("pageerror", (e) => consoleErrors.push(String(e)));
  return p;
}

const state = (p) => p.evaluate(() => window.pgwidgets?.state);
const routeOf = (sessionId) => sessionId.split(".")[0];

// Waits until the page shows a session, rejoined or not; returns its state and the process label.
async function shown(p, { rejoined } = {}) {
  try {
    await p.waitForFunction((r) => {
      const s = window.pgwidgets?.state;
      return s && s.connection === "open" && s.sessionId && (r === undefined || s.rejoined === r) &&
        [...document.querySelectorAll(".pgw-label")].some((l) => l.textContent.includes(s.sessionId));
    }, rejoined, { timeout: 10000, polling: 50 });
  } catch {
    throw new Error(`no session shown: ${JSON.stringify(await state(p))}\n${nginxLog}`);
  }
  const s = await state(p);
  const label = await p.locator(".pgw-label", { hasText: /^pid / }).textContent();
  return { ...s, label };
}

async function click(p, expected) {
  await p.getByRole("button", { name: "click" }).click();
  await p.locator(".pgw-label", { hasText: `clicks ${expected}` }).waitFor({ timeout: 5000 });
}

const pages = [];  // { page, route, sessionId }
let dead = "";

const started = Date.now();
const ok = await runChecks([
  ["nginx starts with the generated configuration", nginxUp],
  ["new sessions land on both processes, each page served by the process its session id names", async () => {
    for (let i = 0; i < 6 && (pages.length < 4 || new Set(pages.map((x) => x.route)).size < 2); i++) {
      const page = await newPage();
      await page.goto(`${origin}/`);
      const s = await shown(page, { rejoined: false });
      const route = routeOf(s.sessionId);
      expect(routes.includes(route), `session id ${s.sessionId} has no route prefix`);
      expect(/^p[12]\.[0-9a-f]{16}$/.test(s.sessionId), `session id ${s.sessionId}`);
      expect(s.label.startsWith(`pid ${apps[route].pid} `), `${s.sessionId} served by "${s.label}", not by ${route}'s pid ${apps[route].pid}`);
      expect(s.socketUrl === `ws://127.0.0.1:${port}/ws` || s.socketUrl === `ws://127.0.0.1:${port}/ws?session=${s.sessionId}`,
        `the WebSocket went to ${s.socketUrl}`);
      pages.push({ page, route, sessionId: s.sessionId });
    }
    const seen = new Set(pages.map((x) => x.route));
    expect(seen.size === 2, `every session on ${[...seen]}`);
  }],
  ["a click is answered through the proxy", async () => {
    for (const x of pages) await click(x.page, 1);
  }],
  ["a reload lands on the session's process and keeps its state", async () => {
    for (const x of pages.slice(0, 2)) {
      await x.page.reload();
      const s = await shown(x.page, { rejoined: true });
      expect(s.sessionId === x.sessionId, `reload: session ${s.sessionId}, was ${x.sessionId}`);
      expect(s.socketUrl === `ws://127.0.0.1:${port}/ws?session=${x.sessionId}`, `the WebSocket went to ${s.socketUrl}`);
      await x.page.locator(".pgw-label", { hasText: "clicks 1" }).waitFor({ timeout: 5000 });
      await click(x.page, 2);
    }
  }],
  ["a shared link lands on the session's process, in another browser", async () => {
    for (const route of routes) {
      const x = pages.find((y) => y.route === route);
      const stored = JSON.parse(await x.page.evaluate(() => sessionStorage.getItem("pgwidgets.session")));
      const other = await newPage();
      await other.goto(`${origin}/?session=${encodeURIComponent(stored.id)}&token=${encodeURIComponent(stored.token)}`);
      const s = await shown(other, { rejoined: true });
      expect(s.sessionId === x.sessionId, `shared link: session ${s.sessionId}, not ${x.sessionId}`);
      expect(s.label.startsWith(`pid ${apps[route].pid} `), `shared link served by "${s.label}"`);
      await other.close();
    }
  }],
  ["kill -9 of one process: its pages show the disconnected notice, the other's keep working", async () => {
    dead = pages[0].route;
    const alive = routes.find((r) => r !== dead);
    killed = true;
    apps[dead].server.proc.kill("SIGKILL");
    for (const x of pages.filter((y) => y.route === dead)) {
      await x.page.locator(".pgw-overlay-text", { hasText: "Connection lost" }).waitFor({ timeout: 10000 });
      // Still disconnected after several attempts: nginx answers 502, no other process takes the session.
      await x.page.waitForTimeout(1500);
      const s = await state(x.page);
      expect(s.connection === "reconnecting" && s.sessionId === x.sessionId, JSON.stringify(s));
      expect(await x.page.locator(".pgw-overlay-text", { hasText: "Connection lost" }).isVisible(), "the notice went away");
    }
    for (const x of pages.filter((y) => y.route === alive)) {
      const before = await x.page.locator(".pgw-label", { hasText: /^clicks / }).textContent();
      await click(x.page, Number(before.split(" ")[1]) + 1);
      expect((await state(x.page)).connection === "open", "the live process's page lost its connection");
    }
  }],
  ["after the kill, new visitors go to the live process; a reload of a dead session's page still loads it", async () => {
    const alive = routes.find((r) => r !== dead);
    for (let i = 0; i < 2; i++) {
      const page = await newPage();
      await page.goto(`${origin}/`);
      const s = await shown(page, { rejoined: false });
      expect(routeOf(s.sessionId) === alive, `a new session on ${s.sessionId} with ${dead} dead`);
      await click(page, 1);
      await page.close();
    }
    const x = pages.find((y) => y.route === dead);
    const response = await x.page.reload();
    expect(response.status() === 200, `reload answered ${response.status()}`);
    await x.page.locator(".pgw-overlay-text", { hasText: "Connection lost" }).waitFor({ timeout: 10000 });
  }],
  ["no errors in the pages' consoles before the kill", async () => {
    expect(consoleErrors.length === 0, consoleErrors.join("\n"));
  }],
  ["SIGTERM stops the live process with exit code 0", async () => {
    await browser.close();
    const alive = routes.find((r) => r !== dead);
    const code = await stopServer(apps[alive].server);
    expect(code === 0, `exit code ${code}; stderr:\n${apps[alive].server.stderr()}`);
  }],
]);

console.log(`nginx test: ${Date.now() - started} ms`);
for (const r of routes) if (apps[r].server.proc.exitCode === null) apps[r].server.proc.kill("SIGKILL");
if (nginx.exitCode === null) nginx.kill("SIGTERM");
await new Promise((r) => (nginx.exitCode !== null ? r() : nginx.on("exit", r)));
if (!ok) console.log(`nginx:\n${nginxLog}`);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
