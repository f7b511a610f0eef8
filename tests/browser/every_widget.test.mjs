// Browser test: one widget of every concrete class in the schema, every
// method called, every callback fired, with no class, method or callback
// named here or in the C++ half (every_widget/, which walks the schema and
// reports JSON lines). This half opens the page with its test hooks, checks
// each widget's DOM, fires each callback from the page through the widget's
// own events object, checks that the program decoded exactly those
// arguments, and that nobody reported an error.
// usage: node every_widget.test.mjs --binary build/tests/every_widget [--artifacts DIR]
// (DIR/every_widget.jsonl keeps the program's report: every call, with its
// arguments and result, and every callback.)
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, parseArgs, runChecks, startServer, stopServer } from "./harness.mjs";

const args = parseArgs(process.argv);
const TIMEOUT_MS = 15000;

// The program's report, read as it arrives: the URL line, then JSON lines.
class Report {
  constructor(server) {
    this.server = server;
    this.lines = [];
    this.offset = 0;
    this.exitCode = undefined;
    this.listeners = new Set();
    server.proc.stdout.on("data", () => this.scan());
    server.proc.on("exit", (code) => {
      this.exitCode = code;
      this.notify();
    });
    this.scan();
  }

  scan() {
    const text = this.server.stdout();
    if (this.offset === 0) this.offset = text.indexOf("\n") + 1;  // past the URL
    let nl;
    while ((nl = text.indexOf("\n", this.offset)) >= 0) {
      const line = text.slice(this.offset, nl);
      this.offset = nl + 1;
      try {
        this.lines.push(JSON.parse(line));
      } catch {
        this.lines.push({ event: "error", widget: 0, class: "", what: "report", message: `not JSON: ${line}` });
      }
    }
    this.notify();
  }

  notify() {
    for (const f of [...this.listeners]) f();
  }

  of(event) {
    return this.lines.filter((l) => l.event === event);
  }

  // Resolves once `ready()` is true (checked on every new line); rejects
  // when the program exits first or `ms` pass, with `what` and the stderr.
  until(ready, what, ms = TIMEOUT_MS) {
    return new Promise((resolve, reject) => {
      const finish = (fn, value) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        fn(value);
      };
      const check = () => {
        const fatal = this.of("fatal")[0];
        if (fatal) return finish(reject, new Error(`the program gave up: ${fatal.message}`));
        if (ready()) return finish(resolve);
        if (this.exitCode !== undefined) {
          finish(reject, new Error(`${what}: the program exited (${this.exitCode}); stderr:\n${this.server.stderr()}`));
        }
      };
      const timer = setTimeout(() => finish(reject, new Error(`${what}: not within ${ms} ms`)), ms);
      this.listeners.add(check);
      check();
    });
  }
}

function expect(cond, message) {
  if (!cond) throw new Error(message);
}

function describeError(e) {
  const who = e.class ? `${e.class} (widget ${e.widget})` : "the program";
  return `${who}: ${e.what}: ${e.message}`;
}

const server = await startServer(path.resolve(args.binary), [], { stdin: "pipe" });
const report = new Report(server);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
const consoleErrors = [];
page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
page.on("pageerror", (e) => consoleErrors.push(String(e)));

// Runs in the page: every subject and scaffold widget as the page holds it.
function inspect({ ids, holder }) {
  const hooks = window.pgwidgets?.test;
  if (!hooks) throw new Error("the page has no test hooks (window.pgwidgets.test)");
  const holderElement = hooks.widget(holder)?.element ?? null;
  return ids.map((id) => {
    const w = hooks.widget(id);
    if (!w) return { id, live: false, inDocument: document.querySelector(`[data-pgw-id="${id}"]`) !== null };
    return {
      id,
      live: true,
      classId: w.classId,
      idAttribute: w.element.getAttribute("data-pgw-id"),
      connected: w.element.isConnected,
      isWindow: w.isWindow,
      inHolder: holderElement !== null && holderElement !== w.element && holderElement.contains(w.element),
    };
  });
}

// Runs in the page: calls each widget's events function with the
// TypeScript arguments rebuilt from the program's description of them;
// returns, for each, its failure or null.
function fireAll(fires) {
  const hooks = window.pgwidgets.test;
  // An enum value as TypeScript spells it: its proto name without the
  // enum's prefix, in lower case (WINDOW_STATE_NORMAL -> "normal").
  const enumWord = (value, prefix) => {
    if (!value.startsWith(prefix)) throw new Error(`enum value ${value} lacks the prefix ${prefix}`);
    return value.slice(prefix.length).toLowerCase();
  };
  const one = (p, v) => {
    if (p.ref) {
      const target = hooks.widget(v);
      if (!target) throw new Error(`argument ${p.name}: widget ${v} is not in the page`);
      return target.handle;
    }
    switch (p.type) {
      case "int64": case "uint64": case "sint64": case "fixed64": case "sfixed64": return BigInt(v);
      case "bytes": return Uint8Array.from(v);
      case "enum": return enumWord(v, p.enum_prefix);
      case "message": return p.message === "pgwidgets.Value" ? value(v) : structured(p, v);
      default: return v;
    }
  };
  // pgwidgets.Value's JSON ({"int_value": "5"}, {} for null) as the
  // TypeScript Value: null, boolean, bigint, number or string.
  const value = (v) => {
    if (v === null || v === undefined) return null;
    if ("bool_value" in v) return v.bool_value;
    if ("int_value" in v) return BigInt(v.int_value);
    if ("double_value" in v) return Number(v.double_value);  // "NaN", "Infinity" come as strings
    if ("string_value" in v) return v.string_value;
    const unknown = Object.keys(v);
    if (unknown.length) throw new Error(`pgwidgets.Value with ${unknown.join(", ")}`);
    return null;
  };
  // A map (string keys) as an object, from its entries ([{key, value}], a
  // top-level argument) or from its JSON object (a field of a message).
  const map = (p, v) => {
    const entries = Array.isArray(v) ? v.map((e) => [e.key ?? "", e.value]) : Object.entries(v ?? {});
    return Object.fromEntries(entries.map(([k, e]) => [k, one(p.map_value, e)]));
  };
  // A message-typed argument as its TypeScript interface: the JSON of the
  // sample (snake_case names, 64-bit integers as strings) rebuilt field by
  // field from the program's description of the type; a field the JSON
  // leaves out is its zero (an absent message: its fields' zeros).
  const zero = (d) => {
    if (d.map) return {};
    if (d.repeated) return [];
    switch (d.type) {
      case "message": return d.message === "pgwidgets.Value" ? null : structured(d, undefined);
      case "string": return "";
      case "bool": return false;
      case "bytes": return new Uint8Array();
      case "int64": case "uint64": case "sint64": case "fixed64": case "sfixed64": return 0n;
      default: return 0;
    }
  };
  const structured = (p, v) => {
    if (p.fields === undefined) throw new Error(`argument ${p.name}: the program did not describe ${p.message}`);
    const out = {};
    for (const d of p.fields) {
      const x = v?.[d.name];
      out[d.name] = x === undefined ? zero(d) : d.map ? map(d, x) : d.repeated ? x.map((e) => one(d, e)) : one(d, x);
    }
    return out;
  };
  const fire = ({ widget, name, params }) => {
    const w = hooks.widget(widget);
    if (!w) throw new Error(`widget ${widget} is not in the page`);
    // The generator appends "_" to names that are TypeScript keywords.
    const fn = w.events[name] ?? w.events[`${name}_`];
    if (typeof fn !== "function") throw new Error(`its events object has no function ${name}`);
    fn(...params.map((p) => (p.map ? map(p, p.value) : p.repeated ? p.value.map((v) => one(p, v)) : one(p, p.value))));
  };
  return fires.map((f) => {
    try {
      fire(f);
      return null;
    } catch (e) {
      return String((e && e.message) || e);
    }
  });
}

// Arguments compared with each object's keys sorted: a protobuf map has no
// order (a TreeView node's values may arrive in another).
const canonical = (v) => (Array.isArray(v) ? v.map(canonical)
  : v !== null && typeof v === "object"
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])])) : v);
const sameArgs = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

const ok = await runChecks([
  ["the page connects and the program drives every class", async () => {
    await page.goto(`${server.url}?pgwidgets-test`);
    await report.until(() => report.of("ready").length > 0, "the program's ready line");
    const ready = report.of("ready")[0];
    console.log(`  ${ready.subjects} classes made, ${ready.calls} calls of ${ready.methods} methods, ` +
      `${ready.fires} callbacks to fire (${ready.callbacks} declared)`);
    expect(ready.subjects > 0, "the schema has no concrete class");
  }],
  ["every method of every widget ran without an error", async () => {
    const errors = report.of("error");
    expect(errors.length === 0, errors.map(describeError).join("\n"));
    // Each subject lists its methods and callbacks as the schema declares
    // them: each method must have been called (destroy comes at the end)
    // and each callback be among those to fire.
    const problems = [];
    for (const s of report.of("subject")) {
      const calls = new Set(report.of("call").filter((c) => c.widget === s.widget).map((c) => c.method));
      const fires = new Set(report.of("fire").filter((f) => f.widget === s.widget).map((f) => f.callback));
      for (const m of s.methods) {
        if (m.kind !== "destroy" && !calls.has(m.method)) {
          problems.push(`${s.class} (widget ${s.widget}): ${m.method} was not called`);
        }
      }
      for (const cb of s.callbacks) {
        if (!fires.has(cb)) problems.push(`${s.class} (widget ${s.widget}): ${cb} is not among the callbacks to fire`);
      }
    }
    expect(problems.length === 0, problems.join("\n"));
  }],
  ["every widget is in the page, in its box or floating as a window", async () => {
    const scaffold = report.of("scaffold")[0];
    expect(scaffold.window !== 0, `no window class takes a child, so the ${scaffold.holder_class} holding ` +
      "the widgets cannot be put in the page");
    const subjects = report.of("subject");
    const seen = await page.evaluate(inspect, {
      ids: [scaffold.holder, scaffold.window, ...subjects.map((s) => s.widget)], holder: scaffold.holder,
    });
    const byId = new Map(seen.map((s) => [s.id, s]));
    const problems = [];
    for (const [id, what] of [[scaffold.holder, scaffold.holder_class], [scaffold.window, scaffold.window_class]]) {
      if (!byId.get(id).connected) problems.push(`the ${what} (widget ${id}) holding the widgets is not in the page`);
    }
    for (const s of subjects) {
      const p = byId.get(s.widget);
      const who = `${s.class} (widget ${s.widget})`;
      if (!p.live) { problems.push(`${who}: not among the page's widgets`); continue; }
      if (p.classId !== s.class_id) problems.push(`${who}: the page made class #${p.classId}`);
      if (p.idAttribute !== String(s.widget)) problems.push(`${who}: its element has data-pgw-id=${p.idAttribute}`);
      if (!p.connected) problems.push(`${who}: its element is not in the document`);
      if (s.window !== p.isWindow) {
        problems.push(`${who}: the schema ${s.window ? "declares" : "does not declare"} it a window ` +
          `(option window), but the page ${p.isWindow ? "treats it as one" : "does not"}`);
      }
      if (!s.window && !p.inHolder) problems.push(`${who}: its element is not inside its box`);
    }
    expect(problems.length === 0, problems.join("\n"));
  }],
  ["every widget a method created is in the page, of its class, inside its creator, holding its child", async () => {
    // The last widget each creating method made (earlier ones gave a
    // detach method a child to take out).
    const last = new Map();
    for (const c of report.of("created")) last.set(`${c.owner} ${c.method}`, c);
    const created = [...last.values()];
    const creating = report.of("subject").flatMap((s) => s.methods.filter((m) => m.kind === "create")
      .map((m) => `${s.class} (widget ${s.widget}): ${m.method}`));
    expect(created.length === creating.length, `${creating.length} methods create a widget ` +
      `(${creating.join(", ")}), ${created.length} made one`);
    const seen = await page.evaluate((list) => {
      const hooks = window.pgwidgets.test;
      return list.map((c) => {
        const w = hooks.widget(c.widget);
        const owner = hooks.widget(c.owner);
        const child = c.child ? hooks.widget(c.child) : null;
        return {
          live: !!w,
          classId: w?.classId,
          inOwner: !!(w && owner && owner.element !== w.element && owner.element.contains(w.element)),
          holdsChild: c.child === 0 || !!(w && child && w.element.contains(child.element)),
        };
      });
    }, created);
    const problems = created.flatMap((c, i) => {
      const p = seen[i];
      const who = `${c.class} (widget ${c.widget}) made by ${c.method} of widget ${c.owner}`;
      if (!p.live) return [`${who}: not among the page's widgets`];
      return [
        ...(p.classId !== c.class_id ? [`${who}: the page made class #${p.classId}`] : []),
        ...(!p.inOwner ? [`${who}: its element is not inside its creator's`] : []),
        ...(!p.holdsChild ? [`${who}: it does not hold widget ${c.child}`] : []),
      ];
    });
    expect(problems.length === 0, problems.join("\n"));
  }],
  ["every callback fired from the page arrives with its arguments", async () => {
    const fires = report.of("fire");
    const failures = await page.evaluate(fireAll, fires);
    const problems = fires.flatMap((f, i) =>
      failures[i] === null ? [] : [`${f.class} (widget ${f.widget}): ${f.callback}: firing it failed: ${failures[i]}`]);
    expect(problems.length === 0, problems.join("\n"));
    server.proc.stdin.write("sync\n");
    await report.until(() => report.of("synced").length > 0, "the program's synced line");
    const arrived = (f) => report.of("callback").some((c) =>
      c.widget === f.widget && c.callback === f.callback && sameArgs(c.args, f.expected));
    const missing = fires.filter((f) => !arrived(f)).map((f) => {
      const got = report.of("callback").filter((c) => c.widget === f.widget && c.callback === f.callback);
      return `${f.class} (widget ${f.widget}): ${f.callback}: expected ${JSON.stringify(f.expected)}` +
        (got.length ? `, got ${got.map((c) => JSON.stringify(c.args)).join(", ")}` : ", nothing arrived");
    });
    expect(missing.length === 0, missing.join("\n"));
  }],
  ["destroying every widget takes it off the page", async () => {
    server.proc.stdin.write("destroy\n");
    await report.until(() => report.of("destroyed").length > 0, "the program's destroyed line");
    const gone = report.of("destroyed")[0].widgets;
    const scaffold = report.of("scaffold")[0];
    const seen = await page.evaluate(inspect, { ids: gone.map((g) => g.widget), holder: scaffold.holder });
    const left = gone.filter((g, i) => seen[i].live || seen[i].inDocument).map((g) => `${g.class} (widget ${g.widget})`);
    expect(left.length === 0, `destroyed, but still in the page: ${left.join(", ")}`);
    const uncalled = report.of("subject").flatMap((s) => s.methods
      .filter((m) => m.kind === "destroy")
      .filter((m) => !report.of("call").some((c) => c.widget === s.widget && c.method === m.method))
      .map((m) => `${s.class} (widget ${s.widget}): ${m.method} was not called`));
    expect(uncalled.length === 0, uncalled.join("\n"));
  }],
  ["no error anywhere: program, server log, page console", async () => {
    const state = await page.evaluate(() => window.pgwidgets.state);
    const problems = [
      ...report.of("error").map(describeError),
      ...consoleErrors.map((e) => `page console: ${e}`),
      ...(state.serverErrors ? [`the server reported ${state.serverErrors} protocol error(s) to the page`] : []),
      ...(state.connection !== "open" ? [`the page's connection is ${state.connection}`] : []),
    ];
    expect(problems.length === 0, problems.join("\n"));
  }],
  ["SIGTERM stops the program with exit code 0", async () => {
    await browser.close();
    const code = await stopServer(server);
    expect(code === 0, `exit code ${code}; stderr:\n${server.stderr()}`);
  }],
]);
if (server.proc.exitCode === null) server.proc.kill("SIGKILL");
if (args.artifacts) {
  fs.mkdirSync(args.artifacts, { recursive: true });
  fs.writeFileSync(path.join(args.artifacts, "every_widget.jsonl"), report.lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
}
process.exit(ok ? 0 : 1);
