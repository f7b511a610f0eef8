// Browser test of examples/treeview (pgwidgets-python's demo_treeview.py
// ported), in headless Chromium with the real mouse: three folders show;
// Expand All shows all 16 rows, Collapse All the 3 again; a click selects a
// file and the status names its path; Ctrl+click a second one says "2
// items"; a double click selects and activates a row; a header click sorts
// by size; a reload keeps the expansion, the selection and the sort.
// usage: node treeview_example.test.mjs --binary build/examples/treeview --artifacts DIR
import path from "node:path";
import { closingChecks, eventually, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 700 } });
const { server, page, artifacts } = app;

const status = () => page.locator('[data-pgw-name="status"]');
async function statusIs(text) {
  await page.waitForFunction((t) => document.querySelector('[data-pgw-name="status"]')?.textContent === t, text,
    { timeout: 5000 }).catch(async () => { throw new Error(`status ${JSON.stringify(await status().textContent())}, want ${JSON.stringify(text)}`); });
}
const names = () => page.evaluate(async () => {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return [...document.querySelectorAll(".pgw-treeview .pgw-grid-row")].filter((r) => r.style.display !== "none")
    .sort((a, b) => a.dataset.index - b.dataset.index).map((r) => r.dataset.key);
});
const row = (key) => page.locator(`.pgw-treeview .pgw-grid-row[data-key="${key}"] .pgw-grid-cell[data-col="1"]`);
async function rowsAre(want) {
  const spelled = JSON.stringify(want);
  await eventually(names, (got) => JSON.stringify(got) === spelled, `want rows ${spelled}, the page shows`);
}

const ALL = ["Documents", "report.pdf", "notes.txt", "Presentations", "slides.pptx", "demo.key", "Pictures", "photo1.jpg",
  "photo2.png", "Vacation", "beach.jpg", "sunset.jpg", "mountains.jpg", "Music", "song1.mp3", "song2.flac"];

const ok = await runChecks([
  ["the tree shows its three folders", async () => {
    await page.goto(server.url);
    await status().waitFor({ timeout: 20000 });
    expect(await status().textContent() === "Select an item.", "first status");
    await rowsAre(["Documents", "Pictures", "Music"]);
  }],
  ["Expand All shows every row; a click selects one, Ctrl+click a second", async () => {
    await page.getByText("Expand All", { exact: true }).click();
    await rowsAre(ALL);
    await row("notes.txt").click();
    await statusIs("Selected: ['Documents', 'notes.txt']");
    await row("beach.jpg").click({ modifiers: ["Control"] });
    await statusIs("Selected: 2 items");
  }],
  ["a double click activates; a header click sorts by size", async () => {
    await row("song2.flac").dblclick();
    await statusIs("Activated: ['Music', 'song2.flac']");
    await page.locator(".pgw-treeview .pgw-grid-hcell", { hasText: "Size (KB)" }).click();
    // Folders (no size) first, then each folder's files by size.
    await page.waitForFunction(() => document.querySelector(".pgw-treeview .pgw-grid-sort") !== null, null, { timeout: 5000 });
    const got = await names();
    const docs = got.slice(got.indexOf("Documents") + 1, got.indexOf("Documents") + 6);
    expect(JSON.stringify(docs) === JSON.stringify(["Presentations", "slides.pptx", "demo.key", "notes.txt", "report.pdf"]),
      `Documents sorted by size: ${JSON.stringify(docs)}`);
  }],
  ["a reload keeps the expansion, the selection and the sort", async () => {
    const before = await names();
    await page.reload({ waitUntil: "commit" });
    await page.waitForFunction(() => window.pgwidgets?.state.rebuilds >= 1 && window.pgwidgets.state.connection === "open",
      null, { timeout: 10000 });
    await rowsAre(before);
    const selected = await page.evaluate(() => [...document.querySelectorAll(".pgw-treeview .pgw-grid-row.pgw-selected")]
      .filter((r) => r.style.display !== "none").map((r) => r.dataset.key).sort());
    expect(JSON.stringify(selected) === '["song2.flac"]', `selected after a reload ${JSON.stringify(selected)}`);
    await page.screenshot({ path: path.join(artifacts, "treeview_example.png") });
  }],
  ["Collapse All shows the three folders again", async () => {
    await page.getByText("Collapse All", { exact: true }).click();
    await rowsAre(["Documents", "Pictures", "Music"]);
  }],
  ...closingChecks(app),
]);
finish(app, ok);
