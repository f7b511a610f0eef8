// Drives bench_tree in headless Chromium and prints figures: TableView and
// TreeView at 100,000 rows, and pgwidgets-js's own TreeView/TableView on
// the same data in the same browser (its modules from the bare mirror,
// exported into a static page), with the ratios.
//   - set_data of 100,000 rows x 10 columns to first paint: end to end
//     (button click -> server -> wire -> page -> painted row), and in the
//     page alone (the call, then the next frame painted);
//   - scrolling: 240 frames, each moved 1/240 of the way down; the 95th
//     percentile frame interval and the scroll's own work per frame, and
//     the 95th percentile of 240 frames with no work (the machine's floor);
//     then 240 frames at a wheel's pace (60 px each), the same two figures;
//   - expand_all of a 100,000-node tree (1,000 folders of 99), and a sort of
//     the 100,000-row table by a number column: the call and the next layout;
//   - 1,000 cells updated at random rows of the 100,000-row table (set_cell);
//   - the server's resident memory before and after loading the table, and
//     the server's time to add one node to the loaded tree (add_tree) and to
//     select one more with all selected (select_paths); and a program deleting
//     1,000 selected rows of the table one delete_row each, to the page.
// --rows N (a multiple of 100) runs all of it at N rows instead of 100,000:
// --their-rows M runs pgwidgets-js's page at M rows (default N), and ours again at
// M, so each ratio compares the same data; --their-minutes T (default 10) bounds
// pgwidgets-js's run. pgwidgets-js renders every row into the DOM, so large N
// can exhaust it. --no-theirs runs ours alone. The end-to-end click comes
// --settle-ms S (default 1000) after the page shows, as a user's would: in
// the first second after its load the page is still busy starting up, and a
// click then measured that too (--settle-ms 0).
// usage: node bench/run_tree_bench.mjs [--binary build/bench/bench_tree] [--mirror /work/.mirror/naojsoft+pgwidgets-js/repo] [--rows N] [--their-rows M] [--their-minutes T] [--no-theirs] [--settle-ms S]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, startServer, stopServer } from "../tests/browser/harness.mjs";
import { launchBenchChromium } from "./cdp_pipe.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv);
const binary = path.resolve(args.binary || path.join(here, "../build/bench/bench_tree"));
const mirror = args.mirror || "/work/.mirror/naojsoft+pgwidgets-js/repo";
const N = Number(args.rows || 100000);
if (!(N >= 100 && N % 100 === 0)) throw new Error("--rows: a multiple of 100, at least 100");
const M = Number(args["their-rows"] || N);
if (!(M >= 100 && M % 100 === 0)) throw new Error("--their-rows: a multiple of 100, at least 100");
const thousands = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
const K = thousands(N);
// pgwidgets-js's page gets this long for all its steps; past it, its figures are "did not finish".
const theirMinutes = Number(args["their-minutes"] || 10);
const settleMs = Number(args["settle-ms"] ?? 1000);

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

// ---- the page-side measurements, the same for both implementations ------
// `api` names, per implementation, how to make data and call the widget.
async function measure(page, which, N) {
  return page.evaluate(async ([which, N]) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
    const api = window.benchApi;
    const out = {};
    // set_data in the page alone, to the next painted frame.
    const rows = api.tableRows(N);
    let t0 = performance.now();
    api.setData(rows);
    const call = performance.now() - t0;
    await frame();
    out.set_data_page_ms = performance.now() - t0;
    out.set_data_call_ms = call;
    await frame();
    // The same 240 frames with no work: the machine's own frame jitter, the floor under the scroll's p95.
    const idle = [];
    let then = performance.now();
    for (let i = 0; i < 240; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      idle.push(now - then);
      then = now;
    }
    out.idle_p95_frame_ms = pct(idle, 0.95);
    // 240 frames, each scrolled by `step(i)` and laid out: each frame's interval and the scroll's own work.
    const scrollFrames = async (step) => {
      const intervals = [];
      const work = [];
      let last = performance.now();
      for (let i = 1; i <= 240; i++) {
        const w0 = performance.now();
        step(i);
        api.layout();
        work.push(performance.now() - w0);
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        intervals.push(now - last);
        last = now;
      }
      return { intervals, work };
    };
    // Scrolling: 240 frames from top to bottom.
    const jump = await scrollFrames((i) => api.scroll(i / 240));
    out.scroll_p95_frame_ms = pct(jump.intervals, 0.95);
    out.scroll_p50_frame_ms = pct(jump.intervals, 0.5);
    out.scroll_p95_work_ms = pct(jump.work, 0.95);
    api.scroll(0);
    await frame();
    // A wheel's pace: 60 px a frame for 240 frames, so most rows on screen stay from one frame to the next.
    // The table's scrolling element is the page's tallest.
    let scroller = null;
    for (const e of document.querySelectorAll("*")) {
      if (e.clientHeight > 0 && e.scrollHeight > e.clientHeight + 1 && e.scrollHeight > (scroller?.scrollHeight ?? 0)) scroller = e;
    }
    const wheel = await scrollFrames((i) => { scroller.scrollTop = i * 60; });
    out.wheel_p95_frame_ms = pct(wheel.intervals, 0.95);
    out.wheel_p95_work_ms = pct(wheel.work, 0.95);
    scroller.scrollTop = 0;
    await frame();
    // A sort of the 100,000-row table by a number column.
    t0 = performance.now();
    api.sortTable();
    api.layout();
    out.sort_ms = performance.now() - t0;
    await frame();
    // 1,000 cells at random rows.
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    t0 = performance.now();
    api.batch(() => { for (let i = 0; i < 1000; i++) api.setCell(Math.floor(rnd() * N), 1, `u${i}`); });
    api.layout();
    out.cells_1000_ms = performance.now() - t0;
    await frame();
    // expand_all of a 100,000-node tree.
    api.setTree(api.treeData(N));
    await frame();
    t0 = performance.now();
    api.expandAll();
    api.layout();
    out.expand_all_ms = performance.now() - t0;
    await frame();
    out.dom_rows = document.querySelectorAll(which === "ours" ? ".pgw-grid-row" : ".treeview-row, [class*='treeview-row']").length;
    return out;
  }, [which, N]);
}

// ---- ours ----------------------------------------------------------------
async function ours(browser) {
  const server = await startServer(binary, ["--rows", String(N)]);
  try {
    const page = await browser.newPage();
    await page.goto(server.url + (server.url.includes("?") ? "&" : "?") + "pgwidgets-test");
    await page.waitFor(() => document.querySelector('[data-pgw-name="bench-report"]')?.textContent.startsWith("ready"), null, 60000);
    const report = () => page.evaluate(() => document.querySelector('[data-pgw-name="bench-report"]').textContent);
    await new Promise((r) => setTimeout(r, settleMs));
    // End to end: the click, the server's set_data, the wire, the page, the painted first row.
    const e2e = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('[data-pgw-name="load-table"]').click();
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        const cell = document.querySelector('[data-pgw-name="bench-table"] .pgw-grid-row[data-index="0"] .pgw-grid-cell');
        if (cell && cell.textContent === "0") break;
      }
      await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    });
    await page.waitFor(() => document.querySelector('[data-pgw-name="bench-report"]').textContent.startsWith("table loaded"),
      null, 60000);
    const text = await report();
    const before = Number(/rss_before_kib=(\d+)/.exec(text)[1]);
    const after = Number(/ rss_kib=(\d+)/.exec(text)[1]);
    // What the server holds for the table, the allocator's free memory given back first.
    const held = async () => {
      await page.evaluate(() => document.querySelector('[data-pgw-name="measure"]').click());
      await page.waitFor(() => document.querySelector('[data-pgw-name="bench-report"]').textContent.startsWith("measured"), null, 60000);
      const t = await report();
      return (Number(/ held_kib=(\d+)/.exec(t)[1]) - Number(/held_before_kib=(\d+)/.exec(t)[1])) / 1024;
    };
    const heldTable = await held();
    await page.evaluate(() => {
      const handle = (name) => window.pgwidgets.test.widget(Number(document.querySelector(`[data-pgw-name="${name}"]`).dataset.pgwId)).handle;
      const table = handle("bench-table");
      const tree = handle("bench-tree");
      window.benchApi = {
        tableRows(N) {
          const rows = new Array(N);
          for (let r = 0; r < N; r++) {
            const cells = new Array(10);
            for (let c = 0; c < 10; c++) cells[c] = c % 2 === 0 ? BigInt((r * 7919 + c) % 100000) : `r${r}c${c}`;
            rows[r] = { cells };
          }
          return rows;
        },
        treeData(N) {
          const items = [];
          for (let f = 0; f < N / 100; f++) {
            items.push({ path: [`f${f}`], values: { size: BigInt(f) } });
            for (let i = 0; i < 99; i++) items.push({ path: [`f${f}`, `i${i}`], values: { size: BigInt((f * 131 + i * 7919) % 100000), kind: "item" } });
          }
          return items;
        },
        setData: (rows) => table.set_data(rows),
        scroll: (v) => table.set_scroll_position(0, v),
        layout: () => { table.grid.render(); tree.grid.render(); void document.body.offsetHeight; },
        sortTable: () => table.sort_by_column(0, true),
        setCell: (row, col, v) => table.set_cell(row, col, v),
        // A burst of calls from the server lands in one task; the page draws once, at the next frame.
        batch: (fn) => fn(),
        setTree: (items) => tree.set_tree(items),
        treeData2: null,
        expandAll: () => tree.expand_all(),
      };
    });
    const m = await measure(page, "ours", N);
    m.set_data_e2e_ms = e2e;
    m.rows_made_ms = Number(/rows_made_ms=(\d+)/.exec(text)[1]);
    m.server_rss_table_mib = (after - before) / 1024;
    m.server_rss_mib = after / 1024;
    // The tree loaded through the server too (its memory).
    await page.evaluate(() => document.querySelector('[data-pgw-name="load-tree"]').click());
    await page.waitFor(() => document.querySelector('[data-pgw-name="bench-report"]').textContent.startsWith("tree loaded"),
      null, 60000);
    const t2 = await report();
    m.server_rss_tree_mib = (Number(/ rss_kib=(\d+)/.exec(t2)[1]) - Number(/rss_before_kib=(\d+)/.exec(t2)[1])) / 1024;
    m.set_tree_ms = Number(/ set_tree_ms=(\d+)/.exec(t2)[1]);
    m.set_tree_call_ms = Number(/ call_ms=(\d+)/.exec(t2)[1]);
    // Once the tree has arrived (its first row shown).
    await page.waitFor(() => document.querySelector('[data-pgw-name="bench-tree"] .pgw-grid-row .pgw-grid-cell')?.textContent !== undefined &&
      document.querySelector('[data-pgw-name="bench-tree"] .pgw-grid-row .pgw-grid-cell').textContent !== "", null, 60000);
    m.server_held_table_mib = heldTable;
    m.server_held_tree_mib = (await held()) - heldTable;
    // expand_all and a sort by a number column of the tree as the server sent it: its items are
    // still unread (read when shown or sorted by), unlike the tree measure() made in the page.
    Object.assign(m, await page.evaluate(() => {
      const tree = window.pgwidgets.test.widget(Number(document.querySelector('[data-pgw-name="bench-tree"]').dataset.pgwId)).handle;
      const settle = () => { tree.grid.render(); void document.body.offsetHeight; };
      let t0 = performance.now();
      tree.expand_all();
      settle();
      const expand = performance.now() - t0;
      t0 = performance.now();
      tree.sort_by_column("size", true);
      settle();
      const sort = performance.now() - t0;
      t0 = performance.now();
      tree.sort_by_column("size", false);
      settle();
      return { unread_tree_expand_ms: expand, unread_tree_sort_ms: sort, unread_tree_resort_ms: performance.now() - t0 };
    }));
    // A program deleting 1,000 selected rows of the table, one call each.
    await page.evaluate(() => document.querySelector('[data-pgw-name="delete-selected"]').click());
    await page.waitFor(() => document.querySelector('[data-pgw-name="bench-report"]').textContent.startsWith("deleted"),
      null, 120000);
    const t4 = await report();
    m.delete_selected_ms = Number(/deleted ms=(\d+)/.exec(t4)[1]);
    m.delete_selected_bytes = Number(/bytes_from_page=(\d+)/.exec(t4)[1]);
    m.delete_selected_frames = Number(/frames_from_page=(\d+)/.exec(t4)[1]);
    // Then single-node calls on the loaded tree, timed in the server.
    await page.evaluate(() => document.querySelector('[data-pgw-name="tree-calls"]').click());
    await page.waitFor(() => document.querySelector('[data-pgw-name="bench-report"]').textContent.startsWith("tree calls"),
      null, 60000);
    const t3 = await report();
    m.add_one_us = /add_one_us=(\d+)\/(\d+)/.exec(t3).slice(1).map(Number);
    m.select_one_us = /select_one_us=(\d+)\/(\d+)/.exec(t3).slice(1).map(Number);
    // The ratios compare the same data: ours again at pgwidgets-js's size when that differs.
    m.atTheirs = M === N ? m : await measure(page, "ours", M);
    await page.close();
    return m;
  } finally {
    await stopServer(server);
  }
}

// ---- pgwidgets-js's own, from the mirror ---------------------------------
async function theirs(browser) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pgwjs-"));
  const tar = execFileSync("git", ["--git-dir", mirror, "archive", "HEAD", "pgwidgets_js/static"], { maxBuffer: 1 << 28 });
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  const root = path.join(dir, "pgwidgets_js/static");
  fs.writeFileSync(path.join(root, "bench.html"), `<!doctype html><html><head>
<link rel="stylesheet" href="css/Widget.css"><link rel="stylesheet" href="css/TreeView.css"><link rel="stylesheet" href="css/ScrollBar.css">
<style>body{margin:0} .host{position:absolute;width:580px;height:700px;top:0} #t{left:0} #u{left:600px}</style></head>
<body><div id="t" class="host"></div><div id="u" class="host"></div>
<script type="module">
import { TableView } from "./modules/TableView.js";
import { TreeView } from "./modules/TreeView.js";
const cols = Array.from({ length: 10 }, (_, c) => ({ label: "col " + c, key: "c" + c, type: c % 2 === 0 ? "integer" : "string", colwidth: 90 }));
const table = new TableView({ columns: cols });
document.getElementById("t").appendChild(table.get_element ? table.get_element() : table.element);
(table.element).style.width = "100%"; table.element.style.height = "100%";
const tree = new TreeView({ columns: [{ label: "Name", key: "name" }, { label: "Size", key: "size", type: "integer" }, { label: "Kind", key: "kind" }] });
document.getElementById("u").appendChild(tree.element);
tree.element.style.width = "100%"; tree.element.style.height = "100%";
window.benchApi = {
  tableRows(N) {
    const rows = new Array(N);
    for (let r = 0; r < N; r++) {
      const row = {};
      for (let c = 0; c < 10; c++) row["c" + c] = c % 2 === 0 ? (r * 7919 + c) % 100000 : "r" + r + "c" + c;
      rows[r] = row;
    }
    return rows;
  },
  treeData(N) {
    const t = {};
    for (let f = 0; f < N / 100; f++) {
      const node = { __values__: { size: f } };
      for (let i = 0; i < 99; i++) node["i" + i] = { size: (f * 131 + i * 7919) % 100000, kind: "item" };
      t["f" + f] = node;
    }
    return t;
  },
  setData: (rows) => table.set_data(rows),
  scroll: (v) => table.set_scroll_position(0, v),
  layout: () => { void document.body.offsetHeight; },
  sortTable: () => table.sort_by_column("c0", true),
  setCell: (row, col, v) => table.set_cell(["row" + row], "c" + col, v),
  // What pgwidgets' own RemoteInterface does with a batch of calls: one render, not one per call.
  batch: (fn) => { table._suspendRender(true); try { fn(); } finally { table._suspendRender(false); } },
  setTree: (t) => tree.set_tree(t),
  expandAll: () => tree.expand_all(),
};
window.benchReady = true;
</script></body></html>`);
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
    const type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "text/html";
    res.writeHead(200, { "content-type": type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/bench.html`);
    await page.waitFor(() => window.benchReady === true, null, 20000).catch(() => {
      throw new Error(`pgwidgets-js page did not start: ${page.errors.join("; ")}`);
    });
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`did not finish in ${theirMinutes} min at ${thousands(M)} rows`)), theirMinutes * 60000);
    });
    try {
      return await Promise.race([measure(page, "theirs", M), deadline]);
    } finally {
      clearTimeout(timer);
      await page.close().catch(() => {});
    }
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Over the DevTools pipe, not Playwright: Playwright enables the Network
// domain, and Chromium then copies every WebSocket frame to the driver,
// which held the page's intake to about 20 MB/s here (about 200 without).
const browser = await launchBenchChromium(1240, 800);
try {
  const a = await ours(browser);
  let b = null;
  try {
    if (args["no-theirs"]) throw new Error("not run (--no-theirs)");
    b = await theirs(browser);
  } catch (e) {
    console.log(`pgwidgets-js: ${e.message}`);
  }
  const o = a.atTheirs;
  const rows = [
    [`set_data ${K} x 10, end to end, clicked ${settleMs} ms after the page showed (ms)`, a.set_data_e2e_ms, null, null, 300],
    [`set_data x 10, in the page to first paint (ms)`, a.set_data_page_ms, o.set_data_page_ms, b?.set_data_page_ms, 300],
    ["scroll, 95th percentile frame interval (ms)", a.scroll_p95_frame_ms, o.scroll_p95_frame_ms, b?.scroll_p95_frame_ms, 16.7],
    ["scroll, median frame interval (ms)", a.scroll_p50_frame_ms, o.scroll_p50_frame_ms, b?.scroll_p50_frame_ms, null],
    ["no work, 95th percentile frame interval (ms): the floor", a.idle_p95_frame_ms, o.idle_p95_frame_ms, b?.idle_p95_frame_ms, null],
    ["scroll, 95th percentile work per frame (ms)", a.scroll_p95_work_ms, o.scroll_p95_work_ms, b?.scroll_p95_work_ms, null],
    ["wheel-paced scroll (60 px a frame), 95th percentile frame interval (ms)", a.wheel_p95_frame_ms, o.wheel_p95_frame_ms, b?.wheel_p95_frame_ms, null],
    ["wheel-paced scroll, 95th percentile work per frame (ms)", a.wheel_p95_work_ms, o.wheel_p95_work_ms, b?.wheel_p95_work_ms, null],
    [`expand_all (ms)`, a.expand_all_ms, o.expand_all_ms, b?.expand_all_ms, 200],
    [`sort (ms)`, a.sort_ms, o.sort_ms, b?.sort_ms, 200],
    [`1,000 cells updated, in the page (ms)`, a.cells_1000_ms, o.cells_1000_ms, b?.cells_1000_ms, 16],
  ];
  const f = (x) => (x === null || x === undefined ? "-" : x.toFixed(1));
  console.log(`figure | ours, ${K} rows | ours, ${thousands(M)} | pgwidgets-js, ${thousands(M)} | ratio (theirs/ours) | target at ${K}`);
  for (const [name, x, xm, y, target] of rows) {
    console.log(`${name} | ${f(x)} | ${f(xm)} | ${f(y)} | ${y && xm ? (y / xm).toFixed(y / xm < 1 ? 2 : 1) + "x" : "-"} | ${target ?? "-"}`);
  }
  console.log(`the server program made the ${K} rows (pgw::TableRow) in ${a.rows_made_ms} ms, before the click: not in the end-to-end figure`);
  console.log(`the server's C++ time per call, 200 calls on the loaded ${K}-node tree: add_tree of one node, ` +
    `median ${a.add_one_us[0]} µs, slowest ${a.add_one_us[1]} µs; with every node selected, select_paths of one, ` +
    `median ${a.select_one_us[0]} µs, slowest ${a.select_one_us[1]} µs`);
  console.log(`delete_row of 1,000 selected rows of the ${K}-row table, one call each, until the page has handled them: ` +
    `${a.delete_selected_ms} ms; the page sent ${a.delete_selected_bytes} bytes in ${a.delete_selected_frames} frames meanwhile`);
  console.log(`set_tree of the ${K}-node tree, the call made until the page has answered a query after it (timed in C++): ${a.set_tree_ms} ms, ` +
    `of which ${a.set_tree_call_ms} ms until the pipelined call returned (the request made, checked and kept)`);
  console.log(`the ${K}-node tree as the server sent it (its items unread), in the page: expand_all ${a.unread_tree_expand_ms.toFixed(1)} ms, ` +
    `a sort by a number column ${a.unread_tree_sort_ms.toFixed(1)} ms, the same sort descending ${a.unread_tree_resort_ms.toFixed(1)} ms`);
  console.log(`DOM rows after expand_all: ours ${a.dom_rows}, pgwidgets-js ${b?.dom_rows ?? "-"}`);
  console.log(`server RSS: ${a.server_rss_mib.toFixed(1)} MiB with the table; the ${K} x 10 table added ` +
    `${a.server_rss_table_mib.toFixed(1)} MiB, the ${K}-node tree ${a.server_rss_tree_mib.toFixed(1)} MiB; ` +
    `held (the allocator's free memory given back first) for the table ${a.server_held_table_mib.toFixed(1)} MiB, ` +
    `for the tree ${a.server_held_tree_mib.toFixed(1)} MiB`);
} finally {
  await browser.close();
}
