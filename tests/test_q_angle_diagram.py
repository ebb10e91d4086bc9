"""Tests for lessons/q_angle_diagram.py: the Q-angle's
lines drawn where the model puts the landmarks."""

from __future__ import annotations

import math

import pytest

from lessons.q_angle import q_angle
from lessons.q_angle_diagram import draw_q_angle, update_q_angle


def test_update_moves_the_same_artists_without_making_new_ones():
    """update_q_angle changes the data of the existing artists and adds none."""
    art = draw_q_angle(q_angle())
    before = [len(ax.get_children()) for ax in art.figure.axes]
    update_q_angle(art, q_angle(34, 4, 15))
    assert [len(ax.get_children()) for ax in art.figure.axes] == before


@pytest.mark.parametrize(("width", "knee_in", "tendon"), [(25, 0, 7), (34, 4, 15), (20, -5, -10)])
def test_the_drawn_lines_make_the_models_q_angle(width, knee_in, tendon):
    """The angle between the dashed extension and the
    tendon line, as drawn, is the model's Q-angle."""
    result = q_angle(width, knee_in, tendon)
    art = draw_q_angle(result)
    (px, pz), (ex, ez) = art.extension_knee.get_xydata().tolist()
    (_, _), (tx, tz) = art.tendon_knee.get_xydata().tolist()
    drawn = math.degrees(math.atan2(tz - pz, tx - px) - math.atan2(ez - pz, ex - px))
    # Drawn as the viewer sees a right leg (outward is to the left), so outward turns are clockwise.
    assert -drawn == pytest.approx(result.q_angle_deg)
    assert art.angle_label.get_text() == f"Q = {result.q_angle_deg:.1f}°"


def test_the_right_leg_is_on_the_viewers_left():
    """Seen from the front, the right ASIS and kneecap are drawn left of the midline."""
    art = draw_q_angle(q_angle())
    xs = art.landmarks_leg.get_xydata()[:, 0]
    assert xs[0] < 0 < xs[1] and xs[3] < 0
