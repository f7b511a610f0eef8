// The InteractiveEvents trait's DOM side (parts/interactive.ts): the records
// it makes from DOM events (pgwidgets' button mask, the modifier keys), and
// a Label that listens only when created `interactive`.
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buttonMask, keyRecord, modifiersOf, pointerRecord } from "../src/parts/interactive.js";
import type { LabelEvents } from "../src/schema.js";
import { Label } from "../src/widgets/display/label.js";
import { Bench, recorder, type Reported } from "./support/widgets.js";

describe("interactive records", () => {
  it("remaps the DOM's buttons (1 left, 2 right, 4 middle) to pgwidgets' mask (0x1, 0x2 middle, 0x4 right)", () => {
    assert.equal(buttonMask(1), 1);
    assert.equal(buttonMask(2), 4);
    assert.equal(buttonMask(4), 2);
    assert.equal(buttonMask(7), 7);
    assert.equal(buttonMask(0), 0);
  });

  it("keeps each modifier key", () => {
    const e = new KeyboardEvent("keydown", { key: "A", code: "KeyA", shiftKey: true, altKey: true });
    assert.deepEqual(modifiersOf(e), { alt: true, ctrl: false, shift: true, meta: false });
    const k = keyRecord(e);
    assert.equal(k.key, "A");
    assert.equal(k.keycode, "KeyA");
    const m = new MouseEvent("click", { ctrlKey: true, metaKey: true, button: 2, buttons: 2, clientX: 5, clientY: 6 });
    const p = pointerRecord(document.body, m);
    assert.deepEqual(p.modifiers, { alt: false, ctrl: true, shift: false, meta: true });
    assert.equal(p.button_trigger, 3);
    assert.equal(p.button_mask, 4);
    assert.equal(p.viewport_x, 5);
  });
});

describe("Label interactive", () => {
  const make = (interactive: boolean, log: Reported[]) => {
    const bench = new Bench();
    const events = recorder<LabelEvents>(7, log);
    return new Label(7, { text: "x", halign: "left", interactive }, events, bench.env);
  };

  it("reports clicks and keys when created interactive, and takes the focus", () => {
    const log: Reported[] = [];
    const label = make(true, log);
    assert.equal(label.element.tabIndex, 0);
    label.element.dispatchEvent(new MouseEvent("click", { bubbles: true, shiftKey: true }));
    label.element.dispatchEvent(new KeyboardEvent("keydown", { key: "b", code: "KeyB", bubbles: true }));
    assert.deepEqual(log.map(([name]) => name), ["7:click", "7:key_down"]);
    const click = log[0][1] as { modifiers: { shift: boolean } };
    assert.equal(click.modifiers.shift, true);
  });

  it("listens to nothing without it", () => {
    const log: Reported[] = [];
    const label = make(false, log);
    assert.equal(label.element.getAttribute("tabindex"), null);
    for (const type of ["click", "dblclick", "pointerdown", "pointerup", "pointermove", "contextmenu"]) {
      label.element.dispatchEvent(new MouseEvent(type, { bubbles: true }));
    }
    label.element.dispatchEvent(new KeyboardEvent("keydown", { key: "b", bubbles: true }));
    assert.deepEqual(log, []);
  });
});
