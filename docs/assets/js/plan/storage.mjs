// @ts-check
// The plan in this browser's localStorage, under the key the build names (kept with the answers:
// "<answers' key>/plan", so the assessment's "Clear my answers" removes it too), as
// {"form": {field name: text}} plus "previous" while a link's plan stands in for the reader's.
// A damaged copy is repaired, keeping every field still readable; what could not be read is kept
// whole under "<plan key>-damaged", where Clear also reaches, and the reader can download it.
// The saved assessment answers are read here too, as the assessment keeps them, for hints.
import { plural } from "../assessment/dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").PlanForm} PlanForm */
/** @typedef {import("./view.mjs").SavedAssessment} SavedAssessment */
/** @typedef {{values: PlanForm, previous: PlanForm | null, message: string | null, damaged: string | null}} Loaded */

/** @param {string} planKey */
export function damagedKey(planKey) {
  return `${planKey}-damaged`;
}

/**
 * Keeps the fields that still name a field of the form and hold text; counts the rest.
 * @param {Set<string>} names
 * @param {unknown} candidate
 * @returns {{values: PlanForm, dropped: number}}
 */
function validValues(names, candidate) {
  /** @type {PlanForm} */
  const values = {};
  let dropped = 0;
  if (!candidate || typeof candidate !== "object" || Array.isArray(candidate)) return { values, dropped: 1 };
  for (const [name, value] of Object.entries(candidate)) {
    if (typeof value === "string" && names.has(name)) {
      if (value) values[name] = value;
    } else dropped += 1;
  }
  return { values, dropped };
}

/**
 * The plan saved in this browser, repaired if it was damaged (with a message saying so).
 * @param {string} planKey
 * @param {Set<string>} names the form's field names
 * @returns {Loaded}
 */
export function loadPlan(planKey, names) {
  let text;
  try {
    text = localStorage.getItem(planKey);
  } catch {
    return {
      values: {},
      previous: null,
      message: "This browser does not let the page read a saved plan.",
      damaged: null,
    };
  }
  if (text === null) return { values: {}, previous: null, message: null, damaged: null };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    data = null;
  }
  if (!data || typeof data !== "object" || !("form" in data)) {
    const message =
      "Your saved plan was damaged and could not be read, so the form starts empty. " +
      "What was saved is kept: you can download it.";
    return { values: {}, previous: null, message, damaged: text };
  }
  const { values, dropped } = validValues(names, data.form);
  const previous = data.previous ? validValues(names, data.previous).values : null;
  const message = dropped
    ? `Part of your saved plan was damaged: ${plural(dropped, "field was", "fields were")} left out ` +
      `(kept, for you to download), and ${plural(Object.keys(values).length, "field was", "fields were")} restored.`
    : null;
  return {
    values,
    previous: previous && Object.keys(previous).length ? previous : null,
    message,
    damaged: dropped ? text : null,
  };
}

/**
 * Saves the plan, or removes the saved copy when there is nothing to keep.
 * @param {string} planKey
 * @param {PlanForm} values
 * @param {PlanForm | null} previous
 * @returns {boolean} false when the browser refused to store it
 */
export function savePlan(planKey, values, previous) {
  try {
    if (!Object.keys(values).length && !previous) localStorage.removeItem(planKey);
    else localStorage.setItem(planKey, JSON.stringify(previous ? { form: values, previous } : { form: values }));
    return true;
  } catch {
    return false;
  }
}

/** Keeps a damaged copy whole, beside the plan. @param {string} planKey @param {string} text */
export function keepDamaged(planKey, text) {
  try {
    localStorage.setItem(damagedKey(planKey), text);
  } catch {
    // Refused: the reader is already told the browser will not save.
  }
}

/**
 * The assessment's saved answers, as the assessment page keeps them ({"answers": …}, and the
 * bank version they were saved under when it says); Python checks them. Null if there are none.
 * @param {string} answersKey
 * @returns {SavedAssessment | null}
 */
export function readAssessment(answersKey) {
  try {
    const data = JSON.parse(localStorage.getItem(answersKey) ?? "null");
    if (!data || typeof data !== "object" || !data.answers || typeof data.answers !== "object") return null;
    return { answers: data.answers, version: typeof data.version === "string" ? data.version : null };
  } catch {
    return null;
  }
}
