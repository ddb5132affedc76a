// Baseline (c), the floor of a normal start: a bare loadPyodide() in a worker, no package.
import { loadPyodide } from "../pyodide/314.0.7/pyodide.mjs";

const pyodide = await loadPyodide();
pyodide.runPython("1 + 1");
self.postMessage("ready");
