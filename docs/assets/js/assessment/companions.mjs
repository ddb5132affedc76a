// @ts-check
// Records kept with the answers, such as the plan page's plan: each is stored under
// "<the answers' key>/<name>" (build_scripts/fragments.py names them), so that "Clear my answers"
// removes them with the answers, and its Undo puts them back.

/**
 * Removes every record kept with the answers.
 * @param {string} key the answers' storage key
 * @returns {{count: number, restore: () => void}} how many were removed, and how to put them back
 */
export function clearCompanions(key) {
  /** @type {[string, string][]} */
  const removed = [];
  try {
    for (let index = 0; index < localStorage.length; index += 1) {
      const name = localStorage.key(index);
      const value = name?.startsWith(`${key}/`) ? localStorage.getItem(name) : null;
      if (name && value !== null) removed.push([name, value]);
    }
    for (const [name] of removed) localStorage.removeItem(name);
  } catch {
    // This browser refuses storage: nothing was kept, so there is nothing to remove.
  }
  return {
    count: removed.length,
    restore: () => {
      try {
        for (const [name, value] of removed) localStorage.setItem(name, value);
      } catch {
        // Refused now: the reader was told when the plan page could not save.
      }
    },
  };
}
