// Drives bench_textsource in headless Chromium: a TextSource of 100,000
// lines. Prints the time from navigation to the editor's first painted
// lines, and the frame times while scrolling the whole document (p50, p95,
// max over a scroll of 400 frames, 1/400 of the range each), then after a
// jump to the end. Nothing is asserted.
// usage: node bench/run_textsource_bench.mjs [--binary build/bench/bench_textsource]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, startServer, stopServer } from "../tests/browser/harness.mjs";
import { launchBenchChromium } from "./cdp_pipe.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv);
const binary = path.resolve(args.binary || path.join(here, "../build/bench/bench_textsource"));

const server = await startServer(binary);
// Over the DevTools pipe, not Playwright: Playwright enables the Network
// domain, and Chromium then copies every WebSocket frame to the driver.
const browser = await launchBenchChromium(1000, 760);
try {
  const page = await browser.newPage();
  const t0 = Date.now();
  await page.goto(server.url);
  await page.waitFor(() => location.protocol.startsWith("http") && document.readyState !== "loading", null, 20000);
  // First paint: the first line drawn, on the page's clock from navigation.
  const nav = await page.frameWhen(() => {
    const l = document.querySelector(".pgw-textsource .cm-line");
    return l && l.textContent.startsWith("line 0:");
  }, null, 60000);
  const firstPaint = Date.now() - t0;

  const frames = await page.evaluate(async () => {
    const sc = document.querySelector(".pgw-textsource .cm-scroller");
    const times = [];
    const steps = 400;
    let last = performance.now();
    for (let i = 1; i <= steps; i++) {
      sc.scrollTop = (i / steps) * (sc.scrollHeight - sc.clientHeight);
      await new Promise((r) => requestAnimationFrame(() => r()));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    const lines = [...document.querySelectorAll(".cm-line")].map((l) => l.textContent);
    const lastLine = lines.filter((t) => t).pop() ?? "";
    return { times, lastLine };
  });
  const sorted = [...frames.times].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const row = (name, value) => console.log(`${name.padEnd(44)} ${value}`);
  console.log("TextSource, 100,000 lines (bench_textsource)");
  row("first paint (navigation to first line drawn)", `${firstPaint} ms (page clock ${nav.toFixed(0)} ms)`);
  row("scroll frame p50", `${q(0.5).toFixed(1)} ms`);
  row("scroll frame p95", `${q(0.95).toFixed(1)} ms`);
  row("scroll frame max", `${sorted[sorted.length - 1].toFixed(1)} ms`);
  row("last line drawn at the end", JSON.stringify(frames.lastLine.slice(0, 40)));
  // The page's report of the whole buffer after the program's calls must
  // have reached the server (a 5 MB callback).
  const errors = server.stderr().trim();
  row("server errors", errors ? errors.slice(0, 300) : "none");
} finally {
  await browser.close();
  await stopServer(server);
}
