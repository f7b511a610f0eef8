// Drives bench_canvas in headless Chromium: the program sends a display
// list of 10,000 line segments 30 times a second; the page counts the
// lists it draws (each draw resets the canvas's context once) and the
// animation frames it runs. Prints the program's figures (bytes per frame,
// C++ time) and the page's: lists drawn per second and frames per second.
// usage: node bench/canvas_bench.mjs [--binary build/bench/bench_canvas] [--frames 150] [--fps 30]
//                                    [--segments 10000]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, startServer, stopServer } from "../tests/browser/harness.mjs";
import { launchBenchChromium } from "./cdp_pipe.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv);
const binary = path.resolve(args.binary || path.join(here, "../build/bench/bench_canvas"));
const extra = [];
for (const k of ["frames", "fps", "segments"]) if (args[k]) extra.push(`--${k}`, String(args[k]));

const server = await startServer(binary, extra);
// Over the DevTools pipe, not Playwright: Playwright enables the Network
// domain, and Chromium then copies every WebSocket frame to the driver.
const browser = await launchBenchChromium(900, 600);
try {
  const page = await browser.newPage();
  // Counts each list drawn (Canvas.render resets the context once a list)
  // and each animation frame, with their times.
  await page.addInitScript(() => {
    const drawn = [];
    const frames = [];
    window.__canvasBench = { drawn, frames };
    const reset = CanvasRenderingContext2D.prototype.reset;
    CanvasRenderingContext2D.prototype.reset = function () {
      drawn.push(performance.now());
      return reset.call(this);
    };
    const tick = (t) => {
      frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(server.url);
  const deadline = Date.now() + 120000;
  while (!/^done$/m.test(server.stdout())) {
    if (Date.now() > deadline) throw new Error(`bench_canvas did not finish: ${server.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 300)); // the last lists reach the page
  const { drawn, frames } = await page.evaluate(() => window.__canvasBench);
  // The page's rate over the span it drew lists in.
  const first = drawn[0];
  const last = drawn[drawn.length - 1];
  const span = (last - first) / 1000;
  const framesIn = frames.filter((t) => t >= first && t <= last).length;
  process.stdout.write(server.stdout().split("\n").slice(1).join("\n"));
  console.log(`page: ${drawn.length} lists drawn in ${span.toFixed(2)} s: ` +
    `${((drawn.length - 1) / span).toFixed(1)} lists drawn per second, ` +
    `${((framesIn - 1) / span).toFixed(1)} animation frames per second`);
} finally {
  await browser.close();
  await stopServer(server);
}
