// @ts-check
// Wording by kind of negotiation. The build writes a text that varies by kind once per variant,
// each in an element whose data-fl-kind lists the kinds it serves ("default" for no kind chosen);
// this module shows, in every such group, the variant for the kind the reader chose, and reads
// text as shown, leaving the hidden variants out.

/** @typedef {import("./view.mjs").View} View */

const NO_KIND = "default";

/** Shows each text's variant for the chosen kind (the question the build names). @param {View} v */
export function showKindWording(v) {
  const kind = v.answers[v.config.kindQuestion] ?? NO_KIND;
  for (const node of v.root.querySelectorAll("[data-fl-kind]")) {
    const variant = /** @type {HTMLElement} */ (node);
    variant.hidden = !(variant.dataset.flKind ?? "").split(" ").includes(kind);
  }
}

/**
 * The text of a node as the reader sees it: hidden variants left out, spaces tidied.
 * @param {Node | null | undefined} node
 * @returns {string}
 */
export function shownText(node) {
  if (!node) return "";
  /** @param {Node} current @returns {string} */
  const walk = (current) => {
    if (current instanceof HTMLElement && current.hidden) return "";
    if (current.nodeType === Node.TEXT_NODE) return current.textContent ?? "";
    return [...current.childNodes].map(walk).join("");
  };
  return walk(node).replace(/\s+/g, " ").trim();
}
