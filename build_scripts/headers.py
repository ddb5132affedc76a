"""The HTTP headers the published site needs, in one place: rendered to `_headers` and nginx.

The same rules are rendered for hosts that read a `_headers` file (Netlify, Cloudflare Pages),
for nginx, and parsed back by `tests/support/static_server.py`, so the browser tests see exactly
the headers a publisher ships.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from build_scripts.errors import BuildError

IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
HEADERS_FILE = "_headers"
# Cloudflare Pages reads at most 100 rules from `_headers`; the build stays below it.
MAX_RULES = 100
# Material names its bundles after a hash of their content, e.g. bundle.79ae519e.min.js.
HASHED_THEME_ASSET = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)(?:\.map)?$")
INLINE_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
INLINE_STYLE = re.compile(r"<style\b[^>]*>(?P<body>.*?)</style\s*>", re.S | re.I)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
# Script types a browser executes; JSON data blocks (Material's __config) are not scripts.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

_templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates" / "publish"),
    autoescape=False,  # nginx configuration, not HTML
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class Rule:
    """Headers for every URL path matching `pattern` (`*` matches anything, `:name` a segment)."""

    pattern: str
    headers: tuple[tuple[str, str], ...]

    def matches(self, path: str) -> bool:
        return _pattern_regex(self.pattern).fullmatch(path) is not None


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    parts = re.split(r"(\*|:[A-Za-z_]\w*)", pattern)
    regex = "".join(
        ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
        for part in parts
    )
    return re.compile(regex)


def csp_hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def inline_hashes(site_dir: Path) -> tuple[list[str], list[str]]:
    """CSP hashes of every inline script and style element in the built HTML."""
    scripts: set[str] = set()
    styles: set[str] = set()
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for match in INLINE_SCRIPT.finditer(html):
            attrs = match["attrs"]
            if re.search(r"\bsrc\s*=", attrs, re.I):
                continue
            kind = SCRIPT_TYPE.search(attrs)
            if (kind[1].lower() if kind else "") in EXECUTABLE_TYPES:
                scripts.add(csp_hash(match["body"]))
        styles.update(csp_hash(match["body"]) for match in INLINE_STYLE.finditer(html))
    return sorted(scripts), sorted(styles)


def content_security_policy(script_hashes: Iterable[str], style_hashes: Iterable[str]) -> str:
    """A strict policy: only this origin, plus the theme's own inline scripts by hash."""
    directives = {
        "default-src": ["'self'"],
        # 'wasm-unsafe-eval' lets Pyodide compile WebAssembly; it does not allow eval().
        "script-src": ["'self'", "'wasm-unsafe-eval'", *script_hashes],
        "style-src": ["'self'", *style_hashes],
        # Material draws its icons in CSS with data: SVGs.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # Only our own pages may frame ours: "Link to us" previews each email card in a frame.
        "frame-ancestors": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def security_headers(csp: str) -> tuple[tuple[str, str], ...]:
    return (
        ("Content-Security-Policy", csp),
        ("X-Content-Type-Options", "nosniff"),
        # Answers live in the URL fragment and campaign tags in the query: send neither onward.
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "SAMEORIGIN"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Permissions-Policy", "camera=(), geolocation=(), microphone=()"),
    )


def base_path(site_url: str | None) -> str:
    """The URL path the site is published under, with slashes at both ends."""
    path = urlsplit(site_url or "/").path or "/"
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def _page_paths(site_dir: Path, base: str, versioned: Sequence[str]) -> list[str]:
    paths = []
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir).as_posix()
        if any(relative.startswith(folder) for folder in versioned):
            continue
        if page.name == "index.html":
            paths.append(base + relative.removesuffix("index.html"))
        else:
            paths.append(base + relative)
    return paths


def site_rules(
    site_dir: Path, site_url: str | None, versioned_folders: Sequence[str]
) -> list[Rule]:
    """Every header rule for the built site in `site_dir`.

    `versioned_folders` are site-relative folders whose names change when their content does
    (the Pyodide release, the hash of the package sources), so they can be cached forever.
    No two rules that match the same path set the same header, because hosts join repeated
    headers with commas.
    """
    base = base_path(site_url)
    scripts, styles = inline_hashes(site_dir)
    rules = [Rule(base + "*", security_headers(content_security_policy(scripts, styles)))]
    immutable = (("Cache-Control", IMMUTABLE),)
    rules += [Rule(base + folder.strip("/") + "/*", immutable) for folder in versioned_folders]
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if any(relative.startswith(folder) for folder in versioned_folders):
            if path.suffix == ".wasm":
                rules.append(Rule(base + relative, (("Content-Type", "application/wasm"),)))
        elif HASHED_THEME_ASSET.search(path.name):
            rules.append(Rule(base + relative, immutable))
    rules += [
        Rule(path, (("Cache-Control", NO_CACHE),))
        for path in _page_paths(site_dir, base, versioned_folders)
    ]
    return rules


def render_headers_file(rules: Sequence[Rule]) -> str:
    lines = ["# Generated by build_scripts/headers.py on each build; see PUBLISHING.md."]
    for rule in rules:
        lines.append(rule.pattern)
        lines += [f"  {name}: {value}" for name, value in rule.headers]
    return "\n".join(lines) + "\n"


def parse_headers_file(text: str) -> list[Rule]:
    """Reads the `_headers` format: a path line, then indented `Name: value` lines."""
    rules: list[Rule] = []
    pattern: str | None = None
    headers: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            if pattern is not None:
                rules.append(Rule(pattern, tuple(headers)))
            pattern, headers = line.strip(), []
        elif pattern is not None and ":" in line:
            name, value = line.strip().split(":", 1)
            headers.append((name.strip(), value.strip()))
        else:
            raise ValueError(f"{HEADERS_FILE} line {number}: expected a path or `Name: value`")
    if pattern is not None:
        rules.append(Rule(pattern, tuple(headers)))
    return rules


def headers_for_path(rules: Sequence[Rule], path: str) -> dict[str, str]:
    """The headers a host applies to `path`: every matching rule, repeated names comma-joined."""
    found: dict[str, str] = {}
    names: dict[str, str] = {}
    for rule in rules:
        if not rule.matches(path):
            continue
        for name, value in rule.headers:
            key = names.setdefault(name.lower(), name)
            found[key] = f"{found[key]}, {value}" if key in found else value
    return found


def render_nginx(
    rules: Sequence[Rule], site_url: str | None, versioned_folders: Sequence[str]
) -> str:
    """An nginx `server` block fragment applying the same headers."""
    security = rules[0].headers
    csp = dict(security)["Content-Security-Policy"]
    return _templates.get_template("nginx.conf.j2").render(
        base=base_path(site_url),
        security=[(name, value) for name, value in security if name != "Content-Security-Policy"],
        csp=csp,
        versioned=[folder.strip("/") + "/" for folder in versioned_folders],
        immutable=IMMUTABLE,
        no_cache=NO_CACHE,
    )


def write_publish_files(
    site_dir: Path, site_url: str | None, versioned_folders: Sequence[str], nginx_file: Path
) -> list[Rule]:
    """Writes `<site>/_headers` and the nginx snippet; returns the rules."""
    rules = site_rules(site_dir, site_url, versioned_folders)
    if len(rules) > MAX_RULES:
        raise BuildError(f"{len(rules)} header rules; Cloudflare Pages reads only {MAX_RULES}")
    (site_dir / HEADERS_FILE).write_text(render_headers_file(rules), encoding="utf-8")
    nginx_file.parent.mkdir(parents=True, exist_ok=True)
    nginx_file.write_text(render_nginx(rules, site_url, versioned_folders), encoding="utf-8")
    return rules
