"""Builds every generated site asset (Pyodide core, wheel, lock file, start-up files) at once."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from build_scripts.pyodide_core import PYODIDE_VERSION, ensure_core
from build_scripts.python_bundle import ensure_bundle
from build_scripts.startup import ensure_startup

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Where the Pyodide core is published: versioned, so it can be cached forever.
CORE_URL = f"pyodide/{PYODIDE_VERSION}/"
# The site's own JavaScript and style sheets, in docs/: each folder is published as a folder
# named by the hash of all of it, so browsers keep it for good and a repeat visit asks for none
# of it again, and any change to any file gives new URLs for all (the modules import one another
# by relative paths, so they move as one).
JS_SOURCE = "assets/js/"
CSS_SOURCE = "assets/css/"
HASHED_SOURCES = (JS_SOURCE, CSS_SOURCE)
# The one script the theme's templates load (docs/overrides/main.html, through on_env).
IN_PAGE_LINKS_SCRIPT = f"{JS_SOURCE}in-page-links.js"


def content_digest(files: Iterable[tuple[str, bytes]]) -> str:
    """A short hash of named contents, names and bytes, for a folder named by what it holds."""
    digest = hashlib.sha256()
    for name, content in files:
        digest.update(name.encode() + b"\0" + content + b"\0")
    return digest.hexdigest()[:12]


def folder_digest(docs_dir: Path, source: str) -> str:
    """The hash of every file under docs/<source>, names and contents."""
    paths = sorted(path for path in (docs_dir / source).rglob("*") if path.is_file())
    return content_digest(
        (path.relative_to(docs_dir).as_posix(), path.read_bytes()) for path in paths
    )


@functools.cache  # once per build: `mkdocs serve` reloads this module for each rebuild
def hashed_folder(source: str, project_root: Path = PROJECT_ROOT) -> str:
    """Site-relative folder a source folder is published in ("assets/js/" becomes
    "assets/js/<hash>/")."""
    if source not in HASHED_SOURCES:
        raise ValueError(f"{source} is not published in a hashed folder")
    return f"{source}{folder_digest(project_root / 'docs', source)}/"


def published_js(source: str, project_root: Path = PROJECT_ROOT) -> str:
    """Where a file of docs/assets/js/ is published, for code that has no SiteAssets at hand
    (the tests): SiteAssets.js() says the same."""
    return _in_folder(hashed_folder(JS_SOURCE, project_root), JS_SOURCE, source)


def _in_folder(folder: str, source_folder: str, source: str) -> str:
    if not source.startswith(source_folder):
        raise ValueError(f"{source} is not in {source_folder}")
    return folder + source.removeprefix(source_folder)


@dataclass(frozen=True)
class SiteAssets:
    """Where the generated files are on disk and where they go in the site."""

    core_dir: Path
    bundle_dir: Path
    core_url: str  # site-relative folder, versioned by the Pyodide release
    bundle_url: str  # site-relative folder, named by the hash of the package sources
    js_url: str  # site-relative folder of the site's own JavaScript, named by its hash
    css_url: str  # site-relative folder of the site's own style sheets, named by their hash
    # The trimmed Python archive and the memory snapshot (build_scripts/startup.py), published
    # in a subfolder of bundle_url; the page is told their URLs (build_scripts/fragments.py).
    startup_dir: Path

    @property
    def startup_url(self) -> str:
        """Site-relative folder of the start-up files, named after their Pyodide and format."""
        return f"{self.bundle_url}{self.startup_dir.name}/"

    def js(self, source: str) -> str:
        """Where a file of docs/assets/js/ is published ("assets/js/plan/main.mjs" becomes
        "assets/js/<hash>/plan/main.mjs")."""
        return _in_folder(self.js_url, JS_SOURCE, source)

    def css(self, source: str) -> str:
        """Where a file of docs/assets/css/ is published ("assets/css/<hash>/plan.css")."""
        return _in_folder(self.css_url, CSS_SOURCE, source)

    def published(self, source: str) -> str:
        """Where a file of docs/ is published: moved to its hashed folder, if it has one."""
        if source.startswith(JS_SOURCE):
            return self.js(source)
        if source.startswith(CSS_SOURCE):
            return self.css(source)
        return source

    def site_files(self) -> list[tuple[Path, str]]:
        """(file on disk, site-relative destination) for every file to publish."""
        pairs = []
        folders = [
            (self.core_dir, self.core_url),
            (self.bundle_dir, self.bundle_url),
            (self.startup_dir, self.startup_url),
        ]
        for folder, url in folders:
            pairs += [
                (path, url + path.name)
                for path in sorted(folder.iterdir())
                if path.is_file() and not path.name.startswith(".")
            ]
        return pairs


def build_assets(project_root: Path = PROJECT_ROOT) -> SiteAssets:
    core_dir = ensure_core(project_root / ".cache")
    bundle_dir = ensure_bundle(
        project_root, core_dir, project_root / "build" / "generated" / "python"
    )
    startup_dir = ensure_startup(
        core_dir, bundle_dir, project_root / "build" / "generated" / "startup"
    )
    return SiteAssets(
        core_dir=core_dir,
        bundle_dir=bundle_dir,
        startup_dir=startup_dir,
        core_url=CORE_URL,
        bundle_url=f"assets/python/{bundle_dir.name}/",
        js_url=hashed_folder(JS_SOURCE, project_root),
        css_url=hashed_folder(CSS_SOURCE, project_root),
    )
