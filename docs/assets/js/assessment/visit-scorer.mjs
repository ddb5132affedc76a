// @ts-check
// One scorer per visit, shared by every page that runs Python (the assessment and the plan page),
// across Material's instant navigation: the page that mounts last receives its events, and a
// scorer that has failed is replaced by a fresh one the next time a page asks for it. Python may
// start before any page has mounted (start-python.mjs): the first page to mount then receives
// its events, a failure that came before it included.
import { Scorer } from "./scorer-client.mjs";

/** @typedef {import("./config.mjs").StartConfig} StartConfig */
/** @typedef {import("./scorer-client.mjs").ScorerEvents} ScorerEvents */
/** @typedef {import("./scorer-client.mjs").FailureStage} FailureStage */

/** @type {Scorer | null} */
let scorer = null;
/** @type {ScorerEvents | null} the events of the page showing now */
let listener = null;
/** @type {{reason: string, stage: FailureStage} | null} a failure that came before any page listened */
let unheard = null;

/** @param {StartConfig} config */
function fresh(config) {
  unheard = null;
  return new Scorer(config, {
    progress: (progress) => listener?.progress(progress),
    ready: (version) => listener?.ready(version),
    failed: (reason, stage) => {
      if (listener) listener.failed(reason, stage);
      else unheard = { reason, stage };
    },
  });
}

/**
 * The visit's scorer, started if there is none yet (or the last one failed); `events` now go to
 * the page that asked.
 * @param {StartConfig} config
 * @param {ScorerEvents} events
 * @returns {Scorer}
 */
export function visitScorer(config, events) {
  listener = events;
  if (scorer?.state === "failed" && unheard) {
    const { reason, stage } = unheard;
    unheard = null;
    queueMicrotask(() => events.failed(reason, stage));
    return scorer;
  }
  if (!scorer || scorer.state === "failed") scorer = fresh(config);
  return scorer;
}

/** Starts the visit's scorer before any page listens, unless it has one. @param {StartConfig} config */
export function startEarly(config) {
  scorer ??= fresh(config);
}
