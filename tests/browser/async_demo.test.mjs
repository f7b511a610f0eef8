// Browser test: the seed's demo (examples/async_demo) in headless Chromium,
// clicked and typed into like a person would.
// usage: node async_demo.test.mjs --binary build/examples/async_demo --artifacts build/artifacts
import fs from "node:fs";
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 600 } });
const { server, browser, page, artifacts } = app;

const ok = await runChecks([
  ["the example prints its URL first", async () => {
    expect(/^http:\/\/127\.0\.0\.1:\d+\/$/.test(server.url), `first line was ${JSON.stringify(server.url)}`);
  }],
  ["the window appears with its title, label, button and entry", async () => {
    await page.goto(server.url);
    await page.getByText("Async Demo", { exact: true }).waitFor({ state: "visible", timeout: 10000 });
    await page.getByText("Click a button!", { exact: true }).waitFor({ state: "visible" });
    await page.getByRole("button", { name: "Hello" }).waitFor({ state: "visible" });
    const value = await page.locator("input").first().inputValue();
    expect(value === "Type here", `entry holds ${JSON.stringify(value)}`);
  }],
  ["the window has the size the program asked for", async () => {
    const win = page.locator(".pgw-toplevel").first();
    const box = await win.boundingBox();
    expect(box && Math.abs(box.width - 400) <= 2 && Math.abs(box.height - 300) <= 2,
      `window box ${JSON.stringify(box)}`);
  }],
  ["clicking Hello sets the label", async () => {
    await page.getByRole("button", { name: "Hello" }).click();
    await page.getByText("Hello!", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
  }],
  ["typing in the entry and pressing Enter reports the text", async () => {
    const entry = page.locator("input").first();
    await entry.click();
    await entry.fill("");
    await entry.type("hi there <b>bold</b>");
    await entry.press("Enter");
    // Text stays text: no element is made from it.
    await page.getByText("Entered: hi there <b>bold</b>", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    expect(await page.locator("b").count() === 0, "the label's text was parsed as HTML");
  }],
  ["up and down walk the entry's line history", async () => {
    const entry = page.locator("input").first();
    await entry.fill("second");
    await entry.press("Enter");
    await page.getByText("Entered: second", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    await entry.fill("draft");
    await entry.press("ArrowUp");
    expect(await entry.inputValue() === "second", `after one Up: ${await entry.inputValue()}`);
    await entry.press("ArrowUp");
    expect(await entry.inputValue() === "hi there <b>bold</b>", `after two Ups: ${await entry.inputValue()}`);
    await entry.press("ArrowDown");
    await entry.press("ArrowDown");
    expect(await entry.inputValue() === "draft", `after two Downs: ${await entry.inputValue()}`);
  }],
  ["the title bar moves the window", async () => {
    const win = page.locator(".pgw-toplevel").first();
    const before = await win.boundingBox();
    const title = page.getByText("Async Demo", { exact: true });
    const t = await title.boundingBox();
    await page.mouse.move(t.x + 5, t.y + t.height / 2);
    await page.mouse.down();
    await page.mouse.move(t.x + 65, t.y + t.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    const after = await win.boundingBox();
    expect(Math.abs(after.x - before.x - 60) <= 2 && Math.abs(after.y - before.y - 40) <= 2,
      `moved from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
  }],
  ["a second tab gets its own session", async () => {
    const page2 = await browser.newPage();
    await page2.goto(server.url);
    await page2.getByRole("button", { name: "Hello" }).click();
    await page2.getByText("Hello!", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    await page2.close();
  }],
  ["a screenshot is saved", async () => {
    const file = path.join(artifacts, "async_demo.png");
    await page.screenshot({ path: file });
    expect(fs.statSync(file).size > 1000, "empty screenshot");
  }],
  ...closingChecks(app),
]);
finish(app, ok);
