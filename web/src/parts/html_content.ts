// The HTML a program gives HtmlView and ExternalWidget, put into an element.
//
// Untrusted (the default): sanitized with DOMPurify (no scripts, no
// event-handler attributes, no javascript: URLs, no forms that submit)
// and shown in a shadow root, so its CSS stays inside and the page's CSS
// stays out. Links open in a new tab, never replacing the application.
//
// Trusted (the program's explicit `trusted_html`): the HTML goes into the
// element as written and its <script> elements run, as the program asked.
import DOMPurify from "dompurify";

let hooked = false;

/** DOMPurify with the page's rules: links leave in a new tab. */
function purifier(): typeof DOMPurify {
  if (!hooked) {
    hooked = true;
    DOMPurify.addHook("afterSanitizeAttributes", (node) => {
      if (node instanceof Element && node.hasAttribute("href")) {
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer");
      }
    });
  }
  return DOMPurify;
}

/** What HtmlView and ExternalWidget show untrusted HTML through. */
export function sanitize(html: string): DocumentFragment {
  return purifier().sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    // A form would submit (navigate, post elsewhere): none at all.
    FORBID_TAGS: ["form"],
    FORBID_ATTR: ["action", "formaction"],
  });
}

/** The content's own styles, inside the shadow root: the page's stop at it. */
const SHADOW_CSS = ":host { all: initial; display: block; font: 13px sans-serif; color: #000; } " +
  ".pgw-html-root { display: block; }";

export class HtmlContent {
  private readonly root: HTMLElement;

  constructor(host: HTMLElement, private readonly trusted: boolean) {
    if (trusted) {
      this.root = host;
    } else {
      const shadow = host.attachShadow({ mode: "open" });
      const style = document.createElement("style");
      style.textContent = SHADOW_CSS;
      shadow.appendChild(style);
      this.root = document.createElement("div");
      this.root.className = "pgw-html-root";
      shadow.appendChild(this.root);
      // Belt and braces: nothing in it submits or follows a javascript: URL.
      shadow.addEventListener("submit", (e) => e.preventDefault(), true);
      shadow.addEventListener("click", (e) => {
        const a = e.target instanceof Element ? e.target.closest("[href]") : null;
        const href = a?.getAttribute("href") ?? "";
        if (/^\s*javascript:/i.test(href)) e.preventDefault();
      }, true);
    }
  }

  /** The element holding the content (in the shadow root when untrusted). */
  get element(): HTMLElement {
    return this.root;
  }

  set(html: string): void {
    this.root.replaceChildren();
    this.append(html);
  }

  append(html: string): void {
    if (!html) return;
    if (!this.trusted) {
      this.root.appendChild(sanitize(html));
      return;
    }
    const holder = document.createElement("template");
    holder.innerHTML = html;
    const nodes = Array.from(holder.content.childNodes);
    this.root.append(...nodes);
    // innerHTML never runs scripts: the program trusted them, so run them.
    for (const node of nodes) {
      const scripts = node instanceof Element
        ? (node.tagName === "SCRIPT" ? [node] : Array.from(node.querySelectorAll("script")))
        : [];
      for (const old of scripts) {
        const script = document.createElement("script");
        for (const attr of Array.from(old.attributes)) script.setAttribute(attr.name, attr.value);
        script.textContent = old.textContent;
        old.replaceWith(script);
      }
    }
  }

  clear(): void {
    this.root.replaceChildren();
  }
}
