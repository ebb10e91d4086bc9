"""Tests for lessons/sleep_posture.py: the side-lying
adduction model (FACTS D4) and the back-lying pillow."""

from __future__ import annotations

import math

import pytest

from lessons.errors import OutOfRangeError
from lessons.sleep_posture import (
    NORMAL_ADDUCTION_DEG,
    SIDE_DEFAULTS,
    back_lying,
    describe_back_lying,
    describe_side_lying,
    side_lying,
    top_hip_adduction_deg,
)

H = 1.75
THIGH_CM = 0.245 * H * 100  # FACTS A13
CORNERS = [(d, k) for d in (17.0, 19.0) for k in (8.0, 12.0)]  # D 17-19 cm (A13), k 8-12 cm (D4)


def _band(pillow_cm: float) -> tuple[float, float]:
    angles = [top_hip_adduction_deg(H, d, k, pillow_cm) for d, k in CORNERS]
    return min(angles), max(angles)


# FACTS D4 for H = 1.75 m: no pillow about 7-15 degrees, 5 cm about 0-8 degrees.
@pytest.mark.parametrize(("pillow_cm", "low_deg", "high_deg"), [(0.0, 7.0, 15.0), (5.0, 0.0, 8.0)])
def test_adduction_band_matches_facts_d4(pillow_cm, low_deg, high_deg):
    """Over D = 17-19 cm and k = 8-12 cm the model spans FACTS D4's band, to the nearest degree."""
    low, high = _band(pillow_cm)
    assert low == pytest.approx(low_deg, abs=0.5)
    assert high == pytest.approx(high_deg, abs=0.5)


def test_ten_centimetre_pillow_is_about_neutral():
    """A 10 cm pillow brings the typical adult near
    neutral and the D4 band straddles 0° (FACTS D4)."""
    low, high = _band(10.0)
    assert low < 0 < high
    assert side_lying(pillow_cm=10.0).state == "near neutral"


@pytest.mark.parametrize(
    ("hip_spacing_cm", "knee_gap_cm", "pillow_cm"),
    [(18, 10, 0), (17, 12, 5), (19, 8, 10), (24, 6, 3), (12, 14, 20)],
)
def test_formula_is_facts_d4(hip_spacing_cm, knee_gap_cm, pillow_cm):
    """The angle is asin((D − k − t) / (0.245 H)), exactly as FACTS D4 gives it."""
    expected = math.degrees(math.asin((hip_spacing_cm - knee_gap_cm - pillow_cm) / THIGH_CM))
    assert top_hip_adduction_deg(H, hip_spacing_cm, knee_gap_cm, pillow_cm) == pytest.approx(
        expected
    )


@pytest.mark.parametrize(
    ("pillow_cm", "state"), [(0, "adducted"), (8, "near neutral"), (15, "abducted")]
)
def test_state_names_adduction_neutral_and_abduction(pillow_cm, state):
    """A thin pillow leaves adduction, D − k gives neutral, a thicker one gives abduction."""
    assert side_lying(pillow_cm=pillow_cm).state == state


def test_pillow_for_neutral_is_hip_spacing_minus_knee_gap():
    """The neutral pillow is D − k, and at that thickness the angle is zero."""
    pose = side_lying(hip_spacing_cm=19, knee_gap_cm=11)
    assert pose.pillow_for_neutral_cm == pytest.approx(8)
    assert side_lying(
        hip_spacing_cm=19, knee_gap_cm=11, pillow_cm=8
    ).adduction_deg == pytest.approx(0)


@pytest.mark.parametrize("pillow_cm", [0.0, 4.0, 8.0, 12.0, 20.0])
def test_pelvic_tilt_closes_the_same_gap(pillow_cm):
    """With the hip neutral and the pelvis tilted φ,
    the top knee lands k + t above the bottom one."""
    pose = side_lying(pillow_cm=pillow_cm)
    phi = math.radians(pose.pelvic_tilt_deg)
    knee_height = pose.hip_spacing_cm * math.cos(phi) - pose.thigh_cm * math.sin(phi)
    assert knee_height == pytest.approx(pose.knee_gap_cm + pillow_cm)
    if abs(pose.adduction_deg) < 15:  # small angles: the same drop, one joint higher
        assert pose.pelvic_tilt_deg == pytest.approx(pose.adduction_deg, abs=1.0)


def test_taller_people_adduct_less_for_the_same_gap():
    """A longer thigh (0.245 H) turns the same knee drop into a smaller angle."""
    assert side_lying(height_m=1.95).adduction_deg < side_lying(height_m=1.55).adduction_deg


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("height_m", 2.5),
        ("hip_spacing_cm", 40),
        ("knee_gap_cm", 2),
        ("pillow_cm", -1),
        ("pillow_cm", float("nan")),
    ],
)
def test_out_of_range_inputs_raise_a_course_error(name, value):
    """Inputs outside the model's range raise OutOfRangeError naming the input."""
    with pytest.raises(OutOfRangeError, match=name):
        side_lying(**{**SIDE_DEFAULTS, name: value})


def test_readout_states_angle_tilt_and_model_label():
    """The default readout gives the adduction, the implied tilt and says it is a model."""
    text = describe_side_lying(side_lying())
    assert text.startswith("Top hip: 11° adduction")
    assert "about a third of the usual 30° adduction range" in text
    assert "pelvis would tilt about 10° sideways" in text
    assert "model, not a measurement" in text


def test_readout_explains_a_pillow_thicker_than_the_gap():
    """A pillow thicker than D − k is named as abduction, with the reason."""
    text = describe_side_lying(side_lying(pillow_cm=18))
    assert "abduction" in text.splitlines()[0]
    assert "thicker than the 8 cm gap" in text


def test_readout_explains_impossible_extremes():
    """Beyond the usual 30° adduction range the readout says a real hip would stop sooner."""
    pose = side_lying(height_m=1.40, hip_spacing_cm=26, knee_gap_cm=6)
    assert pose.adduction_deg > NORMAL_ADDUCTION_DEG
    assert "beyond the usual range" in describe_side_lying(pose)
    wide_knees = describe_side_lying(side_lying(hip_spacing_cm=12, knee_gap_cm=14))
    assert "No pillow can bring the top leg to neutral" in wide_knees


# Back-lying: hip flexion asin(p / thigh), knee flexion
# that plus asin(p / shank), FACTS A13 lengths.
@pytest.mark.parametrize(
    ("pillow_cm", "hip_deg", "knee_deg"), [(0, 0.0, 0.0), (10, 13.5, 26.9), (20, 27.8, 55.4)]
)
def test_back_lying_pillow_bends_hip_and_knee(pillow_cm, hip_deg, knee_deg):
    """A pillow under the knees flexes hip and knee by
    the model's geometry, with limb.py's segments."""
    pose = back_lying(H, pillow_cm)
    assert pose.hip_flexion_deg == pytest.approx(hip_deg, abs=0.1)
    assert pose.knee_flexion_deg == pytest.approx(knee_deg, abs=0.1)


def test_back_lying_points_keep_hip_and_ankle_on_the_bed():
    """The knee is lifted by the pillow height and the ankle comes back down to the hip's level."""
    points = back_lying(H, 12).points()
    assert points["knee"][1] == pytest.approx(12)
    assert points["ankle"][1] == pytest.approx(0, abs=1e-9)


def test_knee_replacement_note_says_nothing_under_the_knee():
    """With the knee-replacement note on, the readout says NOTHING under the knee (FACTS D5)."""
    assert "NOTHING under the knee" in describe_back_lying(
        back_lying(pillow_cm=8), knee_replacement=True
    )
    assert "NOTHING" not in describe_back_lying(back_lying(pillow_cm=8))
    flat = describe_back_lying(back_lying(pillow_cm=0), knee_replacement=True)
    assert "nothing under the knee, as here" in flat


def test_quiz_numeric_answers_match_the_live_model():
    """The quiz's two explorer questions are answered by
    the side-lying model at its defaults (FACTS D4)."""
    from lessons.quiz import load_bank

    questions = {q.id: q for q in load_bank("05-sleep-posture").questions}
    pose = side_lying(**SIDE_DEFAULTS)
    assert questions["adduction-no-pillow"].answer == pytest.approx(pose.adduction_deg, abs=0.05)
    assert questions["pillow-for-neutral"].answer == pytest.approx(pose.pillow_for_neutral_cm)
