"""Small fixes to Material HTML that our HTML and accessibility checkers reject, out of reach."""

from __future__ import annotations

import re

# Material's base.html puts autocomplete="off" on its two hidden toggle checkboxes (drawer and
# search), outside any template block. HTML allows `autocomplete` only on text-like inputs.
_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
    r'id="__(?:drawer|search)") autocomplete="off"(>)'
)
# partials/nav-item.html writes tabindex="" on section labels (navigation.sections): an empty
# tabindex is invalid and browsers ignore it, so dropping it changes nothing for readers.
_EMPTY_TABINDEX = re.compile(
    r'(<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*") tabindex=""'
)


# partials/search.html gives the search box role="dialog" but no accessible name (axe-core's
# aria-dialog-name rule); the site is in English, like the theme's own label for it.
_UNNAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAMED_SEARCH_DIALOG = _UNNAMED_SEARCH_DIALOG.removesuffix(">") + ' aria-label="Search">'


def fix_theme_html(html: str) -> str:
    """Returns the page with the theme's invalid or unnamed markup fixed; all else untouched."""
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1\2", html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    return html.replace(_UNNAMED_SEARCH_DIALOG, _NAMED_SEARCH_DIALOG)
