// @ts-check
// Preparation, scored on its own and shown beside the balance (never mixed into it), from
// Python's result dict alone: the card at the top (score, band, verdict) and the panel listing
// each preparation question with the reader's answer, and the notes their answers call for.
import { el, number, partTitle, readLink, section } from "./dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */

/** @param {Result} result */
export function drawPreparationCard(result) {
  const { preparation } = result;
  return el(
    "div",
    { class: "fl-card fl-card--preparation" },
    el("p", { class: "fl-card__label" }, `${partTitle(result, "preparation")} (0 to 100)`),
    el("p", { class: "fl-card__value", "data-fl-value": "preparation" }, number(preparation.score)),
    preparation.band &&
      el("p", { class: "fl-card__band", "data-fl-value": "preparation-band" }, preparation.band.label),
    el("p", { class: "fl-card__verdict" }, preparation.verdict),
  );
}

/** @param {URL} siteRoot @param {Result} result */
export function drawPreparation(siteRoot, result) {
  const { preparation } = result;
  const items = preparation.items.map((item) =>
    el(
      "li",
      { "data-fl-preparation": item.question },
      el("span", {}, item.text),
      " ",
      el("strong", {}, item.label === null ? "Not answered." : `You answered “${item.label}”.`),
      " ",
      readLink(siteRoot, item.link),
    ),
  );
  const notes = preparation.notes.map((note) =>
    el("li", { "data-fl-preparation-note": note.question }, `${note.text} `, readLink(siteRoot, note.link)),
  );
  return section(
    partTitle(result, "preparation"),
    "preparation",
    notes.length > 0 && el("ul", { class: "fl-preparation-notes" }, notes),
    el("ul", { class: "fl-preparation" }, items),
  );
}
