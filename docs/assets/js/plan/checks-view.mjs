// @ts-check
// Draws what Python found: each finding and hint beside the field it names (the nearest field
// that holds it, else in "From your assessment"), the warning's verdict by the bank's rule, and
// the summary with every finding linked to its field. Words, levels and placement all come from
// Python's reply; this module only puts them on the page, as text.
import { el, siteLink } from "../assessment/dom.mjs";
import { fieldPart } from "./view.mjs";

/** @typedef {import("./view.mjs").PlanView} PlanView */
/** @typedef {import("../scorer/protocol.mjs").PlanCheckReply} PlanCheckReply */
/** @typedef {import("../scorer/protocol.mjs").PlanHint} PlanHint */
/** @typedef {(hint: PlanHint) => void} AddLine puts a hint's line into its field */

// Each kind of note starts with a word, so that nothing is told by colour alone.
const LEAD = {
  fix: "To change:",
  review: "To look at again:",
  alternative: "From your assessment:",
  "find-out": "From your assessment:",
  red: "From your assessment:",
  amber: "From your assessment:",
};

/** @typedef {keyof typeof LEAD} Lead */

/** @param {Lead} kind @param {...(Node | string | null)} content */
function note(kind, ...content) {
  return el("p", { class: `fl-plan-note fl-plan-note--${kind}` }, el("strong", {}, LEAD[kind]), " ", ...content);
}

/** @param {PlanView} v @param {string | null} field */
function notesFor(v, field) {
  const part = fieldPart(v, field);
  const notes = part?.querySelector(":scope > [data-fl-notes]");
  return notes instanceof HTMLElement ? notes : null;
}

/**
 * The id of the field's first control, or of the field itself, for a link to it.
 * @param {PlanView} v
 * @param {string | null} field
 */
function anchorFor(v, field) {
  const part = fieldPart(v, field);
  return part?.querySelector("input, textarea, select")?.id || part?.id || null;
}

/** @param {PlanView} v @param {PlanCheckReply} reply @param {AddLine} addLine */
export function drawChecks(v, reply, addLine) {
  const { form, generalNotes, fromAssessment, findings, summary, warningVerdict } = v.parts;
  for (const notes of form.querySelectorAll("[data-fl-notes]")) notes.replaceChildren();
  for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  generalNotes.replaceChildren();
  if (reply.notice) generalNotes.append(el("p", {}, reply.notice));

  for (const finding of reply.checks.findings) {
    if (finding.level === "empty") continue; // listed in the summary, not beside every empty field
    const notes = notesFor(v, finding.field);
    (notes ?? generalNotes).append(note(finding.level, finding.message));
    if (finding.level === "fix") {
      for (const control of fieldPart(v, finding.field)?.querySelectorAll("input, textarea, select") ?? []) {
        control.setAttribute("aria-invalid", "true");
      }
    }
  }
  for (const hint of reply.hints) {
    const link = siteLink(v.config.siteRoot, hint.link, hint.link ? `Read: ${hint.link.title}` : "");
    const add = hint.add
      ? el("button", { type: "button", class: "md-button fl-button fl-button--quiet" }, "Add to the list")
      : null;
    add?.addEventListener("click", () => addLine(hint));
    (notesFor(v, hint.field) ?? generalNotes).append(note(hint.kind, hint.text, link && " ", link, add && " ", add));
  }
  fromAssessment.hidden = !generalNotes.childElementCount;

  const verdict = reply.warning.verdict;
  warningVerdict.replaceChildren(
    verdict
      ? el(
          "p",
          {},
          el("strong", {}, `${verdict.label}.`),
          " ",
          verdict.level === "none" ? verdict.summary : "See the notes above.",
        )
      : el("p", {}, "Answer the questions above, and your warning is checked by the assessment's own rule."),
  );
  warningVerdict.dataset.flLevel = verdict ? verdict.level : "none-yet";

  summary.textContent = reply.checks.summary;
  findings.replaceChildren(
    ...reply.checks.findings.map((finding) => {
      const anchor = anchorFor(v, finding.field);
      const text = finding.level === "empty" ? finding.message : `${LEAD[finding.level]} ${finding.message}`;
      return el(
        "li",
        { class: `fl-plan-note--${finding.level}` },
        anchor ? el("a", { href: `#${anchor}` }, text) : text,
      );
    }),
  );
}
