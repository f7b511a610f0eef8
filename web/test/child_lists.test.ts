// The shared child-list table (tests/cases/child_lists.json), which the C++
// widget store runs too: every case against the real Container, through
// VBox for plain containers and TopLevel for windows.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import table from "../../tests/cases/child_lists.json";
import { VBox } from "../src/widgets/layout/box.js";
import { Container } from "../src/widgets/container.js";
import { TopLevel } from "../src/widgets/layout/toplevel.js";
import { Bench } from "./support/widgets.js";

interface Node {
  id: number;
  window?: boolean;
  children?: number[];
}

interface Op {
  method: string;
  parent: number;
  child?: number;
  index?: number;
}

interface Case {
  name: string;
  tree: Node[];
  op: Op;
  expect?: Node[];
  error?: string;
}

type Live = VBox | TopLevel;

/** Makes the case's widgets and attaches their children in the listed order. */
function build(tree: readonly Node[]): Map<number, Live> {
  const bench = new Bench();
  const live = new Map<number, Live>();
  for (const n of tree) live.set(n.id, n.window ? bench.window(n.id) : bench.box(n.id));
  for (const n of tree) {
    const parent = live.get(n.id)!;
    for (const c of n.children ?? []) {
      const child = live.get(c);
      if (!child) throw new Error(`the table is wrong: child ${c} of ${n.id} is not in the tree`);
      if (parent instanceof TopLevel) {
        if ((n.children ?? []).length > 1) throw new Error(`the table is wrong: window ${n.id} holds one child`);
        parent.set_widget(child);
      } else {
        parent.add_widget(child, 0);
      }
    }
  }
  return live;
}

function widget(live: Map<number, Live>, id: number | undefined, role: string): Live {
  const w = id === undefined ? undefined : live.get(id);
  if (!w) throw new Error(`the table is wrong: the op's ${role} ${id} is not in the tree`);
  return w;
}

/** Runs the op as the dispatcher would call it. */
function run(live: Map<number, Live>, op: Op): void {
  const parent = widget(live, op.parent, "parent");
  const child = () => widget(live, op.child, "child");
  const has = (name: string) => typeof (parent as unknown as Record<string, unknown>)[name] === "function";
  if (!has(op.method)) throw new Error(`the table is wrong: ${parent} has no ${op.method}`);
  switch (op.method) {
    case "add_widget":
      return (parent as VBox).add_widget(child(), 0);
    case "insert_widget":
      if (op.index === undefined) throw new Error("the table is wrong: insert_widget without an index");
      return (parent as VBox).insert_widget(op.index, child(), 0);
    case "set_widget":
      return (parent as TopLevel).set_widget(child());
    case "remove":
      return parent.remove(child(), false);
    case "remove_all":
      return parent.remove_all(false);
    default:
      throw new Error(`the table is wrong: unknown method ${op.method}`);
  }
}

/** Where a container puts its children's elements. */
function surface(w: Live): HTMLElement {
  return w instanceof TopLevel ? (w.element.querySelector(".pgw-window-content") as HTMLElement) : w.element;
}

/**
 * The tree in the table's form, in the order of `order`. It also checks
 * that the page agrees with the child lists: each child's parent link and
 * the order of the elements on the page.
 */
function snapshot(live: Map<number, Live>, order: readonly Node[]): Node[] {
  const parentOf = new Map<number, Container>();
  const out: Node[] = [];
  for (const { id } of order) {
    const w = live.get(id)!;
    const node: Node = { id };
    if (w.isWindow) node.window = true;
    const kids = w.childHandles().map((c) => c.widgetId);
    if (kids.length > 0) node.children = kids;
    out.push(node);
    for (const k of kids) parentOf.set(k, w);
    const onPage = [...surface(w).children].filter((e) => e.classList.contains("pgw-widget"));
    assert.deepEqual(
      onPage.map((e) => Number(e.getAttribute("data-pgw-id"))),
      kids,
      `the page shows other children in ${w} than its child list`,
    );
  }
  for (const [id, w] of live) {
    assert.equal(w.parent, parentOf.get(id) ?? null, `${w}'s parent link disagrees with the child lists`);
    assert.equal(w.isDestroyed, false, `${w} was destroyed: only destroy may do that`);
  }
  return out;
}

const cases = (table as { cases: Case[] }).cases;

describe("child lists (tests/cases/child_lists.json)", () => {
  it("the table has cases, each expecting a tree or an error", () => {
    assert.ok(cases.length > 0);
    for (const c of cases) assert.ok((c.expect === undefined) !== (c.error === undefined), `${c.name}: expect or error, not both`);
  });

  for (const c of cases) {
    it(c.name, () => {
      const live = build(c.tree);
      const before = snapshot(live, c.tree);
      assert.deepEqual(before, c.tree.map((n) => ({ ...n })), "the tree was not built as the table says");
      if (c.error !== undefined) {
        const word = c.error;
        assert.throws(
          () => run(live, c.op),
          (e: unknown) => {
            assert.ok(e instanceof Error, `threw ${String(e)}, not an Error`);
            assert.ok(e.message.includes(word), `the message "${e.message}" does not contain "${word}"`);
            return true;
          },
        );
        assert.deepEqual(snapshot(live, c.tree), before, "a refused call changed the tree");
      } else {
        run(live, c.op);
        assert.deepEqual(snapshot(live, c.tree), c.expect);
      }
    });
  }
});
