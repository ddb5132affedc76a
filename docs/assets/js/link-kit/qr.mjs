// @ts-check
// QR codes drawn in the browser for the campaign link builder: the pinned lean-qr (served by
// the site, loaded on first use) makes the code, and this module draws its modules as SVG
// from numbers only, black on white with the standard quiet zone, like the build's segno codes.
import { svg } from "../assessment/dom.mjs";

/** @typedef {{size: number, get: (x: number, y: number) => boolean}} Bitmap */
/** @typedef {{generate: (text: string, options: object) => Bitmap, correction: {M: number}}} LeanQr */

const QUIET_ZONE = 4;

/** @type {Promise<LeanQr> | null} */
let library = null;

/** @param {string} url the library's module, from the build */
function load(url) {
  library ??= /** @type {Promise<LeanQr>} */ (import(url));
  return library;
}

/**
 * The QR code of `text` as an SVG element, named for screen readers.
 * @param {string} moduleUrl @param {string} text
 */
export async function qrSvg(moduleUrl, text) {
  const { generate, correction } = await load(moduleUrl);
  const code = generate(text, { minCorrectionLevel: correction.M });
  const side = code.size + 2 * QUIET_ZONE;
  let path = "";
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (code.get(x, y)) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    }
  }
  const root = svg("svg", { viewBox: `0 0 ${side} ${side}`, role: "img", class: "fl-qr" });
  root.setAttribute("aria-label", `QR code for ${text}`);
  root.append(
    svg("title", {}, `QR code for ${text}`),
    svg("rect", { width: side, height: side, fill: "#fff" }),
    svg("path", { d: path, fill: "#000" }),
  );
  return root;
}

/** The SVG as a file to download. @param {SVGElement} image */
export function svgFile(image) {
  const copy = /** @type {SVGElement} */ (image.cloneNode(true));
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return new Blob([new XMLSerializer().serializeToString(copy)], { type: "image/svg+xml" });
}
