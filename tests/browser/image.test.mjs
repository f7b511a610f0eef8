// Browser test: Image and binary streams, in headless Chromium against
// tests/browser/image_app.cpp. A picture by data: URL, a PNG and a JPEG by
// set_binary_image (their natural sizes, and the bytes the page holds
// hashed like the program's), a 2.3 MB PNG that travels in chunks arriving
// intact while a Ping click during it is served promptly (latency printed),
// a reload that shows the last image again, interactive events reaching the
// C++ handlers, and a burst of 120 frames of which the page ends on the
// last, with frames dropped and memory bounded. Waits for conditions,
// never for time.
// usage: node image.test.mjs --binary build/tests/image_app
import { closingChecks, eventually, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 700 } });
const { server, page } = app;

const report = () => page.locator('[data-pgw-class="Label"][title="report"]');
const picture = '[data-pgw-name="picture"]';
const stream = '[data-pgw-name="stream"]';

async function reported(re) {
  await page.waitForFunction((src) => {
    const e = document.querySelector('[data-pgw-class="Label"][title="report"]');
    return e && new RegExp(src).test(e.textContent);
  }, re.source, { timeout: 10000 }).catch(async () => {
    throw new Error(`report is "${await report().textContent()}", expected ${re}`);
  });
  return re.exec(await report().textContent());
}

// Waits until the <img> has loaded a picture of w x h; returns the FNV-1a
// of the bytes behind its src (a blob: or data: URL), as the program hashed them.
async function shown(selector, w, h) {
  await page.waitForFunction(([sel, w, h]) => {
    const img = document.querySelector(sel);
    return img && img.complete && img.naturalWidth === w && img.naturalHeight === h;
  }, [selector, w, h], { timeout: 10000 }).catch(async () => {
    const got = await page.locator(selector).evaluate((e) => `${e.naturalWidth}x${e.naturalHeight} complete ${e.complete}`);
    throw new Error(`${selector} shows ${got}, expected ${w}x${h}`);
  });
  return hashOf(selector);
}

async function hashOf(selector) {
  return page.locator(selector).evaluate(async (img) => {
    const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
    let h = 2166136261;
    for (const b of bytes) h = Math.imul(h ^ b, 16777619) >>> 0;
    return { hash: h.toString(16).padStart(8, "0"), size: bytes.length };
  });
}

const click = (name) => page.getByRole("button", { name, exact: true }).click();

async function reload() {
  await page.reload({ waitUntil: "commit" });
  await page.waitForFunction(() => window.pgwidgets?.state.connection === "open" && window.pgwidgets.state.rebuilds >= 1,
    null, { timeout: 10000, polling: "raf" });
}

const ok = await runChecks([
  ["set_image by data: URL shows the picture", async () => {
    await page.goto(server.url);
    await page.locator(picture).waitFor({ state: "attached", timeout: 10000 });
    await click("URL");
    await reported(/^url 30x20$/);
    await shown(picture, 30, 20);
  }],
  ["set_binary_image shows a PNG and a JPEG, byte for byte", async () => {
    await click("PNG");
    const m = await reported(/^png 64x48 (\d+) ([0-9a-f]{8})$/);
    const got = await shown(picture, 64, 48);
    expect(got.hash === m[2] && got.size === +m[1], `page holds ${JSON.stringify(got)}, program sent ${m[1]} bytes ${m[2]}`);
    await click("JPEG");
    const j = await reported(/^jpeg (1280x720 (\d+) ([0-9a-f]{8})|unavailable)$/);
    if (j[1] === "unavailable") {
      console.log("# JPEG: the app was built without libjpeg; skipped");
      return;
    }
    const gotj = await shown(picture, 1280, 720);
    expect(gotj.hash === j[3] && gotj.size === +j[2], `page holds ${JSON.stringify(gotj)}, program sent ${j[2]} bytes ${j[3]}`);
  }],
  ["a 2.3 MB picture arrives intact in chunks, and a click during its transfer is served promptly", async () => {
    const before = await page.evaluate(() => window.pgwidgets.state.framesReceived ?? 0);
    await click("Big");
    // Ping at once, while the picture's chunks are on their way.
    const t0 = Date.now();
    await click("Ping");
    await page.waitForFunction(() => /^pong 1$/.test(document.querySelector('[title="pong"]')?.textContent ?? ""),
      null, { timeout: 10000, polling: "raf" });
    const latency = Date.now() - t0;
    const m = await reported(/^big 900x860 (\d+) ([0-9a-f]{8}) chunked (\d+)$/);
    expect(+m[3] >= 1, `the session sent ${m[3]} chunked messages`);
    const got = await shown(picture, 900, 860);
    expect(got.hash === m[2] && got.size === +m[1], `page holds ${JSON.stringify(got)}, program sent ${m[1]} bytes ${m[2]}`);
    console.log(`# ping during a ${m[1]}-byte image: answered in ${latency} ms`);
    expect(latency < 3000, `the ping took ${latency} ms`);
    void before;
  }],
  ["a reload shows the last picture again", async () => {
    const m = /^big 900x860 (\d+) ([0-9a-f]{8})/.exec(await report().textContent());
    await reload();
    const got = await shown(picture, 900, 860);
    expect(got.hash === m[2], `after the reload the page holds ${JSON.stringify(got)}, expected ${m[2]}`);
  }],
  ["interactive events reach the C++ handlers", async () => {
    const box = await page.locator(picture).boundingBox();
    await page.mouse.click(box.x + 25, box.y + 15);
    const c = await reported(/^click (\d+) (\d+)$/);
    expect(Math.abs(+c[1] - 25) <= 1 && Math.abs(+c[2] - 15) <= 1, `the handler got ${c[1]}, ${c[2]}`);
    await page.locator(picture).focus();
    await page.keyboard.press("q");
    await reported(/^key q$/);
  }],
  ["a burst of 120 frames ends on the last one, with frames dropped and memory bounded", async () => {
    await click("Burst");
    const m = await reported(/^burst 120 ([0-9a-f]{8}) dropped (\d+) held (\d+) rss\+ (-?\d+)$/);
    console.log(`# burst: ${m[0]}`);
    expect(+m[2] > 0, `no frame was dropped (${m[0]})`);
    expect(+m[3] <= 1, `${m[3]} frames held`);
    // 120 frames of 173 KB queued would be 20 MB; one held is 173 KB.
    expect(+m[4] < 8 * 1024, `the server grew by ${m[4]} KiB`);
    await eventually(() => hashOf(stream), (shown) => shown.hash === m[1], `want the last frame ${m[1]}, the stream shows`,
      { timeout: 10000 });
    const shownCount = await page.locator(stream).evaluate((e) => +e.dataset.framesShown);
    console.log(`# burst: the page showed ${shownCount} of 120 frames`);
    expect(shownCount < 120, `the page showed all ${shownCount} frames`);
  }],
  ...closingChecks(app),
]);
finish(app, ok);
