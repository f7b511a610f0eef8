// Bundles the browser runtime: src/entry.ts -> DIR/pgwidgets.js, and the
// stylesheets its modules import (src/style.css first, then each widget's
// .css beside its module, in import order) -> DIR/pgwidgets.css.
//
//   node web/build.mjs --outdir DIR [--minify] [--entry FILE --tsconfig FILE]
//
// --entry and --tsconfig bundle a user's page instead (pgwidgets_add_widgets):
// an entry that boots the core with the user's widget packages, and the
// tsconfig whose paths map @pgwidgets/core, @pgwidgets/sdk and the user's
// generated bindings.
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
  console.error("usage: node build.mjs --outdir DIR [--minify] [--entry FILE --tsconfig FILE]");
  process.exit(2);
}

let outdir;
let minify = false;
let entry = path.join(webDir, "src", "entry.ts");
let tsconfig = path.join(webDir, "tsconfig.json");
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--outdir") {
    outdir = argv[++i];
    if (!outdir) usage("--outdir needs a directory");
  } else if (a.startsWith("--outdir=")) {
    outdir = a.slice("--outdir=".length);
  } else if (a === "--entry") {
    entry = path.resolve(process.cwd(), argv[++i] ?? usage("--entry needs a file"));
  } else if (a === "--tsconfig") {
    tsconfig = path.resolve(process.cwd(), argv[++i] ?? usage("--tsconfig needs a file"));
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
    entryPoints: [entry],
    // The CSS the modules import leaves beside it, as pgwidgets.css.
    outfile: path.join(outdir, "pgwidgets.js"),
    format: "iife",
    platform: "browser",
    // es2020 decides the JavaScript; the browsers decide CSS prefixes and
    // lowering (e.g. -webkit-backdrop-filter for Safari 15).
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    tsconfig,
  });
} catch (err) {
  // esbuild has already printed the diagnostics (logLevel "warning").
  console.error(`build.mjs: bundling failed: ${err?.message ?? err}`);
  process.exit(1);
}
