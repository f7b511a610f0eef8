// Browser test: MDI sub-windows driven by the mouse, in headless Chromium
// against tests/browser/mdi_app.cpp. Drags a sub-window by its title,
// resizes it by a grip, maximizes, restores, minimizes and closes with its
// buttons, drags it past the workspace's edge (which grows, as the
// resistance allows) and scrolls the workspace with the wheel; each time the
// C++ handler's report (the values it got and what the local getters
// answered) must agree with the page, and a reload must bring back the same
// geometry, state, scroll position and resistance. Waits for conditions,
// never for time.
// usage: node mdi.test.mjs --binary build/tests/mdi_app
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 700 } });
const { server, page, artifacts } = app;

const win = (title) => page.locator(".pgw-mdisubwindow", { has: page.getByText(title, { exact: true }) });
const report = () => page.locator('[data-pgw-class="Label"][title="what the handlers got"]');

// The report label once it matches `re`; its groups.
async function reported(re) {
  await page.waitForFunction((src) => {
    const e = document.querySelector('[data-pgw-class="Label"][title="what the handlers got"]');
    return e && new RegExp(src).test(e.textContent);
  }, re.source, { timeout: 5000 }).catch(async () => {
    throw new Error(`report is "${await report().textContent()}", expected ${re}`);
  });
  return re.exec(await report().textContent());
}

// The sub-window's place and size inside its workspace, and its state classes.
async function geometry(title) {
  return win(title).evaluate((e) => ({
    x: e.offsetLeft, y: e.offsetTop, width: e.offsetWidth, height: e.offsetHeight,
    maximized: e.classList.contains("pgw-maximized"), minimized: e.classList.contains("pgw-minimized"),
    hidden: e.classList.contains("pgw-hidden"),
    area: { width: e.parentElement.clientWidth, height: e.parentElement.clientHeight },
  }));
}

// The MDI workspace's scrolling box: its extent, view, offset and overflow.
async function viewport() {
  return page.locator(".pgw-mdi-viewport").evaluate((e) => ({
    scrollWidth: e.scrollWidth, scrollHeight: e.scrollHeight, clientWidth: e.clientWidth, clientHeight: e.clientHeight,
    scrollLeft: e.scrollLeft, scrollTop: e.scrollTop,
    overflow: getComputedStyle(e).overflow,
  }));
}

async function reload() {
  await page.reload({ waitUntil: "commit" });
  await page.waitForFunction(() => window.pgwidgets?.state.rebuilds === 1 && window.pgwidgets.state.connection === "open",
    null, { timeout: 10000, polling: "raf" });
  await win("Doc A").waitFor({ state: "attached", timeout: 5000 });
}

async function pressDrag(box, dx, dy) {
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x + dx, box.y + dy, { steps: 6 });
  await page.mouse.up();
}

const ok = await runChecks([
  ["both sub-windows appear inside the workspace where the program put them", async () => {
    await page.goto(server.url);
    await win("Doc A").waitFor({ state: "visible", timeout: 10000 });
    const a = await geometry("Doc A");
    expect(a.x === 20 && a.y === 20 && a.width === 260 && a.height === 180, `Doc A at ${JSON.stringify(a)}`);
    const b = await geometry("Doc B");
    expect(b.x === 330 && b.y === 60 && b.width === 300 && b.height === 300, `Doc B at ${JSON.stringify(b)}`);
    expect(await win("Doc A").getByText("Document A", { exact: true }).isVisible(), "Doc A's content is not shown");
  }],
  ["a reload brings back the sub-windows add_widget created, with their titles, contents and geometry", async () => {
    await reload();
    await win("Doc B").waitFor({ state: "visible", timeout: 5000 });
    const a = await geometry("Doc A");
    expect(a.x === 20 && a.y === 20 && a.width === 260 && a.height === 180, `Doc A after reload ${JSON.stringify(a)}`);
    const b = await geometry("Doc B");
    expect(b.x === 330 && b.y === 60 && b.width === 300 && b.height === 300, `Doc B after reload ${JSON.stringify(b)}`);
    expect(await win("Doc A").getByText("Document A", { exact: true }).isVisible(), "Doc A's content lost in the reload");
    expect(await win("Doc B").getByText("Document B", { exact: true }).isVisible(), "Doc B's content lost in the reload");
    expect(await page.locator(".pgw-mdisubwindow").count() === 2, "not two sub-windows after the reload");
  }],
  ["a label filling a sub-window keeps off its left edge", async () => {
    const gap = await win("Doc A").evaluate((w) => {
      const content = w.querySelector(".pgw-window-content").getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(w.querySelector(".pgw-label-text"));
      return range.getBoundingClientRect().left - content.left;
    });
    expect(gap >= 6, `the text starts ${gap}px from the sub-window's left edge`);
    await win("Doc A").screenshot({ path: path.join(artifacts, "mdi_label.png") });
  }],
  ["dragging the title moves it: on_move(x, y) and get_window_position agree with the page", async () => {
    const t = await win("Doc A").locator(".pgw-window-title").boundingBox();
    await pressDrag({ x: t.x + 10, y: t.y + t.height / 2 }, 60, 40);
    const m = await reported(/^move (-?\d+) (-?\d+) \| (-?\d+) (-?\d+) 260 180 normal$/);
    const g = await geometry("Doc A");
    expect(+m[1] === 80 && +m[2] === 60, `handler got ${m[1]}, ${m[2]}; expected 80, 60`);
    expect(+m[3] === 80 && +m[4] === 60, `get_window_position said ${m[3]}, ${m[4]}`);
    expect(g.x === 80 && g.y === 60, `the page shows it at ${g.x}, ${g.y}`);
  }],
  ["pressing a sub-window brings it to the front: on_page_switch gets its content", async () => {
    await page.getByText("page Doc A", { exact: true }).waitFor({ timeout: 5000 });
    const z = await page.evaluate(() => [...document.querySelectorAll(".pgw-mdisubwindow")].map((e) => [
      e.querySelector(".pgw-window-title").textContent, Number(e.style.zIndex), e.classList.contains("pgw-active")]));
    const a = z.find((r) => r[0] === "Doc A");
    const b = z.find((r) => r[0] === "Doc B");
    expect(a[1] > b[1] && a[2] && !b[2], `stacking ${JSON.stringify(z)}`);
  }],
  ["a sub-window cannot be dragged out of its workspace", async () => {
    const t = await win("Doc B").locator(".pgw-window-title").boundingBox();
    await pressDrag({ x: t.x + 10, y: t.y + t.height / 2 }, 100, -400);
    const b = await geometry("Doc B");
    expect(b.y === 0, `Doc B's top is ${b.y}, above the workspace`);
  }],
  ["the south-east grip resizes it: on_resized and get_window_size agree with the page", async () => {
    await win("Doc A").hover();
    const g = await win("Doc A").locator(".pgw-grip-se").boundingBox();
    await pressDrag({ x: g.x + g.width / 2, y: g.y + g.height / 2 }, 50, 30);
    const m = await reported(/^resized (\d+) (\d+) \| 80 60 (\d+) (\d+) normal$/);
    const a = await geometry("Doc A");
    expect(+m[1] === 310 && +m[2] === 210, `handler got ${m[1]} x ${m[2]}; expected 310 x 210`);
    expect(+m[3] === 310 && +m[4] === 210, `get_window_size said ${m[3]} x ${m[4]}`);
    expect(a.width === 310 && a.height === 210, `the page shows ${a.width} x ${a.height}`);
  }],
  ["the maximize button fills the workspace: on_window_state(maximized), get_window_state agrees", async () => {
    await win("Doc A").getByRole("button", { name: "Maximize" }).click();
    await reported(/^state maximized \| 80 60 310 210 maximized$/);
    const a = await geometry("Doc A");
    expect(a.maximized && a.x === 0 && a.y === 0 && a.width === a.area.width && a.height === a.area.height,
      `maximized Doc A at ${JSON.stringify(a)}`);
  }],
  ["a reload keeps it maximized; restoring gives back the dragged and resized geometry", async () => {
    await reload();
    const a = await geometry("Doc A");
    expect(a.maximized && a.width === a.area.width, `after reload ${JSON.stringify(a)}`);
    await win("Doc A").getByRole("button", { name: "Restore" }).click();
    await reported(/^state normal \| 80 60 310 210 normal$/);
    const r = await geometry("Doc A");
    expect(!r.maximized && r.x === 80 && r.y === 60 && r.width === 310 && r.height === 210, `restored ${JSON.stringify(r)}`);
  }],
  ["the minimize button leaves its title bar along the workspace's bottom, also after a reload", async () => {
    await win("Doc A").getByRole("button", { name: "Minimize" }).click();
    await reported(/^state minimized \| 80 60 310 210 minimized$/);
    for (const when of ["before", "after"]) {
      if (when === "after") await reload();
      const a = await geometry("Doc A");
      expect(a.minimized && a.x === 0 && a.y + a.height === a.area.height, `minimized ${when} reload: ${JSON.stringify(a)}`);
      expect(!(await win("Doc A").locator(".pgw-window-content").isVisible()), `content shown while minimized (${when})`);
    }
    await win("Doc A").locator(".pgw-window-title").click();
    await reported(/^state normal \| 80 60 310 210 normal$/);
    const r = await geometry("Doc A");
    expect(r.x === 80 && r.y === 60 && r.width === 310, `unminimized ${JSON.stringify(r)}`);
  }],
  ["the close button hides Doc B for good: on_close, and a reload does not bring it back", async () => {
    await win("Doc B").getByRole("button", { name: "Close" }).click();
    await reported(/^closed Doc B$/);
    expect((await geometry("Doc B")).hidden, "Doc B still shown");
    await reload();
    expect((await geometry("Doc B")).hidden, "Doc B came back after the reload");
    const a = await geometry("Doc A");
    expect(a.x === 80 && a.y === 60 && a.width === 310 && a.height === 210 && !a.minimized, `Doc A ${JSON.stringify(a)}`);
    await page.screenshot({ path: path.join(artifacts, "mdi.png") });
  }],
  ["dragging a sub-window past the right edge grows the workspace, half as far as the pointer (resistance 0.5)", async () => {
    const before = await viewport();
    expect(before.scrollWidth === before.clientWidth && before.scrollHeight === before.clientHeight,
      `the workspace scrolls before anything left it: ${JSON.stringify(before)}`);
    const edge = before.clientWidth - 310; // Doc A's x with its right side on the edge
    const t = await win("Doc A").locator(".pgw-window-title").boundingBox();
    await pressDrag({ x: t.x + 10, y: t.y + t.height / 2 }, edge + 200 - 80, 0);
    const m = await reported(/^move (-?\d+) (-?\d+) \| (-?\d+) (-?\d+) 310 210 normal$/);
    expect(+m[1] === edge + 100 && +m[2] === 60, `handler got ${m[1]}, ${m[2]}; expected ${edge + 100}, 60`);
    expect(+m[3] === edge + 100, `get_window_position said ${m[3]}`);
    const a = await geometry("Doc A");
    const after = await viewport();
    expect(a.x === edge + 100, `the page shows Doc A at ${a.x}`);
    // As far as Doc A reaches (its grips overhang it by a few pixels).
    expect(after.scrollWidth >= a.x + a.width && after.scrollWidth <= a.x + a.width + 4,
      `the workspace is ${after.scrollWidth} wide, Doc A reaches ${a.x + a.width}`);
    // Scrolls across, not down: bars as needed (headless Chromium hides them).
    expect(after.scrollWidth > after.clientWidth && after.scrollHeight === after.clientHeight && after.overflow === "auto",
      `the workspace scrolls: ${JSON.stringify(after)}`);
  }],
  ["the wheel scrolls the workspace: on_scrolled reaches C++ once it stops, get_scroll_position agrees with the page", async () => {
    const v = await page.locator(".pgw-mdi-viewport").boundingBox();
    await page.mouse.move(v.x + 30, v.y + v.height - 40); // the workspace's background
    await page.mouse.wheel(40, 0);
    const m = await reported(/^scrolled (\d+) ([\d.]+) ([\d.]+) \| ([\d.]+) ([\d.]+)$/);
    const vp = await viewport();
    const pct = vp.scrollLeft / (vp.scrollWidth - vp.clientWidth);
    expect(vp.scrollLeft > 0 && pct < 1, `the wheel scrolled to ${vp.scrollLeft} of ${vp.scrollWidth - vp.clientWidth}`);
    expect(Math.abs(+m[2] - pct) < 0.01 && +m[3] === 0, `handler got ${m[2]}, ${m[3]}; the page is at ${pct}, 0`);
    expect(+m[4] === +m[2] && +m[5] === +m[3], `get_scroll_position said ${m[4]}, ${m[5]}`);
    expect(+m[1] === 1, `on_scrolled ran ${m[1]} times for one wheel turn`);
    const sx = await page.locator(".pgw-mdi-viewport").evaluate((e) => e.style.getPropertyValue("--pgw-mdi-sx"));
    expect(sx === `${vp.scrollLeft}px`, `the dock follows ${sx}`);
  }],
  ["a reload brings back the scroll position and the resistance (locked: a drag stops at the edge)", async () => {
    const scrolledTo = (await viewport()).scrollLeft;
    await page.getByRole("button", { name: "Lock the workspace" }).click();
    await reported(/^resistance 1\.0+$/);
    await reload();
    await page.waitForFunction((want) => {
      const e = document.querySelector(".pgw-mdi-viewport");
      return e && Math.abs(e.scrollLeft - want) <= 1;
    }, scrolledTo, { timeout: 5000 }).catch(async () => {
      throw new Error(`after the reload the workspace is scrolled to ${(await viewport()).scrollLeft}, not ${scrolledTo}`);
    });
    const x0 = (await geometry("Doc A")).x;
    const t = await win("Doc A").locator(".pgw-window-title").boundingBox();
    await pressDrag({ x: t.x + 10, y: t.y + t.height / 2 }, 100, 30);
    const m = await reported(/^move (-?\d+) (-?\d+) \| /);
    expect(+m[1] === x0 && +m[2] === 90, `locked, Doc A went to ${m[1]}, ${m[2]}; expected ${x0}, 90`);
    const vp = await viewport();
    expect(vp.scrollWidth <= x0 + 310 + 4, `the workspace grew to ${vp.scrollWidth}`);
  }],
  ...closingChecks(app),
]);
finish(app, ok);
