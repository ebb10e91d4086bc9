"""Solve the closed kinetic chain: with the foot planted flat, where the pelvis goes sets every
joint angle.

In :mod:`lessons.limb.model` the pelvis is held still and the leg swings freely
(an *open* chain). Here the foot is planted flat on the floor (a *closed*
chain): the learner moves the pelvis — down, forward or back — and the hip,
knee and ankle angles follow. With the foot fixed and the thigh and shank of
fixed length, the knee can sit in only one place (two-link inverse
kinematics, the knee bending forward), so each pelvis position gives exactly
one set of angles.

Assumptions, kept simple on purpose:

- the movement is in the sagittal plane (a two-legged squat seen from the side);
- the pelvis stays upright (no forward or backward tilt), so hip flexion is the
  thigh's angle from the vertical;
- the foot stays flat, so ankle dorsiflexion is the shin's forward lean;
- segment lengths are Winter's fractions of height (FACTS A13), as in :mod:`lessons.limb.model`.

The solution is reported even when it asks a joint for more than its usual
range (``ANGLE_RANGES_DEG`` of :mod:`lessons.limb.model`): that is the lesson. The
ankle's 20° of dorsiflexion runs out first in a deep squat with the heel down,
and :func:`describe_chain` says what a real body does then.

Coordinates are metres in a floor frame seen from the right side: ``x``
forward from the ankle, ``z`` up from the floor.

Worked example: lower the pelvis 20 cm straight down from standing.

>>> pose = solve_chain(pelvis_drop_cm=20)
>>> round(pose.hip_flexion_deg), round(pose.knee_flexion_deg), round(pose.ankle_dorsiflexion_deg)
(40, 80, 40)
>>> pose.beyond_range
('ankle_dorsiflexion_deg',)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lessons.core.errors import check_kind, check_range
from lessons.limb.model import (
    ANGLE_RANGES_DEG,
    HEIGHT_RANGE_M,
    Anthropometry,
    JointAngles,
    anthropometry,
)

__all__ = [
    "ChainPose",
    "PELVIS_DROP_RANGE_CM",
    "PELVIS_SHIFT_RANGE_CM",
    "describe_chain",
    "solve_chain",
]

#: How far the pelvis may be lowered from standing, in cm (negative = raised above standing).
PELVIS_DROP_RANGE_CM = (-10.0, 60.0)
#: How far the pelvis may move forward (+) or back (−) of the planted ankle, in cm.
PELVIS_SHIFT_RANGE_CM = (-30.0, 30.0)

_JOINT_WORDS = {
    "hip_flexion_deg": ("hip", "flexion", "extension"),
    "knee_flexion_deg": ("knee", "flexion", "extension"),
    "ankle_dorsiflexion_deg": ("ankle", "dorsiflexion", "plantarflexion"),
}

Point = tuple[float, float]


@dataclass(frozen=True)
class ChainPose:
    """One closed-chain solution: the joint angles (degrees) and landmarks (metres, floor frame).

    The angles are what the geometry demands, even past a joint's usual range;
    ``beyond_range`` names those joints, ``straight_leg_clamped`` says the
    pelvis was asked to go further than the straight leg can reach, and
    ``knee_below_floor`` that the position is impossible for a real body.
    """

    body: Anthropometry
    pelvis_drop_cm: float
    pelvis_shift_cm: float
    hip_flexion_deg: float
    knee_flexion_deg: float
    ankle_dorsiflexion_deg: float
    straight_leg_clamped: bool
    beyond_range: tuple[str, ...]
    #: The geometry puts the knee below the floor: no real body can take this pelvis position.
    knee_below_floor: bool
    hip: Point
    knee: Point
    ankle: Point
    heel: Point
    toe: Point

    def angles(self) -> JointAngles:
        """The solution as :class:`lessons.limb.model.JointAngles` (raises if a joint is past its
        range)."""
        return JointAngles(
            hip_flexion_deg=self.hip_flexion_deg,
            knee_flexion_deg=self.knee_flexion_deg,
            ankle_dorsiflexion_deg=self.ankle_dorsiflexion_deg,
        )


def solve_chain(
    pelvis_drop_cm: float = 0.0, pelvis_shift_cm: float = 0.0, height_m: float = 1.75
) -> ChainPose:
    """Find the hip, knee and ankle angles that put the pelvis where asked, the foot flat.

    Args:
        pelvis_drop_cm: how far the hip joint centre is lowered from its standing
            height (0.530 of body height, FACTS A13), in cm; negative raises it.
        pelvis_shift_cm: how far the hip joint centre is in front of (+) or behind (−)
            the planted ankle, in cm.
        height_m: body height in metres; segment lengths follow it (FACTS A13).

    Returns:
        A :class:`ChainPose`. If the pelvis is out of the leg's reach, the leg is
        straight and points at the asked-for place, and ``straight_leg_clamped`` is true.

    Sitting back (pelvis behind the ankle) takes load off the ankle and asks more of the hip:

    >>> back = solve_chain(pelvis_drop_cm=20, pelvis_shift_cm=-20)
    >>> [round(back.hip_flexion_deg), round(back.knee_flexion_deg),
    ...  round(back.ankle_dorsiflexion_deg)]
    [54, 73, 20]
    >>> back.beyond_range
    ()
    """
    pelvis_drop_cm = check_range("pelvis_drop_cm", pelvis_drop_cm, *PELVIS_DROP_RANGE_CM, " cm")
    pelvis_shift_cm = check_range("pelvis_shift_cm", pelvis_shift_cm, *PELVIS_SHIFT_RANGE_CM, " cm")
    height_m = check_range("height_m", height_m, *HEIGHT_RANGE_M, " m")
    body = anthropometry(height_m)
    thigh, shank = body.thigh_m, body.shank_m
    ankle = (0.0, body.ankle_height_m)
    target = (pelvis_shift_cm / 100, body.hip_height_m - pelvis_drop_cm / 100)
    dx, dz = target[0] - ankle[0], target[1] - ankle[1]
    reach = math.hypot(dx, dz)
    clamped = reach > thigh + shank + 1e-6  # more than a micrometre out of reach
    # The knee sits where a circle of thigh length round the hip meets one of shank
    # length round the ankle; of the two, the one in front of the ankle-hip line.
    reach = min(reach, thigh + shank)
    cos_at_ankle = (shank**2 + reach**2 - thigh**2) / (2 * shank * reach)
    at_ankle = math.acos(max(-1.0, min(1.0, cos_at_ankle)))
    ux, uz = dx / math.hypot(dx, dz), dz / math.hypot(dx, dz)
    c, s = math.cos(at_ankle), math.sin(at_ankle)
    knee = (ankle[0] + shank * (ux * c + uz * s), ankle[1] + shank * (uz * c - ux * s))
    hip = (ankle[0] + reach * ux, ankle[1] + reach * uz)

    ankle_df = math.degrees(math.atan2(knee[0] - ankle[0], knee[1] - ankle[1]))
    hip_flexion = math.degrees(math.atan2(knee[0] - hip[0], hip[1] - knee[1]))
    knee_flexion = hip_flexion + ankle_df  # the foot stays flat: flexion = thigh angle + shin lean
    solved = {
        "hip_flexion_deg": hip_flexion,
        "knee_flexion_deg": knee_flexion,
        "ankle_dorsiflexion_deg": ankle_df,
    }
    beyond = tuple(
        name for name, value in solved.items()
        if not ANGLE_RANGES_DEG[name][0] - 0.5 <= value <= ANGLE_RANGES_DEG[name][1] + 0.5
    )
    return ChainPose(
        body=body,
        pelvis_drop_cm=pelvis_drop_cm,
        pelvis_shift_cm=pelvis_shift_cm,
        hip_flexion_deg=hip_flexion,
        knee_flexion_deg=knee_flexion,
        ankle_dorsiflexion_deg=ankle_df,
        straight_leg_clamped=clamped,
        beyond_range=beyond,
        knee_below_floor=knee[1] < 0.0,
        hip=hip,
        knee=knee,
        ankle=ankle,
        heel=(0.0, 0.0),
        toe=(body.foot_length_m, 0.0),
    )


def _past_range(name: str, value: float) -> str:
    joint, plus, minus = _JOINT_WORDS[name]
    low, high = ANGLE_RANGES_DEG[name]
    limit, word = (high, plus) if value > high else (-low, minus)
    return f"The {joint} would need {abs(value):.0f}° of {word}, past its usual {limit:.0f}°."


#: What a real body does when a joint runs out of range, said once per joint.
_WHAT_HAPPENS = {
    "ankle_dorsiflexion_deg": (
        "With the heel down, the shin cannot lean further forward: to go lower the heel must "
        "lift, or the trunk lean forward so the pelvis can sit back (move the pelvis back)."
    ),
    "knee_flexion_deg": "A deeper squat than this needs more knee bend than most adults have.",
    "hip_flexion_deg": (
        "Past this, a real body tilts the pelvis back and rounds the lower back to go on."
    ),
}


def describe_chain(pose: ChainPose) -> str:
    """Say in words what the chain explorer shows: pelvis position, the three angles, any limits
    passed.

    >>> print(describe_chain(solve_chain(pelvis_drop_cm=10)))  # doctest: +NORMALIZE_WHITESPACE
    Foot planted flat. Pelvis 10 cm lower than standing, straight above the ankle.
    Hip: 28° flexion. Knee: 56° flexion. Ankle: 28° dorsiflexion (shin leaning forward).
    ⚠ The ankle would need 28° of dorsiflexion, past its usual 20°. With the heel down, the shin
    cannot lean further forward: to go lower the heel must lift, or the trunk lean forward so the
    pelvis can sit back (move the pelvis back).
    """
    check_kind("pose", pose, ChainPose, "solve_chain()")
    drop, shift = pose.pelvis_drop_cm, pose.pelvis_shift_cm
    if round(drop) == 0:
        height = "at standing height"
    else:
        height = f"{abs(drop):.0f} cm {'lower' if drop > 0 else 'higher'} than standing"
    if round(shift) == 0:
        where = "straight above the ankle"
    else:
        where = f"{abs(shift):.0f} cm {'in front of' if shift > 0 else 'behind'} the ankle"
    lines = [f"Foot planted flat. Pelvis {height}, {where}."]
    hip = pose.hip_flexion_deg
    hip_words = f"{abs(hip):.0f}° {'flexion' if hip >= 0 else 'extension'}"
    df = pose.ankle_dorsiflexion_deg
    if round(df) == 0:
        ankle_words = "neutral (0°), shin upright"
    elif df > 0:
        ankle_words = f"{df:.0f}° dorsiflexion (shin leaning forward)"
    else:
        ankle_words = f"{-df:.0f}° plantarflexion (shin leaning back)"
    knee = pose.knee_flexion_deg
    knee_words = "straight (0°)" if round(knee) == 0 else f"{knee:.0f}° flexion"
    lines.append(f"Hip: {hip_words}. Knee: {knee_words}. Ankle: {ankle_words}.")
    if pose.straight_leg_clamped:
        lines.append(
            "⚠ The leg cannot reach that far with the foot flat, so it is drawn straight, "
            "pointing where you asked; to reach further the heel would have to rise "
            "(up on the toes)."
        )
    if pose.knee_below_floor:
        lines.append(
            "⚠ The knee would have to go below the floor: with the foot flat, the pelvis cannot "
            "be this low this far forward. Move the pelvis back or up."
        )
    for name in pose.beyond_range:
        value = getattr(pose, name)
        lines.append(f"⚠ {_past_range(name, value)} {_WHAT_HAPPENS.get(name, '')}".rstrip())
    return "\n".join(lines)
