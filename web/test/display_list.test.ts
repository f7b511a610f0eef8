// The Canvas's display list on the page (widgets/canvas/display_list.ts):
// checkDrawing refuses, whole, a list replay could not draw, naming the op;
// replay reads each op's numbers and ints at the right place (a recording
// context stands in for CanvasRenderingContext2D).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DrawOpCode as Op, type Drawing } from "../src/schema.js";
import { checkDrawing, replay } from "../src/widgets/canvas/display_list.js";

function list(part: Partial<Drawing>): Drawing {
  return { ops: [], nums: [], ints: [], strings: [], images: [], ...part };
}

/** A context that records each call and property write as a line. */
function recorder(): { ctx: CanvasRenderingContext2D; log: string[] } {
  const log: string[] = [];
  const ctx = new Proxy({} as Record<string | symbol, unknown>, {
    get: (_t, name) => (...args: unknown[]) => log.push(`${String(name)}(${args.join(",")})`),
    set: (_t, name, value) => {
      log.push(`${String(name)}=${String(value)}`);
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, log };
}

describe("checkDrawing", () => {
  it("accepts a list whose ops take exactly its values", () => {
    checkDrawing(list({
      ops: [Op.FILL_STYLE, Op.MOVE_TO, Op.POLYLINE, Op.ARC, Op.FILL_TEXT, Op.LINE_DASH],
      nums: [1, 2, 0, 0, 5, 5, 9, 9, 3, 0, 6, 7, 8, 4, 2],
      ints: [0, 2, 0, 1, 2],
      strings: ["red", "hello"],
    }));
  });

  it("refuses an op short of numbers, naming it", () => {
    assert.throws(() => checkDrawing(list({ ops: [Op.ARC], nums: [1, 2, 3], ints: [0] })),
      /display list op 0 \(arc\): takes 5 numbers/);
  });

  it("refuses values left over, unknown ops, bad indices and counts", () => {
    assert.throws(() => checkDrawing(list({ ops: [Op.MOVE_TO], nums: [1, 2, 3] })), /1 numbers left over/);
    assert.throws(() => checkDrawing(list({ ops: [Op.STROKE], ints: [4] })), /1 ints left over/);
    assert.throws(() => checkDrawing(list({ ops: [99] })), /op 0 \(99\): not an op/);
    assert.throws(() => checkDrawing(list({ ops: [Op.NONE] })), /not an op/);
    assert.throws(() => checkDrawing(list({ ops: [Op.FONT], ints: [0] })), /string 0 is out of range/);
    assert.throws(() => checkDrawing(list({ ops: [Op.DRAW_IMAGE], nums: [0, 0], ints: [0] })), /image 0 is out of range/);
    assert.throws(() => checkDrawing(list({ ops: [Op.LINE_CAP], ints: [3] })), /value 3 is out of range/);
    assert.throws(() => checkDrawing(list({ ops: [Op.POLYLINE], ints: [0] })), /bad count 0/);
    assert.throws(() => checkDrawing(list({ ops: [Op.POLYLINE], ints: [3], nums: [1, 2, 3, 4] })), /numbers ran out/);
    assert.throws(() => checkDrawing(list({ ops: [Op.POLYLINE] })), /no count/);
    assert.throws(() => checkDrawing(list({ images: [{ id: "a", data: new Uint8Array(), url: "" }] })),
      /either bytes or a URL/);
  });
});

describe("replay", () => {
  it("reads each op's values in order, on top of the DPR scale", () => {
    const { ctx, log } = recorder();
    const d = list({
      ops: [Op.MOVE_TO, Op.ARC, Op.POLYLINE, Op.LINE_WIDTH, Op.FILL_TEXT, Op.SET_TRANSFORM, Op.FILL],
      nums: [1, 2, 10, 20, 5, 0, 3, 7, 8, 9, 10, 2, 30, 40, 1, 0, 0, 1, 4, 5],
      ints: [1, 2, 0, 1],
      strings: ["hi"],
    });
    checkDrawing(d);
    replay(ctx, d, [], 2);
    assert.deepEqual(log, [
      "setTransform(2,0,0,2,0,0)",
      "moveTo(1,2)",
      "arc(10,20,5,0,3,true)",
      "moveTo(7,8)",
      "lineTo(9,10)",
      "lineWidth=2",
      "fillText(hi,30,40)",
      "setTransform(2,0,0,2,0,0)",
      "transform(1,0,0,1,4,5)",
      "fill(evenodd)",
    ]);
  });
});
