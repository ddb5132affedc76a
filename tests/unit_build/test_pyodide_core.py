"""The pinned Pyodide core is verified before use, and the lock file pins our wheel's hash."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from build_scripts.errors import BuildError
from build_scripts.pyodide_core import verify_tarball
from build_scripts.python_bundle import source_digest


def test_a_tarball_with_the_wrong_checksum_stops_the_build_with_a_clear_message(
    tmp_path: Path,
) -> None:
    tarball = tmp_path / "pyodide.tgz"
    tarball.write_bytes(b"not the release we pinned")
    with pytest.raises(BuildError, match=r"pinned to .* delete the file and build again"):
        verify_tarball(tarball)


def test_a_tarball_with_the_pinned_checksum_passes(tmp_path: Path) -> None:
    tarball = tmp_path / "pyodide.tgz"
    tarball.write_bytes(b"release")
    verify_tarball(tarball, expected=hashlib.sha256(b"release").hexdigest())


def test_the_source_digest_changes_when_the_package_changes(tmp_path: Path) -> None:
    (tmp_path / "assessment").mkdir()
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    module = tmp_path / "assessment" / "scoring.py"
    module.write_text("A = 1\n")
    before = source_digest(tmp_path)
    module.write_text("A = 2\n")
    assert source_digest(tmp_path) != before


def test_the_published_lock_file_pins_the_published_wheel(built_site: Path) -> None:
    (bundle,) = (built_site / "assets" / "python").iterdir()
    lock = json.loads((bundle / "pyodide-lock.json").read_text())
    entry = lock["packages"]["assessment"]
    wheel = bundle / entry["file_name"]
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert wheel.name.endswith("-py3-none-any.whl")
