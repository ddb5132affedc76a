// @ts-check
// The campaign link builder on "Link to us": pick an entry (a page, the quick check or a
// pre-filled assessment), add campaign tags if wanted, and get the link, its QR code and its
// email card. The entries and their cards are the page's own (written by the build); the
// builder only adds the tags to the address, in the query, before any `#` fragment, so a
// pre-filled assessment still opens. Nothing is stored and nothing is sent.
import { qrSvg, svgFile } from "./qr.mjs";

/**
 * @typedef {object} Builder
 * @property {HTMLElement} root
 * @property {HTMLSelectElement} page
 * @property {HTMLInputElement[]} tags
 * @property {HTMLElement} output
 * @property {HTMLInputElement} link
 * @property {HTMLElement} qr
 * @property {HTMLAnchorElement} download
 * @property {HTMLTextAreaElement} card
 * @property {string} qrModule
 * @property {number} sequence only the latest QR code is drawn
 * @property {string | null} downloadUrl
 */

/**
 * The entry's address with the tags that have a value.
 * @param {string} address @param {HTMLInputElement[]} tags
 */
export function taggedLink(address, tags) {
  const url = new URL(address);
  for (const tag of tags) {
    const value = tag.value.trim();
    if (value) url.searchParams.set(tag.name, value);
  }
  return url.href;
}

/** @param {string} text */
function attributeValue(text) {
  return text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * The entry's email card with every link to the entry pointing at the tagged address instead.
 * @param {string} card the card's HTML, as text @param {string} address @param {string} tagged
 */
export function taggedCard(card, address, tagged) {
  return card.replaceAll(`href="${attributeValue(address)}"`, `href="${attributeValue(tagged)}"`);
}

/** @param {HTMLElement} root @param {string} selector @param {new () => T} type @template {Element} T @returns {T} */
function part(root, selector, type) {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`"Link to us" has no ${selector}: the build is broken.`);
  return found;
}

/** @param {Builder} b */
async function update(b) {
  const entry = document.querySelector(`[data-fl-kit="${CSS.escape(b.page.value)}"]`);
  const source = entry?.querySelector("textarea[data-fl-card-html]");
  if (!(source instanceof HTMLTextAreaElement)) return;
  const address = source.dataset.flCardUrl ?? "";
  const tagged = taggedLink(address, b.tags);
  b.link.value = tagged;
  b.card.value = taggedCard(source.value, address, tagged);
  b.output.hidden = false;
  const sequence = ++b.sequence;
  const image = await qrSvg(b.qrModule, tagged);
  if (sequence !== b.sequence) return;
  b.qr.replaceChildren(image);
  b.qr.dataset.flQrText = tagged;
  if (b.downloadUrl) URL.revokeObjectURL(b.downloadUrl);
  b.downloadUrl = URL.createObjectURL(svgFile(image));
  b.download.href = b.downloadUrl;
  b.download.download = `fair-leverage-${b.page.value}.svg`;
  b.root.dataset.flBuilderState = "current";
}

/** @param {HTMLElement} root */
export function mountBuilder(root) {
  /** @type {Builder} */
  const b = {
    root,
    page: part(root, "[data-fl-builder-page]", HTMLSelectElement),
    tags: [...root.querySelectorAll("input[data-fl-builder-tag]")].map(
      (input) => /** @type {HTMLInputElement} */ (input),
    ),
    output: part(root, "[data-fl-builder-output]", HTMLElement),
    link: part(root, "[data-fl-builder-link]", HTMLInputElement),
    qr: part(root, "[data-fl-builder-qr]", HTMLElement),
    download: part(root, "[data-fl-builder-qr-download]", HTMLAnchorElement),
    card: part(root, "[data-fl-builder-card]", HTMLTextAreaElement),
    qrModule: new URL(root.dataset.qrModule ?? "", location.href).href,
    sequence: 0,
    downloadUrl: null,
  };
  const form = part(root, "[data-fl-builder-form]", HTMLFormElement);
  const changed = () => {
    root.dataset.flBuilderState = "stale";
    update(b).catch((error) => {
      root.dataset.flBuilderState = "failed";
      part(root, "[data-fl-builder-status]", HTMLElement).textContent =
        `The QR code could not be made in this browser (${error instanceof Error ? error.message : error}).`;
    });
  };
  form.addEventListener("input", changed);
  form.addEventListener("submit", (event) => event.preventDefault());
  changed();
}
