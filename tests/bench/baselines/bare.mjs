// @ts-check
// Page side of baseline (c): start the bare worker and mark the page ready when it is.
import { pyodideUrl } from "./baseline-ui.mjs";

const url = new URL("./bare-worker.mjs", import.meta.url);
url.searchParams.set("core", pyodideUrl());
const worker = new Worker(url, { type: "module" });
worker.addEventListener("message", () => {
  /** @type {HTMLElement} */ (document.getElementById("fl-assessment")).dataset.scorerState = "ready";
});
