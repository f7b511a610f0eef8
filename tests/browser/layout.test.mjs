// Browser test of the layout family on tests/browser/layout_app.cpp, with
// real input in headless Chromium: tabs switched by clicks and arrow keys,
// a splitter handle dragged and moved with the keys, an expander toggled by
// a click, Space and Enter, a scroll area wheeled, a stack switched by a
// button's C++ handler, a disabled tab row ignoring a click. Each step
// checks the values the typed C++ handler received and what the server's
// getter answered in it (the app prints both; getters are plain functions,
// answered from the server's state), and a reload must show the same tab,
// splitter sizes, fold, scroll position and stack page, with the server's
// getters agreeing. Waits for conditions, never for time.
// usage: node layout.test.mjs --binary build/tests/layout_app [--artifacts build/artifacts]
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 700 } });
const { artifacts, server, page } = app;
const near = (a, b, tol) => Math.abs(a - b) <= tol;

// ---- the app's stdout, line by line ------------------------------------------

// Lines after the URL, and how many of them the test has consumed.
const lines = () => server.stdout().split("\n").slice(1).filter((l) => l !== "");
let seen = 0;

// The next unread line; it must match `re` (a line that does not is a
// handler the test did not expect). Resolves with the match.
function nextLine(re, timeout = 5000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const all = lines();
      if (all.length <= seen) return false;
      const line = all[seen++];
      const m = re.exec(line);
      finish();
      if (m) resolve(m);
      else reject(new Error(`expected a line like ${re}, the app printed: ${line}`));
      return true;
    };
    const timer = setTimeout(() => { finish(); reject(new Error(`no line like ${re} within ${timeout} ms`)); }, timeout);
    const onData = () => { check(); };
    function finish() { clearTimeout(timer); server.proc.stdout.off("data", onData); }
    if (!check()) server.proc.stdout.on("data", onData);
  });
}

// ---- page helpers -----------------------------------------------------------------

async function reloadAndWait() {
  await page.reload({ waitUntil: "commit" });
  await page.waitForFunction(() => window.pgwidgets?.state.rebuilds === 1 && window.pgwidgets.state.connection === "open",
    null, { timeout: 10000, polling: "raf" });
}

const currentTab = () => page.locator('.pgw-tab[aria-selected="true"]').textContent();
const paneSizes = () => page.locator(".pgw-splitter-pane").evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().width));
const collapsedNow = () => page.locator(".pgw-expander").evaluate((e) => e.classList.contains("pgw-collapsed"));
const scrollFraction = () => page.locator(".pgw-scrollarea-viewport").evaluate(
  (v) => v.scrollTop / Math.max(1, v.scrollHeight - v.clientHeight));

// What the user last did, as the handlers reported it.
const last = {};

await runChecks([
  ["the window shows with the first tab, an even splitter and a folded expander", async () => {
    await page.goto(server.url);
    await page.getByText("Tab page One", { exact: true }).waitFor({ state: "visible", timeout: 10000 });
    expect(await currentTab() === "One", `current tab ${await currentTab()}`);
    expect(await collapsedNow(), "a collapsible expander starts folded");
    const [a, b] = await paneSizes();
    expect(near(a, b, 1), `panes ${a} and ${b} should share the splitter equally`);
    expect(await page.locator(".pgw-tabwidget").getAttribute("title") === "Three tabs", "the tooltip is missing");
  }],

  ["a click on a tab switches it: page_switch(child, index), get_index agrees", async () => {
    await page.locator(".pgw-tab", { hasText: "Two" }).click();
    const m = await nextLine(/^page_switch index=(\d+) child_matches=(\d) get_index=(\d+)$/);
    expect(m[1] === "1" && m[2] === "1" && m[3] === "1", `got ${m[0]}`);
    await page.getByText("Tab page Two", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    expect(await page.getByText("Tab page One", { exact: true }).isHidden(), "the first page still shows");
  }],

  ["ArrowRight on the focused tab row moves to the next tab", async () => {
    await page.keyboard.press("ArrowRight");
    const m = await nextLine(/^page_switch index=(\d+) child_matches=(\d) get_index=(\d+)$/);
    expect(m[1] === "2" && m[2] === "1" && m[3] === "2", `got ${m[0]}`);
    expect(await currentTab() === "Three", `current tab ${await currentTab()}`);
    expect(await page.evaluate(() => document.activeElement?.textContent) === "Three", "focus did not follow the tab");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    expect(outline !== "none", "the focused tab shows no focus ring");
  }],

  ["dragging the splitter handle resizes the panes: sizing(sizes), get_sizes agrees", async () => {
    const before = await paneSizes();
    const h = await page.locator(".pgw-splitter-handle").boundingBox();
    const x = h.x + h.width / 2;
    const y = h.y + h.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 40, y, { steps: 4 });
    await page.mouse.move(x + 80, y, { steps: 4 });
    await page.mouse.up();
    const m = await nextLine(/^sizing sizes=(\d+),(\d+) get_sizes=(\d+),(\d+)$/);
    const [a, b, ga, gb] = m.slice(1).map(Number);
    expect(a === ga && b === gb, `the getter answered ${ga},${gb} for ${a},${b}`);
    expect(near(a, before[0] + 80, 2) && near(b, before[1] - 80, 2), `sizes ${a},${b} after +80 px from ${before}`);
    const now = await paneSizes();
    expect(near(now[0], a, 1) && near(now[1], b, 1), `drawn ${now}, reported ${a},${b}`);
    last.sizes = [a, b];
  }],

  ["ArrowLeft on the focused handle moves it 10 px", async () => {
    expect(await page.evaluate(() => document.activeElement?.classList.contains("pgw-splitter-handle")),
      "the dragged handle should have the focus");
    await page.keyboard.press("ArrowLeft");
    const m = await nextLine(/^sizing sizes=(\d+),(\d+) get_sizes=(\d+),(\d+)$/);
    const [a, b, ga, gb] = m.slice(1).map(Number);
    expect(a === ga && b === gb, `the getter answered ${ga},${gb} for ${a},${b}`);
    expect(near(a, last.sizes[0] - 10, 1) && near(b, last.sizes[1] + 10, 1), `sizes ${a},${b} after ${last.sizes}`);
    last.sizes = [a, b];
  }],

  ["the expander toggles by click, Space and Enter: toggled(collapsed), get_collapsed agrees", async () => {
    const bar = page.locator(".pgw-expander-bar");
    await bar.click();
    let m = await nextLine(/^toggled collapsed=(\d) get_collapsed=(\d)$/);
    expect(m[1] === "0" && m[2] === "0", `click: ${m[0]}`);
    await page.getByText("Folded-away details", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    await page.keyboard.press("Space");
    m = await nextLine(/^toggled collapsed=(\d) get_collapsed=(\d)$/);
    expect(m[1] === "1" && m[2] === "1", `Space: ${m[0]}`);
    expect(await collapsedNow(), "Space did not fold it");
    await page.keyboard.press("Enter");
    m = await nextLine(/^toggled collapsed=(\d) get_collapsed=(\d)$/);
    expect(m[1] === "0" && m[2] === "0", `Enter: ${m[0]}`);
    expect(!(await collapsedNow()), "Enter did not unfold it");
  }],

  ["the wheel scrolls the scroll area: scrolled(h, v), get_scroll_position agrees", async () => {
    const box = await page.locator(".pgw-scrollarea-viewport").boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 150);
    const m = await nextLine(/^scrolled h=([\d.]+) v=([\d.]+) get_h=([\d.]+) get_v=([\d.]+)$/);
    const [h, v, gh, gv] = m.slice(1).map(Number);
    expect(h === gh && v === gv, `the getter answered ${gh},${gv} for ${h},${v}`);
    expect(h === 0 && v > 0 && v < 1, `scrolled to ${h},${v}`);
    expect(near(await scrollFraction(), v, 0.002), `the page is at ${await scrollFraction()}, the server heard ${v}`);
    last.v = v;
  }],

  ["a button's handler switches the stack; its getter answers the new index", async () => {
    await page.getByRole("button", { name: "Next page" }).click();
    const m = await nextLine(/^stack set=(\d) get_index=(\d)$/);
    expect(m[1] === "1" && m[2] === "1", `got ${m[0]}`);
    await page.getByText("Stack page 1", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    expect(await page.getByText("Stack page 0", { exact: true }).isHidden(), "page 0 still shows");
  }],

  ["a reload shows the same tab, splitter sizes, fold, scroll position and stack page", async () => {
    await reloadAndWait();
    await page.getByText("Tab page Three", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    expect(await currentTab() === "Three", `current tab ${await currentTab()}`);
    const sizes = await paneSizes();
    expect(near(sizes[0], last.sizes[0], 1) && near(sizes[1], last.sizes[1], 1), `panes ${sizes}, were ${last.sizes}`);
    expect(!(await collapsedNow()), "the expander folded again");
    await page.getByText("Folded-away details", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    await page.waitForFunction((v) => {
      const e = document.querySelector(".pgw-scrollarea-viewport");
      return Math.abs(e.scrollTop / Math.max(1, e.scrollHeight - e.clientHeight) - v) <= 0.002;
    }, last.v, { timeout: 5000, polling: "raf" });
    await page.getByText("Stack page 1", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    await page.screenshot({ path: path.join(artifacts, "layout_reloaded.png") });
  }],

  ["after the reload the server's getters agree and the rebuild fired no handler", async () => {
    await page.getByRole("button", { name: "Report" }).click();
    // nextLine takes the next line: a handler run by the rebuild would come first and fail it.
    const m = await nextLine(/^report tab=(\d) sizes=(\d+),(\d+) collapsed=(\d) scroll_v=([\d.]+) stack=(\d)$/);
    expect(m[1] === "2", `tab ${m[1]}`);
    expect(Number(m[2]) === last.sizes[0] && Number(m[3]) === last.sizes[1], `sizes ${m[2]},${m[3]}`);
    expect(m[4] === "0", `collapsed ${m[4]}`);
    expect(Number(m[5]) === last.v, `scroll ${m[5]}, was ${last.v}`);
    expect(m[6] === "1", `stack ${m[6]}`);
  }],

  ["tabs still switch after the reload, with the handler running once", async () => {
    await page.locator(".pgw-tab", { hasText: "One" }).click();
    const m = await nextLine(/^page_switch index=(\d+) child_matches=(\d) get_index=(\d+)$/);
    expect(m[1] === "0" && m[2] === "1" && m[3] === "0", `got ${m[0]}`);
  }],

  ["a disabled TabWidget ignores a click on a tab", async () => {
    await page.getByRole("button", { name: "Lock tabs" }).click();
    let m = await nextLine(/^tabs enabled=(\d)$/);
    expect(m[1] === "0", `got ${m[0]}`);
    await page.locator(".pgw-tabwidget.pgw-disabled").waitFor({ timeout: 5000 });
    // A real click at the tab's place (a locator click would wait for an enabled target).
    const box = await page.locator(".pgw-tab", { hasText: "Two" }).boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByRole("button", { name: "Report" }).click();
    m = await nextLine(/^report tab=(\d) /);
    expect(m[1] === "0", `the disabled tabs switched to ${m[1]}`);
    expect(await currentTab() === "One", `current tab ${await currentTab()}`);
    await page.getByRole("button", { name: "Lock tabs" }).click();
    m = await nextLine(/^tabs enabled=(\d)$/);
    expect(m[1] === "1", `got ${m[0]}`);
  }],

  ["no errors on the server's stderr", async () => {
    expect(!/error/i.test(server.stderr()), `server stderr: ${server.stderr()}`);
  }],
  ...closingChecks(app),
]).then((ok) => finish(app, ok));
