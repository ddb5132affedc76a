"""Gives Material's social-card plugin a local font (Debian's DejaVu) so it never downloads one."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from build_scripts.errors import BuildError

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FAMILY = "DejaVu Sans"  # must equal cards_layout_options.font_family in mkdocs.yml
# The plugin looks a font style up as `<cache_dir>/fonts/<family>/<style>.ttf` and downloads the
# family from Google Fonts only when that folder is missing; its default layout uses these two.
FONT_FILES = {"Regular": "DejaVuSans.ttf", "Bold": "DejaVuSans-Bold.ttf"}
DEBIAN_PACKAGE = "fonts-dejavu-core"


def install_card_fonts(cache_dir: Path, font_dir: Path = FONT_DIR) -> Path:
    """Copies the local font into the plugin's font cache; returns the family folder."""
    missing = [name for name in FONT_FILES.values() if not (font_dir / name).is_file()]
    if missing:
        raise BuildError(
            f"the social cards need the font files {', '.join(missing)} in {font_dir}: "
            f"install Debian's {DEBIAN_PACKAGE} package (`make build` does it)"
        )
    family_dir = cache_dir / "fonts" / FONT_FAMILY
    family_dir.mkdir(parents=True, exist_ok=True)
    for style, name in FONT_FILES.items():
        target = family_dir / f"{style}.ttf"
        source = font_dir / name
        if not target.is_file() or target.read_bytes() != source.read_bytes():
            shutil.copyfile(source, target)
    return family_dir


def forbid_font_downloads(plugin: Any) -> None:
    """Makes the plugin fail the build, naming the family, instead of fetching a font."""

    def refuse(family: str) -> None:
        raise BuildError(
            f"the social-card plugin asked for the font family {family!r}, which is not installed "
            f"locally; use font_family: {FONT_FAMILY} (fonts are never downloaded)"
        )

    plugin._fetch_font_from_google_fonts = refuse
