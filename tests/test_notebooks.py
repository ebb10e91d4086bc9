"""Notebook discipline: every lesson saved executed in order, clean, and with its outputs."""

from __future__ import annotations

import pytest

from tools.notebooks import lesson_notebooks, problems

NOTEBOOKS = lesson_notebooks()


def test_the_course_has_its_start_here_notebook():
    """The course opens on notebooks/00-Start-Here.ipynb, the first notebook in order."""
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00-Start-Here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_saved_clean_and_executed_in_order(path):
    """No out-of-order run, error output, noisy metadata, saved widget view or missing output."""
    assert problems(path) == []


def test_the_checker_catches_an_out_of_order_notebook(tmp_path):
    """The hygiene check itself fails a notebook run
    out of order with an error and noisy metadata."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    nb = new_notebook(
        cells=[
            new_markdown_cell("# Title"),
            new_code_cell(
                "1",
                execution_count=2,
                outputs=[new_output("execute_result", {"text/plain": "1"}, execution_count=2)],
            ),
            new_code_cell(
                "1/0",
                execution_count=1,
                outputs=[new_output("error", ename="ZeroDivisionError", evalue="", traceback=[])],
            ),
        ]
    )
    nb.cells[1].metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00Z"}
    nb.metadata["widgets"] = {}
    path = tmp_path / "07-Bad-Notebook.ipynb"
    nbformat.write(nb, path)
    found = "\n".join(problems(path))
    for expected in ("not executed in order", "error output", "noisy metadata", "widget state"):
        assert expected in found
