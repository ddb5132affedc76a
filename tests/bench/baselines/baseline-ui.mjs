// @ts-check
// What every baseline page does around Python, kept identical so the pages differ only in
// how they start Python: read the same form, answer a #code= share link, redraw the result
// on every change. `call(request) -> Promise<response>` runs assessment.browser.handle.

/** @typedef {(request: object) => Promise<any>} Call */

function parts() {
  const root = /** @type {HTMLElement} */ (document.getElementById("fl-assessment"));
  return {
    root,
    form: /** @type {HTMLFormElement} */ (root.querySelector("[data-fl-form]")),
    results: /** @type {HTMLElement} */ (root.querySelector("[data-fl-results]")),
    body: /** @type {HTMLElement} */ (root.querySelector("[data-fl-results-body]")),
  };
}

/** Where the page's own build put the Pyodide core, as an absolute URL ending in "/". */
export function pyodideUrl() {
  return new URL(parts().root.dataset.pyodideUrl ?? "", location.href).href;
}

/** @param {Call} call */
export function attach(call) {
  const { root, form, results, body } = parts();
  const answers = () => Object.fromEntries(new FormData(form));
  async function draw() {
    results.dataset.flState = "stale";
    const response = await call({ op: "score", answers: answers() });
    const text = response.ok ? JSON.stringify(response.result, null, 1) : response.error.message;
    const pre = document.createElement("pre");
    pre.textContent = text;
    body.replaceChildren(pre);
    body.hidden = false;
    results.dataset.flState = "current";
  }
  root.dataset.scorerState = "ready";
  form.addEventListener("change", draw);
  const code = new URLSearchParams(location.hash.slice(1)).get("code");
  if (code) {
    return call({ op: "decode", code }).then((response) => {
      for (const [question, option] of Object.entries(response.answers || {})) {
        const input = form.querySelector(`input[name="${question}"][value="${option}"]`);
        if (input instanceof HTMLInputElement) input.checked = true;
      }
      return draw();
    });
  }
  return Promise.resolve();
}

/** @param {unknown} error */
export function failed(error) {
  parts().root.dataset.scorerState = "failed";
  console.warn(error);
}
