"""Tests for lessons/gait_diagram.py: bars follow the
cycle, the figure shows feet and pelvic drop, in place."""

from __future__ import annotations

import pytest

from lessons.gait import GaitInputs, gait_cycle
from lessons.gait_diagram import draw_gait, update_gait


def test_bars_cover_each_legs_stance_and_swing():
    """Each leg's bars start and end where its spells do, with the share written on them."""
    cycle = gait_cycle(GaitInputs(painful_side="left", stance_shortening_pct=10))
    art = draw_gait(cycle, 30)
    for side, rects in art.bars.items():
        spans = [(r.get_x(), r.get_x() + r.get_width()) for r in rects]
        assert spans == [(s, e) for s, e, _ in cycle.intervals(side)]
    assert art.bar_labels["left stance"].get_text() == "stance 50 %"
    assert art.bar_labels["right swing"].get_text() == "swing 30 %"


def test_update_moves_the_same_artists_without_making_new_ones():
    """update_gait changes the existing bars, line and stick figure and adds no artist."""
    art = draw_gait(gait_cycle(), 30)
    counts = [len(ax.get_children()) for ax in art.figure.axes]
    update_gait(art, gait_cycle(GaitInputs(painful_side="right")), 70)
    assert [len(ax.get_children()) for ax in art.figure.axes] == counts
    assert art.now_line.get_xdata()[0] == 70


@pytest.mark.parametrize(
    ("t_pct", "right_marker", "left_marker"), [(30, "s", "o"), (80, "o", "s"), (5, "s", "s")]
)
def test_feet_on_the_ground_are_squares_and_feet_in_the_air_circles(
    t_pct, right_marker, left_marker
):
    """Marker shape, not only colour, says which foot is down."""
    art = draw_gait(gait_cycle(), t_pct)
    assert art.feet["right"].get_marker() == right_marker
    assert art.feet["left"].get_marker() == left_marker


def test_trendelenburg_tips_the_pelvis_down_on_the_swing_side_and_says_so():
    """With weak right abductors in right single stance, the left
    end of the pelvis line is lower, labelled illustrative."""
    art = draw_gait(gait_cycle(GaitInputs(weak_abductors_side="right")), 30)
    (x0, x1), (y0, y1) = art.pelvis.get_data()
    assert x0 < x1 and y1 < y0  # the person's left (viewer's right) end is lower
    assert "illustrative" in art.drop_label.get_text()
    update_gait(art, gait_cycle(GaitInputs(weak_abductors_side="right")), 80)
    assert art.pelvis.get_data()[1][0] == art.pelvis.get_data()[1][1]
    assert art.drop_label.get_text() == ""
