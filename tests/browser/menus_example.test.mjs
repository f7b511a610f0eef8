// Browser test of examples/menus (the text editor), in headless Chromium
// with the real mouse and keyboard: typing marks the title unsaved; the
// keyboard path F10, Down, Down, Down, Enter chooses File > Save and the
// browser downloads the text; File > New with changes asks "Discard
// changes?" (exec): Cancel keeps the text, Discard clears it; the toolbar's
// Open puts a picked file's text in the editor; the toolbar's Recent drops
// down its own menu (ToolBarAction::set_menu), also after a reload.
// usage: node menus_example.test.mjs --binary build/examples/menus --artifacts DIR
import fs from "node:fs";
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 600 } });
const { server, page, artifacts } = app;

const area = () => page.locator("textarea.pgw-textarea");
const status = () => page.locator('[data-pgw-name="status"]');
const windowTitle = () => page.locator(".pgw-window-title").first();
const menuTitle = (name) => page.locator(".pgw-menubar-item", { has: page.getByText(name, { exact: true }) });
const item = (text) => page.locator(".pgw-menuaction", { has: page.getByText(text, { exact: true }) });
const tool = (text) => page.locator(".pgw-toolbar-action", { has: page.getByText(text, { exact: true }) });
const dialog = () => page.locator(".pgw-dialog", { has: page.locator(".pgw-window-title", { hasText: "Discard changes?" }) });

async function until(what, fn, arg) {
  await page.waitForFunction(fn, arg, { timeout: 5000 }).catch(() => { throw new Error(`timed out: ${what}`); });
}
const titleIs = (re) => until(`the title matches ${re}`,
  (src) => new RegExp(src).test(document.querySelector(".pgw-window-title")?.textContent ?? ""), re.source);
const statusIs = (re) => until(`the status matches ${re}`,
  (src) => new RegExp(src).test(document.querySelector('[data-pgw-name="status"]')?.textContent ?? ""), re.source);

async function typeInto(text) {
  await area().click();
  await page.keyboard.type(text);
}

const ok = await runChecks([
  ["the editor opens with its menu bar, toolbar and an untitled text", async () => {
    await page.goto(server.url);
    await menuTitle("File").waitFor({ timeout: 10000 });
    await tool("Recent").waitFor({ timeout: 5000 });
    expect(/^untitled\.txt - Editor$/.test(await windowTitle().textContent()), "the first title");
  }],
  ["typing marks the text unsaved in the title", async () => {
    await typeInto("hello editor");
    await titleIs(/^\* untitled\.txt - Editor$/);
  }],
  ["F10, Down to Save, Enter: the browser downloads the text and the title is clean", async () => {
    await page.keyboard.press("F10");
    await page.keyboard.press("ArrowDown");  // opens File on New
    await page.keyboard.press("ArrowDown");  // Open...
    await page.keyboard.press("ArrowDown");  // Save
    const download = page.waitForEvent("download", { timeout: 5000 });
    await page.keyboard.press("Enter");
    const d = await download;
    expect(d.suggestedFilename() === "untitled.txt", `file name ${d.suggestedFilename()}`);
    const got = fs.readFileSync(await d.path(), "utf8");
    expect(got === "hello editor", `downloaded ${JSON.stringify(got)}`);
    await titleIs(/^untitled\.txt - Editor$/);
    await statusIs(/^Saved untitled\.txt$/);
  }],
  ["File > New with changes asks first: Cancel keeps the text, Discard clears it", async () => {
    await typeInto("!");
    await titleIs(/^\* /);
    await menuTitle("File").click();
    await item("New").click();
    await dialog().waitFor({ state: "visible", timeout: 5000 });
    await dialog().getByRole("button", { name: "Cancel" }).click();
    await dialog().waitFor({ state: "hidden", timeout: 5000 });
    expect(await area().inputValue() === "hello editor!", "Cancel kept the text");
    await menuTitle("File").click();
    await item("New").click();
    await dialog().waitFor({ state: "visible", timeout: 5000 });
    await page.screenshot({ path: path.join(artifacts, "menus_example-discard.png") });
    await dialog().getByRole("button", { name: "Discard" }).click();
    await statusIs(/^New file$/);
    expect(await area().inputValue() === "", "Discard cleared the text");
    await titleIs(/^untitled\.txt - Editor$/);
  }],
  ["the toolbar's Open puts a picked file's text in the editor, under its name", async () => {
    const file = path.join(artifacts, "menus_example-notes.txt");
    fs.writeFileSync(file, "line one\nline two\n");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }), tool("Open").click()]);
    await chooser.setFiles(file);
    await statusIs(/^Opened menus_example-notes\.txt$/);
    expect(await area().inputValue() === "line one\nline two\n", "the file's text");
    await titleIs(/^menus_example-notes\.txt - Editor$/);
  }],
  ["the toolbar's Recent drops down its menu, also after a reload", async () => {
    await tool("Recent").click();
    await item("todo.txt").click();
    await statusIs(/todo\.txt is not kept/);
    await page.reload();
    await tool("Recent").waitFor({ timeout: 10000 });
    await tool("Recent").click();
    await item("notes.txt").click();
    await statusIs(/notes\.txt is not kept/);
  }],
  ...closingChecks(app),
]);
finish(app, ok);
