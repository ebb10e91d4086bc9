"""Draw the lower-limb stick figure in a side and a front view, and update it in place.

:func:`draw_limb` draws once and returns the artists it made;
:func:`update_limb` moves those same artists to a new pose (no new artists, no
clearing), so a slider can call it on every tick.

>>> from lessons.limb.model import limb_pose, JointAngles
>>> art = draw_limb(limb_pose())
>>> art.thigh_side.get_xydata().round(2).tolist()
[[0.0, 0.93], [0.0, 0.5]]
>>> update_limb(art, limb_pose(JointAngles(hip_flexion_deg=90)))
>>> art.thigh_side.get_xydata().round(2).tolist()
[[0.0, 0.93], [0.43, 0.93]]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from lessons.core import drawing, palette
from lessons.limb.model import (
    ANGLE_RANGES_DEG,
    HEIGHT_RANGE_M,
    HIP_SPACING_RANGE_M,
    JointAngles,
    LimbPose,
    describe,
    limb_pose,
)

__all__ = ["FIGURES", "LimbArtists", "draw_limb", "limb_figure", "update_limb"]


@dataclass(frozen=True)
class LimbArtists(drawing.Artists):
    """The artists of one limb diagram, by name, so callers can update or inspect them."""

    ax_side: Axes
    ax_front: Axes
    #: The other leg, standing, grey and dashed (thigh, shank, foot), redrawn when height changes.
    reference_side: tuple[Line2D, ...]
    reference_front: tuple[Line2D, ...]
    thigh_side: Line2D
    shank_side: Line2D
    foot_side: Line2D
    joints_side: Line2D
    thigh_front: Line2D
    shank_front: Line2D
    foot_front: Line2D
    joints_front: Line2D
    pelvis_front: Line2D
    knee_label_side: Text
    knee_label_front: Text
    hip_label_side: Text
    pelvis_label_front: Text
    caption: Text | None


@lru_cache(maxsize=1)
def _reach_per_height() -> tuple[float, float, float, float, float, float]:
    """How far the foot can reach from the hip, over the whole angle range, per metre of height.

    Segment lengths are proportional to height, so one sweep at 1 m serves every
    body: multiply by the height to get metres.
    """
    grids = [
        sorted({low, (low + high) / 2, 0.0 if low < 0 < high else low, high})
        for low, high in ANGLE_RANGES_DEG.values()
    ]
    xs, ys, zs = [0.0], [0.0], [0.0]
    for values in itertools.product(*grids):
        pose = limb_pose(JointAngles(*values), height_m=HEIGHT_RANGE_M[0])
        for p in (pose.knee, pose.ankle, pose.heel, pose.toe):
            xs.append((p[0] - pose.hip[0]) / HEIGHT_RANGE_M[0])
            ys.append((p[1] - pose.hip[1]) / HEIGHT_RANGE_M[0])
            zs.append((p[2] - pose.hip[2]) / HEIGHT_RANGE_M[0])
    return min(xs), max(xs), min(ys), max(ys), min(zs), max(zs)


@lru_cache(maxsize=1)
def _view_limits():
    """Fixed axis limits (side x, front y, height z) that hold every pose of the tallest body.

    Fixed, so that a taller body visibly has longer legs and nothing is ever clipped.
    """
    x0, x1, y0, y1, _, z1 = _reach_per_height()
    h, pad = HEIGHT_RANGE_M[1], 0.05
    hip_z = limb_pose(height_m=h).hip[2]
    half_spacing = HIP_SPACING_RANGE_M[1] / 2
    lateral = max(abs(y0), abs(y1)) * h + half_spacing
    return (
        (h * x0 - pad, h * x1 + pad), (-lateral - pad, lateral + pad), (-pad, hip_z + h * z1 + pad)
    )


def _leg_paths(points: dict[str, tuple[float, float]]):
    hip, knee, ankle = points["hip"], points["knee"], points["ankle"]
    heel, toe = points["heel"], points["toe"]
    thigh = ([hip[0], knee[0]], [hip[1], knee[1]])
    shank = ([knee[0], ankle[0]], [knee[1], ankle[1]])
    foot = ([ankle[0], heel[0], toe[0], ankle[0]], [ankle[1], heel[1], toe[1], ankle[1]])
    joints = ([hip[0], knee[0], ankle[0]], [hip[1], knee[1], ankle[1]])
    return thigh, shank, foot, joints


def _style_view(ax: Axes, title: str, xlim, zlim, horizontal_label: str) -> None:
    drawing.frame_view(ax, title, xlim, zlim, xlabel=horizontal_label,
                       ylabel=drawing.HEIGHT_LABEL, tick_size=8, floor=True)
    ax.text(xlim[0] + 0.05, 0.02, "floor", fontsize=8, color=palette.FLOOR, va="bottom")


def _draw_leg(ax: Axes, points, colour: str, style: str, width: float, zorder: int):
    thigh, shank, foot, joints = _leg_paths(points)
    made = [
        ax.plot(*thigh, color=colour, ls=style, lw=width, solid_capstyle="round", zorder=zorder)[0],
        ax.plot(*shank, color=colour, ls=style, lw=width, solid_capstyle="round", zorder=zorder)[0],
        ax.plot(*foot, color=colour, ls=style, lw=width * 0.7, zorder=zorder)[0],
    ]
    return made, joints


def draw_limb(
    pose: LimbPose,
    ax_side: Axes | None = None,
    ax_front: Axes | None = None,
    *,
    caption: bool = True,
) -> LimbArtists:
    """Draw the limb once, in a side (sagittal) and a front (frontal) view.

    Args:
        pose: the pose to draw, from :func:`lessons.limb.model.limb_pose`.
        ax_side, ax_front: axes to draw into; both omitted makes a new figure.
        caption: write the pose in words under the figure (for printed figures;
            a live widget shows it in its text readout instead).

    Returns:
        The :class:`LimbArtists` drawn, for :func:`update_limb`.
    """
    ax_side, ax_front = drawing.two_axes(ax_side, ax_front, limb_figure, "side and front")
    figure = ax_side.figure
    side_x, front_y, z = _view_limits()
    _style_view(ax_side, "Side view (right side)", side_x, z, "forward (m)")
    _style_view(ax_front, "Front view", front_y, z, drawing.ACROSS_LABEL)

    # The standing opposite leg, grey and dashed, for reference.
    reference = limb_pose(
        JointAngles(), height_m=pose.body.height_m, side="left" if pose.side == "right" else "right"
    )
    ref_front, _ = _draw_leg(ax_front, reference.frontal(), palette.REFERENCE_LIMB, "--", 3, 1)
    ref_side, _ = _draw_leg(ax_side, reference.sagittal(), palette.REFERENCE_LIMB, "--", 3, 1)
    ref_side[0].set_label("other leg, standing (dashed)")

    side_pts, front_pts = pose.sagittal(), pose.frontal()
    (thigh_s, shank_s, foot_s), joints_s = _draw_leg(
        ax_side, side_pts, palette.MOVING_LIMB, "-", 5, 3
    )
    (thigh_f, shank_f, foot_f), joints_f = _draw_leg(
        ax_front, front_pts, palette.MOVING_LIMB, "-", 5, 3
    )
    thigh_s.set_label(f"{pose.side} leg (solid)")
    marker = dict(ls="none", marker="o", ms=8, mfc="white", mec=palette.JOINT, mew=2.5, zorder=4)
    joints_side = ax_side.plot(*joints_s, **marker)[0]
    joints_front = ax_front.plot(*joints_f, **marker)[0]
    joints_side.set_label("hip, knee, ankle (circles)")

    hip_r, hip_l = front_pts["hip"], front_pts["opposite_hip"]
    pelvis_front = ax_front.plot(
        [hip_r[0], hip_l[0]], [hip_r[1], hip_l[1]], color=palette.BLACK, lw=3, zorder=2
    )[0]
    pelvis_label = ax_front.annotate(
        "pelvis", (0.0, hip_r[1]), xytext=(0, 10), textcoords="offset points", ha="center",
        fontsize=8,
    )
    label = dict(fontsize=9, xytext=(8, 0), textcoords="offset points", va="center", zorder=5)
    knee_label_side = ax_side.annotate("knee", side_pts["knee"], **label)
    # In the front view, label the knee on its outer side, away from the pelvis and the other leg.
    outward = -1 if pose.side == "right" else 1
    knee_label_front = ax_front.annotate(
        "knee", front_pts["knee"], **{**label, "xytext": (10 * outward, 0)},
        ha="right" if outward < 0 else "left",
    )
    hip_label = ax_side.annotate(
        "hip", side_pts["hip"], **{**label, "xytext": (-8, 10)}, ha="right"
    )
    ax_side.legend(loc="upper left", fontsize=8, frameon=False)
    caption_text = (
        figure.text(0.5, 0.01, "", ha="center", va="bottom", fontsize=8) if caption else None
    )

    artists = LimbArtists(
        figure=figure,
        ax_side=ax_side,
        ax_front=ax_front,
        reference_side=tuple(ref_side),
        reference_front=tuple(ref_front),
        thigh_side=thigh_s,
        shank_side=shank_s,
        foot_side=foot_s,
        joints_side=joints_side,
        thigh_front=thigh_f,
        shank_front=shank_f,
        foot_front=foot_f,
        joints_front=joints_front,
        pelvis_front=pelvis_front,
        knee_label_side=knee_label_side,
        knee_label_front=knee_label_front,
        hip_label_side=hip_label,
        pelvis_label_front=pelvis_label,
        caption=caption_text,
    )
    update_limb(artists, pose)
    drawing.freeze_layout(figure)
    return artists


def update_limb(artists: LimbArtists, pose: LimbPose) -> None:
    """Move the artists of a drawn limb to a new pose, in place (call ``draw_idle`` after)."""
    for points, thigh, shank, foot, joints, knee_label in (
        (pose.sagittal(), artists.thigh_side, artists.shank_side, artists.foot_side,
         artists.joints_side, artists.knee_label_side),
        (pose.frontal(), artists.thigh_front, artists.shank_front, artists.foot_front,
         artists.joints_front, artists.knee_label_front),
    ):
        t, s, f, j = _leg_paths(points)
        thigh.set_data(*t)
        shank.set_data(*s)
        foot.set_data(*f)
        joints.set_data(*j)
        knee_label.xy = points["knee"]
    hip, opp = pose.frontal()["hip"], pose.frontal()["opposite_hip"]
    artists.pelvis_front.set_data([hip[0], opp[0]], [hip[1], opp[1]])
    artists.pelvis_label_front.xy = (0.0, hip[1])
    artists.hip_label_side.xy = pose.sagittal()["hip"]
    # The other leg stands at the same height as the moving one: a new height redraws it.
    other = "left" if pose.side == "right" else "right"
    reference = limb_pose(JointAngles(), height_m=pose.body.height_m, side=other)
    for lines, points in (
        (artists.reference_side, reference.sagittal()),
        (artists.reference_front, reference.frontal()),
    ):
        for line, path in zip(lines, _leg_paths(points)[:3], strict=True):
            line.set_data(*path)
    if artists.caption is not None:
        artists.caption.set_text(describe(pose).split("\n")[0])


def limb_figure(width_in: float = 9.4, height_in: float = 4.8, dpi: int = 100) -> Figure:
    """Make an empty figure with the side and front axes, outside pyplot's figure manager."""
    side_x, front_y, _ = _view_limits()
    ratios = [side_x[1] - side_x[0], front_y[1] - front_y[0]]
    return drawing.new_figure(width_in, height_in, dpi, columns=2, width_ratios=ratios)


def _standing() -> Figure:
    return draw_limb(limb_pose(JointAngles(), height_m=1.75)).figure


def _sitting() -> Figure:
    return draw_limb(limb_pose(JointAngles(hip_flexion_deg=90, knee_flexion_deg=90))).figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"limb-standing": _standing, "limb-sitting": _sitting}
