// Small DOM helpers. Text from the server is only ever set with textContent.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  parent?: HTMLElement,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (parent) parent.appendChild(e);
  return e;
}

export function text<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  content: string,
  parent?: HTMLElement,
): HTMLElementTagNameMap[K] {
  const e = el(tag, className, parent);
  e.textContent = content;
  return e;
}

/** A pixel length for CSS, or "" (unset) for a negative value. */
export function px(n: number): string {
  return n >= 0 ? `${n}px` : "";
}

/** A CSS color from the server; "" keeps the stylesheet's. */
export function setOrClear(style: CSSStyleDeclaration, prop: string, value: string): void {
  if (value) style.setProperty(prop, value);
  else style.removeProperty(prop);
}

/** A CSS url() value for a server-supplied address. */
export function cssUrl(url: string): string {
  const clean = url.replace(/[\n\r\f]/g, "").replace(/["\\]/g, (c) => `\\${c}`);
  return `url("${clean}")`;
}
