// Bundles the browser runtime: src/main.ts -> DIR/pgwidgets.js, and the
// stylesheets its modules import (src/style.css first, then each widget's
// .css beside its module, in import order) -> DIR/pgwidgets.css.
//
//   node web/build.mjs --outdir DIR [--minify]
//
// Works from any working directory. The generated bindings live outside
// web/ (../generated/ts) and import "@bufbuild/protobuf"; `nodePaths` lets
// esbuild resolve that from web/node_modules.
import * as esbuild from "esbuild";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const webDir = path.dirname(fileURLToPath(import.meta.url));

function usage(message) {
  if (message) console.error(`build.mjs: ${message}`);
  console.error("usage: node build.mjs --outdir DIR [--minify]");
  process.exit(2);
}

let outdir;
let minify = false;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--outdir") {
    outdir = argv[++i];
    if (!outdir) usage("--outdir needs a directory");
  } else if (a.startsWith("--outdir=")) {
    outdir = a.slice("--outdir=".length);
  } else if (a === "--minify") {
    minify = true;
  } else if (a === "-h" || a === "--help") {
    usage();
  } else {
    usage(`unknown argument ${a}`);
  }
}
if (!outdir) usage("--outdir is required");
outdir = path.resolve(process.cwd(), outdir);
mkdirSync(outdir, { recursive: true });

try {
  await esbuild.build({
    absWorkingDir: webDir,
    bundle: true,
    minify,
    sourcemap: false,
    logLevel: "warning",
    legalComments: "none",
    nodePaths: [path.join(webDir, "node_modules")],
    entryPoints: [path.join(webDir, "src", "main.ts")],
    // The CSS the modules import leaves beside it, as pgwidgets.css.
    outfile: path.join(outdir, "pgwidgets.js"),
    format: "iife",
    platform: "browser",
    // es2020 decides the JavaScript; the browsers decide CSS prefixes and
    // lowering (e.g. -webkit-backdrop-filter for Safari 15).
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    tsconfig: path.join(webDir, "tsconfig.json"),
  });
} catch (err) {
  // esbuild has already printed the diagnostics (logLevel "warning").
  console.error(`build.mjs: bundling failed: ${err?.message ?? err}`);
  process.exit(1);
}
