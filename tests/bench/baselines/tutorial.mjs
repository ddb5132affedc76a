// @ts-check
// Baseline (a), the common tutorial: loadPyodide() on the main thread, then micropip
// installs the assessment wheel by URL.
import { attach, failed, pyodideUrl } from "./baseline-ui.mjs";

const wheel = /** @type {HTMLMetaElement} */ (document.querySelector("meta[name=bench-wheel]")).content;
try {
  const { loadPyodide } = await import(`${pyodideUrl()}pyodide.mjs`);
  const pyodide = await loadPyodide();
  await pyodide.loadPackage("micropip");
  const micropip = pyodide.pyimport("micropip");
  await micropip.install(new URL(wheel, location.href).href);
  const handle = pyodide.pyimport("assessment.browser").handle;
  await attach(async (request) => JSON.parse(handle(JSON.stringify(request))));
} catch (error) {
  failed(error);
}
