// @ts-check
// Plan links: `#plan=<code>` (a shared plan) and `#example=<id>` (a worked example's plan) fill
// the form once Python can read them. The link wins, but the reader's own plan is never lost: it
// is kept as `previous` (in memory and in storage) and a notice offers it back. A bad link shows
// Python's own message and leaves the form as it was. The fragment is then removed, so a reload
// shows the saved plan rather than opening the link again.
import { samePlan } from "./form.mjs";
import { notify } from "../assessment/notices.mjs";

/** @typedef {import("./view.mjs").PlanView} PlanView */
/** @typedef {import("../scorer/protocol.mjs").PlanForm} PlanForm */
/** @typedef {import("../assessment/scorer-client.mjs").Scorer} Scorer */
/** @typedef {(values: PlanForm) => void} Apply puts a plan in the form, saves and checks it */
/** @typedef {{kind: "plan" | "example", value: string}} LinkRequest */

/** @returns {LinkRequest | null} */
export function linkInAddress() {
  const params = new URLSearchParams(location.hash.slice(1));
  const plan = params.get("plan");
  if (plan !== null) return { kind: "plan", value: plan };
  const example = params.get("example");
  if (example !== null) return { kind: "example", value: example };
  return null;
}

function forgetLink() {
  history.replaceState(history.state, "", location.pathname + location.search);
}

/** The notice action that gives the reader's own plan back. @param {PlanView} v @param {Apply} apply */
export function restorePreviousAction(v, apply) {
  return {
    label: "Put my own plan back",
    run: () => {
      const restored = v.previous ?? {};
      v.previous = null;
      apply(restored);
      notify(v, "Your own plan is back.");
    },
  };
}

/**
 * Reads the link in the address, if any, with Python, and puts its plan in the form.
 * @param {PlanView} v
 * @param {Scorer} scorer a ready scorer
 * @param {Apply} apply
 * @returns {Promise<boolean>} whether there was a link
 */
export async function openLink(v, scorer, apply) {
  const link = linkInAddress();
  if (!link) return false;
  const response = await scorer.call(
    link.kind === "plan" ? { op: "plan-decode", code: link.value } : { op: "plan-example", id: link.value },
  );
  if (!v.root.isConnected) return true;
  forgetLink();
  if (!response.ok) {
    const what = link.kind === "plan" ? "This plan link could not be read" : "This example could not be opened";
    notify(v, `${what}: ${response.error.message} Your own plan is unchanged.`);
    return true;
  }
  const source = "title" in response ? `the worked example “${response.title}”` : "the plan link you opened";
  const notice = "notice" in response && response.notice ? ` ${response.notice}` : "";
  const before = v.values;
  if (Object.keys(before).length && !samePlan(before, response.form)) {
    v.previous = before;
    apply(response.form);
    notify(
      v,
      `The form now shows the plan from ${source}. Your own plan is kept.${notice}`,
      restorePreviousAction(v, apply),
    );
  } else {
    apply(response.form);
    notify(v, `The form now shows the plan from ${source}.${notice}`);
  }
  return true;
}
