// Browser test: FileDialog against tests/browser/files_app.cpp, in headless
// Chromium. A 20 MiB file (deterministic pseudo-random bytes) picked with
// the real file chooser reaches the C++ handler chunk by chunk: its SHA-256
// computed there must equal the file's, progress and activated must report
// it, the server's resident memory must grow far less than the file, and a
// click during the upload must be served promptly. Then: a download's
// bytes and name; a file one byte over max_upload_bytes refused with a
// notice in the page and an error in C++, the session working on; a page
// closed mid-upload, after which the server has freed the upload and no
// handler is left running. Prints the upload's throughput and memory.
// usage: node files.test.mjs --binary build/tests/files_app
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 800, height: 600 } });
const { page } = app;
const MiB = 1024 * 1024;
const LIMIT = 20 * MiB;  // files_app's max_upload_bytes

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pgw-files-"));
// xorshift32 bytes: the same file every run.
function writeFile(name, size, seed) {
  const buf = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    buf.writeUInt32LE(x, i <= size - 4 ? i : 0);
    if (i > size - 4) for (let j = i; j < size; j++) buf[j] = x & 0xff;
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, buf);
  return { file, sha: crypto.createHash("sha256").update(buf).digest("hex"), size };
}

const label = (p, title) => p.locator(`[data-pgw-class="Label"][title="${title}"]`);
async function labelMatches(p, title, re, timeout = 20000) {
  await p.waitForFunction(([t, src]) => {
    const e = document.querySelector(`[data-pgw-class="Label"][title="${t}"]`);
    return e && new RegExp(src).test(e.textContent);
  }, [title, re.source], { timeout }).catch(async () => {
    throw new Error(`${title} is "${await label(p, title).textContent()}", expected ${re}`);
  });
  return re.exec(await label(p, title).textContent());
}

async function pick(p, file) {
  const [chooser] = await Promise.all([
    p.waitForEvent("filechooser", { timeout: 5000 }),
    p.getByRole("button", { name: "Open" }).click(),
  ]);
  await chooser.setFiles(file);
}

async function opened(p) {
  await p.goto(app.server.url);
  await p.waitForFunction(() => window.pgwidgets?.state.connection === "open", null, { timeout: 10000 });
  await p.getByRole("button", { name: "Open" }).waitFor({ timeout: 5000 });
}

const big = writeFile("big.bin", LIMIT, 12345);
let pings = 0;

const ok = await runChecks([
  ["a 20 MiB file reaches the C++ handler whole (SHA-256), with progress, and the UI stays live", async () => {
    await opened(page);
    // Clicked with the real mouse where the button is: playwright's click()
    // waits for the page's layout to hold still, which the progress label's
    // updates keep moving.
    const pingBox = await page.getByRole("button", { name: "Ping" }).boundingBox();
    const t0 = Date.now();
    await pick(page, big.file);
    // A click while the upload runs is served promptly.
    await page.waitForFunction(() => window.pgwidgets.state.uploads === 1, null, { timeout: 5000 });
    // Timed in the page: from the click's event to the handler's new text.
    await page.evaluate(() => {
      const t = window.__pgwPing = { clicked: 0, answered: 0 };
      const btn = [...document.querySelectorAll('[data-pgw-class="Button"]')].find((b) => b.textContent === "Ping");
      btn.addEventListener("click", () => { t.clicked = performance.now(); }, { capture: true });
      const lab = document.querySelector('[data-pgw-class="Label"][title="pings"]');
      new MutationObserver(() => {
        if (t.answered) return;
        t.answered = performance.now();
        t.uploads = window.pgwidgets.state.uploads;
      })
        .observe(lab, { childList: true, characterData: true, subtree: true });
    });

    await page.mouse.click(pingBox.x + pingBox.width / 2, pingBox.y + pingBox.height / 2);
    await labelMatches(page, "pings", /^pings 1$/, 5000);
    const t = await page.evaluate(() => window.__pgwPing);
    const clickMs = Math.round(t.answered - t.clicked);

    pings = 1;
    const during = t.uploads;
    const m = await labelMatches(page, "report", /^upload big\.bin (\S+) (\d+)\/(\d+) ([0-9a-f]{64}) chunks=(\d+) fast_bytes=(\d+) rss_growth_kb=(-?\d+) ms=(\d+)$/, 60000);
    const wallMs = Date.now() - t0;
    expect(+m[2] === big.size && +m[3] === big.size, `the handler read ${m[2]} of ${m[3]} bytes`);
    expect(m[4] === big.sha, `SHA-256 in C++ ${m[4]}, the file's ${big.sha}`);
    expect(+m[5] === LIMIT / (256 * 1024), `${m[5]} chunks`);
    await labelMatches(page, "progress", new RegExp(`^progress big\\.bin ${big.size}/${big.size} n=${m[5]} file 1/1$`));
    await labelMatches(page, "activated", new RegExp(`^activated 1 big\\.bin:${big.size}:application/octet-stream$`));
    // files_app reads big.bin a chunk per 100 ms until the ping is answered
    // (so the click always finds the upload running), then at full speed:
    // the throughput is that of the part after the ping.
    const fastBytes = +m[6], growthKb = +m[7], fastMs = +m[8];
    const mbps = fastBytes / MiB / (Math.max(fastMs, 1) / 1000);
    console.log(`# upload: ${(fastBytes / MiB).toFixed(1)} MiB after the ping in ${fastMs} ms in the handler (${mbps.toFixed(1)} MB/s), ` +
                `20 MiB ${wallMs} ms from the click; ` +
                `server RSS growth ${growthKb} KiB; a click during it answered in ${clickMs} ms (uploads then: ${during})`);
    expect(during === 1, "the upload was over before the click was answered: nothing was shown");
    expect(clickMs < 1000, `the click took ${clickMs} ms during the upload`);
    expect(growthKb < 8 * 1024, `the server's memory grew ${growthKb} KiB during a 20 MiB upload`);
    const st = await page.evaluate(() => window.pgwidgets.state);
    expect(st.uploads === 0 && st.uploadChunksSent === +m[5], `page: ${st.uploads} uploads, ${st.uploadChunksSent} chunks sent`);
  }],
  ["save() downloads the program's bytes under its file name", async () => {
    const download = page.waitForEvent("download", { timeout: 5000 });
    await page.getByRole("button", { name: "Save" }).click();
    const d = await download;
    expect(d.suggestedFilename() === "hello.bin", `file name ${d.suggestedFilename()}`);
    const got = fs.readFileSync(await d.path());
    const want = Buffer.alloc(100000);
    for (let i = 0; i < want.length; i++) want[i] = (i * 7 + 3) % 251;
    expect(got.equals(want), `downloaded ${got.length} bytes, not the program's 100000`);
  }],
  ["a file one byte over max_upload_bytes is refused in the page and in C++; the session works on", async () => {
    const over = writeFile("toobig.bin", LIMIT + 1, 777);
    await pick(page, over.file);
    await page.locator(".pgw-banner-text", { hasText: "toobig.bin" }).waitFor({ timeout: 5000 });
    const banner = await page.locator(".pgw-banner-text", { hasText: "toobig.bin" }).textContent();
    expect(/larger than the server accepts \(20971520 bytes, max_upload_bytes\)/.test(banner), `banner: ${banner}`);
    await labelMatches(page, "report", /^upload-error toobig\.bin: .*larger than the server accepts/);
    await page.locator(".pgw-banner-close").first().click();  // it covers the buttons
    expect(/toobig\.bin.*max_upload_bytes/.test(app.server.stderr()), `stderr: ${app.server.stderr()}`);
    const sent = await page.evaluate(() => window.pgwidgets.state.uploadChunksSent);
    expect(sent === LIMIT / (256 * 1024), `the page sent ${sent} chunks in all: some of the refused file went`);
    await page.getByRole("button", { name: "Ping" }).click();
    await labelMatches(page, "pings", new RegExp(`^pings ${++pings}$`), 5000);
    // The session takes a file again after the refusal.
    const small = writeFile("small.txt", 1000, 5);
    await pick(page, small.file);
    const m = await labelMatches(page, "report", /^upload small\.txt (\S+) (\d+)\/(\d+) ([0-9a-f]{64}) /);
    expect(m[4] === small.sha && m[1] === "text/plain", `small.txt: ${m[0]}`);
  }],
  ["a page closed mid-upload: the server frees the upload and its handler ends", async () => {
    const slow = writeFile("slow.bin", 4 * MiB, 99);
    const p2 = await app.newPage();
    await opened(p2);
    await pick(p2, slow.file);
    await labelMatches(p2, "progress", /^progress slow\.bin (\d+)\/\d+ n=[2-9]/, 10000);
    await p2.close();
    await page.waitForTimeout(0);
    await page.getByRole("button", { name: "Status" }).click();
    const m = await labelMatches(page, "report", /^status running=(\d+) errors=(\d+) after=(\S+) last=(.*)$/, 5000);
    // The click may beat the close's news: ask again until the handler ended.
    let s = m;
    for (let i = 0; i < 50 && (s[1] !== "0" || s[2] !== "2"); i++) {
      await page.waitForTimeout(100);
      await page.getByRole("button", { name: "Status" }).click();
      s = await labelMatches(page, "report", /^status running=(\d+) errors=(\d+) after=(\S+) last=(.*)$/, 5000);
    }
    expect(s[1] === "0", `${s[1]} upload handlers still running after the page closed`);
    expect(s[2] === "2", `${s[2]} handlers failed (the refused file, then the closed page's)`);
    expect(s[3] === "0/0", `after the browser left the session held ${s[3]} (uploads/bytes)`);
    expect(/slow\.bin.*left/.test(s[4]), `the handler's error: ${s[4]}`);
  }],
  ...closingChecks(app),
]);
fs.rmSync(dir, { recursive: true, force: true });
finish(app, ok);
