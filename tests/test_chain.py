"""Tests for lessons/chain/model.py: the closed-chain solution against hand-worked geometry."""

from __future__ import annotations

import itertools
import math

import pytest

from lessons.chain.model import describe_chain, solve_chain
from lessons.core.errors import OutOfRangeError
from lessons.limb.model import JointAngles, limb_pose

H = 1.75
THIGH, SHANK, ANKLE_H = 0.245 * H, 0.246 * H, 0.039 * H  # FACTS A13
HIP_Z = 0.530 * H


def _in_reach(drop_cm: float, shift_cm: float) -> bool:
    return math.hypot(shift_cm / 100, HIP_Z - drop_cm / 100 - ANKLE_H) <= THIGH + SHANK


#: Pelvis positions (drop, shift in cm) the bent leg can reach with the foot flat.
GRID = [
    (drop, shift)
    for drop in (0, 5, 15, 30, 45, 60)
    for shift in (-30, -15, 0, 15)
    if _in_reach(drop, shift)
]


def _knee_by_law_of_cosines(drop_cm: float, shift_cm: float) -> float:
    """Knee flexion worked by hand: 180° minus the knee's
    inner angle in the hip-knee-ankle triangle."""
    reach = math.hypot(shift_cm / 100, HIP_Z - drop_cm / 100 - ANKLE_H)
    inner = math.acos((THIGH**2 + SHANK**2 - reach**2) / (2 * THIGH * SHANK))
    return 180 - math.degrees(inner)


def test_standing_is_straight_with_every_angle_zero():
    """With the pelvis at standing height above the ankle, hip, knee and ankle are all at 0°."""
    pose = solve_chain()
    assert (
        pose.hip_flexion_deg,
        pose.knee_flexion_deg,
        pose.ankle_dorsiflexion_deg,
    ) == pytest.approx((0, 0, 0), abs=1e-6)
    assert not pose.straight_leg_clamped and pose.beyond_range == ()
    assert pose.hip == pytest.approx((0.0, HIP_Z))


@pytest.mark.parametrize(("drop", "shift"), [(d, s) for d, s in GRID if (d, s) != (0, 0)])
def test_knee_flexion_matches_the_law_of_cosines(drop, shift):
    """Knee flexion is 180° minus the inner angle of
    the hip-knee-ankle triangle (FACTS A13 lengths)."""
    pose = solve_chain(drop, shift)
    assert pose.knee_flexion_deg == pytest.approx(_knee_by_law_of_cosines(drop, shift), abs=1e-6)


@pytest.mark.parametrize(("drop", "shift"), GRID)
def test_segments_keep_their_lengths_and_the_hip_lands_where_asked(drop, shift):
    """The thigh and shank keep Winter's lengths, and
    the hip is exactly where the pelvis was put."""
    pose = solve_chain(drop, shift)
    assert math.dist(pose.hip, pose.knee) == pytest.approx(THIGH)
    assert math.dist(pose.knee, pose.ankle) == pytest.approx(SHANK)
    assert pose.ankle == pytest.approx((0.0, ANKLE_H)) and pose.heel == (0.0, 0.0)
    assert pose.hip == pytest.approx((shift / 100, HIP_Z - drop / 100))


@pytest.mark.parametrize(("drop", "shift"), GRID)
def test_a_flat_foot_means_knee_flexion_is_hip_flexion_plus_ankle_dorsiflexion(drop, shift):
    """With the pelvis upright and the foot flat, knee
    flexion = hip flexion + ankle dorsiflexion."""
    pose = solve_chain(drop, shift)
    assert pose.knee_flexion_deg == pytest.approx(
        pose.hip_flexion_deg + pose.ankle_dorsiflexion_deg
    )
    assert pose.knee[0] >= -1e-9  # the knee bends forward, never backward


@pytest.mark.parametrize(("drop", "shift"), [(5, 0), (10, -10), (20, -20), (30, -30), (25, -25)])
def test_in_range_solutions_rebuild_the_same_leg_in_the_open_chain_model(drop, shift):
    """Fed back into lessons.limb.model, the solved angles
    put the knee and ankle where the chain put them."""
    pose = solve_chain(drop, shift, height_m=H)
    open_chain = limb_pose(pose.angles(), height_m=H)
    for name in ("knee", "ankle"):
        from_hip = (getattr(pose, name)[0] - pose.hip[0], getattr(pose, name)[1] - pose.hip[1])
        point = getattr(open_chain, name)
        assert (point[0] - open_chain.hip[0], point[2] - open_chain.hip[2]) == pytest.approx(
            from_hip
        )
    assert open_chain.heel[2] == pytest.approx(open_chain.toe[2])  # the foot is flat


@pytest.mark.parametrize(
    ("drop", "shift", "beyond"),
    [
        (0, 0, ()),
        (4, 0, ()),  # a shallow knee bend: the ankle has 20° to give (ANGLE_RANGES_DEG)
        (10, 0, ("ankle_dorsiflexion_deg",)),
        (20, 0, ("ankle_dorsiflexion_deg",)),
        (20, -20, ()),  # sitting back takes the demand off the ankle
        (30, -30, ()),
        (60, 0, ("knee_flexion_deg", "ankle_dorsiflexion_deg")),
    ],
)
def test_joints_past_their_usual_range_are_named(drop, shift, beyond):
    """The solution names every joint it asks for more
    than its usual range (ankle dorsiflexion 20°)."""
    assert solve_chain(drop, shift).beyond_range == beyond


def test_going_lower_with_the_pelvis_over_the_ankle_asks_more_of_the_ankle():
    """Lowering the pelvis straight down bends hip, knee and ankle more at every step."""
    poses = [solve_chain(drop) for drop in range(0, 61, 10)]
    for a, b in itertools.pairwise(poses):
        assert b.ankle_dorsiflexion_deg > a.ankle_dorsiflexion_deg
        assert b.knee_flexion_deg > a.knee_flexion_deg
        assert b.hip_flexion_deg > a.hip_flexion_deg


def test_sitting_back_shifts_the_bend_from_the_ankle_to_the_hip():
    """At one depth, moving the pelvis back lowers the ankle's share and raises the hip's."""
    forward, back = solve_chain(20, 0), solve_chain(20, -20)
    assert back.ankle_dorsiflexion_deg < forward.ankle_dorsiflexion_deg
    assert back.hip_flexion_deg > forward.hip_flexion_deg


@pytest.mark.parametrize(("drop", "shift"), [(-10, 0), (-1, 0), (0, 30), (0, -30), (-10, 20)])
def test_a_pelvis_out_of_reach_gives_a_straight_leg_pointing_where_asked(drop, shift):
    """Out of reach, the leg is straight (knee 0°), aimed at the target, and flagged as clamped."""
    pose = solve_chain(drop, shift)
    assert pose.straight_leg_clamped
    assert pose.knee_flexion_deg == pytest.approx(0, abs=1e-6)
    assert math.dist(pose.hip, pose.ankle) == pytest.approx(THIGH + SHANK)
    aim = math.atan2(shift / 100, HIP_Z - drop / 100 - ANKLE_H)
    assert math.atan2(pose.hip[0], pose.hip[1] - ANKLE_H) == pytest.approx(aim)
    assert "heel would have to rise" in describe_chain(pose)


def test_the_readout_explains_what_a_body_does_when_the_ankle_runs_out():
    """Past 20° of dorsiflexion the words say the heel must lift or the trunk lean forward."""
    text = describe_chain(solve_chain(20, 0))
    assert "The ankle would need 40° of dorsiflexion, past its usual 20°." in text
    assert "the heel must lift, or the trunk lean forward" in text
    assert "⚠" not in describe_chain(solve_chain(20, -20))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"pelvis_drop_cm": 61}, "pelvis_drop_cm = 61 cm is outside -10 cm to 60 cm"),
        ({"pelvis_shift_cm": -31}, "pelvis_shift_cm = -31 cm is outside -30 cm to 30 cm"),
        ({"pelvis_drop_cm": float("nan")}, r"pelvis_drop_cm is not a number \(NaN\)"),
        ({"height_m": 2.5}, "height_m = 2.5 m is outside 1.4 m to 2.1 m"),
    ],
)
def test_inputs_outside_the_model_raise_a_clear_error(kwargs, message):
    """Values outside the model's ranges raise OutOfRangeError naming the value and the range."""
    with pytest.raises(OutOfRangeError, match=message):
        solve_chain(**kwargs)


def test_past_range_angles_cannot_be_turned_into_limb_angles():
    """A solution past a joint's range is refused by
    JointAngles, as the open-chain model refuses it."""
    with pytest.raises(OutOfRangeError, match="ankle_dorsiflexion_deg"):
        solve_chain(20, 0).angles()
    assert isinstance(solve_chain(20, -20).angles(), JointAngles)


@pytest.mark.parametrize(
    ("drop", "shift", "below"), [(60, 30, True), (55, 25, True), (60, -30, False), (30, 30, False)]
)
def test_a_knee_pushed_below_the_floor_is_flagged_as_impossible(drop, shift, below):
    """Very low and far forward, the knee would have
    to pass through the floor: the model says so."""
    pose = solve_chain(drop, shift)
    assert pose.knee_below_floor is below and (pose.knee[1] < 0) is below
    assert ("below the floor" in describe_chain(pose)) is below
