// Browser test: TextSource (CodeMirror 6) in headless Chromium against
// tests/browser/textsource_app.cpp. Positions are UTF-8 byte offsets in C++
// and the text holds Latin, emoji and CJK, so every check on an offset is
// also a check of the page's conversion. Typing moves refs by their gravity
// (a right ref goes after text typed at it, a left one stays), a tag stays
// on its word, the server's copy of the text follows the typing, undo and
// redo, find and replace, a bad offset is an error, gutter icons and line
// numbers report their clicks, and a reload brings back text, tags, refs,
// cursor and scroll position. Waits for conditions, never for time.
// usage: node textsource.test.mjs --binary build/tests/textsource_app
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 700 } });
const { server, page, artifacts } = app;

const label = (title) => page.locator(`[data-pgw-class="Label"][title="${title}"]`);

// The label once its text matches `re`; its groups.
async function shows(title, re) {
  await page.waitForFunction(([t, src]) => {
    const e = document.querySelector(`[data-pgw-class="Label"][title="${t}"]`);
    return e && new RegExp(src, "u").test(e.textContent);
  }, [title, re.source], { timeout: 5000 }).catch(async () => {
    throw new Error(`${title} is "${await label(title).textContent()}", expected ${re}`);
  });
  return re.exec(await label(title).textContent());
}

async function press(name, re) {
  await page.getByRole("button", { name, exact: true }).click();
  return shows("report", re);
}

// The Offsets report: refs (R right gravity, L left), the named ref, the
// page's length, the server's copy's length, ...
const OFFSETS = /^#\d+ R=(\d+) L=(\d+) N=(\d+) len=(\d+) server=(\d+) first=(.*) find=(\d+)-(\d+) range=(.*) tags=(\S+) mark=(\d+):(\d+) named=(\w+) cursor=(\d+)$/u;
let asked = 0;
async function offsets() {
  // A fresh report each time: the program numbers them.
  const m = await press("Offsets", new RegExp(`^#${++asked} ${OFFSETS.source.slice(6)}`, "u"));
  return {
    R: +m[1], L: +m[2], N: +m[3], len: +m[4], server: +m[5], first: m[6], find: [+m[7], +m[8]], range: m[9],
    tags: m[10], mark: [+m[11], +m[12]], named: m[13], cursor: +m[14],
  };
}

// How many changes the server heard of (on_changed counts them).
async function changes() {
  return +/changes (\d+)/.exec(await label("changes").textContent())[1];
}
async function changedPast(n) {
  await page.waitForFunction((k) => {
    const e = document.querySelector('[data-pgw-class="Label"][title="changes"]');
    return e && +/changes (\d+)/.exec(e.textContent)[1] > k;
  }, n, { timeout: 5000 });
}

// The tag's drawing: the style of the element holding "world".
async function worldStyle() {
  return page.evaluate(() => {
    for (const s of document.querySelectorAll(".cm-content span")) {
      if (s.textContent === "world") {
        const cs = getComputedStyle(s);
        return { color: cs.color, weight: cs.fontWeight };
      }
    }
    return null;
  });
}

const utf8 = (s) => new TextEncoder().encode(s).length;

async function reload() {
  await page.reload({ waitUntil: "commit" });
  await page.waitForFunction(() => window.pgwidgets?.state.rebuilds === 1 && window.pgwidgets.state.connection === "open",
    null, { timeout: 10000, polling: "raf" });
  await page.locator(".pgw-textsource .cm-content").waitFor({ state: "visible", timeout: 5000 });
}

let before = null;
const ok = await runChecks([
  ["the program's offsets (UTF-8 bytes, past an emoji and CJK) land where it meant them", async () => {
    await page.goto(server.url);
    await page.locator(".pgw-textsource .cm-content").waitFor({ state: "visible", timeout: 10000 });
    const o = await offsets();
    const first = "h\u00e9llo \u{1F600} world\n";
    const world = utf8("h\u00e9llo \u{1F600} ");
    expect(o.R === world && o.L === world, `refs at ${o.R}, ${o.L}; "world" starts at byte ${world}`);
    expect(o.first === "h\u00e9llo \u{1F600} world", `first line ${o.first}`);
    expect(o.find[0] === utf8(first) && o.find[1] === utf8(first) + 9 && o.range === "\u65e5\u672c\u8a9e",
      `find gave ${o.find} "${o.range}"`);
    expect(o.N === utf8(first + "\u65e5\u672c\u8a9e ") && o.mark[0] === 1 && o.mark[1] === 10,
      `named ref at ${o.N}, line:column ${o.mark}`);
    expect(o.named === "same", "get_named_ref gave another ref");
    expect(o.tags === "kw", `tags on the 5 bytes after R: ${o.tags}`);
    expect(o.len === o.server, `the page has ${o.len} bytes, the server ${o.server}`);
    const s = await worldStyle();
    expect(s && s.color === "rgb(200, 0, 0)" && s.weight === "700", `"world" drawn ${JSON.stringify(s)}`);
  }],
  ["typing at the start moves every ref; the server's copy follows", async () => {
    const o0 = await offsets();
    const n = await changes();
    await page.locator(".cm-line").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("ab");
    await changedPast(n);
    const o = await offsets();
    expect(o.R === o0.R + 2 && o.L === o0.L + 2 && o.N === o0.N + 2, `refs ${o.R} ${o.L} ${o.N} after "ab" (were ${o0.R} ${o0.L} ${o0.N})`);
    expect(o.first.startsWith("abh\u00e9llo") && o.len === o.server, `first line ${o.first}; page ${o.len}, server ${o.server}`);
  }],
  ["text typed at a ref: right gravity goes after it, left stays; the tag stays on its word", async () => {
    const o0 = await offsets();
    await press("Cursor at world", /^cursor set$/);
    const n = await changes();
    await page.keyboard.type("X\u{1F600}");
    await changedPast(n);
    const o = await offsets();
    expect(o.R === o0.R + 5, `the right ref went to ${o.R} (was ${o0.R}; 5 bytes typed at it)`);
    expect(o.L === o0.L, `the left ref went to ${o.L} (was ${o0.L})`);
    expect(o.N === o0.N + 5 && o.len === o.server, `named ${o.N}; page ${o.len}, server ${o.server}`);
    expect(o.first.includes("X\u{1F600}world"), `first line ${o.first}`);
    expect(o.cursor === o.R, `cursor at ${o.cursor}, the right ref at ${o.R}`);
    const s = await worldStyle();
    expect(s && s.color === "rgb(200, 0, 0)", `"world" drawn ${JSON.stringify(s)} (typed text must stay outside the tag)`);
  }],
  ["undo and redo: the text and the refs go back and forth, the server follows", async () => {
    const o0 = await offsets();
    await press("Undo", /^undo done can_redo=yes$/);
    const o1 = await offsets();
    expect(o1.first !== o0.first && o1.len < o0.len && o1.len === o1.server, `after undo: ${o1.first} (${o1.len}/${o1.server})`);
    expect(o1.R < o0.R, `undo left the right ref at ${o1.R}`);
    await press("Redo", /^redo done$/);
    const o2 = await offsets();
    expect(o2.first === o0.first && o2.R === o0.R && o2.L === o0.L && o2.len === o2.server,
      `after redo: ${o2.first} R=${o2.R} L=${o2.L} (were ${o0.first} ${o0.R} ${o0.L})`);
  }],
  ["find_all and replace in one edit; a bad offset is an error at the call", async () => {
    const m = await press("Replace", /^replaced (\d+) found (\d+) first=(\d+)$/);
    // "line 1" matches lines 10..19 and 100..199.
    expect(+m[1] === 110 && +m[2] === 110, `replaced ${m[1]}, found ${m[2]}`);
    const o = await offsets();
    expect(o.len === o.server, `page ${o.len}, server ${o.server}`);
    const bad = await press("Bad offset", /^bad: (.*)$/);
    expect(/inside a character/.test(bad[1]), `a ref inside the emoji's bytes gave: ${bad[1]}`);
  }],
  ["the gutter icon and the line numbers report their clicks", async () => {
    await page.locator(".pgw-textsource-icon").first().click();
    await shows("events", /^icon 1 mark$/);
    await page.locator(".cm-lineNumbers .cm-gutterElement", { hasText: /^3$/ }).click();
    await shows("events", /^line 2$/);
  }],
  ["a reload brings back text, tags, refs, cursor and scroll position", async () => {
    await page.locator(".pgw-textsource .cm-scroller").evaluate((e) => { e.scrollTop = 1200; });
    const sc = await shows("events", /^scrolled ([\d.]+) kept ([\d.]+)$/);
    expect(+sc[1] > 0 && sc[1] === sc[2], `scrolled ${sc[1]}, get_scroll_position ${sc[2]}`);
    const top = await page.locator(".pgw-textsource .cm-scroller").evaluate((e) => e.scrollTop);
    before = await offsets();
    await page.screenshot({ path: path.join(artifacts, "textsource-before-reload.png") });
    await reload();
    await page.waitForFunction((want) => {
      const e = document.querySelector(".pgw-textsource .cm-scroller");
      return e && Math.abs(e.scrollTop - want) <= 2;
    }, top, { timeout: 5000 }).catch(async () => {
      const now = await page.locator(".pgw-textsource .cm-scroller").evaluate((e) => e.scrollTop);
      throw new Error(`after the reload scrolled to ${now}, not ${top}`);
    });
    const after = await offsets();
    for (const k of ["R", "L", "N", "len", "server", "first", "cursor", "tags", "named"]) {
      expect(String(after[k]) === String(before[k]), `${k}: ${after[k]} after the reload, ${before[k]} before`);
    }
    expect(after.mark.join() === before.mark.join(), `mark at ${after.mark}, was ${before.mark}`);
    await page.locator(".pgw-textsource .cm-scroller").evaluate((e) => { e.scrollTop = 0; });
    const s = await worldStyle();
    expect(s && s.color === "rgb(200, 0, 0)", `after the reload "world" is drawn ${JSON.stringify(s)}`);
    // The editor draws the lines scrolled back into view on its next frame: wait for the icon's.
    await page.locator(".pgw-textsource-icon").first().waitFor({ state: "attached", timeout: 5000 }).catch(() => undefined);
    expect(await page.locator(".pgw-textsource-icon").count() === 1, "the icon is gone after the reload");
    await page.screenshot({ path: path.join(artifacts, "textsource-after-reload.png") });
  }],
  ["typing after the reload still moves the refs", async () => {
    const o0 = await offsets();
    const n = await changes();
    await page.locator(".cm-line").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("\u65e5");
    await changedPast(n);
    const o = await offsets();
    expect(o.R === o0.R + 3 && o.L === o0.L + 3 && o.N === o0.N + 3 && o.len === o.server,
      `refs ${o.R} ${o.L} ${o.N} (were ${o0.R} ${o0.L} ${o0.N}); page ${o.len}, server ${o.server}`);
  }],
  ...closingChecks(app),
]);
finish(app, ok);
