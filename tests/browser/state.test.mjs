// Browser test: collection state kept as state (tests/browser/state_app.cpp)
// in headless Chromium. A ComboBox edited by 1,000 append/delete cycles
// shows its final list, a highlighted tab its color, a splitter pane its
// minimum; the program changes all three from a button's handler; a
// reload shows the same page, rebuilt from the server's current state (the
// combo box's list, not its history), with no browser error. Waits for
// conditions, never for time.
// usage: node state.test.mjs --binary build/tests/state_app [--artifacts build/artifacts]
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, parseArgs, runChecks, startServer, stopServer } from "./harness.mjs";

const args = parseArgs(process.argv);
const artifacts = path.resolve(args.artifacts || "build/artifacts");
fs.mkdirSync(artifacts, { recursive: true });
const server = await startServer(path.resolve(args.binary));
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
const consoleErrors = [];
page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
page.on("pageerror", (e) => consoleErrors.push(String(e)));

function expect(cond, message) { if (!cond) throw new Error(message); }

/** The combo box's items, as its open list shows them. */
async function comboItems() {
  await page.locator(".pgw-combobox-button").click();
  const items = page.locator(".pgw-combobox-item");
  await items.first().waitFor({ state: "visible", timeout: 5000 });
  const texts = await items.allTextContents();
  await page.keyboard.press("Escape");
  return texts;
}
const comboText = () => page.locator(".pgw-combobox-input").inputValue();
const tabColors = () => page.locator(".pgw-tab").evaluateAll((ts) => ts.map((t) => t.style.backgroundColor));
const paneMins = () => page.locator(".pgw-splitter-pane").evaluateAll((ps) => ps.map((p) => p.style.minWidth));

async function reload() {
  await page.reload({ waitUntil: "commit" });
  await page.waitForFunction(() => window.pgwidgets?.state.rebuilds === 1 && window.pgwidgets.state.connection === "open",
    null, { timeout: 10000, polling: "raf" });
  await page.locator(".pgw-combobox-input").waitFor({ state: "visible", timeout: 5000 });
}

async function expectPage(items, shown, colors, mins, when) {
  const got = await comboItems();
  expect(JSON.stringify(got) === JSON.stringify(items), `${when}: items ${JSON.stringify(got)}, want ${JSON.stringify(items)}`);
  expect(await comboText() === shown, `${when}: the box shows ${await comboText()}, want ${shown}`);
  const c = await tabColors();
  expect(JSON.stringify(c) === JSON.stringify(colors), `${when}: tab colors ${JSON.stringify(c)}, want ${JSON.stringify(colors)}`);
  const m = await paneMins();
  expect(JSON.stringify(m) === JSON.stringify(mins), `${when}: pane minimums ${JSON.stringify(m)}, want ${JSON.stringify(mins)}`);
}

const ok = await runChecks([
  ["the page shows the combo box's final list, the highlighted tab and the pane minimum", async () => {
    await page.goto(server.url);
    await page.getByText("index 0", { exact: true }).waitFor({ timeout: 20000 });
    await expectPage(["Blue", "Light", "Sepia"], "Light", ["rgb(255, 0, 0)", ""], ["120px", "20px"], "first load");
  }],
  // The box shows its first item when none was chosen (what get_index()
  // answers): live, the first one added; rebuilt, the list's first now.
  ["a reload shows the same list, highlight and minimum; the box shows the list's first item", async () => {
    await reload();
    await expectPage(["Blue", "Light", "Sepia"], "Blue", ["rgb(255, 0, 0)", ""], ["120px", "20px"], "after a reload");
  }],
  ["the handler's edits show, and a reload keeps them", async () => {
    await page.getByText("Edit", { exact: true }).click();
    await page.getByText("edited, index 0", { exact: true }).waitFor({ timeout: 5000 });
    await expectPage(["Light", "Sepia", "Zeta"], "Blue", ["rgb(255, 0, 0)", "rgb(0, 0, 255)"], ["120px", "150px"],
      "after the edits");
    await reload();
    await expectPage(["Light", "Sepia", "Zeta"], "Light", ["rgb(255, 0, 0)", "rgb(0, 0, 255)"], ["120px", "150px"],
      "after the edits and a reload");
    await page.screenshot({ path: path.join(artifacts, "state_reloaded.png") });
  }],
  ["no errors in the page's console", async () => {
    expect(consoleErrors.length === 0, consoleErrors.join("\n"));
  }],
  ["SIGTERM stops the program with exit code 0", async () => {
    await browser.close();
    const code = await stopServer(server);
    expect(code === 0, `exit code ${code}; stderr:\n${server.stderr()}`);
  }],
]);
if (server.proc.exitCode === null) server.proc.kill("SIGKILL");
process.exit(ok ? 0 : 1);
