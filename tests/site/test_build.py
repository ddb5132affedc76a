"""The site builds strictly and no built page refers to any host but its own."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from build_scripts.assets import CORE_URL
from build_scripts.pyodide_core import CORE_FILES

# URLs in attributes that make a browser fetch something: src, href of stylesheets/preloads,
# srcset, poster, data, action, and url(...) in CSS.
FETCHING_ATTRIBUTE = re.compile(r"""\b(?:src|srcset|poster|data|action)\s*=\s*["']([^"']+)["']""")
LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
EXTERNAL = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def test_strict_build_succeeds(site_build: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    _, completed = site_build
    assert completed.returncode == 0, completed.stderr
    assert "WARNING" not in completed.stderr


def test_no_page_or_stylesheet_fetches_from_another_host(built_site: Path) -> None:
    offenders = []
    for path in sorted(built_site.rglob("*")):
        if path.suffix not in {".html", ".css", ".js", ".mjs"} or "pyodide" in path.parts:
            continue
        text = path.read_text(errors="replace")
        urls = FETCHING_ATTRIBUTE.findall(text) if path.suffix == ".html" else []
        for tag in LINK_TAG.findall(text) if path.suffix == ".html" else []:
            if re.search(
                r'rel="?(?:stylesheet|preload|modulepreload|icon|prefetch|preconnect|dns-prefetch)',
                tag,
            ):
                urls += re.findall(r'href="([^"]+)"', tag)
        if path.suffix == ".css":
            urls += CSS_URL.findall(text)
        offenders += [
            f"{path.relative_to(built_site)}: {url}" for url in urls if EXTERNAL.match(url)
        ]
    assert offenders == []


def test_pyodide_core_and_wheel_are_published_under_versioned_paths(built_site: Path) -> None:
    core = built_site / CORE_URL
    for name in CORE_FILES:
        assert (core / name).is_file(), name
    bundles = list((built_site / "assets" / "python").iterdir())
    assert len(bundles) == 1
    assert (bundles[0] / "pyodide-lock.json").is_file()
    assert list(bundles[0].glob("assessment-*-py3-none-any.whl"))
