// Drives bench_textsource in headless Chromium: a TextSource of 100,000
// lines. Prints the time from navigation to the editor's first painted
// lines, and the frame times while scrolling the whole document (p50, p95,
// max over a scroll of 400 frames, 1/400 of the range each), then after a
// jump to the end. Nothing is asserted.
// usage: node bench/run_textsource_bench.mjs [--binary build/bench/bench_textsource]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, parseArgs, startServer, stopServer } from "../tests/browser/harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv);
const binary = path.resolve(args.binary || path.join(here, "../build/bench/bench_textsource"));

const server = await startServer(binary);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  const t0 = Date.now();
  await page.goto(server.url, { waitUntil: "commit" });
  // First paint: the first line drawn, and a frame after it.
  await page.waitForFunction(() => {
    const l = document.querySelector(".pgw-textsource .cm-line");
    return l && l.textContent.startsWith("line 0:");
  }, null, { timeout: 60000, polling: "raf" });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  const firstPaint = Date.now() - t0;
  const nav = await page.evaluate(() => performance.now());

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
