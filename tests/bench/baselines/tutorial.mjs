// Baseline (a), the common tutorial: loadPyodide() on the main thread, then micropip
// installs the assessment wheel by URL.
import { attach, failed } from "./baseline-ui.mjs";
import { loadPyodide } from "../pyodide/314.0.7/pyodide.mjs";

const wheel = document.querySelector("meta[name=bench-wheel]").content;
try {
  const pyodide = await loadPyodide();
  await pyodide.loadPackage("micropip");
  const micropip = pyodide.pyimport("micropip");
  await micropip.install(new URL(wheel, location.href).href);
  const handle = pyodide.pyimport("assessment.browser").handle;
  await attach(async (request) => JSON.parse(handle(JSON.stringify(request))));
} catch (error) {
  failed(error);
}
