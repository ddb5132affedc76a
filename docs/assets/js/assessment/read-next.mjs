// @ts-check
// "Read next": the article sections Python picked for this result, first first, each with the
// page's title and why it is suggested, in Python's words.
import { el, section, siteLink } from "./dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */

/** @param {URL} siteRoot @param {Result} result */
export function drawReadNext(siteRoot, result) {
  if (!result.read_next.length) return null;
  const items = result.read_next.map((reading) =>
    el(
      "li",
      { "data-fl-read-next": reading.reason },
      siteLink(siteRoot, reading.link, reading.link.title),
      ` ${reading.why}`,
    ),
  );
  return section("Read next", "read-next", el("ul", { class: "fl-read-next" }, items));
}
