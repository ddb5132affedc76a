// Page side of baseline (c): start the bare worker and mark the page ready when it is.
const worker = new Worker(new URL("./bare-worker.mjs", import.meta.url), { type: "module" });
worker.addEventListener("message", () => {
  document.getElementById("fl-assessment").dataset.scorerState = "ready";
});
