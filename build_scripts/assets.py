"""Builds every generated site asset (Pyodide core, wheel, lock file, start-up files) at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_scripts.pyodide_core import PYODIDE_VERSION, ensure_core
from build_scripts.python_bundle import ensure_bundle
from build_scripts.startup import ensure_startup

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Where the Pyodide core is published: versioned, so it can be cached forever.
CORE_URL = f"pyodide/{PYODIDE_VERSION}/"


@dataclass(frozen=True)
class SiteAssets:
    """Where the generated files are on disk and where they go in the site."""

    core_dir: Path
    bundle_dir: Path
    core_url: str  # site-relative folder, versioned by the Pyodide release
    bundle_url: str  # site-relative folder, named by the hash of the package sources
    # The trimmed Python archive and the memory snapshot (build_scripts/startup.py), published
    # in a subfolder of bundle_url; the page is told their URLs (build_scripts/fragments.py).
    startup_dir: Path

    @property
    def startup_url(self) -> str:
        """Site-relative folder of the start-up files, named after their Pyodide and format."""
        return f"{self.bundle_url}{self.startup_dir.name}/"

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
    )
