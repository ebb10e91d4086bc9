"""Compute the hip's load in single-leg stance: the Pauwels/Neumann free-body model.

Standing on one leg, the body above the stance hip (everything but the stance
leg) is a seesaw pivoting on the femoral head. Its weight W′ acts a lever arm
``b`` towards the swing side and would tip the pelvis down on that side; the
hip abductors (gluteus medius and minimus) pull on a much shorter lever ``a``
on the outer side to hold it level. Because ``a`` is short, the abductors must
pull with a multiple of body weight, and the hip joint carries the sum of that
pull and the weight (FACTS A1):

- moment balance about the hip: ``F_ab · a = W′ · b`` (minus ``C · d`` for a
  cane of force ``C`` held at lever ``d`` in the opposite hand, FACTS A3);
- W′ = body weight minus the stance leg: Winter's leg is 16.1 % of body mass
  (thigh 10.0 %, shank 4.65 %, foot 1.45 %), so W′ = 0.839 BW (FACTS A1);
- the abductors pull at about 70° to the horizontal (FACTS A1), so the joint
  reaction has a vertical part ``W′ − C + F_ab · sin θ`` and a horizontal part
  ``F_ab · cos θ``; the joint force is their vector sum.

Forces are in body weights (BW) and newtons (BW = mass × 9.81 m/s²); lever arms
in centimetres. Leaning the trunk over the stance leg moves the weight's line
towards the hip and shortens ``b`` (FACTS A4).

A cane in the *same* hand as the stance hip pushes up outside the hip, so its
moment turns the pelvis the same way as the weight's: the abductors must pull
harder, not less (see :func:`hip_load`). Its lever here assumes the cane is
held as far from the body's midline on either side, so it sits ``d − s``
lateral to the stance hip, ``s`` being the hip-centre spacing (18 cm, FACTS A13).

This is a static model of standing still on one leg. Instrumented hip implants
measured 2.38 BW walking, a little less in one-leg stance, 2.51 BW up stairs
and 2.60 BW down (Bergmann et al. 2001, FACTS A2). Only a b/a of about 2 lands
near them (about 2.5 BW); b/a = 2.5 already gives about 2.9 BW and b/a = 3
about 3.3 BW, so the model runs high and b = 15 cm is an upper-end estimate
(FACTS A2, corrected). The model also overstates what a cane does: people
rarely put more than 20 % of body weight through one, and measured reductions
are smaller (FACTS A3).

Worked example (FACTS A2): a = 5 cm, b = 10 cm gives about 1.7 BW of abductor
force and 2.5 BW at the joint.

>>> load = hip_load(HipLoadInputs(abductor_lever_cm=5, body_weight_lever_cm=10))
>>> round(load.abductor_force_bw, 1), round(load.joint_force_bw, 1)
(1.7, 2.5)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from lessons.core.errors import check_choice, check_fields, check_kind

__all__ = [
    "CANE_HANDS",
    "G_M_PER_S2",
    "IN_VIVO_HIP_BW",
    "LEG_MASS_FRACTION",
    "RANGES",
    "SUPPORTED_WEIGHT_BW",
    "HipLoad",
    "HipLoadInputs",
    "cane_effect",
    "describe",
    "hip_load",
]

#: Standard gravity, m/s²: body weight in newtons is mass in kg times this.
G_M_PER_S2 = 9.81
#: Winter's mass fractions of one leg: thigh, shank, foot (FACTS A1).
LEG_MASS_FRACTION = 0.100 + 0.0465 + 0.0145
#: The weight the stance hip supports: everything but the stance leg (FACTS A1).
SUPPORTED_WEIGHT_BW = 1.0 - LEG_MASS_FRACTION

#: Peak hip contact force measured by instrumented implants, in body weights
#: (Bergmann et al. 2001, J Biomech 34:859; FACTS A2).
IN_VIVO_HIP_BW = {"walking (about 4 km/h)": 2.38, "stairs up": 2.51, "stairs down": 2.60}

#: Which hand holds the cane, relative to the stance (loaded) hip.
CANE_HANDS = ("none", "opposite", "same")
CaneHand = Literal["none", "opposite", "same"]

#: Accepted ranges (low, high, unit) of every input. Lever arms and line of pull
#: follow FACTS section F (A1-A4); cane force up to 20 % BW, more than patients
#: usually put through a cane (FACTS A3); cane lever 40-50 cm (FACTS A3); hip
#: spacing as in :mod:`lessons.limb.model` (FACTS A13). Body mass is the range an
#: adult widget offers, not a clinical figure.
RANGES: dict[str, tuple[float, float, str]] = {
    "body_mass_kg": (40.0, 150.0, " kg"),
    "abductor_lever_cm": (4.0, 7.0, " cm"),
    "body_weight_lever_cm": (10.0, 15.0, " cm"),
    "abductor_angle_deg": (60.0, 80.0, "°"),
    "trunk_lean_cm": (0.0, 15.0, " cm"),
    "cane_force_pct_bw": (0.0, 20.0, " % BW"),
    "cane_lever_cm": (40.0, 50.0, " cm"),
    "hip_spacing_cm": (12.0, 26.0, " cm"),
}


@dataclass(frozen=True)
class HipLoadInputs:
    """One standing-on-one-leg situation; defaults are the typical adult of FACTS section F.

    Args:
        body_mass_kg: body mass (70 kg is a round example, not a norm).
        abductor_lever_cm: ``a``, hip centre to the abductors' line of pull (FACTS A1: 5 cm).
        body_weight_lever_cm: ``b``, hip centre to the line of the supported weight
            when upright (FACTS A2, F: 10-15 cm).
        abductor_angle_deg: the abductors' line of pull to the horizontal (FACTS A1: 70°).
        trunk_lean_cm: how far leaning over the stance leg moves the weight's line
            towards the hip; it shortens ``b`` (FACTS A4).
        cane_force_pct_bw: the push of the cane, % of body weight (FACTS A3: 10-15 %).
        cane_hand: ``"none"``, ``"opposite"`` (the hand away from the loaded hip) or ``"same"``.
        cane_lever_cm: ``d``, from the stance hip to an opposite-hand cane (FACTS A3: 45 cm).
        hip_spacing_cm: distance between the hip joint centres (FACTS A13: 17-19 cm).

    >>> HipLoadInputs(abductor_angle_deg=90)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: abductor_angle_deg = 90° is outside 60° to 80°; choose a
    value in that range.
    """

    body_mass_kg: float = 70.0
    abductor_lever_cm: float = 5.0
    body_weight_lever_cm: float = 10.0
    abductor_angle_deg: float = 70.0
    trunk_lean_cm: float = 0.0
    cane_force_pct_bw: float = 0.0
    cane_hand: CaneHand = "none"
    cane_lever_cm: float = 45.0
    hip_spacing_cm: float = 18.0

    def __post_init__(self) -> None:
        check_fields(self, RANGES)  # any real number type, kept as a float
        check_choice("cane_hand", self.cane_hand, CANE_HANDS)

    @property
    def body_weight_n(self) -> float:
        """Body weight in newtons."""
        return self.body_mass_kg * G_M_PER_S2


@dataclass(frozen=True)
class HipLoad:
    """The forces on the pelvis in single-leg stance, in body weights (multiply by BW for N).

    Horizontal components are positive towards the swing side (medial to the stance hip).
    """

    inputs: HipLoadInputs
    #: The lever of the supported weight after any trunk lean, cm (never below 0).
    effective_lever_cm: float
    #: The cane's signed horizontal distance from the stance hip, cm: + towards
    #: the swing side (opposite hand), − outside the stance hip (same hand), 0 without a cane.
    cane_position_cm: float
    cane_force_bw: float
    abductor_force_bw: float
    joint_vertical_bw: float
    joint_horizontal_bw: float
    #: False when the model cannot balance with the abductors alone (they cannot push):
    #: the weight's line or the cane has gone past the hip.
    abductors_balance: bool

    @property
    def supported_weight_bw(self) -> float:
        return SUPPORTED_WEIGHT_BW

    @property
    def joint_force_bw(self) -> float:
        """The joint reaction force: vector sum of its vertical and horizontal parts."""
        return math.hypot(self.joint_vertical_bw, self.joint_horizontal_bw)

    @property
    def joint_angle_from_vertical_deg(self) -> float:
        """How far the joint force leans from vertical, towards the swing side."""
        return math.degrees(math.atan2(self.joint_horizontal_bw, self.joint_vertical_bw))

    def newtons(self, force_bw: float) -> float:
        """Convert a force in body weights to newtons for this body mass."""
        return force_bw * self.inputs.body_weight_n


def hip_load(inputs: HipLoadInputs | None = None) -> HipLoad:
    """Balance the pelvis over the stance hip and return the abductor and joint forces.

    Moments about the stance hip (counter-clockwise in the front view, with the
    swing side to the right, positive): the abductors ``+F_ab·a``; the supported
    weight ``−W′·b``; a cane pushing up at horizontal position ``x`` gives ``+C·x``.
    An opposite-hand cane (``x = +d``) helps the abductors; a same-hand cane
    (``x = −(d − s)``, outside the hip) adds to the weight's moment. So

        F_ab = (W′·b − C·x) / a,   vertical = W′ − C + F_ab·sin θ,   horizontal = F_ab·cos θ.

    If that asks the abductors to push (``F_ab < 0``), the model sets ``F_ab = 0``
    and flags it: other muscles would have to act, which this model leaves out.

    Worked example: a cane carrying 15 % of body weight in the opposite hand,
    45 cm from the hip, cuts the model's joint force by about 60 % (FACTS A3 gives
    35-65 % for 10-15 % BW at 40-50 cm).

    >>> no_cane = hip_load(HipLoadInputs())
    >>> cane = hip_load(HipLoadInputs(cane_force_pct_bw=15, cane_hand="opposite"))
    >>> round(cane.abductor_force_bw, 2), round(cane.joint_force_bw, 2)
    (0.33, 1.0)
    >>> round(100 * (1 - cane.joint_force_bw / no_cane.joint_force_bw))
    60
    """
    p = HipLoadInputs() if inputs is None else inputs
    check_kind("inputs", p, HipLoadInputs, "HipLoadInputs(...)")
    b = max(p.body_weight_lever_cm - p.trunk_lean_cm, 0.0)
    if p.cane_hand == "none":
        cane_bw, x = 0.0, 0.0
    else:
        cane_bw = p.cane_force_pct_bw / 100.0
        x = p.cane_lever_cm if p.cane_hand == "opposite" else -(p.cane_lever_cm - p.hip_spacing_cm)
    moment = SUPPORTED_WEIGHT_BW * b - cane_bw * x
    f_ab = moment / p.abductor_lever_cm
    balanced = f_ab >= 0.0
    f_ab = max(f_ab, 0.0)
    theta = math.radians(p.abductor_angle_deg)
    return HipLoad(
        inputs=p,
        effective_lever_cm=b,
        cane_position_cm=x,
        cane_force_bw=cane_bw,
        abductor_force_bw=f_ab,
        joint_vertical_bw=SUPPORTED_WEIGHT_BW - cane_bw + f_ab * math.sin(theta),
        joint_horizontal_bw=f_ab * math.cos(theta),
        abductors_balance=balanced,
    )


def cane_effect(inputs: HipLoadInputs) -> float:
    """Return the fraction by which the cane changes the model's joint force (−0.6 = 60 % less).

    Compares ``inputs`` with the same situation without a cane.

    >>> opposite = HipLoadInputs(cane_force_pct_bw=10, cane_hand="opposite", cane_lever_cm=40)
    >>> round(cane_effect(opposite), 2)
    -0.36
    >>> cane_effect(HipLoadInputs(cane_force_pct_bw=15, cane_hand="same")) > 0
    True
    """
    check_kind("inputs", inputs, HipLoadInputs, "HipLoadInputs(...)")
    from dataclasses import replace

    without = hip_load(replace(inputs, cane_hand="none")).joint_force_bw
    return hip_load(inputs).joint_force_bw / without - 1.0


def _force(load: HipLoad, force_bw: float) -> str:
    return f"{force_bw:.2f} × body weight ({load.newtons(force_bw):,.0f} N)"


def _upright_force_bw(lever_ratio: float, abductor_angle_deg: float) -> float:
    """The model's joint force standing upright without a cane, for a lever ratio b/a.

    Without lean or cane the force depends only on b/a and the line of pull, so
    a = 5 cm stands for any a (FACTS A2's worked lever).
    """
    inputs = HipLoadInputs(abductor_lever_cm=5.0, body_weight_lever_cm=5.0 * lever_ratio,
                           abductor_angle_deg=abductor_angle_deg)
    return hip_load(inputs).joint_force_bw


def describe(load: HipLoad) -> str:
    """Say in words what the free-body diagram shows, and how it compares with measurement.

    >>> print(describe(hip_load()))  # doctest: +NORMALIZE_WHITESPACE
    Standing on one leg, 70 kg (body weight 687 N): abductor force 1.68 × body weight (1,152 N); hip
    joint force 2.48 × body weight (1,705 N), leaning 13° from vertical.
    Supported weight W′ 0.84 × body weight at lever b = 10.0 cm; abductor lever a = 5.0 cm (b/a =
    2.0), line of pull 70°. No trunk lean. No cane.
    Measured in instrumented hips: 2.38 × body weight walking, a little less in one-leg stance, 2.51
    up stairs, 2.60 down (Bergmann 2001). Only a b/a of about 2 lands near these (2.5 × body weight
    upright, no cane); b/a = 2.5 already gives 2.9, more than any of them, so a larger b/a
    overstates them.
    """
    check_kind("load", load, HipLoad, "hip_load()")
    p = load.inputs
    ratio = load.effective_lever_cm / p.abductor_lever_cm
    lines = [
        f"Standing on one leg, {p.body_mass_kg:.0f} kg (body weight {p.body_weight_n:,.0f} N): "
        f"abductor force {_force(load, load.abductor_force_bw)}; hip joint force "
        f"{_force(load, load.joint_force_bw)}, leaning {load.joint_angle_from_vertical_deg:.0f}° "
        "from vertical."
    ]
    lean = (
        f"Trunk lean over the stance leg shortens b from {p.body_weight_lever_cm:.1f} cm to "
        f"{load.effective_lever_cm:.1f} cm."
        if p.trunk_lean_cm > 0
        else "No trunk lean."
    )
    if p.cane_hand == "none" or p.cane_force_pct_bw == 0:
        cane = "No cane."
    else:
        change = cane_effect(p)
        side = "opposite hand" if p.cane_hand == "opposite" else "same hand as the loaded hip"
        verb = "cuts" if change < 0 else "raises"
        cane = (
            f"Cane in the {side}: {p.cane_force_pct_bw:.0f} % of body weight, "
            f"{abs(load.cane_position_cm):.0f} cm from the hip; it {verb} the model's hip force "
            f"by {abs(change) * 100:.0f} %."
        )
    lines.append(
        f"Supported weight W′ {SUPPORTED_WEIGHT_BW:.2f} × body weight at lever b = "
        f"{load.effective_lever_cm:.1f} cm; abductor lever a = {p.abductor_lever_cm:.1f} cm (b/a "
        f"= {ratio:.1f}), line of pull {p.abductor_angle_deg:.0f}°. {lean} {cane}"
    )
    if not load.abductors_balance:
        lines.append(
            "The weight's line (or the cane) is now past the hip: the abductors have nothing to "
            "hold, and keeping balance would need other muscles, which this model leaves out."
        )
    walking, up, down = IN_VIVO_HIP_BW.values()
    lines.append(
        f"Measured in instrumented hips: {walking:.2f} × body weight walking, a little less in "
        f"one-leg stance, {up:.2f} up stairs, {down:.2f} down (Bergmann 2001). Only a b/a of "
        f"about 2 lands near these ({_upright_force_bw(2.0, p.abductor_angle_deg):.1f} × body "
        "weight upright, no cane); b/a = 2.5 already gives "
        f"{_upright_force_bw(2.5, p.abductor_angle_deg):.1f}, more than any of them, so a larger "
        "b/a overstates them."
    )
    if p.cane_hand == "opposite" and p.cane_force_pct_bw > 0:
        lines.append(
            "The static model overstates a cane's benefit: people rarely put more than 20 % of "
            "body weight through a cane, and measured falls in hip force are smaller than this "
            "(Brand & Crowninshield 1980)."
        )
    elif p.cane_hand == "same" and p.cane_force_pct_bw > 0:
        lines.append(
            "A cane in the same hand pushes up outside the hip, so it turns the pelvis the same "
            "way as the weight: the abductors must pull harder. That is why a cane is held in the "
            "hand opposite the painful hip."
        )
    return "\n".join(lines)
