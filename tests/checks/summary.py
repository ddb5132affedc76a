"""One readable line per checker, printed after the pytest run and kept in build/reports/."""

from __future__ import annotations

from pathlib import Path

REPORTS = Path(__file__).resolve().parents[2] / "build" / "reports"

_lines: dict[str, str] = {}


def record(checker: str, figures: str) -> None:
    """Notes a checker's result, e.g. record("Nu HTML Checker", "31 pages, 0 errors")."""
    _lines[checker] = figures


def summary_lines() -> list[str]:
    return [f"{checker}: {figures}" for checker, figures in _lines.items()]


def write_report(name: str, lines: list[str]) -> Path:
    """Writes a plain-text report to build/reports/<name> and returns its path."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    path = REPORTS / name
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


_sections: dict[str, list[str]] = {}


def record_section(title: str, lines: list[str]) -> None:
    """Adds a titled list printed after the summary lines (e.g. the external links found)."""
    _sections[title] = lines


def sections() -> dict[str, list[str]]:
    return dict(_sections)
