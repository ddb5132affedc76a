// @ts-check
// The result's two charts as inline SVG: the balance scale (-100 to +100) and the bars of each
// leverage dimension for you and for them. They show only numbers Python sent; the same numbers
// are always in text beside them, and the two sides differ by pattern and label, not colour alone.
import { number, signed, svg } from "./dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Result} Result */
/** @typedef {Result["leverage"]["dimensions"][number]["you"]} SideScore */

const BAR = { top: 22, height: 14, gap: 4, row: 64 };

/** @param {number | null} balance from -100 (they hold all the leverage) to +100 (you do) */
export function drawBalanceScale(balance) {
  const position = balance === null ? 50 : (balance + 100) / 2;
  const label =
    balance === null
      ? "Balance scale: no balance yet."
      : `Balance scale from −100 (they hold all the leverage) to +100 (you do): ${signed(balance)}.`;
  const chart = svg("svg", { class: "fl-scale", width: "100%", height: 44, role: "img", "aria-label": label });
  chart.append(
    svg("rect", { x: 0, y: 10, width: "100%", height: 8, rx: 4, class: "fl-scale__track" }),
    svg("line", { x1: "50%", x2: "50%", y1: 4, y2: 24, class: "fl-scale__middle" }),
    svg("text", { x: 0, y: 38, class: "fl-scale__end" }, "They are stronger"),
    svg("text", { x: "100%", y: 38, "text-anchor": "end", class: "fl-scale__end" }, "You are stronger"),
  );
  if (balance !== null) {
    chart.append(svg("circle", { cx: `${position}%`, cy: 14, r: 8, class: "fl-scale__marker" }));
  }
  return chart;
}

// Legend: the two sides differ by pattern and by their written label, not by colour alone.
function legend() {
  const defs = svg("defs");
  const pattern = svg("pattern", {
    id: "fl-hatch",
    width: 6,
    height: 6,
    patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(45)",
  });
  pattern.append(
    svg("rect", { width: 6, height: 6, class: "fl-bars__them-bg" }),
    svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "fl-bars__hatch" }),
  );
  defs.append(pattern);
  return [
    defs,
    svg("rect", { x: 0, y: 4, width: 14, height: 14, class: "fl-bars__you" }),
    svg("text", { x: 20, y: 15, class: "fl-bars__legend" }, "You"),
    svg("rect", { x: 64, y: 4, width: 14, height: 14, fill: "url(#fl-hatch)", class: "fl-bars__them" }),
    svg("text", { x: 84, y: 15, class: "fl-bars__legend" }, "Them"),
  ];
}

/**
 * One side's bar, in a nested viewport 78% wide so the value text always fits on the right.
 * @param {"you" | "them"} side
 * @param {SideScore | null} score null when the dimension does not ask about this side
 * @param {number} y
 */
function bar(side, score, y) {
  const name = side === "you" ? "You" : "Them";
  const area = svg("svg", { x: 0, y, width: "78%", height: BAR.height });
  area.append(svg("rect", { x: 0, y: 0, width: "100%", height: BAR.height, class: "fl-bars__track" }));
  if (score && score.score !== null) {
    /** @type {Record<string, string | number>} */
    const attributes = { x: 0, y: 0, width: `${score.score}%`, height: BAR.height, class: `fl-bars__${side}` };
    if (side === "them") attributes.fill = "url(#fl-hatch)";
    area.append(svg("rect", attributes));
  }
  const text = !score ? `${name}: not asked` : score.score === null ? `${name}: –` : `${name} ${number(score.score)}`;
  const value = svg(
    "text",
    { x: "100%", y: y + BAR.height - 3, "text-anchor": "end", class: "fl-bars__value", "data-fl-side": side },
    text,
  );
  return [area, value];
}

/** @param {Result} result */
export function drawBars(result) {
  const dimensions = result.leverage.dimensions;
  const chart = svg("svg", {
    class: "fl-bars",
    width: "100%",
    height: 28 + dimensions.length * BAR.row,
    role: "img",
    "aria-label":
      "Bar chart of your leverage and theirs in each dimension, 0 to 100. The same numbers are in the table below.",
  });
  chart.append(...legend());
  dimensions.forEach((dimension, index) => {
    const y = 28 + index * BAR.row;
    const row = svg("g", { "data-fl-bar": dimension.id });
    row.append(
      svg("text", { x: 0, y: y + 14, class: "fl-bars__title" }, dimension.title),
      ...bar("you", dimension.you, y + BAR.top),
      ...bar("them", dimension.them, y + BAR.top + BAR.height + BAR.gap),
    );
    chart.append(row);
  });
  return chart;
}
