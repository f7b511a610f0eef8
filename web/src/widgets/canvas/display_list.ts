// A display list (schema/pgwidgets/widgets/canvas.proto: Drawing) checked
// and replayed on a CanvasRenderingContext2D. check() walks the list as
// replay() does and refuses, whole, a list replay() could not draw: an
// unknown op, an op short of numbers or ints, values left over, an index
// outside the strings or images, a word out of range. replay() then trusts
// the list (it runs once per frame over 10,000s of values).
import { DrawOpCode, type Drawing } from "../../schema.js";

const Op = DrawOpCode;

/** What each op takes: fixed numbers, fixed ints; `counted`: a count in ints, then that many values. */
interface Shape {
  readonly nums: number;
  readonly ints: number;
  /** Values per counted item (polyline: 2 numbers a point; line_dash: 1). */
  readonly counted?: number;
  /** The ints that index the strings / images table, and words with their count. */
  readonly string?: true;
  readonly image?: true;
  readonly words?: number;
}

const SHAPES = new Map<number, Shape>([
  [Op.BEGIN_PATH, { nums: 0, ints: 0 }],
  [Op.CLOSE_PATH, { nums: 0, ints: 0 }],
  [Op.MOVE_TO, { nums: 2, ints: 0 }],
  [Op.LINE_TO, { nums: 2, ints: 0 }],
  [Op.BEZIER_CURVE_TO, { nums: 6, ints: 0 }],
  [Op.QUADRATIC_CURVE_TO, { nums: 4, ints: 0 }],
  [Op.ARC, { nums: 5, ints: 1, words: 2 }],
  [Op.ARC_TO, { nums: 5, ints: 0 }],
  [Op.ELLIPSE, { nums: 7, ints: 1, words: 2 }],
  [Op.RECT, { nums: 4, ints: 0 }],
  [Op.POLYLINE, { nums: 0, ints: 0, counted: 2 }],
  [Op.FILL, { nums: 0, ints: 1, words: 2 }],
  [Op.STROKE, { nums: 0, ints: 0 }],
  [Op.CLIP, { nums: 0, ints: 1, words: 2 }],
  [Op.FILL_RECT, { nums: 4, ints: 0 }],
  [Op.STROKE_RECT, { nums: 4, ints: 0 }],
  [Op.CLEAR_RECT, { nums: 4, ints: 0 }],
  [Op.FILL_TEXT, { nums: 2, ints: 1, string: true }],
  [Op.STROKE_TEXT, { nums: 2, ints: 1, string: true }],
  [Op.FILL_STYLE, { nums: 0, ints: 1, string: true }],
  [Op.STROKE_STYLE, { nums: 0, ints: 1, string: true }],
  [Op.LINE_WIDTH, { nums: 1, ints: 0 }],
  [Op.LINE_CAP, { nums: 0, ints: 1, words: 3 }],
  [Op.LINE_JOIN, { nums: 0, ints: 1, words: 3 }],
  [Op.LINE_DASH, { nums: 0, ints: 0, counted: 1 }],
  [Op.GLOBAL_ALPHA, { nums: 1, ints: 0 }],
  [Op.FONT, { nums: 0, ints: 1, string: true }],
  [Op.TEXT_ALIGN, { nums: 0, ints: 1, words: 5 }],
  [Op.TEXT_BASELINE, { nums: 0, ints: 1, words: 6 }],
  [Op.SAVE, { nums: 0, ints: 0 }],
  [Op.RESTORE, { nums: 0, ints: 0 }],
  [Op.TRANSLATE, { nums: 2, ints: 0 }],
  [Op.ROTATE, { nums: 1, ints: 0 }],
  [Op.SCALE, { nums: 2, ints: 0 }],
  [Op.TRANSFORM, { nums: 6, ints: 0 }],
  [Op.SET_TRANSFORM, { nums: 6, ints: 0 }],
  [Op.RESET_TRANSFORM, { nums: 0, ints: 0 }],
  [Op.DRAW_IMAGE, { nums: 2, ints: 1, image: true }],
  [Op.DRAW_IMAGE_SCALED, { nums: 4, ints: 1, image: true }],
]);

const CAPS: readonly CanvasLineCap[] = ["butt", "round", "square"];
const JOINS: readonly CanvasLineJoin[] = ["miter", "round", "bevel"];
const ALIGNS: readonly CanvasTextAlign[] = ["start", "end", "left", "right", "center"];
const BASELINES: readonly CanvasTextBaseline[] = ["alphabetic", "top", "hanging", "middle", "ideographic", "bottom"];
const RULES: readonly CanvasFillRule[] = ["nonzero", "evenodd"];

function opName(code: number): string {
  return (Op as unknown as Record<number, string>)[code]?.toLowerCase() ?? String(code);
}

/**
 * Throws an Error saying what is wrong with the list (the op's place and
 * name), or returns when replay() can draw all of it.
 */
export function checkDrawing(d: Drawing): void {
  let n = 0;
  let i = 0;
  d.ops.forEach((code, at) => {
    const shape = SHAPES.get(code);
    const where = `display list op ${at} (${opName(code)})`;
    if (!shape) throw new Error(`${where}: not an op`);
    if (shape.counted !== undefined) {
      if (i >= d.ints.length) throw new Error(`${where}: no count (the list's ints ran out)`);
      const count = d.ints[i++]!;
      if (count < 0 || (code === Op.POLYLINE && count === 0)) throw new Error(`${where}: bad count ${count}`);
      n += count * shape.counted;
      if (n > d.nums.length) throw new Error(`${where}: ${count} items but the list's numbers ran out`);
      return;
    }
    if (n + shape.nums > d.nums.length) throw new Error(`${where}: takes ${shape.nums} numbers, the list ran out`);
    if (i + shape.ints > d.ints.length) throw new Error(`${where}: takes ${shape.ints} ints, the list ran out`);
    if (shape.ints > 0) {
      const v = d.ints[i]!;
      const limit = shape.string ? d.strings.length : shape.image ? d.images.length : shape.words!;
      if (v < 0 || v >= limit) {
        const what = shape.string ? "string" : shape.image ? "image" : "value";
        throw new Error(`${where}: ${what} ${v} is out of range (0..${limit - 1})`);
      }
    }
    n += shape.nums;
    i += shape.ints;
  });
  if (n !== d.nums.length) throw new Error(`display list: ${d.nums.length - n} numbers left over after the last op`);
  if (i !== d.ints.length) throw new Error(`display list: ${d.ints.length - i} ints left over after the last op`);
  d.images.forEach((img, k) => {
    if (!img.id) throw new Error(`display list image ${k}: no id`);
    if ((img.data.length === 0) === (img.url === ""))
      throw new Error(`display list image ${k} (${img.id}): needs either bytes or a URL`);
  });
}

/**
 * Draws a checked list on `ctx`, whose pixels are `dpr` times CSS pixels:
 * the list's own transforms are CSS-pixel ones on top of that scale.
 * `images` holds the decoded image of each entry of the list's table.
 */
export function replay(
  ctx: CanvasRenderingContext2D,
  d: Drawing,
  images: readonly CanvasImageSource[],
  dpr: number,
): void {
  const nums = d.nums;
  const ints = d.ints;
  const strings = d.strings;
  let n = 0;
  let i = 0;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  for (const code of d.ops) {
    switch (code) {
      case Op.BEGIN_PATH:
        ctx.beginPath();
        break;
      case Op.CLOSE_PATH:
        ctx.closePath();
        break;
      case Op.MOVE_TO:
        ctx.moveTo(nums[n]!, nums[n + 1]!);
        n += 2;
        break;
      case Op.LINE_TO:
        ctx.lineTo(nums[n]!, nums[n + 1]!);
        n += 2;
        break;
      case Op.BEZIER_CURVE_TO:
        ctx.bezierCurveTo(nums[n]!, nums[n + 1]!, nums[n + 2]!, nums[n + 3]!, nums[n + 4]!, nums[n + 5]!);
        n += 6;
        break;
      case Op.QUADRATIC_CURVE_TO:
        ctx.quadraticCurveTo(nums[n]!, nums[n + 1]!, nums[n + 2]!, nums[n + 3]!);
        n += 4;
        break;
      case Op.ARC:
        ctx.arc(nums[n]!, nums[n + 1]!, nums[n + 2]!, nums[n + 3]!, nums[n + 4]!, ints[i++] === 1);
        n += 5;
        break;
      case Op.ARC_TO:
        ctx.arcTo(nums[n]!, nums[n + 1]!, nums[n + 2]!, nums[n + 3]!, nums[n + 4]!);
        n += 5;
        break;
      case Op.ELLIPSE:
        ctx.ellipse(
          nums[n]!, nums[n + 1]!, nums[n + 2]!, nums[n + 3]!, nums[n + 4]!, nums[n + 5]!, nums[n + 6]!,
          ints[i++] === 1,
        );
        n += 7;
        break;
      case Op.RECT:
        ctx.rect(nums[n]!, nums[n + 1]!, nums[n + 2]!, nums[n + 3]!);
        n += 4;
        break;
      case Op.POLYLINE: {
        const end = n + 2 * ints[i++]!;
        ctx.moveTo(nums[n]!, nums[n + 1]!);
        for (let k = n + 2; k < end; k += 2) ctx.lineTo(nums[k]!, nums[k + 1]!);
        n = end;
        break;
      }
      case Op.FILL:
        ctx.fill(RULES[ints[i++]!]);
        break;
      case Op.STROKE:
        ctx.stroke();
        break;
      case Op.CLIP:
        ctx.clip(RULES[ints[i++]!]);
        break;
      case Op.FILL_RECT:
        ctx.fillRect(nums[n]!, nums[n + 1]!, nums[n + 2]!, nums[n + 3]!);
        n += 4;
        break;
      case Op.STROKE_RECT:
        ctx.strokeRect(nums[n]!, nums[n + 1]!, nums[n + 2]!, nums[n + 3]!);
        n += 4;
        break;
      case Op.CLEAR_RECT:
        ctx.clearRect(nums[n]!, nums[n + 1]!, nums[n + 2]!, nums[n + 3]!);
        n += 4;
        break;
      case Op.FILL_TEXT:
        ctx.fillText(strings[ints[i++]!]!, nums[n]!, nums[n + 1]!);
        n += 2;
        break;
      case Op.STROKE_TEXT:
        ctx.strokeText(strings[ints[i++]!]!, nums[n]!, nums[n + 1]!);
        n += 2;
        break;
      case Op.FILL_STYLE:
        ctx.fillStyle = strings[ints[i++]!]!;
        break;
      case Op.STROKE_STYLE:
        ctx.strokeStyle = strings[ints[i++]!]!;
        break;
      case Op.LINE_WIDTH:
        ctx.lineWidth = nums[n++]!;
        break;
      case Op.LINE_CAP:
        ctx.lineCap = CAPS[ints[i++]!]!;
        break;
      case Op.LINE_JOIN:
        ctx.lineJoin = JOINS[ints[i++]!]!;
        break;
      case Op.LINE_DASH: {
        const end = n + ints[i++]!;
        ctx.setLineDash(nums.slice(n, end));
        n = end;
        break;
      }
      case Op.GLOBAL_ALPHA:
        ctx.globalAlpha = nums[n++]!;
        break;
      case Op.FONT:
        ctx.font = strings[ints[i++]!]!;
        break;
      case Op.TEXT_ALIGN:
        ctx.textAlign = ALIGNS[ints[i++]!]!;
        break;
      case Op.TEXT_BASELINE:
        ctx.textBaseline = BASELINES[ints[i++]!]!;
        break;
      case Op.SAVE:
        ctx.save();
        break;
      case Op.RESTORE:
        ctx.restore();
        break;
      case Op.TRANSLATE:
        ctx.translate(nums[n]!, nums[n + 1]!);
        n += 2;
        break;
      case Op.ROTATE:
        ctx.rotate(nums[n++]!);
        break;
      case Op.SCALE:
        ctx.scale(nums[n]!, nums[n + 1]!);
        n += 2;
        break;
      case Op.TRANSFORM:
        ctx.transform(nums[n]!, nums[n + 1]!, nums[n + 2]!, nums[n + 3]!, nums[n + 4]!, nums[n + 5]!);
        n += 6;
        break;
      case Op.SET_TRANSFORM:
        // The list's transform is in CSS pixels, on top of the DPR scale.
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        ctx.transform(nums[n]!, nums[n + 1]!, nums[n + 2]!, nums[n + 3]!, nums[n + 4]!, nums[n + 5]!);
        n += 6;
        break;
      case Op.RESET_TRANSFORM:
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        break;
      case Op.DRAW_IMAGE:
        ctx.drawImage(images[ints[i++]!]!, nums[n]!, nums[n + 1]!);
        n += 2;
        break;
      case Op.DRAW_IMAGE_SCALED:
        ctx.drawImage(images[ints[i++]!]!, nums[n]!, nums[n + 1]!, nums[n + 2]!, nums[n + 3]!);
        n += 4;
        break;
    }
  }
}
