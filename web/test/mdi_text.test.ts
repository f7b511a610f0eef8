// MDIWidget / MDISubWindow and TextArea on their own: what the page tells
// the server when it, not the user's pointer, changed the state the server
// keeps (placement, arranging, closing), and how often a TextArea reports.
import "./support/dom.js";
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it, mock } from "node:test";
import type { MDISubWindowCreateArgs } from "../src/schema.js";
import { MDISubWindow } from "../src/widgets/mdi/mdisubwindow.js";
import { MDIWidget, SCROLL_REPORT_MS } from "../src/widgets/mdi/mdiwidget.js";
import { REPORT_PAUSE_MS, TextArea } from "../src/widgets/text/textarea.js";
import { Bench, recorder } from "./support/widgets.js";

describe("MDIWidget", () => {
  let bench: Bench;
  let mdi: MDIWidget;
  const args: MDISubWindowCreateArgs = {
    title: "doc", width: 300, height: 300, icon_url: "", x: undefined, y: undefined, shadeable: true,
  };
  const sub = (id: number) => new MDISubWindow(id, args, recorder(id, bench.events), bench.env);

  beforeEach(() => {
    bench = new Bench();
    mdi = new MDIWidget(1, {}, recorder(1, bench.events), bench.env);
    document.body.appendChild(mdi.element);
  });

  it("holds only sub-windows, and a refusal changes nothing", () => {
    const box = bench.box(2);
    assert.throws(() => mdi.add_widget(box), /not an MDISubWindow/);
    assert.equal(mdi.childHandles().length, 0);
    assert.equal(box.parent, null);
  });

  it("places a sub-window that was never positioned and tells the server; a positioned one keeps its place quietly", () => {
    const placed = sub(2);
    placed.set_position(40, 30);
    const fresh = sub(3);
    mdi.add_widget(placed);
    mdi.add_widget(fresh);
    const moves = bench.events.filter((e) => e[0].endsWith(":move"));
    assert.deepEqual(moves, [["3:move", fresh.position.x, fresh.position.y]]);
    assert.deepEqual(placed.position, { x: 40, y: 30 });
  });

  it("a sub-window made with add_widget's options has their size, and their place when both x and y are given", () => {
    const made = new MDISubWindow(2, { ...args, width: 320, height: 200, x: 40, y: 30 }, recorder(2, bench.events), bench.env);
    const half = new MDISubWindow(3, { ...args, x: 40 }, recorder(3, bench.events), bench.env);
    mdi.add_widget(made);
    mdi.add_widget(half);
    assert.equal(made.element.style.width, "320px");
    assert.equal(made.element.style.height, "200px");
    assert.deepEqual(made.position, { x: 40, y: 30 });
    assert.equal(half.element.style.width, "300px");
    // Only x given: the workspace places it, and tells the server where.
    const moves = bench.events.filter((e) => e[0].endsWith(":move"));
    assert.deepEqual(moves, [["3:move", half.position.x, half.position.y]]);
  });

  it("get_subwin, get_configuration and index_to_widget find the sub-window by its content", () => {
    const s = new MDISubWindow(2, { ...args, title: "Notes", width: 250, height: 150, x: 10, y: 20 },
      recorder(2, bench.events), bench.env);
    const content = bench.box(3);
    s.set_widget(content);
    mdi.add_widget(s);
    assert.equal(mdi.get_subwin(content), s);
    assert.equal(mdi.get_subwin(bench.box(4)).widgetId, 0);
    assert.equal(mdi.index_to_widget(0), content);
    assert.equal(mdi.index_to_widget(1).widgetId, 0);
    assert.deepEqual(mdi.get_configuration(content).title, "Notes");
    assert.deepEqual(mdi.get_configuration(content).x, 10);
    assert.deepEqual(mdi.get_configuration(content).y, 20);
    assert.deepEqual(mdi.get_configuration(bench.box(5)), { x: 0, y: 0, width: 0, height: 0, title: "" });
  });

  it("move_child / resize_child find the sub-window by its content or itself, and report what they changed", () => {
    const s = sub(2);
    const content = bench.box(3);
    s.set_widget(content);
    s.set_position(0, 0);
    mdi.add_widget(s);
    bench.events.length = 0;
    mdi.move_child(content, 15, 25);
    mdi.resize_child(s, 200, 120);
    mdi.move_child(bench.box(9), 1, 1); // not ours: nothing happens, as in pgwidgets
    assert.deepEqual(bench.events.filter((e) => !e[0].startsWith("1:")), [["2:move", 15, 25], ["2:resized", 200, 120]]);
    assert.deepEqual(mdi.get_child_position(content), { x: 15, y: 25 });
    assert.equal(mdi.index_of(content), 0);
    assert.equal(mdi.index_of(bench.box(10)), -1);
  });

  it("close_child reports close but not page_close; the close button reports both, with the content", () => {
    const a = sub(2);
    const b = sub(3);
    const content = bench.box(4);
    b.set_widget(content);
    for (const s of [a, b]) {
      s.set_position(0, 0);
      mdi.add_widget(s);
    }
    bench.events.length = 0;
    mdi.close_child(a);
    assert.deepEqual(bench.events, [["2:close"]]);
    bench.events.length = 0;
    (b.element.querySelector('[aria-label="Close"]') as HTMLButtonElement).click();
    assert.deepEqual(bench.events.filter((e) => e[0] !== "1:page_switch"), [["3:close"], ["1:page_close", 4]]);
    assert.ok(a.element.classList.contains("pgw-hidden") && b.element.classList.contains("pgw-hidden"));
  });

  it("the front sub-window is the active one; set_index raises, get_index answers, page_switch follows the front", () => {
    const a = sub(2);
    const b = sub(3);
    for (const s of [a, b]) {
      s.set_position(0, 0);
      mdi.add_widget(s);
    }
    assert.equal(mdi.get_index(), 1);
    bench.events.length = 0;
    mdi.set_index(0);
    assert.equal(mdi.get_index(), 0);
    assert.ok(a.element.classList.contains("pgw-active") && !b.element.classList.contains("pgw-active"));
    mdi.set_index(0);
    mdi.set_index(5);
    assert.deepEqual(bench.events, [["1:page_switch", 2]], "one switch, for the one change of front");
  });

  it("cascade_windows restores every sub-window to normal and reports each change", () => {
    const a = sub(2);
    a.set_position(50, 50);
    mdi.add_widget(a);
    a.set_window_state("maximized");
    bench.events.length = 0;
    mdi.cascade_windows();
    assert.deepEqual(bench.events.filter((e) => e[0].startsWith("2:")), [["2:window_state", "normal"], ["2:move", 0, 0]]);
  });

  // happy-dom lays nothing out: the sizes a browser would give are set by hand.
  const sized = (e: HTMLElement, props: Record<string, number>) => {
    for (const [k, v] of Object.entries(props)) Object.defineProperty(e, k, { value: v, configurable: true });
  };

  it("a title-bar drag past the right or bottom edge goes (1 - resistance) as far as the pointer; 1 stops it at the edge", () => {
    const a = sub(2);
    a.set_position(0, 0);
    mdi.add_widget(a);
    sized(mdi.viewport, { clientWidth: 600, clientHeight: 400 });
    sized(a.element, { offsetLeft: 0, offsetTop: 0, offsetWidth: 300, offsetHeight: 200 });
    // The workspace's edge for this window is at x 300, y 200.
    mdi.set_resistance(0.5);
    let confine = mdi.confineMove(a);
    assert.deepEqual(confine(400, 300), { x: 350, y: 250 });
    assert.deepEqual(confine(100, 150), { x: 100, y: 150 }, "inside the workspace the pointer rules");
    assert.deepEqual(confine(-1000, -20), { x: 60 - 300, y: 0 }, "never above the top, nor all but 60 px past the left");
    mdi.set_resistance(1);
    confine = mdi.confineMove(a);
    assert.deepEqual(confine(400, 300), { x: 300, y: 200 });
    mdi.set_resistance(0);
    confine = mdi.confineMove(a);
    assert.deepEqual(confine(400, 300), { x: 400, y: 300 });
    assert.equal(mdi.get_resistance(), 0);
    // Placed past the view, the window's own reach is the edge: locked, it stays there.
    sized(a.element, { offsetLeft: 500, offsetTop: 300 });
    mdi.set_resistance(1);
    confine = mdi.confineMove(a);
    assert.deepEqual(confine(700, 600), { x: 500, y: 300 });
  });

  it("set_scroll_position is not reported; the user's scrolling is, once, when it stops", () => {
    mock.timers.enable({ apis: ["setTimeout"] });
    try {
      const v = mdi.viewport;
      sized(v, { scrollWidth: 1000, scrollHeight: 400, clientWidth: 500, clientHeight: 400 });
      const scrolled = () => bench.events.filter((e) => e[0] === "1:scrolled");
      mdi.set_scroll_position(0.5, 0);
      v.dispatchEvent(new Event("scroll"));
      mock.timers.tick(SCROLL_REPORT_MS * 2);
      assert.equal(v.scrollLeft, 250);
      assert.deepEqual(scrolled(), []);
      for (const left of [260, 300, 500]) {
        v.scrollLeft = left;
        v.dispatchEvent(new Event("scroll"));
        mock.timers.tick(SCROLL_REPORT_MS / 4);
      }
      assert.deepEqual(scrolled(), []);
      mock.timers.tick(SCROLL_REPORT_MS);
      assert.deepEqual(scrolled(), [["1:scrolled", 1, 0]]);
      assert.deepEqual(mdi.get_scroll_position(), { h_pct: 1, v_pct: 0 });
    } finally {
      mock.timers.reset();
    }
  });
});

describe("TextArea", () => {
  let bench: Bench;
  let area: TextArea;
  const changes = () => bench.events.filter((e) => e[0] === "1:changed");

  beforeEach(() => {
    mock.timers.enable({ apis: ["setTimeout"] });
    bench = new Bench();
    area = new TextArea(1, { text: "a", wrap: "none", editable: true }, recorder(1, bench.events), bench.env);
    document.body.appendChild(area.element);
  });
  afterEach(() => mock.timers.reset());

  const type = (text: string) => {
    const t = area.element as HTMLTextAreaElement;
    for (const ch of text) {
      t.value += ch;
      t.dispatchEvent(new Event("input"));
      mock.timers.tick(REPORT_PAUSE_MS / 5);
    }
  };

  it("reports typing once it pauses, with the whole text, not once per key", () => {
    type("bcdef");
    assert.deepEqual(changes(), []);
    mock.timers.tick(REPORT_PAUSE_MS);
    assert.deepEqual(changes(), [["1:changed", "abcdef"]]);
  });

  it("reports at once when the area loses focus, and not again after the pause", () => {
    type("xy");
    area.element.dispatchEvent(new Event("blur"));
    mock.timers.tick(REPORT_PAUSE_MS * 2);
    assert.deepEqual(changes(), [["1:changed", "axy"]]);
  });

  it("the program's set_text is not reported; append_text and a limit that drops lines are", () => {
    area.set_text("one\ntwo");
    assert.deepEqual(changes(), []);
    area.append_text("\nthree");
    area.set_limit(2);
    assert.deepEqual(changes(), [["1:changed", "one\ntwo\nthree"], ["1:changed", "two\nthree"]]);
    area.set_limit(5);
    assert.equal(changes().length, 2, "a limit that drops nothing is not news");
  });
});
