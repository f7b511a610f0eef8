// Browser test: pointer and keyboard events (the InteractiveEvents trait) on
// an interactive Label, driven by real mouse and keyboard input in headless
// Chromium, against tests/browser/events_app.cpp, whose typed handlers write
// the records' fields into one label per event kind. A plain label (no
// `interactive`) must make the page send nothing at all.
// usage: node events.test.mjs --binary build/tests/events_app [--artifacts dir]
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 700 } });
const { server, page, artifacts } = app;
// Every frame the page sends, counted.
let framesSent = 0;
page.on("websocket", (ws) => ws.on("framesent", () => { framesSent++; }));

const label = (text) => page.locator(".pgw-label", { hasText: new RegExp(`^${text}$`) });

// Waits until the label starting with `prefix` matches `pattern`; returns its text.
async function lineMatches(prefix, pattern, timeout = 5000) {
  const line = page.locator(".pgw-label").filter({ hasText: new RegExp(`^${prefix}: `) });
  const deadline = Date.now() + timeout;
  let now = "";
  while (Date.now() < deadline) {
    now = (await line.textContent()) ?? "";
    if (pattern.test(now)) return now;
    await page.waitForTimeout(50);
  }
  throw new Error(`"${prefix}" says "${now}", expected ${pattern}`);
}

// The pad's top left corner in the viewport, and a point inside it.
async function padAt(dx, dy) {
  const box = await label("pad").boundingBox();
  return { x: Math.round(box.x) + dx, y: Math.round(box.y) + dy, left: box.x, top: box.y };
}

function near(text, key, want) {
  const m = new RegExp(`${key} (-?\\d+)`).exec(text);
  expect(m && Math.abs(Number(m[1]) - want) <= 1, `${key} in "${text}" is not about ${want}`);
}

const ok = await runChecks([
  ["the window appears with the interactive and the plain label", async () => {
    await page.goto(server.url);
    await label("pad").waitFor({ state: "visible", timeout: 10000 });
    await label("plain").waitFor({ state: "visible", timeout: 5000 });
    expect(await label("pad").getAttribute("tabindex") === "0", "the interactive label is not focusable");
    expect(await label("plain").getAttribute("tabindex") === null, "the plain label is focusable");
  }],
  ["a click with Ctrl held reaches on_click with its position, button and modifiers", async () => {
    const p = await padAt(20, 10);
    await page.mouse.move(p.x, p.y);
    await page.keyboard.down("Control");
    await page.mouse.click(p.x, p.y);
    await page.keyboard.up("Control");
    const text = await lineMatches("click", /button 1 mask 0 alt false ctrl true shift false meta false$/);
    near(text, "x", p.x - p.left);
    near(text, "y", p.y - p.top);
    await lineMatches("hover", /^hover: enter$/);
    await lineMatches("focus", /^focus: in$/);
  }],
  ["a right press reports button 3 and pgwidgets' mask 0x4, then the context menu", async () => {
    const p = await padAt(40, 12);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down({ button: "right" });
    await lineMatches("pointer_down", /button 3 mask 4 alt false ctrl false shift false meta false type mouse primary true$/);
    await page.mouse.up({ button: "right" });
    await lineMatches("pointer_up", /button 3 mask 0 /);
    await lineMatches("contextmenu", /button 3 /);
  }],
  ["keys on the focused label reach on_key_down and on_key_up with key, code and Shift", async () => {
    await page.keyboard.down("Shift");
    await page.keyboard.down("KeyA");
    await lineMatches("key", /^key: down A KeyA alt false ctrl false shift true meta false$/);
    await page.keyboard.up("KeyA");
    await lineMatches("key", /^key: up A KeyA alt false ctrl false shift true meta false$/);
    await page.keyboard.up("Shift");
    await page.keyboard.down("Alt");
    await page.keyboard.press("Enter");
    await page.keyboard.up("Alt");
    await lineMatches("key", /^key: up Alt AltLeft alt false ctrl false shift false meta false$/);
  }],
  ["the wheel reaches on_scroll with its delta and where the pointer was", async () => {
    const p = await padAt(30, 15);
    await page.mouse.move(p.x, p.y);
    await page.mouse.wheel(0, 120);
    const text = await lineMatches("scroll", /^scroll: dy 120 mode 0 x \d+$/);
    near(text, "x", p.x - p.left);
  }],
  ["moves reach on_pointer_move, the latest one last", async () => {
    const a = await padAt(10, 10);
    await page.mouse.move(a.x, a.y);
    await page.mouse.move(a.x + 60, a.y + 8, { steps: 20 });
    await lineMatches("pointer_move", new RegExp(`^pointer_move: x ${Math.round(a.x + 60 - a.left)} y `));
    await page.mouse.dblclick(a.x + 60, a.y + 8);
    await lineMatches("dblclick", /button 1 /);
    const counts = await lineMatches("counts", /^counts: moves \d+$/);
    console.log(`  ${counts} reached the handler (coalesced per frame), for 21 DOM moves in this check and the moves before it`);
  }],
  ["a drop reports each file's name, type and size (no contents), per-file progress, then the end", async () => {
    const p = await padAt(25, 12);
    await label("pad").evaluate((el, at) => {
      const dt = new DataTransfer();
      dt.items.add(new File(["hello"], "a.txt", { type: "text/plain" }));
      dt.items.add(new File([new Uint8Array([1, 2, 3])], "b.bin"));
      el.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true, clientX: at.x, clientY: at.y }));
      el.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true, clientX: at.x, clientY: at.y }));
    }, p);
    await lineMatches("drop", /^drop: end 2 files, progress a\.txt 5\/5 1 of 2 b\.bin 3\/3 2 of 2$/);
  }],
  ["leaving the label and clicking elsewhere report leave and focus out", async () => {
    const plain = await label("plain").boundingBox();
    await page.mouse.move(plain.x + 10, plain.y + 10);
    await lineMatches("hover", /^hover: leave$/);
    await page.mouse.click(plain.x + 10, plain.y + 10);
    await lineMatches("focus", /^focus: out$/);
  }],
  ["a plain label (no interactive) makes the page send nothing", async () => {
    const plain = await label("plain").boundingBox();
    await page.waitForTimeout(300);  // anything still on its way
    framesSent = 0;
    const x = plain.x + 15, y = plain.y + 10;
    await page.mouse.move(x, y);
    await page.mouse.click(x, y);
    await page.mouse.dblclick(x, y);
    await page.mouse.click(x, y, { button: "right" });
    await page.mouse.wheel(0, 100);
    await page.mouse.move(x + 30, y + 5, { steps: 5 });
    await page.keyboard.press("KeyB");
    await page.waitForTimeout(500);
    expect(framesSent === 0, `the page sent ${framesSent} frame(s)`);
  }],
  ["no errors on stderr", async () => {
    await page.screenshot({ path: path.join(artifacts, "events.png") });
    expect(!server.stderr().includes("pgwidgets error"), server.stderr());
  }],
  ...closingChecks(app),
]);
finish(app, ok);
