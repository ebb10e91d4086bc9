"""Tests for lessons/figures.py: the static figures are reproducible and up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessons.figures import DEFAULT_DIR, FIGURES, write_figures


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("figures")
    write_figures(folder)
    return folder


@pytest.mark.parametrize("name", [f"{n}.{ext}" for n in FIGURES for ext in ("svg", "png")])
def test_committed_figure_matches_a_fresh_regeneration(fresh, name):
    """figures/ holds exactly what `make figures` draws now, byte for byte (run it if this fails)."""
    assert (DEFAULT_DIR / name).read_bytes() == (fresh / name).read_bytes()


def test_regenerating_twice_changes_no_bytes(fresh, tmp_path):
    """Two regenerations in a row write identical files (no dates, no random ids)."""
    write_figures(tmp_path)
    for path in fresh.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
