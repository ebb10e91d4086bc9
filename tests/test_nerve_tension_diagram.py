"""Tests for lessons/nerve_tension_diagram.py: the leg, nerve and
gauge follow the pose, and the label says 'teaching model'."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.nerve_tension import NerveTensionPose, supine_leg_points, tension_index
from lessons.nerve_tension_diagram import GAUGE_MAX, draw_nerve_tension, update_nerve_tension


def _waviness(art) -> float:
    """How much longer the drawn nerve is than the leg it runs along (1.0 = no waves)."""
    def length(xy):
        return float(np.hypot(*np.diff(xy, axis=0).T).sum())
    return length(art.nerve.get_xydata()) / length(art.leg.get_xydata())


def test_update_moves_the_leg_and_sets_the_gauge_without_new_artists():
    """A new pose moves the same artists; the gauge bar height is the teaching index."""
    art = draw_nerve_tension(NerveTensionPose())
    before = [len(ax.get_children()) for ax in art.figure.axes]
    pose = NerveTensionPose(60, 0, 10, 20)
    update_nerve_tension(art, pose)
    assert [len(ax.get_children()) for ax in art.figure.axes] == before
    assert art.gauge_bar.get_height() == pytest.approx(tension_index(pose))
    knee = supine_leg_points(pose)["knee"]
    assert art.leg.get_xydata()[1].tolist() == pytest.approx(list(knee))


def test_slack_nerve_is_drawn_wavy_and_a_tense_one_straight():
    """The nerve's shape, not only its colour, shows slack versus tension."""
    slack = draw_nerve_tension(NerveTensionPose(90, 90))
    tense = draw_nerve_tension(NerveTensionPose(70))
    assert _waviness(slack) > 1.2 * _waviness(tense)


def test_gauge_is_labelled_a_teaching_model_and_fits_every_pose():
    """The gauge says 'a teaching model, not a
    measurement' and its scale holds the largest index."""
    art = draw_nerve_tension()
    assert "teaching model" in art.ax_gauge.get_xlabel()
    assert "not a measurement" in art.ax_gauge.get_xlabel()
    biggest = tension_index(NerveTensionPose(90, 0, 20, 45))
    assert biggest <= GAUGE_MAX


@pytest.mark.parametrize(
    "pose, zone",
    [(NerveTensionPose(20), "below"), (NerveTensionPose(50), "inside"),
     (NerveTensionPose(80), "above"), (NerveTensionPose(60, 40), "knee bent")],
)
def test_zone_label_names_the_window(pose, zone):
    """The short label in the figure says where the leg is relative to 30-70°."""
    art = draw_nerve_tension(pose)
    assert zone.split()[0] in art.zone_label.get_text()
