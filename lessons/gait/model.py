"""Model one gait cycle as a timeline: when each foot is on the ground, and what pain and weak
abductors change.

A gait cycle runs from one heel strike of the right foot to the next. Each leg
spends about 60 % of the cycle in *stance* (foot on the ground) and 40 % in
*swing* (FACTS A6). With both legs alike, the 60 % of stance splits into two
spells of *double support* (both feet down, 10 % each) around 40 % of
*single-leg stance*, which is exactly the other leg's swing: 10 + 40 + 10 = 60.

*Antalgic* (pain-avoiding) gait shortens stance on the painful leg; the other
leg is swung through quickly, so its swing and its step are shorter, and it
stays on the ground longer; walking slows (FACTS A6). FACTS gives no size for
the shortening, so the amount here is a control, labelled illustrative. The
double-support spells are kept at 10 % each, a simplification.

A *Trendelenburg* sign: when the hip abductors of the stance leg are weak, the
pelvis drops on the swing side during single-leg stance (FACTS A5). FACTS gives
no angle, so the drop drawn (:data:`ILLUSTRATIVE_DROP_DEG`) is illustrative only.

Times are in percent of one cycle, not seconds.

>>> cycle = gait_cycle(GaitInputs(painful_side="right", stance_shortening_pct=8))
>>> cycle.stance_pct("right"), cycle.stance_pct("left"), cycle.step_pct("left")
(52.0, 68.0, 42.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lessons.core.errors import check_choice, check_fields, check_kind, check_range

__all__ = [
    "DOUBLE_SUPPORT_PCT",
    "ILLUSTRATIVE_DROP_DEG",
    "NORMAL_STANCE_PCT",
    "SHORTENING_RANGE_PCT",
    "SIDES",
    "GaitCycle",
    "GaitInputs",
    "GaitMoment",
    "describe",
    "gait_cycle",
    "moment",
]

#: Stance share of a normal gait cycle, % (FACTS A6); swing is the rest, 40 %.
NORMAL_STANCE_PCT = 60.0
#: Each of the two double-support spells: (stance − swing) / 2 = (60 − 40) / 2 (follows from FACTS
#: A6).
DOUBLE_SUPPORT_PCT = (NORMAL_STANCE_PCT - (100.0 - NORMAL_STANCE_PCT)) / 2
#: How far the explorer lets pain shorten the painful leg's stance, % of the cycle (illustrative).
SHORTENING_RANGE_PCT = (0.0, 15.0)
#: Pelvic drop drawn for a Trendelenburg sign, degrees: ILLUSTRATIVE, not a measured value.
ILLUSTRATIVE_DROP_DEG = 8.0

Side = Literal["none", "right", "left"]
SIDES = ("none", "right", "left")
_OTHER = {"right": "left", "left": "right"}


@dataclass(frozen=True)
class GaitInputs:
    """What the gait timeline shows.

    Args:
        painful_side: the leg that hurts (``"none"``, ``"right"`` or ``"left"``).
        stance_shortening_pct: how much pain shortens that leg's stance, % of the cycle
            (illustrative: FACTS A6 gives the direction, not the size).
        weak_abductors_side: the leg whose hip abductors are weak (Trendelenburg, FACTS A5).

    >>> GaitInputs(stance_shortening_pct=30)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: stance_shortening_pct = 30 % is outside 0 % to 15 %; choose
    a value in that range.
    """

    painful_side: Side = "none"
    stance_shortening_pct: float = 8.0
    weak_abductors_side: Side = "none"

    def __post_init__(self) -> None:
        check_fields(self, {"stance_shortening_pct": SHORTENING_RANGE_PCT}, " %")  # as a float
        for name in ("painful_side", "weak_abductors_side"):
            check_choice(name, getattr(self, name), SIDES)


def _check_leg(side: str) -> None:
    check_choice("side", side, ("right", "left"))


def _check_t(t_pct: float) -> float:
    return check_range("t_pct", t_pct, 0.0, 100.0, " %")


@dataclass(frozen=True)
class GaitCycle:
    """Event times of one cycle, % from right heel strike (0) to the next (100)."""

    inputs: GaitInputs
    right_toe_off: float
    left_toe_off: float
    left_heel_strike: float

    def stance_pct(self, side: str) -> float:
        """Share of the cycle this leg's foot is on the ground."""
        _check_leg(side)
        if side == "right":
            return self.right_toe_off
        return 100.0 - self.left_heel_strike + self.left_toe_off

    def swing_pct(self, side: str) -> float:
        """Share of the cycle this leg's foot is in the air."""
        return 100.0 - self.stance_pct(side)

    def step_pct(self, side: str) -> float:
        """Time of this leg's step: from the other heel strike to this leg's heel strike."""
        _check_leg(side)
        return self.left_heel_strike if side == "left" else 100.0 - self.left_heel_strike

    def intervals(self, side: str) -> list[tuple[float, float, str]]:
        """(start, end, "stance" or "swing") spells of one leg, in cycle order."""
        _check_leg(side)
        if side == "right":
            return [(0.0, self.right_toe_off, "stance"), (self.right_toe_off, 100.0, "swing")]
        return [
            (0.0, self.left_toe_off, "stance"),
            (self.left_toe_off, self.left_heel_strike, "swing"),
            (self.left_heel_strike, 100.0, "stance"),
        ]

    def on_ground(self, side: str, t_pct: float) -> bool:
        """Is this leg's foot on the ground at ``t_pct`` % of the cycle (0 to 100)?"""
        t = _check_t(t_pct) % 100.0
        return any(
            start <= t < end and kind == "stance" for start, end, kind in self.intervals(side)
        )


def gait_cycle(inputs: GaitInputs | None = None) -> GaitCycle:
    """Place the toe-offs and heel strikes of both legs in one cycle.

    Pain shortens the painful leg's stance by ``s`` and lengthens the other's by
    ``s``; the other leg's swing (the painful leg's single-leg stance) and its
    step shrink by ``s``.

    >>> normal = gait_cycle()
    >>> normal.stance_pct("right"), normal.swing_pct("left"), normal.left_heel_strike
    (60.0, 40.0, 50.0)
    """
    p = GaitInputs() if inputs is None else inputs
    check_kind("inputs", p, GaitInputs, "GaitInputs(...)")
    shift = {"none": 0.0, "right": p.stance_shortening_pct, "left": -p.stance_shortening_pct}[
        p.painful_side
    ]
    return GaitCycle(
        inputs=p,
        right_toe_off=NORMAL_STANCE_PCT - shift,
        left_toe_off=DOUBLE_SUPPORT_PCT,
        left_heel_strike=50.0 - shift,
    )


@dataclass(frozen=True)
class GaitMoment:
    """One instant of the cycle: which feet are down and how the pelvis sits."""

    t_pct: float
    right_down: bool
    left_down: bool
    #: Pelvic drop on the swing side, degrees (0 unless a weak-abductor leg stands alone).
    pelvic_drop_deg: float
    #: The side whose half of the pelvis drops, or "none".
    drop_side: str

    @property
    def support(self) -> str:
        """"double support", "single-leg stance on the right/left" (or "flight", never in
        walking)."""
        if self.right_down and self.left_down:
            return "double support"
        if self.right_down or self.left_down:
            return f"single-leg stance on the {'right' if self.right_down else 'left'} leg"
        return "no foot on the ground"


def moment(cycle: GaitCycle, t_pct: float) -> GaitMoment:
    """Say which feet are on the ground at ``t_pct`` % of the cycle and whether the pelvis drops.

    >>> weak = gait_cycle(GaitInputs(weak_abductors_side="right"))
    >>> m = moment(weak, 30)
    >>> m.support, m.drop_side, m.pelvic_drop_deg
    ('single-leg stance on the right leg', 'left', 8.0)
    """
    check_kind("cycle", cycle, GaitCycle, "gait_cycle()")
    t_pct = _check_t(t_pct)
    right, left = cycle.on_ground("right", t_pct), cycle.on_ground("left", t_pct)
    weak = cycle.inputs.weak_abductors_side
    stance_alone = "right" if right and not left else "left" if left and not right else None
    dropping = weak != "none" and stance_alone == weak
    return GaitMoment(
        t_pct=t_pct % 100.0,
        right_down=right,
        left_down=left,
        pelvic_drop_deg=ILLUSTRATIVE_DROP_DEG if dropping else 0.0,
        drop_side=_OTHER[weak] if dropping else "none",
    )


def describe(cycle: GaitCycle, t_pct: float) -> str:
    """Say in words what the gait timeline and the stick figure show.

    >>> print(describe(gait_cycle(), 30))  # doctest: +NORMALIZE_WHITESPACE
    At 30 % of the cycle: single-leg stance on the right leg; the left leg swings.
    Right leg: stance 60 %, swing 40 % of the cycle. Left leg: stance 60 %, swing 40 %. Double
    support twice, 10 % each.
    No pain and strong abductors: both legs share the cycle alike, and the pelvis stays about level.
    """
    check_kind("cycle", cycle, GaitCycle, "gait_cycle()")
    t_pct = _check_t(t_pct)
    m = moment(cycle, t_pct)
    p = cycle.inputs
    now = f"At {m.t_pct:.0f} % of the cycle: {m.support}"
    if m.right_down != m.left_down:
        now += f"; the {'left' if m.right_down else 'right'} leg swings."
    else:
        now += "."
    lines = [
        now,
        f"Right leg: stance {cycle.stance_pct('right'):.0f} %, swing "
        f"{cycle.swing_pct('right'):.0f} % of the cycle. Left leg: stance "
        f"{cycle.stance_pct('left'):.0f} %, swing {cycle.swing_pct('left'):.0f} %. Double support "
        f"twice, {DOUBLE_SUPPORT_PCT:.0f} % each.",
    ]
    if p.painful_side != "none" and p.stance_shortening_pct > 0:
        sore, sound = p.painful_side, _OTHER[p.painful_side]
        lines.append(
            f"Antalgic gait, pain on the {sore}: the {sore} leg's stance is cut to "
            f"{cycle.stance_pct(sore):.0f} % (an illustrative amount), so the {sound} leg swings "
            f"through faster and takes a shorter step ({cycle.step_pct(sound):.0f} % of the cycle "
            f"against {cycle.step_pct(sore):.0f} %); walking also slows, which these percentages "
            "do not show."
        )
    if p.weak_abductors_side != "none":
        weak, other = p.weak_abductors_side, _OTHER[p.weak_abductors_side]
        state = (
            f"now the pelvis drops on the {other} side"
            if m.drop_side != "none"
            else f"watch when the {weak} leg stands alone"
        )
        lines.append(
            f"Weak {weak} hip abductors (Trendelenburg sign): in single-leg stance on the {weak} "
            f"leg the pelvis drops on the swing side, {state} (drawn "
            f"{ILLUSTRATIVE_DROP_DEG:.0f}°, an illustrative angle)."
        )
    if p.painful_side == "none" and p.weak_abductors_side == "none":
        lines.append("No pain and strong abductors: both legs share the cycle alike, and the "
                     "pelvis stays about level.")
    elif p.painful_side == "none" or p.stance_shortening_pct == 0:
        lines.append("No antalgic shortening: both legs keep 60 % stance.")
    return "\n".join(lines)
