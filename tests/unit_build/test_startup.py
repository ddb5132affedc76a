"""The fast start-up files (build_scripts/startup.py): published where the page looks for them,
complete, small enough for any static host, and rebuilt whenever what they hold changes."""

from __future__ import annotations

import gzip
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urljoin

from build_scripts import startup

PROJECT_ROOT = Path(__file__).resolve().parents[2]
HOST_FILE_LIMIT = 25 * 1024 * 1024  # some static hosts refuse single files over 25 MiB


def startup_folder(site: Path) -> Path:
    folders = list((site / "assets" / "python").glob(f"*/{startup.folder_name()}"))
    assert len(folders) == 1, folders
    return folders[0]


def test_the_page_is_told_where_the_build_put_the_files(built_site: Path) -> None:
    page = built_site / "assessment" / "index.html"
    html = page.read_text(encoding="utf-8")
    folder = startup_folder(built_site)
    files = {"data-archive-url": startup.ARCHIVE, "data-snapshot-url": startup.SNAPSHOT}
    for attribute, name in files.items():
        match = re.search(rf'{attribute}="([^"]+)"', html)
        assert match, f"the assessment page has no {attribute}"
        url = urljoin(page.parent.as_uri() + "/", match.group(1))
        assert url == (folder / name).as_uri()


def test_the_files_sit_beside_the_wheel_and_its_lock_file(built_site: Path) -> None:
    folder = startup_folder(built_site)
    assert (folder.parent / "pyodide-lock.json").is_file()
    assert sorted(path.name for path in folder.iterdir()) == [startup.ARCHIVE, startup.SNAPSHOT]


def test_the_archive_holds_the_package_and_only_the_traced_standard_library(
    built_site: Path,
) -> None:
    folder = startup_folder(built_site)
    key = startup._key(Path(folder.parent.name))  # the key depends on the bundle's name
    built = PROJECT_ROOT / "build" / "generated" / "startup" / key / startup.folder_name()
    manifest = json.loads((built / startup.MANIFEST).read_text())
    archive = zipfile.ZipFile(folder / startup.ARCHIVE)
    names = set(archive.namelist())

    def compiled(name: str) -> str:  # modules are shipped as sourceless .pyc
        return name + "c" if name.endswith(".py") else name

    package = {
        compiled(path.relative_to(PROJECT_ROOT).as_posix())
        for path in (PROJECT_ROOT / "assessment").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    stdlib = {compiled(name) for name in manifest["stdlib_files"]}
    assert package <= names, f"missing from the archive: {sorted(package - names)}"
    assert names - package == stdlib
    assert not any(name.endswith(".py") or ".dist-info/" in name for name in names)
    # Compiled by Pyodide's Python: its magic number, which the CPython of the same version shares.
    assert archive.read("assessment/browser.pyc")[:2] == archive.read("json/__init__.pyc")[:2]
    # The point of the archive: a part of the 2.5 MB standard library.
    assert (folder / startup.ARCHIVE).stat().st_size < 2_000_000


def test_the_snapshot_is_gzip_and_small_enough_for_any_static_host(built_site: Path) -> None:
    snapshot = startup_folder(built_site) / startup.SNAPSHOT
    data = snapshot.read_bytes()
    assert data[:2] == b"\x1f\x8b"
    assert len(data) < HOST_FILE_LIMIT
    assert len(gzip.decompress(data)) > len(data)


def test_the_files_are_rebuilt_when_the_package_changes(tmp_path: Path) -> None:
    # The key names the build's cache folder: another source digest, another build.
    first, second = tmp_path / "aaaaaaaaaaaa", tmp_path / "bbbbbbbbbbbb"
    assert startup._key(first) != startup._key(second)
    assert startup._key(first) == startup._key(tmp_path / "aaaaaaaaaaaa")
