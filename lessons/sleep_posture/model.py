"""Model the legs in bed: the top hip's adduction when lying on the side, and a pillow under the
knees on the back.

Side-lying (FACTS D4). Lying on the side, the two hip joint centres are stacked
one above the other, ``D`` apart (17-19 cm in adults, FACTS A13). With the knees
touching, the knee centres are only ``k`` apart (about 8-12 cm), so the top
thigh slopes down from its hip to its knee: the top hip is in **adduction**
(the thigh swung towards the midline of the body). A pillow of compressed
thickness ``t`` between the knees lifts the top knee by ``t``. Over a thigh of
0.245 of body height ``H`` (FACTS A13)::

    top-hip adduction = asin((D - k - t) / (0.245 H))

FACTS D4 gives, for H = 1.75 m: no pillow about 7-15 degrees, a 5 cm pillow
about 0-8 degrees, a 10 cm pillow about neutral. The usual adult range of hip
adduction is about 30 degrees. This is a **model, not a measurement**: no study
has measured it (FACTS D1, D4, section H). A pillow thicker than ``D - k`` pushes
the top knee above its hip: the formula then gives a negative angle, which is
**abduction** (the thigh swung away from the midline), and :func:`side_lying`
says so.

The same drop of the top knee could be taken up by the pelvis instead of the
hip: if the top hip stayed neutral, the pelvis would have to tilt sideways
(rotate in the body's frontal plane, top side towards the feet) until the top
knee came down onto the bottom one. :attr:`SideLying.pelvic_tilt_deg` is that
angle, from the same rigid geometry (model geometry only). A real body shares
the drop between the two.

Back-lying. A pillow under the knees lifts them by its compressed height ``p``
while the hips and heels stay on the mattress; with the thigh and shank lengths
of :mod:`lessons.limb.model` the hip flexes by ``asin(p / thigh)`` and the knee by
``asin(p / thigh) + asin(p / shank)``. After a knee replacement nothing goes
under the knee (FACTS D5).

Lengths are in centimetres at the edges (bedding is measured in cm), angles in
degrees at the edges and radians inside.

The claim check. The eight benefits a source article claims for a knee
pillow, each with its verdict (keep, soften, correct) and the reason, are data
in ``lessons/data/claims.toml`` with every other source-article claim; see
:mod:`lessons.claims.model` (FACTS section G, D1-D7).

Worked example: a 1.75 m adult, hip centres 18 cm apart, knee centres 10 cm apart,
no pillow.

>>> pose = side_lying()
>>> round(pose.adduction_deg, 1), round(pose.pillow_for_neutral_cm, 1)
(10.8, 8.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from lessons.core.errors import check_flag, check_kind, check_range
from lessons.limb.model import HEIGHT_RANGE_M, HIP_SPACING_RANGE_M, THIGH_FRACTION, anthropometry

__all__ = [
    "BACK_RANGES",
    "NEAR_NEUTRAL_DEG",
    "NORMAL_ABDUCTION_DEG",
    "NORMAL_ADDUCTION_DEG",
    "SIDE_DEFAULTS",
    "SIDE_RANGES",
    "BackLying",
    "SideLying",
    "back_lying",
    "describe_back_lying",
    "describe_side_lying",
    "side_lying",
    "top_hip_adduction_deg",
]

#: The usual adult range of hip adduction, in degrees (FACTS D4).
NORMAL_ADDUCTION_DEG = 30.0
#: The usual adult range of hip abduction, in degrees (AAOS 1965, as in lessons/limb/model.py).
NORMAL_ABDUCTION_DEG = 45.0
#: Within this many degrees of neutral the readout calls the top leg "near neutral".
#: A teaching threshold chosen for this lesson, not a clinical cut-off.
NEAR_NEUTRAL_DEG = 3.0

#: Accepted ranges (low, high, unit) of the side-lying inputs. Hip-centre spacing
#: follows lessons/limb/model.py; the knee gap spans FACTS D4's 8-12 cm with a margin.
SIDE_RANGES: dict[str, tuple[float, float, str]] = {
    "height_m": (*HEIGHT_RANGE_M, " m"),
    "hip_spacing_cm": (HIP_SPACING_RANGE_M[0] * 100, HIP_SPACING_RANGE_M[1] * 100, " cm"),
    "knee_gap_cm": (6.0, 14.0, " cm"),
    "pillow_cm": (0.0, 20.0, " cm"),
}
#: The typical adult of FACTS section F: 1.75 m, hips 18 cm apart (A13), knees 10 cm apart
#: (the middle of D4's 8-12 cm), and no pillow yet.
SIDE_DEFAULTS: dict[str, float] = {
    "height_m": 1.75, "hip_spacing_cm": 18.0, "knee_gap_cm": 10.0, "pillow_cm": 0.0,
}
#: Accepted ranges of the back-lying inputs.
BACK_RANGES: dict[str, tuple[float, float, str]] = {
    "height_m": (*HEIGHT_RANGE_M, " m"),
    "pillow_cm": (0.0, 25.0, " cm"),
}


def _check(name: str, value: float, ranges: dict[str, tuple[float, float, str]]) -> float:
    return check_range(name, value, *ranges[name])


def top_hip_adduction_deg(
    height_m: float = 1.75, hip_spacing_cm: float = 18.0, knee_gap_cm: float = 10.0,
    pillow_cm: float = 0.0
) -> float:
    """Return the top hip's adduction in side-lying, in degrees (negative = abduction); FACTS D4.

    Args:
        height_m: body height in metres; the thigh is 0.245 of it (FACTS A13).
        hip_spacing_cm: distance between the two hip joint centres, D (17-19 cm in adults).
        knee_gap_cm: distance between the knee centres with the knees touching, k (about 8-12 cm).
        pillow_cm: compressed thickness of the pillow between the knees, t.

    >>> round(top_hip_adduction_deg(1.75, 18, 10, 5), 1)
    4.0
    """
    h = _check("height_m", height_m, SIDE_RANGES)
    d = _check("hip_spacing_cm", hip_spacing_cm, SIDE_RANGES)
    k = _check("knee_gap_cm", knee_gap_cm, SIDE_RANGES)
    t = _check("pillow_cm", pillow_cm, SIDE_RANGES)
    # Within the ranges |D - k - t| <= 27 cm < 34.3 cm (the shortest thigh): asin is defined.
    return math.degrees(math.asin((d - k - t) / (THIGH_FRACTION * h * 100)))


@dataclass(frozen=True)
class SideLying:
    """The side-lying model's state: inputs in cm and m, results in cm and degrees (FACTS D4)."""

    height_m: float
    hip_spacing_cm: float
    knee_gap_cm: float
    pillow_cm: float
    thigh_cm: float
    #: Top-hip adduction, degrees; negative means abduction.
    adduction_deg: float
    #: The sideways pelvic tilt that would take up the same knee drop with the top hip neutral
    #: (model geometry; positive = top side of the pelvis towards the feet).
    pelvic_tilt_deg: float

    @property
    def knee_drop_cm(self) -> float:
        """How far the top knee sits below where a neutral top thigh would put it: D − k − t."""
        return self.hip_spacing_cm - self.knee_gap_cm - self.pillow_cm

    @property
    def pillow_for_neutral_cm(self) -> float:
        """The compressed pillow thickness that makes the top thigh neutral in the model: D − k."""
        return self.hip_spacing_cm - self.knee_gap_cm

    @property
    def state(self) -> Literal["adducted", "near neutral", "abducted"]:
        """Adducted, near neutral (within :data:`NEAR_NEUTRAL_DEG`), or abducted."""
        if abs(self.adduction_deg) <= NEAR_NEUTRAL_DEG:
            return "near neutral"
        return "adducted" if self.adduction_deg > 0 else "abducted"

    @property
    def share_of_adduction_range(self) -> float:
        """The adduction as a fraction of the usual 30° range (FACTS D4); 0 when abducted."""
        return max(self.adduction_deg, 0.0) / NORMAL_ADDUCTION_DEG


def side_lying(
    height_m: float = 1.75, hip_spacing_cm: float = 18.0, knee_gap_cm: float = 10.0,
    pillow_cm: float = 0.0
) -> SideLying:
    """Solve the side-lying model: the top hip's adduction and the pelvic tilt it implies.

    Args: as :func:`top_hip_adduction_deg`.

    The pelvic tilt solves ``D cos φ − L sin φ = k + t`` for φ: the pelvis rotates
    about the bottom hip, the top thigh stays square to it, and the top knee comes
    to rest ``k + t`` above the bottom knee. For small angles φ is close to the
    adduction angle, because it is the same drop taken up one joint higher.

    >>> pose = side_lying(1.75, 18, 10, 10)
    >>> pose.state, round(pose.adduction_deg, 1), round(pose.knee_drop_cm, 1)
    ('near neutral', -2.7, -2.0)
    >>> round(side_lying(pillow_cm=0).pelvic_tilt_deg, 1)
    10.4
    """
    adduction = top_hip_adduction_deg(height_m, hip_spacing_cm, knee_gap_cm, pillow_cm)
    height_m, hip_spacing_cm, knee_gap_cm, pillow_cm = (  # checked above; now as floats
        float(height_m), float(hip_spacing_cm), float(knee_gap_cm), float(pillow_cm)
    )
    thigh_cm = THIGH_FRACTION * height_m * 100
    reach = math.hypot(hip_spacing_cm, thigh_cm)
    tilt = math.acos((knee_gap_cm + pillow_cm) / reach) - math.atan2(thigh_cm, hip_spacing_cm)
    return SideLying(
        height_m=float(height_m),
        hip_spacing_cm=float(hip_spacing_cm),
        knee_gap_cm=float(knee_gap_cm),
        pillow_cm=float(pillow_cm),
        thigh_cm=thigh_cm,
        adduction_deg=adduction,
        pelvic_tilt_deg=math.degrees(tilt),
    )


def describe_side_lying(pose: SideLying) -> str:
    """Say in words what the side-lying diagram shows (the readout under it).

    >>> print(describe_side_lying(side_lying()))  # doctest: +NORMALIZE_WHITESPACE
    Top hip: 11° adduction (the top thigh slopes down towards the bed), about a third of the usual
    30° adduction range.
    Body height 1.75 m, hip centres 18 cm apart, knee centres 10 cm apart, no pillow: the top knee
    sits 8.0 cm lower than a level top thigh would put it.
    If the top hip stayed neutral, the pelvis would tilt about 10° sideways instead (model
    geometry): a real body shares the drop between hip and pelvis.
    A pillow about 8 cm thick when squashed would bring the top leg to neutral in this model.
    This is a model, not a measurement (FACTS D4).
    """
    check_kind("pose", pose, SideLying, "side_lying()")
    angle = abs(pose.adduction_deg)
    pillow = (
        "no pillow"
        if pose.pillow_cm == 0
        else f"{_a(pose.pillow_cm)} {_cm(pose.pillow_cm)} cm pillow"
    )
    if pose.state == "near neutral":
        degrees = round(pose.adduction_deg)
        first = (
            f"Top hip: near neutral ({degrees:+d}°, within ±{NEAR_NEUTRAL_DEG:.0f}°): ".replace(
                "+0°", "0°"
            )
            + "the top thigh runs about level with the bottom one."
        )
    elif pose.state == "adducted":
        first = (
            f"Top hip: {angle:.0f}° adduction (the top thigh slopes down towards the bed), "
            f"{_share(pose.share_of_adduction_range)} of the usual {NORMAL_ADDUCTION_DEG:.0f}° "
            "adduction range."
        )
        if pose.adduction_deg > NORMAL_ADDUCTION_DEG:
            first += (
                " That is beyond the usual range: a real hip would stop sooner, and the pelvis "
                "and spine would take up the rest."
            )
    else:
        first = (
            f"Top hip: {angle:.0f}° abduction (the top thigh slopes up, away from the bed): "
            + (
                f"the pillow is thicker than the {_cm(pose.pillow_for_neutral_cm)} cm gap (D − k) "
                "a level thigh needs, so it pushes the top knee above its hip."
                if pose.pillow_for_neutral_cm > 0
                else "the knee centres are as far apart as the hip centres, or farther, "
                "so the top knee sits above its hip even without a pillow."
            )
        )
        if angle > NORMAL_ABDUCTION_DEG:
            first += (
                f" That is beyond the usual {NORMAL_ABDUCTION_DEG:.0f}° abduction range: no one "
                "would lie like this."
            )
    if round(pose.knee_drop_cm, 1) == 0:
        knee = "the top knee sits just where a level top thigh would put it"
    else:
        where = "lower" if pose.knee_drop_cm > 0 else "higher"
        knee = (
            f"the top knee sits {abs(pose.knee_drop_cm):.1f} cm {where} than a level top thigh "
            "would put it"
        )
    if round(pose.pelvic_tilt_deg) == 0:
        tilt = (
            "With the top hip neutral, the pelvis need not tilt sideways to meet the knee (model "
            "geometry)."
        )
    else:
        way = "instead" if pose.pelvic_tilt_deg > 0 else "the other way (top side towards the head)"
        tilt = (
            "If the top hip stayed neutral, the pelvis would tilt about "
            f"{abs(pose.pelvic_tilt_deg):.0f}° sideways {way} (model geometry): a real body "
            "shares the drop between hip and pelvis."
        )
    return "\n".join([
        first,
        f"Body height {pose.height_m:.2f} m, hip centres {_cm(pose.hip_spacing_cm)} cm apart, "
        f"knee centres {_cm(pose.knee_gap_cm)} cm apart, {pillow}: {knee}.",
        tilt,
        _neutral_pillow(pose),
        "This is a model, not a measurement (FACTS D4).",
    ])


def _neutral_pillow(pose: SideLying) -> str:
    if pose.pillow_for_neutral_cm <= 0:
        return "No pillow can bring the top leg to neutral here: any pillow adds abduction."
    return (
        f"A pillow about {_cm(pose.pillow_for_neutral_cm)} cm thick when squashed would bring the "
        "top leg to neutral in this model."
    )


def _cm(value: float) -> str:
    """A length for the readout, to the slider's precision: 8, 7.5 (never 8.0)."""
    return f"{round(value, 1):g}"


def _a(value: float) -> str:
    """The article before a number of cm said aloud: "an 8 cm", "an 11 cm", "a 5 cm"."""
    return "an" if _cm(value).startswith(("8", "11", "18")) else "a"


def _share(fraction: float) -> str:
    """Put a fraction in words: 'about a third'."""
    for limit, words in ((0.2, "under a fifth"), (0.3, "about a quarter"), (0.42, "about a third"),
                         (0.58, "about half"), (0.8, "about two thirds"), (1.0, "most")):
        if fraction < limit:
            return words
    return "more than all"


@dataclass(frozen=True)
class BackLying:
    """Lying on the back with a pillow under the knees: joint centres (cm) and angles (degrees)."""

    height_m: float
    pillow_cm: float
    thigh_cm: float
    shank_cm: float
    hip_flexion_deg: float
    knee_flexion_deg: float

    def points(self) -> dict[str, tuple[float, float]]:
        """Hip, knee and ankle centres in cm: x towards the feet, y up from the hip's level."""
        hip = math.radians(self.hip_flexion_deg)
        shank = math.radians(self.knee_flexion_deg - self.hip_flexion_deg)
        knee = (self.thigh_cm * math.cos(hip), self.thigh_cm * math.sin(hip))
        ankle = (knee[0] + self.shank_cm * math.cos(shank),
                 knee[1] - self.shank_cm * math.sin(shank))
        return {"hip": (0.0, 0.0), "knee": knee, "ankle": ankle}


def back_lying(height_m: float = 1.75, pillow_cm: float = 0.0) -> BackLying:
    """Bend the hip and knee over a pillow of ``pillow_cm`` under the knees, hips and heels on the
    bed.

    Segment lengths are those of :func:`lessons.limb.model.anthropometry` (FACTS A13).

    >>> pose = back_lying(1.75, 10)
    >>> round(pose.hip_flexion_deg, 1), round(pose.knee_flexion_deg, 1)
    (13.5, 26.9)
    """
    h = _check("height_m", height_m, BACK_RANGES)
    p = _check("pillow_cm", pillow_cm, BACK_RANGES)
    body = anthropometry(h)
    thigh, shank = body.thigh_m * 100, body.shank_m * 100
    hip = math.asin(p / thigh)
    shank_slope = math.asin(p / shank)
    return BackLying(
        height_m=h,
        pillow_cm=p,
        thigh_cm=thigh,
        shank_cm=shank,
        hip_flexion_deg=math.degrees(hip),
        knee_flexion_deg=math.degrees(hip + shank_slope),
    )


def describe_back_lying(pose: BackLying, knee_replacement: bool = False) -> str:
    """Say in words what the back-lying diagram shows, with the knee-replacement warning if asked.

    >>> pose = back_lying(pillow_cm=10)
    >>> print(describe_back_lying(pose, knee_replacement=True))  # doctest: +NORMALIZE_WHITESPACE
    A 10 cm pillow under the knees: hip flexed 13°, knee flexed 27° (body height 1.75 m).
    After a knee replacement: NOTHING under the knee (FACTS D5). Resting with the knee bent risks a
    flexion contracture, a knee that no longer straightens fully. Follow your surgical team's
    advice.
    """
    check_kind("pose", pose, BackLying, "back_lying()")
    knee_replacement = check_flag("knee_replacement", knee_replacement)
    if pose.pillow_cm == 0:
        first = f"No pillow: hip and knee straight (0°) (body height {pose.height_m:.2f} m)."
    else:
        first = (
            f"{_a(pose.pillow_cm).capitalize()} {_cm(pose.pillow_cm)} cm pillow under the knees: "
            f"hip flexed {pose.hip_flexion_deg:.0f}°, knee flexed {pose.knee_flexion_deg:.0f}° "
            f"(body height {pose.height_m:.2f} m)."
        )
    lines = [first]
    if knee_replacement:
        if pose.pillow_cm == 0:
            lines.append(
                "After a knee replacement: nothing under the knee, as here, so the knee can rest "
                "straight (FACTS D5)."
            )
        else:
            lines.append(
                "After a knee replacement: NOTHING under the knee (FACTS D5). Resting with the "
                "knee bent risks a flexion contracture, a knee that no longer straightens fully. "
                "Follow your surgical team's advice."
            )
    return "\n".join(lines)
