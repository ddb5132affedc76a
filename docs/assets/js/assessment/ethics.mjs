// @ts-check
// The plan's ethics, kept apart from the leverage, from Python's result dict alone: the card at
// the top (the verdict by the published rule, in the bank's words) and the panel naming each
// part of the plan that crosses the line or needs a second look, with the answers behind it and
// its fair alternative. There is no ethics number: the verdict follows the rule alone.
import { el, partTitle, plural, readLink, section } from "./dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */
/** @typedef {Result["ethics"]["red"][number]} Problem */

const PROBLEMS_KEY = "plan";

/** How many parts of the plan to look at, linked to the panel. @param {Result["ethics"]} ethics */
function problemCount(ethics) {
  const counts = [
    ethics.red.length > 0 && plural(ethics.red.length, "part crosses the line", "parts cross the line"),
    ethics.amber.length > 0 && plural(ethics.amber.length, "part needs a second look", "parts need a second look"),
  ].filter((count) => typeof count === "string");
  if (!counts.length) return null;
  return el(
    "p",
    { class: "fl-flag-count" },
    el("span", { class: "fl-flag-icon", "aria-hidden": "true" }, "⚠"),
    " ",
    el("a", { href: `#fl-panel-${PROBLEMS_KEY}` }, counts.join(", ")),
  );
}

/** @param {Result} result */
export function drawEthicsCard(result) {
  const { ethics } = result;
  const level = ethics.verdict?.level ?? "none";
  return el(
    "div",
    { class: `fl-card fl-card--ethics fl-card--${level}` },
    el("p", { class: "fl-card__label" }, partTitle(result, "ethics")),
    ethics.verdict && el("p", { class: "fl-card__band", "data-fl-value": "ethics-verdict" }, ethics.verdict.label),
    problemCount(ethics),
    el("p", { class: "fl-card__verdict" }, ethics.text),
  );
}

/** @param {URL} siteRoot @param {Problem} problem */
function drawProblem(siteRoot, problem) {
  const answers = problem.answers.map((answer) => `“${answer.label}”`).join(" and ");
  return el(
    "li",
    { class: `fl-problem fl-problem--${problem.level}`, "data-fl-problem": problem.id, "data-fl-level": problem.level },
    el("p", {}, el("strong", {}, problem.name), ` You answered ${answers}.`),
    el("p", {}, el("strong", {}, "The fair alternative: "), problem.fair_alternative),
    el("p", {}, readLink(siteRoot, problem.link)),
  );
}

/**
 * @param {URL} siteRoot
 * @param {string} heading
 * @param {Problem[]} problems
 */
function group(siteRoot, heading, problems) {
  if (!problems.length) return [];
  return [
    el("h4", {}, heading),
    el(
      "ul",
      { class: "fl-problems" },
      problems.map((problem) => drawProblem(siteRoot, problem)),
    ),
  ];
}

/** The parts of the plan to look at; nothing when the plan looks fair. @param {URL} siteRoot @param {Result} result */
export function drawPlanProblems(siteRoot, result) {
  const { red, amber } = result.ethics;
  if (!red.length && !amber.length) return null;
  return section(
    "The parts of your plan to look at",
    PROBLEMS_KEY,
    ...group(siteRoot, "Crosses the line", red),
    ...group(siteRoot, "Needs a second look", amber),
  );
}
