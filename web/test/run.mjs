// Runs the TypeScript unit tests under Node, without a browser: type-checks
// them (tsc), bundles each *.test.ts for Node (esbuild; stylesheets become
// empty modules) and hands the bundles to Node's test runner.
//
//   node web/test/run.mjs [--outdir DIR] [--no-typecheck] [-- node --test options]
//
// DIR (default: a fresh temporary directory) receives the bundles.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const testDir = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.dirname(testDir);

function usage(message) {
  if (message) console.error(`run.mjs: ${message}`);
  console.error("usage: node run.mjs [--outdir DIR] [--no-typecheck] [-- node --test options]");
  process.exit(2);
}

let outdir;
let typecheck = true;
let passThrough = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--outdir") {
    outdir = argv[++i];
    if (!outdir) usage("--outdir needs a directory");
  } else if (a === "--no-typecheck") {
    typecheck = false;
  } else if (a === "--") {
    passThrough = argv.slice(i + 1);
    break;
  } else {
    usage(`unknown argument ${a}`);
  }
}
if (outdir) {
  outdir = path.resolve(process.cwd(), outdir);
  // Bundles of tests since deleted must not run.
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
} else {
  outdir = mkdtempSync(path.join(os.tmpdir(), "pgw-web-unit-"));
}

if (typecheck) {
  const tsc = path.join(webDir, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "--noEmit", "-p", path.join(testDir, "tsconfig.json")], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error("run.mjs: the tests do not type-check");
    process.exit(1);
  }
}

const tests = readdirSync(testDir).filter((f) => f.endsWith(".test.ts")).sort();
if (tests.length === 0) usage(`no *.test.ts in ${testDir}`);
try {
  await esbuild.build({
    absWorkingDir: webDir,
    entryPoints: tests.map((f) => path.join(testDir, f)),
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Shared code (happy-dom, the runtime) goes in chunks, bundled once.
    splitting: true,
    // Widgets import their stylesheets; Node has no use for them.
    loader: { ".css": "empty" },
    // happy-dom's CommonJS dependencies (ws) require() Node's modules, which
    // an ESM bundle must be given.
    banner: { js: "import { createRequire as __pgwRequire } from 'node:module'; const require = __pgwRequire(import.meta.url);" },
    nodePaths: [path.join(webDir, "node_modules")],
    tsconfig: path.join(testDir, "tsconfig.json"),
    logLevel: "warning",
  });
} catch (err) {
  console.error(`run.mjs: bundling the tests failed: ${err?.message ?? err}`);
  process.exit(1);
}

const bundles = tests.map((f) => path.join(outdir, f.replace(/\.ts$/, ".mjs")));
const r = spawnSync(process.execPath, ["--test", ...passThrough, ...bundles], {
  stdio: "inherit",
  env: { ...process.env, PGW_WEB_SRC: path.join(webDir, "src") },
});
process.exit(r.status ?? 1);
