"""Running the build's helper scripts in Node (email cards, start-up files, prepared lines)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from build_scripts.errors import BuildError


def run_node(script: Path, *args: str, purpose: str, stdin: str | None = None) -> str:
    """Runs `node SCRIPT ARGS…` and returns what it wrote on stdout; a missing Node.js or a
    failed run is a BuildError that says what the build was doing (`purpose`, as in "to build
    the email cards")."""
    node = shutil.which("node")
    if node is None:
        raise BuildError(f"Node.js is needed {purpose} (apt-get install nodejs).")
    completed = subprocess.run(
        [node, str(script), *args], input=stdin, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise BuildError(
            f"Node.js failed {purpose}: `{script.name} {' '.join(args)}` exited with "
            f"{completed.returncode}:\n{completed.stderr.strip()[-3000:]}"
        )
    return completed.stdout
