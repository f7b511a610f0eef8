// Scrolling recycles the pooled row elements. A scroll of fewer rows than a
// screen moves the rows that left to the other end (in the DOM too), so a
// wheel's few rows refill only the rows that came in; a longer jump refills
// every row. Either way each row element on screen shows the node at its
// place, in order.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it, mock } from "node:test";
import { TableView } from "../src/widgets/tree/tableview.js";
import type { Grid, GridNode } from "../src/widgets/tree/grid.js";
import type { Column, TableViewCreateArgs, TableViewEvents } from "../src/schema.js";
import { Bench, recorder } from "./support/widgets.js";

const options = {
  show_header: true, selection_mode: "single", alternate_row_colors: true, show_grid: false,
  show_row_numbers: true, sortable: false, allow_text_selection: false, cell_cursor: false,
} as const;
const column = (key: string): Column => ({ title: key, width: 80, key, type: "string", editable: false, widget: "none", choices: [] });

/** The grid's private parts this test drives: the body, the row layer, and each refill. */
interface Inside {
  body: HTMLDivElement;
  rowsLayer: HTMLDivElement;
  rowHeight: number;
  fillRow(row: HTMLDivElement, node: GridNode, index: number): void;
}

/** A 1,000-row table whose body shows `screen` rows; counts the rows each render refills. */
function table(screen: number) {
  const bench = new Bench();
  const t = new TableView(4, { ...options } as TableViewCreateArgs, recorder<TableViewEvents>(4, bench.events), bench.env);
  t.set_columns([column("name"), column("other")]);
  t.set_data(Array.from({ length: 1000 }, (_, i) => ({ cells: [`n${i}`, `o${i}`] })));
  const g = (t as unknown as { grid: Grid }).grid;
  const inside = g as unknown as Inside;
  const rh = inside.rowHeight;
  let scrollTop = 0;
  // happy-dom lays nothing out: the body's size and scroll offset are given here.
  Object.defineProperty(inside.body, "clientHeight", { get: () => screen * rh });
  Object.defineProperty(inside.body, "scrollTop", { get: () => scrollTop, set: (v: number) => { scrollTop = v; } });
  Object.defineProperty(inside.body, "scrollHeight", { get: () => 1000 * rh });
  const refilled: number[] = [];
  const fill = inside.fillRow.bind(g);
  inside.fillRow = (row, node, index) => { refilled.push(index); fill(row, node, index); };
  /** Renders; returns the rows refilled. */
  const render = (): number[] => {
    refilled.length = 0;
    g.render();
    return [...refilled].sort((a, b) => a - b);
  };
  /** Scrolls to row `first` and renders; returns the rows refilled. */
  const scrollTo = (first: number): number[] => {
    scrollTop = first * rh;
    return render();
  };
  /** The rows on screen, in DOM order: their index, text, number and shading, and the element. */
  const onScreen = () => [...inside.rowsLayer.children]
    .filter((r) => (r as HTMLElement).style.display !== "none")
    .map((r) => {
      const row = r as HTMLElement;
      const cells = [...row.querySelectorAll(".pgw-grid-cell:not(.pgw-grid-rownum)")].map((c) => c.textContent);
      return {
        index: Number(row.dataset["index"]), cells, number: row.querySelector(".pgw-grid-rownum")?.textContent,
        alt: row.classList.contains("pgw-grid-alt"), row,
      };
    });
  /** The user scrolls to row `first`: the body's scroll event, as the browser sends it. */
  const userScroll = (first: number): void => {
    scrollTop = first * rh;
    inside.body.dispatchEvent(new Event("scroll"));
  };
  const reports = () => bench.events.filter((e) => e[0] === "4:scrolled");
  return { t, g, render, scrollTo, onScreen, userScroll, reports };
}

/** Every row on screen shows its own node, from `first` on, in order. */
function assertShows(rows: ReturnType<ReturnType<typeof table>["onScreen"]>, first: number, count: number): void {
  assert.deepEqual(rows.map((r) => r.index), Array.from({ length: count }, (_, i) => first + i));
  for (const r of rows) {
    assert.deepEqual(r.cells, [`n${r.index}`, `o${r.index}`], `row ${r.index}`);
    assert.equal(r.number, String(r.index + 1));
    assert.equal(r.alt, r.index % 2 === 1);
  }
}

describe("scrolling the grid", () => {
  // 10 rows on screen; the pool holds two more.
  const count = 12;

  it("a scroll of a few rows refills only the rows that came in, and keeps the rest's elements", () => {
    const { g, scrollTo, onScreen } = table(10);
    g.render();
    assertShows(onScreen(), 0, count);
    const before = new Map(onScreen().map((r) => [r.index, r.row]));

    assert.deepEqual(scrollTo(3), [12, 13, 14]);
    let now = onScreen();
    assertShows(now, 3, count);
    for (const r of now) if (before.has(r.index)) assert.equal(r.row, before.get(r.index), `row ${r.index} kept its element`);

    // Back up by two.
    const mid = new Map(now.map((r) => [r.index, r.row]));
    assert.deepEqual(scrollTo(1), [1, 2]);
    now = onScreen();
    assertShows(now, 1, count);
    for (const r of now) if (mid.has(r.index)) assert.equal(r.row, mid.get(r.index), `row ${r.index} kept its element`);

    // Nothing moved, nothing changed: nothing refilled.
    assert.deepEqual(scrollTo(1), []);
  });

  it("a jump of a screen or more refills every row, and a change refills the rows on screen", () => {
    const { t, g, scrollTo, onScreen } = table(10);
    g.render();
    assert.equal(scrollTo(count).length, count);
    assertShows(onScreen(), count, count);
    assert.equal(scrollTo(500).length, count);
    assertShows(onScreen(), 500, count);
    assert.equal(scrollTo(500 - count + 1).length, count - 1);
    assertShows(onScreen(), 500 - count + 1, count);
    t.set_cell(495, 0, "changed");
    assert.equal(scrollTo(490).length, count);
    const rows = onScreen();
    assert.deepEqual(rows.map((r) => r.index), Array.from({ length: count }, (_, i) => 490 + i));
    assert.equal(rows.find((r) => r.index === 495)!.cells[0], "changed");
  });

  it("a program's scroll refills only the rows that come in", () => {
    const { t, g, render, scrollTo, onScreen } = table(10);
    g.render();
    scrollTo(100);
    // set_scroll_position scrolls at the next render (to 102.5 rows of the 990 that can scroll); no row's content changed.
    t.set_scroll_position(0, 102.5 / 990);
    assert.deepEqual(render(), [112, 113]);
    assertShows(onScreen(), 102, count);
  });

  it("the user's scrolling is reported once, where it stops; the program's is not", () => {
    mock.timers.enable({ apis: ["setTimeout"] });
    try {
      const { t, g, render, userScroll, reports } = table(10);
      g.render();
      // 990 rows can scroll: row 99 is a tenth of the way.
      t.set_scroll_position(0, 0.1);
      render();
      mock.timers.tick(1000);
      assert.deepEqual(reports(), []);
      for (const first of [120, 200, 495]) {
        userScroll(first);
        mock.timers.tick(50);
      }
      assert.deepEqual(reports(), [], "reported before the scrolling stopped");
      mock.timers.tick(150);
      assert.deepEqual(reports(), [["4:scrolled", 0, 0.5]]);
      // Back where it was reported, within the pause: nothing new to say.
      userScroll(400);
      userScroll(495);
      mock.timers.tick(1000);
      assert.equal(reports().length, 1);
      // A widget destroyed while a report waits sends nothing.
      userScroll(10);
      t.destroy();
      mock.timers.tick(1000);
      assert.equal(reports().length, 1);
    } finally {
      mock.timers.reset();
    }
  });
});
