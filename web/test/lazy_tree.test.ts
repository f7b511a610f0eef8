// A TreeView's items come off the wire unread (the dispatcher's
// LazyTreeItem, schema option `lazy`): set_tree of 100,000 nodes reads
// each node's path and only the values of the nodes shown or sorted by.
// Everything a node's values are used for must still see them: a sort,
// set_cell, add_tree and update_tree over an unread node, a column
// deleted, an activation.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { create, toBinary } from "@bufbuild/protobuf";
import * as pb_tree from "../../generated/ts/pb/pgwidgets/widgets/tree_pb.js";
import { TreeView } from "../src/widgets/tree/treeview.js";
import { valuesOf, type Grid, type GridNode } from "../src/widgets/tree/grid.js";
import { methods } from "../src/schema.js";
import type { Column, TreeViewCreateArgs, TreeViewEvents, WidgetHandle } from "../src/schema.js";
import { Bench, recorder } from "./support/widgets.js";

const options = {
  show_header: true, selection_mode: "multiple", alternate_row_colors: false, show_grid: false,
  show_row_numbers: false, sortable: true, allow_text_selection: false, cell_cursor: false,
} as const;
const column = (key: string, type: Column["type"]): Column => ({ title: key, width: 80, key, type, editable: false, widget: "none", choices: [] });

type Item = { path: string[]; values: Record<string, bigint | string> };
const wire = (c: bigint | string) => (typeof c === "bigint" ? { kind: { case: "intValue" as const, value: c } } : { kind: { case: "stringValue" as const, value: c } });

/** Calls method `name` of `t` through the dispatcher, as the page does with the server's bytes. */
function dispatch(t: TreeView, name: "set_tree" | "add_tree" | "update_tree" | "set_data", items: Item[]): void {
  const schema = name === "set_data" ? pb_tree.TreeDataSchema : pb_tree.TreeItemsSchema;
  const field = name === "set_data" ? "data" : "tree";
  const msg = { [field]: items.map((i) => ({ path: i.path, values: Object.fromEntries(Object.entries(i.values).map(([k, v]) => [k, wire(v)])) })) };
  const bytes = toBinary(schema, create(schema, msg as never));
  const entry = [...methods.values()].find((m) => m.className === "TreeView" && m.name === name)!;
  entry.invoke(t as unknown as WidgetHandle, bytes, { widget: () => { throw new Error("no widgets"); }, emit: () => undefined });
}

/** Folder f<i> with `kids` items f<i>/c<j>; a node's size scrambles its place. */
function items(folders: number, kids: number): Item[] {
  const out: Item[] = [];
  for (let f = 0; f < folders; f++) {
    out.push({ path: [`f${f}`], values: { name: `folder ${f}`, size: BigInt((f * 7919) % 1000) } });
    for (let c = 0; c < kids; c++) out.push({ path: [`f${f}`, `c${c}`], values: { name: `item ${f}.${c}`, size: BigInt((f * 31 + c * 7) % 100) } });
  }
  return out;
}

function tree(folders: number, kids: number) {
  const bench = new Bench();
  const t = new TreeView(9, { ...options } as TreeViewCreateArgs, recorder<TreeViewEvents>(9, bench.events), bench.env);
  t.set_columns([column("name", "string"), column("size", "integer")]);
  dispatch(t, "set_tree", items(folders, kids));
  const g = (t as unknown as { grid: Grid }).grid;
  const all = () => { const out: GridNode[] = []; g.walk(g.root, (n) => { if (n !== g.root) out.push(n); }); return out; };
  const unread = () => all().filter((n) => n.item !== null && n.item.isUnread).length;
  const node = (...path: string[]) => g.find(path)!;
  return { bench, t, g, all, unread, node };
}

describe("lazily read tree items", () => {
  it("set_tree reads the paths alone: every node is there, its values unread until shown", () => {
    const { g, all, unread, node } = tree(50, 20);
    assert.equal(all().length, 50 * 21);
    assert.equal(unread(), 50 * 21, "set_tree read whole items");
    assert.equal(node("f7", "c3").key, "c3");
    g.rebuildVisible();
    const shown = g.visible.map((n) => g.get(n, 0));
    assert.deepEqual(shown.slice(0, 3), ["folder 0", "folder 1", "folder 2"]);
    assert.equal(unread(), 50 * 21 - g.visible.length, "showing a node read more than it");
    assert.equal(g.get(node("f7", "c3"), 0), "item 7.3");
  });

  it("a sort sees every node's values, and reads only the value sorted by", () => {
    const { t, g, unread } = tree(40, 3);
    t.sort_by_column("size", true);
    g.rebuildVisible();
    assert.equal(unread(), 40 * 4, "the sort read whole items");
    const sizes = g.visible.map((n) => Number(g.get(n, 1)));
    assert.equal(sizes.length, 40);
    assert.deepEqual(sizes, [...sizes].sort((a, b) => a - b));
  });

  it("set_cell, add_tree and update_tree over unread nodes keep what they did not change", () => {
    const { t, g, node, unread } = tree(5, 5);
    t.set_cell(["f1", "c1"], "size", 999n);
    assert.deepEqual(valuesOf(node("f1", "c1")), { name: "item 1.1", size: 999n });
    assert.notEqual(node("f2", "c2").item, null);
    dispatch(t, "add_tree", [{ path: ["f2", "c2"], values: { name: "replaced" } }, { path: ["f2", "new"], values: { name: "added" } }]);
    assert.deepEqual(valuesOf(node("f2", "c2")), { name: "replaced" }, "add_tree over an unread node kept its old values");
    assert.equal(node("f2", "new").item, null, "add_tree kept an item unread (and the frame it came in)");
    assert.equal(g.get(node("f2", "new"), 0), "added");
    const before = unread();
    assert.ok(before > 0);
    const next = items(5, 5);
    next[3 * 6 + 1]!.values = { name: "changed", size: 1n };  // f3/c0
    dispatch(t, "update_tree", next);
    assert.equal(g.get(node("f3", "c0"), 0), "changed");
    assert.equal(g.get(node("f3", "c1"), 0), "item 3.1");
    assert.equal(g.get(node("f1", "c1"), 1), 1n * BigInt((1 * 31 + 1 * 7) % 100), "update_tree brings set_cell's change back to the item's");
    assert.equal(g.find(["f2", "new"]), null, "update_tree keeps a node it no longer names");
  });

  it("a column deleted takes its values from unread nodes too", () => {
    const { t, node, unread } = tree(3, 3);
    assert.equal(unread(), 12);
    t.delete_column("size");
    assert.deepEqual(valuesOf(node("f0", "c2")), { name: "item 0.2" });
    t.set_columns([column("name", "string"), column("size", "integer")]);
    assert.equal(valuesOf(node("f0", "c2")).size, undefined, "a deleted column's value came back with the column");
  });

  it("activated and cell_action report an unread node's values", () => {
    const { bench, g, node } = tree(2, 2);
    const n = node("f1", "c0");
    assert.notEqual(n.item, null);
    (g as unknown as { host: { activated(n: GridNode, c: number | null): void } }).host.activated(n, 0);
    const call = bench.events.at(-1)!;
    assert.equal(call[0], "9:activated");
    assert.deepEqual(call[1], { name: "item 1.0", size: BigInt(31 % 100) });
  });
});
