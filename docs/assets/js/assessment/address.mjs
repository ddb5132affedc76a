// @ts-check
// What the address's fragment asks the assessment for: `#code=<share code>` or `#scenario=<id>`
// (a share code wins when both are there). It imports nothing, so the page's earliest module
// (prepared.mjs) can read it without waiting for the others.

/** @typedef {{kind: "code" | "scenario", value: string}} LinkRequest */

/** @returns {LinkRequest | null} */
export function linkInAddress() {
  const params = new URLSearchParams(location.hash.slice(1));
  const code = params.get("code");
  if (code !== null) return { kind: "code", value: code };
  const scenario = params.get("scenario");
  if (scenario !== null) return { kind: "scenario", value: scenario };
  return null;
}
