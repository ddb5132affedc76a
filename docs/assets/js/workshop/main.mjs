// @ts-check
// Entry module of the workshop page, and the only script it names (at the end of
// build_scripts/templates/workshop/workshop.html.j2), so no other page loads this code. Like the
// assessment's entry module, it follows Material's `document$` (instant navigation re-inserts
// this script's tag without running the module again) and mounts the page on each view of it.
import { showWorkshop } from "./workshop.mjs";

/** @typedef {{subscribe: (next: () => void) => unknown}} Observable the part of RxJS used here */

function onPage() {
  showWorkshop(document.getElementById("fl-workshop"));
}

const theme = /** @type {{document$?: Observable}} */ (/** @type {unknown} */ (window));
if (theme.document$) theme.document$.subscribe(onPage);
else onPage();
