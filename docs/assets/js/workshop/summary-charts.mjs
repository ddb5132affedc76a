// @ts-check
// The workshop summary's SVG: a bar of 0 to 100 (a share of results, or a mean of points) and the
// histogram of balances. Each chart sits beside the same numbers in text or in a table, so the
// bars are hidden from screen readers and never carry information by colour alone.
import { svg } from "../assessment/dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Cohort["balance"]["bins"]} Bins */

const BAR = { width: 120, height: 12 };
const HISTOGRAM = { width: 600, height: 140, axis: 18 };

/** @param {number} value 0 to 100 @param {"you" | "them"} side */
export function bar(value, side) {
  const chart = svg("svg", {
    class: "fl-ws-bar",
    width: BAR.width,
    height: BAR.height,
    viewBox: `0 0 ${BAR.width} ${BAR.height}`,
    "aria-hidden": "true",
  });
  const width = (Math.max(0, Math.min(100, value)) * BAR.width) / 100;
  chart.append(
    svg("rect", { width: BAR.width, height: BAR.height, class: "fl-ws-bar__track" }),
    svg("rect", { width: width.toFixed(1), height: BAR.height, class: `fl-ws-bar__fill fl-ws-bar__fill--${side}` }),
  );
  return chart;
}

/** Columns of balances from −100 to +100, with the bands' middle marked. @param {Bins} bins */
export function histogram(bins) {
  const most = Math.max(1, ...bins.map((bin) => bin.count));
  const { width, height, axis } = HISTOGRAM;
  const column = width / bins.length;
  const chart = svg("svg", {
    class: "fl-ws-histogram",
    width: "100%",
    viewBox: `0 0 ${width} ${height}`,
    "aria-hidden": "true",
  });
  bins.forEach((bin, index) => {
    const tall = ((height - axis) * bin.count) / most;
    chart.append(
      svg("rect", {
        x: (index * column + 1).toFixed(1),
        y: (height - axis - tall).toFixed(1),
        width: (column - 2).toFixed(1),
        height: tall.toFixed(1),
        class: "fl-ws-histogram__column",
      }),
    );
  });
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (first && last) {
    chart.append(
      svg("line", { x1: width / 2, x2: width / 2, y1: 0, y2: height - axis, class: "fl-ws-histogram__middle" }),
      svg("text", { x: 0, y: height - 4, class: "fl-ws-histogram__label" }, `${first.low}: they are stronger`),
      svg("text", { x: width / 2, y: height - 4, "text-anchor": "middle", class: "fl-ws-histogram__label" }, "0"),
      svg(
        "text",
        { x: width, y: height - 4, "text-anchor": "end", class: "fl-ws-histogram__label" },
        `you are stronger: +${last.high}`,
      ),
    );
  }
  return chart;
}
