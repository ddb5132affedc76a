// @ts-check
// Share and example links: `#code=<share code>` and `#scenario=<id>` in the address fill in the
// form once Python can read them. The link wins, but the reader's own answers are never lost:
// they are kept as `previous` (in memory and in storage) and a notice offers them back. A bad
// link shows the engine's own message and leaves the form as it was. The fragment is removed
// afterwards, so a reload shows the saved answers rather than applying the link again.
import { sameAnswers, validAnswers } from "./answers.mjs";
import { plural } from "./dom.mjs";
import { notify } from "./notices.mjs";

/** @typedef {import("./view.mjs").View} View */
/** @typedef {import("../scorer/protocol.mjs").Answers} Answers */
/** @typedef {import("./scorer-client.mjs").Scorer} Scorer */
/** @typedef {(answers: Answers) => void} Apply puts answers in the form, saves and re-scores */
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

function forgetLink() {
  history.replaceState(history.state, "", location.pathname + location.search);
}

/**
 * The notice action that gives the reader's own answers back.
 * @param {View} v
 * @param {Apply} apply
 */
export function restorePreviousAction(v, apply) {
  return {
    label: "Restore my previous answers",
    run: () => {
      const restored = v.previous ?? {};
      v.previous = null;
      apply(restored);
      notify(v, "Your previous answers are back.");
    },
  };
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
  const before = v.answers;
  if (Object.keys(before).length && !sameAnswers(before, answers)) {
    v.previous = before;
    apply(answers);
    const kept = plural(Object.keys(before).length, "answer", "answers");
    notify(
      v,
      `The form now shows the answers from ${source}. Your previous answers (${kept}) are kept.`,
      restorePreviousAction(v, apply),
    );
  } else {
    apply(answers);
    notify(v, `The form now shows the answers from ${source}.`);
  }
}
