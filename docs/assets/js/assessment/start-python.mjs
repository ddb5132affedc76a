// @ts-check
// Starts Python as early as the page allows. Every page that runs Python loads this module with
// `async` just inside its root element (build_scripts/templates/_python_page.html.j2), so it runs
// as soon as it has arrived, while the rest of the page is still being read, instead of after the
// whole document like the page's own modules, which take over the scorer's events when they mount.
import { readStartConfig } from "./config.mjs";
import { startEarly } from "./visit-scorer.mjs";

const root = document.querySelector("[data-worker-url]");
if (root instanceof HTMLElement) startEarly(readStartConfig(root));
