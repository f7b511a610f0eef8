// Browser test: VideoWidget in headless Chromium against
// tests/browser/video_app.cpp. The clip is made here, by the browser itself
// (a canvas recorded by MediaRecorder into a ~2 s 64x64 VP8 WebM, which
// Chromium decodes), and served by the program (Application::serve_file).
// Play -> play, timeupdate, ended; pause; stop; volume -> volumechange; a
// bad URL -> error; the awaited getters agree with the page; the served
// directory refuses paths that leave it.
// usage: node video.test.mjs --binary build/tests/video_app
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const media = fs.mkdtempSync(path.join(os.tmpdir(), "pgw-video-"));
fs.writeFileSync(path.join(media, "note.txt"), "inside");
const app = await openApp({ viewport: { width: 800, height: 640 }, serverArgs: ["--media", media] });
const { server, page } = app;

const label = (title) => page.locator(`[data-pgw-class="Label"][title="${title}"]`);
const button = (text) => page.locator('[data-pgw-class="Button"]', { hasText: text });

async function until(title, re, timeout = 8000) {
  await page.waitForFunction(([t, src]) => {
    const e = document.querySelector(`[data-pgw-class="Label"][title="${t}"]`);
    return e && new RegExp(src).test(e.textContent);
  }, [title, re.source], { timeout }).catch(async () => {
    throw new Error(`${title} is "${await label(title).textContent()}", expected ${re}`);
  });
  return re.exec(await label(title).textContent());
}

async function query() {
  const before = await label("getters").textContent();
  await button("Query").click();
  await page.waitForFunction((b) => {
    const e = document.querySelector('[data-pgw-class="Label"][title="getters"]');
    return e && e.textContent !== b && e.textContent.startsWith("time");
  }, before, { timeout: 5000 });
  const text = await label("getters").textContent();
  const m = /^time (\S+) duration (\S+) paused (\d) volume (\S+) muted (\d) loop (\d) controls (\d)$/.exec(text);
  expect(m, `getters: ${text}`);
  return { time: Number(m[1]), duration: m[2], paused: m[3] === "1", volume: m[4], muted: m[5] === "1",
           loop: m[6] === "1", controls: m[7] === "1" };
}

// GET with the path sent as written (fetch and URL would resolve ".."), one
// connection each (the server closes a connection after its answer).
function rawGet(p) {
  const u = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: p, method: "GET", agent: false }, (res) => {
      let body = "";
      res.on("data", (d) => { body += d; });
      res.on("end", () => resolve({ status: res.statusCode, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const ok = await runChecks([
  ["the browser records a short WebM clip, written where the program serves it", async () => {
    await page.goto(server.url);
    await button("Load").waitFor({ state: "visible", timeout: 10000 });
    const bytes = await page.evaluate(async () => {
      const canvas = document.createElement("canvas");
      canvas.width = 64;
      canvas.height = 64;
      const ctx = canvas.getContext("2d");
      const stream = canvas.captureStream(30);
      const rec = new MediaRecorder(stream, { mimeType: "video/webm;codecs=vp8" });
      const chunks = [];
      rec.ondataavailable = (e) => chunks.push(e.data);
      const done = new Promise((r) => { rec.onstop = r; });
      rec.start();
      const t0 = performance.now();
      await new Promise((resolve) => {
        const draw = () => {
          const t = performance.now() - t0;
          ctx.fillStyle = `hsl(${(t / 4) % 360}, 80%, 50%)`;
          ctx.fillRect(0, 0, 64, 64);
          if (t < 2000) requestAnimationFrame(draw); else resolve();
        };
        draw();
      });
      rec.stop();
      await done;
      const buf = new Uint8Array(await new Blob(chunks, { type: "video/webm" }).arrayBuffer());
      return Array.from(buf);
    });
    expect(bytes.length > 500, `clip of ${bytes.length} bytes`);
    fs.writeFileSync(path.join(media, "clip.webm"), Buffer.from(bytes));
  }],
  ["a bad URL fires error", async () => {
    await button("Bad").click();
    await until("events", /error\(/);
  }],
  ["play fires play and timeupdates, and the clip plays to ended", async () => {
    await button("Load").click();
    await page.waitForFunction(() => document.querySelector("video")?.src.endsWith("/media/clip.webm"), null, { timeout: 5000 });
    await button("Play").click();
    await until("events", /error\(\S*\) play /);
    await until("events", /ticks [1-9]\d* at [\d.]+ of/);
    await until("events", /play .*ended /, 10000);
  }],
  ["the getters after the end: paused, at the end, the duration known", async () => {
    const g = await query();
    expect(g.paused, "not paused at the end");
    expect(Number.isFinite(Number(g.duration)) && Number(g.duration) > 0.5, `duration ${g.duration}`);
    expect(Math.abs(g.time - Number(g.duration)) < 0.2, `time ${g.time} of ${g.duration}`);
    expect(g.controls && !g.loop && !g.muted && g.volume === "1.00", `getters ${JSON.stringify(g)}`);
  }],
  ["play again, pause: pause fires and the video stays where it was", async () => {
    const plays = (await label("events").textContent()).split("play ").length;
    await button("Play").click();
    await page.waitForFunction((n) => document.querySelector('[title="events"]').textContent.split("play ").length > n,
      plays, { timeout: 5000 });
    await page.waitForFunction(() => document.querySelector("video").currentTime > 0.1, null, { timeout: 5000 });
    await button("Pause").click();
    await until("events", /play pause (\| |volume)/);
    const g = await query();
    expect(g.paused && g.time > 0.05, `after pause ${JSON.stringify(g)}`);
  }],
  ["stop goes back to the start", async () => {
    await button("Stop").click();
    await page.waitForFunction(() => document.querySelector("video").currentTime === 0, null, { timeout: 5000 });
    const g = await query();
    expect(g.paused && g.time === 0, `after stop ${JSON.stringify(g)}`);
  }],
  ["set_volume fires volumechange; the getters agree; set_loop is kept by the server", async () => {
    await button("Volume").click();
    await until("events", /volume\(0\.50\)/);
    const g = await query();
    expect(g.volume === "0.50" && g.loop, `after volume ${JSON.stringify(g)}`);
  }],
  ["a reload keeps the URL, volume and loop", async () => {
    await page.reload({ waitUntil: "commit" });
    await page.waitForFunction(() => window.pgwidgets?.state.rebuilds === 1 && window.pgwidgets.state.connection === "open",
      null, { timeout: 10000, polling: "raf" });
    await page.waitForFunction(() => {
      const v = document.querySelector("video");
      return v && v.src.endsWith("/media/clip.webm") && v.volume === 0.5 && v.loop && v.controls;
    }, null, { timeout: 5000 });
  }],
  ["serve_file serves the directory's files, and nothing outside it", async () => {
    const clip = await rawGet("/media/clip.webm");
    expect(clip.status === 200 && clip.type === "video/webm", `clip: ${clip.status} ${clip.type}`);
    const note = await rawGet("/media/note.txt");
    expect(note.status === 200 && note.body === "inside", `note: ${note.status} ${note.body}`);
    for (const p of ["/media/../etc/passwd", "/media/%2e%2e/%2e%2e/etc/passwd", "/media/..%2f..%2fetc%2fpasswd",
      "/media//etc/passwd", "/media/./note.txt", "/media/missing"]) {
      const r = await rawGet(p);
      expect(r.status === 404, `${p}: ${r.status} ${r.body.slice(0, 40)}`);
    }
  }],
  ["(the bad URL's 404 is the browser's own console line, expected here)", async () => {
    const rest = app.consoleErrors.filter((e) => !/404|no-such-clip/.test(e));
    app.consoleErrors.length = 0;
    app.consoleErrors.push(...rest);
  }],
  ...closingChecks(app),
]);
fs.rmSync(media, { recursive: true, force: true });
finish(app, ok);
