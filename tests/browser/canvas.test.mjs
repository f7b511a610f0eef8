// Browser test: a Canvas drawn from C++ with a pgw::DisplayList, in
// headless Chromium against tests/browser/canvas_app.cpp. Reads pixels back
// (getImageData) at known points: a filled rectangle, a 1-pixel line, a
// translated square, text, an arc, a polyline, a PNG sent as bytes; on a
// deviceScaleFactor 2 page the backing store is twice the CSS size and the
// line stays two device pixels wide; a reload draws the kept list again;
// a pointer press reaches C++ with canvas coordinates; pgwidgets'
// draw_image draws a data: URL; a bad list is an error the program's error
// handler gets, and the page keeps its picture and keeps working. Waits for
// conditions, never for time.
// usage: node canvas.test.mjs --binary build/tests/canvas_app
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 700 } });
const { server, page } = app;

const RED = [255, 0, 0];
const BLUE = [0, 0, 255];
const GREEN = [0, 160, 0];
const ORANGE = [255, 128, 0];
const MAGENTA = [255, 0, 255];
const CYAN = [0, 255, 255];
const YELLOW = [255, 255, 0];
const CLEAR = [0, 0, 0, 0];

// The pixel at CSS point (x, y) of the page's canvas: [r, g, b, a].
function pixel(p, x, y) {
  return p.evaluate(([x, y]) => {
    const c = document.querySelector(".pgw-canvas canvas");
    const dpr = c.width / c.clientWidth;
    return [...c.getContext("2d").getImageData(Math.floor(x * dpr), Math.floor(y * dpr), 1, 1).data];
  }, [x, y]);
}

const same = (px, rgb) => rgb.every((v, i) => Math.abs(px[i] - v) <= 2) && (rgb.length === 4 || px[3] === 255);

// Waits until the pixel at (x, y) is `rgb` (the list is drawn in an animation frame).
async function waitPixel(p, x, y, rgb, what) {
  await p.waitForFunction(([x, y, rgb]) => {
    const c = document.querySelector(".pgw-canvas canvas");
    if (!c || !c.width) return false;
    const dpr = c.width / c.clientWidth;
    const d = c.getContext("2d").getImageData(Math.floor(x * dpr), Math.floor(y * dpr), 1, 1).data;
    return rgb.every((v, i) => Math.abs(d[i] - v) <= 2) && (rgb.length === 4 || d[3] === 255);
  }, [x, y, rgb], { timeout: 5000, polling: "raf" }).catch(async () => {
    throw new Error(`${what}: pixel (${x}, ${y}) is ${await pixel(p, x, y)}, expected ${rgb}`);
  });
}

// Every check of the first picture.
async function checkPicture(p) {
  await waitPixel(p, 35, 30, RED, "fill_rect");
  await waitPixel(p, 100, 50, BLUE, "a 1-px line at x 100.5");
  await waitPixel(p, 210, 30, GREEN, "the square translated by (200, 20)");
  expect(same(await pixel(p, 5, 5), CLEAR), `untranslated corner drawn: ${await pixel(p, 5, 5)}`);
  await waitPixel(p, 300, 200, ORANGE, "the arc's centre");
  await waitPixel(p, 325, 200, ORANGE, "inside the arc's edge");
  expect(same(await pixel(p, 335, 200), CLEAR), `outside the arc (radius 30): ${await pixel(p, 335, 200)}`);
  await waitPixel(p, 80, 250, MAGENTA, "the polyline's first segment");
  await waitPixel(p, 150, 270, MAGENTA, "the polyline's second segment");
  await waitPixel(p, 350, 40, CYAN, "the PNG sent as bytes, scaled to 40 x 40");
  const inked = await p.evaluate(() => {
    const c = document.querySelector(".pgw-canvas canvas");
    const dpr = c.width / c.clientWidth;
    const d = c.getContext("2d").getImageData(20 * dpr, 126 * dpr, 40 * dpr, 26 * dpr).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 128) n++;
    return n;
  });
  expect(inked > 50, `the text "Hi" left ${inked} inked pixels in its box`);
}

async function reload(p) {
  await p.reload({ waitUntil: "commit" });
  await p.waitForFunction(() => window.pgwidgets?.state.rebuilds === 1 && window.pgwidgets.state.connection === "open",
    null, { timeout: 10000, polling: "raf" });
}

const report = () => page.locator('[data-pgw-class="Label"][title="what the handlers got"]');

const ok = await runChecks([
  ["the display list draws: rectangle, line, transform, text, arc, polyline, image", async () => {
    await page.goto(server.url);
    await page.locator(".pgw-canvas canvas").waitFor({ state: "visible", timeout: 10000 });
    await checkPicture(page);
  }],
  ["at devicePixelRatio 1 the backing store is the CSS size", async () => {
    const s = await page.locator(".pgw-canvas canvas").evaluate((c) => [c.width, c.height, c.clientWidth, c.clientHeight]);
    expect(s[0] === 400 && s[1] === 300 && s[2] === 400 && s[3] === 300, `canvas ${s}`);
  }],
  ["a reload draws the kept display list again", async () => {
    await reload(page);
    await checkPicture(page);
  }],
  ["a pointer press reaches C++ with canvas coordinates (CSS pixels)", async () => {
    const box = await page.locator(".pgw-canvas").boundingBox();
    await page.mouse.click(box.x + 123, box.y + 45);
    await page.waitForFunction(() => document.querySelector('[title="what the handlers got"]')?.textContent === "down 123 45 button 1",
      null, { timeout: 5000 }).catch(async () => { throw new Error(`report: ${await report().textContent()}`); });
  }],
  ["pgwidgets' draw_image draws a data: URL over the picture", async () => {
    await page.getByRole("button", { name: "Stamp" }).click();
    await waitPixel(page, 370, 260, YELLOW, "draw_image");
    await waitPixel(page, 35, 30, RED, "the picture under it");
  }],
  ["a bad display list is a clear error, and the page keeps its picture and works on", async () => {
    await page.getByRole("button", { name: "Bad list" }).click();
    const deadline = Date.now() + 5000;
    while (!/canvas_app error: .*display list op 0 \(arc\): takes 5 numbers/.test(server.stderr())) {
      if (Date.now() > deadline) throw new Error(`no error reported; stderr:\n${server.stderr()}`);
      await page.waitForTimeout(50);
    }
    await waitPixel(page, 35, 30, RED, "the picture after the refused list");
    await page.getByRole("button", { name: "Green" }).click();
    await waitPixel(page, 35, 30, [0, 200, 0], "a good list after the bad one");
    await reload(page);
    await waitPixel(page, 300, 200, [0, 200, 0], "the good list kept for the reload");
  }],
  ["at deviceScaleFactor 2 the backing store is twice the CSS size and a 1-px line stays sharp", async () => {
    const hi = await app.newPage({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
    await hi.goto(server.url);
    await hi.locator(".pgw-canvas canvas").waitFor({ state: "visible", timeout: 10000 });
    await checkPicture(hi);
    const s = await hi.locator(".pgw-canvas canvas").evaluate((c) => [c.width, c.height, c.clientWidth, c.clientHeight]);
    expect(s[0] === 2 * s[2] && s[1] === 2 * s[3] && s[2] === 400, `canvas ${s} at DPR 2`);
    // The line at CSS x 100.5, width 1, covers device columns 200 and 201 fully, 199 and 202 not at all.
    const row = await hi.evaluate(() => {
      const c = document.querySelector(".pgw-canvas canvas");
      return [...c.getContext("2d").getImageData(198, 100, 6, 1).data].filter((_, i) => i % 4 === 3);
    });
    expect(row.join() === "0,0,255,255,0,0", `alpha across the line at DPR 2: ${row}`);
    await hi.close();
  }],
  ...closingChecks(app),
]);
finish(app, ok);
