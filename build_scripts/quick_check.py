"""The quick check's page fragment: the bank's quick questions with the facts its module needs."""

from __future__ import annotations

from build_scripts.assets import SiteAssets
from build_scripts.fragments import ENVIRONMENT, PRIVACY_URL, WORKSHEET_URL, python_page_context

FRAGMENT = "quick-check.html"
TEMPLATE = "assessment/quick-check.html.j2"
PAGE = "assessment/quick-check.md"
ENTRY_MODULE = "assets/js/quick/main.mjs"
ASSESSMENT_URL = "assessment/"
# The quick check keeps its own answers, apart from the full assessment's, so a reader who
# tries it never overwrites a case they are working on; the privacy page names the key.
STORAGE_KEY = "fair-leverage:quick-answers"


def render_quick_check(assets: SiteAssets, site_root: str) -> str:
    """The quick check form and result panel, from the questions the bank flags `quick`."""
    import assessment
    from assessment.quick import quick_minutes, quick_questions

    bank = assessment.load_bank()
    return ENVIRONMENT.get_template(TEMPLATE).render(
        **python_page_context(assets, site_root, ENTRY_MODULE),
        bank=bank,
        questions=quick_questions(bank),
        minutes=quick_minutes(bank),
        total=len(bank.questions),
        side_labels={side: words.label for side, words in bank.sides},
        worksheet_url=WORKSHEET_URL,
        privacy_url=PRIVACY_URL,
        assessment_url=ASSESSMENT_URL,
        storage_key=STORAGE_KEY,
    )
