"""Place a whole stick figure for each stretch: key poses as joint angles on the limb model.

Each stretch of the catalog (:mod:`lessons.stretches.catalog`) is a short sequence of
key poses: where it starts, the movement, and the position held. A key pose
gives the joint angles of both legs (:class:`lessons.limb.model.JointAngles`), how
the body lies or sits, the trunk's lean, the neck, and where the hands hold.
:func:`body_pose` turns that into points of a side view; :func:`pose_at`
moves smoothly between the key poses for an animation.

The affected side is drawn as the **right** leg, seen from the right; the
other leg is behind it. Coordinates are metres in the room: ``x`` along the
floor (towards the feet when lying, forwards when sitting), ``z`` up, floor
at ``z = 0``, the point midway between the hip joints at ``x = 0``.

Whole-body placement:

- **supine** (lying on the back): the limb model's body frame is turned
  90° so that the front of the body faces the ceiling; the hip joint centres
  lie one head radius above the floor, so the head rests on it.
- **seated**: the body frame stays upright; the seat is high enough that the
  supporting foot stands flat with the thigh sloping 15° down, the shin upright.

Drawing proportions beyond the legs (FACTS A13 covers the legs and shoulder
width) come from Winter's anthropometric figure and serve the drawing only:
hip to shoulder 0.288 H, shoulder to the centre of the head 0.117 H, head
radius 0.065 H, upper arm 0.186 H, forearm to the middle of the hand 0.200 H.
The pelvis does not tilt with the trunk (a simplification of the drawing).

Worked example: in the held figure-4, the affected ankle rests on the other
thigh just above the knee (within 3 cm in the side view).

>>> hold = body_pose(key_poses("figure-4")[-1].posture)
>>> gap_cm = ankle_to_other_thigh_m(hold) * 100
>>> gap_cm < 3
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Literal

from lessons.core.errors import CourseError, check_choice, check_kind, check_range
from lessons.limb.model import HEIGHT_RANGE_M, JointAngles, LimbPose, limb_pose

__all__ = [
    "ANATOMY_FRACTIONS", "BodyPose", "KeyPose", "Posture", "ankle_to_other_thigh_m", "body_pose",
    "describe_pose", "interpolate", "key_poses", "pose_at", "stretch_ids",
]

Point = tuple[float, float]

#: Winter's proportions used for the trunk, head and arms (fractions of height; drawing only).
ANATOMY_FRACTIONS = {
    "hip_to_shoulder": 0.818 - 0.530,
    "shoulder_to_head_centre": 0.117,
    "head_radius": 0.065,
    "upper_arm": 0.186,
    "forearm_to_grip": 0.200,
}
#: In sitting, the supporting thigh slopes this much below horizontal (hip 75°, shin upright).
SEATED_HIP_FLEXION_DEG = 75.0

Hands = Literal["sides", "thighs", "affected_knee", "affected_shin", "affected_thigh",
                "other_thigh"]
HANDS_WORDS = {
    "sides": "hands resting on the floor by the sides",
    "thighs": "hands resting on the thighs",
    "affected_knee": "hands holding the knee",
    "affected_shin": "hands holding the shin, below the knee",
    "affected_thigh": "hands holding the back of the thigh",
    "other_thigh": "hands holding the other thigh, behind the knee",
}


@dataclass(frozen=True)
class Posture:
    """One whole-body position: how the body rests, both legs' angles, trunk, neck and hands.

    Args:
        base: "supine" (lying on the back) or "seated".
        affected: joint angles of the affected (right, drawn solid) leg.
        other: joint angles of the other (left, drawn dashed) leg.
        trunk_lean_deg: sitting only: forward lean of the trunk from upright, 0 to 45.
        neck_flexion_deg: chin towards the chest (+) or head tilted back to look up (−), −40 to 45.
        hands: where the hands hold (see ``HANDS_WORDS``).
    """

    base: Literal["supine", "seated"]
    affected: JointAngles
    other: JointAngles
    trunk_lean_deg: float = 0.0
    neck_flexion_deg: float = 0.0
    hands: Hands = "sides"

    def __post_init__(self) -> None:
        check_choice("base", self.base, ("supine", "seated"))
        check_choice("hands", self.hands, HANDS_WORDS)
        check_kind("affected", self.affected, JointAngles, "JointAngles(...)")
        check_kind("other", self.other, JointAngles, "JointAngles(...)")
        for name, value, low, high in (
            ("trunk_lean_deg", self.trunk_lean_deg, 0.0, 45.0 if self.base == "seated" else 0.0),
            ("neck_flexion_deg", self.neck_flexion_deg, -40.0, 45.0),
        ):  # any real number type, kept as a float
            object.__setattr__(self, name, check_range(name, value, low, high, "°"))


@dataclass(frozen=True)
class KeyPose:
    """A named moment of a stretch: the position and a caption in words."""

    name: str
    caption: str
    posture: Posture


@dataclass(frozen=True)
class BodyPose:
    """The stick figure of one posture, as points of the side view (metres, room frame)."""

    posture: Posture
    height_m: float
    affected: dict[str, Point]
    other: dict[str, Point]
    pelvis: Point
    shoulder: Point
    head_centre: Point
    head_radius_m: float
    elbow: Point
    hand: Point
    seat_height_m: float | None

    def points(self) -> list[Point]:
        """Every point of the figure (for limits and tests)."""
        legs = list(self.affected.values()) + list(self.other.values())
        return legs + [self.pelvis, self.shoulder, self.head_centre, self.elbow, self.hand]


# --------------------------------------------------------------------------- the key poses

_CROOK = JointAngles(41, 0, 0, 90, -41)  # hip and knee bent, foot flat
_LYING = JointAngles(ankle_dorsiflexion_deg=-30)  # straight leg, foot relaxed
_SIT = JointAngles(hip_flexion_deg=SEATED_HIP_FLEXION_DEG, knee_flexion_deg=SEATED_HIP_FLEXION_DEG)


def _supine(affected: JointAngles, other: JointAngles = _CROOK, hands: Hands = "sides") -> Posture:
    return Posture("supine", affected, other, hands=hands)


def _seated(
    affected: JointAngles, lean: float = 0.0, neck: float = 0.0, hands: Hands = "thighs"
) -> Posture:
    return Posture("seated", affected, _SIT, trunk_lean_deg=lean, neck_flexion_deg=neck,
                   hands=hands)


# Angles for the ankle resting on the other thigh were found by searching the limb model's
# ranges for the side view (the model allows 45° of external rotation at most).
_FIGURE_4_CROSS = JointAngles(90, 20, -45, 115, 0)
_FIGURE_4_HOLD = JointAngles(120, 40, -45, 120, 0)
_SEATED_CROSS = JointAngles(120, 40, -45, 120, 0)

_KEY_POSES: dict[str, tuple[KeyPose, ...]] = {
    "figure-4": (
        KeyPose("start", "Lie on your back, knees bent, feet flat.", _supine(_CROOK)),
        KeyPose("cross", "Rest the affected ankle on the other knee: a figure 4.",
                _supine(_FIGURE_4_CROSS)),
        KeyPose(
            "hold",
            "Pull the other thigh towards the chest and hold.",
            _supine(_FIGURE_4_HOLD, JointAngles(75, 0, 0, 90, 0), hands="other_thigh"),
        ),
    ),
    "knee-to-opposite-shoulder": (
        KeyPose("start", "Lie on your back, legs straight.", _supine(_LYING, _LYING)),
        KeyPose(
            "knee up",
            "Bend the affected knee up towards the chest.",
            _supine(JointAngles(90, 0, 0, 90, -20), _LYING, hands="affected_knee"),
        ),
        KeyPose(
            "hold",
            "Pull the knee across towards the opposite shoulder (hip 90°, 30° across) and hold.",
            _supine(JointAngles(90, -30, 0, 90, -20), _LYING, hands="affected_knee"),
        ),
    ),
    "seated-piriformis": (
        KeyPose("start", "Sit tall, both feet flat.", _seated(_SIT)),
        KeyPose("cross", "Rest the affected ankle on the other knee.",
                _seated(_SEATED_CROSS, hands="affected_knee")),
        KeyPose(
            "hold",
            "Keep the back straight and lean forwards from the hips; hold.",
            _seated(_SEATED_CROSS, lean=35, neck=10, hands="affected_knee"),
        ),
    ),
    "knee-to-chest": (
        KeyPose("start", "Lie on your back, knees bent, feet flat.", _supine(_CROOK)),
        KeyPose(
            "knee up",
            "Bring one knee up and hold it.",
            _supine(JointAngles(90, 0, 0, 100, -20), hands="affected_shin"),
        ),
        KeyPose(
            "hold",
            "Pull the knee gently towards the chest and hold.",
            _supine(JointAngles(115, 0, 0, 120, -20), hands="affected_shin"),
        ),
    ),
    "bent-knee-hamstring": (
        KeyPose("start", "Lie on your back, knees bent, feet flat.", _supine(_CROOK)),
        KeyPose(
            "thigh up",
            "Hold the back of the thigh: hip and knee at right angles.",
            _supine(JointAngles(90, 0, 0, 90, -20), hands="affected_thigh"),
        ),
        KeyPose(
            "hold",
            "Straighten the knee part way, ankle relaxed; hold.",
            _supine(JointAngles(90, 0, 0, 35, -20), hands="affected_thigh"),
        ),
    ),
    "seated-nerve-glide": (
        KeyPose("start", "Sit tall, both feet flat.", _seated(_SIT)),
        KeyPose(
            "knee straight, look up",
            "Straighten the knee while tilting the head back to look up.",
            _seated(JointAngles(SEATED_HIP_FLEXION_DEG, 0, 0, 20, 0), neck=-30),
        ),
        KeyPose(
            "knee bent, look down",
            "Bend the knee while bringing the chin down.",
            _seated(JointAngles(SEATED_HIP_FLEXION_DEG, 0, 0, 90, 15), neck=35),
        ),
    ),
}


def stretch_ids() -> tuple[str, ...]:
    """The stretches that have key poses.

    >>> "figure-4" in stretch_ids()
    True
    """
    return tuple(_KEY_POSES)


def key_poses(stretch_id: str) -> tuple[KeyPose, ...]:
    """Return the key poses of a stretch, from its start to its held position.

    >>> [k.name for k in key_poses("knee-to-opposite-shoulder")]
    ['start', 'knee up', 'hold']
    """
    check_choice("stretch_id", stretch_id, _KEY_POSES)
    return _KEY_POSES[stretch_id]


# --------------------------------------------------------------------------- geometry


def _leg_points(leg: LimbPose, base: str, lie_m: float, seat_m: float) -> dict[str, Point]:
    """Map a leg from the limb model's standing body frame into the room's side view."""
    hip_z = leg.hip[2]
    out = {}
    for name in ("hip", "knee", "ankle", "heel", "toe"):
        x, _, z = getattr(leg, name)
        if base == "supine":  # the body's front faces up, its head end points to -x
            out[name] = (hip_z - z, x + lie_m)
        else:
            out[name] = (x, z - hip_z + seat_m)
    return out


def _rotate(v: Point, deg: float) -> Point:
    a = math.radians(deg)
    return (v[0] * math.cos(a) - v[1] * math.sin(a), v[0] * math.sin(a) + v[1] * math.cos(a))


def _along(a: Point, b: Point, t: float, normal_m: float = 0.0) -> Point:
    """A point ``t`` of the way from a to b, moved ``normal_m`` to the left of the direction a→b."""
    dx, dz = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dz) or 1.0
    return (a[0] + t * dx - normal_m * dz / length, a[1] + t * dz + normal_m * dx / length)


def _elbow(shoulder: Point, hand: Point, upper: float, lower: float) -> tuple[Point, Point]:
    """Two-link arm: the elbow (bent towards the floor) and the hand, which stops at full reach."""
    dx, dz = hand[0] - shoulder[0], hand[1] - shoulder[1]
    d = math.hypot(dx, dz)
    reach = upper + lower
    if d >= reach * 0.999 or d < 1e-9:
        ux, uz = (dx / d, dz / d) if d > 1e-9 else (1.0, 0.0)
        hand = (shoulder[0] + ux * min(d, reach * 0.999), shoulder[1] + uz * min(d, reach * 0.999))
        d = min(d, reach * 0.999) or reach * 0.5
        dx, dz = hand[0] - shoulder[0], hand[1] - shoulder[1]
    along = (upper**2 - lower**2 + d**2) / (2 * d)
    h = math.sqrt(max(upper**2 - along**2, 0.0))
    ux, uz = dx / d, dz / d
    candidates = [
        (shoulder[0] + ux * along - uz * h, shoulder[1] + uz * along + ux * h),
        (shoulder[0] + ux * along + uz * h, shoulder[1] + uz * along - ux * h),
    ]
    return min(candidates, key=lambda p: p[1]), hand


def body_pose(posture: Posture, height_m: float = 1.75) -> BodyPose:
    """Place the whole stick figure for a posture, in the side view.

    Args:
        posture: the position (see :class:`Posture`).
        height_m: body height in metres (1.40 to 2.10); every length scales with it.

    Returns:
        A frozen :class:`BodyPose`.

    Worked example: lying with straight legs, the hips are one head radius
    (0.065 H, 11 cm for 1.75 m) above the floor and the knee lies level with them.

    >>> lying = body_pose(key_poses("knee-to-opposite-shoulder")[0].posture)
    >>> round(lying.pelvis[1], 3), round(lying.affected["knee"][1], 3)
    (0.114, 0.114)
    """
    check_kind("posture", posture, Posture, "Posture(...) or pose_at()")
    height_m = check_range("height_m", height_m, *HEIGHT_RANGE_M, " m")
    f = {k: v * height_m for k, v in ANATOMY_FRACTIONS.items()}
    affected = limb_pose(posture.affected, height_m=height_m, side="right")
    other = limb_pose(posture.other, height_m=height_m, side="left")
    lie_m = f["head_radius"]
    seat_m = 0.0
    if posture.base == "seated":
        body = affected.body
        seat_m = body.ankle_height_m + body.shank_m + body.thigh_m * math.cos(
            math.radians(SEATED_HIP_FLEXION_DEG)
        )
    legs = {
        "affected": _leg_points(affected, posture.base, lie_m, seat_m),
        "other": _leg_points(other, posture.base, lie_m, seat_m),
    }
    pelvis = (0.0, lie_m if posture.base == "supine" else seat_m)
    # Unit vector from the pelvis to the shoulders, and the direction the front of the chest faces.
    if posture.base == "supine":
        up, front = (-1.0, 0.0), (0.0, 1.0)
    else:
        up = _rotate((0.0, 1.0), -posture.trunk_lean_deg)
        front = _rotate(up, -90.0)
    shoulder = (pelvis[0] + up[0] * f["hip_to_shoulder"], pelvis[1] + up[1] * f["hip_to_shoulder"])
    # Neck flexion turns the head from the trunk's line towards the front of the chest.
    bend = math.radians(posture.neck_flexion_deg)
    neck = (up[0] * math.cos(bend) + front[0] * math.sin(bend),
            up[1] * math.cos(bend) + front[1] * math.sin(bend))
    head = (shoulder[0] + neck[0] * f["shoulder_to_head_centre"],
            shoulder[1] + neck[1] * f["shoulder_to_head_centre"])
    target = _hand_target(posture, legs, shoulder, f, pelvis)
    elbow, hand = _elbow(shoulder, target, f["upper_arm"], f["forearm_to_grip"])
    return BodyPose(
        posture=posture,
        height_m=height_m,
        affected=legs["affected"],
        other=legs["other"],
        pelvis=pelvis,
        shoulder=shoulder,
        head_centre=head,
        head_radius_m=f["head_radius"],
        elbow=elbow,
        hand=hand,
        seat_height_m=seat_m if posture.base == "seated" else None,
    )


def _hand_target(posture: Posture, legs, shoulder: Point, f: dict, pelvis: Point) -> Point:
    a, o = legs["affected"], legs["other"]
    grip = 0.04 * f["hip_to_shoulder"] / ANATOMY_FRACTIONS["hip_to_shoulder"]  # 4 % of height
    if posture.hands == "sides":
        return (shoulder[0] + 1.05 * (f["upper_arm"] + f["forearm_to_grip"]), pelvis[1])
    if posture.hands == "thighs":
        return _along(a["hip"], a["knee"], 0.6, grip)
    if posture.hands == "affected_knee":
        return _along(a["hip"], a["knee"], 0.95, grip)
    if posture.hands == "affected_shin":
        return _along(a["knee"], a["ankle"], 0.25, 0.0)
    leg = a if posture.hands == "affected_thigh" else o
    return _along(leg["hip"], leg["knee"], 0.85, 0.0)


def ankle_to_other_thigh_m(pose: BodyPose) -> float:
    """Side-view distance from the affected ankle to the other thigh's upper surface near the knee.

    Used to check that the figure-4 positions really rest the ankle on the other leg.
    """
    check_kind("pose", pose, BodyPose, "body_pose()")
    hip, knee = pose.other["hip"], pose.other["knee"]
    surface_m = 0.05 * pose.height_m / 1.75
    a = _along(hip, knee, 0.4, surface_m)
    b = _along(hip, knee, 1.0, surface_m)
    p = pose.affected["ankle"]
    abx, abz = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * abx + (p[1] - a[1]) * abz) / (abx**2 + abz**2)))
    return math.dist(p, (a[0] + t * abx, a[1] + t * abz))


# --------------------------------------------------------------------------- animation


def _mix(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def interpolate(a: Posture, b: Posture, t: float) -> Posture:
    """Blend two postures: every angle moves ``t`` (0 to 1) of the way from a to b.

    The base must match; the hands take b's grip from halfway on.

    >>> start, hold = (k.posture for k in key_poses("knee-to-chest")[::2])
    >>> interpolate(start, hold, 0.5).affected.hip_flexion_deg
    78.0
    """
    check_kind("a", a, Posture, "Posture(...)")
    check_kind("b", b, Posture, "Posture(...)")
    if a.base != b.base:
        raise CourseError("can only blend two lying or two sitting postures")
    t = check_range("t", t, 0.0, 1.0)

    def angles(x: JointAngles, y: JointAngles) -> JointAngles:
        return JointAngles(
            **{fl.name: _mix(getattr(x, fl.name), getattr(y, fl.name), t) for fl in fields(x)}
        )

    return replace(
        a,
        affected=angles(a.affected, b.affected),
        other=angles(a.other, b.other),
        trunk_lean_deg=_mix(a.trunk_lean_deg, b.trunk_lean_deg, t),
        neck_flexion_deg=_mix(a.neck_flexion_deg, b.neck_flexion_deg, t),
        hands=a.hands if t < 0.5 else b.hands,
    )


def pose_at(stretch_id: str, progress_pct: float) -> tuple[Posture, int, float]:
    """The posture ``progress_pct`` (0 to 100) of the way through a stretch's key poses.

    Returns:
        The blended posture, the index of the key pose just passed, and how far
        (0 to 1) towards the next one.

    >>> posture, index, t = pose_at("knee-to-chest", 75)
    >>> index, t, posture.affected.knee_flexion_deg
    (1, 0.5, 110.0)
    """
    progress_pct = check_range("progress_pct", progress_pct, 0, 100, " %")
    poses = key_poses(stretch_id)
    segments = len(poses) - 1
    position = progress_pct / 100 * segments
    index = min(int(position), segments - 1)
    t = position - index
    if t >= 1.0 - 1e-9:
        return poses[index + 1].posture, index + 1, 0.0
    return interpolate(poses[index].posture, poses[index + 1].posture, t), index, t


def describe_pose(stretch_id: str, progress_pct: float) -> str:
    """Say in words what the figure shows at this point of the stretch.

    >>> print(describe_pose("knee-to-opposite-shoulder", 100))  # doctest: +NORMALIZE_WHITESPACE
    Key position 3 of 3 (hold): Pull the knee across towards the opposite shoulder (hip 90°, 30°
    across) and hold.
    Affected (right, solid) leg: hip 90° flexion, 30° adduction (across the body), 0° rotation; knee
    90° bent. Hands holding the knee.
    """
    posture, index, t = pose_at(stretch_id, progress_pct)
    poses = key_poses(stretch_id)
    if t == 0.0:
        key = poses[index]
        head = f"Key position {index + 1} of {len(poses)} ({key.name}): {key.caption}"
    else:
        head = (
            f"Moving from key position {index + 1} ({poses[index].name}) to {index + 2} "
            f"({poses[index + 1].name}), {t * 100:.0f} % of the way."
        )
    a = posture.affected
    outward = a.hip_abduction_deg >= 0
    side = "abduction (out to the side)" if outward else "adduction (across the body)"
    turn = "external (outward)" if a.hip_rotation_deg < 0 else "internal (inward)"
    rotation = "0° rotation"
    if round(a.hip_rotation_deg):
        rotation = f"{abs(a.hip_rotation_deg):.0f}° {turn} rotation"
    body = (
        f"Affected (right, solid) leg: hip {a.hip_flexion_deg:.0f}° flexion, "
        f"{abs(a.hip_abduction_deg):.0f}° {side}, {rotation}; knee {a.knee_flexion_deg:.0f}° bent."
    )
    extra = []
    if posture.trunk_lean_deg >= 0.5:
        extra.append(f"Trunk leaning {posture.trunk_lean_deg:.0f}° forwards.")
    if abs(posture.neck_flexion_deg) >= 0.5:
        extra.append(
            f"Head tilted {abs(posture.neck_flexion_deg):.0f}° "
            + ("down (chin to chest)." if posture.neck_flexion_deg > 0 else "back (looking up).")
        )
    extra.append(HANDS_WORDS[posture.hands].capitalize() + ".")
    return head + "\n" + " ".join([body, *extra])
