// The layout 52 widget classes rely on: each stylesheet sits beside the
// module that imports it, so a widget's look travels with its code and
// reaches pgwidgets.css; style.css, the shared part, comes first.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

// The bundle lives elsewhere; run.mjs tells where the sources are.
const src = process.env.PGW_WEB_SRC;

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name));
}

describe("web/src conventions", () => {
  it("knows where the sources are", () => {
    assert.ok(src, "PGW_WEB_SRC is not set (run the tests through run.mjs)");
  });

  it("each stylesheet is imported by the module of the same name beside it", () => {
    for (const css of files(src!, ".css")) {
      if (css === path.join(src!, "style.css")) continue;
      const ts = css.replace(/\.css$/, ".ts");
      let code: string;
      try {
        code = readFileSync(ts, "utf8");
      } catch {
        assert.fail(`${path.relative(src!, css)} has no module ${path.basename(ts)} beside it`);
      }
      assert.ok(
        code.includes(`import "./${path.basename(css)}";`),
        `${path.relative(src!, ts)} does not import ./${path.basename(css)}, so its look is not bundled`,
      );
    }
  });

  it("no module imports a stylesheet that is not its own", () => {
    for (const ts of files(src!, ".ts")) {
      const own = `./${path.basename(ts, ".ts")}.css`;
      const imports = [...readFileSync(ts, "utf8").matchAll(/^import "([^"]+\.css)";/gm)].map((m) => m[1]);
      const others = imports.filter((i) => i !== own && !(ts === path.join(src!, "main.ts") && i === "./style.css"));
      assert.deepEqual(others, [], `${path.relative(src!, ts)} imports another module's stylesheet`);
    }
  });

  it("main.ts imports style.css before anything else, so the shared rules come first", () => {
    const main = readFileSync(path.join(src!, "main.ts"), "utf8");
    const first = main.match(/^import .*$/m)?.[0];
    assert.equal(first, 'import "./style.css";');
  });
});
