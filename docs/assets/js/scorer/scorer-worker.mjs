// Runs Python (Pyodide) off the main thread. The page sends {type: "start"} once, then
// {type: "call", id, request}; every call is answered by {type: "reply", id, response}.
// While starting, the worker sends {type: "progress", phase, percent, text}, then
// {type: "ready", version} or {type: "failed", reason} (plain words a reader can act on).
import { startPyodide } from "./pyodide-start.mjs";

let handle = null;

function progress(phase, percent, text) {
  self.postMessage({ type: "progress", phase, percent, text });
}

// loadPyodide() never settles when the .wasm file is missing or has the wrong content type,
// so look at the file first: a broken host is reported in a moment instead of at the
// time limit.
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
    throw new Error(
      "the browser could not download Python's files: the connection failed or something blocked it.",
    );
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

async function start({ pyodideUrl, lockUrl }) {
  if (typeof WebAssembly !== "object") {
    throw new Error("this browser cannot run WebAssembly, which Python in the page needs.");
  }
  progress("loading", 5, "Downloading and starting Python (about 13 MB the first time)…");
  // The check runs beside the start, so it costs no time; when it finds a broken host its
  // plain-words reason wins over whatever Pyodide says (or never says) about it.
  const check = checkWasm(pyodideUrl);
  const starting = startPyodide({
    pyodideUrl,
    lockUrl,
    onProgress: (percent, text) => progress("loading", percent, text),
  }).catch(async (error) => {
    await check;
    throw error;
  });
  const pyodide = await Promise.race([starting, check.then(() => starting)]);
  progress("importing", 90, "Loading the assessment…");
  handle = pyodide.pyimport("assessment.browser").handle;
  const version = JSON.parse(handle(JSON.stringify({ op: "version" })));
  if (!version.ok) throw new Error(version.error.message);
  return version;
}

function call(request) {
  try {
    return JSON.parse(handle(JSON.stringify(request)));
  } catch (error) {
    return { ok: false, error: { type: "WorkerError", message: String(error), field: null } };
  }
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === "start") {
    try {
      self.postMessage({ type: "ready", version: await start(message) });
    } catch (error) {
      self.postMessage({ type: "failed", reason: String(error && error.message ? error.message : error) });
    }
  } else if (message.type === "call") {
    self.postMessage({ type: "reply", id: message.id, response: call(message.request) });
  }
});
