// @ts-check
// Answers this browser saved under an older version of the question bank (answers.mjs keeps them
// as `old`, untouched, until now): once Python is ready, its `translate` operation carries them
// over to the current bank as it would an old link's, and the reader is told what could not be
// carried over and why, in the engine's words. Answers given since the page opened win over
// carried ones. An answer the old version never had is damage: it is left out, and counted.
import { validAnswers } from "./answers.mjs";
import { plural } from "./dom.mjs";
import { droppedText } from "./links.mjs";
import { notify } from "./notices.mjs";

/** @typedef {import("./view.mjs").View} View */
/** @typedef {import("../scorer/protocol.mjs").Answers} Answers */
/** @typedef {import("../scorer/protocol.mjs").Opened} Opened */
/** @typedef {import("./scorer-client.mjs").Scorer} Scorer */
/** @typedef {(answers: Answers) => void} Apply puts answers in the form, saves and re-scores */
/** @typedef {{opened: Opened, damaged: number} | {error: import("../scorer/protocol.mjs").EngineError}} Carried */

/**
 * Asks Python to carry answers over from a bank version, leaving out, one by one, the answers
 * it names as never part of that version (at most one call per answer, plus one).
 * @param {Scorer} scorer
 * @param {string} version
 * @param {Answers} answers
 * @returns {Promise<Carried>}
 */
async function translate(scorer, version, answers) {
  const remaining = { ...answers };
  for (let damaged = 0; ; damaged += 1) {
    const response = await scorer.call({ op: "translate", answers: remaining, version });
    if (response.ok) return { opened: response, damaged };
    const field = response.error.field;
    if (response.error.type !== "BadAnswer" || field === null || !(field in remaining)) {
      return { error: response.error };
    }
    delete remaining[field];
  }
}

/** @param {string} version @param {Opened} opened @param {number} damaged */
function message(version, opened, damaged) {
  const carried = Object.keys(opened.answers).length;
  const lost = opened.dropped.length;
  const broken = damaged ? ` ${plural(damaged, "saved answer was", "saved answers were")} damaged and left out.` : "";
  const outcome = lost
    ? `${plural(carried, "answer was", "answers were")} carried over to the current questions; ` +
      `${plural(lost, "answer", "answers")} could not be, for the reasons below.`
    : `${plural(carried, "answer was", "answers were")} carried over to the current questions.`;
  const saved = `Your saved answers were given to version ${version} of the questions, which have changed since.`;
  return `${saved} ${outcome}${broken}`;
}

/**
 * Carries the old saved copy over, if there is one, and puts it in the form.
 * @param {View} v
 * @param {Scorer} scorer a ready scorer
 * @param {Apply} apply
 */
export async function carryOver(v, scorer, apply) {
  const old = v.old;
  if (!old) return;
  const answers = await translate(scorer, old.bank, old.answers);
  const previous = old.previous && (await translate(scorer, old.bank, old.previous));
  if (!v.root.isConnected || v.old !== old) return;
  if ("error" in answers) {
    const why = `Your saved answers could not be carried over to the current questions: ${answers.error.message}`;
    // A version this site never had can never be read: only then is the copy let go.
    if (answers.error.type !== "BadRequest") {
      notify(v, `${why} They are still kept in this browser, for the page to try again on your next visit.`);
      return;
    }
    v.old = null;
    apply(v.answers);
    notify(v, why);
    return;
  }
  v.old = null;
  if (previous && "opened" in previous && !v.previous) {
    const kept = validAnswers(v.questions, previous.opened.answers).answers;
    if (Object.keys(kept).length) v.previous = kept;
  }
  const carried = validAnswers(v.questions, answers.opened.answers).answers;
  apply({ ...carried, ...v.answers });
  const damaged = answers.damaged + old.damaged;
  if (Object.keys(old.answers).length || damaged) {
    notify(v, message(old.bank, answers.opened, damaged), null, answers.opened.dropped.map(droppedText));
  }
}
