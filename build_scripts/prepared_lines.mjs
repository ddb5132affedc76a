// @ts-check
// Build-time helper run by build_scripts/prepared.py in Node: draws each packaged scenario's line
// for the result bar with the page's own drawing code (docs/assets/js/assessment/bar-line.mjs),
// and writes it out as HTML.
//   node prepared_lines.mjs   reads [{id, result}] as JSON on stdin, writes [{id, html}]
//   as JSON on stdout.
// The drawing code makes nodes with document.createElement and createTextNode alone (dom.mjs
// el()), so a small document that records them and writes them as HTML stands in for the
// browser's: text and attribute values are escaped, so nothing in a result becomes markup.
import { readFileSync } from "node:fs";

/** @param {string} text */
const escapeText = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** @param {string} value */
const escapeAttribute = (value) => escapeText(value).replace(/"/g, "&quot;");

class TextNode {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
  }

  /** @returns {string} */
  html() {
    return escapeText(this.text);
  }
}

class ElementNode {
  /** @type {Map<string, string>} */
  attributes = new Map();
  /** @type {Array<ElementNode | TextNode>} */
  children = [];

  /** @param {string} tag */
  constructor(tag) {
    if (!/^[a-z]+$/.test(tag)) throw new Error(`unexpected tag ${JSON.stringify(tag)}`);
    this.tag = tag;
  }

  /** @param {string} name @param {string} value */
  setAttribute(name, value) {
    if (!/^[a-z-]+$/.test(name)) throw new Error(`unexpected attribute ${JSON.stringify(name)}`);
    this.attributes.set(name, String(value));
  }

  /** @param {...(ElementNode | TextNode | string)} nodes */
  append(...nodes) {
    for (const node of nodes) this.children.push(typeof node === "string" ? new TextNode(node) : node);
  }

  /** @param {...(ElementNode | TextNode | string)} nodes */
  replaceChildren(...nodes) {
    this.children = [];
    this.append(...nodes.filter((node) => node !== ""));
  }

  /** The element's content as HTML. @returns {string} */
  inner() {
    return this.children.map((child) => child.html()).join("");
  }

  /** @returns {string} */
  html() {
    const attributes = [...this.attributes].map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join("");
    return `<${this.tag}${attributes}>${this.inner()}</${this.tag}>`;
  }
}

Object.assign(globalThis, {
  document: {
    /** @param {string} tag */
    createElement: (tag) => new ElementNode(tag),
    /** @param {string} text */
    createTextNode: (text) => new TextNode(text),
  },
});
/** @typedef {{drawBarLine: (line: ElementNode, result: unknown, prepared: boolean) => void}} BarLine */
// The page's module, typed by the page's own checks (tests/tools/tsconfig.page.json), not the build's.
const barLine = new URL("../docs/assets/js/assessment/bar-line.mjs", import.meta.url).href;
const { drawBarLine } = /** @type {BarLine} */ (await import(barLine));

/** @type {Array<{id: string, result: unknown}>} */
const scenarios = JSON.parse(readFileSync(0, "utf8"));
const lines = scenarios.map(({ id, result }) => {
  const line = new ElementNode("p");
  drawBarLine(line, result, true);
  return { id, html: line.inner() };
});
process.stdout.write(JSON.stringify(lines));
