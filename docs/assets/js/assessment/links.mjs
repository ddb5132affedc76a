// @ts-check
// Share and example links: `#code=<share code>` and `#scenario=<id>` in the address fill in the
// form once Python can read them. The link wins, but the reader's own answers are never lost:
// they are kept as `previous` (in memory and in storage), and the bar's restore button gives them
// back. A link made for an older bank version is carried over by Python, and the notice says, in
// the engine's words, what could not be and why. A bad link shows the engine's own message and
// leaves the form as it was. The fragment is removed afterwards, so a reload shows the saved
// answers rather than applying the link again.
import { linkInAddress } from "./address.mjs";
import { sameAnswers, validAnswers } from "./answers.mjs";
import { plural } from "./dom.mjs";
import { notify } from "./notices.mjs";

/** @typedef {import("./view.mjs").View} View */
/** @typedef {import("../scorer/protocol.mjs").Answers} Answers */
/** @typedef {import("./scorer-client.mjs").Scorer} Scorer */
/** @typedef {(answers: Answers) => void} Apply puts answers in the form, saves and re-scores */

export { linkInAddress };

function forgetLink() {
  history.replaceState(history.state, "", location.pathname + location.search);
}

/**
 * Reads the link in the address, if any, with Python, and applies its answers.
 * @param {View} v
 * @param {Scorer} scorer a ready scorer
 * @param {Apply} apply
 */
export async function openLink(v, scorer, apply) {
  const link = linkInAddress();
  if (!link) return;
  const response = await scorer.call(
    link.kind === "code" ? { op: "decode", code: link.value } : { op: "scenario", id: link.value },
  );
  if (!v.root.isConnected) return;
  forgetLink();
  if (!response.ok) {
    const what = link.kind === "code" ? "This share link could not be read" : "This example link could not be opened";
    notify(v, `${what}: ${response.error.message} Your own answers are unchanged.`);
    return;
  }
  const { answers } = validAnswers(v.questions, response.answers);
  const source = "title" in response ? `the example “${response.title}”` : "the share link you opened";
  const old = "notice" in response && response.notice ? ` ${response.notice}` : "";
  const dropped = "dropped" in response ? response.dropped.map(droppedText) : [];
  const before = v.answers;
  const replaced = Object.keys(before).length > 0 && !sameAnswers(before, answers);
  // The reader's own answers stay the ones kept when one link follows another.
  if (replaced) v.previous ??= before;
  apply(answers);
  const kept =
    v.previous && replaced
      ? ` Your previous answers (${plural(Object.keys(v.previous).length, "answer", "answers")}) are kept: ` +
        `“${v.parts.restore.textContent}”, beside “${v.parts.clear.textContent}”, brings them back.`
      : "";
  notify(v, `The form now shows the answers from ${source}.${old}${kept}`, null, dropped);
}

/**
 * An old answer that could not be carried over, with the engine's reason.
 * @param {import("../scorer/protocol.mjs").Dropped} dropped
 */
export function droppedText(dropped) {
  return `“${dropped.text}”: ${dropped.reason}`;
}
