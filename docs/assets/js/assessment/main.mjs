// @ts-check
// Entry module of the assessment page, and the only script it names (at the end of
// build_scripts/templates/assessment/form.html.j2), so no other page loads any of this code.
// Material's instant navigation swaps pages without a reload and re-inserts this script's tag,
// which does not run a module twice; so it follows the theme's `document$`, which reports every
// page shown, and mounts the assessment on each that has one.
import { currentRoot, linkOpened, showPage } from "./controller.mjs";
import { preparePrint } from "./print.mjs";
import { showWorkshopNote } from "./workshop-note.mjs";

/** @typedef {{subscribe: (next: () => void) => unknown}} Observable the part of RxJS used here */

function onPage() {
  showWorkshopNote(document.getElementById("fl-assessment")); // before links.mjs reads the fragment
  showPage(document.getElementById("fl-assessment"));
}

preparePrint(currentRoot);
window.addEventListener("hashchange", linkOpened);

const theme = /** @type {{document$?: Observable}} */ (/** @type {unknown} */ (window));
if (theme.document$) theme.document$.subscribe(onPage);
else onPage();
