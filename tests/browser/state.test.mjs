// Browser test: collection state kept as state (tests/browser/state_app.cpp)
// in headless Chromium. A ComboBox edited by 1,000 append/delete cycles
// shows its final list, a highlighted tab its color, a splitter pane its
// minimum; the program changes all three from a button's handler; a
// reload shows the same page, rebuilt from the server's current state (the
// combo box's list, not its history), with no browser error. A GridBox
// whose rows and columns were inserted and deleted shows each cell where the
// operations put it, with its empty rows and columns, before and after a
// reload. Waits for conditions, never for time.
// usage: node state.test.mjs --binary build/tests/state_app [--artifacts build/artifacts]
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 600 } });
const { server, page, artifacts } = app;

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

/** The grid's tracks and each labelled cell's [row, col] (from 0), as the page lays them out. */
async function gridCells() {
  return page.locator(".pgw-gridbox").evaluate((g) => {
    const out = { rows: g.style.gridTemplateRows, columns: g.style.gridTemplateColumns, cells: {} };
    for (const k of g.children) {
      out.cells[k.textContent] = [Number(k.style.gridRowStart) - 1, Number(k.style.gridColumnStart) - 1];
    }
    return out;
  });
}

/** Which cells are in which order, top to bottom and left to right, on screen. */
async function cellBoxes() {
  return page.locator(".pgw-gridbox > *").evaluateAll((ks) => Object.fromEntries(ks.map((k) => {
    const r = k.getBoundingClientRect();
    return [k.textContent, [Math.round(r.top), Math.round(r.left)]];
  })));
}

async function expectGrid(want, when) {
  const got = await gridCells();
  expect(JSON.stringify(got) === JSON.stringify(want), `${when}: grid ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

const firstGrid = {
  rows: "repeat(4, auto)", columns: "repeat(3, auto)",
  cells: { "cell A": [0, 1], "cell B": [2, 2], "cell C": [1, 1], "cell D": [1, 2] },
};
const editedGrid = {
  rows: "repeat(3, auto)", columns: "repeat(4, auto)",
  cells: { "cell A": [0, 1], "cell B": [1, 2], "cell E": [0, 3] },
};

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
  ["the grid shows the cells its row and column inserts moved, on screen too", async () => {
    await page.getByText("grid 4x3", { exact: true }).waitFor({ timeout: 5000 });
    await expectGrid(firstGrid, "first load");
    const at = await cellBoxes();
    // Row 1 (C, D) lies between A's row and B's; C sits under A, D left of B's column.
    expect(at["cell A"][0] < at["cell C"][0] && at["cell C"][0] < at["cell B"][0], `rows on screen ${JSON.stringify(at)}`);
    expect(at["cell C"][1] === at["cell A"][1] && at["cell D"][1] === at["cell B"][1] && at["cell C"][1] < at["cell D"][1],
      `columns on screen ${JSON.stringify(at)}`);
  }],
  // The box shows its first item when none was chosen (what get_index()
  // answers): live, the first one added; rebuilt, the list's first now.
  ["a reload shows the same list, highlight and minimum; the box shows the list's first item", async () => {
    await reload();
    await expectPage(["Blue", "Light", "Sepia"], "Blue", ["rgb(255, 0, 0)", ""], ["120px", "20px"], "after a reload");
    await expectGrid(firstGrid, "after a reload");
  }],
  ["the handler's edits show, and a reload keeps them", async () => {
    await page.getByText("Edit", { exact: true }).click();
    await page.getByText("edited, index 0", { exact: true }).waitFor({ timeout: 5000 });
    await expectPage(["Light", "Sepia", "Zeta"], "Blue", ["rgb(255, 0, 0)", "rgb(0, 0, 255)"], ["120px", "150px"],
      "after the edits");
    await page.getByText("grid 3x4", { exact: true }).waitFor({ timeout: 5000 });
    await expectGrid(editedGrid, "after the edits");
    expect(await page.getByText("cell C", { exact: true }).count() === 0, "a deleted row's child still shows");
    await reload();
    await expectGrid(editedGrid, "after the edits and a reload");
    const at = await cellBoxes();
    expect(at["cell A"][0] === at["cell E"][0] && at["cell A"][0] < at["cell B"][0] && at["cell A"][1] < at["cell B"][1]
      && at["cell B"][1] < at["cell E"][1], `cells on screen after the reload ${JSON.stringify(at)}`);
    await expectPage(["Light", "Sepia", "Zeta"], "Light", ["rgb(255, 0, 0)", "rgb(0, 0, 255)"], ["120px", "150px"],
      "after the edits and a reload");
    await page.screenshot({ path: path.join(artifacts, "state_reloaded.png") });
  }],
  ...closingChecks(app),
]);
finish(app, ok);
