"""A teaching model of the straight-leg raise: a relative index of nerve-bed tension.

THIS IS A TEACHING MODEL, NOT A MEASUREMENT. FACTS gives no numbers for nerve
tension or excursion, so the model gives none either: its output is a
*dimensionless relative index* that only says "more" or "less", built to show
four things the lesson teaches.

- The sciatic nerve runs behind the hip and down the back of the thigh, and
  divides just above the knee; its tibial branch runs on behind the knee
  (FACTS B2). So flexing the hip with the knee straight (the straight-leg
  raise) lengthens the nerve bed, and bending the knee gives that length back.
  Both lesson 4 stretches keep the knee bent, which slackens the nerve (FACTS C7).
- Ankle dorsiflexion (toes towards the shin) pulls the tibial nerve from
  below, and neck flexion pulls the spinal coverings from above: both
  *sensitise* the test (FACTS B8). The nerve bed is continuous from the
  spinal cord's coverings to the foot (Butler DS, *Mobilisation of the Nervous
  System*, 1991).
- A straight-leg raise is called positive when it brings on radiating leg pain
  between about 30° and 70° of hip flexion; pain below 30° is unlikely to be
  root tension (FACTS B8).

The index adds weighted joint angles (in radians): hip flexion and knee flexion
weigh 1 each, with opposite signs; dorsiflexion weighs 0.5 and neck flexion
0.3. The weights are choices made for teaching, not measured values. The sum
is divided by the sum for a straight leg raised 70° (the top of the window),
so **1.0 means "as much as a straight-leg raise to 70°, ankle and neck
neutral"**; a negative sum is shown as 0, "slack".

Worked example: a straight leg raised 35° gives half the index of one raised
70°; pulling the toes up 20° adds a little more.

>>> round(tension_index(NerveTensionPose(hip_flexion_deg=35)), 2)
0.5
>>> round(tension_index(NerveTensionPose(hip_flexion_deg=35, ankle_dorsiflexion_deg=20)), 2)
0.64
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lessons.core.errors import check_fields, check_kind, check_range
from lessons.limb.model import FOOT_LENGTH_FRACTION, HEIGHT_RANGE_M, SHANK_FRACTION, THIGH_FRACTION

__all__ = [
    "ANGLE_RANGES_DEG",
    "MODEL_LABEL",
    "SLR_WINDOW_DEG",
    "STRAIGHT_KNEE_TOLERANCE_DEG",
    "PRESETS",
    "WEIGHTS",
    "NerveTensionPose",
    "max_knee_flexion_deg",
    "describe",
    "slr_zone",
    "supine_leg_points",
    "tension_index",
    "term_contributions",
]

#: Said wherever the index is shown.
MODEL_LABEL = "a teaching model, not a measurement"

#: Where a straight-leg raise is called positive, if it brings on radiating leg pain (FACTS B8).
SLR_WINDOW_DEG = (30.0, 70.0)

#: The knee counts as "straight" for a straight-leg raise within this much flexion (a model choice).
STRAIGHT_KNEE_TOLERANCE_DEG = 5.0

#: Slider ranges, degrees: hip 0-90 (an SLR lifts the leg to vertical at most); knee, ankle as in
#: lessons.limb.model (AAOS 1965 active ranges); neck flexion 0-45 (AAOS 1965).
ANGLE_RANGES_DEG: dict[str, tuple[float, float]] = {
    "hip_flexion_deg": (0.0, 90.0),
    "knee_flexion_deg": (0.0, 135.0),
    "ankle_dorsiflexion_deg": (-50.0, 20.0),
    "neck_flexion_deg": (0.0, 45.0),
}

#: Teaching weights per radian (dimensionless, chosen for teaching, not measured).
WEIGHTS: dict[str, float] = {
    "hip_flexion_deg": 1.0,
    "knee_flexion_deg": -1.0,
    "ankle_dorsiflexion_deg": 0.5,
    "neck_flexion_deg": 0.3,
}


@dataclass(frozen=True)
class NerveTensionPose:
    """A supine leg (lying on the back): hip, knee and ankle angles and neck flexion, in degrees.

    Hip flexion lifts the leg off the couch; knee flexion 0 is a straight knee;
    ankle dorsiflexion pulls the toes towards the shin (negative points them away);
    neck flexion brings the chin towards the chest.
    """

    hip_flexion_deg: float = 0.0
    knee_flexion_deg: float = 0.0
    ankle_dorsiflexion_deg: float = 0.0
    neck_flexion_deg: float = 0.0

    def __post_init__(self) -> None:
        check_fields(self, ANGLE_RANGES_DEG, "°")  # any real number type, kept as a float


#: Positions to try, by name: joint angles in degrees (FACTS B8, C7).
PRESETS: dict[str, dict[str, float]] = {
    "Straight-leg raise to 45°": dict(hip_flexion_deg=45),
    "Same, sensitised: toes up 20° and chin down 40°": dict(
        hip_flexion_deg=45, ankle_dorsiflexion_deg=20, neck_flexion_deg=40
    ),
    "Lying flat": dict(),
    "Bent-knee stretch position (hip 90°, knee 90°), as in lesson 4": dict(
        hip_flexion_deg=90, knee_flexion_deg=90
    ),
    "Straight-knee hamstring stretch, toes up (hip 70°, ankle 20°)": dict(
        hip_flexion_deg=70, ankle_dorsiflexion_deg=20
    ),
    "Slump test's leg and neck angles, shown lying (hip 90°, knee 20°, ankle 10°, neck 40°)": dict(
        hip_flexion_deg=90, knee_flexion_deg=20, ankle_dorsiflexion_deg=10, neck_flexion_deg=40
    ),
}


def max_knee_flexion_deg(hip_flexion_deg: float) -> float:
    """The most the knee can bend, lying on the back, before the heel would pass through the couch.

    The heel stays on the couch, so with the hip flat the knee must stay straight,
    and with the hip raised the knee can bend about twice as far (thigh 0.245 H and
    shank 0.246 H, FACTS A13), up to the slider's 135°.

    >>> [round(max_knee_flexion_deg(h)) for h in (0, 30, 45, 90)]
    [0, 60, 90, 135]
    """
    hip_flexion_deg = check_range(
        "hip_flexion_deg", hip_flexion_deg, *ANGLE_RANGES_DEG["hip_flexion_deg"], "°"
    )
    low, high = ANGLE_RANGES_DEG["knee_flexion_deg"]
    hip = math.radians(hip_flexion_deg)
    reach = min(1.0, THIGH_FRACTION / SHANK_FRACTION * math.sin(hip))
    return max(low, min(high, hip_flexion_deg + math.degrees(math.asin(reach))))


def term_contributions(pose: NerveTensionPose) -> dict[str, float]:
    """Each joint's share of the index (before clamping at 0), as fractions of the 70° reference.

    >>> terms = term_contributions(NerveTensionPose(90, 90))
    >>> {k: round(v, 2) for k, v in terms.items()}  # doctest: +NORMALIZE_WHITESPACE
    {'hip_flexion_deg': 1.29, 'knee_flexion_deg': -1.29, 'ankle_dorsiflexion_deg': 0.0,
    'neck_flexion_deg': 0.0}
    """
    check_kind("pose", pose, NerveTensionPose, "NerveTensionPose(...)")
    reference = math.radians(SLR_WINDOW_DEG[1]) * WEIGHTS["hip_flexion_deg"]
    return {
        name: weight * math.radians(getattr(pose, name)) / reference
        for name, weight in WEIGHTS.items()
    }


def tension_index(pose: NerveTensionPose) -> float:
    """The relative nerve-bed tension index: dimensionless, 0 = slack, 1 = straight leg at 70°.

    A teaching model, not a measurement (see the module docstring).

    >>> tension_index(NerveTensionPose(hip_flexion_deg=90, knee_flexion_deg=90))
    0.0
    """
    return max(0.0, sum(term_contributions(pose).values()))


def slr_zone(pose: NerveTensionPose) -> str:
    """Where the leg is relative to the straight-leg-raise window (FACTS B8).

    Returns one of ``"knee bent"`` (not a straight-leg raise), ``"below"`` (under 30°),
    ``"inside"`` (30-70°) or ``"above"`` (over 70°).

    >>> [slr_zone(NerveTensionPose(h)) for h in (10, 30, 70, 80)]
    ['below', 'inside', 'inside', 'above']
    >>> slr_zone(NerveTensionPose(45, knee_flexion_deg=40))
    'knee bent'
    """
    check_kind("pose", pose, NerveTensionPose, "NerveTensionPose(...)")
    if pose.knee_flexion_deg > STRAIGHT_KNEE_TOLERANCE_DEG:
        return "knee bent"
    low, high = SLR_WINDOW_DEG
    if pose.hip_flexion_deg < low:
        return "below"
    return "inside" if pose.hip_flexion_deg <= high else "above"


_ZONE_TEXT = {
    "knee bent": "With the knee bent this is not a straight-leg raise: the 30-70° window "
    "applies only with the knee straight, and the bent knee gives the nerve slack (FACTS C7).",
    "below": "Below 30°: leg pain brought on this low is unlikely to be nerve-root tension "
             "(FACTS B8).",
    "inside": "Inside the 30-70° window: radiating leg pain (not back pain alone) appearing "
    "here is what makes a straight-leg raise positive (FACTS B8).",
    "above": "Above 70°: past the window in which a positive straight-leg raise is defined "
             "(FACTS B8).",
}


def describe(pose: NerveTensionPose) -> str:
    """Say the pose, the index and the window in words, for the readout.

    >>> print(describe(NerveTensionPose(hip_flexion_deg=45)))  # doctest: +NORMALIZE_WHITESPACE
    Leg raised 45° at the hip, knee straight (0°), ankle neutral (0°), neck flat (0°).
    Relative nerve-bed tension: 0.64 (dimensionless; 1.0 = straight leg raised to 70°) — a teaching
    model, not a measurement.
    Inside the 30-70° window: radiating leg pain (not back pain alone) appearing here is what makes
    a straight-leg raise positive (FACTS B8).
    """
    check_kind("pose", pose, NerveTensionPose, "NerveTensionPose(...)")
    ankle = pose.ankle_dorsiflexion_deg
    ankle_text = (
        "ankle neutral (0°)" if ankle == 0
        else f"ankle dorsiflexed {ankle:.0f}° (toes up)" if ankle > 0
        else f"ankle plantarflexed {-ankle:.0f}° (toes pointed)"
    )
    knee = pose.knee_flexion_deg
    knee_text = f"knee straight ({knee:.0f}°)" if knee <= STRAIGHT_KNEE_TOLERANCE_DEG else (
        f"knee bent {knee:.0f}°"
    )
    neck = pose.neck_flexion_deg
    neck_text = "neck flat (0°)" if neck == 0 else f"neck flexed {neck:.0f}° (chin to chest)"
    index = tension_index(pose)
    index_text = f"{index:.2f}" + (" (slack)" if index == 0 else "")
    lines = [
        f"Leg raised {pose.hip_flexion_deg:.0f}° at the hip, {knee_text}, {ankle_text}, "
        f"{neck_text}.",
        f"Relative nerve-bed tension: {index_text} (dimensionless; 1.0 = straight leg raised to "
        f"70°) — {MODEL_LABEL}.",
        _ZONE_TEXT[slr_zone(pose)],
    ]
    sensitisers = [
        name for name, on in (("ankle dorsiflexion", ankle > 0), ("neck flexion", neck > 0)) if on
    ]
    if sensitisers:
        both = len(sensitisers) == 2
        lines.append(
            f"{' and '.join(sensitisers).capitalize()} {'add' if both else 'adds'} tension from "
            f"the {'ends' if both else 'foot' if ankle > 0 else 'spine'} of the nerve bed: "
            f"clinicians use {'them' if both else 'it'} to sensitise the test (FACTS B8)."
        )
    return "\n".join(lines)


def supine_leg_points(
    pose: NerveTensionPose, height_m: float = 1.75
) -> dict[str, tuple[float, float]]:
    """Side-view points (metres) of a person lying on their back: hip at (0, 0), feet to +x.

    Segment lengths are Winter's fractions of height (FACTS A13); the trunk is
    0.3 H and the head sits 0.1 H beyond the neck (schematic). ``toe`` is drawn
    from the ankle, 0.75 of a 0.152 H foot, perpendicular to the shank at 0°;
    dorsiflexion turns it towards the shin.

    >>> p = supine_leg_points(NerveTensionPose(hip_flexion_deg=90))
    >>> round(p["knee"][0], 3), round(p["knee"][1], 3)
    (0.0, 0.429)
    """
    check_kind("pose", pose, NerveTensionPose, "NerveTensionPose(...)")
    height_m = check_range("height_m", height_m, *HEIGHT_RANGE_M, " m")
    hip = math.radians(pose.hip_flexion_deg)
    shank = hip - math.radians(pose.knee_flexion_deg)
    foot = shank + math.pi / 2 + math.radians(pose.ankle_dorsiflexion_deg)
    thigh_m, shank_m = THIGH_FRACTION * height_m, SHANK_FRACTION * height_m
    foot_m = 0.75 * FOOT_LENGTH_FRACTION * height_m  # ankle to toes: most of the foot's length
    knee = (thigh_m * math.cos(hip), thigh_m * math.sin(hip))
    ankle = (knee[0] + shank_m * math.cos(shank), knee[1] + shank_m * math.sin(shank))
    toe = (ankle[0] + foot_m * math.cos(foot), ankle[1] + foot_m * math.sin(foot))
    heel = (ankle[0] - 0.03 * math.cos(shank), ankle[1] - 0.03 * math.sin(shank))
    neck_base = (-0.30 * height_m, 0.0)
    neck = math.radians(pose.neck_flexion_deg)
    head = (neck_base[0] - 0.10 * height_m * math.cos(neck), 0.10 * height_m * math.sin(neck))
    return {"hip": (0.0, 0.0), "knee": knee, "ankle": ankle, "toe": toe, "heel": heel,
            "neck_base": neck_base, "head": head}
