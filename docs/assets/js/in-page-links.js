// @ts-check
// Keeps navigation within a page (the skip link, the table of contents, "#…" links in the
// assessment, a share link opened on the page it is for) to the browser's own fragment
// navigation, out of reach of Material's instant navigation.
//
// Why: Material 9.8's instant navigation fetches and re-renders the page on the first
// navigation it sees after a full load, even when only the fragment changed (its location
// stream starts empty, so the first URL it sees always counts as a new page). A reader felt
// it as focus jumping back to the top right after "Skip to content", and as the assessment
// being drawn afresh, losing the notice about a share link opened on the page.
// Links to other pages, and back and forward between pages, are left to the theme.
//
// A classic script placed just before the theme's bundle (docs/overrides/main.html), so that
// its popstate listener is registered, and runs, before the theme's.
(() => {
  /** The path of the page on screen; instant navigation changes it (see `document$`). */
  let shownPath = location.pathname;

  /**
   * A link to a fragment of the page on screen: same origin, path and query, and a hash.
   * @param {HTMLAnchorElement} link
   */
  const isInPage = (link) => {
    const url = new URL(link.href, location.href);
    return (
      url.hash !== "" && url.origin === location.origin && url.pathname === shownPath && url.search === location.search
    );
  };

  // The theme leaves a link that has a target to the browser; "_self" changes nothing else.
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (link instanceof HTMLAnchorElement && !link.target && isInPage(link)) {
        link.target = "_self";
      }
    },
    { capture: true },
  );

  // A fragment navigation also fires popstate, which the theme would take for a new page.
  window.addEventListener("popstate", (event) => {
    if (location.pathname === shownPath) event.stopImmediatePropagation();
  });

  // The theme's bundle runs after this script and defines document$, which emits each page
  // it puts on screen.
  document.addEventListener("DOMContentLoaded", () => {
    /** @type {{ subscribe(next: () => void): unknown } | undefined} */
    const documents = /** @type {any} */ (window).document$;
    documents?.subscribe(() => {
      shownPath = location.pathname;
    });
  });
})();
