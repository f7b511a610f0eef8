// The window frame and popup menu on their own: a host that is neither
// TopLevel nor the desktop, as Dialog and MDISubWindow will be.
import "./support/dom.js";
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { PopupMenu } from "../src/parts/popup_menu.js";
import { WindowFrame, isWindowState, type WindowFlags, type WindowFrameHost } from "../src/parts/window_frame.js";

const ALL: WindowFlags = {
  resizable: true,
  moveable: true,
  closeable: true,
  minimizable: true,
  maximizable: true,
  lowerable: true,
  shadeable: true,
};

/** A frame in a plain area, with a host that records what it was told. */
function framed(flags: Partial<WindowFlags> = {}) {
  document.body.replaceChildren();
  const area = document.createElement("div");
  document.body.appendChild(area);
  const root = document.createElement("div");
  area.appendChild(root);
  const told: string[] = [];
  const host: WindowFrameHost = {
    area,
    raise: () => told.push("raise"),
    lower: () => told.push("lower"),
    moved: (x, y) => told.push(`moved ${x},${y}`),
    resized: (w, h) => told.push(`resized ${w}x${h}`),
    stateChanged: (state, byUser) => told.push(`${state}${byUser ? " by user" : ""}`),
    closeRequested: () => told.push("close"),
  };
  const frame = new WindowFrame(root, { ...ALL, ...flags }, host);
  return { frame, root, area, told };
}

function menuLabels(area: HTMLElement): string[] {
  return [...area.querySelectorAll(".pgw-menu > *")].map((e) =>
    e.classList.contains("pgw-menu-separator") ? "--" : `${e.textContent}${(e as HTMLButtonElement).disabled ? " (off)" : ""}`,
  );
}

function openMenu(titleBar: HTMLElement): void {
  titleBar.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 10, clientY: 10 }));
}

describe("WindowFrame", () => {
  it("builds the title bar, buttons, content and grips the flags ask for", () => {
    const { root, frame } = framed();
    assert.ok(root.classList.contains("pgw-window"));
    assert.equal(root.getAttribute("role"), "dialog");
    assert.equal(frame.titleBar.parentElement, root);
    assert.equal(frame.content.parentElement, root);
    assert.deepEqual(
      [...root.querySelectorAll(".pgw-wbutton")].map((b) => b.getAttribute("aria-label")),
      ["Minimize", "Maximize", "Close"],
    );
    assert.equal(root.querySelectorAll(".pgw-grip").length, 8);

    const bare = framed({ resizable: false, minimizable: false, maximizable: false, closeable: false, moveable: false });
    assert.equal(bare.root.querySelectorAll(".pgw-wbutton, .pgw-grip").length, 0);
    assert.ok(bare.frame.titleBar.classList.contains("pgw-fixed"));
  });

  it("applies states, tells the host once per change, and restores a minimized window to where it was", () => {
    const { frame, root, told } = framed();
    frame.setState("maximized", false);
    frame.setState("maximized", false);
    assert.ok(root.classList.contains("pgw-maximized"));
    frame.toggleState("minimized", false);
    assert.equal(frame.state, "minimized");
    assert.equal(frame.restoreState, "maximized");
    assert.ok(root.classList.contains("pgw-minimized") && !root.classList.contains("pgw-maximized"));
    frame.toggleState("minimized", false);
    assert.equal(frame.state, "maximized");
    frame.toggleState("maximized", true);
    assert.equal(frame.state, "normal");
    assert.deepEqual(told, ["maximized", "minimized", "maximized", "normal by user"]);
    assert.ok(isWindowState("shaded") && !isWindowState("iconified"));
  });

  it("the maximize button toggles and shows restore while maximized", () => {
    const { root, frame, told } = framed();
    const max = root.querySelector(".pgw-wbutton-maximize") as HTMLButtonElement;
    max.click();
    assert.equal(frame.state, "maximized");
    assert.equal(max.getAttribute("aria-label"), "Restore");
    max.click();
    assert.equal(frame.state, "normal");
    assert.equal(max.getAttribute("aria-label"), "Maximize");
    (root.querySelector(".pgw-wbutton-close") as HTMLButtonElement).click();
    assert.deepEqual(told, ["maximized by user", "normal by user", "close"]);
  });

  it("a press anywhere in the window raises it", () => {
    const { frame, told } = framed();
    frame.content.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    assert.deepEqual(told, ["raise"]);
  });

  it("the window menu offers what the flags and the state allow, and acts through the host", () => {
    const { frame, area, told } = framed({ lowerable: false });
    openMenu(frame.titleBar);
    assert.deepEqual(menuLabels(area), ["Minimize", "Maximize", "Shade", "--", "Raise", "--", "Close"]);
    const shade = [...area.querySelectorAll(".pgw-menu-item")].find((b) => b.textContent === "Shade") as HTMLButtonElement;
    shade.click();
    assert.equal(area.querySelector(".pgw-menu"), null, "choosing an item closes the menu");
    assert.equal(frame.state, "shaded");
    openMenu(frame.titleBar);
    assert.deepEqual(menuLabels(area), ["Restore", "Minimize", "Maximize", "Unshade", "--", "Raise", "--", "Close"]);
    frame.setState("normal", false);
    assert.equal(area.querySelector(".pgw-menu"), null, "a state change closes the menu");
    assert.deepEqual(told, ["shaded by user", "normal"]);
  });

  it("opening the menu again replaces it; teardown leaves nothing behind", () => {
    const { frame, area } = framed();
    openMenu(frame.titleBar);
    openMenu(frame.titleBar);
    assert.equal(area.querySelectorAll(".pgw-menu").length, 1);
    frame.teardown();
    assert.equal(area.querySelectorAll(".pgw-menu").length, 0);
  });
});

describe("PopupMenu", () => {
  let area: HTMLElement;
  let log: string[];
  let opened: PopupMenu[];
  beforeEach(() => {
    document.body.replaceChildren();
    area = document.createElement("div");
    document.body.appendChild(area);
    log = [];
    opened = [];
  });
  // A menu left open keeps listening on the document, into the next test.
  afterEach(() => opened.forEach((m) => m.close()));

  const open = () => {
    const menu = new PopupMenu(
      area,
      0,
      0,
      [
        { label: "Off", enabled: false, action: () => log.push("off") },
        { label: "One", enabled: true, action: () => log.push("one") },
        null,
        { label: "Two", enabled: true, action: () => log.push("two") },
      ],
      () => log.push("closed"),
    );
    opened.push(menu);
    return menu;
  };

  it("focuses the first enabled item", () => {
    open();
    assert.equal(document.activeElement?.textContent, "One");
  });

  it("an item closes the menu, then runs its action", () => {
    open();
    (area.querySelectorAll(".pgw-menu-item")[2] as HTMLButtonElement).click();
    assert.deepEqual(log, ["closed", "two"]);
    assert.equal(area.querySelector(".pgw-menu"), null);
  });

  it("Escape or a press outside closes it; a press inside does not", () => {
    const menu = open();
    area.querySelector(".pgw-menu")!.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    assert.equal(menu.isOpen, true);
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    assert.equal(menu.isOpen, false);
    const again = open();
    document.body.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    assert.equal(again.isOpen, false);
    assert.deepEqual(log, ["closed", "closed"], "closed runs once per menu");
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    assert.deepEqual(log, ["closed", "closed"], "a closed menu stops listening");
  });
});
