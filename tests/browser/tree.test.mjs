// Browser test: TreeView and TableView (tests/browser/tree_app.cpp) in
// headless Chromium. The tree holds 6,003 nodes and the table 10,000 rows,
// but the page has DOM only for the rows on screen; scrolled anywhere, each
// pooled row shows the node at its place. update_tree keeps the selection
// and expansion of the nodes still there; an edit reaches the server with
// the value it replaced; a header click sorts. A reload brings back rows,
// expansion, selection, sort, an edited cell and the scroll position from
// the server's state; a node removed loses its expansion, so one added
// again at its path comes back collapsed. Waits for conditions, never for time.
// usage: node tree.test.mjs --binary build/tests/tree_app [--artifacts build/artifacts]
import path from "node:path";
import { closingChecks, eventually, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 600 } });
const { server, page, artifacts } = app;

const status = () => page.locator(".pgw-label").last().textContent();
async function waitStatus(text) {
  await page.waitForFunction((t) => [...document.querySelectorAll(".pgw-label")].some((l) => l.textContent === t),
    text, { timeout: 8000, polling: "raf" }).catch(async () => {
    throw new Error(`status is ${JSON.stringify(await status())}, want ${JSON.stringify(text)}`);
  });
}

/** The rows a grid shows: [index, key, texts..., selected] for each shown pooled row, top to bottom. */
async function shownRows(cls) {
  return page.evaluate(async (cls) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const root = document.querySelector(`.pgw-${cls}`);
    const rows = [...root.querySelectorAll(".pgw-grid-row")].filter((r) => r.style.display !== "none");
    return rows.map((r) => [Number(r.dataset.index), r.dataset.key,
      ...[...r.querySelectorAll(".pgw-grid-cell")].map((c) => c.textContent.replace(/[\u25b8\u25be]/g, "")),
      r.classList.contains("pgw-selected")]).sort((a, b) => a[0] - b[0]);
  }, cls);
}

/** How many rows the grid's flat index holds (its spacer's height over the row height). */
const rowCount = (cls) => page.evaluate((cls) => {
  const s = document.querySelector(`.pgw-${cls} .pgw-grid-spacer`);
  return Math.round(parseFloat(s.style.height) / 22);
}, cls);

const body = (cls) => page.locator(`.pgw-${cls} .pgw-grid-body`);
async function scrollTo(cls, top) {
  await body(cls).evaluate((b, top) => { b.scrollTop = top; }, top);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

function itemKey(i) { return "item" + String(i).padStart(4, "0"); }

async function reload() {
  await page.reload({ waitUntil: "commit" });
  await page.waitForFunction(() => window.pgwidgets?.state.rebuilds >= 1 && window.pgwidgets.state.connection === "open",
    null, { timeout: 10000, polling: "raf" });
  await page.locator(".pgw-treeview .pgw-grid-row").first().waitFor({ timeout: 8000 });
}

/** Every shown tree row under expanded folder "a" (index 1..2000) holds the item at its place. */
function checkFolderRows(rows, first, sortedDown) {
  for (const r of rows) {
    const [index, key, name, size] = r;
    if (index === 0 || index > 2000) continue;
    const i = sortedDown ? index - 1 : index - 1;
    expect(key === itemKey(i) && name === itemKey(i) && size === String(10000 - i),
      `row ${index} shows ${JSON.stringify(r)}, want ${itemKey(i)} of size ${10000 - i}`);
  }
  expect(rows.length > 0 && rows[0][0] <= first && first < rows[0][0] + rows.length, `rows ${rows.map((r) => r[0])} miss ${first}`);
}

const ok = await runChecks([
  ["the tree shows its 3 folders and the table its first rows; only rows on screen have DOM", async () => {
    await page.goto(server.url);
    await page.getByText("ready", { exact: true }).waitFor({ timeout: 20000 });
    await page.locator(".pgw-treeview .pgw-grid-row").first().waitFor({ timeout: 8000 });
    const tree = await shownRows("treeview");
    expect(JSON.stringify(tree.map((r) => r[2])) === '["a","b","c"]', `tree rows ${JSON.stringify(tree)}`);
    const table = await shownRows("tableview");
    expect(table[0][2] === "0" && table[0][3] === "row 0", `table's first row ${JSON.stringify(table[0])}`);
    expect(await rowCount("tableview") === 10000, `table index ${await rowCount("tableview")}`);
    const dom = await page.locator(".pgw-tableview .pgw-grid-row").count();
    expect(dom < 60, `the table has ${dom} row elements for 10,000 rows`);
  }],
  ["expanding a folder shows its 2,000 items; scrolled anywhere, each pooled row shows the node at its place", async () => {
    await page.locator(".pgw-treeview .pgw-grid-twisty").first().click();
    await page.waitForFunction(() => {
      const s = document.querySelector(".pgw-treeview .pgw-grid-spacer");
      return Math.round(parseFloat(s.style.height) / 22) === 2003;
    }, null, { timeout: 5000, polling: "raf" });
    for (const top of [0, 22 * 500, 22 * 1234 + 7, 22 * 1990]) {
      await scrollTo("treeview", top);
      checkFolderRows(await shownRows("treeview"), Math.floor(top / 22), false);
    }
    const dom = await page.locator(".pgw-treeview .pgw-grid-row").count();
    expect(dom < 60, `the tree has ${dom} row elements for 2,003 rows`);
    // The table too, near its end.
    await scrollTo("tableview", 22 * 9950);
    const rows = await shownRows("tableview");
    for (const r of rows) expect(r[2] === String(r[0]) && r[3] === `row ${r[0]}`, `table row ${JSON.stringify(r)}`);
  }],
  ["a click selects a row; the server's get_selected has it", async () => {
    await scrollTo("treeview", 0);
    await page.locator(".pgw-treeview .pgw-grid-row[data-key='item0003'] .pgw-grid-cell").first().click();
    await waitStatus("picked; selected a/item0003");
    await page.locator(".pgw-treeview .pgw-grid-row[data-key='item0005'] .pgw-grid-cell").first().click({ modifiers: ["Control"] });
    await waitStatus("picked; selected a/item0003 a/item0005");
  }],
  ["update_tree changes only what differs: selection and expansion stay", async () => {
    await page.getByText("Update", { exact: true }).click();
    await waitStatus("updated 4002 nodes; selected a/item0003 a/item0005");
    const rows = await shownRows("treeview");
    const sel = rows.filter((r) => r[r.length - 1]).map((r) => r[1]);
    expect(JSON.stringify(sel) === '["item0003","item0005"]', `selected rows after update_tree ${JSON.stringify(sel)}`);
    const changed = rows.find((r) => r[1] === "item0001");
    expect(changed && changed[3] === "99999", `the changed value shows ${JSON.stringify(changed)}`);
    expect(await rowCount("treeview") === 2002, `rows after update_tree ${await rowCount("treeview")} (a expanded, b, no c)`);
  }],
  ["an edit reaches the server with the old and new value", async () => {
    await page.locator(".pgw-treeview .pgw-grid-row[data-key='item0002'] .pgw-grid-cell[data-col='1']").dblclick();
    const editor = page.locator(".pgw-treeview .pgw-grid-editor");
    await editor.fill("42");
    await editor.press("Enter");
    await waitStatus("tree edited a/item0002 size 9998 -> 42");
    await page.locator(".pgw-tableview .pgw-grid-row[data-index='9960'] .pgw-grid-cell[data-col='1']").dblclick();
    const ted = page.locator(".pgw-tableview .pgw-grid-editor");
    await ted.fill("renamed");
    await ted.press("Enter");
    await waitStatus("table edited 9960 1 row 9960 -> renamed");
  }],
  ["activated names the node or row and the column double-clicked, none for Enter", async () => {
    await page.locator(".pgw-treeview .pgw-grid-row[data-key='item0004'] .pgw-grid-cell[data-col='0']").dblclick();
    await waitStatus("tree activated a/item0004 size 9996 column 'name'");
    await page.keyboard.press("Enter");
    await waitStatus("tree activated a/item0004 size 9996 column ''");
    await page.locator(".pgw-tableview .pgw-grid-row[data-index='9962'] .pgw-grid-cell[data-col='0']").dblclick();
    await waitStatus("table activated 9962 9962 column 0");
    await page.keyboard.press("Enter");
    await waitStatus("table activated 9962 9962 column -1");
  }],
  ["a reload shows the rows, expansion, selection, edits and scroll position the server keeps", async () => {
    const sent = await page.evaluate(() => window.pgwidgets.state.framesSent);
    await scrollTo("treeview", 22 * 3);
    // The scroll report (coalesced: it leaves on the next frame) reached the socket.
    await page.waitForFunction((n) => window.pgwidgets.state.framesSent > n, sent, { timeout: 5000, polling: "raf" });
    const before = await shownRows("treeview");
    const tableBefore = await shownRows("tableview");
    const scrollBefore = await body("tableview").evaluate((b) => b.scrollTop);
    await reload();
    await page.waitForFunction(() => {
      const s = document.querySelector(".pgw-treeview .pgw-grid-spacer");
      return Math.round(parseFloat(s.style.height) / 22) === 2002;
    }, null, { timeout: 5000, polling: "raf" });
    const after = await shownRows("treeview");
    expect(JSON.stringify(after) === JSON.stringify(before), `tree rows after a reload\n${JSON.stringify(after)}\nwant\n${JSON.stringify(before)}`);
    const scrollAfter = await body("tableview").evaluate((b) => b.scrollTop);
    expect(Math.abs(scrollAfter - scrollBefore) <= 2, `table scrolled to ${scrollAfter}, was ${scrollBefore}`);
    const tableAfter = await shownRows("tableview");
    expect(JSON.stringify(tableAfter) === JSON.stringify(tableBefore), `table rows after a reload\n${JSON.stringify(tableAfter)}\nwant\n${JSON.stringify(tableBefore)}`);
    expect(tableAfter.some((r) => r[3] === "renamed"), "the table's edit is gone after a reload");
  }],
  ["a header click sorts; the order survives a reload", async () => {
    await page.locator(".pgw-treeview .pgw-grid-hcell[data-col='1']").click();
    await waitStatus("sorted size up");
    await scrollTo("treeview", 0);
    let rows = await shownRows("treeview");
    // Ascending sizes: folder a's items from the smallest (item1999: 8001), 42 (edited item0002) first.
    expect(rows[1][1] === "item0002" && rows[2][1] === "item1999", `sorted rows ${JSON.stringify(rows.slice(0, 4))}`);
    await reload();
    rows = await shownRows("treeview");
    expect(rows[1][1] === "item0002" && rows[2][1] === "item1999", `sorted rows after a reload ${JSON.stringify(rows.slice(0, 4))}`);
  }],
  ["get_collapsed names the folders the user left collapsed; expand_all expands every folder, and a reload keeps it", async () => {
    // The user expanded folder a (above): b is the one left collapsed.
    await page.getByText("Collapsed", { exact: true }).click();
    await waitStatus("collapsed b");
    await page.getByText("Expand all", { exact: true }).click();
    await waitStatus("expanded 2, collapsed 0");
    await page.waitForFunction(() => {
      const s = document.querySelector(".pgw-treeview .pgw-grid-spacer");
      return Math.round(parseFloat(s.style.height) / 22) === 4002;
    }, null, { timeout: 5000, polling: "raf" });
    await reload();
    await page.waitForFunction(() => {
      const s = document.querySelector(".pgw-treeview .pgw-grid-spacer");
      return Math.round(parseFloat(s.style.height) / 22) === 4002;
    }, null, { timeout: 5000, polling: "raf" }).catch(async () => {
      throw new Error(`after a reload the tree shows ${await rowCount("treeview")} rows, want 4002`);
    });
    await page.screenshot({ path: path.join(artifacts, "tree_reloaded.png") });
  }],
  ["select_all selects every node, shown or not; the server keeps it over a reload", async () => {
    await page.getByText("Select all", { exact: true }).click();
    await waitStatus("selected 4002 of 4002");
    // The rows repaint on the next frame: wait for it.
    const allSelected = (when) => page.waitForFunction(() => {
      const rows = [...document.querySelectorAll(".pgw-treeview .pgw-grid-row")].filter((r) => r.offsetParent !== null);
      return rows.length > 0 && rows.every((r) => r.classList.contains("pgw-selected"));
    }, null, { timeout: 5000, polling: "raf" }).catch(() => { throw new Error(`a shown row is not selected ${when}`); });
    await allSelected("after select_all");
    await reload();
    await allSelected("after a reload");
  }],
  ["TableView: select_all, unselect_row and select_paths select by position; a reload keeps them", async () => {
    // The shown table rows' selection, by position (data-index).
    const tableSelection = () => page.evaluate(() => Object.fromEntries(
      [...document.querySelectorAll(".pgw-tableview .pgw-grid-row")].filter((r) => r.offsetParent !== null)
        .map((r) => [r.dataset.index, r.classList.contains("pgw-selected")])));
    const expectRows = (want, when) => eventually(tableSelection, want, `${when}: the shown table rows' selection is`);
    await page.getByText("Table all", { exact: true }).click();
    await waitStatus("table selected 9999");
    const allBut9000 = (rows) => rows["9000"] === false && Object.keys(rows).length > 5 &&
      Object.entries(rows).every(([i, on]) => on === (i !== "9000"));
    await expectRows(allBut9000, "after select_all and unselect_row(9000)");
    await reload();
    await expectRows(allBut9000, "after a reload");
    await page.getByText("Table pick", { exact: true }).click();
    await waitStatus("table picked 8999 9001");
    const picked = (rows) => rows["8999"] === true && rows["9001"] === true && rows["9000"] === false &&
      Object.entries(rows).every(([i, on]) => on === (i === "8999" || i === "9001"));
    await expectRows(picked, "after select_paths");
    await reload();
    await expectRows(picked, "after a reload");
  }],
  ["TableView: a row's colours and selection move with it when a row is inserted above; a reload agrees", async () => {
    await page.getByText("Table colour", { exact: true }).click();
    await waitStatus("table coloured; selected 9000 9002");
    // The shown table rows by position: [first cell red, selected, second cell blue].
    const shownRows = () => page.evaluate(() => Object.fromEntries(
      [...document.querySelectorAll(".pgw-tableview .pgw-grid-row")].filter((r) => r.offsetParent !== null)
        .map((r) => {
          const cells = r.querySelectorAll(".pgw-grid-cell");
          return [r.dataset.index, [cells[0]?.style.background.startsWith("rgb(255, 0, 0)") ?? false,
            r.classList.contains("pgw-selected"), cells[1]?.style.background.startsWith("rgb(0, 0, 255)") ?? false]];
        })));
    const want = (rows) => rows["9000"]?.[0] === true && rows["8999"]?.[0] === false &&
      Object.entries(rows).every(([i, [red, on, blue]]) =>
        red === (i === "9000") && blue === (i === "9000") && on === (i === "9000" || i === "9002"));
    const expectShown = (when) => eventually(shownRows, want, `${when}: the shown table rows [red, selected, blue] are`);
    await expectShown("live");
    await reload();
    await expectShown("after a reload");
    // clear_all_colors: no row or cell keeps a colour, live or after a reload.
    await page.getByText("Clear colours", { exact: true }).click();
    await waitStatus("table colours cleared");
    const uncoloured = (rows) => Object.keys(rows).length > 5 && Object.values(rows).every(([red, , blue]) => !red && !blue);
    const expectUncoloured = (when) => eventually(shownRows, uncoloured,
      `${when}: after clear_all_colors the shown table rows [red, selected, blue] are`);
    await expectUncoloured("live");
    await reload();
    await expectUncoloured("after a reload");
    // Cells the program selected move with their rows, live and after a reload.
    await page.getByText("Table cells", { exact: true }).click();
    await waitStatus("table cells 9000:2 9001:0");
    const selectedCells = () => page.evaluate(() =>
      [...document.querySelectorAll(".pgw-tableview .pgw-grid-row")].filter((r) => r.offsetParent !== null)
        .flatMap((r) => [...r.querySelectorAll(".pgw-grid-cell.pgw-cell-selected")].map((c) => `${r.dataset.index}:${c.dataset.col}`))
        .sort());
    const expectCells = (when) => eventually(selectedCells,
      (seen) => JSON.stringify(seen) === JSON.stringify(["9000:2", "9001:0"]), `${when}: the selected table cells shown are`);
    await expectCells("live");
    await reload();
    await expectCells("after a reload");
  }],
  ["delete_tree takes folder b's items, prunes the emptied folder, skips a path not there and fires changed; a reload agrees", async () => {
    await page.getByText("Delete b", { exact: true }).click();
    await waitStatus("changed; the tree has 2001 nodes");
    const shown = () => page.waitForFunction(() => {
      const s = document.querySelector(".pgw-treeview .pgw-grid-spacer");
      return Math.round(parseFloat(s.style.height) / 22) === 2001;
    }, null, { timeout: 5000, polling: "raf" });
    await shown();
    await reload();
    await shown();
  }],
  ["a folder deleted while expanded and added again comes back collapsed, live and after a reload", async () => {
    await page.getByText("Restore b", { exact: true }).click();
    // Folder a stays expanded; b is new: the server's expansion lost it with the node.
    await waitStatus("restored b; expanded 1");
    const shown = (when) => page.waitForFunction(() => {
      const s = document.querySelector(".pgw-treeview .pgw-grid-spacer");
      return Math.round(parseFloat(s.style.height) / 22) === 2002;
    }, null, { timeout: 5000, polling: "raf" }).catch(async () => {
      throw new Error(`${when} the tree shows ${await rowCount("treeview")} rows, want 2002 (b collapsed)`);
    });
    await shown("live");
    await reload();
    await shown("after a reload");
  }],
  ["columns inserted and deleted carry the rows' cells and selected cells along; a reload agrees", async () => {
    await page.getByText("Columns", { exact: true }).click();
    await waitStatus("columns; table cells 9000:2; row 9000 null,row 9000");
    const shown = () => page.evaluate(() => {
      const heads = (cls) => [...document.querySelectorAll(`.pgw-${cls} .pgw-grid-hcell`)].map((h) => h.textContent);
      const row = [...document.querySelectorAll(".pgw-tableview .pgw-grid-row")].find((r) => r.dataset.index === "9000" && r.offsetParent !== null);
      return JSON.stringify({
        table: heads("tableview"), tree: heads("treeview"),
        row: row ? [...row.querySelectorAll(".pgw-grid-cell")].map((c) => [c.textContent, c.classList.contains("pgw-cell-selected")]) : null,
      });
    });
    const want = JSON.stringify({
      table: ["Extra", "Name", "Done"], tree: ["Name", "Kind"],
      row: [["", false], ["row 9000", false], ["", true]],
    });
    const expectShown = (when) => eventually(shown, (seen) => seen === want,
      `${when}: want ${want}; the columns and table row 9000 shown are`);
    await expectShown("live");
    await reload();
    await expectShown("after a reload");
  }],
  ["set_colors with clear makes its spec every colour, in one call; a reload agrees", async () => {
    await page.getByText("Set colours", { exact: true }).click();
    await waitStatus("colours set");
    // The shown rows 8999..9002 as their cells' backgrounds.
    const shown = () => page.evaluate(() => JSON.stringify(Object.fromEntries(
      [...document.querySelectorAll(".pgw-tableview .pgw-grid-row")]
        .filter((r) => r.offsetParent !== null && ["8999", "9000", "9001", "9002"].includes(r.dataset.index))
        .map((r) => [r.dataset.index, [...r.querySelectorAll(".pgw-grid-cell")].map((c) => c.style.background.match(/^rgb\([^)]*\)/)?.[0] ?? "")]))));
    const red = "rgb(255, 0, 0)";
    const want = JSON.stringify({ 8999: ["", "", ""], 9000: [red, red, red], 9001: ["", "rgb(0, 0, 255)", ""], 9002: ["", "", ""] });
    const expectShown = (when) => eventually(shown, (seen) => seen === want,
      `${when}: want ${want}; the rows' cell backgrounds shown are`);
    await expectShown("live");
    await reload();
    await expectShown("after a reload");
  }],
  ["text that may not fit its cell is clipped with an ellipsis; short text is said to fit and drawn whole", async () => {
    const long = "a name far too long for its column, so it ends in an ellipsis";
    await page.locator(".pgw-tableview .pgw-grid-row[data-index='9001'] .pgw-grid-cell[data-col='1']").dblclick();
    const editor = page.locator(".pgw-tableview .pgw-grid-editor");
    await editor.fill(long);
    await editor.press("Enter");
    await waitStatus(`table edited 9001 1 row 9001 -> ${long}`);
    const cells = () => page.evaluate(() => {
      const out = { longCell: null, overflowing: [], fitting: 0 };
      for (const c of document.querySelectorAll(".pgw-grid-row .pgw-grid-cell")) {
        if (c.offsetParent === null || !c.textContent) continue;
        if (c.textContent.startsWith("a name far")) {
          out.longCell = { fits: c.classList.contains("pgw-grid-fits"), clipped: c.scrollWidth > c.clientWidth,
            overflow: getComputedStyle(c).overflow, ellipsis: getComputedStyle(c).textOverflow };
        }
        if (!c.classList.contains("pgw-grid-fits")) continue;
        out.fitting++;
        // A cell said to fit has its text (and twisty) within its padding box.
        const range = document.createRange();
        range.selectNodeContents(c);
        const text = range.getBoundingClientRect();
        const box = c.getBoundingClientRect();
        const right = box.right - parseFloat(getComputedStyle(c).borderRightWidth);
        if (text.right > right + 0.5) out.overflowing.push(`${c.textContent}: ${text.right} > ${right}`);
      }
      return JSON.stringify(out);
    });
    const want = (s) => {
      const o = JSON.parse(s);
      return o.longCell && !o.longCell.fits && o.longCell.clipped && o.longCell.overflow === "hidden" &&
        o.longCell.ellipsis === "ellipsis" && o.overflowing.length === 0 && o.fitting > 10;
    };
    await eventually(cells, want, "the long cell is clipped with an ellipsis, and no cell said to fit overflows:");
  }],
  ["a table wider than its view fills only the columns in sight (and one past each edge); a horizontal scroll fills the rest", async () => {
    // Column 0 (Extra) dragged 1,500 px wider: Name is the one past the edge, Done is out of sight.
    const handle = page.locator(".pgw-tableview .pgw-grid-resize[data-col='0']");
    const box = await handle.boundingBox();
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 1502, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    // Row 9000's cells: [text, has a checkbox], by column.
    const row9000 = () => page.evaluate(() => {
      const row = [...document.querySelectorAll(".pgw-tableview .pgw-grid-row")].find((r) => r.dataset.index === "9000" && r.offsetParent !== null);
      return JSON.stringify(row ? [...row.querySelectorAll(".pgw-grid-cell")].map((c) => [c.textContent, c.querySelector("input") !== null]) : null);
    });
    await eventually(row9000, (s) => s === JSON.stringify([["", false], ["row 9000", false], ["", false]]),
      "with Extra 1,500 px wider, row 9000's cells (Done out of sight, so empty) are");
    await body("tableview").evaluate((b) => { b.scrollLeft = b.scrollWidth; });
    await eventually(row9000, (s) => s === JSON.stringify([["", false], ["row 9000", false], ["", true]]),
      "scrolled to the right, row 9000's cells (Done's checkbox in sight) are");
  }],
  ...closingChecks(app),
]);
finish(app, ok);
