// @ts-check
// Keeping the plan: Download (the Markdown Python writes from the plan), Print (the one-page sheet,
// drawn from the latest check), and Copy plan link (the code Python makes, after the `#` of this
// page's own address, never its query). The controller runs them once the plan is checked; each
// says in words what happened, Python's own message included when the plan is too long for a link.
import { el } from "../assessment/dom.mjs";

/** @typedef {import("./view.mjs").PlanView} PlanView */
/** @typedef {import("../assessment/scorer-client.mjs").Scorer} Scorer */

const NOT_READY = "Python, which writes your plan, is not running yet. Try again once the checks show.";

/** @param {Scorer | null} scorer */
function ready(scorer) {
  return scorer?.state === "ready" ? scorer : null;
}

/** @param {PlanView} v @param {Scorer | null} scorer */
export async function downloadMarkdown(v, scorer) {
  const { keepStatus } = v.parts;
  const current = ready(scorer);
  if (!current) {
    keepStatus.textContent = NOT_READY;
    return;
  }
  const reply = await current.call({ op: "plan-markdown", form: { ...v.values } });
  if (!reply.ok) {
    keepStatus.textContent = reply.error.message;
    return;
  }
  const url = URL.createObjectURL(new Blob([reply.markdown], { type: "text/markdown" }));
  const link = el("a", { href: url, download: reply.filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  keepStatus.textContent = `Your plan was downloaded as ${reply.filename}, a Markdown file any text editor opens.`;
}

export function printPlan() {
  window.print();
}

/** @param {PlanView} v @param {Scorer | null} scorer */
export async function copyPlanLink(v, scorer) {
  const { keepStatus, share, shareLink } = v.parts;
  const current = ready(scorer);
  if (!current) {
    keepStatus.textContent = NOT_READY;
    return;
  }
  const reply = await current.call({ op: "plan-encode", form: { ...v.values } });
  if (!reply.ok) {
    share.hidden = true;
    keepStatus.textContent = reply.error.message;
    return;
  }
  const url = `${location.origin}${location.pathname}#plan=${reply.code}`;
  shareLink.value = url;
  share.hidden = false;
  try {
    await navigator.clipboard.writeText(url);
    keepStatus.textContent = `Link copied (${url.length} characters). Anyone who opens it sees your whole plan.`;
  } catch {
    keepStatus.textContent = "Your browser did not let the page copy. Select the link below and copy it.";
  }
  shareLink.select();
}

/** Offers what could not be read, whole, as a file. @param {string} text */
export function downloadText(text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const link = el("a", { href: url, download: "negotiation-plan-as-saved.txt", hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
