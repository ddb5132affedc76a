// How the worker starts Python: load the pinned Pyodide core and install the assessment
// wheel from the custom lock file. Kept apart from the worker's message protocol so the
// start-up strategy (caching, snapshots) can change without touching the rest.

export async function startPyodide({ pyodideUrl, lockUrl }) {
  const { loadPyodide } = await import(`${pyodideUrl}pyodide.mjs`);
  return loadPyodide({
    indexURL: pyodideUrl,
    lockFileURL: lockUrl,
    packageBaseUrl: new URL(".", lockUrl).href,
    packages: ["assessment"],
    stdout: () => {},
    stderr: () => {},
  });
}
