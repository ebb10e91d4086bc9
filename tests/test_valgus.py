"""Tests for lessons/valgus/model.py: the knee's front-view angle against hand-worked geometry."""

from __future__ import annotations

import math

import pytest

from lessons.core.errors import OutOfRangeError
from lessons.valgus.model import PRONATION_COUPLING, describe_valgus, knee_projection


def _rotation_only_angle(knee_deg: float, rotation_deg: float) -> float:
    """Front-view angle worked by hand (Rodrigues'
    rotation of an upright shin about the thigh axis).

    With the hip flexed as much as the knee, the knee sits straight below the hip
    in the front view; turning the thigh in by r swings the ankle outward by
    L·sin k·sin r while it rises to L·(cos r + cos² k·(1 − cos r)) below the knee.
    """
    k, r = math.radians(knee_deg), math.radians(rotation_deg)
    sideways = math.sin(k) * math.sin(r)
    down = math.cos(r) + math.cos(k) ** 2 * (1 - math.cos(r))
    return math.degrees(math.atan2(sideways, down))


@pytest.mark.parametrize("knee_deg", [15, 30, 45, 60])
@pytest.mark.parametrize("rotation_deg", [-30, -10, 5, 10, 20, 30])
def test_thigh_rotation_matches_the_hand_worked_angle(knee_deg, rotation_deg):
    """Turning the thigh in by r at knee flexion k gives
    atan(sin k sin r / (cos r + cos²k (1 − cos r)))."""
    view = knee_projection(knee_deg, hip_internal_rotation_deg=rotation_deg)
    assert view.frontal_angle_deg == pytest.approx(
        _rotation_only_angle(knee_deg, rotation_deg), abs=1e-6
    )


@pytest.mark.parametrize(
    ("adduction", "rotation"), [(20, 0), (-20, 0), (0, 30), (0, -30), (15, 25)]
)
def test_a_straight_leg_stays_straight_from_the_front(adduction, rotation):
    """With the knee straight, no hip movement bends the hip-knee-ankle line: the angle is 0°."""
    view = knee_projection(0, adduction, rotation)
    assert view.frontal_angle_deg == pytest.approx(0, abs=1e-9)
    assert view.knee_offset_cm == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize("knee_deg", [0, 20, 45, 60])
def test_a_neutral_hip_keeps_the_knee_on_the_line_at_any_depth(knee_deg):
    """With no hip adduction or rotation, hip, knee and
    ankle stay in one straight line from the front."""
    assert knee_projection(knee_deg).frontal_angle_deg == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize(
    ("adduction", "rotation", "sign"),
    [(10, 0, 1), (0, 10, 1), (10, 10, 1), (-10, 0, -1), (0, -10, -1), (-10, -10, -1)],
)
def test_adduction_and_internal_rotation_give_valgus_and_their_opposites_varus(
    adduction, rotation, sign
):
    """With a bent knee, hip adduction or internal rotation
    moves the knee inside the line (valgus, +)."""
    view = knee_projection(45, adduction, rotation)
    assert math.copysign(1, view.frontal_angle_deg) == sign
    assert math.copysign(1, view.knee_offset_cm) == sign


def test_valgus_grows_with_knee_bend_for_the_same_hip_movement():
    """The same 10° of adduction and internal rotation
    looks bigger from the front in a deeper squat."""
    angles = [knee_projection(k, 10, 10).frontal_angle_deg for k in (15, 30, 45, 60)]
    assert angles == sorted(angles) and angles[0] > 0


def test_left_and_right_legs_give_the_same_answer():
    """The angle and the offset are measured towards the midline, so both legs agree."""
    right = knee_projection(45, 10, 15, side="right")
    left = knee_projection(45, 10, 15, side="left")
    assert left.frontal_angle_deg == pytest.approx(right.frontal_angle_deg)
    assert left.knee == pytest.approx(right.knee) and left.hip == pytest.approx(right.hip)


def test_the_readout_gives_direction_and_size_without_a_threshold():
    """The words say inside or outside the line and how many degrees, and name no cut-off."""
    valgus = describe_valgus(knee_projection(45, 10, 10))
    assert (
        "4.3 cm inside the hip-to-ankle line" in valgus and "13.9° valgus (knee inward)" in valgus
    )
    assert "varus (knee outward)" in describe_valgus(knee_projection(45, -10, 0))
    assert "one straight line" in describe_valgus(knee_projection(45))
    assert "normal" not in valgus and "threshold" not in valgus


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"knee_flexion_deg": 61}, "knee_flexion_deg = 61° is outside 0° to 60°"),
        ({"hip_adduction_deg": 25}, "hip_adduction_deg = 25° is outside -20° to 20°"),
        (
            {"hip_internal_rotation_deg": -31},
            "hip_internal_rotation_deg = -31° is outside -30° to 30°",
        ),
        ({"height_m": 1.2}, "height_m = 1.2 m is outside"),
        ({"subtalar_pronation_deg": 11}, "subtalar_pronation_deg = 11° is outside -10° to 10°"),
    ],
)
def test_inputs_outside_the_model_raise_a_clear_error(kwargs, message):
    """Values outside the model's ranges raise OutOfRangeError naming the value and the range."""
    with pytest.raises(OutOfRangeError, match=message):
        knee_projection(**kwargs)


@pytest.mark.parametrize(
    ("knee_deg", "pronation_deg"), [(45, 10), (45, -10), (30, 6), (60, 4), (0, 10)]
)
def test_foot_pronation_turns_the_thigh_in_by_the_chosen_coupling(knee_deg, pronation_deg):
    """FACTS A10c: pronation couples with tibial and femoral internal rotation; the size is
    the module's chosen teaching value, so p degrees at the foot act as coupling x p at the hip."""
    from_foot = knee_projection(knee_deg, subtalar_pronation_deg=pronation_deg)
    turned = PRONATION_COUPLING * pronation_deg
    from_hip = knee_projection(knee_deg, hip_internal_rotation_deg=turned)
    assert from_foot.frontal_angle_deg == pytest.approx(from_hip.frontal_angle_deg)
    assert from_foot.frontal_angle_deg == pytest.approx(
        _rotation_only_angle(knee_deg, turned), abs=1e-9
    )


def test_pronation_adds_to_valgus_and_the_readout_calls_it_a_teaching_model():
    """Rolling the foot in adds valgus to a turned-in hip; the readout says the number is chosen."""
    hip_only = knee_projection(45, hip_internal_rotation_deg=10)
    with_foot = knee_projection(45, hip_internal_rotation_deg=10, subtalar_pronation_deg=8)
    assert with_foot.frontal_angle_deg > hip_only.frontal_angle_deg > 0
    text = describe_valgus(with_foot)
    assert "Foot: 8° pronation (rolled in), turning the thigh 4.0° in" in text
    assert "teaching model" in text and "FACTS A10c gives the direction, no number" in text
    assert "Foot:" not in describe_valgus(hip_only)
