// Browser test: menus driven by the real mouse and keyboard, in headless
// Chromium against tests/browser/menus_app.cpp. A bar title opens its
// menu and an item's handler runs in C++; a checkable item toggles and
// keeps its state over a reload; the keyboard path (F10, arrows, Right into
// a submenu, Escape closing one level, Enter, a letter jump, disabled items
// skipped, wrapping); a press outside closes; a label's context menu on a
// right click; popup(x, y) near the right edge keeps the menu in view and
// opens its submenu on the left. Waits for conditions, never for time.
// usage: node menus.test.mjs --binary build/tests/menus_app
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 600 } });
const { server, page } = app;

const REPORT = '[data-pgw-class="Label"][title="what the handlers got"]';
const title = (name) => page.locator(".pgw-menubar-item", { has: page.getByText(name, { exact: true }) });
const item = (text) => page.locator(".pgw-menuaction", { has: page.getByText(text, { exact: true }) });
const subrow = (text) => page.locator(".pgw-menu-submenu-item", { has: page.getByText(text, { exact: true }) });

// The report label once it matches `re`.
async function reported(re) {
  await page.waitForFunction(([sel, src]) => {
    const e = document.querySelector(sel);
    return e && new RegExp(src).test(e.textContent);
  }, [REPORT, re.source], { timeout: 5000 }).catch(async () => {
    throw new Error(`report is "${await page.locator(REPORT).textContent()}", expected ${re}`);
  });
}

// The open menu panels, outermost first: each with its rows' texts, the
// highlighted row's text, and its place.
async function openMenus() {
  return page.evaluate(() => [...document.querySelectorAll(".pgw-widget.pgw-menu.pgw-menu-open")]
    .filter((m) => m.style.display !== "none")
    .map((m) => {
      const r = m.getBoundingClientRect();
      const active = m.querySelector(":scope > .pgw-menu-active");
      // A submenu row holds its submenu's panel: its own text is its label.
      const text = (c) => c.classList.contains("pgw-menu-submenu-item")
        ? c.querySelector(":scope > .pgw-menu-submenu-label").textContent + "\u25B6" : c.textContent;
      return {
        rows: [...m.children].map(text),
        active: active ? text(active).replace("\u25B6", "") : null,
        left: r.left, right: r.right, top: r.top, bottom: r.bottom,
      };
    }));
}

async function waitMenus(n, what) {
  await page.waitForFunction((k) => [...document.querySelectorAll(".pgw-widget.pgw-menu.pgw-menu-open")]
    .filter((m) => m.style.display !== "none").length === k, n, { timeout: 3000 }).catch(async () => {
    throw new Error(`${what}: ${JSON.stringify(await openMenus())} open, expected ${n}`);
  });
}

async function activeIs(text, what) {
  const menus = await openMenus();
  const got = menus.length ? menus[menus.length - 1].active : null;
  expect(got === text, `${what}: the highlighted item is ${JSON.stringify(got)}, expected ${JSON.stringify(text)}`);
}

async function highlightedTitle() {
  return page.evaluate(() => document.querySelector(".pgw-menubar-item.pgw-menubar-active")?.textContent ?? null);
}

async function reload() {
  await page.reload({ waitUntil: "commit" });
  await page.waitForFunction(() => window.pgwidgets?.state.rebuilds >= 1 && window.pgwidgets.state.connection === "open",
    null, { timeout: 10000, polling: "raf" });
  await title("File").waitFor({ state: "visible", timeout: 5000 });
}

const ok = await runChecks([
  ["clicking a bar title opens its menu; clicking an item runs its C++ handler and closes the menu", async () => {
    await page.goto(server.url);
    await title("File").waitFor({ state: "visible", timeout: 10000 });
    await waitMenus(0, "before any click");
    await title("File").click();
    await waitMenus(1, "after clicking File");
    const [m] = await openMenus();
    const t = await title("File").boundingBox();
    expect(Math.abs(m.left - t.x) <= 1 && Math.abs(m.top - (t.y + t.height)) <= 1,
      `File's menu at ${m.left}, ${m.top}; its title ends at ${t.x}, ${t.y + t.height}`);
    expect(JSON.stringify(m.rows) === JSON.stringify(["Open", "Save", "", "Recent\u25B6", "", "Quit"]),
      `File holds ${JSON.stringify(m.rows)}`);
    await item("Open").click();
    await reported(/^activated Open$/);
    await waitMenus(0, "after choosing Open");
  }],
  ["a checkable item toggles, its handler gets the state and get_checked agrees", async () => {
    await title("Edit").click();
    await item("Wrap").click();
    await reported(/^wrap on get_checked true$/);
    await title("Edit").click();
    expect(await item("Wrap").getAttribute("aria-checked") === "true", "Wrap is not checked in the page");
    expect((await item("Wrap").textContent()).includes("\u2713"), "Wrap shows no check mark");
    await page.keyboard.press("Escape");
    await waitMenus(0, "Escape on a bar menu's first level");
  }],
  ["a reload rebuilds the menus from the server: structure, texts, the checked state; none is open", async () => {
    await reload();
    await waitMenus(0, "after the reload");
    await title("Edit").click();
    expect(await item("Wrap").getAttribute("aria-checked") === "true", "Wrap lost its checked state in the reload");
    await item("Wrap").click();
    await reported(/^wrap off get_checked false$/);
    await title("View").click();
    const [m] = await openMenus();
    expect(JSON.stringify(m.rows) === JSON.stringify(["Zoom\u25B6", "Status line"]),
      `View after the reload holds ${JSON.stringify(m.rows)}`);
    await page.keyboard.press("Escape");
    await title("File").click();
    const [f] = await openMenus();
    expect(JSON.stringify(f.rows) === JSON.stringify(["Open", "Save", "", "Recent\u25B6", "", "Quit"]),
      `File after the reload holds ${JSON.stringify(f.rows)}`);
    await title("File").click();
    await waitMenus(0, "clicking the open menu's title");
  }],
  ["the keyboard: F10, Left/Right on the bar, Down opens, separators skipped, Right into a submenu, Escape one level, Enter", async () => {
    await page.keyboard.press("F10");
    expect(await highlightedTitle() === "File", `F10 highlighted ${await highlightedTitle()}`);
    await waitMenus(0, "F10 only highlights");
    await page.keyboard.press("ArrowRight");
    expect(await highlightedTitle() === "Edit", `Right went to ${await highlightedTitle()}`);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    expect(await highlightedTitle() === "View", `Left twice (wrapping) went to ${await highlightedTitle()}`);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    await waitMenus(1, "Down on File");
    await activeIs("Open", "Down opened File");
    await page.keyboard.press("ArrowDown");
    await activeIs("Save", "Down");
    await page.keyboard.press("ArrowDown");
    await activeIs("Recent", "Down over the separator");
    await page.keyboard.press("ArrowRight");
    await waitMenus(2, "Right on Recent");
    await activeIs("one.txt", "Right opened Recent");
    await page.keyboard.press("Escape");
    await waitMenus(1, "Escape in the submenu closes one level");
    await activeIs("Recent", "after Escape");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    await activeIs("two.txt", "Down in Recent");
    await page.keyboard.press("ArrowLeft");
    await waitMenus(1, "Left closes the submenu");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowUp");
    await activeIs("two.txt", "Up from the first item wraps to the last");
    await page.keyboard.press("Enter");
    await reported(/^activated two\.txt$/);
    await waitMenus(0, "Enter on an item closes every menu");
  }],
  ["the keyboard: a letter jumps to the next item starting with it; Down skips a disabled item and wraps", async () => {
    await page.keyboard.press("F10");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await waitMenus(1, "Enter on Edit");
    await activeIs("Wrap", "Enter opened Edit");
    await page.keyboard.press("c");
    await activeIs("Cut", "c");
    await page.keyboard.press("c");
    await activeIs("Copy", "c again");
    await page.keyboard.press("ArrowDown");
    await activeIs("Clear", "Down over the disabled Paste");
    await page.keyboard.press("ArrowDown");
    await activeIs("Wrap", "Down from the last item wraps to the first");
    await page.keyboard.press("c");
    await page.keyboard.press("c");
    await page.keyboard.press("c");
    await activeIs("Clear", "c three times");
    await page.keyboard.press("ArrowRight");
    await waitMenus(1, "Right on a plain item of a bar menu");
    expect(await highlightedTitle() === "View", `Right on a plain item went to ${await highlightedTitle()}, not the next menu`);
    await activeIs("Zoom", "Right opened View");
    await page.keyboard.press("Escape");
    await waitMenus(0, "Escape on a bar menu");
    expect(await highlightedTitle() === "View", "Escape on a bar menu left no title highlighted");
    await page.keyboard.press("Escape");
    expect(await highlightedTitle() === null, "a second Escape did not leave the bar");
  }],
  ["a press outside closes the menus; a disabled item does nothing", async () => {
    const before = await page.locator(REPORT).textContent();
    await title("Edit").click();
    await item("Paste").click({ force: true });
    await waitMenus(1, "clicking the disabled Paste");
    await page.locator('[title="context target"]').click();
    await waitMenus(0, "a press outside");
    const after = await page.locator(REPORT).textContent();
    expect(after === before, `the report went from "${before}" to "${after}"`);
  }],
  ["hovering another title while a menu is open switches to it", async () => {
    await title("File").click();
    await title("View").hover();
    await waitMenus(1, "hovering View");
    const [m] = await openMenus();
    expect(m.rows[1] === "Status line", `hovering View opened ${JSON.stringify(m.rows)}`);
    await subrow("Zoom").hover();
    await waitMenus(2, "hovering Zoom");
    await item("Zoom out").click();
    await reported(/^activated Zoom out$/);
    await waitMenus(0, "choosing in a submenu");
  }],
  ["a right click on the label pops its context menu up at the pointer", async () => {
    const box = await page.locator('[title="context target"]').boundingBox();
    await page.mouse.click(box.x + 40, box.y + 10, { button: "right" });
    await waitMenus(1, "right click");
    const [m] = await openMenus();
    expect(Math.abs(m.left - (box.x + 40)) <= 1 && Math.abs(m.top - (box.y + 10)) <= 1,
      `the context menu is at ${m.left}, ${m.top}, the pointer at ${box.x + 40}, ${box.y + 10}`);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await activeIs("Copy text", "Down twice in the context menu");
    await page.keyboard.press("Escape");
    await waitMenus(0, "Escape closes a popup menu");
    await page.mouse.click(box.x + 40, box.y + 10, { button: "right" });
    await item("Inspect").click();
    await reported(/^activated Inspect$/);
  }],
  ["popup(x, y) near the right edge: the menu stays in view and its submenu opens on the left", async () => {
    await page.getByRole("button", { name: "Pop up" }).click();
    await reported(/^popped, get_menu found$/);
    await waitMenus(1, "popup");
    const vw = await page.evaluate(() => document.documentElement.clientWidth);
    const [m] = await openMenus();
    expect(m.right <= vw && m.left < 780 && Math.abs(m.top - 120) <= 1,
      `the popup is at ${m.left}..${m.right}, top ${m.top}; the window is ${vw} wide`);
    await subrow("More").hover();
    await waitMenus(2, "hovering More");
    const [, sub] = await openMenus();
    const row = await subrow("More").boundingBox();
    expect(sub.right <= row.x + 1 && sub.left >= 0, `the submenu at ${sub.left}..${sub.right} is not left of its row at ${row.x}`);
    await item("Deep one").click();
    await reported(/^activated Deep one$/);
    await waitMenus(0, "choosing in the popup's submenu");
  }],
  ...closingChecks(app),
]);
finish(app, ok);
