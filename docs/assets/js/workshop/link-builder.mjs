// @ts-check
// The link a trainer sends a group: the assessment page's address with, after the `#`, the
// example to open (if any) and the trainer's note, e.g. `#scenario=job-offer&note=For+Tuesday`.
// The fragment never reaches a server; the assessment page shows the note as plain text and
// never stores it (../assessment/workshop-note.mjs). Made here, with no Python.

/** @typedef {import("./parts.mjs").Parts} Parts */
/** @typedef {import("./parts.mjs").WorkshopConfig} WorkshopConfig */

/**
 * The link for a scenario id ("" for an empty form) and a note ("" for none).
 * @param {URL} assessmentUrl
 * @param {string} scenario
 * @param {string} note
 */
export function workshopLink(assessmentUrl, scenario, note) {
  const fragment = new URLSearchParams();
  if (scenario) fragment.set("scenario", scenario);
  if (note) fragment.set("note", note);
  const url = new URL(assessmentUrl.href);
  url.search = "";
  url.hash = fragment.toString();
  return url.href;
}

/** @param {Parts} parts @param {WorkshopConfig} config */
export async function makeLink(parts, config) {
  const { scenario, note, made, madeLink, linkStatus } = parts;
  const text = note.value.trim();
  if ([...text].length > config.noteLimit) {
    linkStatus.textContent = `The note is longer than ${config.noteLimit} characters: shorten it.`;
    note.focus();
    return;
  }
  madeLink.value = workshopLink(config.assessmentUrl, scenario.value, text);
  made.hidden = false;
  madeLink.select();
  try {
    await navigator.clipboard.writeText(madeLink.value);
    linkStatus.textContent = "Link made and copied. Paste it into your newsletter or invitation.";
  } catch {
    linkStatus.textContent = "Link made. Your browser did not let the page copy it: select it and copy.";
  }
}
