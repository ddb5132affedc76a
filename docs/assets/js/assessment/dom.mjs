// @ts-check
// Small DOM helpers: `el()` and `svg()` build nodes from text only (never from HTML strings, so
// nothing a link or the storage holds can become markup), plus the number formats every panel
// shares, the links a result may make into the site, and the result's panels and explanations.

const SVG_NS = "http://www.w3.org/2000/svg";

/** @typedef {Node | string | null | undefined | false} Child nothing is added for null, undefined or false */
/** @typedef {Record<string, string | number | boolean | null | undefined>} Attributes */

/**
 * The element of `root` marked data-fl-NAME, of the type the page's code expects. Missing or of
 * another type, the page was built wrong: the error says which page and which part.
 * @template {Element} T
 * @param {ParentNode} root
 * @param {string} name the part's data-fl-NAME attribute
 * @param {new () => T} type
 * @param {string} page the page, as the error names it ("The plan page")
 * @returns {T}
 */
export function findPart(root, name, type, page) {
  const node = root.querySelector(`[data-fl-${name}]`);
  if (!(node instanceof type)) throw new Error(`${page} has no ${type.name} [data-fl-${name}]: the build is broken.`);
  return node;
}

/**
 * Builds an element; children are nodes or strings (always inserted as text, never as HTML).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attributes] true sets an empty attribute; false, null and undefined none
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * Builds an SVG element, with its text (if any) as text.
 * @param {string} tag
 * @param {Record<string, string | number>} [attributes]
 * @param {string | null} [text]
 * @returns {SVGElement}
 */
export function svg(tag, attributes = {}, text = null) {
  const node = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

/** A score to one decimal, or an en dash for "no score yet". @param {number | null | undefined} value */
export function number(value) {
  return value === null || value === undefined ? "–" : value.toFixed(1);
}

/** A change or balance with its sign. @param {number | null | undefined} value */
export function signed(value) {
  if (value === null || value === undefined) return "–";
  return value > 0 ? `+${value.toFixed(1)}` : value.toFixed(1);
}

/** @param {number} count @param {string} one @param {string} many */
export function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * A link into the site from the result; anything that would lead elsewhere is left out.
 * @param {URL} siteRoot
 * @param {{href: string} | null | undefined} link
 * @param {string} text
 */
export function siteLink(siteRoot, link, text) {
  if (!link) return null;
  const url = new URL(link.href, siteRoot);
  if (url.origin !== location.origin) return null;
  return el("a", { href: url.href }, text);
}

/**
 * A link to the article section a result names, with the page's title as its text.
 * @param {URL} siteRoot
 * @param {{href: string, title: string}} link
 */
export function readLink(siteRoot, link) {
  return siteLink(siteRoot, link, `Read: ${link.title}`);
}

/**
 * The title of a part of the form, as the bank words it (the result lists them).
 * @param {import("../scorer/protocol.mjs").Result} result
 * @param {import("../scorer/protocol.mjs").Result["completeness"]["parts"][number]["id"]} id
 */
export function partTitle(result, id) {
  return result.completeness.parts.find((part) => part.id === id)?.title ?? "";
}

/**
 * A panel of the result; its heading's id is `fl-panel-<key>`, for links to it.
 * @param {string} title @param {string} key @param {...(Child | Child[])} children
 */
export function section(title, key, ...children) {
  return el(
    "section",
    { class: `fl-panel fl-panel--${key}`, "data-fl-section": key },
    el("h3", { id: `fl-panel-${key}` }, title),
    ...children,
  );
}

/**
 * One collapsible explanation; its key keeps it open across redraws.
 * @param {string} key @param {string} summary @param {...(Child | Child[])} children
 */
export function explanation(key, summary, ...children) {
  return el("details", { class: "fl-details", "data-fl-key": key }, el("summary", {}, summary), ...children);
}
