// @ts-check
// The plan in the form: every named control read as text and written back, with no knowledge of
// what the fields mean (Python reads and checks them). Empty fields are left out.

/** @typedef {import("../scorer/protocol.mjs").PlanForm} PlanForm */

/** @param {HTMLFormElement} form @returns {Set<string>} */
export function fieldNames(form) {
  const names = new Set();
  for (const control of form.elements) {
    const name = control.getAttribute("name");
    if (name) names.add(name);
  }
  return names;
}

/** @param {HTMLFormElement} form @param {Set<string>} names @returns {PlanForm} */
export function readForm(form, names) {
  /** @type {PlanForm} */
  const values = {};
  for (const name of names) {
    const item = form.elements.namedItem(name);
    let value = "";
    if (item instanceof RadioNodeList) value = item.value;
    else if (item instanceof HTMLInputElement && item.type === "radio") value = item.checked ? item.value : "";
    else if (item instanceof HTMLInputElement || item instanceof HTMLTextAreaElement) value = item.value;
    else if (item instanceof HTMLSelectElement) value = item.value;
    if (value) values[name] = value;
  }
  return values;
}

/**
 * Puts values in the form; a field without a value is emptied.
 * @param {HTMLFormElement} form
 * @param {PlanForm} values
 */
export function writeForm(form, values) {
  for (const control of form.elements) {
    const name = control.getAttribute("name");
    if (!name) continue;
    const value = values[name] ?? "";
    if (control instanceof HTMLInputElement && control.type === "radio") control.checked = control.value === value;
    else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) control.value = value;
    else if (control instanceof HTMLSelectElement) control.value = value;
  }
}

/** @param {PlanForm} a @param {PlanForm} b */
export function samePlan(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
