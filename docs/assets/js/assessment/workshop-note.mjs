// @ts-check
// A trainer's note in a workshop link (`#note=...`, beside `scenario=` or alone; made on the
// workshop page): shown above the form as plain text, cut to the build's limit (saying so), and
// never stored. The note is taken out of the address at once, so it is not in localStorage, in
// a reload, or in the link the reader copies; `#code=` and `#scenario=` stay for links.mjs.
import { el } from "./dom.mjs";

const NOTE_KEY = "note";
const CLASS = "fl-workshop-note";

/** Takes the note out of the address, leaving the rest of the fragment. @returns {string | null} */
function takeNote() {
  const params = new URLSearchParams(location.hash.slice(1));
  const note = params.get(NOTE_KEY);
  if (note === null) return null;
  params.delete(NOTE_KEY);
  const rest = params.toString();
  history.replaceState(history.state, "", location.pathname + location.search + (rest ? `#${rest}` : ""));
  return note.trim();
}

/**
 * Shows the note of a workshop link in the address, if there is one, at the top of the assessment.
 * @param {HTMLElement | null} root the assessment's root (#fl-assessment), with data-note-limit
 */
export function showWorkshopNote(root) {
  if (!root) return;
  const note = takeNote();
  if (note === null) return;
  root.querySelector(`.${CLASS}`)?.remove();
  if (!note) return;
  const limit = Number(root.dataset.noteLimit);
  const characters = [...note];
  const cut = limit > 0 && characters.length > limit;
  const shown = cut ? `${characters.slice(0, limit).join("")}…` : note;
  root.prepend(
    el(
      "aside",
      { class: `${CLASS} fl-notice`, "aria-label": "Note from the person who sent this link" },
      el("p", { class: "fl-workshop-note__title" }, "A note from the person who sent you this link:"),
      el("p", { class: "fl-workshop-note__text", "data-fl-workshop-note": "" }, shown),
      cut
        ? el("p", { class: "fl-workshop-note__cut" }, `The note was longer than ${limit} characters and is cut.`)
        : null,
      el("p", { class: "fl-workshop-note__privacy" }, "The note came in the link; it is not saved anywhere."),
    ),
  );
}

// A workshop link opened while the assessment is already showing.
window.addEventListener("hashchange", () => showWorkshopNote(document.getElementById("fl-assessment")));
