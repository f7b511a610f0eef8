// Container rules the shared table does not state: what the server hears
// (child_added / child_removed), refusals that must leave other containers
// alone, and destruction.
import "./support/dom.js";
import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import { Bench } from "./support/widgets.js";

describe("Container", () => {
  let bench: Bench;
  beforeEach(() => {
    bench = new Bench();
  });

  it("reports child_added and child_removed only while listened", () => {
    const box = bench.box(1);
    const a = bench.box(2);
    const b = bench.box(3);
    box.add_widget(a, 0);
    box.remove(a, false);
    assert.deepEqual(bench.events, []);
    box.listening("child_added", true);
    box.listening("child_removed", true);
    box.add_widget(a, 0);
    box.add_widget(b, 0);
    box.remove(a, false);
    box.listening("child_added", false);
    box.add_widget(a, 0);
    assert.deepEqual(bench.events, [
      ["1:child_added", 2],
      ["1:child_added", 3],
      ["1:child_removed", 2],
    ]);
  });

  it("a move tells the old parent child_removed and the new one child_added; a move within tells nobody", () => {
    const from = bench.box(1);
    const to = bench.box(2);
    const child = bench.box(3);
    const other = bench.box(4);
    for (const c of [from, to]) {
      c.listening("child_added", true);
      c.listening("child_removed", true);
    }
    from.add_widget(child, 0);
    from.add_widget(other, 0);
    bench.events.length = 0;
    from.insert_widget(1, child, 0);
    assert.deepEqual(bench.events, [], "reordering is neither an add nor a remove");
    to.add_widget(child, 0);
    assert.deepEqual(bench.events, [
      ["1:child_removed", 3],
      ["2:child_added", 3],
    ]);
    assert.equal(child.parent, to);
    assert.equal(child.element.parentElement, to.element);
  });

  it("a refused insert leaves the child where it was, in its old container too", () => {
    const from = bench.box(1);
    const to = bench.box(2);
    const child = bench.box(3);
    from.add_widget(child, 0);
    assert.throws(() => to.insert_widget(1, child, 0), /index 1 is out of range .*0 to 0/);
    assert.throws(() => to.insert_widget(0.5, child, 0), /index 0\.5/);
    assert.equal(child.parent, from);
    assert.equal(child.element.parentElement, from.element);
    assert.deepEqual(from.childHandles(), [child]);
    assert.deepEqual(to.childHandles(), []);
  });

  it("a refused set_widget keeps the window's present child", () => {
    const win = bench.window(1);
    const other = bench.window(2);
    const child = bench.box(3);
    win.set_widget(child);
    assert.throws(() => win.set_widget(other), /window/);
    assert.throws(() => win.set_widget(win), /itself/);
    assert.deepEqual(win.childHandles(), [child]);
    assert.equal(child.parent, win);
    assert.ok(child.element.isConnected);
  });

  it("set_widget releases the old child alive, off the page", () => {
    const win = bench.window(1);
    const old = bench.box(2);
    const next = bench.box(3);
    win.set_widget(old);
    win.set_widget(next);
    assert.equal(old.parent, null);
    assert.equal(old.isDestroyed, false);
    assert.equal(old.element.isConnected, false);
    assert.deepEqual(win.childHandles(), [next]);
  });

  it("remove with destroy destroys the child; destroying a container destroys its tree", () => {
    const root = bench.box(1);
    const mid = bench.box(2);
    const leaf = bench.box(3);
    const gone = bench.box(4);
    root.add_widget(mid, 0);
    mid.add_widget(leaf, 0);
    root.add_widget(gone, 0);
    root.remove(gone, true);
    assert.equal(gone.isDestroyed, true);
    assert.deepEqual(bench.released, [4]);
    root.destroy();
    assert.deepEqual(bench.released.sort(), [1, 2, 3, 4]);
    assert.ok([root, mid, leaf].every((w) => w.isDestroyed && !w.element.isConnected));
    assert.throws(() => bench.box(5).add_widget(leaf, 0), /destroyed/);
  });
});
