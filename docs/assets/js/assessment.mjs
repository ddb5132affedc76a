// Page glue for the assessment: starts the scoring worker, sends it answers and draws what
// Python returns. It holds no scoring rule. Loaded on every page; it acts only where the
// assessment root (#fl-assessment) is present, so other pages never download Pyodide.

const START_LIMIT_MS = 30000;

// One worker per visit: it survives Material's instant navigation, so coming back to the
// page does not start Python again.
let scorer = null;

function absolute(url) {
  return new URL(url, document.baseURI).href;
}

function startScorer(root) {
  if (scorer) return scorer;
  const worker = new Worker(absolute(root.dataset.workerUrl), { type: "module", name: "fair-leverage-scorer" });
  const pending = new Map();
  let nextId = 1;
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Python did not finish starting within ${START_LIMIT_MS / 1000} seconds.`)),
      START_LIMIT_MS,
    );
    worker.addEventListener("message", (event) => {
      const message = event.data;
      if (message.type === "ready") {
        clearTimeout(timer);
        resolve(message.version);
      } else if (message.type === "failed") {
        clearTimeout(timer);
        reject(new Error(message.reason));
      } else if (message.type === "reply") {
        pending.get(message.id)?.(message.response);
        pending.delete(message.id);
      }
    });
    worker.addEventListener("error", (event) => {
      clearTimeout(timer);
      reject(new Error(event.message || "The Python worker could not be loaded."));
    });
  });
  worker.postMessage({
    type: "start",
    pyodideUrl: absolute(root.dataset.pyodideUrl),
    lockUrl: absolute(root.dataset.lockUrl),
  });
  scorer = {
    ready,
    call(request) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: "call", id, request });
      });
    },
  };
  ready.catch(() => {
    worker.terminate();
    scorer = null; // a later visit to the page may retry
  });
  return scorer;
}

async function mount(root) {
  const status = root.querySelector("[data-fl-status]");
  const version = root.querySelector("[data-fl-python-version]");
  root.dataset.scorerState = "loading";
  try {
    const info = await startScorer(root).ready;
    version.textContent = `Python ${info.python}, assessment ${info.package}`;
    status.textContent = "Python is running in your browser.";
    root.dataset.scorerState = "ready";
  } catch (error) {
    status.textContent = `Python could not start in your browser: ${error.message}`;
    root.dataset.scorerState = "failed";
  }
}

function onPage() {
  const root = document.getElementById("fl-assessment");
  if (root) mount(root);
}

if (window.document$) {
  window.document$.subscribe(onPage);
} else {
  onPage();
}
