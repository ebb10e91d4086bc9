"""Tests for lessons/screening/diagram.py: the limb is drawn once and moved in place."""

from __future__ import annotations

import pytest

from lessons.screening.diagram import FIGURES, draw_screening, update_screening
from lessons.screening.model import leg_position


def test_choosing_another_test_moves_the_same_artists():
    """Updating moves the drawn thigh to the new position without adding artists."""
    art = draw_screening("slr")
    lines_before = [len(ax.lines) for ax in art.figure.axes]
    update_screening(art, "femoral-nerve-stretch")
    side = leg_position("femoral-nerve-stretch").sagittal()
    assert art.limb.thigh_side.get_xydata().ravel().tolist() == pytest.approx(
        [*side["hip"], *side["knee"]]
    )
    assert [len(ax.lines) for ax in art.figure.axes] == lines_before
    assert art.title.get_text() == "Femoral nerve stretch (prone knee bend)"


def test_the_static_figure_shows_faber():
    """The figures command draws the FABER position with its name."""
    figure = FIGURES["screening-faber"]()
    assert any(t.get_text().startswith("FABER") for t in figure.texts)
