// Runs Python (Pyodide) off the main thread. The page sends {type: "start"} once, then
// {type: "call", id, request}; every call is answered by {type: "reply", id, response}.
import { startPyodide } from "./pyodide-start.mjs";

let handle = null;

async function start(urls) {
  const pyodide = await startPyodide(urls);
  handle = pyodide.pyimport("assessment.browser").handle;
  return JSON.parse(handle(JSON.stringify({ op: "version" })));
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
    let response;
    try {
      response = JSON.parse(handle(JSON.stringify(message.request)));
    } catch (error) {
      response = { ok: false, error: { type: "WorkerError", message: String(error), field: null } };
    }
    self.postMessage({ type: "reply", id: message.id, response });
  }
});
