// @ts-check
// Python's state as the reader sees it: the start-up progress, "ready" (in the template's
// words, with the versions tucked in a details element), and the failure panel (Python could
// not start, or stopped after it had started) with its reason, Try again and the worksheet.
// The root's data-scorer-state (loading, ready, failed) says the same to tests and to the
// benchmark.
import { el } from "./dom.mjs";
import { announce } from "./notices.mjs";

/** @typedef {import("./view.mjs").View} View */
/** @typedef {import("../scorer/protocol.mjs").Version} Version */
/** @typedef {import("./scorer-client.mjs").Progress} Progress */
/** @typedef {import("./scorer-client.mjs").FailureStage} FailureStage */

/** @param {View} v @param {Progress | null} progress */
export function showStarting(v, progress) {
  const { startup, failure, progressBar, status } = v.parts;
  v.root.dataset.scorerState = "loading";
  startup.hidden = false;
  startup.classList.remove("fl-startup--done");
  failure.hidden = true;
  if (progress) {
    progressBar.value = progress.percent;
    status.textContent = progress.text;
  }
}

/** @param {View} v @param {Version} version */
export function showReady(v, version) {
  const { startup, failure, progressBar, status } = v.parts;
  v.root.dataset.scorerState = "ready";
  failure.hidden = true;
  startup.classList.add("fl-startup--done");
  progressBar.value = 100;
  const { python, package: assessment, bank } = version;
  v.parts.version.textContent = `Python ${python}, assessment ${assessment}, questions version ${bank}`;
  status.textContent = v.wording.ready;
}

/**
 * Shows why there is no result, keeping the answers; the reader can answer on, or try again.
 * @param {View} v
 * @param {string} reason plain words, starting lower-case
 * @param {FailureStage} stage
 */
export function showFailure(v, reason, stage) {
  const { parts, wording } = v;
  const started = stage === "stopped";
  v.root.dataset.scorerState = "failed";
  parts.startup.hidden = true;
  parts.failure.hidden = false;
  parts.failureTitle.textContent = started ? wording.stoppedTitle : wording.failureTitle;
  parts.failureReason.textContent = `What happened: ${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;
  const what = started ? "Python stopped working" : "Python could not start";
  parts.barSummary.replaceChildren(
    `${what}, so there is no result yet; your answers are kept. `,
    el("a", { href: "#fl-failure-title" }, "What happened"),
  );
  parts.results.removeAttribute("aria-busy");
  parts.results.dataset.flState = "failed";
  parts.body.hidden = true;
  parts.empty.hidden = false;
  parts.empty.textContent =
    `There is no result because ${what} in your browser (see the ` +
    "message at the top). Your answers are saved; the printable worksheet gives the same result on paper.";
  if (started) announce(v, `${wording.stoppedTitle}. Your answers are kept; press Try again.`);
}
