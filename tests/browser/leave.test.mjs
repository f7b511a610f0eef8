// Browser test: nothing the user typed or dragged is lost at a reload or
// when the tab closes, in headless Chromium against tests/browser/leave_app.cpp.
// The page holds some reports back (a TextArea's typing until it pauses, a
// drag without tracking until it ends, a scroll position until scrolling
// stops, reports of a latest value until the next animation frame); on
// pagehide it sends them all before its socket closes, and the server
// records them before it rebuilds the page. Each check leaves the page
// right after the input, well inside the time the report was held back.
// usage: node leave.test.mjs --binary build/tests/leave_app
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 700 } });
const { artifacts, server } = app;
const newPage = () => app.newPage();
let page = app.page;

const area = () => page.locator("textarea.pgw-textarea");
const sliders = () => page.locator("input.pgw-slider-input");
const viewport = () => page.locator(".pgw-scrollarea-viewport");

async function rebuilt(rebuilds) {
  try {
    await page.waitForFunction((n) => window.pgwidgets?.state.rebuilds === n && window.pgwidgets.state.connection === "open",
      rebuilds, { timeout: 10000, polling: "raf" });
  } catch (e) {
    throw new Error(`not rebuilt: ${JSON.stringify(await page.evaluate(() => window.pgwidgets?.state))}\n${server.stderr()}`);
  }
  await area().waitFor({ state: "visible", timeout: 5000 });
}

// Reloads at once: the held-back reports have only pagehide to go by.
async function reloadNow() {
  await page.reload({ waitUntil: "commit" });
}

// What the server's getters answer, through the "check" button.
// The answers are numbered: a rebuilt page shows the last one until the new one comes.
async function serverState() {
  const before = await page.locator(".pgw-label", { hasText: /^values/ }).textContent();
  const n = (Number(/^values (\d+):/.exec(before)?.[1]) || 0) + 1;
  await page.getByRole("button", { name: "check" }).click();
  const text = page.locator(".pgw-label", { hasText: new RegExp(`^text ${n}: \\[`) });
  const values = page.locator(".pgw-label", { hasText: new RegExp(`^values ${n}: tracked`) });
  await values.waitFor({ timeout: 5000 });
  await text.waitFor({ timeout: 5000 });
  const t = await text.textContent();
  const m = /^values \d+: tracked (\d+) untracked (\d+) dial (\d+) scroll ([\d.]+)$/.exec(await values.textContent());
  expect(m, `values label: ${await values.textContent()}`);
  return { text: t.slice(`text ${n}: [`.length, -1), tracked: +m[1], untracked: +m[2], dial: +m[3], scroll: +m[4] };
}

// Drags the n-th slider's thumb from its left end to `fraction` of its width, the button still down.
async function dragSlider(n, fraction) {
  const box = await sliders().nth(n).boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 3, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 3 + (box.width - 6) * fraction * i / 10, y);
  return Number(await sliders().nth(n).inputValue());
}


const ok = await runChecks([
  ["the page shows", async () => {
    await page.goto(server.url);
    await area().waitFor({ state: "visible", timeout: 10000 });
  }],
  ["typed into a TextArea, reloaded at once: the reloaded page and get_text have the full text", async () => {
    await area().click();
    await page.keyboard.type("every character counts");
    await reloadNow();
    await rebuilt(1);
    expect(await area().inputValue() === "every character counts", `after reload ${JSON.stringify(await area().inputValue())}`);
    const s = await serverState();
    expect(s.text === "every character counts", `get_text answered ${JSON.stringify(s.text)}`);
  }],
  ["a tracking slider reloaded mid-drag keeps the value at the reload", async () => {
    const value = await dragSlider(0, 0.6);
    expect(value > 0, `the drag moved nothing (${value})`);
    await reloadNow();
    await page.mouse.up();
    await rebuilt(1);
    expect(Number(await sliders().nth(0).inputValue()) === value, `the page shows ${await sliders().nth(0).inputValue()}, not ${value}`);
    expect((await serverState()).tracked === value, "get_value differs");
  }],
  ["a slider without tracking (reports where the drag ends) reloaded mid-drag keeps the value too", async () => {
    const value = await dragSlider(1, 0.4);
    expect(value > 0, `the drag moved nothing (${value})`);
    await reloadNow();
    await page.mouse.up();
    await rebuilt(1);
    expect(Number(await sliders().nth(1).inputValue()) === value, `the page shows ${await sliders().nth(1).inputValue()}, not ${value}`);
    expect((await serverState()).untracked === value, "get_value differs");
  }],
  ["a dial without tracking reloaded mid-drag keeps the value", async () => {
    const box = await page.locator(".pgw-dial svg").boundingBox();
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    await page.mouse.move(cx - box.width * 0.3, cy + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(cx - box.width * 0.4, cy, { steps: 3 });
    await page.mouse.move(cx, cy - box.height * 0.4, { steps: 3 });
    const value = Number(await page.locator(".pgw-dial").getAttribute("aria-valuenow"));
    expect(value > 0, `the drag moved nothing (${value})`);
    await reloadNow();
    await page.mouse.up();
    await rebuilt(1);
    expect(Number(await page.locator(".pgw-dial").getAttribute("aria-valuenow")) === value, "the dial differs");
    expect((await serverState()).dial === value, "get_value differs");
  }],
  ["a scroll area wheeled and reloaded at once keeps its position", async () => {
    const box = await viewport().boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 200);
    await page.waitForFunction(() => document.querySelector(".pgw-scrollarea-viewport").scrollTop > 0, null, { polling: "raf" });
    const fraction = await viewport().evaluate((v) => v.scrollTop / (v.scrollHeight - v.clientHeight));
    await reloadNow();
    await rebuilt(1);
    const s = await serverState();
    expect(Math.abs(s.scroll - fraction) < 0.002, `the server has ${s.scroll}, the page was at ${fraction}`);
  }],
  ["pagehide alone sends what typing held back, then closes the socket after it; the page rejoins", async () => {
    // A reload or a closed tab also hides the page (visibilitychange); this
    // is pagehide on its own, as a page going into the back-forward cache gets it.
    await area().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" and");
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: true })));
    await page.waitForFunction(() => window.pgwidgets.state.lastClose?.reason === "page left", null, { timeout: 5000 })
      .catch(() => { throw new Error("pagehide did not close the socket"); });
    await rebuilt(2);
    expect(await area().inputValue() === "every character counts and", `rebuilt with ${JSON.stringify(await area().inputValue())}`);
    expect((await serverState()).text === "every character counts and", "get_text differs");
  }],
  ["typed, then the tab closed at once: the session's state has the text", async () => {
    // The session's link, as Session::get_url() makes it, from what this tab keeps.
    const s = await page.evaluate(() => JSON.parse(sessionStorage.getItem("pgwidgets.session")));
    const url = `${server.url}?session=${s.id}&token=${s.token}`;
    await area().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" the last ones");
    await page.close();
    page = await newPage();
    await page.goto(url);
    await rebuilt(1);
    const want = "every character counts and the last ones";
    expect(await area().inputValue() === want, `the new tab shows ${JSON.stringify(await area().inputValue())}`);
    expect((await serverState()).text === want, "get_text differs");
    await page.screenshot({ path: path.join(artifacts, "leave.png") });
  }],
  ...closingChecks(app),
]);
finish(app, ok);
