// @ts-check
// Answers that do not fit together (a leverage answer and a plan answer that contradict each
// other), said gently, from Python's result dict alone. They never change a score or a verdict.
import { el, readLink, section } from "./dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */

/** @param {URL} siteRoot @param {Result} result */
export function drawNotes(siteRoot, result) {
  if (!result.notes.length) return null;
  return section(
    "Answers that do not fit together",
    "notes",
    el(
      "ul",
      { class: "fl-notes" },
      result.notes.map((note) =>
        el(
          "li",
          { "data-fl-note": note.id },
          el("strong", {}, note.name),
          " ",
          `${note.text} `,
          readLink(siteRoot, note.link),
        ),
      ),
    ),
  );
}
