// @ts-check
// The page's client for the scoring worker (../scorer/scorer-worker.mjs): starts it, with a time
// limit, reports its progress, and sends calls keyed by id, each with its own time limit. The
// worker firing `error` or `messageerror`, reporting a failure, or leaving a call unanswered
// past the limit makes the scorer fail: every pending call is rejected, the worker is stopped,
// and `failed` is reported once. A failed scorer is never used again: the next one is fresh.
// Once ready, next-visit.mjs shows how Python started and keeps its snapshot for the next visit.
import { networkRefusal, startedThisVisit } from "./next-visit.mjs";

/** @typedef {import("./config.mjs").StartConfig} StartConfig */
/** @typedef {import("../scorer/protocol.mjs").Request} Request */
/** @typedef {import("../scorer/protocol.mjs").Version} Version */
/** @typedef {import("../scorer/protocol.mjs").ToWorker} ToWorker */
/** @typedef {import("../scorer/protocol.mjs").FromWorker} FromWorker */
/** @typedef {import("../scorer/protocol.mjs").ReplyMessage["response"]} AnyResponse */
/** @typedef {import("../scorer/protocol.mjs").KeepOutcome} KeepOutcome */
/** @typedef {{percent: number, text: string}} Progress */
/** @typedef {"loading" | "ready" | "failed"} ScorerState */
/** @typedef {"start" | "stopped"} FailureStage whether Python had started when it failed */

/**
 * What the page is told, whichever page is showing when it happens.
 * @typedef {object} ScorerEvents
 * @property {(progress: Progress) => void} progress
 * @property {(version: Version) => void} ready
 * @property {(reason: string, stage: FailureStage) => void} failed
 */

/** @typedef {{resolve: (response: AnyResponse) => void, reject: (error: Error) => void, timer: number}} Pending */

const WORKER = "the part of the page that runs Python";

export class Scorer {
  /** @type {ScorerState} */
  state = "loading";
  /** @type {Progress | null} the latest, for a page that mounts while Python starts */
  progress = null;
  /** @type {Version | null} */
  version = null;
  /** @type {Worker | null} */
  #worker = null;
  /** @type {Map<number, Pending>} */
  #pending = new Map();
  /** @type {{resolve: (outcome: KeepOutcome) => void, reject: (error: Error) => void} | null} the one `keep` */
  #kept = null;
  #nextId = 1;
  #startTimer = 0;
  #callLimitMs;
  #events;

  /** @param {StartConfig} config @param {ScorerEvents} events */
  constructor(config, events) {
    this.#events = events;
    this.#callLimitMs = config.callLimitMs;
    if (typeof WebAssembly !== "object") {
      // Reported once the page has had a chance to listen, like every other failure.
      queueMicrotask(() =>
        this.#fail("this browser cannot run WebAssembly (it may be switched off), and Python in the page needs it."),
      );
      return;
    }
    const seconds = config.startLimitMs / 1000;
    this.#startTimer = window.setTimeout(
      () =>
        this.#fail(
          `Python did not finish starting within ${seconds} seconds. A slow or interrupted ` +
            "connection can cause this, or a site host that sends Python's files wrongly.",
        ),
      config.startLimitMs,
    );
    try {
      this.#worker = new Worker(config.workerUrl, { type: "module", name: "fair-leverage-scorer" });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      queueMicrotask(() => this.#fail(`this browser would not start ${WORKER} (${detail}).`));
      return;
    }
    this.#worker.addEventListener("message", (event) => this.#receive(/** @type {FromWorker} */ (event.data)));
    this.#worker.addEventListener("error", (event) => {
      event.preventDefault(); // reported to the reader below, in words
      const detail = event.message ? ` (${event.message})` : "";
      this.#fail(
        this.state === "loading"
          ? `${WORKER} could not be loaded${detail}.`
          : `${WORKER} stopped with an error${detail}.`,
      );
    });
    this.#worker.addEventListener("messageerror", () => this.#fail(`a message from ${WORKER} could not be read.`));
    this.#post({ type: "start", ...config.start, download: networkRefusal() === null });
  }

  /**
   * Asks Python; rejects when the scorer fails before the answer comes.
   * @template {Request} R
   * @param {R} request
   * @returns {Promise<import("../scorer/protocol.mjs").Response<R["op"]>>}
   */
  call(request) {
    return new Promise((resolve, reject) => {
      if (this.state !== "ready") {
        reject(new Error(`Python is not ready (${this.state}).`));
        return;
      }
      const id = this.#nextId++;
      const seconds = this.#callLimitMs / 1000;
      const timer = window.setTimeout(
        () => this.#fail(`Python stopped answering: a request had no answer within ${seconds} seconds.`),
        this.#callLimitMs,
      );
      this.#pending.set(id, { resolve: /** @type {(response: AnyResponse) => void} */ (resolve), reject, timer });
      this.#post({ type: "call", id, request });
    });
  }

  /**
   * Asks the worker to keep Python's snapshot for the next visit (next-visit.mjs asks, once).
   * @param {boolean} network whether it may download it
   * @returns {Promise<KeepOutcome>}
   */
  keep(network) {
    return new Promise((resolve, reject) => {
      if (this.state !== "ready" || this.#kept) {
        reject(new Error(`Python is not ready to keep its snapshot (${this.state}).`));
        return;
      }
      this.#kept = { resolve, reject };
      this.#post({ type: "keep", network });
    });
  }

  /** @param {ToWorker} message */
  #post(message) {
    this.#worker?.postMessage(message);
  }

  /** @param {FromWorker} message */
  #receive(message) {
    if (this.state === "failed") return;
    if (message.type === "progress") {
      this.progress = message;
      this.#events.progress(message);
    } else if (message.type === "ready") {
      clearTimeout(this.#startTimer);
      this.state = "ready";
      this.version = message.version;
      this.#events.ready(message.version);
      startedThisVisit(this, message.start);
    } else if (message.type === "failed") {
      this.#fail(message.reason);
    } else if (message.type === "reply") {
      const pending = this.#pending.get(message.id);
      if (!pending) return; // an answer that came after its call had failed
      this.#pending.delete(message.id);
      clearTimeout(pending.timer);
      pending.resolve(message.response);
    } else if (message.type === "kept") {
      this.#kept?.resolve(message.outcome);
    }
  }

  /** @param {string} reason plain words, starting lower-case */
  #fail(reason) {
    if (this.state === "failed") return;
    const stage = this.state === "ready" ? "stopped" : "start";
    this.state = "failed";
    clearTimeout(this.#startTimer);
    this.#worker?.terminate();
    this.#worker = null;
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new Error(reason));
    }
    this.#pending.clear();
    this.#kept?.reject(new Error(reason));
    this.#events.failed(reason, stage);
  }
}
