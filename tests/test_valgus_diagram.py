"""Tests for lessons/valgus_diagram.py: the knee drawn
inside or outside an upright hip-to-ankle line."""

from __future__ import annotations

import pytest

from lessons.valgus import knee_projection
from lessons.valgus_diagram import draw_valgus, update_valgus


def test_update_moves_the_same_artists_without_making_new_ones():
    """update_valgus changes the data of the existing artists and adds none."""
    art = draw_valgus(knee_projection())
    before = [len(ax.get_children()) for ax in art.figure.axes]
    update_valgus(art, knee_projection(60, 10, 20))
    assert [len(ax.get_children()) for ax in art.figure.axes] == before


@pytest.mark.parametrize(
    ("adduction", "rotation", "side"), [(10, 10, 1), (-10, -10, -1), (0, 0, 0)]
)
def test_valgus_is_drawn_to_the_inside_of_the_upright_line(adduction, rotation, side):
    """The hip is drawn straight above the ankle; a valgus
    knee sits to the right (inside), varus to the left."""
    view = knee_projection(45, adduction, rotation)
    art = draw_valgus(view)
    (hip_x, _), (knee_x, _), (ankle_x, _) = art.leg_front.get_xydata().tolist()
    assert hip_x == pytest.approx(0, abs=1e-9) and ankle_x == pytest.approx(0, abs=1e-9)
    assert knee_x == pytest.approx(view.knee_offset_cm / 100)
    assert (knee_x > 1e-9) - (knee_x < -1e-9) == side


def test_the_angle_label_says_valgus_or_varus_in_words():
    """The label on the knee names the direction, so the picture needs no colour to read."""
    art = draw_valgus(knee_projection(45, -10, 0))
    assert art.angle_label.get_text().endswith("varus")
    update_valgus(art, knee_projection(45))
    assert art.angle_label.get_text() == "0°: straight"
