"""Small fixes to Material HTML that the Nu HTML Checker rejects and no template block can reach."""

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


def fix_theme_html(html: str) -> str:
    """Returns the page with the theme's invalid attributes removed; everything else untouched."""
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1\2", html)
    return _EMPTY_TABINDEX.sub(r"\1", html)
