// Browser test: the controls family driven by real mouse and keyboard input
// in headless Chromium, against tests/browser/controls_app.cpp. The app's
// handlers write their typed arguments and the getters' answers into the
// "log" label; a reload must show the same state, and a second browser on
// the session's URL shares the radio group.
// usage: node controls.test.mjs --binary build/tests/controls_app [--artifacts dir]
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 1000, height: 760 } });
const { artifacts, server, browser, page, watch } = app;

const widget = (p, cls, n = 0) => p.locator(`.pgw-${cls.toLowerCase()}`).nth(n);

// Waits until the log label says exactly `text`.
async function logSays(text, p = page) {
  try {
    await p.getByText(text, { exact: true }).waitFor({ state: "visible", timeout: 5000 });
  } catch {
    const now = await p.locator(".pgw-label").first().textContent();
    throw new Error(`the log says "${now}", expected "${text}"`);
  }
}

async function ready(p) {
  await p.getByText("Check me", { exact: true }).waitFor({ state: "visible", timeout: 10000 });
}

const radioStates = (p) =>
  p.locator(".pgw-radiobutton").evaluateAll((rs) => rs.map((r) => r.getAttribute("aria-checked")).join(" "));

let sessionUrl = "";

const ok = await runChecks([
  ["the window appears with every control", async () => {
    await page.goto(server.url);
    await ready(page);
    for (const cls of ["CheckBox", "ToggleButton", "RadioButton", "ComboBox", "SpinBox", "Slider", "Dial",
      "ScrollBar", "ProgressBar", "ColorWidget"]) {
      await widget(page, cls).waitFor({ state: "visible", timeout: 5000 });
    }
    sessionUrl = (await page.getByText(/^url /).textContent()).slice(4);
  }],
  ["an int handler on a float Slider is reported on stderr, and on_connect goes on", async () => {
    const text = await page.getByText(/^dtype check: /).textContent();
    expect(text.startsWith("dtype check: setup went on"), text);
    const err = server.stderr();
    expect(err.includes("Slider::on_activated") && err.includes("dtype is float") && err.includes("take double"),
      `stderr: ${err}`);
  }],
  ["a combo box nothing was chosen in shows its first item, and get_index() answers 0", async () => {
    const shown = await widget(page, "ComboBox", 1).locator("input").inputValue();
    expect(shown === "Light", `the page shows "${shown}"`);
    const text = await page.getByText(/^dtype check: /).textContent();
    expect(text.endsWith("theme index 0"), text);
  }],
  ["clicking the check box: handler gets true, get_state answers true", async () => {
    await widget(page, "CheckBox").locator("input").click();
    await logSays("check true get true");
  }],
  ["Space on the focused check box clears it", async () => {
    await page.keyboard.press("Space");
    await logSays("check false get false");
  }],
  ["a disabled check box ignores clicks", async () => {
    const input = widget(page, "CheckBox", 1).locator("input");
    expect(await input.isDisabled(), "the Disabled check box is enabled");
  }],
  ["clicking the toggle button presses it", async () => {
    await widget(page, "ToggleButton").click();
    await logSays("toggle true get true");
    expect(await widget(page, "ToggleButton").evaluate((b) => b.classList.contains("pgw-pressed")), "not drawn pressed");
  }],
  ["a pressed toggle button looks clearly pressed: a darker face than released, sunk in", async () => {
    // Relative luminance of the face's color (a released button's gradient
    // is near white: its lighter end is #ffffff, its darker #eef0f3).
    const look = await widget(page, "ToggleButton").evaluate((b) => {
      const s = getComputedStyle(b);
      const [r, g, bl] = s.backgroundColor.match(/\d+(\.\d+)?/g).map(Number).map((c) => {
        const v = c / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return { luminance: 0.2126 * r + 0.7152 * g + 0.0722 * bl, image: s.backgroundImage, shadow: s.boxShadow };
    });
    expect(look.image === "none" && look.luminance < 0.55, `pressed face ${JSON.stringify(look)} (released: about 0.87)`);
    expect(look.shadow.includes("inset"), `pressed shadow ${look.shadow}`);
  }],
  ["clicking radio B selects it and deselects A, in the server's state too", async () => {
    await page.getByText("Radio B", { exact: true }).click();
    await logSays("radio B true get false true false");
    expect(await radioStates(page) === "false true false", await radioStates(page));
  }],
  ["Space on a radio button selects it", async () => {
    await widget(page, "RadioButton", 0).focus();
    await page.keyboard.press("Space");
    await logSays("radio A true get true false false");
  }],
  ["choosing a combo item with the mouse: index and text", async () => {
    await widget(page, "ComboBox").locator(".pgw-combobox-button").click();
    await page.locator(".pgw-combobox-item", { hasText: "Green" }).click();
    await logSays("combo 1 Green get 1 alpha Green next [Blue]");
  }],
  ["an item typed into the editable combo box and entered: the server's list has it", async () => {
    const input = widget(page, "ComboBox").locator("input");
    await input.fill("Teal");
    await input.press("Enter");
    await logSays("combo 3 Teal get 3 alpha Teal next []");
  }],
  ["ArrowUp in the spin box steps it: an int handler gets an int", async () => {
    await widget(page, "SpinBox").locator("input").click();
    await page.keyboard.press("ArrowUp");
    await logSays("spin int 6 get 6");
  }],
  ["typing in the spin box and Enter: the typed value, clamped to max", async () => {
    const input = widget(page, "SpinBox").locator("input");
    await input.fill("42");
    await input.press("Enter");
    await logSays("spin int 42 get 42");
    await input.fill("500");
    await input.press("Enter");
    await logSays("spin int 100 get 100");
    await page.keyboard.press("PageDown");
    await logSays("spin int 90 get 90");
  }],
  ["dragging the slider's thumb to the end: a double handler gets 10", async () => {
    const input = widget(page, "Slider").locator("input");
    const box = await input.boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 40, y, { steps: 8 });
    await page.mouse.up();
    await logSays("slider double 10 get 10");
  }],
  ["ArrowLeft on the slider steps it by 0.5, Home goes to the minimum", async () => {
    await widget(page, "Slider").locator("input").focus();
    await page.keyboard.press("ArrowLeft");
    await logSays("slider double 9.5 get 9.5");
    await page.keyboard.press("Home");
    await logSays("slider double 0 get 0");
    await page.keyboard.press("End");
    await logSays("slider double 10 get 10");
    await page.keyboard.press("ArrowLeft");
    await logSays("slider double 9.5 get 9.5");
  }],
  ["ArrowUp on the dial: a generic handler gets an int", async () => {
    await widget(page, "Dial").focus();
    await page.keyboard.press("ArrowUp");
    await logSays("dial int 51 get 51");
  }],
  ["dragging the dial's knob to the top gives the middle of its range", async () => {
    const svg = widget(page, "Dial").locator("svg");
    const b = await svg.boundingBox();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + 2, { steps: 5 });
    await page.mouse.up();
    await logSays("dial int 50 get 50");
  }],
  ["clicking the scroll bar's track near its end moves the thumb there", async () => {
    const bar = widget(page, "ScrollBar");
    const b = await bar.boundingBox();
    await page.mouse.click(b.x + b.width - 3, b.y + b.height / 2);
    await logSays("scroll 1 get 1 progress 1");
  }],
  ["dragging the scroll bar's thumb back to the start", async () => {
    const thumb = widget(page, "ScrollBar").locator(".pgw-scrollbar-thumb");
    const t = await thumb.boundingBox();
    const b = await widget(page, "ScrollBar").boundingBox();
    await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x - 50, t.y + t.height / 2, { steps: 6 });
    await page.mouse.up();
    await logSays("scroll 0 get 0 progress 0");
    await page.keyboard.press("PageDown");
    await logSays("scroll 0.2 get 0.2 progress 0.2");
  }],
  ["choosing a color: dragging past the square's top-left corner gives white", async () => {
    const sq = widget(page, "ColorWidget").locator(".pgw-colorwidget-sv");
    const b = await sq.boundingBox();
    await page.mouse.move(b.x + 20, b.y + 20);
    await page.mouse.down();
    await page.mouse.move(b.x - 30, b.y - 30, { steps: 4 });
    await page.mouse.up();
    await logSays("color #ffffff get #ffffff");
  }],
  ["a color typed as a hex code", async () => {
    const hex = widget(page, "ColorWidget").locator(".pgw-colorwidget-hex");
    await hex.fill("336699");
    await hex.press("Enter");
    await logSays("color #336699 get #336699");
  }],
  ["the radio group's state reached the server: A selected", async () => {
    expect(await radioStates(page) === "true false false", await radioStates(page));
  }],
  ["a reload shows the same state", async () => {
    await page.reload();
    await ready(page);
    const state = await page.evaluate(() => {
      const q = (s) => document.querySelector(s);
      return {
        check: q(".pgw-checkbox input").checked,
        toggle: q(".pgw-togglebutton").classList.contains("pgw-pressed"),
        radios: [...document.querySelectorAll(".pgw-radiobutton")].map((r) => r.getAttribute("aria-checked")).join(" "),
        combo: q(".pgw-combobox input").value,
        spin: q(".pgw-spinbox input").value,
        slider: q(".pgw-slider input").value,
        dial: q(".pgw-dial").getAttribute("aria-valuenow"),
        scroll: q(".pgw-scrollbar").getAttribute("aria-valuenow"),
        progress: q(".pgw-progressbar").getAttribute("aria-valuenow"),
        color: q(".pgw-colorwidget-hex").value,
        named: q('[data-pgw-name="check-me"]')?.textContent ?? null,
      };
    });
    const want = { check: false, toggle: true, radios: "true false false", combo: "Teal", spin: "90",
      slider: "9.5", dial: "50", scroll: "20", progress: "20", color: "336699",
      named: "Check me" };
    expect(JSON.stringify(state) === JSON.stringify(want), `after reload ${JSON.stringify(state)}, want ${JSON.stringify(want)}`);
  }],
  ["the combo box still has its items after the reload, the one the user entered too", async () => {
    await widget(page, "ComboBox").locator(".pgw-combobox-button").click();
    const items = await page.locator(".pgw-combobox-item").allTextContents();
    expect(items.join(",") === "Red,Green,Blue,Teal", `items ${items.join(",")}`);
    await page.keyboard.press("Escape");
  }],
  ["a second browser on the session's URL: selecting C there deselects A here and in the server", async () => {
    const other = await browser.newContext({ viewport: { width: 1000, height: 760 } });
    const p2 = await other.newPage();
    watch(p2);
    await p2.goto(sessionUrl);
    await ready(p2);
    expect(await radioStates(p2) === "true false false", `second browser: ${await radioStates(p2)}`);
    await p2.getByText("Radio C", { exact: true }).click();
    await logSays("radio C true get false false true", p2);
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".pgw-radiobutton")].map((r) => r.getAttribute("aria-checked")).join(" ") ===
        "false false true", null, { timeout: 5000 });
    // And the first browser selects B: the second follows.
    await page.getByText("Radio B", { exact: true }).click();
    await logSays("radio B true get false true false");
    await p2.waitForFunction(() =>
      [...document.querySelectorAll(".pgw-radiobutton")].map((r) => r.getAttribute("aria-checked")).join(" ") ===
        "false true false", null, { timeout: 5000 });
    await p2.reload();
    await ready(p2);
    expect(await radioStates(p2) === "false true false", `second browser after reload: ${await radioStates(p2)}`);
    await other.close();
  }],
  ["the first browser reloads: B is still the one selected", async () => {
    await page.reload();
    await ready(page);
    expect(await radioStates(page) === "false true false", await radioStates(page));
  }],
  ["keyboard focus is visible on the dial", async () => {
    await widget(page, "Dial").focus();
    await page.keyboard.press("ArrowDown");
    const outline = await widget(page, "Dial").evaluate((d) => getComputedStyle(d).outlineStyle);
    expect(outline !== "none", `outline ${outline}`);
  }],
  ["a screenshot is saved", async () => {
    await page.screenshot({ path: path.join(artifacts, "controls.png") });
  }],
  ...closingChecks(app),
]);
finish(app, ok);
