"""Tests for lessons/nerve_tension.py: a teaching model
whose index moves the way FACTS B8 and C7 say."""

from __future__ import annotations

import math

import pytest

from lessons.errors import OutOfRangeError
from lessons.nerve_tension import (
    ANGLE_RANGES_DEG,
    MODEL_LABEL,
    SLR_WINDOW_DEG,
    NerveTensionPose,
    describe,
    slr_zone,
    supine_leg_points,
    tension_index,
)


def test_window_is_facts_b8():
    """A positive straight-leg raise is defined between 30° and 70° (FACTS B8)."""
    assert SLR_WINDOW_DEG == (30.0, 70.0)


@pytest.mark.parametrize(
    "hip, knee, zone",
    [(0, 0, "below"), (29, 0, "below"), (30, 0, "inside"), (50, 5, "inside"), (70, 0, "inside"),
     (71, 0, "above"), (90, 0, "above"), (50, 6, "knee bent"), (90, 90, "knee bent")],
)
def test_slr_zone(hip, knee, zone):
    """The zone follows the hip angle only while the knee is straight."""
    assert slr_zone(NerveTensionPose(hip, knee)) == zone


def test_index_is_one_for_a_straight_leg_at_70_degrees():
    """The index is scaled so that a straight leg at the top of the window reads 1.0."""
    assert tension_index(NerveTensionPose(hip_flexion_deg=70)) == pytest.approx(1.0)
    assert tension_index(NerveTensionPose()) == 0.0


@pytest.mark.parametrize("sensitiser", ["ankle_dorsiflexion_deg", "neck_flexion_deg"])
@pytest.mark.parametrize("hip", [30, 50, 70])
def test_dorsiflexion_and_neck_flexion_sensitise(sensitiser, hip):
    """At the same hip angle, pulling the toes up or
    bending the neck raises the index (FACTS B8)."""
    plain = tension_index(NerveTensionPose(hip_flexion_deg=hip))
    high = ANGLE_RANGES_DEG[sensitiser][1]
    assert tension_index(NerveTensionPose(hip_flexion_deg=hip, **{sensitiser: high})) > plain


def test_plantarflexion_lowers_the_index():
    """Pointing the toes gives the nerve back some length: the opposite of the sensitiser."""
    assert tension_index(NerveTensionPose(50, ankle_dorsiflexion_deg=-30)) < tension_index(
        NerveTensionPose(50)
    )


@pytest.mark.parametrize("hip", [30, 60, 90])
def test_bending_the_knee_slackens_the_nerve(hip):
    """More knee flexion never raises the index, and hip = knee flexion is slack (FACTS C7)."""
    values = [tension_index(NerveTensionPose(hip, knee)) for knee in range(0, 136, 15)]
    assert values == sorted(values, reverse=True)
    assert tension_index(NerveTensionPose(hip, hip)) == 0.0


def test_bent_knee_stretch_is_slacker_than_a_straight_knee_hamstring_stretch():
    """Hip 90°/knee 90° (as in lesson 4's stretches) is
    slacker than a straight leg at 70° with toes up (C7)."""
    bent = tension_index(NerveTensionPose(90, 90))
    straight = tension_index(NerveTensionPose(70, 0, ankle_dorsiflexion_deg=20))
    assert bent < straight


@pytest.mark.parametrize("name, low, high", [(n, *r) for n, r in ANGLE_RANGES_DEG.items()])
def test_angles_outside_their_range_raise_the_course_error(name, low, high):
    """Angles outside the slider ranges are refused, naming the angle and the range."""
    for bad in (low - 1, high + 1):
        with pytest.raises(OutOfRangeError, match=name):
            NerveTensionPose(**{name: bad})
    with pytest.raises(OutOfRangeError):
        NerveTensionPose(**{name: math.nan})


def test_readout_labels_the_index_a_teaching_model():
    """The words always say the index is dimensionless and a teaching model, not a measurement."""
    text = describe(NerveTensionPose(60, 0, 10, 20))
    assert MODEL_LABEL == "a teaching model, not a measurement"
    assert MODEL_LABEL in text and "dimensionless" in text
    assert "Ankle dorsiflexion and neck flexion add tension from the ends" in text


def test_supine_leg_geometry_follows_winter_fractions():
    """Thigh and shank lengths are 0.245 H and 0.246 H (FACTS A13) in every pose."""
    p = supine_leg_points(NerveTensionPose(40, 30, 10, 20), height_m=1.75)
    assert math.dist(p["hip"], p["knee"]) == pytest.approx(0.245 * 1.75)
    assert math.dist(p["knee"], p["ankle"]) == pytest.approx(0.246 * 1.75)
