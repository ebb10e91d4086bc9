"""Draw a squatting leg from the front with its hip-to-ankle line, and update it in place.

The front view shows what a camera in front of a squat sees: the thigh and
shin as lines, a dashed straight line from hip to ankle (drawn upright), and
the knee either on that line, inside it (valgus) or outside it (varus). A small
side view shows how deep the squat is.

>>> from lessons.valgus.model import knee_projection
>>> art = draw_valgus(knee_projection())
>>> art.leg_front.get_xydata().round(2).tolist()
[[0.0, 0.73], [0.0, 0.43], [0.0, 0.0]]
>>> update_valgus(art, knee_projection(45, hip_internal_rotation_deg=10))
>>> art.angle_label.get_text()
'7.1° valgus'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from lessons.core import drawing, palette
from lessons.valgus.model import KneeProjection, describe_valgus, knee_projection

__all__ = ["FIGURES", "ValgusArtists", "draw_valgus", "update_valgus", "valgus_figure"]


@dataclass(frozen=True)
class ValgusArtists(drawing.Artists):
    """The artists of one knee-valgus diagram, by name, for updating or inspecting."""

    ax_front: Axes
    ax_side: Axes
    leg_front: Line2D
    line_front: Line2D
    joints_front: Line2D
    offset_front: Line2D
    angle_label: Text
    leg_side: Line2D
    joints_side: Line2D
    caption: Text | None


def _upright(view: KneeProjection):
    """Hip, knee and ankle turned about the ankle so the hip stands straight above it.

    Turning the picture changes neither the knee angle nor its distance from the
    hip-ankle line; it only makes "inside the line" read as "to the right".
    """
    tilt = math.atan2(view.hip[0], view.hip[1])
    c, s = math.cos(tilt), math.sin(tilt)
    return [(x * c - z * s, x * s + z * c) for x, z in (view.hip, view.knee, view.ankle)]


def _side_points(knee_flexion_deg: float, thigh_m: float, shank_m: float):
    """Side view of the squat: shin upright over the ankle, thigh flexed as much as the knee."""
    k = math.radians(knee_flexion_deg)
    knee = (0.0, shank_m)
    hip = (-thigh_m * math.sin(k), shank_m + thigh_m * math.cos(k))
    return [hip[0], knee[0], 0.0], [hip[1], knee[1], 0.0]


def draw_valgus(
    view: KneeProjection,
    ax_front: Axes | None = None,
    ax_side: Axes | None = None,
    *,
    height_m: float = 1.75,
    caption: bool = True,
) -> ValgusArtists:
    """Draw the knee-valgus diagram once: the leg from the front (large) and the side (small).

    Args:
        view: the front-view geometry, from :func:`lessons.valgus.model.knee_projection`.
        ax_front, ax_side: axes to draw into; both omitted makes a new figure.
        height_m: body height the view was made for (sets the side view's segment lengths).
        caption: write the front-view sentence under the figure (printed figures).

    Returns:
        The :class:`ValgusArtists` drawn, for :func:`update_valgus`.
    """
    ax_front, ax_side = drawing.two_axes(ax_front, ax_side, valgus_figure, "front and side")
    figure = ax_front.figure
    thigh, shank = 0.245 * height_m, 0.246 * height_m  # FACTS A13, as in lessons.limb.model
    top = thigh + shank + 0.08
    drawing.frame_view(ax_front, "Front view (right leg)", (-0.30, 0.30), (-0.04, top),
                       xlabel="← outside        inside, towards the other leg → (m)",
                       ylabel="height above the ankle (m)", floor=True)
    drawing.frame_view(ax_side, "Side view", (-0.50, 0.12), (-0.04, top), xlabel="forward (m)",
                       floor=True)

    line_front = ax_front.plot([], [], color=palette.BLACK, ls="--", lw=1.5, zorder=2,
                               label="straight hip-to-ankle line (dashed)")[0]
    leg_front = ax_front.plot([], [], color=palette.MOVING_LIMB, lw=5, solid_capstyle="round",
                              zorder=3, label="thigh and shin (solid)")[0]
    marker = dict(ls="none", marker="o", ms=8, mfc="white", mec=palette.JOINT, mew=2.5, zorder=4)
    joints_front = ax_front.plot([], [], **marker)[0]
    offset_front = ax_front.plot([], [], color=palette.VERMILLION, lw=2.5, zorder=5,
                                 label="knee's distance from the line")[0]
    angle_label = ax_front.annotate("", (0, 0), xytext=(12, -4), textcoords="offset points",
                                    fontsize=11, fontweight="bold", zorder=6)
    ax_front.legend(loc="upper left", fontsize=9, frameon=False)

    leg_side = ax_side.plot([], [], color=palette.MOVING_LIMB, lw=5, solid_capstyle="round")[0]
    joints_side = ax_side.plot([], [], **marker)[0]
    caption_text = figure.suptitle(" ", fontsize=10) if caption else None
    artists = ValgusArtists(
        figure=figure, ax_front=ax_front, ax_side=ax_side, leg_front=leg_front,
        line_front=line_front, joints_front=joints_front, offset_front=offset_front,
        angle_label=angle_label, leg_side=leg_side, joints_side=joints_side, caption=caption_text,
    )
    update_valgus(artists, view, height_m=height_m)
    drawing.freeze_layout(figure)
    return artists


def update_valgus(artists: ValgusArtists, view: KneeProjection, *, height_m: float = 1.75) -> None:
    """Move the artists of a drawn knee-valgus diagram to a new view, in place."""
    hip, knee, ankle = _upright(view)
    xs, zs = [hip[0], knee[0], ankle[0]], [hip[1], knee[1], ankle[1]]
    artists.leg_front.set_data(xs, zs)
    artists.joints_front.set_data(xs, zs)
    artists.line_front.set_data([0.0, 0.0], [hip[1], ankle[1]])
    artists.offset_front.set_data([knee[0], 0.0], [knee[1], knee[1]])  # to the (vertical) line
    angle = view.frontal_angle_deg
    if abs(angle) < 0.5:
        text = "0°: straight"
    else:
        text = f"{abs(angle):.1f}° {'valgus' if angle > 0 else 'varus'}"
    artists.angle_label.set_text(text)
    artists.angle_label.xy = knee
    side_x, side_z = _side_points(view.knee_flexion_deg, 0.245 * height_m, 0.246 * height_m)
    artists.leg_side.set_data(side_x, side_z)
    artists.joints_side.set_data(side_x, side_z)
    if artists.caption is not None:
        artists.caption.set_text(describe_valgus(view).split("\n")[1])


def valgus_figure(width_in: float = 9.0, height_in: float = 5.2) -> Figure:
    """Make an empty figure with a wide front-view axes and a narrow side-view axes."""
    return drawing.new_figure(width_in, height_in, columns=2, width_ratios=[0.60, 0.62 * 0.55])


def _inward() -> Figure:
    return draw_valgus(
        knee_projection(45, hip_adduction_deg=10, hip_internal_rotation_deg=10)
    ).figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"knee-valgus-45": _inward}
