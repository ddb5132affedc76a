// @ts-check
// One scorer per visit, shared by every page that runs Python (the assessment and the plan page),
// across Material's instant navigation: the page that mounts last receives its events, and a
// scorer that has failed is replaced by a fresh one the next time a page asks for it.
import { Scorer } from "./scorer-client.mjs";

/** @typedef {import("./config.mjs").StartConfig} StartConfig */
/** @typedef {import("./scorer-client.mjs").ScorerEvents} ScorerEvents */

/** @type {Scorer | null} */
let scorer = null;
/** @type {ScorerEvents | null} the events of the page showing now */
let listener = null;

/**
 * The visit's scorer, started if there is none yet (or the last one failed); `events` now go to
 * the page that asked.
 * @param {StartConfig} config
 * @param {ScorerEvents} events
 * @returns {Scorer}
 */
export function visitScorer(config, events) {
  listener = events;
  if (!scorer || scorer.state === "failed") {
    scorer = new Scorer(config, {
      progress: (progress) => listener?.progress(progress),
      ready: (version) => listener?.ready(version),
      failed: (reason, stage) => listener?.failed(reason, stage),
    });
  }
  return scorer;
}
