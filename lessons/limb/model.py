"""Model the lower limb as linked segments: joint positions from body height and joint angles.

The model is open-chain: the pelvis is held still and the limb hangs from it,
so changing one joint angle moves every segment below that joint. Segment
lengths are fractions of body height from Winter's anthropometric table
(FACTS A13, after Drillis and Contini):

- thigh (hip to knee) 0.245 H, shank (knee to ankle) 0.246 H,
- ankle height 0.039 H, so the hip stands at 0.245 + 0.246 + 0.039 = 0.530 H,
- foot length 0.152 H,
- hip joint centres about 17-19 cm apart in adults (default 18 cm).

Simplification: the heel is placed straight below the ankle and the whole
foot length lies in front of it; a real heel sits a little behind the ankle.

Coordinates are metres in a body frame: ``x`` forward (anterior), ``y`` to the
person's left, ``z`` up, with the floor at ``z = 0`` and the point midway
between the hip joint centres at ``x = y = 0``. The sagittal view looks at the
right side (``x`` across, ``z`` up); the frontal view looks at the front
(``y`` across, so the person's right leg is on the viewer's left).

Joint angles follow the joint-coordinate-system convention used in gait
analysis: hip flexion about the pelvis's side-to-side axis, then abduction
about the floating front-to-back axis, then rotation about the thigh's own
long axis; knee flexion and ankle dorsiflexion are hinges. Angles are in
degrees at the edges and radians inside.

Worked example: standing, the knee is 0.285 H above the floor (FACTS A13).

>>> pose = limb_pose(JointAngles(), height_m=1.75)
>>> round(pose.knee[2], 3), round(0.285 * 1.75, 3)
(0.499, 0.499)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from lessons.core.errors import check_choice, check_fields, check_kind, check_range

__all__ = [
    "ANGLE_RANGES_DEG",
    "HEIGHT_RANGE_M",
    "Anthropometry",
    "JointAngles",
    "LimbPose",
    "anthropometry",
    "describe",
    "limb_pose",
]

Vec = tuple[float, float, float]

# Winter's segment fractions of body height (FACTS A13).
THIGH_FRACTION = 0.245
SHANK_FRACTION = 0.246
ANKLE_HEIGHT_FRACTION = 0.039
FOOT_LENGTH_FRACTION = 0.152
HIP_WIDTH_FRACTION = 0.191

#: Adult heights for which the segment fractions are used here (metres).
HEIGHT_RANGE_M = (1.40, 2.10)
#: Hip joint centre spacing accepted by the model (metres); adults are about 0.17-0.19 (FACTS A13).
HIP_SPACING_RANGE_M = (0.12, 0.26)
DEFAULT_HIP_SPACING_M = 0.18

#: Joint ranges the model accepts, in degrees: the usual adult active ranges of motion
#: (American Academy of Orthopaedic Surgeons, "Joint Motion: Method of Measuring and
#: Recording", 1965; hip adduction 30 degrees also in FACTS D4).
ANGLE_RANGES_DEG: dict[str, tuple[float, float]] = {
    "hip_flexion_deg": (-30.0, 120.0),  # negative = extension
    "hip_abduction_deg": (-30.0, 45.0),  # negative = adduction
    "hip_rotation_deg": (-45.0, 45.0),  # positive = internal, negative = external
    "knee_flexion_deg": (0.0, 135.0),
    "ankle_dorsiflexion_deg": (-50.0, 20.0),  # negative = plantarflexion
}


@dataclass(frozen=True)
class Anthropometry:
    """Segment lengths of one adult, in metres, from body height (FACTS A13)."""

    height_m: float
    thigh_m: float
    shank_m: float
    ankle_height_m: float
    foot_length_m: float
    hip_width_m: float
    hip_centre_spacing_m: float

    @property
    def hip_height_m(self) -> float:
        """Height of the hip joint centre above the floor when standing."""
        return self.thigh_m + self.shank_m + self.ankle_height_m


def anthropometry(
    height_m: float = 1.75, hip_centre_spacing_m: float = DEFAULT_HIP_SPACING_M
) -> Anthropometry:
    """Return segment lengths for a body height, using Winter's fractions (FACTS A13).

    Args:
        height_m: standing height in metres, 1.40 to 2.10.
        hip_centre_spacing_m: distance between the two hip joint centres in metres.

    >>> body = anthropometry(1.80)
    >>> round(body.thigh_m, 3), round(body.shank_m, 3), round(body.hip_height_m, 3)
    (0.441, 0.443, 0.954)
    """
    height_m = check_range("height_m", height_m, *HEIGHT_RANGE_M, " m")
    hip_centre_spacing_m = check_range(
        "hip_centre_spacing_m", hip_centre_spacing_m, *HIP_SPACING_RANGE_M, " m"
    )
    return Anthropometry(
        height_m=height_m,
        thigh_m=THIGH_FRACTION * height_m,
        shank_m=SHANK_FRACTION * height_m,
        ankle_height_m=ANKLE_HEIGHT_FRACTION * height_m,
        foot_length_m=FOOT_LENGTH_FRACTION * height_m,
        hip_width_m=HIP_WIDTH_FRACTION * height_m,
        hip_centre_spacing_m=hip_centre_spacing_m,
    )


@dataclass(frozen=True)
class JointAngles:
    """Joint angles of one leg, in degrees; zero everywhere is upright standing.

    Signs: hip flexion +, extension -; hip abduction +, adduction -;
    hip internal rotation +, external -; knee flexion +;
    ankle dorsiflexion (toes up) +, plantarflexion -.

    >>> JointAngles(knee_flexion_deg=150)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: knee_flexion_deg = 150° is outside 0° to 135°; choose a
    value in that range.
    """

    hip_flexion_deg: float = 0.0
    hip_abduction_deg: float = 0.0
    hip_rotation_deg: float = 0.0
    knee_flexion_deg: float = 0.0
    ankle_dorsiflexion_deg: float = 0.0

    def __post_init__(self) -> None:
        check_fields(self, ANGLE_RANGES_DEG, "°")  # any real number type, as a float


# --- small 3-vector helpers (pure Python: a handful of points is faster without numpy) ---

Mat = tuple[Vec, Vec, Vec]


def _rot_x(a: float) -> Mat:
    c, s = math.cos(a), math.sin(a)
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def _rot_y(a: float) -> Mat:
    c, s = math.cos(a), math.sin(a)
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def _rot_z(a: float) -> Mat:
    c, s = math.cos(a), math.sin(a)
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def _matmul(a: Mat, b: Mat) -> Mat:
    return tuple(
        tuple(sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)) for i in range(3)
    )  # type: ignore[return-value]


def _apply(m: Mat, v: Vec) -> Vec:
    return tuple(sum(m[i][k] * v[k] for k in range(3)) for i in range(3))  # type: ignore[return-value]


def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _scale(v: Vec, k: float) -> Vec:
    return (v[0] * k, v[1] * k, v[2] * k)


_DOWN: Vec = (0.0, 0.0, -1.0)
_FORWARD: Vec = (1.0, 0.0, 0.0)


@dataclass(frozen=True)
class LimbPose:
    """Positions (metres, body frame) of the landmarks of one leg and the pelvis."""

    angles: JointAngles
    body: Anthropometry
    side: Literal["right", "left"]
    hip: Vec
    opposite_hip: Vec
    knee: Vec
    ankle: Vec
    heel: Vec
    toe: Vec
    #: Unit vectors of the thigh and shank, hip to knee and knee to ankle.
    thigh_axis: Vec = field(repr=False, default=(0.0, 0.0, -1.0))
    shank_axis: Vec = field(repr=False, default=(0.0, 0.0, -1.0))

    def sagittal(self) -> dict[str, tuple[float, float]]:
        """Landmarks seen from the right side: (forward, up) in metres."""
        return {name: (p[0], p[2]) for name, p in self._points().items()}

    def frontal(self) -> dict[str, tuple[float, float]]:
        """Landmarks seen from the front: (toward the person's left, up) in metres."""
        return {name: (p[1], p[2]) for name, p in self._points().items()}

    def _points(self) -> dict[str, Vec]:
        return {
            "hip": self.hip,
            "opposite_hip": self.opposite_hip,
            "knee": self.knee,
            "ankle": self.ankle,
            "heel": self.heel,
            "toe": self.toe,
        }


def limb_pose(
    angles: JointAngles | None = None,
    height_m: float = 1.75,
    side: Literal["right", "left"] = "right",
    hip_centre_spacing_m: float = DEFAULT_HIP_SPACING_M,
) -> LimbPose:
    """Place the hip, knee, ankle, heel and toe of one leg for the given joint angles.

    Args:
        angles: the leg's joint angles in degrees (default: upright standing).
        height_m: body height in metres; segment lengths scale with it (FACTS A13).
        side: which leg moves; the other hip is drawn for reference.
        hip_centre_spacing_m: distance between the hip joint centres in metres.

    Returns:
        A frozen :class:`LimbPose` with every landmark in metres.

    Worked example: sitting (hip and knee flexed 90 degrees), the thigh points
    straight forward and the ankle hangs one shank length below the knee.

    >>> pose = limb_pose(JointAngles(hip_flexion_deg=90, knee_flexion_deg=90), height_m=1.75)
    >>> [round(c, 2) for c in pose.knee]
    [0.43, -0.09, 0.93]
    >>> [round(c, 2) for c in pose.ankle]
    [0.43, -0.09, 0.5]
    """
    angles = JointAngles() if angles is None else angles
    check_kind("angles", angles, JointAngles, "JointAngles(...)")
    check_choice("side", side, ("right", "left"))
    body = anthropometry(height_m, hip_centre_spacing_m)
    # Mirror the side-to-side sense for the left leg: abduction moves a right knee
    # towards -y but a left knee towards +y, and internal rotation turns the front
    # of a right thigh towards +y (the midline) but a left thigh towards -y.
    lateral = -1.0 if side == "right" else 1.0
    a = angles
    hip_rot = _matmul(
        _matmul(_rot_y(-math.radians(a.hip_flexion_deg)),
                _rot_x(lateral * math.radians(a.hip_abduction_deg))),
        _rot_z(-lateral * math.radians(a.hip_rotation_deg)),
    )
    knee_rot = _matmul(hip_rot, _rot_y(math.radians(a.knee_flexion_deg)))
    foot_rot = _matmul(knee_rot, _rot_y(-math.radians(a.ankle_dorsiflexion_deg)))

    half = body.hip_centre_spacing_m / 2
    hip = (0.0, lateral * half, body.hip_height_m)
    opposite_hip = (0.0, -lateral * half, body.hip_height_m)
    thigh_axis = _apply(hip_rot, _DOWN)
    shank_axis = _apply(knee_rot, _DOWN)
    knee = _add(hip, _scale(thigh_axis, body.thigh_m))
    ankle = _add(knee, _scale(shank_axis, body.shank_m))
    heel = _add(ankle, _apply(foot_rot, _scale(_DOWN, body.ankle_height_m)))
    toe = _add(heel, _apply(foot_rot, _scale(_FORWARD, body.foot_length_m)))
    return LimbPose(
        angles=angles,
        body=body,
        side=side,
        hip=hip,
        opposite_hip=opposite_hip,
        knee=knee,
        ankle=ankle,
        heel=heel,
        toe=toe,
        thigh_axis=thigh_axis,
        shank_axis=shank_axis,
    )


def _signed(value_deg: float, positive: str, negative: str, zero: str) -> str:
    if round(value_deg) == 0:
        return zero
    return f"{abs(value_deg):.0f}° {positive if value_deg > 0 else negative}"


def describe(pose: LimbPose) -> str:
    """Say in words what the limb diagram shows: the angles and where the joints are.

    >>> seated = limb_pose(JointAngles(hip_flexion_deg=90, knee_flexion_deg=90))
    >>> print(describe(seated))  # doctest: +NORMALIZE_WHITESPACE
    Right leg, body height 1.75 m. Hip: 90° flexion, 0° abduction, 0° rotation. Knee: 90° flexion.
    Ankle: neutral (0°).
    Knee 43 cm in front of the hip, 93 cm above the floor. Ankle 50 cm above the floor. Toes 69 cm
    in front of the hip.
    """
    check_kind("pose", pose, LimbPose, "limb_pose()")
    a = pose.angles

    def ahead(p: Vec) -> str:
        d_cm = (p[0] - pose.hip[0]) * 100
        if round(d_cm) == 0:
            return f"directly {'above' if p[2] > pose.hip[2] else 'below'} the hip"
        return f"{abs(d_cm):.0f} cm {'in front of' if d_cm > 0 else 'behind'} the hip"

    hip = ", ".join(
        [
            _signed(a.hip_flexion_deg, "flexion", "extension", "0° flexion"),
            _signed(a.hip_abduction_deg, "abduction", "adduction", "0° abduction"),
            _signed(a.hip_rotation_deg, "internal rotation", "external rotation", "0° rotation"),
        ]
    )
    knee = _signed(a.knee_flexion_deg, "flexion", "flexion", "straight (0°)")
    ankle = _signed(
        a.ankle_dorsiflexion_deg, "dorsiflexion (toes up)", "plantarflexion (toes down)",
        "neutral (0°)"
    )
    return (
        f"{pose.side.capitalize()} leg, body height {pose.body.height_m:.2f} m. Hip: {hip}. Knee: "
        f"{knee}. Ankle: {ankle}.\nKnee {ahead(pose.knee)}, {pose.knee[2] * 100:.0f} cm above the "
        f"floor. Ankle {pose.ankle[2] * 100:.0f} cm above the floor. Toes {ahead(pose.toe)}."
        + _floor_note(pose)
    )


def _floor_note(pose: LimbPose) -> str:
    lowest_cm = min(pose.heel[2], pose.toe[2]) * 100
    if lowest_cm > -0.5:
        return ""
    return (
        f"\nThe foot is {-lowest_cm:.0f} cm below floor level: with the pelvis held still this "
        "foot would hit the floor. A real body lifts (hikes) the pelvis, bends the other knee or "
        "points the foot — one joint's movement changes what the others must do."
    )
