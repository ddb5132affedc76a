// @ts-check
// Baseline (c), the floor of a normal start: a bare loadPyodide() in a worker, no package.
// The page names the core's folder in this module's URL (?core=...), as the build published it.
const core = new URL(import.meta.url).searchParams.get("core");
const { loadPyodide } = await import(`${core}pyodide.mjs`);
const pyodide = await loadPyodide();
pyodide.runPython("1 + 1");
self.postMessage("ready");
