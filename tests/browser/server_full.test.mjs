// Browser test: past max_sessions (examples/hello allows 1) a second tab is
// told in the page that the server is full, with the limit; the first tab
// keeps working, and the second gets in once the first leaves: the first's
// session, with no browser, yields its slot to the waiting visitor at the
// page's next retry (5 s), long before session_timeout (60 s here).
// usage: node server_full.test.mjs --binary build/examples/hello --artifacts build/artifacts
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp({ serverArgs: ["--session-timeout", "60000"] });
const { server, artifacts, page: first } = app;
const second = await app.newPage();

const ok = await runChecks([
  ["the first tab gets the session", async () => {
    await first.goto(server.url);
    await first.getByRole("button", { name: "Hello, world" }).waitFor({ state: "visible", timeout: 10000 });
  }],
  ["the second tab is told the server is full, with the limit", async () => {
    await second.goto(server.url);
    await second.getByText(/max_sessions = 1/).waitFor({ state: "visible", timeout: 10000 });
    const text = await second.locator("body").innerText();
    expect(/server full/i.test(text), `page says: ${text}`);
    await second.screenshot({ path: path.join(artifacts, "server_full.png") });
  }],
  ["the first tab still works", async () => {
    await first.getByRole("button", { name: "Hello, world" }).click();
    await first.getByRole("button", { name: "Clicked 1 times" }).waitFor({ state: "visible", timeout: 5000 });
  }],
  ["once the first tab leaves, the second gets in without waiting for session_timeout", async () => {
    await first.close();
    await second.getByRole("button", { name: "Hello, world" }).waitFor({ state: "visible", timeout: 15000 });
  }],
  ...closingChecks(app),
]);
finish(app, ok);
