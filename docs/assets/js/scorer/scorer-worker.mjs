// @ts-check
// The scoring worker: owns Python (Pyodide) off the main thread. It speaks the messages typed in
// protocol.mjs: one `start`, then `call`s, each answered by a `reply` with the call's id. While
// starting it sends `progress`, then `ready` (with how Python started) or `failed` (plain words a
// reader can act on). Once the page is idle it may send `keep`, answered by `kept`.
import { startPyodide } from "./pyodide-start.mjs";
import { keepSnapshot } from "./snapshot-source.mjs";

/** @typedef {import("./protocol.mjs").ToWorker} ToWorker */
/** @typedef {import("./protocol.mjs").FromWorker} FromWorker */
/** @typedef {import("./protocol.mjs").StartUrls} StartUrls */
/** @typedef {import("./protocol.mjs").StartMessage} StartMessage */
/** @typedef {import("./protocol.mjs").Request} Request */
/** @typedef {import("./protocol.mjs").Version} Version */
/** @typedef {import("./protocol.mjs").StartInfo} StartInfo */

const scope = /** @type {DedicatedWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** @type {((request: string) => string) | null} assessment.browser.handle, once started */
let handle = null;
/** @type {StartUrls | null} where Python came from, for keeping the snapshot */
let urls = null;

/** @param {FromWorker} message */
function send(message) {
  scope.postMessage(message);
}

/** @param {number} percent @param {string} text */
function progress(percent, text) {
  send({ type: "progress", percent, text });
}

// loadPyodide() never settles when the .wasm file is missing or has the wrong content type,
// so look at the file too: a broken host is reported in a moment instead of at the time limit.
/** @param {string} pyodideUrl */
async function checkWasm(pyodideUrl) {
  const url = `${pyodideUrl}pyodide.asm.wasm`;
  let response;
  try {
    // A copy already in the HTTP cache answers without any request. Otherwise ask with HEAD
    // in the default cache mode: forcing revalidation would make a host without validators
    // evict the cached 3 MB file on every repeat visit.
    response = await fetch(url, { cache: "only-if-cached", mode: "same-origin" })
      .then((cached) => {
        cached.body?.cancel();
        return cached;
      })
      .catch(() => fetch(url, { method: "HEAD" }));
  } catch {
    throw new Error("the browser could not download Python's files: the connection failed or something blocked it.");
  }
  // A host that does not answer HEAD requests says nothing about the file: go on.
  if (response.status === 405 || response.status === 501) return;
  if (!response.ok) {
    throw new Error(
      `Python's main file is missing from this site (the server answered ${response.status}` +
        `${response.statusText ? ` ${response.statusText}` : ""}).`,
    );
  }
  const type = (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
  if (type !== "application/wasm") {
    throw new Error(
      `the site sends Python's main file as "${type || "no type"}" instead of ` +
        `"application/wasm", so the browser refuses to run it. The site's host needs to ` +
        "serve .wasm files as application/wasm.",
    );
  }
}

/** @param {StartMessage} urls @returns {Promise<{version: Version, start: StartInfo}>} */
async function start(urls) {
  if (typeof WebAssembly !== "object") {
    throw new Error("this browser cannot run WebAssembly, which Python in the page needs.");
  }
  progress(5, "Downloading and starting Python (about 13 MB the first time)…");
  // The check runs beside the start, so it costs no time; when it finds a broken host its
  // plain-words reason wins over whatever Pyodide says (or never says) about it.
  const check = checkWasm(urls.pyodideUrl);
  const starting = startPyodide({ ...urls, onProgress: progress }).catch(async (error) => {
    await check;
    throw error;
  });
  const { pyodide, start } = await Promise.race([starting, check.then(() => starting)]);
  progress(90, "Loading the assessment…");
  handle = pyodide.pyimport("assessment.browser").handle;
  const reply = call({ op: "version" });
  if (!reply.ok) throw new Error(reply.error.message);
  const { ok, ...version } = reply;
  start.phases.ready = performance.timeOrigin + performance.now();
  return { version, start };
}

/**
 * @template {Request} R
 * @param {R} request
 * @returns {import("./protocol.mjs").Response<R["op"]>}
 */
function call(request) {
  try {
    if (!handle) throw new Error("Python has not started in this worker.");
    return JSON.parse(handle(JSON.stringify(request)));
  } catch (error) {
    return { ok: false, error: { type: "WorkerError", message: String(error), field: null } };
  }
}

scope.addEventListener("message", async (event) => {
  const message = /** @type {ToWorker} */ (event.data);
  if (message.type === "start") {
    urls = message;
    try {
      send({ type: "ready", ...(await start(message)) });
    } catch (error) {
      send({ type: "failed", reason: error instanceof Error ? error.message : String(error) });
    }
  } else if (message.type === "call") {
    send({ type: "reply", id: message.id, response: call(message.request) });
  } else if (message.type === "keep" && urls) {
    const { snapshotUrl, snapshotStore, snapshotLimitBytes } = urls;
    send({
      type: "kept",
      outcome: await keepSnapshot(snapshotUrl, snapshotStore, snapshotLimitBytes, message.network),
    });
  }
});

// A message from the page that cannot be read leaves a call without its request: say so, and
// the page treats this worker as broken.
scope.addEventListener("messageerror", () => {
  send({ type: "failed", reason: "a message from the page could not be read by the part that runs Python." });
});
