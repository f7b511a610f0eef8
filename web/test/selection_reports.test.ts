// A program's calls that move or shrink a selection (delete_row, insert_row,
// remove_item, update_tree, ...) report it once, as the server's frame
// ends (frame_end.ts): a loop deleting 500 selected rows used to send 500
// `selected` callbacks, each with the whole selection, which the server's
// limits count as 500 clicks. A user's click still reports at once.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { create, fromBinary } from "@bufbuild/protobuf";
import * as pb_tree from "../../generated/ts/pb/pgwidgets/widgets/tree_pb.js";
import { beginFrame, endFrame } from "../src/frame_end.js";
import { callbacks, proto, type Column, type TableViewCreateArgs, type TableViewEvents, type TreeViewCreateArgs, type TreeViewEvents } from "../src/schema.js";
import { TableView } from "../src/widgets/tree/tableview.js";
import { TreeView } from "../src/widgets/tree/treeview.js";
import { Bench, recorder } from "./support/widgets.js";
import { callOf, createOf, encode, TestPage } from "./support/page.js";

const options = {
  show_header: true, selection_mode: "multiple", alternate_row_colors: false, show_grid: false,
  show_row_numbers: false, sortable: false, allow_text_selection: false, cell_cursor: false,
} as const;
const column = (key: string): Column => ({ title: key, width: 80, key, type: "integer", editable: false, widget: "none", choices: [] });

function table(n: number) {
  const bench = new Bench();
  const t = new TableView(9, { ...options } as TableViewCreateArgs, recorder<TableViewEvents>(9, bench.events), bench.env);
  t.set_columns([column("i")]);
  t.set_data(Array.from({ length: n }, (_, i) => ({ cells: [BigInt(i)] })));
  return { bench, t };
}

const selectedReports = (bench: Bench) => bench.events.filter((e) => e[0].endsWith(":selected"));

describe("a program's changes to a selection", () => {
  it("are reported once, with the selection the frame leaves, when the frame ends", () => {
    const { bench, t } = table(1000);
    t.select_all();
    bench.events.length = 0;
    beginFrame({ isMuted: false });
    for (let r = 999; r >= 500; r--) t.delete_row(r);
    t.insert_row(0, [BigInt(-1)]);
    assert.equal(selectedReports(bench).length, 0, "reported before the frame ended");
    endFrame();
    const reports = selectedReports(bench);
    assert.equal(reports.length, 1);
    // The 500 rows left, one row further down.
    assert.deepEqual(reports[0]![1], Array.from({ length: 500 }, (_, i) => ({ row: i + 1 })));
  });

  it("are reported at once outside a frame, and while muted (the report is then dropped by the page)", () => {
    const { bench, t } = table(10);
    t.select_row(5);
    bench.events.length = 0;
    t.delete_row(0);
    assert.deepEqual(selectedReports(bench).map((e) => e[1]), [[{ row: 4 }]]);
    beginFrame({ isMuted: true });
    t.delete_row(0);
    assert.deepEqual(selectedReports(bench).map((e) => e[1]), [[{ row: 4 }], [{ row: 3 }]]);
    endFrame();
    assert.equal(selectedReports(bench).length, 2, "a muted change reported again at the frame's end");
  });

  it("are not reported when no selected row moved", () => {
    const { bench, t } = table(10);
    t.select_row(2);
    bench.events.length = 0;
    beginFrame({ isMuted: false });
    t.delete_row(9);
    t.delete_row(5);
    endFrame();
    assert.equal(selectedReports(bench).length, 0);
    // The selected row itself going is a change.
    beginFrame({ isMuted: false });
    t.delete_row(2);
    endFrame();
    assert.deepEqual(selectedReports(bench).map((e) => e[1]), [[]]);
  });

  it("of a TreeView are reported once too", () => {
    const bench = new Bench();
    const tv = new TreeView(8, { ...options } as TreeViewCreateArgs, recorder<TreeViewEvents>(8, bench.events), bench.env);
    tv.set_columns([column("name")]);
    tv.set_tree([{ path: ["a"], values: {} }, ...Array.from({ length: 50 }, (_, i) => ({ path: ["a", `n${i}`], values: {} }))]);
    tv.select_all();
    bench.events.length = 0;
    beginFrame({ isMuted: false });
    for (let i = 0; i < 50; i += 2) tv.remove_item(["a", `n${i}`]);
    endFrame();
    const reports = selectedReports(bench);
    assert.equal(reports.length, 1);
    assert.equal((reports[0]![1] as unknown[]).length, 26, "a and the 25 odd children");
  });

  it("leave with the frame's replies, as one callback, through the frame processor", () => {
    const page = new TestPage();
    page.receive(createOf(1, "TableView", encode(pb_tree.TableViewArgsSchema, { selectionMode: pb_tree.SelectionMode.MULTIPLE })));
    const t = page.impl(1) as unknown as TableView;
    t.set_columns([column("i")]);
    t.set_data(Array.from({ length: 100 }, (_, i) => ({ cells: [BigInt(i)] })));
    t.select_all();
    page.takeSent();
    const deletes = Array.from({ length: 60 }, () =>
      callOf(1, "TableView", "delete_row", encode(pb_tree.RowPositionSchema, { index: 0 })));
    page.receive(...deletes, callOf(1, "TableView", "get_row_count", undefined, { seq: 7 }));
    assert.equal(page.sent.length, 1, "one frame");
    const kinds = page.takeSent();
    const selectedId = [...callbacks.values()].find((c) => c.className === "TableView" && c.name === "selected")!.id;
    const reports = kinds.filter((k) => k?.case === "callback" && k.value.callbackId === selectedId);
    assert.equal(reports.length, 1);
    const rows = fromBinary(pb_tree.RowIndexesSchema, (reports[0]!.value as { args: Uint8Array }).args).items.map((r) => r.row);
    assert.deepEqual(rows, Array.from({ length: 40 }, (_, i) => i));
    assert.ok(kinds.some((k) => k?.case === "result" && k.value.seq === 7), "the query's reply is in the same frame");
  });

  it("go before any other callback of the same widget, in the order it made them", () => {
    const page = new TestPage();
    page.receive(createOf(1, "TreeView", encode(pb_tree.TreeViewArgsSchema, { selectionMode: pb_tree.SelectionMode.MULTIPLE })));
    const tv = page.impl(1) as unknown as TreeView;
    tv.set_columns([column("name")]);
    tv.set_tree(["a", "b", "c"].map((k) => ({ path: [k], values: {} })));
    tv.select_all();
    const id = (name: string) => [...callbacks.values()].find((c) => c.className === "TreeView" && c.name === name)!.id;
    page.receive({ case: "listen", value: create(proto.ListenSchema, { widgetId: 1, callbackId: id("changed") }) });
    page.takeSent();
    const path = (k: string) => ({ path: [k] });
    page.receive(
      callOf(1, "TreeView", "remove_items", encode(pb_tree.TreePathsSchema, { paths: [path("a")] })),
      callOf(1, "TreeView", "delete_tree", encode(pb_tree.TreeDeleteSchema, { paths: [path("b")] })),
    );
    const sent = page.takeSent().flatMap((k) => (k?.case === "callback" ? [k.value] : []));
    // Both calls' selection changes as one report, before the changed that followed them.
    assert.deepEqual(sent.map((c) => c.callbackId), [id("selected"), id("changed")]);
    assert.deepEqual(fromBinary(pb_tree.TreePathsSchema, sent[0]!.args).paths.map((p) => p.path), [["c"]]);
  });
});

describe("the selection a grid keeps", () => {
  const rowsOf = (t: TableView) => (t as unknown as { grid: { selection: { cells: unknown[]; row: unknown }[] } }).grid.selection
    .map((n) => Number((n.row as { cells: bigint[] } | null)?.cells[0] ?? n.cells[0]));

  it("holds each node once, in the order selected, across unselecting, reselecting and removing", () => {
    const { t } = table(10);
    for (const r of [1, 2, 3, 4, 5]) t.select_row(r);
    t.unselect_row(3);
    t.select_row(3);
    t.unselect_row(1);
    t.unselect_row(5);
    t.select_row(5);
    assert.deepEqual(rowsOf(t), [2, 4, 3, 5]);
    t.delete_row(4);  // the row holding 4
    t.select_row(0);
    assert.deepEqual(rowsOf(t), [2, 3, 5, 0]);
  });

  it("sheds 1,000 deleted rows of a 20,000-row selection once, when it is next read, not once per call", () => {
    const { bench, t } = table(20000);
    t.select_all();
    const grid = (t as unknown as { grid: { selected: unknown[]; selection: unknown[] } }).grid;
    const held = grid.selected;
    // In one server frame, as a program's loop arrives: the selection is reported (read) as the frame ends.
    beginFrame({ isMuted: false });
    for (let r = 999; r >= 0; r--) t.delete_row(r);
    assert.equal(grid.selected, held, "a deletion rebuilt the selection");
    endFrame();
    assert.equal((selectedReports(bench).at(-1)![1] as unknown[]).length, 19000);
    assert.deepEqual(rowsOf(t).slice(0, 2), [1000, 1001]);
  });
});
