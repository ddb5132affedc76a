"""Email cards: for every "Link to us" entry, an HTML block to paste into a newsletter tool.

Each card is written in MJML (templates/publish/email-card.mjml.j2) and turned into email HTML
by the pinned MJML in Node (email_cards.mjs), validated strictly: 600 px wide, tables, inline
styles, absolute URLs, the page's preview card as the image. The result is cached by its
inputs, so a rebuild that changes no card runs no Node. Each card also gets a preview file for
"Link to us": the same block with its inline styles moved to a stylesheet, since the site's
Content-Security-Policy blocks style attributes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

import jinja2

from build_scripts.assets import content_digest
from build_scripts.errors import BuildError
from build_scripts.node import run_node

TEMPLATE = "publish/email-card.mjml.j2"
NODE_SCRIPT = Path(__file__).with_name("email_cards.mjs")
TOOLS = Path(__file__).resolve().parent.parent / "tests" / "tools"
# Previews live in a folder named after the cards' content, so hosts may cache them forever
# (build_scripts/headers.py) and the header rules stay few however many cards there are.
EMAIL_FOLDER = "assets/email/"
STYLESHEET = "cards.css"
BODY = re.compile(r"<body\b[^>]*>(?P<body>.*)</body>", re.S)
HEAD_STYLE = re.compile(r"<style\b[^>]*>(?P<css>.*?)</style>", re.S)
TAG = re.compile(r"<(?P<name>[a-zA-Z][\w-]*)(?P<attrs>\s[^<>]*?)?(?P<end>/?)>")
STYLE_ATTR = re.compile(r'\sstyle="(?P<style>[^"]*)"')
CLASS_ATTR = re.compile(r'\sclass="(?P<classes>[^"]*)"')
# Email clients want `height="auto"` on a fluid image; HTML allows only a number (the class
# carries `height: auto` in the preview).
AUTO_HEIGHT = re.compile(r'\sheight="auto"')
PREVIEW_SUFFIX = ".card.html"
PREVIEW_HEADING = "fl-preview-heading"
# The preview's heading is for screen readers only (the usual visually-hidden pattern).
PREVIEW_CSS = (
    f".{PREVIEW_HEADING} {{ position: absolute; width: 1px; height: 1px; overflow: hidden; "
    "clip-path: inset(50%); white-space: nowrap; margin: 0; }"
)


@dataclass(frozen=True)
class CardText:
    """What a card says and where it leads; every URL absolute."""

    id: str
    title: str
    description: str
    url: str
    image: str
    alt: str
    button: str


@dataclass(frozen=True)
class EmailCard:
    """A built card: the block to paste, and the site path of its preview."""

    id: str
    block: str
    preview: str


@dataclass(frozen=True)
class CardSet:
    """Every card of one build, with the files their previews need."""

    folder: str  # site path of the versioned folder, ending in "/"
    cards: dict[str, EmailCard]
    files: dict[str, str]  # file name in the folder -> content


def render_mjml(environment: jinja2.Environment, card: CardText) -> str:
    return environment.get_template(TEMPLATE).render(card=card)


def _compile(sources: dict[str, str]) -> dict[str, str]:
    """Runs MJML over every card's source; BuildError naming the card for any invalid one."""
    if not (TOOLS / "node_modules" / "mjml").is_dir():
        raise BuildError(
            f"MJML is missing from {TOOLS / 'node_modules'}: run `make tools` (it installs the "
            "pinned npm tools the build and the tests use)."
        )
    request = json.dumps([{"id": key, "mjml": mjml} for key, mjml in sources.items()])
    output = run_node(NODE_SCRIPT, str(TOOLS), purpose="to build the email cards", stdin=request)
    built: dict[str, str] = {}
    for card in json.loads(output):
        if card["errors"]:
            raise BuildError(
                f"The email card {card['id']!r} is not valid MJML: " + "; ".join(card["errors"])
            )
        built[card["id"]] = card["html"]
    return built


def _key(sources: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for path in (NODE_SCRIPT, TOOLS / "package-lock.json"):
        digest.update(path.read_bytes())
    digest.update(json.dumps(sources, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def compile_cached(sources: dict[str, str], cache_dir: Path) -> dict[str, str]:
    """The cards' email HTML, from the cache when the same sources were built before."""
    cached = cache_dir / f"{_key(sources)}.json"
    if cached.is_file():
        built: dict[str, str] = json.loads(cached.read_text(encoding="utf-8"))
        return built
    built = _compile(sources)
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed, so a build running at the same time never reads half a file.
    partial = cached.with_suffix(f".{os.getpid()}.part")
    partial.write_text(json.dumps(built), encoding="utf-8")
    partial.replace(cached)
    return built


def email_block(document: str) -> str:
    """What a newsletter's HTML block takes: the email's body, which styles itself inline."""
    match = BODY.search(document)
    if match is None:
        raise BuildError("MJML's output has no <body>: the MJML version may have changed")
    return match["body"].strip()


class _Classes:
    """Gives each distinct inline style a class, for previews under a strict CSP."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def name(self, style: str) -> str:
        return self.names.setdefault(style, f"fl-e{len(self.names) + 1}")

    def without_styles(self, block: str) -> str:
        def tag(match: re.Match[str]) -> str:
            attrs = match["attrs"] or ""
            style = STYLE_ATTR.search(attrs)
            if style is None:
                return match[0]
            attrs = AUTO_HEIGHT.sub("", STYLE_ATTR.sub("", attrs, count=1))
            name = self.name(style["style"])
            if CLASS_ATTR.search(attrs):
                attrs = CLASS_ATTR.sub(lambda m: f' class="{m["classes"]} {name}"', attrs, count=1)
            else:
                attrs += f' class="{name}"'
            return f"<{match['name']}{attrs}{match['end']}>"

        return TAG.sub(tag, block)

    def stylesheet(self, head_css: Sequence[str]) -> str:
        rules = [f".{name} {{ {style} }}" for style, name in self.names.items()]
        return "\n".join([*head_css, PREVIEW_CSS, *rules]) + "\n"


def _preview(block: str, title: str) -> str:
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Email card: {escape(title)}</title>\n"
        f'<link rel="stylesheet" href="{STYLESHEET}">\n</head>\n<body>\n<main>\n'
        # A page of its own needs a heading; on screen the card's own title is enough.
        f'<h1 class="{PREVIEW_HEADING}">Email card: {escape(title)}</h1>\n'
        f"{block}\n</main>\n</body>\n</html>\n"
    )


def build_cards(
    environment: jinja2.Environment, texts: Sequence[CardText], site_url: str, cache_dir: Path
) -> CardSet:
    """Every card's block and preview, built with MJML (or taken from the cache). A preview
    links into the site relatively, so it shows the same wherever the site is served."""
    sources = {card.id: render_mjml(environment, card) for card in texts}
    documents = compile_cached(sources, cache_dir)
    classes = _Classes()
    head_css: list[str] = []
    cards: dict[str, EmailCard] = {}
    previews: dict[str, str] = {}
    for card in texts:
        document = documents[card.id]
        for match in HEAD_STYLE.finditer(document):
            if match["css"].strip() not in head_css:
                head_css.append(match["css"].strip())
        block = email_block(document)
        local = block.replace(site_url, "../" * EMAIL_FOLDER.count("/") + "../")
        previews[card.id + PREVIEW_SUFFIX] = _preview(classes.without_styles(local), card.title)
        cards[card.id] = EmailCard(card.id, block, "")
    files = {STYLESHEET: classes.stylesheet(head_css), **previews}
    digest = content_digest((name, text.encode()) for name, text in sorted(files.items()))
    folder = f"{EMAIL_FOLDER}{digest}/"
    cards = {
        key: EmailCard(card.id, card.block, f"{folder}{card.id}{PREVIEW_SUFFIX}")
        for key, card in cards.items()
    }
    return CardSet(folder, cards, files)


def write_card_files(site_dir: Path, card_set: CardSet) -> None:
    folder = site_dir / card_set.folder
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in card_set.files.items():
        (folder / name).write_text(content, encoding="utf-8")
