// User widget packages in the page: their classes join the SDK's by id, a
// user class has the methods of its SDK base, and colliding ids or a
// package added twice are refused.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addPackage, classes, isA, methods, userPackages, type WidgetPackage } from "../src/schema.js";

function byName(name: string): number {
  for (const c of classes.values()) if (c.name === name) return c.id;
  throw new Error(`no class ${name}`);
}

function pkg(name: string, classId: number, base: number): WidgetPackage {
  return {
    name,
    fingerprint: 1n,
    classes: new Map([[classId, { id: classId, name: `${name}Class`, base }]]),
    methods: new Map(),
    callbacks: new Map(),
  };
}

describe("widget packages", () => {
  it("a user class derives from an SDK class and has its methods", () => {
    const widget = byName("Widget");
    addPackage(pkg("stars", 99, widget));
    assert.ok(userPackages.some((p) => p.name === "stars"));
    assert.ok(isA(99, widget));
    assert.ok(!isA(99, byName("Container")));
    const show = [...methods.values()].find((m) => m.name === "show" && m.className === "Widget");
    assert.ok(show && isA(99, show.classId));
  });

  it("refuses a package added twice", () => {
    assert.throws(() => addPackage(pkg("stars", 98, byName("Widget"))), /stars added twice/);
  });

  it("refuses ids that collide with another package's", () => {
    assert.throws(() => addPackage(pkg("other", byName("Button"), 0)), /class id \d+ of otherClass collides with Button/);
    assert.ok(!userPackages.some((p) => p.name === "other"));
  });
});
