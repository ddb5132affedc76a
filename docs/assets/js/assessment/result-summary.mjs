// @ts-check
// The top of the result, drawn from Python's result dict alone: the balance and ethics cards
// with their verdicts, "What would help most" (Python re-scored each suggestion) and "Read next".
import { drawBalanceScale } from "./charts.mjs";
import { el, number, plural, signed, siteLink } from "./dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */

/** Why an article is suggested, by the reason Python gives. */
/** @type {Record<Result["read_next"][number]["reason"], string>} */
const READ_NEXT_REASONS = {
  "red-flag": "because part of your plan crosses the line",
  "what-if": "because it would help your balance most",
  "held-back": "because it holds your balance back",
};

/** A panel of the result. @param {string} title @param {string} key @param {...import("./dom.mjs").Child} children */
export function section(title, key, ...children) {
  return el(
    "section",
    { class: `fl-panel fl-panel--${key}`, "data-fl-section": key },
    el("h3", {}, title),
    ...children,
  );
}

/** @param {Result} result */
export function drawSummary(result) {
  const { leverage, ethics, completeness } = result;
  const balance = leverage.balance.value;
  const flags = ethics.red_flags.length;
  const flagCount =
    flags > 0 &&
    el(
      "p",
      { class: "fl-flag-count" },
      el("span", { class: "fl-flag-icon", "aria-hidden": "true" }, "⚠"),
      " ",
      el("a", { href: "#fl-red-flags" }, plural(flags, "red flag", "red flags")),
      " in your plan",
    );
  return el(
    "div",
    { class: "fl-summary" },
    el(
      "div",
      { class: "fl-card fl-card--balance" },
      el("p", { class: "fl-card__label" }, "Leverage balance (you against them)"),
      el("p", { class: "fl-card__value", "data-fl-value": "balance" }, signed(balance)),
      el(
        "p",
        { class: "fl-card__band", "data-fl-value": "band" },
        leverage.band ? leverage.band.label : "No verdict yet",
      ),
      drawBalanceScale(balance),
      el("p", { class: "fl-card__verdict" }, leverage.verdict),
      el(
        "p",
        { class: "fl-card__indexes" },
        "Your leverage: ",
        el("strong", { "data-fl-value": "you-index" }, number(leverage.you.index)),
        " · Their leverage: ",
        el("strong", { "data-fl-value": "them-index" }, number(leverage.them.index)),
        " (0 to 100)",
      ),
    ),
    el(
      "div",
      { class: `fl-card fl-card--ethics${flags ? " fl-card--flagged" : ""}` },
      el("p", { class: "fl-card__label" }, "Ethics of your plan (100 is fair)"),
      el("p", { class: "fl-card__value", "data-fl-value": "ethics" }, number(ethics.score)),
      el(
        "p",
        { class: "fl-card__band", "data-fl-value": "ethics-band" },
        ethics.band ? ethics.band.label : "No verdict yet",
      ),
      flagCount,
      el("p", { class: "fl-card__verdict" }, ethics.verdict),
    ),
    el(
      "p",
      { class: "fl-summary__basis" },
      `Based on ${completeness.answered} of ${completeness.total} answers. ` +
        "Unanswered questions do not count for or against you.",
    ),
  );
}

/** @param {URL} siteRoot @param {Result} result */
export function drawWhatIf(siteRoot, result) {
  const items = result.what_if;
  if (!items.length) {
    const why =
      result.leverage.balance.value === null
        ? "Answer the questions about your position to see what would help most."
        : "Nothing you can act on would raise your balance further among the questions you have answered.";
    return section("What would help most", "what-if", el("p", {}, why));
  }
  return section(
    "What would help most",
    "what-if",
    el(
      "p",
      {},
      "Each suggestion moves one of your answers one step your way; Python re-scored your answers to measure the gain.",
    ),
    el(
      "ol",
      { class: "fl-what-if" },
      items.map((item) =>
        el(
          "li",
          { "data-fl-what-if": item.question },
          el("strong", {}, item.action),
          el(
            "span",
            { class: "fl-what-if__gain" },
            ` Balance ${signed(item.balance_gain)}, to ${signed(item.new_balance)}.`,
          ),
          el("br"),
          el("span", { class: "fl-what-if__answer" }, `From “${item.from.label}” to “${item.to.label}”. `),
          siteLink(siteRoot, item.link, `Read about ${item.dimension_title.toLowerCase()}`),
        ),
      ),
    ),
  );
}

/** @param {URL} siteRoot @param {Result} result */
export function drawReadNext(siteRoot, result) {
  if (!result.read_next.length) return null;
  const items = result.read_next.map((reading) =>
    el("li", {}, siteLink(siteRoot, reading.link, reading.title), ` ${READ_NEXT_REASONS[reading.reason]}`),
  );
  return section("Read next", "read-next", el("ul", { class: "fl-read-next" }, items));
}
