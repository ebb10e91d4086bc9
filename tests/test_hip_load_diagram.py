"""Tests for lessons/hip_load_diagram.py: arrows
scaled to the forces, labelled, updated in place."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lessons.hip_load import HipLoadInputs, hip_load
from lessons.hip_load_diagram import _LIMITS_X, _LIMITS_Y, CM_PER_BW, draw_hip_load, update_hip_load


def _arrow_length(arrow, tail) -> float:
    """The distance from an arrow's tail to its farthest point (its tip)."""
    xy = np.asarray(arrow.get_xy())
    return float(np.max(np.hypot(xy[:, 0] - tail[0], xy[:, 1] - tail[1])))


@pytest.mark.parametrize(
    "inputs",
    [
        HipLoadInputs(),
        HipLoadInputs(body_weight_lever_cm=15),
        HipLoadInputs(cane_force_pct_bw=15, cane_hand="opposite"),
    ],
)
def test_joint_and_weight_arrows_are_as_long_as_their_forces(inputs):
    """Each arrow's length is its force times the drawing scale, so size can be compared by eye."""
    load = hip_load(inputs)
    art = draw_hip_load(load)
    assert _arrow_length(art.arrows["joint"], (0.0, 0.0)) == pytest.approx(
        load.joint_force_bw * CM_PER_BW, rel=1e-3
    )
    com = art.centre_of_mass.get_xydata()[0]
    assert _arrow_length(art.arrows["weight"], com) == pytest.approx(
        load.supported_weight_bw * CM_PER_BW, rel=1e-3
    )


def test_update_moves_the_same_artists_without_making_new_ones():
    """update_hip_load changes the existing arrows and labels and adds no artist."""
    art = draw_hip_load(hip_load())
    before = len(art.ax.get_children())
    joint = art.arrows["joint"]
    update_hip_load(art, hip_load(HipLoadInputs(body_weight_lever_cm=15, trunk_lean_cm=4)))
    assert art.arrows["joint"] is joint
    assert len(art.ax.get_children()) == before
    assert art.lever_b_label.get_text() == "b = 11.0 cm"


def test_every_arrow_is_labelled_with_its_name_and_value():
    """Labels name each force and give its size, so colour is not the only cue."""
    art = draw_hip_load(hip_load(HipLoadInputs(cane_force_pct_bw=15, cane_hand="opposite")))
    texts = {name: label.get_text() for name, label in art.labels.items()}
    assert texts["abductor"].startswith("Abductors\n0.33 BW")
    assert texts["weight"] == "Supported weight W′\n0.84 BW"
    assert texts["joint"] == "Joint reaction\n1.00 BW"
    assert texts["cane"] == "Cane\n0.15 BW\n45 cm from hip"


def test_the_cane_is_hidden_without_one_and_drawn_outside_the_hip_in_the_same_hand():
    """No cane hides the cane artists; a same-hand cane
    stands outside the stance hip (negative x)."""
    art = draw_hip_load(hip_load())
    assert not art.cane_stick.get_visible() and not art.arrows["cane"].get_visible()
    update_hip_load(art, hip_load(HipLoadInputs(cane_force_pct_bw=10, cane_hand="same")))
    assert art.cane_stick.get_visible()
    assert art.cane_stick.get_xdata()[0] == pytest.approx(-27.0)


def test_the_largest_forces_stay_inside_the_axes():
    """At the slider extremes that load the hip most, every arrow stays inside the fixed limits."""
    load = hip_load(
        HipLoadInputs(
            abductor_lever_cm=4,
            body_weight_lever_cm=15,
            abductor_angle_deg=60,
            cane_force_pct_bw=20,
            cane_hand="same",
        )
    )
    art = draw_hip_load(load)
    for arrow in art.arrows.values():
        xy = np.asarray(arrow.get_xy())
        assert _LIMITS_X[0] < xy[:, 0].min() and xy[:, 0].max() < _LIMITS_X[1]
        assert _LIMITS_Y[0] < xy[:, 1].min() and xy[:, 1].max() < _LIMITS_Y[1]
    assert math.isfinite(load.joint_force_bw)
