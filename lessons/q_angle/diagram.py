"""Draw the Q-angle's landmarks and lines from the front, whole leg and knee close-up, updated in
place.

Left: the pelvis and right leg seen from the front, with the line from the
ASIS to the kneecap. Right: a close-up of the knee where the Q-angle is
measured, between that line carried on past the kneecap (dashed) and the line
from the kneecap to the tibial tuberosity.

>>> from lessons.q_angle.model import q_angle
>>> art = draw_q_angle(q_angle())
>>> art.angle_label.get_text()
'Q = 11.0°'
>>> update_q_angle(art, q_angle(asis_width_cm=30))
>>> art.angle_label.get_text()
'Q = 13.6°'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from lessons.core import drawing, palette
from lessons.q_angle.model import ASIS_WIDTH_RANGE_CM, QAngle, describe_q_angle, q_angle

__all__ = ["FIGURES", "QAngleArtists", "draw_q_angle", "q_angle_figure", "update_q_angle"]

_CLOSE_UP_M = 0.12  # half-width of the knee close-up: room for the knee moved 5 cm either way
_EXTEND_M = 0.08  # how far the ASIS line is carried on past the kneecap
_ARC_M = 0.045  # radius of the arc marking the angle


@dataclass(frozen=True)
class QAngleArtists(drawing.Artists):
    """The artists of one Q-angle diagram, by name, for updating or inspecting."""

    ax_leg: Axes
    ax_knee: Axes
    pelvis: Line2D
    femur: Line2D
    thigh_line_leg: Line2D
    landmarks_leg: Line2D
    thigh_line_knee: Line2D
    extension_knee: Line2D
    tendon_knee: Line2D
    arc: Line2D
    landmarks_knee: Line2D
    angle_label: Text
    caption: Text | None


def _seen(point: tuple[float, float]) -> tuple[float, float]:
    """From the model's (outward, up) to the viewer's (x, up): the right leg is on the viewer's
    left."""
    return (-point[0], point[1])


def draw_q_angle(
    result: QAngle, ax_leg: Axes | None = None, ax_knee: Axes | None = None, *, caption: bool = True
) -> QAngleArtists:
    """Draw the Q-angle diagram once.

    Args:
        result: the landmarks and angle, from :func:`lessons.q_angle.model.q_angle`.
        ax_leg, ax_knee: axes to draw into; both omitted makes a new figure.
        caption: write the angle against the reported ranges above the figure (printed figures).

    Returns:
        The :class:`QAngleArtists` drawn, for :func:`update_q_angle`.
    """
    ax_leg, ax_knee = drawing.two_axes(ax_leg, ax_knee, q_angle_figure, "leg and knee close-up")
    figure = ax_leg.figure
    knee = _seen(result.patella)
    # The views are framed for every value the controls allow, so moving a control never
    # leaves a part outside them, and the picture matches one drawn afresh: the top holds the
    # ASIS of the widest pelvis (its height above the hip grows with the width), and the
    # close-up is centred on the knee in its neutral place.
    asis_rise_m = (result.asis[1] - result.hip[1]) * ASIS_WIDTH_RANGE_CM[1] / result.asis_width_cm
    neutral_knee_x = -(result.patella[0] + result.knee_inward_cm / 100)
    drawing.frame_view(ax_leg, "Front view: pelvis and right leg", (-0.30, 0.22),
                       (knee[1] - 0.12, result.hip[1] + asis_rise_m + 0.06),
                       xlabel=drawing.ACROSS_LABEL, ylabel=drawing.HEIGHT_LABEL)
    ax_leg.axvline(0.0, color=palette.REFERENCE_LIMB, ls="--", lw=1.2, zorder=0)
    ax_leg.annotate("midline", (0.0, result.hip[1] + asis_rise_m + 0.03), xytext=(4, 0),
                    textcoords="offset points",
                    fontsize=9, color=palette.FLOOR)
    drawing.frame_view(ax_knee, "Knee close-up: the Q-angle",
                       (neutral_knee_x - _CLOSE_UP_M, neutral_knee_x + _CLOSE_UP_M),
                       (knee[1] - 0.11, knee[1] + 0.07),
                       xlabel="← outside (lateral)    inside (medial) → (m)")

    pelvis = ax_leg.plot([], [], color=palette.BLACK, lw=3, zorder=2)[0]
    femur = ax_leg.plot([], [], color=palette.REFERENCE_LIMB, lw=6, solid_capstyle="round",
                        zorder=1,
                        label="femur: hip centre to knee (grey)")[0]
    line = dict(color=palette.ORANGE, lw=2.5, zorder=3)
    thigh_line_leg = ax_leg.plot([], [], **line, label="ASIS to kneecap (orange)")[0]
    dots = dict(ls="none", marker="o", ms=7, mfc="white", mec=palette.BLACK, mew=2, zorder=4)
    landmarks_leg = ax_leg.plot([], [], **dots, label="ASIS, hip centre, kneecap (circles)")[0]
    ax_leg.legend(loc="lower right", fontsize=9, frameon=False)

    thigh_line_knee = ax_knee.plot([], [], **line, label="from the ASIS")[0]
    extension_knee = ax_knee.plot([], [], color=palette.ORANGE, lw=2, ls="--", zorder=3,
                                  label="same line, carried on (dashed)")[0]
    tendon_knee = ax_knee.plot([], [], color=palette.BLUE, lw=3, ls="-.", zorder=3,
                               label="kneecap to tibial tuberosity (dash-dot)")[0]
    arc = ax_knee.plot([], [], color=palette.BLACK, lw=1.5, zorder=5)[0]
    landmarks_knee = ax_knee.plot([], [], **{**dots, "ms": 9}, label="kneecap, tuberosity "
                                                                     "(circles)")[0]
    angle_label = ax_knee.annotate("", (0, 0), xytext=(6, -4), textcoords="offset points",
                                   fontsize=12, fontweight="bold", ha="left", va="top", zorder=6)
    ax_knee.legend(loc="upper right", fontsize=9, frameon=True, framealpha=0.9, edgecolor="none")
    caption_text = figure.suptitle(" ", fontsize=10) if caption else None
    artists = QAngleArtists(
        figure=figure, ax_leg=ax_leg, ax_knee=ax_knee, pelvis=pelvis, femur=femur,
        thigh_line_leg=thigh_line_leg, landmarks_leg=landmarks_leg, thigh_line_knee=thigh_line_knee,
        extension_knee=extension_knee, tendon_knee=tendon_knee, arc=arc,
        landmarks_knee=landmarks_knee, angle_label=angle_label, caption=caption_text,
    )
    update_q_angle(artists, result)
    drawing.freeze_layout(figure)
    return artists


def update_q_angle(artists: QAngleArtists, result: QAngle) -> None:
    """Move the artists of a drawn Q-angle diagram to new landmarks, in place."""
    asis, hip, patella, tt = (_seen(p) for p in (result.asis, result.hip, result.patella,
                                                 result.tuberosity))
    artists.pelvis.set_data([asis[0], -asis[0]], [asis[1], asis[1]])  # ASIS to ASIS
    artists.femur.set_data([hip[0], patella[0]], [hip[1], patella[1]])
    artists.thigh_line_leg.set_data([asis[0], patella[0]], [asis[1], patella[1]])
    artists.landmarks_leg.set_data([asis[0], -asis[0], hip[0], patella[0]],
                                   [asis[1], asis[1], hip[1], patella[1]])
    dx, dz = patella[0] - asis[0], patella[1] - asis[1]
    length = math.hypot(dx, dz)
    ux, uz = dx / length, dz / length
    artists.thigh_line_knee.set_data([patella[0] - ux * 0.2, patella[0]],
                                     [patella[1] - uz * 0.2, patella[1]])
    artists.extension_knee.set_data([patella[0], patella[0] + ux * _EXTEND_M],
                                    [patella[1], patella[1] + uz * _EXTEND_M])
    artists.tendon_knee.set_data([patella[0], tt[0]], [patella[1], tt[1]])
    artists.landmarks_knee.set_data([patella[0], tt[0]], [patella[1], tt[1]])
    start = math.atan2(uz, ux)
    end = math.atan2(tt[1] - patella[1], tt[0] - patella[0])
    steps = [start + (end - start) * i / 24 for i in range(25)]
    artists.arc.set_data([patella[0] + _ARC_M * math.cos(a) for a in steps],
                         [patella[1] + _ARC_M * math.sin(a) for a in steps])
    middle = (start + end) / 2
    artists.angle_label.xy = (patella[0] + 1.15 * _ARC_M * math.cos(middle) + 0.01,
                              patella[1] + 1.15 * _ARC_M * math.sin(middle))
    artists.angle_label.set_text(f"Q = {result.q_angle_deg:.1f}°")
    if artists.caption is not None:
        artists.caption.set_text(
            f"Q-angle {result.q_angle_deg:.1f}°. " + describe_q_angle(result).split("\n")[1]
        )


def q_angle_figure(width_in: float = 9.0, height_in: float = 5.6) -> Figure:
    """Make an empty figure with the whole-leg axes and the knee close-up axes."""
    return drawing.new_figure(width_in, height_in, columns=2, width_ratios=[1.0, 1.0])


def _default() -> Figure:
    return draw_q_angle(q_angle()).figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"q-angle-default": _default}
