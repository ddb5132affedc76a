// @ts-check
// Entry module of the quick check page, and the only script it names (at the end of
// build_scripts/templates/assessment/quick-check.html.j2). Like the assessment's entry module it
// follows Material's `document$`, which reports every page shown on instant navigation, and
// mounts the quick check on each page that has one.
import { showPage } from "./quick-check.mjs";

/** @typedef {{subscribe: (next: () => void) => unknown}} Observable the part of RxJS used here */

function onPage() {
  showPage(document.getElementById("fl-quick"));
}

const theme = /** @type {{document$?: Observable}} */ (/** @type {unknown} */ (window));
if (theme.document$) theme.document$.subscribe(onPage);
else onPage();
