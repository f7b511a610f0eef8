// Browser test of examples/media: the live picture (an Image fed PNG
// frames by a server-side timer) keeps changing, the Canvas shows the
// plot drawn with pgw::DisplayList, the HtmlView shows the stream's
// figures, and a reload shows all three again from the server's state.
// usage: node media_example.test.mjs --binary build/examples/media --artifacts DIR
import { closingChecks, eventually, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 600 } });
const { server, page } = app;

async function until(what, fn, arg, timeout = 10000) {
  await page.waitForFunction(fn, arg, { timeout }).catch(() => { throw new Error(`timed out: ${what}`); });
}
// Frames the Image has shown (its element counts them).
const framesShown = () => page.evaluate(() => Number(document.querySelector("img[data-frames-shown]")?.dataset.framesShown ?? -1));
// Pixels of the plot's line colour (#4fc3f7) on the Canvas.
const plotPixels = () => page.evaluate(() => {
  const c = document.querySelector("canvas.pgw-canvas-surface");
  if (!c || c.width === 0) return -1;
  const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] < 120 && d[i + 1] > 150 && d[i + 2] > 200) ++n;
  return n;
});
const figures = () => page.evaluate(() => {
  const host = document.querySelector(".pgw-htmlview-content");
  return host?.shadowRoot?.textContent ?? host?.textContent ?? "";
});

const ok = await runChecks([
  ["the live picture keeps changing, at the pattern's size", async () => {
    await page.goto(server.url);
    await until("three frames shown", () => Number(document.querySelector("img[data-frames-shown]")?.dataset.framesShown ?? 0) >= 3);
    // Read between frames: while the next frame's picture loads, the <img> reports no size yet.
    await eventually(() => page.evaluate(() => {
      const img = document.querySelector("img[data-frames-shown]");
      return img.complete ? [img.naturalWidth, img.naturalHeight] : null;
    }), (size) => size !== null && size[0] !== 0, "a loaded frame's natural size, read", { interval: 5 })
      .then((size) => expect(size[0] === 320 && size[1] === 180, `natural size ${size}`));
    const before = await framesShown();
    await page.waitForTimeout(500);
    expect(await framesShown() > before, "more frames after half a second");
  }],
  ["the Canvas shows the plot drawn in C++", async () => {
    await until("the plot's line on the canvas", () => {
      const c = document.querySelector("canvas.pgw-canvas-surface");
      if (!c || c.width === 0) return false;
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 120 && d[i + 1] > 150 && d[i + 2] > 200) return true;
      return false;
    });
    const width = await page.evaluate(() => document.querySelector("canvas.pgw-canvas-surface").getBoundingClientRect().width);
    expect(Math.round(width) === 480, `the canvas is ${width} px wide`);
  }],
  ["the HtmlView shows the stream's figures", async () => {
    await until("the figures", () => {
      const host = document.querySelector(".pgw-htmlview-content");
      return /frames made: \d+/.test(host?.shadowRoot?.textContent ?? "");
    });
    expect(/frames sent to browsers: \d+/.test(await figures()), await figures());
  }],
  ["a reload shows the picture, the plot and the figures again", async () => {
    await page.reload();
    await until("a frame after the reload", () => Number(document.querySelector("img[data-frames-shown]")?.dataset.framesShown ?? 0) >= 1);
    await until("the figures after the reload", () => /frames made: \d+/.test(document.querySelector(".pgw-htmlview-content")?.shadowRoot?.textContent ?? ""), undefined, 3000);
    expect(await plotPixels() > 0, "the plot after the reload");
  }],
  ...closingChecks(app),
]);
finish(app, ok);
