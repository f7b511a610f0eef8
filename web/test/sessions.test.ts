// What the page does for sessions that outlive connections: callbacks are
// muted while the server rebuilds the page and for state pushed from
// another browser; the session to rejoin comes from the URL, then the tab.
import "./support/dom.js";
import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import { create } from "@bufbuild/protobuf";
import { callbacks, proto } from "../src/schema.js";
import * as pb_display from "../../generated/ts/pb/pgwidgets/widgets/display_pb.js";
import * as pb_layout from "../../generated/ts/pb/pgwidgets/widgets/layout_pb.js";
import {
  forgetSession,
  saveSession,
  sessionToJoin,
  socketUrl,
  urlAfterHello,
  withoutSession,
} from "../src/session-store.js";
import { callOf, createOf, encode, TestPage, type ServerKind } from "./support/page.js";

function callbackId(className: string, name: string): number {
  for (const c of callbacks.values()) if (c.className === className && c.name === name) return c.id;
  throw new Error(`no callback ${className}.${name}`);
}

const label = (id: number, text: string) => createOf(id, "Label", encode(pb_display.LabelArgsSchema, { text }));
const vbox = (id: number) => createOf(id, "VBox");
const addTo = (box: number, child: number, opts = {}) =>
  callOf(box, "VBox", "add_widget", encode(pb_layout.BoxChildSchema, { child, stretch: 0 }), opts);
const listen = (widgetId: number, callbackId: number): ServerKind => ({
  case: "listen",
  value: create(proto.ListenSchema, { widgetId, callbackId }),
});
const phase = (p: proto.Rebuild_Phase): ServerKind => ({ case: "rebuild", value: create(proto.RebuildSchema, { phase: p }) });

function callbacksSent(page: TestPage): number[] {
  return page
    .takeSent()
    .filter((k) => k?.case === "callback")
    .map((k) => (k!.value as proto.CallbackEvent).widgetId);
}

describe("rebuild and quiet calls", () => {
  let page: TestPage;
  beforeEach(() => {
    page = new TestPage();
  });

  it("sends no callback caused by the rebuild, and sends them again after it", async () => {
    const added = callbackId("Container", "child_added");
    page.receive(
      phase(proto.Rebuild_Phase.BEGIN),
      vbox(1),
      label(2, "a"),
      label(3, "b"),
      listen(1, added),
      addTo(1, 2),
      phase(proto.Rebuild_Phase.END),
    );
    await Promise.resolve();
    assert.deepEqual(callbacksSent(page), [], "the rebuild's add_widget fired child_added");
    assert.equal(page.processor.rebuildsDone, 1);
    page.receive(addTo(1, 3));
    await Promise.resolve();
    assert.deepEqual(callbacksSent(page), [1]);
  });

  it("applies a quiet call without firing callbacks; the next call fires them", async () => {
    const added = callbackId("Container", "child_added");
    page.receive(vbox(1), label(2, "a"), label(3, "b"), listen(1, added));
    page.receive(addTo(1, 2, { quiet: true }));
    await Promise.resolve();
    assert.deepEqual(callbacksSent(page), []);
    assert.equal(page.registry.size, 3);
    page.receive(addTo(1, 3));
    await Promise.resolve();
    assert.deepEqual(callbacksSent(page), [1]);
  });

  it("a rebuild cut short by a lost connection does not leave the page muted", async () => {
    const added = callbackId("Container", "child_added");
    page.receive(phase(proto.Rebuild_Phase.BEGIN), vbox(1), label(2, "a"), listen(1, added));
    page.processor.reset();
    page.receive(addTo(1, 2));
    await Promise.resolve();
    assert.deepEqual(callbacksSent(page), [1]);
  });
});

describe("session store", () => {
  beforeEach(() => forgetSession());

  it("prefers the URL's session to this tab's, and uses the tab's without one", () => {
    saveSession({ id: "tab", token: "t1" });
    assert.deepEqual(sessionToJoin("?session=url&token=t2"), { id: "url", token: "t2" });
    assert.deepEqual(sessionToJoin(""), { id: "tab", token: "t1" });
    assert.deepEqual(sessionToJoin("?session=url"), { id: "tab", token: "t1" }, "a URL without a token is ignored");
    forgetSession();
    assert.equal(sessionToJoin(""), null);
  });

  it("rewrites a link to an expired session to the session the server gave", () => {
    const s = { id: "new", token: "tok" };
    assert.equal(urlAfterHello("http://h:1/?session=new&token=tok", s), null);
    assert.equal(urlAfterHello("http://h:1/", s), null, "a URL without a session stays as it is");
    assert.equal(urlAfterHello("http://h:1/?ws=x&session=old&token=bad", s), "http://h:1/?ws=x&session=new&token=tok");
    assert.equal(withoutSession("http://h:1/?ws=x&session=old&token=bad"), "http://h:1/?ws=x");
  });

  it("puts the joined session's id, never its token, in the WebSocket URL, for a proxy's routing", () => {
    const s = { id: "p2.0123456789abcdef", token: "secret" };
    assert.equal(socketUrl("ws://h:1/", null), "ws://h:1/", "a new session: the URL as it is");
    assert.equal(socketUrl("ws://h:1/ws", s), "ws://h:1/ws?session=p2.0123456789abcdef");
    assert.equal(socketUrl("wss://h/ws?x=1&session=old", s), "wss://h/ws?x=1&session=p2.0123456789abcdef");
    assert.ok(!socketUrl("ws://h:1/ws", s).includes("secret"));
    assert.equal(socketUrl("not a url", s), "not a url", "left for the WebSocket constructor to refuse");
  });
});
