"""The project's JavaScript files and its pinned tools for them: one list for the checks in
test_javascript_static.py and for `make format` (`python -m tests.checks.javascript`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TOOLS = PROJECT_ROOT / "tests" / "tools"
BIN = TOOLS / "node_modules" / ".bin"
PRETTIER_CONFIG = TOOLS / "prettier.json"
PAGE_MODULES = PROJECT_ROOT / "docs" / "assets" / "js"
# The page and its worker run in different globals (window, worker scope), and the build's own
# script in Node, so each is type-checked with its own settings: tests/tools/tsconfig.<name>.json.
TS_PROJECTS = ("page", "worker", "node")


def javascript_files() -> list[Path]:
    """Every JavaScript file of ours: page and worker modules, the build's, the benchmark's."""
    bench = PROJECT_ROOT / "tests" / "bench"
    return sorted(
        [
            *PAGE_MODULES.rglob("*.mjs"),
            *PAGE_MODULES.rglob("*.js"),
            *(PROJECT_ROOT / "build_scripts").glob("*.mjs"),
            *bench.rglob("*.js"),
            *bench.rglob("*.mjs"),
        ]
    )


def formatted_files() -> list[Path]:
    """What Prettier holds to one style: the JavaScript and the tools' own settings."""
    return [*javascript_files(), *sorted(TOOLS.glob("tsconfig.*.json")), PRETTIER_CONFIG]


def run_tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Runs one of the pinned npm tools (installed by `make tools`) from the project root."""
    executable = BIN / name
    if not executable.exists():
        raise FileNotFoundError(f"{executable} is missing: run `make tools`.")
    return subprocess.run(
        [str(executable), *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
    )


def prettier(*mode: str) -> subprocess.CompletedProcess[str]:
    """Prettier over every formatted file: mode `--check` or `--write`."""
    files = map(str, formatted_files())
    return run_tool("prettier", "--config", str(PRETTIER_CONFIG), *mode, *files)


if __name__ == "__main__":
    completed = prettier("--write")
    print(completed.stdout + completed.stderr, end="")
    sys.exit(completed.returncode)
