// Browser test: text widgets driven by the keyboard, in headless Chromium
// against tests/browser/text_app.cpp. Typing into the TextArea reaches the
// server (its handler sees get_text agree, answered without a round trip)
// and survives a reload; Enter in the TextEntrySet and its button fire the
// typed handler; the StatusBar shows the handler's message, also after a
// reload. Waits for conditions, never for time.
// usage: node text.test.mjs --binary build/tests/text_app
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 600 } });
const { server, page, artifacts } = app;

const area = () => page.locator("textarea.pgw-textarea");
const entry = () => page.locator(".pgw-textentryset input");
const status = () => page.locator(".pgw-statusbar");

async function reload() {
  await page.reload({ waitUntil: "commit" });
  await page.waitForFunction(() => window.pgwidgets?.state.rebuilds === 1 && window.pgwidgets.state.connection === "open",
    null, { timeout: 10000, polling: "raf" });
  await area().waitFor({ state: "visible", timeout: 5000 });
}

const ok = await runChecks([
  ["the widgets appear with their initial text; the status bar says Ready", async () => {
    await page.goto(server.url);
    await area().waitFor({ state: "visible", timeout: 10000 });
    expect(await area().inputValue() === "first line\n", `area holds ${JSON.stringify(await area().inputValue())}`);
    expect(await status().textContent() === "Ready", `status ${await status().textContent()}`);
    expect(await area().getAttribute("title") === "notes", "the TextArea's tooltip");
  }],
  ["typing into the TextArea reaches the server once typing pauses; get_text agrees", async () => {
    await area().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("second line", { delay: 20 });
    const label = page.getByText("changed 22 chars, get_text agrees, last line: second line", { exact: true });
    await label.waitFor({ timeout: 5000 });
    // 11 keys 20 ms apart: one report, a few on a very busy machine, never one per key.
    const tip = await label.evaluateHandle((e) => e.closest("[data-pgw-class]"));
    await page.waitForFunction((e) => e.title.startsWith("reports "), tip, { timeout: 5000 });
    const reports = Number((await tip.evaluate((e) => e.title)).split(" ")[1]);
    expect(reports >= 1 && reports <= 3, `${reports} reports for 11 keys`);
  }],
  ["the typed text is what a reloaded page shows", async () => {
    await reload();
    expect(await area().inputValue() === "first line\nsecond line", `after reload ${JSON.stringify(await area().inputValue())}`);
  }],
  ["text typed and left by Tab reaches the server at once (on blur)", async () => {
    await area().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("third");
    await page.keyboard.press("Tab");
    await page.getByText("changed 28 chars, get_text agrees, last line: third", { exact: true }).waitFor({ timeout: 5000 });
    expect(await entry().evaluate((e) => document.activeElement === e), "Tab did not move the focus to the entry");
    expect(await entry().evaluate((e) => e.matches(":focus-visible")), "the focused entry shows no focus ring");
  }],
  ["Enter in the TextEntrySet fires on_activated(text); the StatusBar shows the handler's message", async () => {
    await page.keyboard.type("alpha");
    await page.keyboard.press("Enter");
    await page.getByText("entered: alpha", { exact: true }).waitFor({ timeout: 5000 });
    await page.getByText("Applied alpha", { exact: true }).waitFor({ timeout: 5000 });
    const tip = await page.getByText("entered: alpha", { exact: true }).evaluate((e) => e.closest("[title]")?.title);
    expect(tip === "status says: Applied alpha", `get_message answered ${tip}`);
  }],
  ["the button fires it too, with the entry's text", async () => {
    await entry().fill("beta");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText("entered: beta", { exact: true }).waitFor({ timeout: 5000 });
    await page.getByText("Applied beta", { exact: true }).waitFor({ timeout: 5000 });
  }],
  ["a reload shows the last status message, the entered text and the typed text", async () => {
    await reload();
    expect(await status().textContent() === "Applied beta", `status ${await status().textContent()}`);
    expect(await entry().inputValue() === "beta", `entry ${await entry().inputValue()}`);
    expect(await area().inputValue() === "first line\nsecond line\nthird", `area ${JSON.stringify(await area().inputValue())}`);
    await page.screenshot({ path: path.join(artifacts, "text.png") });
  }],
  ["a timed message clears itself, the server hears it (on_cleared), and a reload does not show it again", async () => {
    await entry().fill("flash");
    await entry().press("Enter");
    await page.getByText("Flash", { exact: true }).waitFor({ timeout: 5000 });
    await page.getByText('cleared, get_message ""', { exact: true }).waitFor({ timeout: 5000 });
    expect(await status().textContent() === "", `status ${await status().textContent()}`);
    await reload();
    expect(await status().textContent() === "", `after reload the status shows ${await status().textContent()}`);
  }],
  ...closingChecks(app),
]);
finish(app, ok);
