"""Results and cohort summaries display in a real notebook: the test writes a notebook, runs it
in a fresh IPython kernel (nbclient, offline), and reads the HTML and Markdown the cells showed.
The text shown comes from a question bank and from pasted lines with markup in them, which must
arrive escaped: visible as characters, never as elements."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from assessment import load_scenarios

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DIMENSION = "Alternatives"
FLAG = "An invented alternative"
HOSTILE_TITLE = "Alternatives <script>alert('title')</script>"
HOSTILE_FLAG = 'An invented <img src=x onerror="alert(1)"> alternative'
HOSTILE_LINE = "<script>alert('line')</script> & [link](javascript:alert(1))"


def hostile_bank(folder: Path) -> Path:
    """The packaged bank with markup in a dimension's title and a red flag's name."""
    text = resources.files("assessment").joinpath("bank.toml").read_text(encoding="utf-8")
    for old, new in ((DIMENSION, HOSTILE_TITLE), (FLAG, HOSTILE_FLAG)):
        assert f'"{old}"' in text
        text = text.replace(f'"{old}"', json.dumps(new), 1)
    path = folder / "hostile-bank.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The display data of the notebook's two cells: a result, then a cohort summary."""
    folder = tmp_path_factory.mktemp("notebook")
    bank = hostile_bank(folder)
    answers = dict(load_scenarios()["fabricated-offer"].answers)
    cells = [
        "import sys\n"
        f"sys.path.insert(0, {str(PROJECT_ROOT)!r})\n"
        "from assessment import encode, load_bank, score\n"
        "from assessment.cohort import summarise\n"
        f"bank = load_bank({str(bank)!r})\n"
        f"score({answers!r}, bank)",
        f"summarise('\\n'.join([encode({answers!r}, bank), {HOSTILE_LINE!r}]), bank=bank)",
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    shown = []
    for cell in notebook.cells:
        (output,) = [o for o in cell.outputs if o["output_type"] == "execute_result"]
        shown.append(output["data"])
    return shown


@pytest.mark.parametrize("mime", ["text/html", "text/markdown"])
def test_a_result_shows_its_balance_bars_and_red_flags_with_every_text_escaped(
    outputs: list[dict[str, Any]], mime: str
) -> None:
    shown = outputs[0][mime]
    assert "<script" not in shown and "<img" not in shown
    assert "&lt;script&gt;" in shown
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in shown
    if mime == "text/html":
        assert shown.count("<svg") >= 7  # a bar per dimension and side
        assert "Your plan crosses an ethical line" in shown


@pytest.mark.parametrize("mime", ["text/html", "text/markdown"])
def test_a_cohort_summary_shows_its_counts_and_the_bad_line_escaped(
    outputs: list[dict[str, Any]], mime: str
) -> None:
    shown = outputs[1][mime]
    assert "1 of 2 read, 1 could not be read" in shown
    assert "<script" not in shown and "&lt;script&gt;" in shown
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in shown  # the red flag's name
    if mime == "text/markdown":
        assert "\\[link\\](javascript:" in shown  # escaped, so no live link
        assert "[link](" not in shown
