// The open menus of the page, one stack for all of them (a bar's menu and
// its submenus, or a popup menu and its submenus), and the keyboard and
// pointer rules that move through them, as a desktop toolkit has them:
//
// - F10, or Alt pressed and released alone, highlights the first title of
//   the page's first menu bar (again: leaves the bar).
// - On the bar: Left / Right move along it, Down / Enter / Space open the
//   menu (its first item highlighted), Escape leaves the bar.
// - In a menu: Up / Down move, wrapping, over the items that can be chosen
//   (separators and disabled items are skipped); Home / End; Right opens a
//   submenu, Left closes one (on a bar menu's first level they open the
//   next or previous menu along the bar); Enter / Space activate (or open a
//   submenu); Escape closes one level; a letter moves to the next item
//   whose text starts with it.
// - A press outside every open menu (and outside the bar) closes them all.
//
// Menus are positioned in the viewport (position: fixed, their panels
// staying inside their bar or their submenu's row): a bar's menu
// below its title, a submenu beside its row, on the left when it would
// leave the window on the right, and any menu shifted to stay in view.

/** An item of a menu as the keyboard and pointer reach it. */
export interface MenuRow {
  readonly element: HTMLElement;
  readonly label: string;
  /** The submenu this row opens, if any. */
  readonly submenu: OpenableMenu | null;
  /** Chooses the item (an action). */
  activate(): void;
}

/** What the tracker needs of a menu. */
export interface OpenableMenu {
  readonly element: HTMLElement;
  rows(): MenuRow[];
}

/** What the tracker needs of a menu bar. */
export interface TrackedBar {
  readonly element: HTMLElement;
  /** The bar's titles and the menu under each, in order. */
  entries(): { title: HTMLElement; menu: OpenableMenu }[];
}

interface Level {
  readonly menu: OpenableMenu;
  /** The highlighted row's index in menu.rows(), -1 for none. */
  active: number;
}

const ACTIVE = "pgw-menu-active";
const TITLE_ACTIVE = "pgw-menubar-active";

const stack: Level[] = [];
const bars = new Set<TrackedBar>();
/** The bar the open menus (or the keyboard) belong to, and its title's index. */
let bar: TrackedBar | null = null;
let barIndex = -1;
let installed = false;
let altAlone = false;

export function registerBar(b: TrackedBar): void {
  bars.add(b);
  install();
}

export function unregisterBar(b: TrackedBar): void {
  bars.delete(b);
  if (bar === b) leaveBar();
}

/** Whether the menu is open (in the stack). */
export function isOpen(menu: OpenableMenu): boolean {
  return stack.some((l) => l.menu === menu);
}

/** A menu leaves the page (destroyed, moved): it and its submenus close. */
export function forget(menu: OpenableMenu): void {
  const i = stack.findIndex((l) => l.menu === menu);
  if (i >= 0) closeTo(i);
}

/** Opens `menu` alone at the viewport point (x, y): a popup menu. */
export function popup(menu: OpenableMenu, x: number, y: number): void {
  closeAll();
  leaveBar();
  install();
  if (!menu.element.isConnected) document.body.appendChild(menu.element);
  show(menu.element, x, y, null);
  stack.push({ menu, active: -1 });
}

/** Closes every open menu and leaves the bar. */
export function closeAll(): void {
  closeTo(0);
  leaveBar();
}

/** A bar title was pressed: opens its menu, or closes it when it is open. */
export function barPressed(b: TrackedBar, index: number): void {
  if (bar === b && barIndex === index && stack.length > 0) {
    closeAll();
    return;
  }
  openBarMenu(b, index, false);
}

/** The pointer entered a bar title: with a menu of that bar open, switch to it. */
export function barHovered(b: TrackedBar, index: number): void {
  if (bar === b && stack.length > 0 && barIndex !== index) openBarMenu(b, index, false);
}

/** The pointer entered a row of an open menu: highlight it, open its submenu. */
export function rowHovered(menu: OpenableMenu, row: HTMLElement): void {
  const depth = stack.findIndex((l) => l.menu === menu);
  if (depth < 0) return;
  const rows = menu.rows();
  const i = rows.findIndex((r) => r.element === row);
  // Moving within the row whose submenu is open changes nothing.
  if (i >= 0 && stack[depth].active === i && rows[i].submenu && stack[depth + 1]?.menu === rows[i].submenu) return;
  closeTo(depth + 1);
  setActive(stack[depth], i);
  if (i >= 0 && rows[i].submenu) openSubmenu(false);
}

/** A row was clicked: open its submenu (an action activates itself). */
export function rowClicked(menu: OpenableMenu, row: HTMLElement): void {
  const depth = stack.findIndex((l) => l.menu === menu);
  if (depth < 0) return;
  const rows = menu.rows();
  const i = rows.findIndex((r) => r.element === row);
  if (i < 0 || !rows[i].submenu) return;
  closeTo(depth + 1);
  setActive(stack[depth], i);
  openSubmenu(false);
}

// ---- opening and closing -----------------------------------------------------

function openBarMenu(b: TrackedBar, index: number, selectFirst: boolean): void {
  closeTo(0);
  const entries = b.entries();
  if (index < 0 || index >= entries.length) return;
  enterBar(b, index);
  const { title, menu } = entries[index];
  title.classList.add("pgw-menubar-open");
  const r = title.getBoundingClientRect();
  show(menu.element, r.left, r.bottom, null);
  const level: Level = { menu, active: -1 };
  stack.push(level);
  if (selectFirst) setActive(level, step(menu.rows(), -1, 1));
}

/** Opens the submenu of the top level's highlighted row. */
function openSubmenu(selectFirst: boolean): void {
  const top = stack[stack.length - 1];
  const row = top.menu.rows()[top.active];
  const sub = row?.submenu;
  if (!sub) return;
  const r = row.element.getBoundingClientRect();
  show(sub.element, r.right, r.top, r.left);
  const level: Level = { menu: sub, active: -1 };
  stack.push(level);
  if (selectFirst) setActive(level, step(sub.rows(), -1, 1));
}

/** Closes the levels from `depth` on. */
function closeTo(depth: number): void {
  while (stack.length > depth) {
    const l = stack.pop()!;
    setActive(l, -1);
    l.menu.element.classList.remove("pgw-menu-open");
    l.menu.element.style.display = "none";
  }
  if (stack.length === 0 && bar) {
    for (const { title } of bar.entries()) title.classList.remove("pgw-menubar-open");
  }
}

function enterBar(b: TrackedBar, index: number): void {
  if (bar && bar !== b) leaveBar();
  bar = b;
  barIndex = index;
  b.entries().forEach(({ title }, i) => {
    title.classList.toggle(TITLE_ACTIVE, i === index);
    title.classList.remove("pgw-menubar-open");
  });
}

function leaveBar(): void {
  if (bar) {
    for (const { title } of bar.entries()) title.classList.remove(TITLE_ACTIVE, "pgw-menubar-open");
  }
  bar = null;
  barIndex = -1;
}

/**
 * Shows a panel at (x, y) in the viewport, kept in view: one that would
 * leave the window on the right goes left of `flipLeft` (a submenu's row)
 * or is shifted left; one that would leave it at the bottom is shifted up.
 */
function show(panel: HTMLElement, x: number, y: number, flipLeft: number | null): void {
  panel.style.display = "";
  panel.classList.add("pgw-menu-open");
  const w = panel.offsetWidth;
  const h = panel.offsetHeight;
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  if (x + w > vw) x = flipLeft !== null && flipLeft - w >= 0 ? flipLeft - w : vw - w;
  if (y + h > vh) y = vh - h;
  panel.style.left = `${Math.max(0, Math.round(x))}px`;
  panel.style.top = `${Math.max(0, Math.round(y))}px`;
}

function setActive(level: Level, index: number): void {
  const rows = level.menu.rows();
  rows[level.active]?.element.classList.remove(ACTIVE);
  level.active = index;
  const row = rows[index];
  if (row) {
    row.element.classList.add(ACTIVE);
    row.element.scrollIntoView?.({ block: "nearest" });
  }
}

/** The next row index from `from` in direction `dir`, wrapping; -1 with none. */
function step(rows: MenuRow[], from: number, dir: 1 | -1): number {
  const n = rows.length;
  if (n === 0) return -1;
  let i = from;
  i = (((i + dir) % n) + n) % n;
  return i;
}

// ---- the document's listeners ----------------------------------------------------

function install(): void {
  if (installed) return;
  installed = true;
  document.addEventListener("keydown", onKeyDown, true);
  document.addEventListener("keyup", onKeyUp, true);
  document.addEventListener("pointerdown", onPointerDown, true);
  window.addEventListener("blur", () => {
    altAlone = false;
  });
}

function onPointerDown(e: PointerEvent): void {
  altAlone = false;
  if (stack.length === 0 && !bar) return;
  const t = e.target as Node | null;
  if (t && stack.some((l) => l.menu.element.contains(t))) return;
  if (t && bar && bar.element.contains(t)) return;
  closeAll();
}

function onKeyUp(e: KeyboardEvent): void {
  if (e.key !== "Alt" || !altAlone) return;
  altAlone = false;
  if (bar || stack.length > 0) closeAll();
  else enterFirstBar();
  e.preventDefault();
}

function enterFirstBar(): boolean {
  const b = [...bars].find((x) => x.element.isConnected && x.element.getClientRects().length > 0 &&
    x.entries().length > 0);
  if (!b) return false;
  enterBar(b, 0);
  return true;
}

function onKeyDown(e: KeyboardEvent): void {
  altAlone = e.key === "Alt" && !e.repeat && !e.ctrlKey && !e.shiftKey && !e.metaKey;
  const handled = handleKey(e);
  if (handled) {
    e.preventDefault();
    e.stopPropagation();
  }
}

function handleKey(e: KeyboardEvent): boolean {
  if (e.key === "F10" && !e.ctrlKey && !e.altKey && !e.metaKey) {
    if (bar || stack.length > 0) closeAll();
    else if (!enterFirstBar()) return false;
    return true;
  }
  if (stack.length === 0) return bar ? barKey(e) : false;
  return menuKey(e);
}

/** A key on the bar, no menu open. */
function barKey(e: KeyboardEvent): boolean {
  const b = bar!;
  const n = b.entries().length;
  if (n === 0) {
    leaveBar();
    return false;
  }
  switch (e.key) {
    case "ArrowLeft":
      enterBar(b, (barIndex - 1 + n) % n);
      return true;
    case "ArrowRight":
      enterBar(b, (barIndex + 1) % n);
      return true;
    case "ArrowDown":
    case "Enter":
    case " ":
      openBarMenu(b, barIndex, true);
      return true;
    case "Escape":
    case "Tab":
      leaveBar();
      return true;
    default:
      return false;
  }
}

/** A key in the top open menu. */
function menuKey(e: KeyboardEvent): boolean {
  const top = stack[stack.length - 1];
  const rows = top.menu.rows();
  const row = rows[top.active];
  switch (e.key) {
    case "ArrowDown":
      setActive(top, step(rows, top.active, 1));
      return true;
    case "ArrowUp":
      setActive(top, step(rows, top.active < 0 ? 0 : top.active, -1));
      return true;
    case "Home":
      setActive(top, rows.length ? 0 : -1);
      return true;
    case "End":
      setActive(top, rows.length - 1);
      return true;
    case "ArrowRight":
      if (row?.submenu) openSubmenu(true);
      else if (bar && stack.length >= 1) openBarMenu(bar, (barIndex + 1) % bar.entries().length, true);
      return true;
    case "ArrowLeft":
      if (stack.length > 1) closeTo(stack.length - 1);
      else if (bar) {
        const n = bar.entries().length;
        openBarMenu(bar, (barIndex - 1 + n) % n, true);
      }
      return true;
    case "Enter":
    case " ":
      if (row?.submenu) openSubmenu(true);
      else if (row) row.activate();
      return true;
    case "Escape":
      closeTo(stack.length - 1);
      // A bar's menu closed with Escape leaves its title highlighted.
      if (stack.length === 0 && bar) enterBar(bar, barIndex);
      return true;
    case "Tab":
      closeAll();
      return true;
    default:
      break;
  }
  if (e.key.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey && e.key.trim()) {
    const ch = e.key.toLowerCase();
    for (let k = 1; k <= rows.length; k++) {
      const i = (top.active + k + rows.length) % rows.length;
      if (rows[i].label.trim().toLowerCase().startsWith(ch)) {
        setActive(top, i);
        break;
      }
    }
    return true;
  }
  return false;
}
