// @ts-check
// Build-time helper run by build_scripts/email_cards.py in Node: turns each card's MJML into
// email HTML with the pinned MJML (tests/tools/package.json), validating strictly.
//   node email_cards.mjs <tools folder>   reads [{id, mjml}] as JSON on stdin, writes
//   [{id, html, errors}] as JSON on stdout; errors lists MJML's validation messages.
// No font is fetched or linked (fonts: {}), so a card names only fonts a reader already has.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** @typedef {{id: string, mjml: string}} CardSource */
/** @typedef {{line: number, message: string, tagName: string}} MjmlError */
/** @typedef {(mjml: string, options: object) => Promise<{html: string, errors: MjmlError[]}>} Mjml2Html */

const [tools] = process.argv.slice(2);
if (!tools) throw new Error("usage: node email_cards.mjs <tools folder>");
// Resolved from the pinned tools' own node_modules, not from beside this script.
const load = createRequire(join(tools, "package.json"));
const mjml = /** @type {{default?: Mjml2Html}} */ (load("mjml"));
const mjml2html = mjml.default ?? /** @type {Mjml2Html} */ (/** @type {unknown} */ (mjml));

/** @type {CardSource[]} */
const cards = JSON.parse(readFileSync(0, "utf-8"));
const out = [];
for (const card of cards) {
  try {
    const { html, errors } = await mjml2html(card.mjml, {
      validationLevel: "strict",
      fonts: {},
      keepComments: false,
      minify: true,
    });
    out.push({ id: card.id, html, errors: errors.map((e) => `line ${e.line}, <${e.tagName}>: ${e.message}`) });
  } catch (error) {
    // Strict validation throws with every problem in `errors`.
    const found = /** @type {{errors?: MjmlError[], message?: string}} */ (error);
    const errors = found.errors?.map((e) => `line ${e.line}, <${e.tagName}>: ${e.message}`);
    out.push({ id: card.id, html: "", errors: errors ?? [String(found.message ?? error)] });
  }
}
process.stdout.write(JSON.stringify(out));
