// Drives bench_image in headless Chromium: 1280x720 JPEG frames (~100 KB)
// pushed at --fps (30) then as fast as the program can, --seconds each, to
// one browser and then to 4 browsers (4 tabs, each its own session: the
// server pushes to each separately). Prints, per run and phase: frames
// pushed, sent and dropped (summed over the sessions), frames the pages
// showed per second (each page's Image counts its loaded pictures), and
// the server's RSS at the phase's end.
// usage: node bench/run_image_bench.mjs [--binary build/bench/bench_image] [--fps 30] [--seconds 5]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, startServer, stopServer } from "../tests/browser/harness.mjs";
import { launchBenchChromium } from "./cdp_pipe.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv);
const binary = path.resolve(args.binary || path.join(here, "../build/bench/bench_image"));
const fps = Number(args.fps || 30);
const seconds = Number(args.seconds || 5);

async function run(browsers) {
  const server = await startServer(binary, ["--fps", String(fps), "--seconds", String(seconds), "--browsers", String(browsers)]);
  // Over the DevTools pipe, not Playwright: Playwright enables the Network
  // domain, and Chromium then copies every WebSocket frame to the driver.
  // Each tab its own session (the page keeps its session id in sessionStorage, per tab).
  const browser = await launchBenchChromium(1320, 840);
  try {
    const pages = [];
    for (let i = 0; i < browsers; i++) {
      const page = await browser.newPage();
      await page.goto(server.url);
      pages.push(page);
    }
    const report = (p) => p.evaluate(() => document.querySelector('[data-pgw-name="bench-report"]')?.textContent ?? "");
    const shown = (p) => p.evaluate(() => +(document.querySelector('[data-pgw-name="bench-image"]')?.dataset.framesShown ?? 0));
    const rows = [];
    for (const phaseName of ["paced", "flat-out"]) {
      // Wait for every page to be in the phase, then for every page to finish it.
      await Promise.all(pages.map((p) => p.waitFor((n) => {
        const t = document.querySelector('[data-pgw-name="bench-report"]')?.textContent ?? "";
        return t.startsWith(n);
      }, phaseName, 120000)));
      const t0 = Date.now();
      const shown0 = await Promise.all(pages.map(shown));
      await Promise.all(pages.map((p) => p.waitFor((n) => {
        const t = document.querySelector('[data-pgw-name="bench-report"]')?.textContent ?? "";
        return t.startsWith(`${n} done`);
      }, phaseName, 120000))).catch(async (e) => {
        throw new Error(`${e.message}; reports: ${JSON.stringify(await Promise.all(pages.map(report)))}; server: ${server.stderr()}`);
      });
      const elapsed = (Date.now() - t0) / 1000;
      const shown1 = await Promise.all(pages.map(shown));
      const texts = await Promise.all(pages.map(report));
      const sum = (key) => texts.reduce((s, t) => s + Number(new RegExp(`${key}=(\\d+)`).exec(t)?.[1] ?? 0), 0);
      const rss = Math.max(...texts.map((t) => Number(/rss_kib=(\d+)/.exec(t)?.[1] ?? 0)));
      const perPage = shown1.map((s, i) => (s - shown0[i]) / elapsed);
      rows.push({
        browsers, phase: phaseName === "paced" ? `${fps} fps` : "flat out",
        pushed: sum("pushed"), sent: sum("sent"), dropped: sum("dropped"), held: sum("held"),
        shown_per_s: (perPage.reduce((a, b) => a + b, 0) / perPage.length).toFixed(1),
        rss_mib: (rss / 1024).toFixed(1),
      });
    }
    return rows;
  } finally {
    await browser.close().catch(() => {});
    await stopServer(server);
  }
}

const rows = [...(await run(1)), ...(await run(4))];
console.log(`Image stream: 1280x720 JPEG frames, ${seconds} s per phase; shown/s is per page, pushed/sent/dropped summed over sessions`);
console.log("browsers | phase    | pushed | sent  | dropped | held | shown/s per page | server RSS MiB");
for (const r of rows) {
  console.log(`${String(r.browsers).padEnd(8)} | ${r.phase.padEnd(8)} | ${String(r.pushed).padStart(6)} | ${String(r.sent).padStart(5)} | ` +
    `${String(r.dropped).padStart(7)} | ${String(r.held).padStart(4)} | ${String(r.shown_per_s).padStart(16)} | ${r.rss_mib}`);
}
