// Browser test: pages that report a lot run with DEFAULT options, in headless
// Chromium against tests/browser/flood_app.cpp. One click resizes a window
// whose grid holds 400 (then 2,000) Labels with on_resize handlers: every
// label's report reaches the server, without a disconnect. A scripted
// slider drag of --drag-seconds (default 60) as fast as the browser takes
// mouse moves, and fast typing, run without a disconnect either: reports of
// a latest value leave once an animation frame, and the server paces what
// a person does instead of cutting the page off.
// --part pages: the resizes, the typing and a policy close; --part drag:
// the drag alone (two ctest tests, so that each stays well under its timeout).
// usage: node flood.test.mjs --binary build/tests/flood_app --part pages|drag [--drag-seconds 60]
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, parseArgs, runChecks, startServer, stopServer } from "./harness.mjs";

const args = parseArgs(process.argv);
const artifacts = path.resolve(args.artifacts || "build/artifacts");
fs.mkdirSync(artifacts, { recursive: true });
const dragSeconds = Number(args["drag-seconds"] || 60);
const part = args.part || "pages";
const browser = await launchBrowser();
const consoleErrors = [];

function expect(cond, message) { if (!cond) throw new Error(message); }

// No close, no reconnect, no rebuild: the page stayed on its first connection.
async function neverCutOff(page, server) {
  const s = await page.evaluate(() => window.pgwidgets.state);
  expect(s.connection === "open" && s.lastClose === null && s.rebuilds === 0,
    `the page was cut off: ${JSON.stringify({ connection: s.connection, lastClose: s.lastClose, rebuilds: s.rebuilds })}`);
  expect(!/closing \(1008\)|refused it/.test(server.stderr()), `the server closed a connection:\n${server.stderr()}`);
}

async function openPage(server) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  await page.goto(server.url);
  await page.getByRole("button", { name: "grow" }).waitFor({ timeout: 20000 });
  return page;
}

// Clicks `button` and waits until all `count` labels reported their new size.
async function resizeAll(page, button, count) {
  await page.getByRole("button", { name: button }).click();
  await page.getByText(new RegExp(`^resized ${count} labels, \\d+ reports$`)).waitFor({ timeout: 30000 });
}

let server = null;
const servers = [];
async function start(labels) {
  server = await startServer(path.resolve(args.binary), ["--labels", String(labels)]);
  servers.push(server);
  return server;
}

const checks = [
  ["400 labels with on_resize handlers: one click resizes them all, three times, with default options", async () => {
    const s = await start(400);
    const page = await openPage(s);
    for (const button of ["grow", "shrink", "grow"]) await resizeAll(page, button, 400);
    await neverCutOff(page, s);
    await page.screenshot({ path: path.join(artifacts, "flood-400.png") });
    await page.close();
    await stopServer(s);
  }],
  ["2,000 labels: one click resizes them all, with default options", async () => {
    const s = await start(2000);
    const page = await openPage(s);
    for (const button of ["grow", "shrink"]) await resizeAll(page, button, 2000);
    await neverCutOff(page, s);
    await page.close();
    await stopServer(s);
  }],
  [`a scripted slider drag of ${dragSeconds} s, ten moves every few milliseconds, stays connected and sends one frame per animation frame`, async () => {
    const s = await start(400);
    const page = await openPage(s);
    const slider = page.locator("input.pgw-slider-input");
    // A real drag first: the pointer on the thumb, moved along the track.
    const box = await slider.boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 2, y);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 2 + (box.width / 2) * i / 20, y);
    // Then the drag as a script: the events a range input gets while its
    // thumb is dragged, ten at a time on every timer turn (thousands a
    // second, far more than a mouse makes), for the whole time. Playwright's
    // mouse moves wait for a rendering frame each, so they cannot make more
    // than one report per animation frame by themselves.
    const run = await page.evaluate(async (ms) => {
      const input = document.querySelector("input.pgw-slider-input");
      const framesBefore = window.pgwidgets.state.framesSent;
      let moves = 0, animationFrames = 0, running = true;
      const countFrames = () => { animationFrames++; if (running) requestAnimationFrame(countFrames); };
      requestAnimationFrame(countFrames);
      const end = performance.now() + ms;
      await new Promise((resolve) => {
        const tick = () => {
          for (let i = 0; i < 10; i++) {
            input.value = String(moves % 1000);
            input.dispatchEvent(new Event("input", { bubbles: true }));
            moves++;
          }
          if (performance.now() < end) setTimeout(tick, 0);
          else resolve();
        };
        tick();
      });
      running = false;
      return { moves, animationFrames, frames: window.pgwidgets.state.framesSent - framesBefore };
    }, dragSeconds * 1000);
    await page.mouse.up();
    const value = await slider.inputValue();
    const label = page.getByText(new RegExp(`^slider ${value}, get_value ${value}, reports \\d+$`));
    await label.waitFor({ timeout: 15000 });
    const reports = Number((await label.textContent()).split(" ").pop());
    console.log(`  ${run.moves} moves in ${dragSeconds} s: ${run.frames} frames sent in ${run.animationFrames} animation frames, ` +
      `${reports} reports reached the handler`);
    // Coalesced in the page: at most one frame per animation frame (and a
    // few for the timer that stands in when frames stall).
    expect(run.frames <= run.animationFrames * 1.1 + 20, `${run.frames} frames for ${run.animationFrames} animation frames`);
    expect(reports < run.moves / 5, `${reports} reports for ${run.moves} moves`);
    await neverCutOff(page, s);
    await page.close();
    await stopServer(s);
  }],
  ["fast typing: 2,000 keys without delay into an editable ComboBox (a report per key) and a TextEntry", async () => {
    const s = await start(400);
    const page = await openPage(s);
    const text = "The quick brown fox jumps over the lazy dog. ".repeat(23).slice(0, 1000);
    await page.locator("input.pgw-combobox-input").click();
    await page.keyboard.type(text);
    await page.getByText(`typed ${text.length} chars, reports ${text.length}`, { exact: true }).waitFor({ timeout: 30000 });
    await page.locator("input.pgw-textentry").click();
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
    await page.getByText(`entered ${text.length} chars`, { exact: true }).waitFor({ timeout: 30000 });
    await neverCutOff(page, s);
    await page.close();
    await stopServer(s);
  }],
  ["a page the server cuts off (1008) shows why and backs off: no reconnect for 4 s, then it rejoins", async () => {
    const s = await start(400);
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const sockets = [];
    page.on("websocket", () => sockets.push(Date.now()));
    await page.goto(`${s.url}?pgwidgets-test`);
    const grow = page.getByRole("button", { name: "grow" });
    await grow.waitFor({ timeout: 20000 });
    // 5,000 clicks in one turn: one frame over max_messages_per_frame, a page no person makes.
    const id = Number(await grow.getAttribute("data-pgw-id"));
    await page.evaluate((id) => {
      const w = window.pgwidgets.test.widget(id);
      for (let i = 0; i < 5000; i++) w.events.activated();
    }, id);
    await page.waitForFunction(() => window.pgwidgets.state.connection === "refused", null, { timeout: 10000 });
    const closedAt = Date.now();
    const state = await page.evaluate(() => window.pgwidgets.state);
    expect(state.lastClose.code === 1008, `closed with ${JSON.stringify(state.lastClose)}`);
    const notice = page.locator(".pgw-fullpage-refused");
    await notice.waitFor({ timeout: 2000 });
    const text = await notice.textContent();
    expect(/cut this page off/.test(text) && /Reconnecting in 5 seconds/.test(text), `the notice says: ${text}`);
    await page.screenshot({ path: path.join(artifacts, "flood-refused.png") });
    await page.waitForTimeout(4000);
    // Only the 4 s after the close count: the waits above (the notice, a
    // screenshot) may take long on a loaded machine, and the page's own
    // retry 5 s after the close is what it should do.
    const early = sockets.filter((t) => t > closedAt && t < closedAt + 4000).length;
    expect(early === 0, `${early} reconnects within 4 s of a policy close`);
    await page.waitForFunction(() => window.pgwidgets.state.connection === "open" && window.pgwidgets.state.rebuilds === 1,
      null, { timeout: 10000 });
    expect(await notice.count() === 0, "the notice stays after the page rejoined");
    await page.close();
    await stopServer(s);
  }],
];
const drag = (name) => name.includes("slider drag");
const ok = await runChecks([
  ...checks.filter(([name]) => (part === "drag") === drag(name)),
  ["no errors in the browser console", async () => {
    expect(consoleErrors.length === 0, consoleErrors.join("\n"));
  }],
]);

for (const s of servers) if (s.proc.exitCode === null) await stopServer(s);
await browser.close();
process.exit(ok ? 0 : 1);
