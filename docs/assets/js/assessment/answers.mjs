// @ts-check
// The reader's answers: read from and written to the form, checked against the form's own
// questions, and kept in this browser's localStorage under the key the build names, as
// {"bank": version, "answers": {question: option}}, plus "previous" while a link's answers stand
// in for the reader's, and "old" while answers saved under an older bank wait to be carried over.
// Damaged storage is repaired, keeping what is still valid, and the reader is told.
import { plural } from "./dom.mjs";

/** @typedef {import("../scorer/protocol.mjs").Answers} Answers */
/** @typedef {Map<string, Set<string>>} Questions each question's id and its option ids */

/** @param {HTMLFormElement} form @returns {Questions} */
export function questionsOf(form) {
  /** @type {Questions} */
  const questions = new Map();
  for (const fieldset of form.querySelectorAll("fieldset[data-fl-question]")) {
    const inputs = fieldset.querySelectorAll("input[type=radio]");
    const values = new Set([...inputs].map((input) => /** @type {HTMLInputElement} */ (input).value));
    questions.set(/** @type {HTMLElement} */ (fieldset).dataset.flQuestion ?? "", values);
  }
  return questions;
}

/** @param {HTMLFormElement} form @param {Questions} questions @returns {Answers} */
export function readForm(form, questions) {
  /** @type {Answers} */
  const answers = {};
  for (const id of questions.keys()) {
    // A group of radio buttons, or the one button of a question with a single option.
    const group = form.elements.namedItem(id);
    if (group instanceof RadioNodeList && group.value) answers[id] = group.value;
    else if (group instanceof HTMLInputElement && group.checked) answers[id] = group.value;
  }
  return answers;
}

/** @param {HTMLFormElement} form @param {Answers} answers */
export function writeForm(form, answers) {
  for (const input of form.querySelectorAll("input[type=radio]")) {
    const radio = /** @type {HTMLInputElement} */ (input);
    radio.checked = answers[radio.name] === radio.value;
  }
}

/**
 * Keeps the answers that still match a question and one of its options; counts the rest.
 * @param {Questions} questions
 * @param {unknown} candidate
 * @returns {{answers: Answers, dropped: number}}
 */
export function validAnswers(questions, candidate) {
  /** @type {Answers} */
  const answers = {};
  let dropped = 0;
  if (!candidate || typeof candidate !== "object" || Array.isArray(candidate)) return { answers, dropped: 1 };
  for (const [id, value] of Object.entries(candidate)) {
    if (typeof value === "string" && questions.get(id)?.has(value)) answers[id] = value;
    else dropped += 1;
  }
  return { answers, dropped };
}

const DAMAGED = "Your saved answers were damaged and could not be read, so the form starts empty.";
// The first page stored no bank version: every copy without one holds answers to version 1.
const UNVERSIONED = "1";

/**
 * Answers saved under another version of the question bank, kept as they were until Python
 * carries them over (carry-over.mjs), so a copy that cannot be read yet is never lost.
 * @typedef {object} OldCopy
 * @property {string} bank the version they answer
 * @property {Answers} answers
 * @property {Answers | null} previous
 * @property {number} damaged entries that could not be answers at all (not text)
 * @property {Record<string, unknown>} stored the copy as it was read, with its version: saved as it is
 */

/**
 * What this browser keeps, read and repaired.
 * @typedef {object} Saved
 * @property {Answers} answers for the current bank, checked against the form
 * @property {Answers | null} previous the reader's own answers while a link's stand in for them
 * @property {OldCopy | null} old answers saved under another bank version, not yet carried over
 * @property {string | null} message what the reader is told about damage
 */

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

/** The entries whose value is text: Python checks those against their bank version. @param {unknown} value */
function textEntries(value) {
  /** @type {Answers} */
  const answers = {};
  if (!isObject(value)) return answers;
  for (const [id, option] of Object.entries(value)) if (typeof option === "string") answers[id] = option;
  return answers;
}

/** @param {Record<string, unknown>} data @param {string} bank @returns {OldCopy} */
function oldCopy(data, bank) {
  const answers = textEntries(data.answers);
  const damaged = isObject(data.answers) ? Object.keys(data.answers).length - Object.keys(answers).length : 1;
  const previous = data.previous ? textEntries(data.previous) : null;
  return { bank, answers, previous, damaged, stored: { ...data, bank } };
}

/**
 * The answers saved in this browser, repaired if they were damaged (with a message saying so).
 * Answers saved under another bank version come back as `old`, for Python to carry over.
 * @param {string} key
 * @param {Questions} questions
 * @param {string} bankVersion the current bank's
 * @returns {Saved}
 */
export function loadSaved(key, questions, bankVersion) {
  const empty = { answers: {}, previous: null, old: null };
  let text;
  try {
    text = localStorage.getItem(key);
  } catch {
    return { ...empty, message: "This browser does not let the page read saved answers." };
  }
  if (text === null) return { ...empty, message: null };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ...empty, message: DAMAGED };
  }
  if (!isObject(data) || !("answers" in data)) return { ...empty, message: DAMAGED };
  const version = typeof data.bank === "string" ? data.bank : UNVERSIONED;
  if (version !== bankVersion) return { ...empty, old: oldCopy(data, version), message: null };
  const old = isObject(data.old) && typeof data.old.bank === "string" ? oldCopy(data.old, data.old.bank) : null;
  const { answers, dropped } = validAnswers(questions, data.answers);
  const previous = data.previous ? validAnswers(questions, data.previous).answers : null;
  const kept = Object.keys(answers).length;
  const message = dropped
    ? `Part of your saved answers was damaged or no longer matches the questions: ` +
      `${plural(dropped, "answer was", "answers were")} left out, and ` +
      `${plural(kept, "answer was", "answers were")} restored.`
    : null;
  return { answers, previous: previous && Object.keys(previous).length ? previous : null, old, message };
}

/**
 * Saves the answers with the bank version they answer, and any old copy not yet carried over
 * (or removes the saved copy when there is nothing to keep).
 * @param {string} key
 * @param {string} bankVersion
 * @param {Omit<Saved, "message">} saved
 * @returns {boolean} false when the browser refused to store them
 */
export function saveAnswers(key, bankVersion, { answers, previous, old }) {
  try {
    if (!Object.keys(answers).length && !previous && !old) localStorage.removeItem(key);
    else {
      const data = { bank: bankVersion, answers, ...(previous && { previous }), ...(old && { old: old.stored }) };
      localStorage.setItem(key, JSON.stringify(data));
    }
    return true;
  } catch {
    return false;
  }
}

/** @param {Answers} a @param {Answers} b */
export function sameAnswers(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
