// The frame processor: every message of a server frame runs in order, each
// failure is answered on its own, and the replies of one frame leave as one
// frame. Driven with encoded frames against the real widgets.
import "./support/dom.js";
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it, mock } from "node:test";
import { create, fromBinary } from "@bufbuild/protobuf";
import { callbacks, proto } from "../src/schema.js";
import * as pb_base from "../../generated/ts/pb/pgwidgets/widgets/base_pb.js";
import * as pb_controls from "../../generated/ts/pb/pgwidgets/widgets/controls_pb.js";
import * as pb_display from "../../generated/ts/pb/pgwidgets/widgets/display_pb.js";
import * as pb_layout from "../../generated/ts/pb/pgwidgets/widgets/layout_pb.js";
import * as pb_text from "../../generated/ts/pb/pgwidgets/widgets/text_pb.js";
import { callOf, classId, createOf, encode, methodId, TestPage, type ServerKind } from "./support/page.js";

function callbackId(className: string, name: string): number {
  for (const c of callbacks.values()) if (c.className === className && c.name === name) return c.id;
  throw new Error(`no callback ${className}.${name}`);
}

const label = (id: number, text: string, opts = {}) =>
  createOf(id, "Label", encode(pb_display.LabelArgsSchema, { text }), opts);
const vbox = (id: number, opts = {}) => createOf(id, "VBox", undefined, opts);
const addTo = (box: number, child: number, opts = {}) =>
  callOf(box, "VBox", "add_widget", encode(pb_layout.BoxChildSchema, { child, stretch: 0 }), opts);
const listen = (widgetId: number, callbackId: number): ServerKind => ({
  case: "listen",
  value: create(proto.ListenSchema, { widgetId, callbackId }),
});
const unlisten = (widgetId: number, callbackId: number): ServerKind => ({
  case: "unlisten",
  value: create(proto.UnlistenSchema, { widgetId, callbackId }),
});

function errorOf(kind: proto.ClientMessage["kind"] | undefined): proto.Error {
  assert.equal(kind?.case, "error", `expected an error reply, got ${kind?.case}`);
  return kind.value as proto.Error;
}

describe("FrameProcessor", () => {
  let page: TestPage;
  let warnings: string[];
  beforeEach(() => {
    page = new TestPage();
    warnings = [];
    // Failed calls are also logged to the console; keep them for asserts.
    mock.method(console, "warn", (...args: unknown[]) => warnings.push(args.join(" ")));
  });
  afterEach(() => mock.restoreAll());

  it("hands the server's hello and protocol errors to its hooks", () => {
    page.receive(
      { case: "hello", value: create(proto.ServerHelloSchema, { sessionId: "s1", protocolVersion: 1 }) },
      { case: "error", value: create(proto.ProtocolErrorSchema, { message: "bad frame" }) },
    );
    assert.deepEqual(page.hellos.map((h) => h.sessionId), ["s1"]);
    assert.deepEqual(page.serverErrors, ["bad frame"]);
    assert.equal(page.processor.framesReceived, 1);
    assert.deepEqual(page.sent, [], "nothing to answer");
  });

  it("reports an undecodable frame and runs none of it", () => {
    page.processor.process(new Uint8Array([0x0a, 0xff, 0xff, 0xff]));
    assert.equal(page.serverErrors.length, 1);
    assert.match(page.serverErrors[0]!, /undecodable frame/);
    assert.equal(page.processor.framesReceived, 1);
    assert.deepEqual(page.sent, []);
  });

  it("creates widgets, acknowledging only when asked", () => {
    page.receive(label(1, "quiet"), label(2, "asked", { seq: 7, ack: true }));
    assert.equal(page.registry.size, 2);
    assert.equal(page.registry.get(1)?.classId, classId("Label"));
    assert.equal(page.impl(1).element.textContent, "quiet");
    const replies = page.takeSent();
    assert.deepEqual(replies.map((k) => k.case), ["result"]);
    assert.equal((replies[0]!.value as proto.Result).seq, 7);
  });

  it("refuses unknown and abstract classes and taken ids, with the call's numbers", () => {
    page.receive(
      label(1, "first"),
      createOf(2, "", undefined, { seq: 10, classId: 999 }),
      createOf(3, "Container", undefined, { seq: 11 }),
      label(1, "again", { seq: 12 }),
    );
    const [unknown, abstract, taken, ...rest] = page.takeSent();
    assert.deepEqual(rest, []);
    const u = errorOf(unknown);
    assert.equal(u.seq, 10);
    assert.equal(u.widgetId, 2);
    assert.equal(u.classId, 999);
    assert.match(u.message, /unknown class id 999/);
    const a = errorOf(abstract);
    assert.equal(a.seq, 11);
    assert.match(a.message, /Container.*abstract/);
    const t = errorOf(taken);
    assert.equal(t.seq, 12);
    assert.match(t.message, /widget id 1 already exists/);
    assert.equal(page.impl(1).element.textContent, "first", "the taken id keeps its widget");
    assert.equal(page.registry.size, 1);
    assert.equal(warnings.length, 3, "each failure is logged once");
  });

  it("answers a query with its encoded value", () => {
    page.receive(
      createOf(1, "TextEntry", encode(pb_text.TextEntryArgsSchema, { text: "typed" })),
      callOf(1, "TextEntry", "get_text", undefined, { seq: 3 }),
    );
    const [reply, ...rest] = page.takeSent();
    assert.deepEqual(rest, []);
    assert.equal(reply?.case, "result");
    const r = reply.value as proto.Result;
    assert.equal(r.seq, 3);
    assert.equal(fromBinary(pb_base.TextSchema, r.value).text, "typed");
  });

  it("refuses calls to unknown widgets and to methods the class lacks", () => {
    page.receive(
      label(1, "x"),
      callOf(9, "Label", "set_text", encode(pb_base.TextSchema, { text: "y" }), { seq: 1 }),
      callOf(1, "VBox", "add_widget", encode(pb_layout.BoxChildSchema, { child: 1 }), { seq: 2 }),
    );
    const [unknown, lacking] = page.takeSent();
    const u = errorOf(unknown);
    assert.equal(u.seq, 1);
    assert.equal(u.widgetId, 9);
    assert.match(u.message, /unknown widget id 9/);
    const l = errorOf(lacking);
    assert.equal(l.seq, 2);
    assert.equal(l.methodId, methodId("VBox", "add_widget"));
    assert.equal(l.classId, classId("Label"));
    assert.match(l.message, /Label has no method add_widget/);
  });

  it("answers a failing call with its error and still runs the rest of the frame", () => {
    page.receive(
      label(1, "before"),
      callOf(1, "Label", "set_halign", encode(pb_display.HAlignArgSchema, { halign: 99 as pb_display.HAlign }), { seq: 5 }),
      callOf(1, "Label", "set_text", encode(pb_base.TextSchema, { text: "after" })),
    );
    const [failure, ...rest] = page.takeSent();
    assert.deepEqual(rest, []);
    const e = errorOf(failure);
    assert.equal(e.seq, 5);
    assert.equal(e.widgetId, 1);
    assert.equal(e.methodId, methodId("Label", "set_halign"));
    assert.equal(e.classId, classId("Label"));
    assert.match(e.message, /99 is no value of HAlign/);
    assert.equal(page.impl(1).element.textContent, "after");
  });

  it("sends all replies of one frame as one frame, in order, before it returns", () => {
    page.receive(
      label(1, "a", { seq: 1, ack: true }),
      createOf(2, "Button", encode(pb_controls.ButtonArgsSchema, { text: "b" }), { seq: 2, ack: true }),
      callOf(9, "Label", "show", undefined, { seq: 3 }),
      callOf(1, "Label", "show", undefined, { seq: 4, ack: true }),
    );
    assert.equal(page.sent.length, 1, "one frame");
    assert.deepEqual(
      page.sent[0]!.map((m) => [m.kind.case, (m.kind.value as { seq: number }).seq]),
      [["result", 1], ["result", 2], ["error", 3], ["result", 4]],
    );
  });

  it("forgets a destroyed container's whole tree, and only it", () => {
    page = new TestPage({ widgetsForget: false });
    page.receive(vbox(1), vbox(2), label(3, "in 2"), label(4, "in 1"), label(5, "alone"), addTo(1, 2), addTo(2, 3), addTo(1, 4));
    page.receive(callOf(1, "VBox", "destroy", undefined, { seq: 8, ack: true }));
    assert.deepEqual([1, 2, 3, 4, 5].filter((id) => page.registry.has(id)), [5]);
    assert.deepEqual(page.takeSent().map((k) => k.case), ["result"]);
    page.receive(callOf(3, "Label", "show", undefined, { seq: 9 }));
    assert.match(errorOf(page.takeSent()[0]).message, /unknown widget id 3/);
  });

  it("sends plain callbacks only while listened; a repeated listen is one listen", async () => {
    const activated = callbackId("Button", "activated");
    page.receive(createOf(1, "Button", encode(pb_controls.ButtonArgsSchema, { text: "go" })));
    const button = page.impl(1).element as HTMLButtonElement;
    const callbacksSent = async () => {
      await new Promise((r) => setTimeout(r, 0));
      return page.takeSent().filter((k) => k.case === "callback").map((k) => (k.value as proto.CallbackEvent).callbackId);
    };

    button.click();
    assert.deepEqual(await callbacksSent(), []);
    page.receive(listen(1, activated), listen(1, activated));
    button.click();
    assert.deepEqual(await callbacksSent(), [activated]);
    page.receive(unlisten(1, activated));
    button.click();
    assert.deepEqual(await callbacksSent(), []);
  });

  it("child_added reaches the server only while listened", async () => {
    const added = callbackId("Container", "child_added");
    page.receive(vbox(1), label(2, "a"), label(3, "b"), addTo(1, 2), listen(1, added), addTo(1, 3));
    await new Promise((r) => setTimeout(r, 0));
    const events = page.takeSent().filter((k) => k.case === "callback").map((k) => k.value as proto.CallbackEvent);
    assert.deepEqual(events.map((e) => [e.widgetId, e.callbackId, fromBinary(pb_base.ChildSchema, e.args).child]), [[1, added, 3]]);
  });

  it("ignores listen for an unknown widget or callback, with a warning", () => {
    page.receive(label(1, "x"), listen(7, callbackId("Button", "activated")), listen(1, 999));
    assert.equal(warnings.length, 2);
    assert.deepEqual(page.sent, []);
  });
});
