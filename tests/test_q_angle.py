"""Tests for lessons/q_angle/model.py: the Q-angle from its
landmarks, against hand-worked geometry and FACTS A11."""

from __future__ import annotations

import math

import pytest

from lessons.core.errors import OutOfRangeError
from lessons.q_angle.model import REPORTED, describe_q_angle, q_angle

H = 1.75


def _by_hand(width_cm: float, knee_in_cm: float, tendon_deg: float) -> float:
    """Q-angle worked by hand: the ASIS-kneecap line's slope plus the tendon's outward lean.

    ASIS at half the width from the midline, 30 % of the width above the hip centre
    (0.530 H); kneecap 9 cm from the midline less the inward shift, at 0.285 H (FACTS A13).
    """
    w = width_cm / 100
    sideways = w / 2 - (0.09 - knee_in_cm / 100)
    down = 0.530 * H + 0.30 * w - 0.285 * H
    return math.degrees(math.atan2(sideways, down)) + tendon_deg


@pytest.mark.parametrize("width", [20, 25, 30, 36])
@pytest.mark.parametrize("knee_in", [-5, 0, 3])
@pytest.mark.parametrize("tendon", [-10, 0, 7, 20])
def test_q_angle_matches_the_hand_worked_geometry(width, knee_in, tendon):
    """The Q-angle is the ASIS-kneecap line's slope
    plus the kneecap-tuberosity line's outward lean."""
    assert q_angle(width, knee_in, tendon).q_angle_deg == pytest.approx(
        _by_hand(width, knee_in, tendon)
    )


def test_the_default_leg_sits_on_the_mens_reported_mean():
    """The defaults give 11.0°, the men's supine mean
    (FACTS A11; the tendon lean is set to that end)."""
    assert q_angle().q_angle_deg == pytest.approx(REPORTED["men"]["mean"], abs=0.05)


def test_the_default_asis_width_puts_the_hip_centres_18_cm_apart():
    """With 25 cm between the ASIS and each hip centre 14 % of
    that medial, the centres are 18 cm apart (FACTS A13)."""
    assert 2 * q_angle().hip[0] == pytest.approx(0.18)


@pytest.mark.parametrize(
    ("name", "low", "high"),
    [("asis_width_cm", 22, 32), ("knee_inward_cm", -3, 3), ("tendon_outward_deg", 0, 12)],
)
def test_a_wider_pelvis_knees_drawn_in_and_an_outward_tuberosity_each_raise_the_angle(
    name, low, high
):
    """Each landmark that moves the lines apart makes the Q-angle bigger."""
    assert q_angle(**{name: high}).q_angle_deg > q_angle(**{name: low}).q_angle_deg


def test_a_few_millimetres_at_the_tuberosity_change_the_angle_by_degrees():
    """Moving the tuberosity 5 mm sideways (on a 6 cm line) changes the Q-angle by about 5°."""
    lean = math.degrees(math.asin(0.005 / 0.06))
    change = q_angle(tendon_outward_deg=7 + lean).q_angle_deg - q_angle().q_angle_deg
    assert change == pytest.approx(lean) and 4.5 < change < 5.0


@pytest.mark.parametrize(
    ("width", "tendon", "men", "women"),
    [
        (25, 7, "inside the 8–14° quoted for men", "inside the 11–20° quoted for women"),
        (25, 2, "below the 8–14° quoted for men", "below the 11–20° quoted for women"),
        (30, 7, "inside the 8–14° quoted for men", "inside the 11–20° quoted for women"),
        (30, 12, "above the 8–14° quoted for men", "inside the 11–20° quoted for women"),
        (36, 20, "above the 8–14° quoted for men", "above the 11–20° quoted for women"),
    ],
)
def test_the_readout_places_the_angle_against_the_ranges_quoted_for_men_and_women(
    width, tendon, men, women
):
    """The words compare the angle with the quoted
    ranges, ≈ 8–14° men and 11–20° women (FACTS A11)."""
    text = describe_q_angle(q_angle(width, 0, tendon))
    assert men in text and women in text
    assert "men 11.0° ± 1.8, women 14.5° ± 2.0" in text


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"asis_width_cm": 19}, "asis_width_cm = 19 cm is outside 20 cm to 36 cm"),
        ({"knee_inward_cm": 6}, "knee_inward_cm = 6 cm is outside -5 cm to 5 cm"),
        ({"tendon_outward_deg": 21}, "tendon_outward_deg = 21° is outside -10° to 20°"),
        ({"height_m": float("inf")}, "height_m = inf is far outside"),
    ],
)
def test_inputs_outside_the_model_raise_a_clear_error(kwargs, message):
    """Values outside the model's ranges raise OutOfRangeError naming the value and the range."""
    with pytest.raises(OutOfRangeError, match=message):
        q_angle(**kwargs)
