"""Draw the closed-chain squat in a side and a front view, feet planted, and update it in place.

:func:`draw_chain` draws once and returns the artists; :func:`update_chain`
moves them to a new :class:`lessons.chain.model.ChainPose`. Each joint carries a short
label with its angle; a joint asked for more than its usual range gets a ⚠ and a
cross marker, so the warning never rests on colour alone.

>>> from lessons.chain.model import solve_chain
>>> art = draw_chain(solve_chain())
>>> art.leg_side.get_xydata().round(2).tolist()
[[0.0, 0.93], [0.0, 0.5], [0.0, 0.07]]
>>> update_chain(art, solve_chain(pelvis_drop_cm=20))
>>> art.labels["ankle"].get_text()
'ankle 40° ⚠'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from lessons.chain.model import (
    PELVIS_DROP_RANGE_CM,
    PELVIS_SHIFT_RANGE_CM,
    ChainPose,
    describe_chain,
    solve_chain,
)
from lessons.core import drawing, palette

__all__ = ["FIGURES", "ChainArtists", "chain_figure", "draw_chain", "update_chain"]

_TRUNK_M = 0.25  # drawn length of the upright trunk stub above the hip (not modelled)
_JOINTS = ("hip", "knee", "ankle")
_ANGLE_FIELD = {"hip": "hip_flexion_deg", "knee": "knee_flexion_deg",
                "ankle": "ankle_dorsiflexion_deg"}


@dataclass(frozen=True)
class ChainArtists(drawing.Artists):
    """The artists of one chain diagram, by name, so callers can update or inspect them."""

    ax_side: Axes
    ax_front: Axes
    leg_side: Line2D
    trunk_side: Line2D
    joints_side: Line2D
    past_range_side: Line2D
    legs_front: Line2D
    joints_front: Line2D
    pelvis_front: Line2D
    labels: dict[str, Text]
    caption: Text | None


@lru_cache(maxsize=8)
def _limits(height_m: float):
    """Fixed axis limits that hold every pose the sliders can make, for this body height."""
    xs, zs = [], []
    drops = range(int(PELVIS_DROP_RANGE_CM[0]), int(PELVIS_DROP_RANGE_CM[1]) + 1, 5)
    shifts = range(int(PELVIS_SHIFT_RANGE_CM[0]), int(PELVIS_SHIFT_RANGE_CM[1]) + 1, 5)
    for drop in drops:
        for shift in shifts:
            pose = solve_chain(drop, shift, height_m)
            xs += [pose.hip[0], pose.knee[0], pose.toe[0]]
            zs += [pose.hip[1] + _TRUNK_M, pose.knee[1]]
    pad = 0.06
    side_x = (min(xs) - pad, max(xs) + pad + 0.08)  # room for the knee's label
    z = (min(-0.03, min(zs) - pad), max(zs) + pad)
    half = solve_chain(height_m=height_m).body.hip_centre_spacing_m / 2
    front_y = (-half - 0.22, half + 0.22)
    return side_x, front_y, z


def _side_points(pose: ChainPose):
    chain = [pose.hip, pose.knee, pose.ankle]
    return [p[0] for p in chain], [p[1] for p in chain]


def _front_points(pose: ChainPose):
    """Both legs from the front (x = towards the person's left); NaN breaks the line between
    legs."""
    half = pose.body.hip_centre_spacing_m / 2
    heights = [pose.hip[1], pose.knee[1], pose.ankle[1], 0.0]
    ys = [-half] * 4 + [float("nan")] + [half] * 4
    zs = heights + [float("nan")] + heights
    return ys, zs


def draw_chain(
    pose: ChainPose,
    ax_side: Axes | None = None,
    ax_front: Axes | None = None,
    *,
    caption: bool = True,
) -> ChainArtists:
    """Draw the closed-chain squat once: side view of the right leg, front view of both legs.

    Args:
        pose: the solved pose, from :func:`lessons.chain.model.solve_chain`.
        ax_side, ax_front: axes to draw into; both omitted makes a new figure.
        caption: write the first line of the pose in words under the figure
            (for printed figures; the live widget has its readout instead).

    Returns:
        The :class:`ChainArtists` drawn, for :func:`update_chain`.
    """
    ax_side, ax_front = drawing.two_axes(
        ax_side, ax_front, lambda: chain_figure(pose.body.height_m), "side and front"
    )
    figure = ax_side.figure
    side_x, front_y, z = _limits(pose.body.height_m)
    drawing.frame_view(ax_side, "Side view: foot planted", side_x, z,
                       xlabel="forward of the ankle (m)", ylabel=drawing.HEIGHT_LABEL, floor=True)
    drawing.frame_view(ax_front, "Front view: both feet planted", front_y, z,
                       xlabel=drawing.ACROSS_LABEL, ylabel=drawing.HEIGHT_LABEL, floor=True)

    standing = solve_chain(height_m=pose.body.height_m)
    ax_side.plot(*_side_points(standing), color=palette.REFERENCE_LIMB, ls="--", lw=3, zorder=1,
                 label="standing (dashed)")
    ax_side.plot([pose.heel[0], pose.toe[0], pose.ankle[0], pose.heel[0]],
                 [pose.heel[1], pose.toe[1], pose.ankle[1], pose.heel[1]],
                 color=palette.MOVING_LIMB, lw=3, zorder=2)
    leg_side = ax_side.plot([], [], color=palette.MOVING_LIMB, lw=5, solid_capstyle="round",
                            zorder=3, label="leg (solid)")[0]
    trunk_side = ax_side.plot([], [], color=palette.BLACK, lw=3, ls=":", zorder=2,
                              label="trunk kept upright (dotted)")[0]
    marker = dict(ls="none", marker="o", ms=8, mfc="white", mec=palette.JOINT, mew=2.5, zorder=4)
    joints_side = ax_side.plot([], [], **marker)[0]
    past_range_side = ax_side.plot([], [], ls="none", marker="X", ms=13, color=palette.VERMILLION,
                                   mec=palette.BLACK, zorder=5,
                                   label="past its usual range (✕, ⚠)")[0]
    ax_side.legend(loc="upper right", fontsize=9, frameon=False)

    ax_front.plot(*_front_points(standing), color=palette.REFERENCE_LIMB, ls="--", lw=3, zorder=1)
    legs_front = ax_front.plot([], [], color=palette.MOVING_LIMB, lw=5, solid_capstyle="round",
                               zorder=3)[0]
    joints_front = ax_front.plot([], [], **marker)[0]
    pelvis_front = ax_front.plot([], [], color=palette.BLACK, lw=3, zorder=2)[0]

    offsets = {"hip": (10, 8), "knee": (10, 4), "ankle": (12, 10)}
    labels = {
        joint: ax_side.annotate("", (0, 0), xytext=offsets[joint], textcoords="offset points",
                                ha="left", fontsize=10, zorder=6)
        for joint in _JOINTS
    }
    caption_text = (
        figure.suptitle(" ", fontsize=10) if caption else None
    )
    artists = ChainArtists(
        figure=figure, ax_side=ax_side, ax_front=ax_front, leg_side=leg_side,
        trunk_side=trunk_side, joints_side=joints_side, past_range_side=past_range_side,
        legs_front=legs_front, joints_front=joints_front, pelvis_front=pelvis_front,
        labels=labels, caption=caption_text,
    )
    update_chain(artists, pose)
    drawing.freeze_layout(figure)
    return artists


def update_chain(artists: ChainArtists, pose: ChainPose) -> None:
    """Move the artists of a drawn chain to a new pose, in place (call ``draw_idle`` or blit
    after)."""
    xs, zs = _side_points(pose)
    artists.leg_side.set_data(xs, zs)
    artists.joints_side.set_data(xs, zs)
    artists.trunk_side.set_data([pose.hip[0], pose.hip[0]], [pose.hip[1], pose.hip[1] + _TRUNK_M])
    past = [getattr(pose, joint) for joint in _JOINTS if _ANGLE_FIELD[joint] in pose.beyond_range]
    artists.past_range_side.set_data([p[0] for p in past], [p[1] for p in past])
    ys, front_zs = _front_points(pose)
    artists.legs_front.set_data(ys, front_zs)
    half = pose.body.hip_centre_spacing_m / 2
    heights = [pose.hip[1], pose.knee[1], pose.ankle[1]]
    artists.joints_front.set_data([-half] * 3 + [half] * 3, heights * 2)
    artists.pelvis_front.set_data([ys[0], ys[-1]], [pose.hip[1], pose.hip[1]])
    for joint, label in artists.labels.items():
        field = _ANGLE_FIELD[joint]
        flag = " ⚠" if field in pose.beyond_range else ""
        label.set_text(f"{joint} {getattr(pose, field):.0f}°{flag}")
        label.xy = getattr(pose, joint)
        label.set_color(palette.VERMILLION if flag else palette.BLACK)
    if artists.caption is not None:
        artists.caption.set_text(describe_chain(pose).split("\n")[1])


def chain_figure(height_m: float = 1.75, width_in: float = 9.0, height_in: float = 5.2) -> Figure:
    """Make an empty figure with the side and front axes, outside pyplot's figure manager."""
    side_x, front_y, _ = _limits(height_m)
    ratios = [side_x[1] - side_x[0], front_y[1] - front_y[0]]
    return drawing.new_figure(width_in, height_in, columns=2, width_ratios=ratios)


def _squat_heels_down() -> Figure:
    return draw_chain(solve_chain(pelvis_drop_cm=20, pelvis_shift_cm=-20)).figure


def _ankle_limit() -> Figure:
    return draw_chain(solve_chain(pelvis_drop_cm=20, pelvis_shift_cm=0)).figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"chain-squat-sitting-back": _squat_heels_down, "chain-ankle-limit": _ankle_limit}
