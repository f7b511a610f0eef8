// Browser test: toolbars and dialogs driven by the mouse and keyboard, in
// headless Chromium against tests/browser/dialogs_app.cpp. Toggles and an
// exclusive group (and a reload keeping exactly the pressed one); a window
// made narrow pushes actions into the overflow button, whose menu
// activates them as a click does; a modal dialog keeps Tab and Shift+Tab
// inside and ignores clicks outside, Escape cancels it, and exec() returns
// the button pressed to C++; a dialog moved by its title bar is where it
// was after a reload; a ColorDialog's OK answers its exec. The C++
// handlers' report (with what the server's getters answer) must agree.
// Waits for conditions, never for time.
// usage: node dialogs.test.mjs --binary build/tests/dialogs_app
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 600 } });
const { server, page } = app;

const REPORT = '[data-pgw-class="Label"][title="what the handlers got"]';
const report = () => page.locator(REPORT);
const action = (text) => page.locator(".pgw-toolbar-action", { has: page.getByText(text, { exact: true }) });
const dialog = (title) => page.locator(".pgw-dialog", { has: page.locator(".pgw-window-title", { hasText: title }) });

async function reported(re) {
  await page.waitForFunction(([sel, src]) => {
    const e = document.querySelector(sel);
    return e && new RegExp(src).test(e.textContent);
  }, [REPORT, re.source], { timeout: 5000 }).catch(async () => {
    throw new Error(`report is "${await report().textContent()}", expected ${re}`);
  });
  return re.exec(await report().textContent());
}

async function pressed(texts) {
  const out = [];
  for (const t of texts) out.push(await action(t).evaluate((e) => e.classList.contains("pgw-pressed")));
  return out.map((b) => (b ? "1" : "0")).join("");
}

async function reload() {
  await page.reload({ waitUntil: "commit" });
  await page.waitForFunction(() => window.pgwidgets?.state.rebuilds === 1 && window.pgwidgets.state.connection === "open",
    null, { timeout: 10000, polling: "raf" });
  await action("Run").waitFor({ state: "visible", timeout: 5000 });
}

// Where the keyboard focus is: inside which dialog, and the element's name.
async function focusIn() {
  return page.evaluate(() => {
    const a = document.activeElement;
    const d = a?.closest(".pgw-dialog");
    return { dialog: d ? d.querySelector(".pgw-window-title")?.textContent : null,
             name: a?.closest("[data-pgw-name]")?.getAttribute("data-pgw-name") ?? a?.textContent ?? a?.tagName };
  });
}

async function center(locator) {
  const b = await locator.boundingBox();
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

const GROUP = ["Left", "Center", "Right"];

const ok = await runChecks([
  ["the toolbar shows its actions, the group's first one pressed", async () => {
    await page.goto(server.url);
    await action("Run").waitFor({ state: "visible", timeout: 10000 });
    expect(await pressed(GROUP) === "100", `group drawn ${await pressed(GROUP)}`);
    expect(await page.locator(".pgw-toolbar-separator").count() === 1, "no separator");
    expect(!(await page.locator(".pgw-toolbar-more").isVisible()), "the overflow button shows on a wide bar");
  }],
  ["a plain action fires activated; a toggle reports its state", async () => {
    await action("Run").click();
    await reported(/^activated Run$/);
    await action("Bold").click();
    await reported(/^toggled Bold on \| 1$/);
    await action("Bold").click();
    await reported(/^toggled Bold off \| 0$/);
  }],
  ["pressing one action of a group releases the others, on the page and in the server's state", async () => {
    await action("Center").click();
    await reported(/^toggled Center on \| 010$/);
    expect(await pressed(GROUP) === "010", `after Center the page shows ${await pressed(GROUP)}`);
    await action("Right").click();
    await reported(/^toggled Right on \| 001$/);
    expect(await pressed(GROUP) === "001", `after Right the page shows ${await pressed(GROUP)}`);
  }],
  ["a reload shows exactly the action that was pressed", async () => {
    await reload();
    expect(await pressed(GROUP) === "001", `after the reload the page shows ${await pressed(GROUP)}`);
  }],
  ["a narrow bar puts what does not fit in the overflow menu, and choosing there activates the action", async () => {
    const win = page.locator(".pgw-toplevel", { has: page.locator(".pgw-window-title", { hasText: "Dialogs test" }) });
    const grip = await win.locator(".pgw-grip-e").boundingBox();
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x - 420, grip.y + grip.height / 2, { steps: 8 });
    await page.mouse.up();
    const more = page.locator(".pgw-toolbar-more");
    await more.waitFor({ state: "visible", timeout: 5000 });
    expect(!(await action("Print").isVisible()), "Print is still on the strip");
    await more.click();
    const item = page.locator(".pgw-menu-item", { hasText: "Print" });
    await item.waitFor({ state: "visible", timeout: 5000 });
    await item.click();
    await reported(/^activated Print$/);
    // A toggle chosen in the menu toggles as a click would.
    await more.click();
    await page.locator(".pgw-menu-item", { hasText: "Bold" }).click();
    await reported(/^toggled Bold on \| 1$/);
  }],
  ["a modal dialog keeps the focus: Tab and Shift+Tab cycle inside it", async () => {
    await page.getByRole("button", { name: "Ask" }).click();
    await reported(/^asking$/);
    await dialog("Really?").waitFor({ state: "visible", timeout: 5000 });
    await page.waitForFunction(() => document.activeElement?.closest(".pgw-dialog") != null, null, { timeout: 5000 });
    const seen = new Set();
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press("Tab");
      const f = await focusIn();
      expect(f.dialog === "Really?", `Tab ${i + 1} took the focus out of the dialog, to ${JSON.stringify(f)}`);
      seen.add(f.name);
    }
    expect(seen.has("inside") && seen.has("Yes") && seen.has("No"), `Tab visited ${[...seen].join(", ")}`);
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Shift+Tab");
      const f = await focusIn();
      expect(f.dialog === "Really?", `Shift+Tab ${i + 1} took the focus out, to ${JSON.stringify(f)}`);
    }
  }],
  ["clicks outside a modal dialog do nothing", async () => {
    const outside = page.locator('[data-pgw-name="outside"]');
    const p = await center(outside);
    await page.mouse.click(p.x, p.y);
    const f = await focusIn();
    expect(f.dialog === "Really?", `a click outside moved the focus to ${JSON.stringify(f)}`);
    const q = await center(page.getByRole("button", { name: "Open plain" }));
    await page.mouse.click(q.x, q.y);
    await page.keyboard.type("x");
    const typed = await outside.evaluate((e) => (e instanceof HTMLInputElement ? e : e.querySelector("input")).value);
    expect(typed === "outside", `typing after a click outside reached the field outside: "${typed}"`);
    expect(!(await dialog("Plain").isVisible()), "a click outside opened the plain dialog");
    // A toolbar toggle under the overlay does not toggle (the page would
    // show it at once, before any handler: those wait for exec's handler).
    const before = await pressed(GROUP);
    const l = await center(action("Left"));
    await page.mouse.click(l.x, l.y);
    expect(await pressed(GROUP) === before, `a click outside toggled Left: ${before} -> ${await pressed(GROUP)}`);
    expect((await report().textContent()) === "asking", `report is ${await report().textContent()}`);
  }],
  ["Escape cancels the modal dialog: exec returns cancelled to C++", async () => {
    await page.keyboard.press("Escape");
    await reported(/^exec cancelled$/);
    await dialog("Really?").waitFor({ state: "hidden", timeout: 5000 });
    expect(await page.locator(".pgw-dialog-overlay").count() === 0, "the overlay stayed");
  }],
  ["exec returns the button pressed, and autoclose hides the dialog", async () => {
    await page.getByRole("button", { name: "Ask" }).click();
    await dialog("Really?").waitFor({ state: "visible", timeout: 5000 });
    await dialog("Really?").getByRole("button", { name: "Yes" }).click();
    await reported(/^exec yes$/);
    await dialog("Really?").waitFor({ state: "hidden", timeout: 5000 });
    // The page under it takes input again.
    await action("Run").click();
    await reported(/^activated Run$/);
  }],
  ["a dialog moved by its title bar is where it was after a reload", async () => {
    await page.getByRole("button", { name: "Open plain" }).click();
    const d = dialog("Plain");
    await d.waitFor({ state: "visible", timeout: 5000 });
    const at = await d.evaluate((e) => ({ x: e.offsetLeft, y: e.offsetTop }));
    expect(at.x === 200 && at.y === 150, `the plain dialog opened at ${JSON.stringify(at)}`);
    const t = await d.locator(".pgw-window-title").boundingBox();
    await page.mouse.move(t.x + 10, t.y + t.height / 2);
    await page.mouse.down();
    await page.mouse.move(t.x + 70, t.y + t.height / 2 + 40, { steps: 6 });
    await page.mouse.up();
    await reported(/^moved 260 190$/);
    await reload();
    await d.waitFor({ state: "visible", timeout: 5000 });
    const after = await d.evaluate((e) => ({ x: e.offsetLeft, y: e.offsetTop }));
    expect(after.x === 260 && after.y === 190, `after the reload the dialog is at ${JSON.stringify(after)}`);
    await d.locator(".pgw-dialog-buttons").getByRole("button", { name: "Close" }).click();
    await d.waitFor({ state: "hidden", timeout: 5000 });
  }],
  ["popup(x, y), then a drag: a reload shows the dialog where it was dragged", async () => {
    await page.getByRole("button", { name: "Popup plain" }).click();
    const d = dialog("Plain");
    await d.waitFor({ state: "visible", timeout: 5000 });
    await reported(/^moved 300 120$/);
    const t = await d.locator(".pgw-window-title").boundingBox();
    await page.mouse.move(t.x + 10, t.y + t.height / 2);
    await page.mouse.down();
    await page.mouse.move(t.x + 60, t.y + t.height / 2 + 30, { steps: 6 });
    await page.mouse.up();
    await reported(/^moved 350 150$/);
    await reload();
    await d.waitFor({ state: "visible", timeout: 5000 });
    const after = await d.evaluate((e) => ({ x: e.offsetLeft, y: e.offsetTop }));
    expect(after.x === 350 && after.y === 150, `after the reload the dialog is at ${JSON.stringify(after)}, not where it was dragged`);
    await d.locator(".pgw-dialog-buttons").getByRole("button", { name: "Close" }).click();
    await d.waitFor({ state: "hidden", timeout: 5000 });
  }],
  ["a ColorDialog's OK answers its exec with the color", async () => {
    await page.getByRole("button", { name: "Pick color" }).click();
    const d = dialog("Colors");
    await d.waitFor({ state: "visible", timeout: 5000 });
    await d.getByRole("button", { name: "OK" }).click();
    await reported(/^color #336699$/);
    await d.waitFor({ state: "hidden", timeout: 5000 });
  }],
  ...closingChecks(app),
]);
finish(app, ok);
