// Browser test: pgwidgets behaviours a port gets silently wrong, in headless
// Chromium against tests/browser/parity_app.cpp.
// usage: node parity.test.mjs --binary build/tests/parity_app
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 600 } });
const { server, page } = app;

let labelBeforeMove = null;

async function colors(text) {
  return page.getByText(text, { exact: true }).evaluate((span) => {
    const label = span.closest(".pgw-widget");
    const s = getComputedStyle(label);
    return { bg: s.backgroundColor, fg: s.color };
  });
}

// Drags the window by its title and returns how far it moved.
async function dragTitle(dx, dy) {
  const win = page.locator(".pgw-toplevel").first();
  const before = await win.boundingBox();
  const t = await page.getByText("Fixed window", { exact: true }).boundingBox();
  await page.mouse.move(t.x + 5, t.y + t.height / 2);
  await page.mouse.down();
  await page.mouse.move(t.x + 5 + dx, t.y + t.height / 2 + dy, { steps: 5 });
  await page.mouse.up();
  const after = await win.boundingBox();
  return { dx: after.x - before.x, dy: after.y - before.y };
}

const ok = await runChecks([
  ["the window appears", async () => {
    await page.goto(server.url);
    await page.getByRole("button", { name: "Allow moving" }).waitFor({ state: "visible", timeout: 10000 });
  }],
  ["set_color(bg, fg) paints bg behind the text and fg on it", async () => {
    const c = await colors("Both colors");
    expect(c.bg === "rgb(10, 20, 30)" && c.fg === "rgb(200, 100, 50)", `got ${JSON.stringify(c)}`);
  }],
  ["set_color without bg keeps the background it had", async () => {
    const c = await colors("Text color only");
    expect(c.bg === "rgb(1, 2, 3)" && c.fg === "rgb(0, 128, 0)", `got ${JSON.stringify(c)}`);
  }],
  ["set_icon(url, 20) draws a 20 x 20 icon (height defaults to width)", async () => {
    const img = page.getByRole("button", { name: "Icon" }).locator("img");
    const box = await img.boundingBox();
    expect(box && Math.round(box.width) === 20 && Math.round(box.height) === 20, `icon box ${JSON.stringify(box)}`);
  }],
  ["add_cursor(name, url, x, y, 24) redraws the image at 24 x 24 for set_cursor", async () => {
    const button = page.getByRole("button", { name: "Icon" });
    await page.waitForFunction((b) => getComputedStyle(b).cursor.includes("data:image/png"),
      await button.elementHandle(), { timeout: 5000 });
    const size = await button.evaluate(async (b) => {
      const url = /url\("([^"]+)"\)/.exec(getComputedStyle(b).cursor)[1];
      const img = new Image();
      img.src = url;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
    expect(size[0] === 24 && size[1] === 24, `cursor image is ${size.join(" x ")}`);
  }],
  ["set_moveable(false): dragging the title bar leaves the window where it is", async () => {
    const moved = await dragTitle(60, 40);
    expect(moved.dx === 0 && moved.dy === 0, `the window moved by ${JSON.stringify(moved)}`);
  }],
  ["set_moveable(true) from a handler: the same drag moves it", async () => {
    labelBeforeMove = await page.getByText("Both colors", { exact: true }).evaluate((s) => {
      const r = s.closest(".pgw-widget").getBoundingClientRect();
      return { x: r.left, y: r.top };
    });
    await page.getByRole("button", { name: "Allow moving" }).click();
    await page.getByRole("button", { name: "Moving allowed" }).waitFor({ state: "visible", timeout: 5000 });
    const moved = await dragTitle(60, 40);
    expect(Math.abs(moved.dx - 60) <= 2 && Math.abs(moved.dy - 40) <= 2, `the window moved by ${JSON.stringify(moved)}`);
  }],
  ["get_position answers where the widget is in the viewport, as pgwidgets does", async () => {
    // Asked by the same handler, before the window moved.
    const text = await page.getByText(/^position /).textContent();
    const [x, y] = text.split(" ").slice(1).map(Number);
    const box = labelBeforeMove;
    expect(Math.abs(box.x - x) <= 1 && Math.abs(box.y - y) <= 1,
      `get_position said ${x}, ${y}; the label was drawn at ${box.x}, ${box.y}`);
  }],
  ...closingChecks(app),
]);
finish(app, ok);
