// Browser test: HtmlView and ExternalWidget in headless Chromium against
// tests/browser/html_app.cpp. Untrusted HTML (the default) must not run
// anything (<script>, onerror, javascript: links clicked, SVG scripts), must
// not submit a form (no navigation, no request), and its CSS must not reach
// the page's widgets nor the page's CSS its content; a trusted_html view
// runs its scripts. The HTML is server state: append_html / set_html /
// clear answer get_html and survive a reload. Also the application's
// features: a registered font used by a label (also after a reload and in
// a new browser), set_default_font, the icon, open_url's popup.
// usage: node html.test.mjs --binary build/tests/html_app
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ viewport: { width: 900, height: 700 } });
const { server, page } = app;

const report = () => page.locator('[data-pgw-class="Label"][title="what the handlers got"]');
const button = (text) => page.locator('[data-pgw-class="Button"]', { hasText: text });

// The handlers' report; `title` "what scrolled said" is the scrolled handler's own.
async function reported(re, title = "what the handlers got") {
  const label = page.locator(`[data-pgw-class="Label"][title="${title}"]`);
  await page.waitForFunction(([src, t]) => {
    const e = document.querySelector(`[data-pgw-class="Label"][title="${t}"]`);
    return e && new RegExp(src).test(e.textContent);
  }, [re.source, title], { timeout: 5000 }).catch(async () => {
    throw new Error(`report "${title}" is "${await label.textContent()}", expected ${re}`);
  });
  return re.exec(await label.textContent());
}

async function reload(p = page) {
  await p.reload({ waitUntil: "commit" });
  await p.waitForFunction(() => window.pgwidgets?.state.rebuilds === 1 && window.pgwidgets.state.connection === "open",
    null, { timeout: 10000, polling: "raf" });
  await p.locator("#first, #set, .more").first().waitFor({ state: "attached", timeout: 5000 }).catch(() => {});
}

// The shadow root of the HtmlView with this tooltip: what the page put in it.
const shadowOf = (title) => page.evaluate((t) => {
  const host = document.querySelector(`[title="${t}"] .pgw-htmlview-content`);
  const root = host?.shadowRoot;
  return root ? { html: root.innerHTML, hasRoot: true } : { html: host?.innerHTML ?? "", hasRoot: false };
}, title);

const requests = [];
page.on("request", (r) => requests.push(r.url()));
let navigations = 0;
page.on("framenavigated", (f) => { if (f === page.mainFrame()) navigations++; });

const ok = await runChecks([
  ["the views show their HTML: the main view, the hostile view's text, the external content", async () => {
    await page.goto(server.url);
    await page.locator("#first").waitFor({ state: "visible", timeout: 10000 });
    await page.locator("#hostile-text").waitFor({ state: "visible", timeout: 5000 });
    await page.locator("#ext-text").waitFor({ state: "attached", timeout: 5000 });
  }],
  ["trusted_html runs what it holds: its <script> and its onerror", async () => {
    await page.waitForFunction(() => window.__pgwTrusted === 1 && window.__pgwTrustedImg === 1, null, { timeout: 5000 });
    const t = await shadowOf("trusted view");
    expect(!t.hasRoot && t.html.includes("trusted-text"), "the trusted view is in the page's own tree");
  }],
  ["untrusted HTML runs nothing: no <script>, onerror, SVG script or onload; the image did fail", async () => {
    // The hostile image failed to load as the trusted one did (its handler just did not run).
    await page.waitForFunction(() => {
      const root = document.querySelector('[title="hostile view"] .pgw-htmlview-content')?.shadowRoot;
      const img = root?.querySelector("#bad-img");
      return img && img.complete;
    }, null, { timeout: 5000 });
    expect(await page.evaluate(() => window.__pgwXss) === undefined, `ran: ${await page.evaluate(() => window.__pgwXss)}`);
    const h = await shadowOf("hostile view");
    expect(h.hasRoot, "the hostile view is not in a shadow root");
    for (const bad of ["<script", "onerror", "onload", "javascript:", "<form", "<iframe", "formaction", "action="]) {
      expect(!h.html.toLowerCase().includes(bad), `the hostile view still holds ${bad}: ${h.html}`);
    }
    const ext = await page.evaluate(() => document.querySelector(".pgw-externalwidget-content")?.shadowRoot?.innerHTML ?? "");
    expect(ext.includes("ext-text") && !ext.includes("onerror"), `external content: ${ext}`);
  }],
  ["javascript: links, clicked, do nothing (in HTML and in SVG)", async () => {
    const before = page.url();
    await page.locator("#js-link").click();
    const svgLink = page.locator("#svg-link");
    if (await svgLink.count()) await svgLink.click({ force: true });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.evaluate(() => window.__pgwXss) === undefined, `ran: ${await page.evaluate(() => window.__pgwXss)}`);
    expect(page.url() === before, `navigated to ${page.url()}`);
    expect(await page.locator("#web-link").getAttribute("target") === "_blank", "a web link would replace the app");
  }],
  ["a <form> posting elsewhere, submitted, sends nothing and navigates nowhere", async () => {
    const before = page.url();
    const navs = navigations;
    await page.locator("#steal-input").focus();
    await page.keyboard.press("Enter");
    await page.evaluate(() => {
      const root = document.querySelector('[title="hostile view"] .pgw-htmlview-content').shadowRoot;
      root.querySelector("#steal-submit")?.click();
    });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    expect(!requests.some((u) => u.includes("steal.invalid")), `requests: ${requests.filter((u) => u.includes("steal"))}`);
    expect(navigations === navs && page.url() === before, `navigated to ${page.url()}`);
  }],
  ["the view's CSS stays inside: the page's buttons are shown and its label is not red", async () => {
    expect(await button("Append").isVisible(), "the page's button was hidden by the view's <style>");
    const color = await report().evaluate((e) => getComputedStyle(e).color);
    expect(color !== "rgb(255, 0, 0)", `the page's label is ${color}`);
    // Inside the view its own CSS applies.
    const inside = await page.locator("#hostile-text").evaluate((e) => getComputedStyle(e).color);
    expect(inside === "rgb(255, 0, 0)", `the view's own style did not apply inside it: ${inside}`);
  }],
  ["the page's CSS does not style the view's content (a trusted view's it does)", async () => {
    await page.addStyleTag({ content: "p { color: rgb(0, 0, 255) !important; font-size: 40px !important; }" });
    const first = await page.locator("#first").evaluate((e) => getComputedStyle(e).color);
    expect(first !== "rgb(0, 0, 255)", `the page's CSS styled the untrusted view: ${first}`);
    const trusted = await page.locator("#trusted-text").evaluate((e) => getComputedStyle(e).color);
    expect(trusted === "rgb(0, 0, 255)", `the trusted view should take the page's CSS: ${trusted}`);
  }],
  ["append_html adds at the end; get_html (the server's) holds it", async () => {
    const before = (await shadowOf("main view")).html.length;
    await button("Append").click();
    const m = await reported(/^appended \| (\d+) /);
    expect(await page.locator(".more").count() === 1, "no appended paragraph");
    await button("Append").click();
    await reported(/^appended \| \d+ /);
    await page.locator(".more").nth(1).waitFor({ state: "attached", timeout: 5000 });
    expect(Number(m[1]) > 0 && (await shadowOf("main view")).html.length > before, "nothing appended");
  }],
  ["a reload shows the appended HTML once, in order (the server kept the HTML, not the calls)", async () => {
    await reload();
    await page.locator(".more").nth(1).waitFor({ state: "attached", timeout: 5000 });
    const texts = await page.locator(".more").allTextContents();
    expect(JSON.stringify(texts) === JSON.stringify(["more 1", "more 2"]), `after reload: ${texts}`);
    expect(await page.locator("#first").count() === 1, "the constructor's HTML is gone or doubled");
  }],
  ["scroll_to_bottom fires scrolled; the server's get_scroll_position agrees; a reload keeps it", async () => {
    await button("Bottom").click();
    const m = await reported(/^scrolled ([\d.]+) ([\d.]+) \| ([\d.]+) ([\d.]+)/, "what scrolled said");
    expect(m[2] === "1.000" && m[4] === "1.000", `scrolled: ${m[0]}`);
    await reload();
    await page.waitForFunction(() => {
      const v = document.querySelector('[title="main view"] .pgw-htmlview-viewport');
      return v && v.scrollTop > 0 && Math.abs(v.scrollTop - (v.scrollHeight - v.clientHeight)) <= 2;
    }, null, { timeout: 5000 });
  }],
  ["set_html replaces, clear empties; a reload agrees", async () => {
    await button("Set").click();
    await reported(/^set \| \d+ <p id="set">/);
    expect(await page.locator("#set").count() === 1 && await page.locator(".more").count() === 0, "set_html did not replace");
    await button("Clear").click();
    await reported(/^cleared \| 0 empty/);
    await reload();
    expect(await page.locator("#set, #first, .more").count() === 0, "a cleared view came back with HTML");
  }],
  ["a registered font: the label uses it, after a reload too", async () => {
    await page.waitForFunction(() => document.fonts.check("14pt PgwTestSerif"), null, { timeout: 5000 });
    const family = await page.locator('[title="font sample"]').evaluate((e) => getComputedStyle(e).fontFamily);
    expect(family.includes("PgwTestSerif"), `the label's font: ${family}`);
    const status = await page.evaluate(async () => {
      const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, "") === "PgwTestSerif");
      await Promise.all(faces.map((f) => f.loaded));
      return faces.map((f) => f.status);
    });
    expect(status.length === 1 && status[0] === "loaded", `font faces: ${status}`);
  }],
  ["a new browser gets the font and the icon too", async () => {
    const other = await app.newPage();
    await other.goto(server.url);
    await other.locator("#first").waitFor({ state: "attached", timeout: 10000 });
    await other.waitForFunction(() => document.fonts.check("14pt PgwTestSerif") &&
      [...document.fonts].some((f) => f.family.replace(/"/g, "") === "PgwTestSerif" && f.status === "loaded"),
    null, { timeout: 5000 });
    const href = await other.evaluate(() => document.querySelector("link[rel~='icon']").getAttribute("href"));
    expect(href === "/favicon.ico?v=1", `icon link: ${href}`);
    await other.close();
  }],
  ["set_favicon: the page's icon link and /favicon.ico serve the program's image", async () => {
    const href = await page.evaluate(() => document.querySelector("link[rel~='icon']").getAttribute("href"));
    expect(href === "/favicon.ico?v=1", `icon link: ${href}`);
    const body = await page.evaluate(async () => {
      const r = await fetch("/favicon.ico");
      return `${r.headers.get("content-type")} ${await r.text()}`;
    });
    expect(body.startsWith("image/svg+xml") && body.includes('id="test"'), `favicon: ${body}`);
  }],
  ["set_default_font: every widget's font, kept for a reload", async () => {
    await button("Default font").click();
    await reported(/^default font/);
    const font = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--pgw-font"));
    expect((await font()).includes("PgwTestSerif"), `--pgw-font is ${await font()}`);
    const label = await report().evaluate((e) => getComputedStyle(e).fontFamily);
    expect(label.includes("PgwTestSerif"), `a label's font: ${label}`);
    await reload();
    expect((await font()).includes("PgwTestSerif"), `after reload --pgw-font is ${await font()}`);
  }],
  ["open_url opens a popup page at the URL", async () => {
    const [popup] = await Promise.all([page.waitForEvent("popup", { timeout: 5000 }), button("Open").click()]);
    await popup.waitForLoadState("domcontentloaded").catch(() => {});
    expect(popup.url().endsWith("/favicon.ico?opened"), `popup at ${popup.url()}`);
    await popup.close();
  }],
  ...closingChecks(app),
]);
finish(app, ok);
