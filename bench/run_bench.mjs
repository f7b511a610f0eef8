// Drives bench_widgets in headless Chromium and relays its table.
// usage: node bench/run_bench.mjs [--binary build/bench/bench_widgets] [--clicks 300] [--queries 2000]
//                                  [--echo build/bench/ws_echo] [--echo-count N] [--no-echo] [--split]
//                                  [--slot-us 20000] [--no-isolation] [--cdp-network]
//
// --queries N: phase d's round trips (bench_widgets --queries); the floor
// takes as many unless --echo-count says otherwise. The tail is steadier
// with more: a 2000-sample p99 is the 20 worst, and this machine's stalls
// of a millisecond or more come a few a second.
//
// The floor: ws_echo (a bare websocketpp server) and a page that echoes its
// frames back run in the same browser; its round trips, timed in C++ like
// phase d's, are printed as rows beside phase d's. The two take turns in
// slots of 20 ms (--slot-us; bench/slots.hpp): phase d's round trips in the
// even ones, the floor's in the odd ones, so a busy moment of the machine
// weighs on both alike. Run one after the other (--slot-us 0), the two
// figures came from different moments, and their p99s differed by 3x from
// one run to the next.
//
// The binary runs phases a-d by itself once the page connects. For phase e
// this script clicks the "bench-click" button in the page N times, each time
// waiting for the "bench-ready" label to show the handler's count, and sends
// the click timestamps, the round trips and the sizes of the frames the page
// sent back through the TextEntry (Enter fires its activated callback).
//
// The browser is Chromium driven over its DevTools pipe with no Network
// domain (bench/cdp_pipe.mjs): Playwright's per-frame WebSocket reports
// would cost more than the round trips measured. --cdp-network enables the
// Network domain on both pages, to show what it costs.
//
// By default the pages are made cross-origin isolated (COOP/COEP headers
// added by request interception) so that performance.now() has 5 us steps
// instead of 100 us. Chromium then treats the page as public and would
// block its WebSocket to 127.0.0.1 (Local Network Access), so the browser is
// launched with the harness's flags plus
// --disable-features=LocalNetworkAccessChecks. --no-isolation leaves the
// responses alone.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, startServer, stopServer } from "../tests/browser/harness.mjs";
import { launchBenchChromium } from "./cdp_pipe.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv);
const binary = path.resolve(args.binary || path.join(here, "../build/bench/bench_widgets"));
const clicks = Number(args.clicks || 300);
const isolate = !args["no-isolation"];
const cdpNetwork = Boolean(args["cdp-network"]);
const echoBinary = args["no-echo"] ? null : path.resolve(args.echo || path.join(here, "../build/bench/ws_echo"));
const queries = Number(args.queries || 2000);
const echoCount = Number(args["echo-count"] || queries);
// Phase d and the floor take turns in slots of this many microseconds
// (bench/slots.hpp); 0 runs the floor after the bench instead.
const slotUs = Number(args["slot-us"] ?? 20000);
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

async function newPage(browser) {
  const page = await browser.newPage({ isolate });
  if (cdpNetwork) await page.send("Network.enable");
  return page;
}

// Starts ws_echo and opens its page in `browser`. Returns { warm, go(),
// report }: with slots, `warm` resolves once its warmup is done and `go()`
// starts its timed round trips (in odd slots, beside phase d's even ones);
// without, it runs through at once. `report` resolves with its figures:
// rtt_us (the round trips in microseconds) and cpu_us_per_rtt.
let echoProc = null;
async function startEcho(browser) {
  const slotArgs = slotUs ? ["--slot-us", String(slotUs)] : [];
  const proc = spawn(echoBinary, ["--count", String(echoCount), ...slotArgs], { stdio: ["pipe", "pipe", "pipe"] });
  echoProc = proc;
  let out = "", err = "";
  let warmed;
  const warm = new Promise((resolve) => { warmed = resolve; });
  proc.stderr.on("data", (d) => {
    err += d;
    if (err.includes("ws_echo: warm\n")) warmed();
  });
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
  const page = await newPage(browser);
  await page.goto(url);
  const report = (async () => {
    const code = await exited;
    await page.close();
    if (code !== 0) throw new Error(`${echoBinary} exited with ${code}: ${err}`);
    const r = JSON.parse(out.split("\n")[1]);
    if (!Array.isArray(r.rtt_us) || r.rtt_us.length !== echoCount) {
      throw new Error(`${echoBinary} reported ${r.rtt_us?.length} round trips, not ${echoCount}`);
    }
    return r;
  })();
  report.catch(() => {});  // awaited later; a failure then is reported there
  return {
    warm: slotUs ? Promise.race([warm, exited.then((c) => { throw new Error(`${echoBinary} exited (${c}): ${err}`); })]) : null,
    go: () => proc.stdin.end("go\n"),
    report,
  };
}

// Nearest-rank percentiles, as bench_widgets computes them.
function statsOf(values) {
  const v = [...values].sort((a, b) => a - b);
  const rank = (p) => v[Math.min(Math.max(Math.ceil(p * v.length), 1), v.length) - 1];
  return { mean: v.reduce((a, b) => a + b, 0) / v.length, p50: rank(0.5), p99: rank(0.99) };
}

// --split: where phase d's round trips spend their time, from the page's
// timeline. Phase c (2000 strict set_text) and d (get_position) are round
// trips in a row, each one frame in and its reply out; d2 then starts with
// a frame the page does not answer. So d is the last `queries` round trips
// before the first unanswered frame after a run of at least 2000 + queries.
// For each: "in the page" is arrival to reply; "outside" is the reply to the
// next frame's arrival (the kernel both ways, Chromium's network process,
// the server).
function splitPhaseD(flat) {
  const ev = [];
  for (let i = 0; i < flat.length; i += 3) ev.push({ kind: flat[i], t: flat[i + 1], bytes: flat[i + 2] });
  const trips = [];  // { r, s, next } runs of answered frames
  let run = [];
  let dEnd = -1;
  for (let i = 0; i < ev.length; i++) {
    if (ev[i].kind !== "r") continue;
    const answered = ev[i + 1]?.kind === "s";
    if (answered) {
      run.push({ r: ev[i].t, s: ev[i + 1].t, inBytes: ev[i].bytes, outBytes: ev[i + 1].bytes });
    } else {
      if (run.length >= 2000 + queries) { dEnd = run.length; trips.push(...run); break; }
      run = [];
    }
  }
  if (dEnd < 0) return "split: phase d not found in the page's timeline\n";
  const d = trips.slice(dEnd - queries, dEnd);
  // With slots, the server waits out the floor's slot between two round
  // trips now and then: those gaps (half a slot or more) are no round trip.
  const gapUs = slotUs ? slotUs / 2 : Infinity;
  const kept = d.slice(0, -1).map((x, i) => ({ x, next: d[i + 1] })).filter(({ x, next }) => (next.r - x.s) * 1000 < gapUs);
  const inPage = kept.map(({ x }) => (x.s - x.r) * 1000);
  const outside = kept.map(({ x, next }) => (next.r - x.s) * 1000);
  const total = kept.map(({ x, next }) => (next.r - x.r) * 1000);
  const row = (name, v) => {
    const st = statsOf(v);
    const sorted = [...v].sort((a, b) => a - b);
    const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1];
    return `  ${name.padEnd(44)} p50 ${st.p50.toFixed(0).padStart(5)}  p90 ${p90.toFixed(0).padStart(5)}  p99 ${st.p99.toFixed(0).padStart(5)}  max ${sorted.at(-1).toFixed(0).padStart(6)} us\n`;
  };
  // The tail's round trips: how much of each was in the page.
  const worst = total.map((t, i) => ({ t, page: inPage[i], out: outside[i] })).sort((a, b) => b.t - a.t).slice(0, 20);
  let out = `split of phase d (page clock, ${kept.length} round trips${slotUs ? ", slot gaps left out" : ""}; ` +
    `frames ${d[0].inBytes} B in, ${d[0].outBytes} B out):\n`;
  out += row("arrival to arrival (one round trip)", total);
  out += row("in the page (arrival to reply sent)", inPage);
  out += row("outside the page (reply sent to next arrival)", outside);
  out += "  the 20 slowest round trips, in the page + outside (us): " +
    worst.map((w) => `${w.page.toFixed(0)}+${w.out.toFixed(0)}`).join(" ") + "\n";
  return out;
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
    { measure: `  echo floor mean (ws_echo, ${rtt.length} round trips, same browser${slotUs ? ", taking turns with d" : ""})`, value: e.mean.toFixed(1), unit: "us" },
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
  browser = await launchBenchChromium(1000, 800, isolate ? ["--disable-features=LocalNetworkAccessChecks"] : []);
  // With slots the floor's page is open and warm before the bench starts.
  let echo = null;
  if (echoBinary && slotUs) {
    echo = await startEcho(browser);
    await echo.warm;
  }
  server = await startServer(binary, ["--queries", String(queries), ...(slotUs ? ["--slot-us", String(slotUs)] : [])]);
  if (echo) {
    const onErr = (d) => {
      if (server.stderr().includes("bench_widgets: phase d\n")) {
        server.proc.stderr.off("data", onErr);
        echo.go();
      }
    };
    server.proc.stderr.on("data", onErr);
  }
  // 'close' fires once the process exited and its output is all read.
  const closed = new Promise((resolve) => server.proc.once("close", (code, signal) => resolve({ code, signal })));
  server.proc.removeAllListeners("exit");  // the harness's "exited before its URL" rejection no longer applies

  const page = await newPage(browser);
  const pageErrors = page.errors;
  // Nothing of the driver's runs in the page during phases a-d unless
  // --split asks for the timeline: the echo page has no such listener, and
  // the floor must compare like with like.
  await page.addInitScript((split) => {
    // Resolves when the label shows "bench-ready": phases a-d are over.
    window.__benchReady = new Promise((resolve) => {
      const ready = () => [...document.querySelectorAll(".pgw-label-text")].some((e) => e.textContent === "bench-ready");
      const mo = new MutationObserver(() => {
        if (ready()) { mo.disconnect(); resolve(true); }
      });
      mo.observe(document, { childList: true, characterData: true, subtree: true });
    });
    if (!split) return;
    // The page's timeline: [kind, time in ms, bytes] per frame received ("r")
    // and sent ("s"). The listener is added before the runtime's onmessage,
    // so "r" is the moment the frame reaches script.
    window.__benchTimeline = [];
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (data) {
      window.__benchTimeline.push("s", performance.now(), data.byteLength ?? data.size ?? data.length);
      return send.call(this, data);
    };
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(...a) {
        super(...a);
        this.addEventListener("message", (ev) => {
          window.__benchTimeline.push("r", performance.now(), ev.data.byteLength ?? 0);
        });
      }
    };
  }, Boolean(args.split));

  await page.goto(server.url);
  // Phases a-d run first; the label turns "bench-ready" when e may start.
  // Awaited, not polled: a poll would run script in the page during phase d.
  await page.waitFor(() => window.__benchReady !== undefined && document.readyState !== "loading", null, 30000);
  await page.evaluate(() => window.__benchReady);
  // From phase e on: the size of every frame the page sends (phase f).
  await page.evaluate(() => {
    window.__benchSent = [];
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (data) {
      window.__benchSent.push(data.byteLength ?? data.size ?? data.length);
      return send.call(this, data);
    };
  });

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

  const split = args.split ? splitPhaseD(await page.evaluate(() => window.__benchTimeline)) : null;
  await page.evaluate(() => {
    const input = document.querySelector("input");
    input.focus();
    input.select();
  });
  await page.typeAndEnter(JSON.stringify(report));

  const { code, signal } = await closed;
  // The bench page goes first (without slots, the floor then runs alone).
  await page.close();
  // Without slots the floor runs now, in the same browser, warm.
  if (echoBinary && !slotUs && code === 0) echo = await startEcho(browser);
  const echoReport = echo && code === 0 ? await echo.report : null;
  clearTimeout(deadline);
  await browser.close();
  const out = server.stdout();
  let table = out.slice(out.indexOf("\n") + 1);
  if (echoReport) table = withEchoRows(table, echoReport);
  process.stdout.write(`bench_widgets: ${binary}\n${table}`);
  if (split) process.stdout.write(split);
  if (pageErrors.length) console.error(`page errors:\n${pageErrors.join("\n")}`);
  if (code !== 0) {
    console.error(`run_bench: bench_widgets exited with ${code ?? signal}\n${server.stderr()}`);
    process.exit(1);
  }
  process.exit(0);
} catch (error) {
  await fail(error);
}
