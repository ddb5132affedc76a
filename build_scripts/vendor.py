"""Third-party browser code the site serves itself: pinned in tests/tools/package.json, copied
from the installed package at build time into a folder named after its version."""

from __future__ import annotations

import json
from pathlib import Path

from build_scripts.errors import BuildError

NODE_MODULES = Path(__file__).resolve().parent.parent / "tests" / "tools" / "node_modules"
# The QR code generator of the campaign link builder ("Link to us"): lean-qr's smallest build.
QR_PACKAGE = "lean-qr"
QR_FILES = ("nano.mjs", "LICENSE")
QR_MODULE = "nano.mjs"


def qr_version() -> str:
    manifest = NODE_MODULES / QR_PACKAGE / "package.json"
    if not manifest.is_file():
        raise BuildError(
            f"{manifest} is missing: run `make tools` to install the pinned npm tools."
        )
    version: str = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return version


def qr_folder() -> str:
    """The site folder of the QR code generator, named after its version (cached forever)."""
    return f"assets/vendor/{QR_PACKAGE}-{qr_version()}/"


def qr_files() -> list[tuple[Path, str]]:
    """(installed file, site path) for each file of the generator the site serves."""
    folder = qr_folder()
    return [(NODE_MODULES / QR_PACKAGE / name, folder + name) for name in QR_FILES]
