// Browser test: sessions outlive connections, on examples/async_demo in
// headless Chromium. Reloading shows the same page (texts, window place)
// and keeps the C++ handlers, on_connect having run once; a second browser
// on the session's URL shows the same UI and stays in sync; 100 reloads
// leave the same page and a server whose memory does not grow. Prints the
// reload-to-rebuilt time and the rebuild's size, for async_demo and for
// 1000 labels (tests/browser/labels_app.cpp). Waits for conditions, never
// for time.
// usage: node sessions.test.mjs --binary build/examples/async_demo
//          --labels-binary build/tests/labels_app --artifacts build/artifacts
import fs from "node:fs";
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks, startServer, stopServer } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 600 } });
const { args, artifacts, server, browser, page } = app;
const watchConsole = app.watch;
const RELOADS = Number(args.reloads || 100);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Every widget on the page: id, class, parent widget, its text (leaves),
// hidden or not. Two equal snapshots are the same page.
async function snapshot(p) {
  return p.evaluate(() => JSON.stringify([...document.querySelectorAll("[data-pgw-id]")].map((e) => [
    e.getAttribute("data-pgw-id"),
    e.getAttribute("data-pgw-class"),
    e.parentElement?.closest("[data-pgw-id]")?.getAttribute("data-pgw-id") ?? "",
    e.tagName === "INPUT" ? e.value : (e.querySelector("[data-pgw-id]") ? "" : e.textContent),
    e.classList.contains("pgw-hidden"),
  ])));
}

const state = (p) => p.evaluate(() => window.pgwidgets.state);
const windowBox = (p) => p.locator(".pgw-toplevel").first().boundingBox();
const labelText = (p) => p.locator('[data-pgw-class="Label"]').first().textContent();

// Reloads `p` and waits until the server rebuilt it; returns the ms taken.
async function reloadAndWait(p) {
  const t0 = performance.now();
  await p.reload({ waitUntil: "commit" });
  await p.waitForFunction(() => window.pgwidgets?.state.rebuilds === 1 && window.pgwidgets.state.connection === "open",
    null, { timeout: 10000, polling: "raf" });
  return performance.now() - t0;
}

function rssKiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m[1]);
}

let sessionId = "";
let before = null;  // { snap, box }
let rejectedContext = null;
const figures = [];

const ok = await runChecks([
  ["type and Enter, click Hello, move and resize the window", async () => {
    await page.goto(server.url);
    await page.getByRole("button", { name: "Hello" }).waitFor({ state: "visible", timeout: 10000 });
    sessionId = (await state(page)).sessionId;
    expect(/^[0-9a-f]{16}$/.test(sessionId), `session id ${sessionId}`);
    const entry = page.locator("input").first();
    await entry.fill("kept across reloads");
    await entry.press("Enter");
    await page.getByText("Entered: kept across reloads", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    await page.getByRole("button", { name: "Hello" }).click();
    await page.getByText("Hello!", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    const t = await page.getByText("Async Demo", { exact: true }).boundingBox();
    await page.mouse.move(t.x + 5, t.y + t.height / 2);
    await page.mouse.down();
    await page.mouse.move(t.x + 105, t.y + t.height / 2 + 70, { steps: 5 });
    await page.mouse.up();
    // And resized with its bottom-right grip: 400x300 becomes 460x340.
    const g = await page.locator(".pgw-toplevel .pgw-grip-se").first().boundingBox();
    await page.mouse.move(g.x + g.width / 2, g.y + g.height / 2);
    await page.mouse.down();
    await page.mouse.move(g.x + g.width / 2 + 60, g.y + g.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    const resized = await windowBox(page);
    expect(Math.abs(resized.width - 460) <= 2 && Math.abs(resized.height - 340) <= 2,
      `the grip made the window ${JSON.stringify(resized)}`);
    // The move reached the server when a reload shows it; record the page now.
    before = { snap: await snapshot(page), box: await windowBox(page) };
  }],
  ["a reload shows the same window at the same place and size with the same texts", async () => {
    const ms = await reloadAndWait(page);
    const s = await state(page);
    expect(s.sessionId === sessionId && s.rejoined, `after the reload: ${JSON.stringify(s)}`);
    expect(await labelText(page) === "Hello!", `label says ${await labelText(page)}`);
    expect(await page.locator("input").first().inputValue() === "kept across reloads", "the entry lost its text");
    const box = await windowBox(page);
    expect(Math.abs(box.x - before.box.x) <= 1 && Math.abs(box.y - before.box.y) <= 1 &&
      Math.abs(box.width - before.box.width) <= 1 && Math.abs(box.height - before.box.height) <= 1,
      `window at ${JSON.stringify(box)}, was ${JSON.stringify(before.box)}`);
    expect(await snapshot(page) === before.snap, `the page differs:\n${await snapshot(page)}\nwas\n${before.snap}`);
    figures.push(`async_demo: first reload rebuilt in ${ms.toFixed(0)} ms`);
    await page.screenshot({ path: path.join(artifacts, "sessions_reloaded.png") });
  }],
  ["after the reload the C++ handlers still run, and on_connect ran once", async () => {
    const entry = page.locator("input").first();
    await entry.fill("after reload");
    await entry.press("Enter");
    await page.getByText("Entered: after reload", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    await page.getByRole("button", { name: "Hello" }).click();
    await page.getByText("Hello!", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    const started = server.stderr().split("\n").filter((l) => l.includes(`session ${sessionId} started`));
    expect(started.length === 1, `on_connect ran ${started.length} times:\n${server.stderr()}`);
    before = { snap: await snapshot(page), box: await windowBox(page) };
  }],
  ["a second browser on the session's URL shows the same UI and stays in sync", async () => {
    // get_url()'s form (checked in the unit tests): the page, ?session=&token=.
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem("pgwidgets.session")).token);
    const url = `${server.url}?session=${sessionId}&token=${token}`;
    const other = await browser.newContext({ viewport: { width: 900, height: 600 } });
    const page2 = await other.newPage();
    watchConsole(page2);
    await page2.goto(url);
    await page2.waitForFunction(() => window.pgwidgets?.state.rebuilds === 1, null, { timeout: 10000 });
    expect(await snapshot(page2) === before.snap, "the second browser shows another page");
    const box2 = await windowBox(page2);
    expect(Math.abs(box2.x - before.box.x) <= 1 && Math.abs(box2.y - before.box.y) <= 1, "window elsewhere");
    // Entered in the second: the label changes in both, the first's entry follows.
    const entry2 = page2.locator("input").first();
    await entry2.fill("from the second");
    await entry2.press("Enter");
    for (const p of [page, page2]) {
      await p.getByText("Entered: from the second", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    }
    await page.waitForFunction(() => document.querySelector("input").value === "from the second", null, { timeout: 5000 });
    // Clicked in the first: both.
    await page.getByRole("button", { name: "Hello" }).click();
    await page2.getByText("Hello!", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    const started = server.stderr().split("\n").filter((l) => l.includes(`session ${sessionId} started`));
    expect(started.length === 1, "the second browser ran on_connect");
    await page2.screenshot({ path: path.join(artifacts, "sessions_second_browser.png") });
    await other.close();
    before = { snap: await snapshot(page), box: await windowBox(page) };
  }],
  ["a wrong token is refused: the page says so in plain text and does not retry", async () => {
    const other = await browser.newContext();
    const p = await other.newPage();
    await p.goto(`${server.url}?session=${sessionId}&token=${"0".repeat(32)}`);
    await p.getByText("Connection rejected", { exact: true }).waitFor({ state: "visible", timeout: 10000 });
    const s = await state(p);
    expect(s.connection === "rejected" && s.lastClose?.code === 4001, JSON.stringify(s));
    expect(!(await p.evaluate(() => location.search)).includes("token="), "the refused token stayed in the URL");
    rejectedContext = other;  // kept open: the last check counts its attempts
  }],
  [`${RELOADS} reloads leave the same page, and the server's memory does not grow from the 10th to the last`, async () => {
    const times = [];
    let rss10 = 0;
    for (let i = 1; i <= RELOADS; i++) {
      times.push(await reloadAndWait(page));
      const snap = await snapshot(page);
      expect(snap === before.snap, `reload ${i}: the page differs:\n${snap}\nwas\n${before.snap}`);
      if (i === 10) rss10 = rssKiB(server.proc.pid);
    }
    const rssLast = rssKiB(server.proc.pid);
    const bytes = (await state(page)).lastRebuildBytes;
    figures.push(`async_demo: reload to rebuilt, median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${RELOADS}; rebuild frame ${bytes} bytes`);
    figures.push(`async_demo: server RSS ${rss10} KiB after reload 10, ${rssLast} KiB after reload ${RELOADS}`);
    // A little slack for the allocator's pages; a leak per reload shows well above it.
    expect(rssLast - rss10 <= 256, `RSS grew by ${rssLast - rss10} KiB`);
  }],
  ["1000 labels: the reload-to-rebuilt time and the rebuild's size", async () => {
    const labels = await startServer(path.resolve(args["labels-binary"]));
    try {
      const p = await browser.newPage({ viewport: { width: 900, height: 600 } });
      watchConsole(p);
      await p.goto(labels.url);
      await p.getByText("label 999", { exact: true }).waitFor({ state: "attached", timeout: 15000 });
      const times = [];
      for (let i = 0; i < 5; i++) {
        times.push(await reloadAndWait(p));
        expect(await p.locator('[data-pgw-class="Label"]').count() === 1000, "not 1000 labels");
      }
      const bytes = (await state(p)).lastRebuildBytes;
      figures.push(`1000 labels: reload to rebuilt, median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over 5; rebuild frame ${bytes} bytes`);
      await p.close();
    } finally {
      await stopServer(labels);
    }
  }],
  ["the refused page never tried again", async () => {
    const refusals = server.stderr().split("\n").filter((l) => l.includes(`wrong token for session ${sessionId}`));
    expect(refusals.length === 1, `${refusals.length} refusals:\n${refusals.join("\n")}`);
    await rejectedContext.close();
  }],
  ...closingChecks(app),
]);
for (const f of figures) console.log(`# ${f}`);
finish(app, ok);
