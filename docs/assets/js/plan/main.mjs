// @ts-check
// Entry module of the plan page (docs/assessment/plan.md), and the only script it names (at the
// end of build_scripts/templates/plan/form.html.j2), so no other page loads this code. Like the
// assessment's entry module, it follows Material's `document$`, which reports every page shown
// (instant navigation re-inserts the script tag but never runs a module twice).
import { linkOpened, showPage } from "./controller.mjs";

/** @typedef {{subscribe: (next: () => void) => unknown}} Observable the part of RxJS used here */

function onPage() {
  showPage(document.getElementById("fl-plan"));
}

window.addEventListener("hashchange", linkOpened);

const theme = /** @type {{document$?: Observable}} */ (/** @type {unknown} */ (window));
if (theme.document$) theme.document$.subscribe(onPage);
else onPage();
