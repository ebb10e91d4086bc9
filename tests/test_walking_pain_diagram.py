"""Tests for lessons/walking_pain/diagram.py: the walker, marker and bars move in place."""

from __future__ import annotations

import pytest

from lessons.walking_pain.diagram import FIGURES, draw_walking, update_walking
from lessons.walking_pain.model import walking_pain


def test_the_trolley_appears_and_the_trunk_bends_only_when_chosen():
    """Upright hides the trolley; the trolley posture shows it and tilts the trunk forward."""
    art = draw_walking(walking_pain())
    assert not art.trolley.get_visible()
    upright_shoulder_x = art.body.get_xdata()[4]
    update_walking(art, walking_pain(400, "trolley"))
    assert art.trolley.get_visible() and art.body.get_xdata()[4] > upright_shoulder_x + 0.2


def test_the_bars_and_labels_give_the_counts_in_words_too():
    """Each bar's width is its count and its label says the count, so colour is not needed."""
    art = draw_walking(walking_pain())
    patches_before = len(art.ax_counts.patches)
    update_walking(art, walking_pain(0, "upright", "standing-still", "calf"))
    assert art.bars["vascular"].get_width() == 2 and art.bars["vascular-against"].get_width() == -1
    assert art.counts["vascular"].get_text() == "2 fit, 1 against"
    assert art.counts["neurogenic"].get_text() == "1 fit, 1 against"
    assert len(art.ax_counts.patches) == patches_before


@pytest.mark.parametrize(
    ("distance", "x", "words"), [(0, -0.5, "Pain on standing"), (1000, 1.5, "Pain after 1000 m")]
)
def test_the_marker_follows_the_distance(distance, x, words):
    """The marker runs along the track from 0 m to the end; the text says the distance."""
    art = draw_walking(walking_pain(distance))
    assert art.marker.get_xdata()[0] == pytest.approx(x) and art.distance.get_text() == words


def test_the_static_figure_shows_the_trolley():
    """The figures command draws the walker leaning on the trolley."""
    figure = FIGURES["walking-pain-trolley"]()
    assert any(line.get_visible() and line.get_linestyle() == "--" for line in figure.axes[0].lines)
