"""Builds the fast start-up files: a trimmed Python archive and a memory snapshot.

Run in Node with the pinned Pyodide core (build_scripts/startup_node.mjs):
- `python.zip`: only the standard-library modules that start-up and the assessment really
  import (traced by running every operation of assessment.browser, error paths included),
  plus the assessment package, compiled to .pyc by Pyodide's own Python. It replaces the
  2.5 MB python_stdlib.zip and the wheel on the fast path.
- `snapshot.gz`: Pyodide's memory snapshot (a private API, hence the pinned version) taken
  after importing and warming the package on that archive, without its long runs of zero
  bytes (build_scripts/snapshot_file.py); the page starts from it when it has a copy kept from
  an earlier visit, or when it downloads fast enough, and otherwise starts on the archive.
They are published beside the wheel, in `assets/python/<source digest>/startup-<Pyodide
version>-<STARTUP_FORMAT>/`, so any change to the package, Pyodide or this step gives new
URLs. The assessment page is told those URLs (build_scripts/fragments.py); no script repeats them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import tempfile
from pathlib import Path

from build_scripts import snapshot_file
from build_scripts.errors import BuildError
from build_scripts.node import run_node
from build_scripts.pyodide_core import PYODIDE_TARBALL_SHA256, PYODIDE_VERSION

# Bump when this step changes what it writes: the folder name changes with it, so browsers
# holding the old files forever (they are served as immutable) never mix them up.
STARTUP_FORMAT = 3
NODE_SCRIPT = Path(__file__).with_name("startup_node.mjs")
ARCHIVE = "python.zip"
SNAPSHOT = "snapshot.gz"
MANIFEST = ".manifest.json"  # kept beside the files, not published


def folder_name() -> str:
    return f"startup-{PYODIDE_VERSION}-{STARTUP_FORMAT}"


def _run_node(*args: str) -> None:
    run_node(NODE_SCRIPT, *args, purpose=f"to build Python's start-up files (at `{args[0]}`)")


def _key(bundle_dir: Path) -> str:
    digest = hashlib.sha256()
    for part in (bundle_dir.name, PYODIDE_TARBALL_SHA256, str(STARTUP_FORMAT)):
        digest.update(part.encode() + b"\0")
    digest.update(NODE_SCRIPT.read_bytes())
    for module in (__file__, snapshot_file.__file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()[:16]


def ensure_startup(core_dir: Path, bundle_dir: Path, out_root: Path) -> Path:
    """Returns a folder with python.zip, snapshot.gz and a manifest, built only when
    the package, Pyodide or this step changed."""
    out_root = out_root.resolve()
    key = _key(bundle_dir)
    target = out_root / key / folder_name()
    if (target / MANIFEST).exists():
        return target
    wheel = next(bundle_dir.glob("assessment-*-py3-none-any.whl"), None)
    if wheel is None:
        raise BuildError(f"No assessment wheel in {bundle_dir} to build the start-up files from")
    out_root.mkdir(parents=True, exist_ok=True)
    # Scratch folders start with a dot so a concurrent build's clean-up leaves them alone.
    with tempfile.TemporaryDirectory(dir=out_root, prefix=".scratch-") as scratch:
        work = Path(scratch) / folder_name()
        work.mkdir()
        core = str(core_dir)
        lock = str(bundle_dir / "pyodide-lock.json")
        modules_json, archive, raw_snapshot = (
            work / "modules.json",
            work / ARCHIVE,
            work / "snapshot.bin",
        )
        _run_node("archive", core, lock, str(wheel), str(modules_json), str(archive))
        _run_node("snapshot", core, str(archive), str(raw_snapshot))
        _run_node("check", core, str(archive), str(raw_snapshot))
        raw = raw_snapshot.read_bytes()
        # mtime=0 keeps the file identical from one build to the next.
        sparse = snapshot_file.encode(raw)
        (work / SNAPSHOT).write_bytes(gzip.compress(sparse, compresslevel=9, mtime=0))
        manifest = {
            "pyodide": PYODIDE_VERSION,
            "format": STARTUP_FORMAT,
            "archive_bytes": archive.stat().st_size,
            "snapshot_bytes": len(raw),
            "snapshot_file_bytes": len(sparse),
            "snapshot_gzip_bytes": (work / SNAPSHOT).stat().st_size,
            "stdlib_files": json.loads(modules_json.read_text()),
        }
        modules_json.unlink()
        raw_snapshot.unlink()
        (work / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not (target / MANIFEST).exists():  # a concurrent build may have finished first
            shutil.rmtree(target, ignore_errors=True)
            work.rename(target)
    for stale in out_root.iterdir():
        if stale.is_dir() and stale.name != key and not stale.name.startswith("."):
            shutil.rmtree(stale, ignore_errors=True)
    return target
