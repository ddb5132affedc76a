// @ts-check
// Keeping the result: Copy link (the share code Python made, after the `#` of this page's own
// address, never its query, so campaign parameters are never copied) and Download result (the
// result dict Python sent, as JSON). Both wait for the latest answers to be scored first.
import { el } from "./dom.mjs";

/** @typedef {import("./view.mjs").View} View */

const DOWNLOAD_NAME = "fair-leverage-result.json";

/** @param {View} v */
export async function copyLink(v) {
  await v.scoring;
  const { keepStatus, share, shareLink } = v.parts;
  if (!v.code) {
    keepStatus.textContent =
      "The share link is made by Python, which is not running yet. Try again once your result shows.";
    return;
  }
  const url = `${location.origin}${location.pathname}#code=${v.code}`;
  shareLink.value = url;
  share.hidden = false;
  try {
    await navigator.clipboard.writeText(url);
    keepStatus.textContent = "Link copied. Anyone who opens it sees your answers and result.";
  } catch {
    keepStatus.textContent = "Your browser did not let the page copy. Select the link below and copy it.";
  }
  shareLink.select();
}

/** @param {View} v */
export async function download(v) {
  await v.scoring;
  const { keepStatus } = v.parts;
  if (!v.result) {
    keepStatus.textContent =
      "The result is made by Python, which is not running yet. Try again once your result shows.";
    return;
  }
  const blob = new Blob([`${JSON.stringify(v.result, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: DOWNLOAD_NAME, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  keepStatus.textContent = `Your result was downloaded as ${DOWNLOAD_NAME}.`;
}
