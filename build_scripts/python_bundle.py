"""Builds the assessment wheel and the custom pyodide-lock.json that lets Pyodide load it."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from build_scripts.errors import BuildError

# Files that decide the wheel's content; their hash names the output folder, so a change
# gives a new URL and browsers never mix an old wheel with a new lock file.
WHEEL_INPUTS = ("assessment", "pyproject.toml")


def source_digest(project_root: Path) -> str:
    digest = hashlib.sha256()
    for name in WHEEL_INPUTS:
        root = project_root / name
        paths = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(project_root).as_posix().encode())
                digest.update(b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _run(command: list[str], what: str) -> None:
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise BuildError(
            f"{what} failed (exit {completed.returncode}):\n{completed.stderr.strip()}"
        )


def _pyodide_cli() -> str:
    cli = Path(sys.executable).with_name("pyodide")
    if not cli.exists():
        raise BuildError(
            "The `pyodide` command (from pyodide-build) is missing from this environment. "
            "Run `make install` to set up the virtual environment."
        )
    return str(cli)


def ensure_bundle(project_root: Path, core_dir: Path, out_root: Path) -> Path:
    """Returns a folder with the wheel and its lock file, rebuilt only when the package changed."""
    out_root = out_root.resolve()
    bundle = out_root / source_digest(project_root)
    if (bundle / "pyodide-lock.json").exists():
        return bundle
    out_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_root) as scratch:
        work = Path(scratch)
        _run(
            [
                sys.executable,
                "-m",
                "build",
                "--wheel",
                "--no-isolation",
                "--outdir",
                str(work),
                str(project_root),
            ],
            "Building the assessment wheel (python -m build)",
        )
        wheels = list(work.glob("assessment-*-py3-none-any.whl"))
        if len(wheels) != 1:
            raise BuildError(f"Expected one py3-none-any assessment wheel, found {wheels}")
        _run(
            [
                _pyodide_cli(),
                "lockfile",
                "add-wheels",
                "--input",
                str(core_dir / "pyodide-lock.json"),
                "--output",
                str(work / "pyodide-lock.json"),
                "--base-path",
                str(work),
                str(wheels[0]),
            ],
            "Writing the custom pyodide-lock.json (pyodide lockfile add-wheels)",
        )
        lock = json.loads((work / "pyodide-lock.json").read_text())
        if "assessment" not in lock.get("packages", {}):
            raise BuildError("pyodide lockfile add-wheels did not add the assessment package")
        shutil.move(str(work), bundle)
    bundle.chmod(0o755)
    for stale in out_root.iterdir():
        if stale.is_dir() and stale != bundle:
            shutil.rmtree(stale, ignore_errors=True)
    return bundle
