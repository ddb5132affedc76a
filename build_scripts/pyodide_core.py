"""Fetches the pinned Pyodide core from the npm registry, checks it and caches it."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from build_scripts.errors import BuildError

PYODIDE_VERSION = "314.0.7"
# sha256 of the tarball that `npm pack pyodide@314.0.7` downloads.
PYODIDE_TARBALL_SHA256 = "66b7949e5a0cba2250b586d7e368bf12fb482800748d182c4618254b685ffaa0"
# What the page needs from the core; the rest of the package (source maps, consoles, types)
# is left out.
CORE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


def core_python_version(core_dir: Path) -> str:
    """The version of Python the core runs (such as "3.14.2"), as its own lock file states it."""
    lock = json.loads((core_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    return str(lock["info"]["python"])


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _npm_pack(destination: Path) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError(
            "npm is needed to fetch the Pyodide core (npm pack pyodide@"
            f"{PYODIDE_VERSION}). Install Node.js and npm (Debian: apt-get install npm)."
        )
    completed = subprocess.run(
        [npm, "pack", f"pyodide@{PYODIDE_VERSION}", "--pack-destination", str(destination)],
        capture_output=True,
        text=True,
        check=False,
    )
    tarball = destination / f"pyodide-{PYODIDE_VERSION}.tgz"
    if completed.returncode != 0 or not tarball.exists():
        raise BuildError(
            f"npm pack pyodide@{PYODIDE_VERSION} failed (exit {completed.returncode}). "
            "Check that the npm registry is reachable.\n" + completed.stderr.strip()
        )
    return tarball


def verify_tarball(tarball: Path, expected: str = PYODIDE_TARBALL_SHA256) -> None:
    actual = sha256_of(tarball)
    if actual != expected:
        raise BuildError(
            f"The Pyodide core tarball {tarball} has sha256 {actual}, but "
            f"pyodide@{PYODIDE_VERSION} is pinned to {expected}. The download is damaged or "
            "not the release we tested: delete the file and build again; if it persists, do "
            "not ship it."
        )


def ensure_core(cache_dir: Path) -> Path:
    """Returns a folder holding the checked core files, downloading them only once."""
    core_dir = cache_dir / f"pyodide-{PYODIDE_VERSION}"
    stamp = core_dir / ".verified"
    if stamp.exists() and stamp.read_text() == PYODIDE_TARBALL_SHA256:
        return core_dir
    cache_dir.mkdir(parents=True, exist_ok=True)
    tarball = cache_dir / f"pyodide-{PYODIDE_VERSION}.tgz"
    if not tarball.exists():
        with tempfile.TemporaryDirectory(dir=cache_dir) as scratch:
            shutil.move(str(_npm_pack(Path(scratch))), tarball)
    try:
        verify_tarball(tarball)
    except BuildError:
        tarball.unlink()
        raise
    with tempfile.TemporaryDirectory(dir=cache_dir) as scratch, tarfile.open(tarball) as archive:
        for name in CORE_FILES:
            member = archive.getmember(f"package/{name}")
            archive.extract(member, scratch, filter="data")
        shutil.rmtree(core_dir, ignore_errors=True)
        shutil.move(str(Path(scratch) / "package"), core_dir)
    stamp.write_text(PYODIDE_TARBALL_SHA256)
    return core_dir
