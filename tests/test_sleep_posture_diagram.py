"""Tests for lessons/sleep_posture_diagram.py: the drawings follow the model and update in place."""

from __future__ import annotations

import math

import pytest

from lessons.sleep_posture import back_lying, side_lying
from lessons.sleep_posture_diagram import (
    FIGURES,
    MODEL_LABEL,
    draw_back_lying,
    draw_side_lying,
    update_back_lying,
    update_side_lying,
)


@pytest.mark.parametrize("pillow_cm", [0, 5, 10, 18])
def test_top_knee_rests_k_plus_t_above_the_bottom_knee(pillow_cm):
    """The top thigh ends k + t above the bottom knee, one thigh length from its hip (FACTS D4)."""
    pose = side_lying(pillow_cm=pillow_cm)
    xs, ys = draw_side_lying(pose).top_leg.get_data()
    assert ys[1] == pytest.approx(pose.knee_gap_cm + pillow_cm)
    assert math.hypot(xs[1] - xs[0], ys[1] - ys[0]) == pytest.approx(pose.thigh_cm)


def test_side_lying_updates_the_same_artists_in_place():
    """An update moves the existing artists (no new ones) and relabels the angle."""
    art = draw_side_lying(side_lying())
    before = len(art.ax.get_children())
    update_side_lying(art, side_lying(pillow_cm=16, hip_spacing_cm=20))
    assert len(art.ax.get_children()) == before
    assert art.angle_label.get_text() == "8° abduction"  # asin((20 - 10 - 16) / 42.9)
    assert art.pillow.get_height() == 16
    assert art.spacing_label.get_text() == "D 20 cm"


def test_back_lying_lifts_the_knee_and_warns_after_knee_replacement():
    """The knee sits at the pillow's height; the
    knee-replacement warning appears only when asked."""
    art = draw_back_lying(back_lying(pillow_cm=10))
    assert art.leg.get_data()[1][1] == pytest.approx(10)
    assert not art.warning.get_visible()
    update_back_lying(art, back_lying(pillow_cm=10), knee_replacement=True)
    assert art.warning.get_visible() and "NOTHING under the knee" in art.warning.get_text()
    assert art.knee_label.get_text() == "knee 27°"


@pytest.mark.parametrize("name", list(FIGURES))
def test_every_figure_says_it_is_a_model(name):
    """Each static figure carries "a model, not a measurement" on the figure itself."""
    figure = FIGURES[name]()
    assert MODEL_LABEL in [text.get_text() for text in figure.axes[0].texts]


def test_fonts_are_legible_when_projected():
    """Every text on the side-lying figure is at least 9 pt."""
    figure = draw_side_lying(side_lying()).figure
    texts = figure.findobj(
        lambda artist: hasattr(artist, "get_fontsize") and hasattr(artist, "get_text")
    )
    assert min(text.get_fontsize() for text in texts if text.get_text()) >= 9
