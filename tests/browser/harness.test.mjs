// Browser test of the harness itself: the checks every browser test ends
// with (closingChecks) must fail when a page logged an error or threw, and
// when the program does not exit with 0 on SIGTERM; otherwise a broken
// harness would pass every browser test. Its polling helper, eventually(),
// must wait and must fail, and no browser test may wait through an async
// predicate, which Playwright takes as met at once. Runs against examples/hello.
// usage: node harness.test.mjs --binary build/examples/hello
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { closingChecks, eventually, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp();
const { server, page } = app;
const [consoleCheck, sigtermCheck] = closingChecks(app).map(([, fn]) => fn);

async function fails(fn) {
  try { await fn(); } catch { return true; }
  return false;
}

const ok = await runChecks([
  ["the console check passes on a clean page", async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => window.pgwidgets?.state.connection === "open", null, { timeout: 10000 });
    await consoleCheck();
  }],
  ["a console.error in a watched page fails it", async () => {
    await page.evaluate(() => console.error("logged on purpose"));
    await page.waitForTimeout(100);  // the console event reaches node asynchronously
    expect(await fails(consoleCheck), "the console check passed after console.error");
    app.consoleErrors.length = 0;
  }],
  ["an uncaught exception in a page made by newPage fails it", async () => {
    const other = await app.newPage();
    await other.goto(server.url);
    await other.evaluate(() => setTimeout(() => { throw new Error("thrown on purpose"); }, 0));
    await other.waitForTimeout(100);
    expect(app.consoleErrors.some((e) => e.includes("thrown on purpose")), `collected: ${app.consoleErrors}`);
    expect(await fails(consoleCheck), "the console check passed after an uncaught exception");
    app.consoleErrors.length = 0;
    await other.close();
  }],
  ["eventually waits for a late value and fails, naming the last one, on one that never comes", async () => {
    const t0 = Date.now();
    expect(await eventually(() => Date.now() - t0, (ms) => ms >= 300, "late") >= 300, "eventually returned early");
    let message = "";
    try {
      await eventually(() => page.evaluate(() => "never"), (v) => v === "ready", "want ready, read", { timeout: 300 });
    } catch (e) {
      message = String(e.message);
    }
    expect(message === "want ready, read never", `eventually's failure: ${JSON.stringify(message)}`);
  }],
  ["no browser test hands page.waitForFunction an async predicate (its Promise is truthy: the wait ends at once)", async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const offenders = fs.readdirSync(here).filter((f) => f.endsWith(".mjs"))
      .filter((f) => /waitForFunction\(\s*async\b/.test(fs.readFileSync(path.join(here, f), "utf8")));
    expect(offenders.length === 0, `use eventually() in ${offenders.join(", ")}`);
  }],
  ["the SIGTERM check passes on a program that exits with 0", async () => {
    await sigtermCheck();
  }],
]);
finish(app, ok);
