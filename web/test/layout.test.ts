// The layout family's own rules (containers.proto): which changes reach the
// server as state callbacks and which do not, and what is refused.
import "./support/dom.js";
import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import { Bench, recorder } from "./support/widgets.js";
import { Expander } from "../src/widgets/containers/expander.js";
import { GridBox } from "../src/widgets/containers/gridbox.js";
import { StackWidget } from "../src/widgets/containers/stackwidget.js";
import { TabWidget } from "../src/widgets/containers/tabwidget.js";
import { Box } from "../src/widgets/layout/box.js";

describe("StackWidget and TabWidget", () => {
  let bench: Bench;
  beforeEach(() => {
    bench = new Bench();
  });
  const stack = (id: number) => new StackWidget(id, {}, recorder(id, bench.events), bench.env);
  const tabs = (id: number) =>
    new TabWidget(id, { closable: true, reorderable: false, tab_position: "top" }, recorder(id, bench.events), bench.env);

  it("shows the first page without news (the server's index is already 0)", () => {
    const s = stack(1);
    s.add_widget(bench.box(2), "");
    s.add_widget(bench.box(3), "");
    assert.deepEqual(bench.events, []);
  });

  it("set_index is the server's own word: no page_switch; an index out of range is refused", () => {
    const s = stack(1);
    for (const id of [2, 3, 4]) s.add_widget(bench.box(id), "");
    s.set_index(2);
    assert.deepEqual(bench.events, []);
    assert.throws(() => s.set_index(3), /no page 3/);
    assert.throws(() => s.set_index(-1), /no page -1/);
  });

  it("reports page_switch when the page shown moves or goes away, and show_widget", () => {
    const s = stack(1);
    const [a, b, c] = [bench.box(2), bench.box(3), bench.box(4)];
    for (const w of [a, b, c]) s.add_widget(w, "");
    s.set_index(2);
    s.remove(a, false); // c moves from 2 to 1
    s.remove(c, false); // c goes: b, at 0, is shown
    s.show_widget(b); // already shown: no news
    s.add_widget(a, "");
    s.show_widget(a);
    assert.deepEqual(bench.events, [
      ["1:page_switch", 4, 1],
      ["1:page_switch", 3, 0],
      ["1:page_switch", 2, 1],
    ]);
  });

  it("removing the shown page reports the page taking its place, even at the same index", () => {
    const s = stack(1);
    const [a, b] = [bench.box(2), bench.box(3)];
    s.add_widget(a, "");
    s.add_widget(b, "");
    s.remove(a, false); // b is shown, at index 0 as a was
    assert.deepEqual(bench.events, [["1:page_switch", 3, 0]]);
  });

  it("a click on a tab and the arrow keys switch pages; the close button and Delete ask with page_close", () => {
    const t = tabs(1);
    for (const id of [2, 3, 4]) t.add_widget(bench.box(id), `tab ${id}`);
    const tabEls = [...t.element.querySelectorAll<HTMLElement>(".pgw-tab")];
    assert.deepEqual(tabEls.map((e) => e.textContent), ["tab 2\u00d7", "tab 3\u00d7", "tab 4\u00d7"]);
    tabEls[1]!.click();
    const bar = t.element.querySelector(".pgw-tab-bar")!;
    bar.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    bar.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true })); // wraps to the first
    tabEls[2]!.querySelector<HTMLElement>(".pgw-tab-close")!.click();
    bar.dispatchEvent(new KeyboardEvent("keydown", { key: "Delete", bubbles: true })); // the shown tab's
    assert.deepEqual(bench.events, [
      ["1:page_switch", 3, 1],
      ["1:page_switch", 4, 2],
      ["1:page_switch", 2, 0],
      ["1:page_close", 4],
      ["1:page_close", 2],
    ]);
    assert.equal(t.get_tab_id(bench.box(9)), "");
    assert.equal(t.get_child("tab_1").widgetId, 3);
    assert.equal(t.get_child("tab_99").widgetId, 0, "no such tab: the empty handle");
    assert.equal(t.index_to_widget(7).widgetId, 0, "out of range: the empty handle");
  });
});

describe("Expander", () => {
  it("a click, Space and Enter toggle and report toggled; set_collapsed reports nothing", () => {
    const bench = new Bench();
    const e = new Expander(1, { title: "t", collapsible: true, shadow: false, bg_color: "" }, recorder(1, bench.events), bench.env);
    assert.ok(e.element.classList.contains("pgw-collapsed"), "a collapsible expander starts folded");
    const bar = e.element.querySelector<HTMLElement>(".pgw-expander-bar")!;
    bar.click();
    bar.dispatchEvent(new KeyboardEvent("keydown", { key: " " }));
    bar.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    e.set_collapsed(true);
    assert.deepEqual(bench.events, [
      ["1:toggled", false],
      ["1:toggled", true],
      ["1:toggled", false],
    ]);
    assert.ok(e.element.classList.contains("pgw-collapsed"));
  });

  it("one that is not collapsible stays open", () => {
    const bench = new Bench();
    const e = new Expander(1, { title: "", collapsible: false, shadow: false, bg_color: "" }, recorder(1, bench.events), bench.env);
    e.set_collapsed(true);
    e.toggle_content();
    assert.ok(!e.element.classList.contains("pgw-collapsed"));
    assert.deepEqual(bench.events, []);
  });
});

describe("GridBox and Box", () => {
  it("row and column spacing win over set_spacing whatever the order", () => {
    const bench = new Bench();
    const g = new GridBox(1, { rows: 1, columns: 1 }, recorder(1, bench.events), bench.env);
    g.set_row_spacing(3);
    g.set_spacing(10);
    assert.equal(g.element.style.rowGap, "3px");
    assert.equal(g.element.style.columnGap, "10px");
    g.add_widget(bench.box(2), 2, 4);
    assert.deepEqual(g.get_row_column_count(), { rows: 3, columns: 5 });
    assert.equal(g.get_widget_at_cell(2, 4).widgetId, 2);
    assert.equal(g.get_widget_at_cell(0, 0).widgetId, 0);
    assert.throws(() => g.add_widget(bench.box(3), -1, 0), /count from 0/);
  });

  it("pgwidgets' align words fit one direction each", () => {
    const bench = new Bench();
    const row = new Box(1, { orientation: "horizontal" }, recorder(1, bench.events), bench.env);
    row.set_align("bottom");
    assert.equal(row.element.style.alignItems, "flex-end");
    assert.throws(() => row.set_align("left"), /horizontal/);
    const column = new Box(2, { orientation: "vertical" }, recorder(2, bench.events), bench.env);
    column.set_align("right");
    assert.throws(() => column.set_align("top"), /vertical/);
  });
});
