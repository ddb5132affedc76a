"""The build ships the headers a static host needs: a strict CSP, wasm type, caching by version."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

import assessment
from build_scripts.assets import published_js
from build_scripts.fragments import ENTRY_MODULE, WORKER_MODULE
from build_scripts.headers import (
    HEADERS_FILE,
    IMMUTABLE,
    MAX_RULES,
    NO_CACHE,
    Rule,
    csp_hash,
    headers_for_path,
    parse_headers_file,
    render_headers_file,
    render_nginx,
    site_rules,
)
from build_scripts.pyodide_core import PYODIDE_VERSION
from tests.publish.built_pages import content_pages, html_files, page_url, parse

INLINE_HANDLER = re.compile(r"^on[a-z]+$")
SCRIPT_SRC = ("script", "src")


def shipped_rules(site: Path) -> list[Rule]:
    return parse_headers_file((site / HEADERS_FILE).read_text(encoding="utf-8"))


def headers(site: Path, path: str) -> dict[str, str]:
    return headers_for_path(shipped_rules(site), path)


def csp_directives(site: Path) -> dict[str, list[str]]:
    policy = headers(site, "/")["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";"))}


def test_csp_is_strict(built_site: Path) -> None:
    csp = csp_directives(built_site)
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["worker-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]  # the theme has no inline <style>
    script_src = csp["script-src"]
    assert script_src[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert all(value.startswith("'sha256-") for value in script_src[2:])
    every_value = {value for values in csp.values() for value in values}
    assert not every_value & {"'unsafe-inline'", "'unsafe-eval'", "*", "blob:", "https:", "http:"}


def test_csp_allows_each_inline_script_of_the_built_pages_by_hash(built_site: Path) -> None:
    allowed = set(csp_directives(built_site)["script-src"])
    scripts = {script for path in html_files(built_site) for script in parse(path).inline_scripts}
    assert len(scripts) >= 3  # Material's own: storage scope, palette, tabbed-content
    assert {script[:60]: csp_hash(script) in allowed for script in scripts} == {
        script[:60]: True for script in scripts
    }
    assert len(allowed) - 2 == len(scripts), "the policy allows a script no page has"


def test_no_page_relies_on_what_the_csp_forbids(built_site: Path) -> None:
    offenders = []
    for path in html_files(built_site):
        page = parse(path)
        for tag, name, value in page.attributes:
            if INLINE_HANDLER.match(name) or name == "style":
                offenders.append(f"{page_url(built_site, path)}: <{tag} {name}=...>")
            elif name in ("href", "src") and value.lower().startswith("javascript:"):
                offenders.append(f"{page_url(built_site, path)}: <{tag} {name}={value}>")
        if page.inline_styles:
            offenders.append(f"{page_url(built_site, path)}: inline <style>")
    assert offenders == []


def test_every_response_gets_the_security_headers(built_site: Path) -> None:
    for path in ("/", "/understand/what-is-leverage/", f"/{published_js(WORKER_MODULE)}", "/nope"):
        sent = headers(built_site, path)
        assert sent["X-Content-Type-Options"] == "nosniff"
        assert sent["Referrer-Policy"] == "no-referrer"
        assert sent["X-Frame-Options"] == "SAMEORIGIN"
        assert "Content-Security-Policy" in sent


def test_wasm_is_served_as_application_wasm(built_site: Path) -> None:
    wasm = sorted(built_site.rglob("*.wasm"))
    assert wasm
    for path in wasm:
        url = "/" + path.relative_to(built_site).as_posix()
        assert headers(built_site, url)["Content-Type"] == "application/wasm"


def test_versioned_files_are_cached_forever_and_html_never(built_site: Path) -> None:
    core = sorted((built_site / "pyodide" / PYODIDE_VERSION).iterdir())
    bundle = sorted(next((built_site / "assets" / "python").iterdir()).iterdir())
    hashed = re.compile(r"\.[0-9a-f]{8}\.min\.")
    theme = [p for p in built_site.glob("assets/**/*.min.*") if hashed.search(p.name)]
    # Our own JavaScript and style sheets, in folders named by their hash: a repeat visit asks
    # for none of them.
    ours = [
        p for p in (built_site / published_js(ENTRY_MODULE)).parent.parent.rglob("*") if p.is_file()
    ]
    styles = list(built_site.glob("assets/css/*/*.css"))
    prepared = list(built_site.glob("assets/prepared/*/*.json"))  # a scenario link's result
    assert len(core) >= 4 and len(bundle) >= 2 and len(theme) >= 3 and len(ours) >= 40
    assert {p.name for p in styles} == {"fair-leverage.css", "plan.css", "print.css"}
    assert len(prepared) == len(assessment.load_scenarios())
    for path in core + bundle + theme + ours + styles + prepared:
        url = "/" + path.relative_to(built_site).as_posix()
        assert headers(built_site, url)["Cache-Control"] == IMMUTABLE, url
    pages = [*content_pages(built_site), "/404.html"]
    for url in pages:
        assert headers(built_site, url)["Cache-Control"] == NO_CACHE, url
    # Files whose name does not change with their content must not be cached forever.
    for url in ("/assets/favicon.svg", "/feed.xml"):
        assert headers(built_site, url).get("Cache-Control") != IMMUTABLE, url


def test_every_style_sheet_and_script_a_page_loads_is_cached_for_good(built_site: Path) -> None:
    # A repeat visit then asks the server for the page alone before it can paint and run.
    loaded: set[str] = set()
    for path in html_files(built_site):
        page = parse(path)
        here = page_url(built_site, path)
        sheets = [link["href"] for link in page.links if link.get("rel") == "stylesheet"]
        scripts = [value for tag, name, value in page.attributes if (tag, name) == SCRIPT_SRC]
        loaded.update(urlsplit(urljoin(here, url)).path for url in sheets + scripts)
    assert any(url.endswith("/fair-leverage.css") for url in loaded)
    assert any(url.endswith("/" + ENTRY_MODULE.rsplit("/", 1)[-1]) for url in loaded)
    assert {url: headers(built_site, url).get("Cache-Control") for url in loaded} == {
        url: IMMUTABLE for url in loaded
    }


def test_no_two_rules_set_the_same_header_on_one_path(built_site: Path) -> None:
    # Netlify and Cloudflare Pages join repeated headers with commas, which would turn
    # "no-cache" plus "immutable" into nonsense; so no path may match two values of one header.
    rules = shipped_rules(built_site)
    assert len(rules) <= MAX_RULES  # Cloudflare Pages reads no more than this
    for path in [
        *content_pages(built_site),
        "/404.html",
        *("/" + p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()),
    ]:
        names = [name.lower() for rule in rules if rule.matches(path) for name, _ in rule.headers]
        assert len(names) == len(set(names)), path


def test_headers_file_round_trips_and_hosts_join_repeated_headers() -> None:
    rules = [
        Rule("/*", (("X-One", "a"), ("Cache-Control", "no-cache"))),
        Rule("/static/*", (("Cache-Control", IMMUTABLE),)),
        Rule("/:lang/page/", (("X-Two", "b"),)),
    ]
    assert parse_headers_file(render_headers_file(rules)) == rules
    assert headers_for_path(rules, "/static/a/b.js") == {
        "X-One": "a",
        "Cache-Control": f"no-cache, {IMMUTABLE}",
    }
    assert headers_for_path(rules, "/en/page/") == {
        "X-One": "a",
        "Cache-Control": "no-cache",
        "X-Two": "b",
    }
    assert "X-Two" not in headers_for_path(rules, "/en/fr/page/")  # :name is one segment


def test_a_malformed_headers_file_is_refused() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_headers_file("/*\n  no colon here\n")


def test_a_site_under_a_sub_path_gets_prefixed_rules(tmp_path: Path) -> None:
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "index.html").write_text("<script>go()</script>", encoding="utf-8")
    (tmp_path / "core" / "1.0").mkdir(parents=True)
    (tmp_path / "core" / "1.0" / "x.wasm").write_bytes(b"\0asm")
    rules = site_rules(tmp_path, "https://example.org/fair/", ["core/1.0/"])
    assert [rule.pattern for rule in rules] == [
        "/fair/*",
        "/fair/core/1.0/*",
        "/fair/core/1.0/x.wasm",
        "/fair/guide/",
    ]
    assert csp_hash("go()") in dict(rules[0].headers)["Content-Security-Policy"]


def test_nginx_snippet_applies_the_same_policy_and_caching(built_site: Path) -> None:
    rules = shipped_rules(built_site)
    bundle = next((built_site / "assets" / "python").iterdir()).name
    versioned = [f"pyodide/{PYODIDE_VERSION}/", f"assets/python/{bundle}/"]
    nginx = render_nginx(rules, "http://127.0.0.1:8000/", versioned)
    for name, value in rules[0].headers:
        assert f'add_header {name} "{value}" always;' in nginx
    for folder in versioned:
        assert f"location ^~ /{folder} {{" in nginx
    assert nginx.count(f'set $fl_cache_control "{IMMUTABLE}";') == 3 * len(versioned) + 1
    assert "default_type application/wasm;" in nginx
