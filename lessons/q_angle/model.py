"""Measure the Q-angle from three landmarks: the front of the pelvis, the kneecap and the shin's
bump.

The Q-angle (quadriceps angle) is the angle between two lines drawn on the
front of a standing or lying leg:

1. from the anterior superior iliac spine (ASIS, the bony point at the front of
   the pelvis) to the centre of the kneecap (patella);
2. from the centre of the kneecap to the tibial tuberosity (the bump at the top
   of the shin where the patellar tendon attaches).

It says roughly how far the quadriceps' pull on the kneecap is angled outward.
Reported supine means are 11.0° ± 1.8 for men and 14.5° ± 2.0 for women;
quoted "normal" ranges vary, about 8-14° for men and 11-20° for women, and the
angle does not track how bad patellofemoral pain is (FACTS A11).

The geometry, for the right leg seen from the front (``lateral`` outward from
the body's midline, ``up`` from the floor, metres):

- the two ASIS are ``asis_width_cm`` apart, each 14 % of that width lateral to
  its hip joint centre (FACTS A13, Bell et al. 1989) and 30 % of it above
  (Bell et al. 1989, the same study's regression);
- the hip joint centre is 0.530 of body height above the floor and the knee
  0.285 (FACTS A13); the kneecap's centre is drawn over the knee joint centre;
- the knee sits 9 cm from the midline (under a hip centre in the course's
  default body, FACTS A13: centres 17-19 cm apart), shifted by ``knee_inward_cm``;
- the kneecap-to-tuberosity line leans outward by ``tendon_outward_deg``.

The default tendon lean, 7°, is not a measurement: it is chosen so that the
default Q-angle lands on the men's mean of 11° (FACTS A11). Read the model for
how each landmark moves the angle, not for anyone's anatomy.

>>> round(q_angle().q_angle_deg, 1)
11.0
>>> round(q_angle(asis_width_cm=30).q_angle_deg, 1)
13.6
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lessons.core.errors import check_kind, check_range
from lessons.core.plane import turn_deg
from lessons.limb.model import HEIGHT_RANGE_M, anthropometry

__all__ = [
    "ASIS_WIDTH_RANGE_CM",
    "KNEE_SHIFT_RANGE_CM",
    "QAngle",
    "REPORTED",
    "TENDON_RANGE_DEG",
    "describe_q_angle",
    "q_angle",
]

#: Distance between the two ASIS, cm. 25 cm puts the hip centres 18 cm apart (FACTS A13).
ASIS_WIDTH_RANGE_CM = (20.0, 36.0)
DEFAULT_ASIS_WIDTH_CM = 25.0
#: Knee moved towards the midline (+, knock-knee direction) or away (−, bow-leg direction), cm.
KNEE_SHIFT_RANGE_CM = (-5.0, 5.0)
#: Kneecap-to-tuberosity line, degrees outward (+) or inward (−) of vertical.
TENDON_RANGE_DEG = (-10.0, 20.0)
DEFAULT_TENDON_OUTWARD_DEG = 7.0

_KNEE_FROM_MIDLINE_M = 0.09
_ASIS_LATERAL_FRACTION = 0.14  # of the ASIS width, lateral of the hip centre (Bell et al. 1989)
_ASIS_ABOVE_FRACTION = 0.30  # of the ASIS width, above the hip centre (Bell et al. 1989)
# Drawing length of the kneecap-to-tuberosity line; the angle does not use it.
_TENDON_DRAWN_M = 0.06

#: Reported Q-angles, degrees (FACTS A11): supine mean and SD, and the quoted "normal" range.
REPORTED = {
    "men": {"mean": 11.0, "sd": 1.8, "range": (8.0, 14.0)},
    "women": {"mean": 14.5, "sd": 2.0, "range": (11.0, 20.0)},
}

Point = tuple[float, float]


@dataclass(frozen=True)
class QAngle:
    """The landmarks of one right leg from the front (metres: outward, up) and its Q-angle in
    degrees."""

    asis_width_cm: float
    knee_inward_cm: float
    tendon_outward_deg: float
    asis: Point
    hip: Point
    patella: Point
    tuberosity: Point
    #: The Q-angle, degrees: + when the tuberosity lies outside the extended ASIS-patella line.
    q_angle_deg: float
    #: The part of the angle made by the ASIS-to-kneecap line alone (its slope from vertical).
    thigh_line_deg: float


def q_angle(
    asis_width_cm: float = DEFAULT_ASIS_WIDTH_CM,
    knee_inward_cm: float = 0.0,
    tendon_outward_deg: float = DEFAULT_TENDON_OUTWARD_DEG,
    height_m: float = 1.75,
) -> QAngle:
    """Place the ASIS, kneecap and tibial tuberosity of a right leg and measure the Q-angle.

    Args:
        asis_width_cm: distance between the two ASIS, 20 to 36 cm (default 25).
        knee_inward_cm: knee moved towards the midline (+) or away from it (−), −5 to 5 cm.
        tendon_outward_deg: lean of the kneecap-to-tuberosity line outward of vertical, −10 to 20°.
        height_m: body height in metres (hip and knee heights, FACTS A13).

    Returns:
        A :class:`QAngle` with the landmarks and the angle.

    Knees drawn together make the angle bigger:

    >>> round(q_angle(knee_inward_cm=3).q_angle_deg, 1)
    14.4
    """
    asis_width_cm = check_range("asis_width_cm", asis_width_cm, *ASIS_WIDTH_RANGE_CM, " cm")
    knee_inward_cm = check_range("knee_inward_cm", knee_inward_cm, *KNEE_SHIFT_RANGE_CM, " cm")
    tendon_outward_deg = check_range(
        "tendon_outward_deg", tendon_outward_deg, *TENDON_RANGE_DEG, "°"
    )
    height_m = check_range("height_m", height_m, *HEIGHT_RANGE_M, " m")
    body = anthropometry(height_m)
    width = asis_width_cm / 100
    hip = (width / 2 - _ASIS_LATERAL_FRACTION * width, body.hip_height_m)
    asis = (width / 2, hip[1] + _ASIS_ABOVE_FRACTION * width)
    patella = (_KNEE_FROM_MIDLINE_M - knee_inward_cm / 100, body.hip_height_m - body.thigh_m)
    lean = math.radians(tendon_outward_deg)
    tuberosity = (
        patella[0] + _TENDON_DRAWN_M * math.sin(lean),
        patella[1] - _TENDON_DRAWN_M * math.cos(lean),
    )
    thigh_line = (patella[0] - asis[0], patella[1] - asis[1])
    tendon_line = (tuberosity[0] - patella[0], tuberosity[1] - patella[1])
    return QAngle(
        asis_width_cm=asis_width_cm,
        knee_inward_cm=knee_inward_cm,
        tendon_outward_deg=tendon_outward_deg,
        asis=asis,
        hip=hip,
        patella=patella,
        tuberosity=tuberosity,
        q_angle_deg=turn_deg(thigh_line, tendon_line),  # + when the tendon turns outward
        thigh_line_deg=math.degrees(math.atan2(-thigh_line[0], -thigh_line[1])) + 0.0,
    )


def _against(value: float, group: str) -> str:
    low, high = REPORTED[group]["range"]
    value = round(value, 1)  # judge the value the learner reads
    if value < low:
        return f"below the {low:g}–{high:g}° quoted for {group}"
    if value > high:
        return f"above the {low:g}–{high:g}° quoted for {group}"
    return f"inside the {low:g}–{high:g}° quoted for {group}"


def describe_q_angle(result: QAngle) -> str:
    """Say in words what the Q-angle measurer shows, against the reported values (FACTS A11).

    >>> print(describe_q_angle(q_angle()))  # doctest: +NORMALIZE_WHITESPACE
    Q-angle 11.0° (ASIS-to-kneecap line 4.0° from vertical, kneecap-to-tuberosity line 7.0°
    outward).
    That is inside the 8–14° quoted for men and inside the 11–20° quoted for women.
    Reported supine means: men 11.0° ± 1.8, women 14.5° ± 2.0.
    """
    check_kind("result", result, QAngle, "q_angle()")
    q = result.q_angle_deg
    tendon = result.tendon_outward_deg
    tendon_words = "vertical" if round(tendon, 1) == 0 else (
        f"{abs(tendon):.1f}° {'outward' if tendon > 0 else 'inward'}"
    )
    men, women = REPORTED["men"], REPORTED["women"]
    return (
        f"Q-angle {q:.1f}° (ASIS-to-kneecap line {result.thigh_line_deg:.1f}° from vertical, "
        f"kneecap-to-tuberosity line {tendon_words}).\nThat is {_against(q, 'men')} and "
        f"{_against(q, 'women')}.\nReported supine means: men {men['mean']:.1f}° ± {men['sd']}, "
        f"women {women['mean']:.1f}° ± {women['sd']}."
    )
