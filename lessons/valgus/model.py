"""Project the hip, knee and ankle onto the frontal plane: how hip adduction and internal rotation
look like "knee valgus".

Seen from the front, the hip, knee and ankle of a well-aligned bent leg lie
on one straight line. Turn the thigh in (hip internal rotation) or swing it
towards the midline (hip adduction) while the knee is bent, and the knee
appears to move inside the hip-to-ankle line: the "dynamic knee valgus"
filmed in squats and landings. The size of that bend in the picture is the
*frontal-plane projection angle* of the knee.

The leg is posed with :func:`lessons.limb.model.limb_pose` (open chain, the same
joint conventions), in a squat-like posture: the hip is flexed as much as the
knee, so the shin stays upright. The angle depends only on where the hip,
knee and ankle are relative to one another, so it is the same whether the
foot is planted or not.

Signs: the frontal-plane knee angle is positive for valgus (knee inside the
hip-to-ankle line, towards the other leg) and negative for varus (knee
outside). The model's neutral leg is straight from the front; a real knee has
a small built-in angle, left out here. Studies use different cut-offs for what
counts as "too much" dynamic valgus, and the course's fact sheet gives none,
so this module reports direction and size only.

The foot joins the chain from below (FACTS A10c): with the foot planted,
subtalar pronation (the foot rolling in) is coupled with internal rotation of
the tibia and, through the knee, of the femur, which adds to dynamic knee
valgus. FACTS gives no size for that coupling, so this module uses a chosen
teaching value, :data:`PRONATION_COUPLING`: each degree of pronation adds that
many degrees of internal rotation to the thigh. It is a teaching model, not a
measurement.

Worked example: a 45° squat with the thigh turned in 10°.

>>> view = knee_projection(knee_flexion_deg=45, hip_internal_rotation_deg=10)
>>> round(view.frontal_angle_deg, 1), round(view.knee_offset_cm, 1)
(7.1, 2.2)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from lessons.core.errors import check_choice, check_kind, check_range
from lessons.core.plane import turn_deg
from lessons.limb.model import HEIGHT_RANGE_M, JointAngles, limb_pose

__all__ = [
    "ADDUCTION_RANGE_DEG",
    "KNEE_FLEXION_RANGE_DEG",
    "KneeProjection",
    "PRONATION_COUPLING",
    "PRONATION_RANGE_DEG",
    "ROTATION_RANGE_DEG",
    "describe_valgus",
    "knee_projection",
]

#: Knee flexion accepted, in degrees (a single-leg squat). Deeper, the thigh points
#: almost straight at a viewer in front, its front-view picture shrinks, and the
#: projected angle balloons: a known weakness of judging the knee from a 2-D picture.
KNEE_FLEXION_RANGE_DEG = (0.0, 60.0)
#: Hip adduction (+, thigh towards the midline) and abduction (−), in degrees.
ADDUCTION_RANGE_DEG = (-20.0, 20.0)
#: Hip internal (+) and external (−) rotation, in degrees.
ROTATION_RANGE_DEG = (-30.0, 30.0)
#: Subtalar pronation (+, the foot rolls in) and supination (−), in degrees.
PRONATION_RANGE_DEG = (-10.0, 10.0)
#: Degrees of thigh internal rotation per degree of subtalar pronation: a chosen
#: teaching value; FACTS A10c gives the direction of the coupling, not its size.
PRONATION_COUPLING = 0.5

Point = tuple[float, float]


@dataclass(frozen=True)
class KneeProjection:
    """The front view of one bent leg: points (metres; medial +, up +) and the knee's frontal angle.

    ``hip``, ``knee`` and ``ankle`` are (towards the midline, up) in metres from
    the ankle, so the picture is the same for either leg.
    """

    knee_flexion_deg: float
    hip_adduction_deg: float
    hip_internal_rotation_deg: float
    hip: Point
    knee: Point
    ankle: Point
    #: Frontal-plane projection angle of the knee, degrees: + valgus, − varus.
    frontal_angle_deg: float
    #: How far the knee is inside (+) or outside (−) the straight hip-to-ankle line, cm.
    knee_offset_cm: float
    #: Subtalar pronation (+) or supination (−), degrees; it turns the thigh by the coupling.
    subtalar_pronation_deg: float = 0.0


def knee_projection(
    knee_flexion_deg: float = 45.0,
    hip_adduction_deg: float = 0.0,
    hip_internal_rotation_deg: float = 0.0,
    height_m: float = 1.75,
    side: Literal["right", "left"] = "right",
    subtalar_pronation_deg: float = 0.0,
) -> KneeProjection:
    """Pose a squatting leg and measure its knee angle as seen from the front.

    Args:
        knee_flexion_deg: knee bend, 0 to 60°; the hip is flexed as much (shin upright).
        hip_adduction_deg: thigh swung towards the midline (+) or away from it (−), −20 to 20°.
        hip_internal_rotation_deg: thigh turned in (+) or out (−) about its own axis, −30 to 30°.
        height_m: body height in metres (segment lengths, FACTS A13).
        side: which leg; the answer is the same for either.
        subtalar_pronation_deg: the foot rolled in (+) or out (−), −10 to 10°; it adds
            :data:`PRONATION_COUPLING` degrees of thigh internal rotation per degree
            (a teaching model: FACTS A10c gives no size).

    Returns:
        A :class:`KneeProjection` with the frontal-plane knee angle (+ valgus, − varus).

    A straight leg stays straight from the front whatever the hip does:

    >>> knee_projection(knee_flexion_deg=0, hip_adduction_deg=15).frontal_angle_deg
    0.0
    >>> round(knee_projection(knee_flexion_deg=60, hip_adduction_deg=10).frontal_angle_deg, 1)
    14.4
    """
    knee_flexion_deg = check_range(
        "knee_flexion_deg", knee_flexion_deg, *KNEE_FLEXION_RANGE_DEG, "°"
    )
    hip_adduction_deg = check_range(
        "hip_adduction_deg", hip_adduction_deg, *ADDUCTION_RANGE_DEG, "°"
    )
    hip_internal_rotation_deg = check_range(
        "hip_internal_rotation_deg", hip_internal_rotation_deg, *ROTATION_RANGE_DEG, "°"
    )
    subtalar_pronation_deg = check_range(
        "subtalar_pronation_deg", subtalar_pronation_deg, *PRONATION_RANGE_DEG, "°"
    )
    height_m = check_range("height_m", height_m, *HEIGHT_RANGE_M, " m")
    check_choice("side", side, ("right", "left"))
    pose = limb_pose(
        JointAngles(
            hip_flexion_deg=knee_flexion_deg,
            hip_abduction_deg=-hip_adduction_deg,
            hip_rotation_deg=hip_internal_rotation_deg
            + PRONATION_COUPLING * subtalar_pronation_deg,
            knee_flexion_deg=knee_flexion_deg,
        ),
        height_m=height_m,
        side=side,
    )
    medial = 1.0 if side == "right" else -1.0  # a right leg's midline is towards +y
    front = pose.frontal()
    origin = front["ankle"]

    def rel(name: str) -> Point:
        y, z = front[name]
        return (medial * (y - origin[0]), z - origin[1])

    hip, knee, ankle = rel("hip"), rel("knee"), rel("ankle")
    thigh = (knee[0] - hip[0], knee[1] - hip[1])
    shank = (ankle[0] - knee[0], ankle[1] - knee[1])
    # The thigh-to-shank turn is towards the outside (−x) when the knee bows inwards: valgus +.
    frontal_angle = -turn_deg(thigh, shank) + 0.0
    # Signed distance of the knee from the hip-ankle line (the ankle is the origin).
    span = math.hypot(*hip)
    offset = (knee[0] * hip[1] - knee[1] * hip[0]) / span
    return KneeProjection(
        knee_flexion_deg=knee_flexion_deg,
        hip_adduction_deg=hip_adduction_deg,
        hip_internal_rotation_deg=hip_internal_rotation_deg,
        hip=hip,
        knee=knee,
        ankle=ankle,
        frontal_angle_deg=frontal_angle,
        knee_offset_cm=offset * 100 + 0.0,
        subtalar_pronation_deg=subtalar_pronation_deg,
    )


def _hip_words(adduction: float, rotation: float) -> str:
    parts = []
    if round(adduction):
        parts.append(f"{abs(adduction):.0f}° {'adduction' if adduction > 0 else 'abduction'}")
    if round(rotation):
        parts.append(f"{abs(rotation):.0f}° {'internal' if rotation > 0 else 'external'} rotation")
    return ", ".join(parts) if parts else "neutral"


def describe_valgus(view: KneeProjection) -> str:
    """Say in words what the knee-valgus explorer shows: the hip's position and the knee's
    front-view angle.

    >>> inward = knee_projection(45, hip_adduction_deg=10, hip_internal_rotation_deg=10)
    >>> print(describe_valgus(inward))  # doctest: +NORMALIZE_WHITESPACE
    Knee bent 45°, hip flexed 45°. Hip: 10° adduction, 10° internal rotation.
    Front view: the knee is 4.3 cm inside the hip-to-ankle line; frontal-plane knee angle 13.9°
    valgus (knee inward).
    """
    check_kind("view", view, KneeProjection, "knee_projection()")
    angle, offset = view.frontal_angle_deg, view.knee_offset_cm
    first = (
        f"Knee bent {view.knee_flexion_deg:.0f}°, hip flexed {view.knee_flexion_deg:.0f}°. Hip: "
        f"{_hip_words(view.hip_adduction_deg, view.hip_internal_rotation_deg)}."
    )
    pronation = view.subtalar_pronation_deg
    if round(pronation):
        kind = "pronation (rolled in)" if pronation > 0 else "supination (rolled out)"
        first += (
            f"\nFoot: {abs(pronation):.0f}° {kind}, turning the thigh "
            f"{abs(PRONATION_COUPLING * pronation):.1f}° {'in' if pronation > 0 else 'out'} "
            f"(teaching model: {PRONATION_COUPLING:g}° per degree is a chosen value; "
            "FACTS A10c gives the direction, no number)."
        )
    if abs(angle) < 0.5:
        second = (
            "Front view: hip, knee and ankle in one straight line; frontal-plane knee angle 0°."
        )
    else:
        where = "inside" if offset > 0 else "outside"
        kind = "valgus (knee inward)" if angle > 0 else "varus (knee outward)"
        second = (
            f"Front view: the knee is {abs(offset):.1f} cm {where} the hip-to-ankle line; "
            f"frontal-plane knee angle {abs(angle):.1f}° {kind}."
        )
    return f"{first}\n{second}"
