// @ts-check
// The Copy buttons of "Link to us": each names the read-only field it copies (data-fl-copy),
// copies its text as it is, and says in words whether it worked (a status next to it).

/** @param {HTMLElement} button @returns {HTMLElement | null} */
function statusFor(button) {
  return (
    button.parentElement?.querySelector("[data-fl-copy-status]") ?? document.querySelector("[data-fl-builder-status]")
  );
}

/** @param {HTMLButtonElement} button */
async function copy(button) {
  const field = document.getElementById(button.dataset.flCopy ?? "");
  if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return;
  const status = statusFor(button);
  try {
    await navigator.clipboard.writeText(field.value);
    if (status) status.textContent = "Copied.";
  } catch {
    // The browser refused the clipboard: the text is selected instead, for Ctrl+C.
    field.focus();
    field.select();
    if (status) status.textContent = "Your browser did not allow copying: the text is selected, press Ctrl+C.";
  }
}

/** @param {HTMLElement} root */
export function mountCopyButtons(root) {
  for (const button of root.querySelectorAll("button[data-fl-copy]")) {
    button.addEventListener("click", () => copy(/** @type {HTMLButtonElement} */ (button)));
  }
}
