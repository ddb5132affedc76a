// @ts-check
// Entry module of "Link to us", the only script it names (at the end of the fragment that
// build_scripts/templates/publish/link-to-us.md.j2 writes). It follows Material's `document$`
// like the assessment's entry module, and on the page that has the kit wires the Copy buttons
// and the campaign link builder. It loads no Python: the builder's QR codes come from a small
// pinned library served by the site (build_scripts/vendor.py), loaded on first use.
import { mountBuilder } from "./builder.mjs";
import { mountCopyButtons } from "./copy.mjs";

/** @typedef {{subscribe: (next: () => void) => unknown}} Observable the part of RxJS used here */

/** @type {HTMLElement | null} the builder mounted last, so a page shown again is wired once */
let mounted = null;

function onPage() {
  const builder = document.getElementById("fl-builder");
  if (!builder || builder === mounted) return;
  mounted = builder;
  mountCopyButtons(document.body);
  mountBuilder(builder);
}

const theme = /** @type {{document$?: Observable}} */ (/** @type {unknown} */ (window));
if (theme.document$) theme.document$.subscribe(onPage);
else onPage();
