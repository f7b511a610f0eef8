// The registry: live widgets by id, listened callbacks, trees, clearing.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Registry, type LiveImpl } from "../src/registry.js";

/** A stand-in implementation: the registry only uses the runtime hooks. */
function fake(widgetId: number, opts: { children?: LiveImpl[]; disposable?: boolean } = {}) {
  const log: string[] = [];
  const element = document.createElement("div");
  document.body.appendChild(element);
  const impl = {
    widgetId,
    isDestroyed: false,
    element,
    childHandles: () => opts.children ?? [],
    ...(opts.disposable ? { dispose: () => log.push(`dispose ${widgetId}`) } : {}),
  } as unknown as LiveImpl;
  return { impl, log, element };
}

describe("Registry", () => {
  it("adds, finds and forgets widgets by id", () => {
    const r = new Registry();
    const a = fake(1).impl;
    r.add(1, a, 4);
    assert.equal(r.size, 1);
    assert.equal(r.has(1), true);
    assert.equal(r.get(1)?.impl, a);
    assert.equal(r.get(1)?.classId, 4);
    assert.equal(r.get(2), undefined);
    r.forget(1);
    assert.equal(r.has(1), false);
    assert.equal(r.size, 0);
    r.forget(1); // forgetting twice is harmless: destroy can come by several routes
  });

  it("reports whether listening changed, so widgets hear each change once", () => {
    const r = new Registry();
    r.add(1, fake(1).impl, 4);
    assert.equal(r.setListening(1, 5, true), true);
    assert.equal(r.setListening(1, 5, true), false);
    assert.deepEqual([...r.get(1)!.listened], [5]);
    assert.equal(r.setListening(1, 5, false), true);
    assert.equal(r.setListening(1, 5, false), false);
    assert.equal(r.setListening(2, 5, true), false, "an unknown widget changes nothing");
  });

  it("lists a tree parents first, depth first", () => {
    const r = new Registry();
    const leafA = fake(3).impl;
    const leafB = fake(4).impl;
    const inner = fake(2, { children: [leafA] }).impl;
    const root = fake(1, { children: [inner, leafB] }).impl;
    assert.deepEqual(r.tree(root).map((w) => w.widgetId), [1, 2, 3, 4]);
    assert.deepEqual(r.tree(leafA).map((w) => w.widgetId), [3]);
  });

  it("clear forgets everything and takes it off the page, through dispose where there is one", () => {
    const r = new Registry();
    const plain = fake(1);
    const disposable = fake(2, { disposable: true });
    r.add(1, plain.impl, 4);
    r.add(2, disposable.impl, 5);
    r.clear();
    assert.equal(r.size, 0);
    assert.equal(plain.element.isConnected, false);
    assert.deepEqual(disposable.log, ["dispose 2"]);
    assert.equal(disposable.element.isConnected, true, "dispose, not element.remove, decides");
  });
});
