"""Tests for lessons/limb/model.py: joint positions against hand-computed geometry."""

from __future__ import annotations

import math

import pytest

from lessons.core.errors import CourseError, OutOfRangeError
from lessons.limb.model import (
    ANGLE_RANGES_DEG,
    JointAngles,
    anthropometry,
    describe,
    limb_pose,
)

H = 1.75
THIGH, SHANK, ANKLE_H, FOOT = 0.245 * H, 0.246 * H, 0.039 * H, 0.152 * H
HIP_Z = THIGH + SHANK + ANKLE_H
HALF = 0.09  # half of the default 18 cm hip-centre spacing (FACTS A13: 17-19 cm)
S45 = math.sin(math.radians(45))
S30, C30 = math.sin(math.radians(30)), math.cos(math.radians(30))


@pytest.mark.parametrize(
    ("fraction_name", "fraction"),
    [("thigh_m", 0.245), ("shank_m", 0.246), ("ankle_height_m", 0.039), ("foot_length_m", 0.152)],
)
def test_segment_lengths_are_winters_fractions_of_height(fraction_name, fraction):
    """Each segment is Winter's fraction of body height (FACTS A13)."""
    assert getattr(anthropometry(1.6), fraction_name) == pytest.approx(fraction * 1.6)


def test_standing_hip_and_knee_heights_match_winter():
    """Standing, the hip is 0.530 H and the knee 0.285 H above the floor (FACTS A13)."""
    pose = limb_pose(height_m=H)
    assert pose.hip[2] == pytest.approx(0.530 * H)
    assert pose.knee[2] == pytest.approx(0.285 * H)
    assert pose.ankle[2] == pytest.approx(0.039 * H)


# (angles, landmark, expected x forward, y left, z up), all worked by hand for a right leg.
CASES = [
    ({}, "knee", (0.0, -HALF, HIP_Z - THIGH)),
    ({}, "heel", (0.0, -HALF, 0.0)),
    ({}, "toe", (FOOT, -HALF, 0.0)),
    ({"hip_flexion_deg": 90}, "knee", (THIGH, -HALF, HIP_Z)),
    ({"hip_flexion_deg": 90}, "ankle", (THIGH + SHANK, -HALF, HIP_Z)),
    ({"hip_flexion_deg": -30}, "knee", (-THIGH * S30, -HALF, HIP_Z - THIGH * C30)),
    ({"hip_flexion_deg": 90, "knee_flexion_deg": 90}, "ankle", (THIGH, -HALF, HIP_Z - SHANK)),
    ({"knee_flexion_deg": 90}, "ankle", (-SHANK, -HALF, HIP_Z - THIGH)),
    ({"hip_abduction_deg": 45}, "knee", (0.0, -HALF - THIGH * S45, HIP_Z - THIGH * S45)),
    ({"hip_abduction_deg": -30}, "knee", (0.0, -HALF + THIGH * S30, HIP_Z - THIGH * C30)),
    # Sitting with the hip turned in, the foot swings outward (laterally), and the knee stays put.
    (
        {"hip_flexion_deg": 90, "knee_flexion_deg": 90, "hip_rotation_deg": 45},
        "ankle",
        (THIGH, -HALF - SHANK * S45, HIP_Z - SHANK * S45),
    ),
    (
        {"hip_flexion_deg": 90, "knee_flexion_deg": 90, "hip_rotation_deg": -45},
        "ankle",
        (THIGH, -HALF + SHANK * S45, HIP_Z - SHANK * S45),
    ),
    ({"hip_flexion_deg": 90, "hip_rotation_deg": 45}, "knee", (THIGH, -HALF, HIP_Z)),
    # With a straight knee, rotation turns the leg about its own axis: the ankle does not move.
    ({"hip_rotation_deg": 45}, "ankle", (0.0, -HALF, ANKLE_H)),
    ({"ankle_dorsiflexion_deg": 20}, "toe", (
        ANKLE_H * math.sin(math.radians(20)) + FOOT * math.cos(math.radians(20)),
        -HALF,
        ANKLE_H - ANKLE_H * math.cos(math.radians(20)) + FOOT * math.sin(math.radians(20)),
    )),
    ({"ankle_dorsiflexion_deg": -50}, "toe", (
        -ANKLE_H * math.sin(math.radians(50)) + FOOT * math.cos(math.radians(50)),
        -HALF,
        ANKLE_H - ANKLE_H * math.cos(math.radians(50)) - FOOT * math.sin(math.radians(50)),
    )),
]


@pytest.mark.parametrize(("angles", "landmark", "expected"), CASES)
def test_landmarks_match_hand_computed_positions(angles, landmark, expected):
    """Every landmark lands where the hand-worked geometry puts it, to a tenth of a millimetre."""
    pose = limb_pose(JointAngles(**angles), height_m=H)
    assert getattr(pose, landmark) == pytest.approx(expected, abs=1e-4)


def test_left_leg_mirrors_right_leg():
    """The left leg is the mirror image of the right across the midline (y -> -y)."""
    angles = JointAngles(hip_flexion_deg=40, hip_abduction_deg=20, hip_rotation_deg=30,
                         knee_flexion_deg=60, ankle_dorsiflexion_deg=10)
    right, left = limb_pose(angles, side="right"), limb_pose(angles, side="left")
    for name in ("hip", "knee", "ankle", "heel", "toe"):
        r, lft = getattr(right, name), getattr(left, name)
        assert lft == pytest.approx((r[0], -r[1], r[2]))


@pytest.mark.parametrize("name", list(ANGLE_RANGES_DEG))
def test_segment_lengths_never_change_with_angles(name):
    """Rigid segments: at each extreme of each joint the thigh and shank keep their lengths."""
    for value in ANGLE_RANGES_DEG[name]:
        pose = limb_pose(JointAngles(**{name: value}), height_m=H)
        assert math.dist(pose.hip, pose.knee) == pytest.approx(THIGH)
        assert math.dist(pose.knee, pose.ankle) == pytest.approx(SHANK)
        assert math.dist(pose.heel, pose.toe) == pytest.approx(FOOT)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"knee_flexion_deg": -1}, "knee_flexion_deg = -1° is outside 0° to 135°"),
        ({"hip_flexion_deg": 121}, "hip_flexion_deg = 121° is outside -30° to 120°"),
        ({"hip_abduction_deg": -31}, "hip_abduction_deg = -31° is outside -30° to 45°"),
        ({"hip_rotation_deg": 46}, "hip_rotation_deg = 46° is outside -45° to 45°"),
        ({"ankle_dorsiflexion_deg": 25}, "ankle_dorsiflexion_deg = 25° is outside -50° to 20°"),
        ({"knee_flexion_deg": float("nan")}, r"knee_flexion_deg is not a number \(NaN\)"),
    ],
)
def test_angles_outside_their_range_raise_a_clear_error(kwargs, message):
    """An angle outside the joint's range raises OutOfRangeError naming the angle and the range."""
    with pytest.raises(OutOfRangeError, match=message):
        JointAngles(**kwargs)


@pytest.mark.parametrize("height_m", [1.39, 2.11, 0.0, float("inf")])
def test_heights_outside_the_adult_range_are_refused(height_m):
    """Body heights outside 1.40-2.10 m raise a CourseError that says the valid range."""
    with pytest.raises(CourseError, match="1.4 m to 2.1 m"):
        anthropometry(height_m)


def test_the_extremes_of_every_range_are_accepted():
    """The slider ends themselves are valid poses (no error at a slider's extreme)."""
    lows = {name: low for name, (low, _) in ANGLE_RANGES_DEG.items()}
    highs = {name: high for name, (_, high) in ANGLE_RANGES_DEG.items()}
    limb_pose(JointAngles(**lows), height_m=1.40)
    limb_pose(JointAngles(**highs), height_m=2.10)


def test_description_names_every_angle_in_words():
    """The readout text names each joint's angle with its direction."""
    text = describe(limb_pose(JointAngles(hip_flexion_deg=-20, hip_abduction_deg=-10,
                                          hip_rotation_deg=-15, knee_flexion_deg=30,
                                          ankle_dorsiflexion_deg=-40)))
    for phrase in ("20° extension", "10° adduction", "15° external rotation", "Knee: 30° flexion",
                   "40° plantarflexion (toes down)", "behind the hip"):
        assert phrase in text
