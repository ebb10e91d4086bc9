"""Lint: ruff, with the rules in pyproject.toml, over the package, the tools, the tests and the
notebooks' code cells (ruff reads .ipynb files itself)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "pyproject.toml"
NOTEBOOKS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("*.ipynb"))
TARGETS = {
    "lessons": ["lessons"],
    "tools": ["tools"],
    "tests": ["tests"],
    "notebooks": NOTEBOOKS,
    "clinic": ["clinic/Clinic.ipynb"],
}


def ruff_check(*paths: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``ruff check`` on the paths with the course's settings; never changes a file."""
    command = [sys.executable, "-m", "ruff", "check", "--no-fix", "--output-format=concise"]
    command += ["--config", str(CONFIG)]
    return subprocess.run(
        [*command, *map(str, paths)], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("name", list(TARGETS))
def test_ruff_finds_nothing(name):
    """`ruff check` passes the course's code; on failure the message is ruff's own report."""
    result = ruff_check(*TARGETS[name])
    assert result.returncode == 0, (
        f"ruff check {' '.join(TARGETS[name])} found problems "
        f"(fix them; `ruff check --fix` mends some):\n{result.stdout}{result.stderr}"
    )


def test_ruff_reads_the_code_cells_of_a_notebook_and_not_its_markdown(tmp_path):
    """A notebook with an unused import and an over-long code line fails, naming both; a long
    Markdown line does not count, since Markdown is not Python."""
    long_text = "A sentence of lesson text that runs on and on, " * 4
    notebook = new_notebook(cells=[
        new_markdown_cell(long_text),
        new_code_cell("import os\n\nx = 1"),
        new_code_cell(f"print({long_text!r})"),
    ])
    path = tmp_path / "99-Lint-Check.ipynb"
    nbformat.write(notebook, path)
    result = ruff_check(path)
    assert result.returncode == 1
    assert re.search(r"cell 2:1:\d+: F401", result.stdout), result.stdout
    assert re.search(r"cell 3:1:\d+: E501", result.stdout), result.stdout
    assert "cell 1:" not in result.stdout


def test_every_lesson_notebook_is_linted():
    """The notebooks target lists every lesson notebook, so a new lesson is linted too."""
    assert len(NOTEBOOKS) >= 8 and all(name.endswith(".ipynb") for name in NOTEBOOKS)
