// Browser test of examples/custom_widget, a separate project with its own
// widget class (Rating), built against pgwidgets by example_project.sh:
// clicking a star fires the typed C++ handler (it prints "rated N" and
// sets a Label); the SDK's Label and VBox hold the user's widget; and a page
// built without the project's package (the SDK's own bundle) is refused
// with a message naming the package.
// usage: node custom_widget.test.mjs --binary B --sdk-bundle DIR --artifacts DIR
import fs from "node:fs";
import path from "node:path";
import { closingChecks, expect, finish, openApp, runChecks } from "./harness.mjs";

const app = await openApp();
const { server, browser, page, artifacts } = app;
const sdkBundle = path.resolve(app.args["sdk-bundle"]);

// Resolves once the program's stdout matches (checked on each write).
function waitForStdout(pattern, ms) {
  return new Promise((resolve, reject) => {
    const onData = () => setImmediate(check);
    const done = () => { clearTimeout(timer); server.proc.stdout.off("data", onData); };
    const timer = setTimeout(() => { done(); reject(new Error(`no ${pattern} on stdout: ${server.stdout()}`)); }, ms);
    function check() { if (pattern.test(server.stdout())) { done(); resolve(); } }
    server.proc.stdout.on("data", onData);
    check();
  });
}

const ok = await runChecks([
  ["the page shows the project's Rating beside the SDK's Label", async () => {
    await page.goto(server.url);
    await page.locator("[data-pgw-class=Rating] [data-star='5']").waitFor({ state: "visible", timeout: 10000 });
    await page.getByText("Click a star").waitFor({ state: "visible", timeout: 5000 });
  }],
  ["clicking the 4th star runs the typed C++ handler with 4", async () => {
    await page.locator("[data-pgw-class=Rating] [data-star='4']").click();
    await page.getByText("You gave 4 stars").waitFor({ state: "visible", timeout: 5000 });
    await waitForStdout(/^rated 4$/m, 5000);
    await page.screenshot({ path: path.join(artifacts, "custom_widget.png") });
  }],
  ["a page built without package rating is refused, naming the package", async () => {
    // The SDK's own bundle, served in place of the program's: it knows no Rating.
    const other = await browser.newPage();
    await other.route("**/pgwidgets.js", (route) =>
      route.fulfill({ contentType: "text/javascript", body: fs.readFileSync(path.join(sdkBundle, "pgwidgets.js")) }));
    await other.goto(server.url);
    await other.getByText(/widget package "rating"/).waitFor({ state: "visible", timeout: 10000 });
    const text = await other.locator("body").innerText();
    expect(/does not match the server/i.test(text), `page says: ${text}`);
    await other.close();
    expect(/refused: The page was built without widget package "rating"/.test(server.stderr()),
      `server log: ${server.stderr()}`);
  }],
  ...closingChecks(app),
]);
finish(app, ok);
