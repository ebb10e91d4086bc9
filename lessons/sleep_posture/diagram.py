"""Draw the legs in bed: side-lying seen from the front, and back-lying seen from the side; update
in place.

:func:`draw_side_lying` draws the pelvis and both legs of a person lying on
their side, seen from the front (head to the left, mattress below), with the
pillow between the knees and the top hip's angle; :func:`draw_back_lying`
draws one leg of a person lying on their back, seen from the side, with a
pillow under the knee. Each draws once and returns its artists; the
``update_*`` functions move those same artists. Both figures carry the words
"a model, not a measurement" (FACTS D4).

>>> from lessons.sleep_posture.model import side_lying
>>> art = draw_side_lying(side_lying())
>>> art.angle_label.get_text()
'11° adduction'
>>> update_side_lying(art, side_lying(pillow_cm=8))
>>> art.angle_label.get_text()
'neutral'

With ``plain=True`` (the clinic page) the labels use a patient's words:

>>> draw_side_lying(side_lying(), plain=True).angle_label.get_text()
'top thigh slopes down 11°'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyBboxPatch, Polygon, Rectangle
from matplotlib.text import Text

from lessons.core import drawing, palette
from lessons.core.plain_words import strip_citations
from lessons.limb.model import HEIGHT_RANGE_M, SHANK_FRACTION, THIGH_FRACTION
from lessons.sleep_posture.model import (
    BACK_RANGES,
    SIDE_RANGES,
    BackLying,
    SideLying,
    back_lying,
    side_lying,
)

__all__ = [
    "FIGURES",
    "MODEL_LABEL",
    "BackLyingArtists",
    "SideLyingArtists",
    "draw_back_lying",
    "draw_side_lying",
    "update_back_lying",
    "update_side_lying",
]

#: The words every figure of this lesson carries (FACTS D4, section H).
MODEL_LABEL = "A model, not a measurement (FACTS D4)"

_LONGEST_THIGH_CM = THIGH_FRACTION * HEIGHT_RANGE_M[1] * 100
_LONGEST_SHANK_CM = SHANK_FRACTION * HEIGHT_RANGE_M[1] * 100
_MATTRESS_CM = -9.0  # schematic: where the mattress surface is drawn, below the bottom hip centre
_PILLOW_LENGTH_CM = 14.0
_ARC_RADIUS_CM = 16.0


def _figure(width_in: float, height_in: float) -> tuple[Figure, Axes]:
    figure = Figure(figsize=(width_in, height_in), dpi=100, layout="constrained")
    figure.get_layout_engine().set(h_pad=0.08)
    return figure, figure.subplots()


def _style(ax: Axes, title: str, xlim: tuple[float, float], ylim: tuple[float, float]) -> None:
    drawing.frame_view(ax, title, xlim, ylim, xlabel="towards the feet (cm)")
    ax.axhspan(ylim[0], _MATTRESS_CM, color=palette.GREY, alpha=0.25, lw=0, zorder=0)
    ax.text(xlim[0] + 2, _MATTRESS_CM - 1.5, "mattress", fontsize=9, va="top", color=palette.BLACK)


def _model_caption(ax: Axes, plain: bool = False) -> Text:
    """Write "a model, not a measurement" on the mattress band, bottom right, where nothing
    moves."""
    return ax.text(
        0.99, 0.03, strip_citations(MODEL_LABEL) if plain else MODEL_LABEL, transform=ax.transAxes,
        ha="right", va="bottom", fontsize=10, style="italic",
        bbox=dict(boxstyle="round,pad=0.3", fc="white", ec=palette.BLACK, lw=0.8),
    )


# --- side-lying, seen from the front -------------------------------------------------------


@dataclass(frozen=True)
class SideLyingArtists(drawing.Artists):
    """The artists of the side-lying diagram, by name."""

    ax: Axes
    pelvis: Polygon
    bottom_leg: Line2D
    top_leg: Line2D
    neutral: Line2D
    joints: Line2D
    bottom_knee: Circle
    top_knee: Circle
    pillow: Rectangle
    pillow_label: Text
    angle_arc: Line2D
    angle_label: Text
    spacing: Line2D
    spacing_label: Text
    caption: Text
    #: Label in a patient's words (no "adduction", no letters for lengths, no fact ids).
    plain: bool = False

    def moving(self) -> list:
        """The artists that :func:`update_side_lying` changes (for blitting)."""
        return [
            self.pelvis, self.pillow, self.bottom_knee, self.top_knee, self.neutral,
            self.bottom_leg,
            self.top_leg, self.joints, self.angle_arc, self.angle_label, self.pillow_label,
            self.spacing, self.spacing_label,
        ]


def _angle_text(pose: SideLying, plain: bool = False) -> str:
    if plain:
        if pose.state == "near neutral":
            return "top thigh level"
        slope = "down" if pose.state == "adducted" else "up"
        return f"top thigh slopes {slope} {abs(pose.adduction_deg):.0f}°"
    if pose.state == "near neutral":
        return "neutral"
    return (
        f"{abs(pose.adduction_deg):.0f}° {'adduction' if pose.state == 'adducted' else 'abduction'}"
    )


def draw_side_lying(
    pose: SideLying, ax: Axes | None = None, *, plain: bool = False
) -> SideLyingArtists:
    """Draw the side-lying model once: pelvis, both legs, the pillow and the top hip's angle.

    Args:
        pose: the model state, from :func:`lessons.sleep_posture.model.side_lying`.
        ax: axes to draw into; omitted makes a new figure.
        plain: label in a patient's words (the clinic page).
    """
    if ax is None:
        figure, ax = _figure(9.0, 4.0)
    figure = ax.figure
    top_y = max(SIDE_RANGES["hip_spacing_cm"][1],
                SIDE_RANGES["knee_gap_cm"][1] + SIDE_RANGES["pillow_cm"][1])
    _style(ax, "Lying on the side, seen from the front (head to the left)",
           (-42.0, _LONGEST_THIGH_CM + _LONGEST_SHANK_CM + 6), (_MATTRESS_CM - 6, top_y + 20))
    ax.set_ylabel("up from the bottom hip (cm)", fontsize=9)
    ax.text(-40, top_y + 2, "← trunk and head", ha="left", va="center", fontsize=9)

    pelvis = ax.add_patch(Polygon(np.zeros((5, 2)), closed=True, fc=palette.SKY, ec=palette.BLACK,
                                  alpha=0.35, lw=1.2, zorder=2, label="pelvis"))
    pillow = ax.add_patch(Rectangle((0, 0), _PILLOW_LENGTH_CM, 0, fc=palette.YELLOW,
                                    ec=palette.BLACK,
                                    hatch="..", lw=1.2, zorder=3, label="pillow (dotted)"))
    knee_style = dict(fc="white", ec=palette.BLACK, lw=1.2, zorder=2)
    bottom_knee = ax.add_patch(Circle((0, 0), 1, **knee_style))
    top_knee = ax.add_patch(Circle((0, 0), 1, **knee_style))
    (neutral,) = ax.plot([], [], color=palette.BLACK, ls=":", lw=1.5, zorder=3,
                         label="level top thigh (neutral)")
    (bottom_leg,) = ax.plot([], [], color=palette.REFERENCE_LIMB, ls="--", lw=4, zorder=3,
                            label="bottom leg (dashed)")
    (top_leg,) = ax.plot([], [], color=palette.MOVING_LIMB, lw=5, solid_capstyle="round", zorder=4,
                         label="top leg (solid)")
    (joints,) = ax.plot([], [], ls="none", marker="o", ms=7, mfc="white", mec=palette.JOINT, mew=2,
                        zorder=5, label="hip and knee centres")
    (angle_arc,) = ax.plot([], [], color=palette.VERMILLION, lw=2, zorder=5)
    text = dict(fontsize=10, zorder=6)
    angle_label = ax.text(0, 0, "", ha="left", va="center", color=palette.BLACK, fontweight="bold",
                          **text)
    pillow_label = ax.text(0, 0, "", ha="left", va="center", **text)
    (spacing,) = ax.plot([], [], color=palette.BLACK, lw=1, marker="_", ms=8, zorder=4)
    spacing_label = ax.text(0, 0, "", ha="right", va="center", **text)
    ax.legend(loc="upper right", fontsize=9, frameon=False, ncols=3)
    artists = SideLyingArtists(
        figure=figure, ax=ax, pelvis=pelvis, bottom_leg=bottom_leg, top_leg=top_leg,
        neutral=neutral,
        joints=joints, bottom_knee=bottom_knee, top_knee=top_knee, pillow=pillow,
        pillow_label=pillow_label,
        angle_arc=angle_arc, angle_label=angle_label, spacing=spacing, spacing_label=spacing_label,
        caption=_model_caption(ax, plain), plain=plain,
    )
    update_side_lying(artists, pose)
    drawing.freeze_layout(figure)
    return artists


def update_side_lying(artists: SideLyingArtists, pose: SideLying) -> None:
    """Move the side-lying artists to a new model state, in place (then redraw the canvas)."""
    d, k, t, thigh = pose.hip_spacing_cm, pose.knee_gap_cm, pose.pillow_cm, pose.thigh_cm
    shank = SHANK_FRACTION * pose.height_m * 100
    theta = math.radians(pose.adduction_deg)
    top_knee = (thigh * math.cos(theta), d - thigh * math.sin(theta))  # its height is k + t
    artists.pelvis.set_xy([(-13, -5), (3, -4), (3, d + 4), (-13, d + 5), (-15, d / 2)])
    artists.bottom_leg.set_data([0, thigh, thigh + shank], [0, 0, 0])
    # The shanks are not part of the model: the top one is drawn level from its knee.
    artists.top_leg.set_data([0, top_knee[0], top_knee[0] + shank], [d, top_knee[1], top_knee[1]])
    artists.neutral.set_data([0, thigh], [d, d])
    artists.joints.set_data([0, 0, thigh, top_knee[0]], [0, d, 0, top_knee[1]])
    for circle, centre in ((artists.bottom_knee, (thigh, 0.0)), (artists.top_knee, top_knee)):
        circle.center, circle.radius = centre, k / 2
    pillow_x = (thigh + top_knee[0]) / 2 - _PILLOW_LENGTH_CM / 2
    artists.pillow.set_bounds(pillow_x, k / 2, _PILLOW_LENGTH_CM, t)
    artists.pillow.set_visible(t > 0)
    artists.pillow_label.set_position((pillow_x + _PILLOW_LENGTH_CM + 2, k / 2 + t / 2))
    artists.pillow_label.set_text(f"pillow {t:g} cm" if t > 0 else "no pillow")
    arc = np.linspace(0.0, -theta, 24)
    artists.angle_arc.set_data(_ARC_RADIUS_CM * np.cos(arc), d + _ARC_RADIUS_CM * np.sin(arc))
    # Label on the free side of the dotted neutral line: above it for adduction, below for
    # abduction.
    artists.angle_label.set_position((5.0, d - 3.5) if theta < 0 else (_ARC_RADIUS_CM + 2, d + 3.0))
    artists.angle_label.set_text(_angle_text(pose, artists.plain))
    artists.spacing.set_data([-18, -18], [0, d])
    artists.spacing_label.set_position((-19, d / 2))
    artists.spacing_label.set_text(f"hips {d:g} cm apart" if artists.plain else f"D {d:g} cm")


# --- back-lying, seen from the side --------------------------------------------------------


@dataclass(frozen=True)
class BackLyingArtists(drawing.Artists):
    """The artists of the back-lying diagram, by name."""

    ax: Axes
    leg: Line2D
    straight: Line2D
    joints: Line2D
    pillow: Rectangle
    hip_label: Text
    knee_label: Text
    warning: Text
    caption: Text
    #: Label in a patient's words (no fact ids).
    plain: bool = False

    def moving(self) -> list:
        """The artists that :func:`update_back_lying` changes (for blitting)."""
        return [self.pillow, self.straight, self.leg, self.joints, self.hip_label, self.knee_label,
                self.warning]


def draw_back_lying(
    pose: BackLying, knee_replacement: bool = False, ax: Axes | None = None, *, plain: bool = False
) -> BackLyingArtists:
    """Draw one leg lying on the back, seen from the side, with a pillow under the knee.

    Args:
        pose: the model state, from :func:`lessons.sleep_posture.model.back_lying`.
        knee_replacement: show the warning that nothing goes under the knee (FACTS D5).
        ax: axes to draw into; omitted makes a new figure.
        plain: label in a patient's words (the clinic page).
    """
    if ax is None:
        figure, ax = _figure(9.0, 3.6)
    figure = ax.figure
    _style(ax, "Lying on the back, seen from the side (head to the left)",
           (-42.0, _LONGEST_THIGH_CM + _LONGEST_SHANK_CM + 6),
           (_MATTRESS_CM - 6, BACK_RANGES["pillow_cm"][1] + 14))
    ax.set_ylabel("up from the hip (cm)", fontsize=9)
    ax.add_patch(FancyBboxPatch((-40, -7), 38, 16, boxstyle="round,pad=0,rounding_size=6",
                                fc="none", ec=palette.GREY, lw=1.5, ls=":", zorder=1))
    ax.text(-21, 1, "trunk", ha="center", va="center", fontsize=9, color=palette.BLACK)
    pillow = ax.add_patch(Rectangle((0, _MATTRESS_CM), 20, 0, fc=palette.YELLOW, ec=palette.BLACK,
                                    hatch="..", lw=1.2, zorder=2,
                                    label="pillow under the knee (dotted)"))
    (straight,) = ax.plot([], [], color=palette.REFERENCE_LIMB, ls="--", lw=3, zorder=2.5,
                          label="leg flat on the bed (dashed)")
    (leg,) = ax.plot([], [], color=palette.MOVING_LIMB, lw=5, solid_capstyle="round", zorder=3,
                     label="leg over the pillow (solid)")
    (joints,) = ax.plot([], [], ls="none", marker="o", ms=7, mfc="white", mec=palette.JOINT, mew=2,
                        zorder=4, label="hip, knee, ankle centres")
    text = dict(fontsize=10, zorder=5, fontweight="bold")
    hip_label = ax.text(0, 0, "", ha="left", va="top", **text)
    knee_label = ax.text(0, 0, "", ha="center", va="bottom", **text)
    warning = ax.text(0.5, 0.97, "", transform=ax.transAxes, ha="center", va="top", fontsize=10,
                      color=palette.BLACK, zorder=6,
                      bbox=dict(boxstyle="round,pad=0.3", fc="white", ec=palette.VERMILLION, lw=2))
    ax.legend(loc="upper right", fontsize=9, frameon=False, bbox_to_anchor=(1.0, 0.84))
    artists = BackLyingArtists(
        figure=figure, ax=ax, leg=leg, straight=straight, joints=joints, pillow=pillow,
        hip_label=hip_label,
        knee_label=knee_label, warning=warning, caption=_model_caption(ax, plain), plain=plain,
    )
    update_back_lying(artists, pose, knee_replacement)
    drawing.freeze_layout(figure)
    return artists


def update_back_lying(
    artists: BackLyingArtists, pose: BackLying, knee_replacement: bool = False
) -> None:
    """Move the back-lying artists to a new state, in place (then redraw the canvas)."""
    points = pose.points()
    (hx, hy), (kx, ky), (ax_, ay) = points["hip"], points["knee"], points["ankle"]
    artists.leg.set_data([hx, kx, ax_], [hy, ky, ay])
    artists.straight.set_data([0, pose.thigh_cm + pose.shank_cm], [0, 0])
    artists.joints.set_data([hx, kx, ax_], [hy, ky, ay])
    # The pillow reaches from the mattress to the back of the knee (drawn 4 cm below its centre).
    artists.pillow.set_bounds(kx - 10, _MATTRESS_CM, 20,
                              max(ky - 4 - _MATTRESS_CM, 0) if pose.pillow_cm else 0)
    artists.hip_label.set_position((4, -1.5))
    artists.hip_label.set_text(f"hip {pose.hip_flexion_deg:.0f}°")
    artists.knee_label.set_position((kx, ky + 3))
    artists.knee_label.set_text(f"knee {pose.knee_flexion_deg:.0f}°")
    if knee_replacement:
        warning = (
            "✗ After a knee replacement: NOTHING under the knee (FACTS D5)" if pose.pillow_cm
            else "✓ After a knee replacement: nothing under the knee (FACTS D5)"
        )
        artists.warning.set_text(strip_citations(warning) if artists.plain else warning)
        artists.warning.set_visible(True)
    else:
        artists.warning.set_text("")
        artists.warning.set_visible(False)


def _side_default() -> Figure:
    return draw_side_lying(side_lying()).figure


def _side_pillow() -> Figure:
    return draw_side_lying(side_lying(pillow_cm=8)).figure


def _back_pillow() -> Figure:
    return draw_back_lying(back_lying(pillow_cm=10)).figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {
    "sleep-side-lying-no-pillow": _side_default,
    "sleep-side-lying-8cm-pillow": _side_pillow,
    "sleep-back-lying-knee-pillow": _back_pillow,
}
