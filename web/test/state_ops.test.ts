// The shared collection-state table (tests/cases/state_ops.json), whose
// rules the server applies (runtime/src/state_ops.cpp): every 'combo' case
// against the real ComboBox, so the page's list is the server's list (a
// rebuild sends the server's list; live calls build the page's).
import "./support/dom.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import table from "../../tests/cases/state_ops.json";
import { ComboBox } from "../src/widgets/controls/combobox.js";
import type { ComboBoxEvents } from "../src/schema.js";
import { Bench, recorder } from "./support/widgets.js";

interface ComboCase {
  name: string;
  items: string[];
  ops: string[][];
  expect: string[];
}

describe("state ops: the combo cases of the shared table", () => {
  for (const c of table.combo as ComboCase[]) {
    it(c.name, () => {
      const bench = new Bench();
      const combo = new ComboBox(7, { editable: false, dropdown_limit: 0, items: c.items },
        recorder<ComboBoxEvents>(7, bench.events), bench.env);
      for (const [method, text] of c.ops) {
        if (method === "append_text") combo.append_text(text!);
        else if (method === "insert_alpha") combo.insert_alpha(text!);
        else if (method === "delete_alpha") combo.delete_alpha(text!);
        else if (method === "clear") combo.clear();
        else throw new Error(`the table is wrong: no ComboBox method ${method}`);
      }
      assert.deepEqual((combo as unknown as { items: string[] }).items, c.expect);
    });
  }
});
