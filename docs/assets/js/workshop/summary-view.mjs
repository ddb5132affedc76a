// @ts-check
// Draws a cohort summary (Python's `cohort` reply) as text, tables and SVG bars: what came in and
// what could not be read, the balances by band and in a histogram, the average per dimension for
// you and them, the ethics verdicts, red flags and amber items, and the most common first
// suggestion. Every figure is Python's; every text goes in as text (el(), svg()), never as HTML,
// so a hostile line in a pasted file shows as the characters it is.
import { el, plural } from "../assessment/dom.mjs";
import { bar, histogram } from "./summary-charts.mjs";

/** @typedef {import("../scorer/protocol.mjs").Cohort} Cohort */
/** @typedef {Cohort["dimensions"][number]["you"]} SideTally */
/** @typedef {Cohort["ethics"]["red"][number]} FlagCount */

/** @param {number} percent */
const share = (percent) => `${percent}%`;

/** @param {string[]} headings @param {(Node | string)[][]} rows @param {string} caption */
function table(caption, headings, rows) {
  return el(
    "table",
    { class: "fl-table fl-ws-table" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ...headings.map((heading) => el("th", { scope: "col" }, heading)))),
    el(
      "tbody",
      {},
      rows.map(([first, ...rest]) =>
        el("tr", {}, el("th", { scope: "row" }, first), ...rest.map((c) => el("td", {}, c))),
      ),
    ),
  );
}

/** @param {Cohort} summary */
function counts(summary) {
  const { entries, read, unreadable, translated, dropped_answers: dropped } = summary.counts;
  const lines = [
    el(
      "p",
      { class: "fl-ws-counts", "data-fl-ws-counts": "" },
      `${plural(entries, "line", "lines")} with a link or code came in: ${read} read, ${unreadable} could not be read.`,
    ),
  ];
  if (translated) {
    lines.push(
      el(
        "p",
        {},
        `${plural(translated, "link was", "links were")} made for an older version of the questions and carried over ` +
          `(${plural(dropped, "old answer", "old answers")} could not be).`,
      ),
    );
  }
  return lines;
}

/** @param {Cohort} summary */
function unreadable(summary) {
  if (!summary.unreadable.length) return [];
  return [
    el("h3", {}, "Lines that could not be read"),
    table(
      "Each line that could not be read, with the reason",
      ["Line", "How it starts", "Why"],
      summary.unreadable.map((line) => [String(line.line), el("code", {}, line.text), line.message]),
    ),
  ];
}

/** @param {Cohort} summary */
function balance(summary) {
  const { bands, bins, mean, with_band: withBand } = summary.balance;
  const said =
    mean === null
      ? "None of the results has a balance yet: too little is known in each."
      : `Mean balance of the ${plural(withBand, "result", "results")} with one: ` +
        `${mean > 0 ? "+" : ""}${mean.toFixed(1)} (from −100, they hold all the leverage, to +100, you do).`;
  return [
    el("h3", {}, "Balance of leverage"),
    el("p", {}, said),
    table(
      "Results in each band of the balance",
      ["Band", "Share of results", "Results", "Share"],
      bands.map((band) => [band.label, bar(band.percent, "you"), String(band.count), share(band.percent)]),
    ),
    histogram(bins),
    el(
      "details",
      { class: "fl-details" },
      el("summary", {}, "The histogram as a table"),
      table(
        "Results in each bin of 10 points",
        ["Balance", "Results"],
        bins.map((bin) => [`${bin.low} to ${bin.high}`, String(bin.count)]),
      ),
    ),
  ];
}

/** @param {SideTally | null} tally @param {"you" | "them"} side */
function sideCell(tally, side) {
  if (!tally) return "not asked";
  const mean = tally.mean === null ? "no known answer" : tally.mean.toFixed(1);
  const detail = `${tally.known} known, ${tally.unknown} “I don't know”, ${tally.skipped} not answered`;
  return el("span", {}, bar(tally.mean ?? 0, side), ` ${mean} (${detail})`);
}

/** @param {Cohort} summary */
function dimensions(summary) {
  return [
    el("h3", {}, "Where the group stands on each source of leverage"),
    el(
      "p",
      {},
      "The mean of the known answers, from 0 (no leverage) to 100. “I don't know” and unanswered questions " +
        "have no points: they are left out of the mean and counted beside it.",
    ),
    table(
      "Mean per dimension, for you and for them",
      ["Dimension", "You", "Them"],
      summary.dimensions.map((d) => [d.title, sideCell(d.you, "you"), sideCell(d.them, "them")]),
    ),
  ];
}

/** @param {FlagCount[]} flags @param {string} title @param {string} none */
function flagTable(flags, title, none) {
  const shown = flags.filter((flag) => flag.count > 0);
  if (!shown.length) return [el("h4", {}, title), el("p", {}, none)];
  return [
    el("h4", {}, title),
    table(
      `${title}: how many results carry each`,
      ["What", "Answer behind it", "Results", "Share"],
      shown.map((flag) => [
        flag.name,
        flag.answer ?? "a combination of answers",
        String(flag.count),
        share(flag.percent),
      ]),
    ),
  ];
}

/** @param {Cohort} summary */
function ethics(summary) {
  const { verdicts, red, amber } = summary.ethics;
  return [
    el("h3", {}, "The plans' ethics"),
    table(
      "Plans with each verdict",
      ["Verdict", "Results", "Share"],
      verdicts.map((verdict) => [verdict.label, String(verdict.count), share(verdict.percent)]),
    ),
    ...flagTable(red, "Red flags", "No plan in this group has a red flag."),
    ...flagTable(amber, "Amber items", "No plan in this group has an amber item."),
  ];
}

/** @param {Cohort} summary */
function suggestion(summary) {
  const first = summary.first_suggestion;
  return [
    el("h3", {}, "The most common first suggestion"),
    first
      ? el(
          "p",
          { "data-fl-ws-first": first.id ?? "" },
          `${first.text} (first for ${first.count} of ${summary.counts.read}, ${share(first.percent)})`,
        )
      : el("p", {}, "No result had a suggestion."),
  ];
}

/** @param {HTMLElement} body @param {Cohort} summary */
export function drawSummary(body, summary) {
  /** @type {Node[]} */
  const parts = [...counts(summary), ...unreadable(summary)];
  if (summary.counts.read)
    parts.push(...balance(summary), ...dimensions(summary), ...ethics(summary), ...suggestion(summary));
  body.replaceChildren(...parts);
}
