// @ts-check
// The order of a plan question's options. The build marks with data-fl-shuffle the questions
// whose options may show in any order, so that no answer always comes last; this module draws
// one order per visit (kept across instant navigation) and puts the labels in it, in the DOM, so
// the keyboard and screen readers follow what is seen. The radio values never change, so the
// answers and share codes do not either. Print goes back to the bank's order, which the build
// wrote; an "I don't know" option always stays last, a choice apart from the scale.

/** @type {Map<string, string[]>} each shuffled question's option values, in this visit's order */
const visitOrder = new Map();

/** @param {ParentNode} root @returns {Array<{id: string, list: HTMLElement, labels: HTMLLabelElement[]}>} */
function shuffledQuestions(root) {
  return [...root.querySelectorAll(".fl-options[data-fl-shuffle]")].map((node) => {
    const list = /** @type {HTMLElement} */ (node);
    const fieldset = /** @type {HTMLElement | null} */ (list.closest("[data-fl-question]"));
    const labels = /** @type {HTMLLabelElement[]} */ ([...list.querySelectorAll(":scope > label")]);
    return { id: fieldset?.dataset.flQuestion ?? "", list, labels };
  });
}

/** @param {HTMLLabelElement} label */
function valueOf(label) {
  return label.control instanceof HTMLInputElement ? label.control.value : "";
}

/** @param {number} below @returns {number} a random whole number from 0 to below - 1 */
function randomBelow(below) {
  const [random] = crypto.getRandomValues(new Uint32Array(1));
  return (random ?? 0) % below;
}

/** @template T @param {T[]} items @returns {T[]} a new array, in random order (Fisher–Yates) */
function shuffled(items) {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = randomBelow(index + 1);
    [copy[index], copy[other]] = [/** @type {T} */ (copy[other]), /** @type {T} */ (copy[index])];
  }
  return copy;
}

/** @param {HTMLElement} list @param {HTMLLabelElement[]} labels @param {string[]} values */
function arrange(list, labels, values) {
  const byValue = new Map(labels.map((label) => [valueOf(label), label]));
  const ordered = values.map((value) => byValue.get(value)).filter((label) => label !== undefined);
  const unknown = labels.filter((label) => label.hasAttribute("data-fl-unknown"));
  list.append(...ordered.filter((label) => !unknown.includes(label)), ...unknown);
}

/** @type {WeakMap<HTMLElement, string[]>} each list's option values as the build wrote them */
const bankOrder = new WeakMap();

/**
 * Puts each marked question's options in this visit's order, drawing it on the first call.
 * @param {ParentNode} root
 */
export function shuffleOptions(root) {
  for (const { id, list, labels } of shuffledQuestions(root)) {
    if (!bankOrder.has(list)) bankOrder.set(list, labels.map(valueOf));
    const order = visitOrder.get(id) ?? shuffled(labels.map(valueOf));
    visitOrder.set(id, order);
    arrange(list, labels, order);
  }
}

/** Puts every marked question's options back in the bank's order, for print. @param {ParentNode} root */
export function restoreBankOrder(root) {
  for (const { list, labels } of shuffledQuestions(root)) {
    arrange(list, labels, bankOrder.get(list) ?? labels.map(valueOf));
  }
}
