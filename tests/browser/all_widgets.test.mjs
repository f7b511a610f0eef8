// Browser test of examples/all_widgets (the port of pgwidgets' all-widgets
// demo), in headless Chromium with the real mouse and keyboard. It reads the
// picker's actual entries, opens every one with the picker and Go!, drives
// that demo's controls until each handler has answered in the demo's label
// (or, for a demo without handlers, until the page shows what the demo
// set up), then closes the demo's window. A picker entry without a driver
// here fails: a demo added to the example needs its check. Last, the
// Windows menu tiles and cascades the open windows.
// usage: node all_widgets.test.mjs --binary build/examples/all_widgets --artifacts DIR
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 1100, height: 800 } });
const { server, page, artifacts } = app;

// A demo's window (a closed one stays in the page, hidden).
const win = (title) => page.locator(`.pgw-mdisubwindow:not(.pgw-hidden)[aria-label="${title}"]`);
const picker = () => win("Widget Picker").locator(".pgw-combobox");
const openList = () => page.locator(".pgw-combobox-list:not(.pgw-hidden)");
const status = () => page.locator('[data-pgw-class="Label"]').filter({ hasText: /^(Select a widget|Opened demo: )/ });

// Waits until `w` shows a label saying exactly `text` (a handler's answer).
async function says(w, text) {
  try {
    await w.locator('[data-pgw-class="Label"]').getByText(text, { exact: true }).waitFor({ state: "visible", timeout: 5000 });
  } catch {
    const now = await w.locator('[data-pgw-class="Label"]').allTextContents();
    throw new Error(`expected a label saying "${text}"; the labels say ${JSON.stringify(now)}`);
  }
}

async function until(what, fn, arg) {
  await page.waitForFunction(fn, arg, { timeout: 5000 }).catch(() => { throw new Error(`timed out: ${what}`); });
}

async function pickerEntries() {
  await picker().locator(".pgw-combobox-button").click();
  await openList().waitFor({ state: "visible", timeout: 5000 });
  const names = await openList().locator(".pgw-combobox-item").allTextContents();
  await page.keyboard.press("Escape");
  await openList().waitFor({ state: "detached", timeout: 5000 }).catch(() => {});
  return names;
}

// Chooses `name` in the picker and presses Go!: the demo's window opens and
// the status line says so.
async function openDemo(name, title) {
  // The picker's title bar first: it raises the picker over a demo window
  // that opened on top of it.
  await win("Widget Picker").locator(".pgw-window-title").click();
  await picker().locator(".pgw-combobox-button").click();
  await openList().locator(".pgw-combobox-item").getByText(name, { exact: true }).click();
  expect(await picker().locator("input").inputValue() === name, `the picker shows ${name}`);
  await win("Widget Picker").getByRole("button", { name: "Go!", exact: true }).click();
  await win(title).waitFor({ state: "visible", timeout: 5000 });
  await status().getByText(`Opened demo: ${name}`, { exact: true }).waitFor({ timeout: 5000 });
  return win(title);
}

async function closeDemo(w) {
  await w.locator(".pgw-wbutton-close").click();
  await w.waitFor({ state: "hidden", timeout: 5000 });
}

const box = async (l) => l.boundingBox();

async function drag(from, dx, dy) {
  const b = await box(from);
  const x = b.x + b.width / 2, y = b.y + b.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 6 });
  await page.mouse.up();
}

// Each demo's driver, by its picker name: [window title, async (window) => {...}].
const drivers = {
  "Button": ["Button", async (w) => {
    await w.getByRole("button", { name: "Button A" }).click();
    await says(w, "Button A clicked");
    await w.getByRole("button", { name: "Button B" }).click();
    await says(w, "Button B clicked");
  }],
  "CheckBox": ["CheckBox", async (w) => {
    await w.getByText("Option 1", { exact: true }).click();
    await says(w, "Option 1: ON");
    await w.getByText("Option 2", { exact: true }).click();
    await says(w, "Option 2: ON");
    await w.getByText("Option 3", { exact: true }).click();
    await says(w, "Option 3: ON");
    await w.getByText("Option 1", { exact: true }).click();
    await says(w, "Option 1: OFF");
  }],
  "ComboBox": ["ComboBox", async (w) => {
    const [pick, typed] = [w.locator(".pgw-combobox").nth(0), w.locator(".pgw-combobox").nth(1)];
    expect(await pick.locator("input").inputValue() === "Apple", "the pick-only box shows Apple");
    await pick.locator(".pgw-combobox-button").click();
    await openList().locator(".pgw-combobox-item").getByText("Cherry", { exact: true }).click();
    await says(w, "Picked: Cherry");
    await typed.locator(".pgw-combobox-button").click();
    await openList().locator(".pgw-combobox-item").getByText("Indigo", { exact: true }).click();
    await says(w, "Entered: Indigo");
    await typed.locator("input").fill("Teal");
    await typed.locator("input").press("Enter");
    await says(w, "Entered: Teal");
  }],
  "Dial": ["Dial", async (w) => {
    await says(w, "50");
    await w.locator(".pgw-dial").nth(0).focus();
    await page.keyboard.press("ArrowUp");
    await says(w, "51");
    await w.locator(".pgw-dial").nth(1).focus();
    await page.keyboard.press("ArrowUp");
    await says(w, "26");  // the second dial starts at 25; the same handler
  }],
  "Expander": ["Expander", async (w) => {
    const content = w.getByText("Content of section A.", { exact: true });
    expect(!(await content.isVisible()), "section A starts collapsed");
    await w.getByText("Section A", { exact: true }).click();
    await content.waitFor({ state: "visible", timeout: 5000 });
    await w.getByText("Section B", { exact: true }).click();
    await w.getByText("Content of section B.", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
  }],
  "Frame": ["Frame", async (w) => {
    for (const text of ["Titled Frame", "Content inside a frame.", "Another Frame", "More framed content."]) {
      await w.getByText(text, { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    }
  }],
  "GridBox": ["GridBox", async (w) => {
    expect(await w.locator(".pgw-gridbox .pgw-button").count() === 9, "nine buttons in the grid");
    await w.getByRole("button", { name: "(1,2)" }).click();
    await says(w, "Clicked row=1 col=2");
    await w.getByRole("button", { name: "(2,0)" }).click();
    await says(w, "Clicked row=2 col=0");
  }],
  "Label": ["Label", async (w) => {
    await w.getByText("Default label", { exact: true }).waitFor({ timeout: 5000 });
    const centered = await w.locator('[data-pgw-class="Label"]').filter({ hasText: "Centered, colored" })
      .evaluate((e) => ({ align: getComputedStyle(e).justifyContent + " " + getComputedStyle(e).textAlign,
        color: getComputedStyle(e).color }));
    expect(centered.align.includes("center"), `Centered, colored: ${JSON.stringify(centered)}`);
    expect(centered.color === "rgb(0, 0, 139)", `darkblue text: ${centered.color}`);
    const mono = await w.locator('[data-pgw-class="Label"]').filter({ hasText: "Monospace, bold" })
      .evaluate((e) => ({ family: getComputedStyle(e).fontFamily, weight: getComputedStyle(e).fontWeight }));
    expect(mono.family.includes("monospace") && mono.weight === "700", `Monospace, bold: ${JSON.stringify(mono)}`);
  }],
  "ProgressBar": ["ProgressBar", async (w) => {
    const bar = w.locator(".pgw-progressbar");
    expect(await bar.getAttribute("aria-valuenow") === "65", "the bar starts at 65%");
    await w.locator(".pgw-slider-input").focus();
    await page.keyboard.press("ArrowRight");
    await until("the bar follows the slider to 66%", () =>
      document.querySelector(".pgw-mdisubwindow[aria-label='ProgressBar'] .pgw-progressbar")
        ?.getAttribute("aria-valuenow") === "66");
  }],
  "RadioButton": ["RadioButton", async (w) => {
    const checked = () => w.locator(".pgw-radiobutton").evaluateAll((rs) => rs.map((r) => r.getAttribute("aria-checked")).join(" "));
    expect(await checked() === "true false false", `Choice A starts selected: ${await checked()}`);
    await w.getByText("Choice B", { exact: true }).click();
    await says(w, "Selected: B");
    await w.getByText("Choice C", { exact: true }).click();
    await says(w, "Selected: C");
    expect(await checked() === "false false true", `one of the group: ${await checked()}`);
  }],
  "ScrollArea": ["ScrollArea", async (w) => {
    const last = w.getByText("Item 239", { exact: true });
    await last.waitFor({ state: "attached", timeout: 5000 });
    expect(!(await last.isVisible()) || (await box(last)).y > (await box(w)).y + (await box(w)).height,
      "the last item starts out of view");
    const vp = await box(w.locator(".pgw-scrollarea-viewport"));
    await page.mouse.move(vp.x + vp.width / 2, vp.y + vp.height / 2);
    await page.mouse.wheel(0, 5000);
    await until("the area scrolled down", () =>
      document.querySelector(".pgw-mdisubwindow[aria-label='ScrollArea'] .pgw-scrollarea-viewport")?.scrollTop > 0);
  }],
  "ScrollBar": ["ScrollBar", async (w) => {
    await says(w, "0%");
    const h = await box(w.locator(".pgw-scrollbar-horizontal"));
    await page.mouse.click(h.x + h.width - 3, h.y + h.height / 2);
    await says(w, "100%");
    await page.mouse.click(h.x + 3, h.y + h.height / 2);
    await says(w, "0%");
    const v = await box(w.locator(".pgw-scrollbar-vertical"));
    await page.mouse.click(v.x + v.width / 2, v.y + v.height - 3);
    await says(w, "100%");  // the same handler for the vertical bar
  }],
  "Slider": ["Slider", async (w) => {
    await w.locator(".pgw-slider-input").nth(0).focus();
    await page.keyboard.press("ArrowRight");
    await says(w, "Integer: 51");
    await w.locator(".pgw-slider-input").nth(1).focus();
    await page.keyboard.press("ArrowRight");
    await says(w, "Float: 0.51");
    await page.keyboard.press("End");
    await says(w, "Float: 1.0");  // Python's str(1.0)
  }],
  "SpinBox": ["SpinBox", async (w) => {
    await w.locator(".pgw-spinbox-input").nth(0).click();
    await page.keyboard.press("ArrowUp");
    await says(w, "Int: 51");
    await w.locator(".pgw-spinbox-input").nth(1).click();
    await page.keyboard.press("ArrowUp");
    await says(w, "Float: 0.55");
  }],
  "Splitter": ["Splitter", async (w) => {
    await says(w, "Drag the handles to resize panes.");
    const left = w.locator('[data-pgw-class="Label"]').filter({ hasText: /^Left$/ });
    const before = (await box(left)).width;
    await drag(w.locator(".pgw-splitter-handle").first(), 40, 0);
    await until("the left pane grew", ([sel, b]) => {
      const e = [...document.querySelectorAll(sel)].find((l) => l.textContent === "Left");
      return e && e.getBoundingClientRect().width > b + 20;
    }, [".pgw-mdisubwindow[aria-label='Splitter'] [data-pgw-class='Label']", before]);
  }],
  "StackWidget": ["StackWidget", async (w) => {
    await says(w, "Page 1 visible");
    expect(await w.getByText("Stack page 1", { exact: true }).isVisible(), "page 1 shows first");
    await w.getByRole("button", { name: "Page 3" }).click();
    await says(w, "Page 3 visible");
    await w.getByText("Stack page 3", { exact: true }).waitFor({ state: "visible", timeout: 5000 });
    expect(!(await w.getByText("Stack page 1", { exact: true }).isVisible()), "page 1 is hidden");
    await w.getByRole("button", { name: "Page 2" }).click();
    await says(w, "Page 2 visible");
  }],
  "TabWidget": ["TabWidget", async (w) => {
    await w.locator(".pgw-tab").filter({ hasText: "Tab 2" }).click();
    await says(w, "Switched to tab 1");
    await w.getByRole("button", { name: "Add Tab" }).click();
    await says(w, "Added tab 4");
    await w.locator(".pgw-tab").filter({ hasText: "Tab 4" }).waitFor({ timeout: 5000 });
    await w.getByRole("button", { name: "Add Tab" }).click();
    await says(w, "Added tab 5");
    await w.locator(".pgw-tab").filter({ hasText: "Tab 5" }).click();
    await says(w, "Switched to tab 4");
  }],
  "TableView": ["TableView", async (w) => {
    const cell = (name) => w.locator(".pgw-grid-row .pgw-grid-cell[data-col='0']", { hasText: new RegExp(`^${name}$`) });
    const firstName = () => w.locator(".pgw-grid-row[data-index='0'] .pgw-grid-cell[data-col='0']").textContent();
    await cell("Heidi").waitFor({ timeout: 5000 });
    expect(await firstName() === "Alice", "the rows in their order");
    await cell("Carol").click();
    await says(w, "Selected: Carol");
    await cell("Dave").click({ modifiers: ["Control"] });
    await says(w, "Selected: 2 rows");
    // Activated carries the row's values (and the column double-clicked).
    await w.locator(".pgw-grid-row", { has: page.locator(".pgw-grid-cell[data-col='0']", { hasText: /^Bob$/ }) }).locator(".pgw-grid-cell[data-col='1']").dblclick();
    await says(w, "Activated: Bob");
    await w.locator(".pgw-grid-hcell", { hasText: /^Salary/ }).click();
    await until("the header sorts by salary", () => document.querySelector(".pgw-tableview .pgw-grid-row[data-index='0'] .pgw-grid-cell")?.textContent === "Dave");
    await w.getByRole("button", { name: "Sort by Name" }).click();
    await until("Sort by Name sorts by name", () => document.querySelector(".pgw-tableview .pgw-grid-row[data-index='0'] .pgw-grid-cell")?.textContent === "Alice");
    await w.getByRole("button", { name: "Add Row" }).click();
    await cell("Person 9").waitFor({ timeout: 5000 });
    await w.getByRole("button", { name: "Add Row" }).click();
    await cell("Person 10").waitFor({ timeout: 5000 });
  }],
  "TextArea": ["TextArea", async (w) => {
    const area = w.locator("textarea");
    expect(await area.inputValue() === "This is a multi-line text area.\n\nEdit this text freely.", "its text");
    await area.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" More.");
    expect((await area.inputValue()).endsWith("freely. More."), "typed text");
  }],
  "TextEntry": ["TextEntry", async (w) => {
    await says(w, "Press Enter to activate.");
    const [entry, pw] = [w.locator("input").nth(0), w.locator("input").nth(1)];
    expect(await entry.inputValue() === "Type here", "the entry's first text");
    await entry.fill("hello");
    await entry.press("Enter");
    await says(w, "Entered: hello");
    expect(await pw.getAttribute("type") === "password", "the password entry hides its text");
    await pw.fill("secret");
    await pw.press("Enter");
    await says(w, "Password: secret");
  }],
  "TextEntrySet": ["TextEntrySet", async (w) => {
    await says(w, "Press Enter or click Set.");
    // pgwidgets' example passed value="Hello" (rejected); the port's text is Hello.
    const input = w.locator(".pgw-textentryset-input");
    expect(await input.inputValue() === "Hello", `the entry shows ${await input.inputValue()}`);
    await w.locator(".pgw-textentryset-button").getByText("Set", { exact: true }).click();
    await says(w, "Value: Hello");
    await input.fill("World");
    await input.press("Enter");
    await says(w, "Value: World");
  }],
  "ToggleButton": ["ToggleButton", async (w) => {
    const t = (text) => w.locator(".pgw-togglebutton").filter({ hasText: new RegExp(`^${text}$`) });
    await t("Bold").click();
    await says(w, "Bold: on");
    await t("Italic").click();
    await says(w, "Italic: on");
    await t("Bold").click();
    await says(w, "Bold: off");
    await t("Center").click();
    await says(w, "Align: Center");
    await t("Right").click();
    await says(w, "Align: Right");
    const pressed = await w.locator(".pgw-togglebutton.pgw-pressed").allTextContents();
    expect(JSON.stringify(pressed) === JSON.stringify(["Italic", "Right"]), `pressed: ${JSON.stringify(pressed)}`);
  }],
  "ToolBar": ["ToolBar", async (w) => {
    await says(w, "Click toolbar items.");
    const a = (text) => w.locator(".pgw-toolbar-action").filter({ hasText: new RegExp(`^${text}$`) });
    for (const name of ["New", "Open", "Save"]) {
      await a(name).click();
      await says(w, `${name} clicked`);
    }
    await a("B").click();
    await says(w, "Bold: on");
    await a("I").click();
    await says(w, "Italic: on");
    await a("B").click();
    await says(w, "Bold: off");
  }],
  "TreeView": ["TreeView", async (w) => {
    const row = (key) => w.locator(`.pgw-grid-row[data-key='${key}']`);
    await row("Music").waitFor({ timeout: 5000 });
    expect(await row("report.pdf").count() === 0, "the tree starts collapsed");
    await w.getByRole("button", { name: "Expand All" }).click();
    await row("slides.pptx").waitFor({ timeout: 5000 });
    await row("notes.txt").locator(".pgw-grid-cell[data-col='1']").click();
    await says(w, "Selected: ['Documents', 'notes.txt']");
    await row("photo1.jpg").locator(".pgw-grid-cell[data-col='1']").click({ modifiers: ["Control"] });
    await says(w, "Selected: 2 items");
    await row("report.pdf").locator(".pgw-grid-cell[data-col='2']").dblclick();
    await says(w, "Activated: ['Documents', 'report.pdf']");
    await w.getByRole("button", { name: "Collapse All" }).click();
    await until("Collapse All shows the three folders only",
      () => [...document.querySelectorAll(".pgw-treeview .pgw-grid-row")].filter((r) => r.offsetParent !== null).map((r) => r.dataset.key).sort().join() === "Documents,Music,Pictures");
  }],
  "VBox/HBox": ["VBox / HBox", async (w) => {
    await says(w, "stretch=0 fixed, stretch=1 fills");
    const h = async (text) => (await box(w.locator('[data-pgw-class="Label"]').filter({ hasText: new RegExp(`^${text.replace(/[()]/g, "\\$&")}$`) }))).height;
    const wd = async (l) => (await box(l)).width;
    expect(await h("Middle (stretch=1)") > 2 * await h("Top (stretch=0)"), "the middle label takes the height");
    const stretch = await wd(w.locator('[data-pgw-class="Label"]').filter({ hasText: /^Stretch \(1\)$/ }));
    const fixed = await wd(w.getByRole("button", { name: "Fixed (0)" }).first());
    expect(stretch > 1.5 * fixed, `the stretch label takes the width (${stretch} vs ${fixed})`);
  }],
};

let entries = [];

const ok = await runChecks([
  ["the window opens with the Windows menu, the picker and the status line", async () => {
    await page.goto(server.url);
    await win("Widget Picker").waitFor({ timeout: 10000 });
    await page.locator(".pgw-menubar-item").getByText("Windows", { exact: true }).waitFor({ timeout: 5000 });
    await status().getByText("Select a widget from the picker to see a demo.", { exact: true }).waitFor({ timeout: 5000 });
    expect(await win("Widget Picker").locator("input").first().inputValue() === "Pick a widget:", "the picker's prompt");
    expect(await picker().locator("input").inputValue() === "Button", "the picker shows its first entry");
  }],
  ["the picker lists the demos, each once", async () => {
    entries = await pickerEntries();
    expect(new Set(entries).size === entries.length, `duplicates: ${entries}`);
    // Every demo of pgwidgets' example: none may go missing unnoticed.
    for (const name of Object.keys(drivers)) expect(entries.includes(name), `${name} is not in the picker: ${entries}`);
  }],
  ["every picker entry opens its demo, and the demo's controls answer", async () => {
    for (const name of entries) {
      const driver = drivers[name];
      expect(driver, `no driver for the picker's entry ${name}: add one to this test`);
      const [title, drive] = driver;
      const w = await openDemo(name, title);
      try {
        await drive(w);
      } catch (e) {
        await page.screenshot({ path: path.join(artifacts, `all_widgets-${title.replace(/\W+/g, "_")}.png`) });
        throw new Error(`${name}: ${e.message}`);
      }
      await closeDemo(w);
    }
  }],
  ["each new demo opens further along the diagonal", async () => {
    const a = await openDemo("Button", "Button");
    const b = await openDemo("Label", "Label");
    const [pa, pb] = [await box(a), await box(b)];
    // pgwidgets' next_position(): the n-th demo at 40 + (n % 6) * 25, 20 + (n % 6) * 25.
    const n = entries.length + 1;
    const step = ((n + 1) % 6 - n % 6) * 25;
    expect(pb.x - pa.x === step && pb.y - pa.y === step, `positions ${JSON.stringify([pa, pb])}, step ${step}`);
    await page.screenshot({ path: path.join(artifacts, "all_widgets-open.png") });
  }],
  ["Windows > Tile puts the windows side by side; Windows > Cascade stacks them again", async () => {
    const geometry = () => page.locator(".pgw-mdisubwindow:not(.pgw-hidden)").evaluateAll((ws) =>
      ws.map((w) => [w.getAttribute("aria-label"), w.offsetLeft, w.offsetTop, w.offsetWidth, w.offsetHeight]));
    const before = JSON.stringify(await geometry());
    await page.locator(".pgw-menubar-item").getByText("Windows", { exact: true }).click();
    await page.locator(".pgw-menuaction").getByText("Tile", { exact: true }).click();
    await until("the windows moved", (b) => JSON.stringify([...document.querySelectorAll(".pgw-mdisubwindow:not(.pgw-hidden)")]
      .map((w) => [w.getAttribute("aria-label"), w.offsetLeft, w.offsetTop, w.offsetWidth, w.offsetHeight])) !== b, before);
    const tiled = await geometry();
    const overlap = (p, q) => p[1] < q[1] + q[3] && q[1] < p[1] + p[3] && p[2] < q[2] + q[4] && q[2] < p[2] + p[4];
    for (let i = 0; i < tiled.length; i++) {
      for (let j = i + 1; j < tiled.length; j++) expect(!overlap(tiled[i], tiled[j]), `tiled overlap: ${JSON.stringify(tiled)}`);
    }
    await page.locator(".pgw-menubar-item").getByText("Windows", { exact: true }).click();
    await page.locator(".pgw-menuaction").getByText("Cascade", { exact: true }).click();
    await until("the windows overlap again", (t) => {
      const r = [...document.querySelectorAll(".pgw-mdisubwindow:not(.pgw-hidden)")]
        .map((w) => [w.getAttribute("aria-label"), w.offsetLeft, w.offsetTop, w.offsetWidth, w.offsetHeight]);
      const overlap = (p, q) => p[1] < q[1] + q[3] && q[1] < p[1] + p[3] && p[2] < q[2] + q[4] && q[2] < p[2] + p[4];
      return JSON.stringify(r) !== t && r.some((p, i) => r.some((q, j) => i < j && overlap(p, q)));
    }, JSON.stringify(tiled));
  }],
  ...closingChecks(app),
]);
finish(app, ok);
