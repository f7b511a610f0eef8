// Drives bench_widgets in headless Chromium and relays its table.
// usage: node bench/run_bench.mjs [--binary build/bench/bench_widgets] [--clicks 300] [--no-isolation]
//                                  [--echo build/bench/ws_echo] [--echo-count 2000] [--no-echo]
//
// Then the floor: ws_echo (a bare websocketpp server) and a page that echoes
// its frames back run in the same browser; its round trips, timed in C++ like
// phase d's, are printed as rows beside phase d's.
//
// The binary runs phases a-d by itself once the page connects. For phase e
// this script clicks the "bench-click" button in the page N times, each time
// waiting for the "bench-ready" label to show the handler's count, and sends
// the click timestamps, the round trips and the sizes of the frames the page
// sent back through the TextEntry (Enter fires its activated callback).
//
// By default the page is made cross-origin isolated (COOP/COEP headers added
// by request interception) so that performance.now() has 5 us steps instead
// of 100 us. Chromium then treats the page as public and would block its
// WebSocket to 127.0.0.1 (Local Network Access), so the browser is launched
// with the harness's flags plus --disable-features=LocalNetworkAccessChecks.
// --no-isolation uses the harness's launchBrowser() unchanged.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM_ARGS, launchBrowser, parseArgs, startServer, stopServer } from "../tests/browser/harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv);
const binary = path.resolve(args.binary || path.join(here, "../build/bench/bench_widgets"));
const clicks = Number(args.clicks || 300);
const isolate = !args["no-isolation"];
const echoBinary = args["no-echo"] ? null : path.resolve(args.echo || path.join(here, "../build/bench/ws_echo"));
const echoCount = Number(args["echo-count"] || 2000);
const TIMEOUT_MS = 120000;

let server = null;
let browser = null;
const deadline = setTimeout(() => fail(new Error(`timed out after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);

async function fail(error) {
  console.error(`run_bench: ${error && error.stack || error}`);
  if (server) {
    console.error(server.stderr());
    if (server.proc.exitCode === null) await stopServer(server).catch(() => {});
  }
  if (echoProc && echoProc.exitCode === null) echoProc.kill("SIGKILL");
  if (browser) await browser.close().catch(() => {});
  process.exit(1);
}

// Cross-origin isolation: COOP/COEP on the page's own responses (the
// WebSocket is not intercepted). route.fetch() now and then meets a reset
// connection: retry it.
async function isolatePage(page) {
  await page.route("**/*", async (route) => {
    let response;
    for (let attempt = 1; ; attempt++) {
      try {
        response = await route.fetch();
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
      },
    });
  });
}

// Runs ws_echo against a fresh page of `browser` (isolated like the bench's);
// resolves with its report: rtt_us (the round trips in microseconds) and
// cpu_us_per_rtt.
let echoProc = null;
async function runEcho(browser) {
  const proc = spawn(echoBinary, ["--count", String(echoCount)], { stdio: ["ignore", "pipe", "pipe"] });
  echoProc = proc;
  let out = "", err = "";
  proc.stderr.on("data", (d) => { err += d; });
  const exited = new Promise((resolve) => proc.once("close", (code, signal) => resolve(code ?? signal)));
  const url = await new Promise((resolve, reject) => {
    proc.stdout.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl >= 0) resolve(out.slice(0, nl).trim());
    });
    proc.once("error", reject);
    exited.then((code) => reject(new Error(`${echoBinary} exited (${code}) before printing its URL: ${err}`)));
  });
  const page = await browser.newPage();
  if (isolate) await isolatePage(page);
  await page.goto(url);
  const code = await exited;
  await page.close();
  if (code !== 0) throw new Error(`${echoBinary} exited with ${code}: ${err}`);
  const report = JSON.parse(out.split("\n")[1]);
  if (!Array.isArray(report.rtt_us) || report.rtt_us.length !== echoCount) {
    throw new Error(`${echoBinary} reported ${report.rtt_us?.length} round trips, not ${echoCount}`);
  }
  return report;
}

// Nearest-rank percentiles, as bench_widgets computes them.
function statsOf(values) {
  const v = [...values].sort((a, b) => a - b);
  const rank = (p) => v[Math.min(Math.max(Math.ceil(p * v.length), 1), v.length) - 1];
  return { mean: v.reduce((a, b) => a + b, 0) / v.length, p50: rank(0.5), p99: rank(0.99) };
}

// bench_widgets' table with the echo floor's rows after phase d's, and the
// ratios of d's latency to the floor; re-aligned like bench_widgets prints.
function withEchoRows(table, echo) {
  const rtt = echo.rtt_us;
  const lines = table.split("\n").filter((l) => l.length > 0);
  const dashes = lines[1].split("  ");
  const w0 = dashes[0].length, w1 = dashes[1].length;
  const rows = lines.slice(2).map((l) => (l.startsWith("  ")
    ? { measure: l.slice(0, w0).trimEnd(), value: l.slice(w0 + 2, w0 + 2 + w1).trim(), unit: l.slice(w0 + 4 + w1) }
    : { measure: l, value: "", unit: "" }));
  const d = rows.findIndex((r) => r.measure.startsWith("d. "));
  if (d < 0) throw new Error("bench_widgets printed no phase d");
  let end = d + 1;
  while (end < rows.length && rows[end].value !== "") end++;
  const latency = (name) => Number(rows.slice(d, end).find((r) => r.measure === `  latency ${name}`)?.value);
  const e = statsOf(rtt);
  const echoRows = [
    { measure: `  echo floor mean (ws_echo, ${rtt.length} round trips, same browser)`, value: e.mean.toFixed(1), unit: "us" },
    { measure: "  echo floor p50", value: e.p50.toFixed(1), unit: "us" },
    { measure: "  echo floor p99", value: e.p99.toFixed(1), unit: "us" },
    { measure: "  echo floor server CPU per round trip (user + system)", value: echo.cpu_us_per_rtt.toFixed(1), unit: "us" },
    { measure: "  latency / echo floor, p50", value: (latency("p50") / e.p50).toFixed(2), unit: "x" },
    { measure: "  latency / echo floor, p99", value: (latency("p99") / e.p99).toFixed(2), unit: "x" },
  ];
  rows.splice(end, 0, ...echoRows);
  let c0 = 7, c1 = 5;
  for (const r of rows) if (r.value !== "") { c0 = Math.max(c0, r.measure.length); c1 = Math.max(c1, r.value.length); }
  const out = [`${"measure".padEnd(c0)}  ${"value".padStart(c1)}  unit`, `${"-".repeat(c0)}  ${"-".repeat(c1)}  ----`];
  for (const r of rows) out.push(r.value === "" ? r.measure : `${r.measure.padEnd(c0)}  ${r.value.padStart(c1)}  ${r.unit}`);
  return out.join("\n") + "\n";
}

try {
  if (isolate) {
    const { chromium } = createRequire(path.join(here, "../web/package.json"))("playwright-core");
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: [...CHROMIUM_ARGS, "--disable-features=LocalNetworkAccessChecks"],
    });
  } else {
    browser = await launchBrowser();
  }
  server = await startServer(binary);
  // 'close' fires once the process exited and its output is all read.
  const closed = new Promise((resolve) => server.proc.once("close", (code, signal) => resolve({ code, signal })));
  server.proc.removeAllListeners("exit");  // the harness's "exited before its URL" rejection no longer applies

  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") pageErrors.push(m.text()); });

  if (isolate) await isolatePage(page);
  // Records the size of every frame the page sends.
  await page.addInitScript(() => {
    window.__benchSent = [];
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (data) {
      window.__benchSent.push(data.byteLength ?? data.size ?? data.length);
      return send.call(this, data);
    };
  });

  await page.goto(server.url);
  // Phases a-d run first; the label turns "bench-ready" when e may start.
  await page.locator(".pgw-label-text", { hasText: /^bench-ready$/ }).waitFor({ state: "attached", timeout: 90000 });

  const report = await page.evaluate(async (n) => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "bench-click");
    const label = [...document.querySelectorAll(".pgw-label-text")].find((e) => e.textContent === "bench-ready");
    if (!button || !label) throw new Error("bench widgets not found");
    const now = () => performance.timeOrigin + performance.now();
    // The finest step of the page's clock.
    let step = Infinity;
    for (let t0 = performance.now(), prev = t0; performance.now() - t0 < 5;) {
      const t = performance.now();
      if (t > prev) { step = Math.min(step, t - prev); prev = t; }
    }
    const click = [], rtt = [], frame = [];
    for (let i = 1; i <= n; i++) {
      const expected = String(i);
      const updated = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`click ${i}: the label never showed ${expected}`)), 5000);
        const mo = new MutationObserver(() => {
          if (label.textContent === expected) { mo.disconnect(); clearTimeout(timer); resolve(now()); }
        });
        mo.observe(label, { childList: true, characterData: true, subtree: true });
      });
      const sentBefore = window.__benchSent.length;
      const t0 = now();
      button.click();
      const t1 = await updated;
      click.push(t0);
      rtt.push(t1 - t0);
      // The frame the click sent (the only one between the click and the update).
      if (window.__benchSent.length === sentBefore + 1) frame.push(window.__benchSent[sentBefore]);
    }
    return { click, rtt, frame, isolated: self.crossOriginIsolated, resolution_us: Math.round(step * 1000 * 100) / 100 };
  }, clicks);

  const entry = page.locator("input").first();
  await entry.fill(JSON.stringify(report));
  await entry.press("Enter");

  const { code, signal } = await closed;
  // The floor, in the same browser, now warm; the bench page is closed first.
  await page.close();
  const echo = echoBinary && code === 0 ? await runEcho(browser) : null;
  clearTimeout(deadline);
  await browser.close();
  const out = server.stdout();
  let table = out.slice(out.indexOf("\n") + 1);
  if (echo) table = withEchoRows(table, echo);
  process.stdout.write(`bench_widgets: ${binary}\n${table}`);
  if (pageErrors.length) console.error(`page errors:\n${pageErrors.join("\n")}`);
  if (code !== 0) {
    console.error(`run_bench: bench_widgets exited with ${code ?? signal}\n${server.stderr()}`);
    process.exit(1);
  }
  process.exit(0);
} catch (error) {
  await fail(error);
}
