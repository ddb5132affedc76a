// @ts-check
// The reader's answers: read from and written to the form, checked against the form's own
// questions, and kept in this browser's localStorage under the key the build names, as
// {"answers": {question: option}} plus "previous" while a link's answers stand in for them.
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

/**
 * The answers saved in this browser, repaired if they were damaged (with a message saying so).
 * @param {string} key
 * @param {Questions} questions
 * @returns {{answers: Answers, previous: Answers | null, message: string | null}}
 */
export function loadSaved(key, questions) {
  let text;
  try {
    text = localStorage.getItem(key);
  } catch {
    return { answers: {}, previous: null, message: "This browser does not let the page read saved answers." };
  }
  if (text === null) return { answers: {}, previous: null, message: null };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { answers: {}, previous: null, message: DAMAGED };
  }
  if (!data || typeof data !== "object" || !("answers" in data)) {
    return { answers: {}, previous: null, message: DAMAGED };
  }
  const { answers, dropped } = validAnswers(questions, data.answers);
  const previous = data.previous ? validAnswers(questions, data.previous).answers : null;
  const kept = Object.keys(answers).length;
  const message = dropped
    ? `Part of your saved answers was damaged or no longer matches the questions: ` +
      `${plural(dropped, "answer was", "answers were")} left out, and ` +
      `${plural(kept, "answer was", "answers were")} restored.`
    : null;
  return { answers, previous: previous && Object.keys(previous).length ? previous : null, message };
}

/**
 * Saves the answers (or removes the saved copy when there is nothing to keep).
 * @param {string} key
 * @param {Answers} answers
 * @param {Answers | null} previous
 * @returns {boolean} false when the browser refused to store them
 */
export function saveAnswers(key, answers, previous) {
  try {
    if (!Object.keys(answers).length && !previous) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(previous ? { answers, previous } : { answers }));
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
