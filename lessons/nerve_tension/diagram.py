"""Draw a person lying on their back with one leg raised, the nerve bed along it and a tension
gauge; update in place.

The nerve is drawn behind the hip, knee and ankle. It is drawn wavy when the
teaching index is low (slack) and straight when it is high (taut), so its state
shows without colour; the gauge at the right shows the index as a bar, titled
"a teaching model, not a measurement" (see :mod:`lessons.nerve_tension.model`). A
shaded wedge at the hip marks the 30-70° window of the straight-leg raise (FACTS B8).

>>> from lessons.nerve_tension.model import NerveTensionPose
>>> art = draw_nerve_tension(NerveTensionPose(hip_flexion_deg=70))
>>> round(art.gauge_bar.get_height(), 2)
1.0
>>> update_nerve_tension(art, NerveTensionPose(hip_flexion_deg=90, knee_flexion_deg=90))
>>> art.gauge_bar.get_height(), art.state_label.get_text()
(0.0, '0.00\\nslack')
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle, Wedge
from matplotlib.text import Text

from lessons.core import drawing, palette
from lessons.nerve_map.diagram import blank_axes
from lessons.nerve_tension.model import (
    ANGLE_RANGES_DEG,
    MODEL_LABEL,
    SLR_WINDOW_DEG,
    NerveTensionPose,
    slr_zone,
    supine_leg_points,
    tension_index,
    term_contributions,
)

__all__ = [
    "FIGURES", "NerveTensionArtists", "draw_nerve_tension", "tension_word", "update_nerve_tension",
]

HEIGHT_M = 1.75
#: The gauge's top: the largest index the sliders allow.
GAUGE_MAX = round(sum(
    max(term_contributions(NerveTensionPose(**{name: r[0]})).get(name, 0),
        term_contributions(NerveTensionPose(**{name: r[1]})).get(name, 0))
    for name, r in ANGLE_RANGES_DEG.items()
) + 0.05, 1)
_NERVE_OFFSET_M = 0.035  # drawn just behind the bones
_ZONE_SHORT = {
    "knee bent": "knee bent: not a straight-leg raise",
    "below": "below the 30-70° window",
    "inside": "inside the 30-70° window",
    "above": "above the 30-70° window",
}


@dataclass(frozen=True)
class NerveTensionArtists(drawing.Artists):
    """The artists of the nerve-tension diagram, by name."""

    ax: Axes
    ax_gauge: Axes
    leg: Line2D
    joints: Line2D
    head: Line2D
    neck: Line2D
    nerve: Line2D
    dura: Line2D
    gauge_bar: Rectangle
    state_label: Text
    zone_label: Text


def _offset_path(points: list[tuple[float, float]], offset: float, wiggle: float) -> np.ndarray:
    """A path beside ``points`` (to the right of the direction of travel), with a wiggle of
    ``wiggle`` metres."""
    out = []
    for (x0, y0), (x1, y1) in pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        if length == 0:
            continue
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        nx, ny = uy, -ux
        for t in np.linspace(0, 1, max(2, int(length / 0.01)), endpoint=False):
            bump = offset + wiggle * math.sin(2 * math.pi * t * length / 0.06)
            out.append((x0 + t * (x1 - x0) + nx * bump, y0 + t * (y1 - y0) + ny * bump))
    x1, y1 = points[-1]
    out.append((x1 + nx * offset, y1 + ny * offset))
    return np.array(out)


def _geometry(pose: NerveTensionPose):
    p = supine_leg_points(pose, HEIGHT_M)
    index = tension_index(pose)
    wiggle = 0.012 * max(0.0, 1.0 - index / 0.5)  # slack: wavy; taut: straight
    # The nerve bed (the sciatic nerve, then its tibial branch from just above the knee)
    # runs behind (under) the hip, knee and ankle, then along the sole.
    nerve = _offset_path([(-0.12, 0.0), p["hip"], p["knee"], p["ankle"], p["toe"]],
                         _NERVE_OFFSET_M, wiggle)
    nb, head = p["neck_base"], p["head"]
    dura = np.array([(-0.12, -0.035), (nb[0], nb[1] - 0.035), (head[0], head[1] - 0.035)])
    return p, index, nerve, dura


def draw_nerve_tension(pose: NerveTensionPose | None = None, ax: Axes | None = None,
                       ax_gauge: Axes | None = None) -> NerveTensionArtists:
    """Draw the supine leg, its nerve bed and the gauge once, for ``pose``."""
    pose = pose or NerveTensionPose()
    if ax is None:
        figure = Figure(figsize=(9.5, 4.6), dpi=100, layout="constrained")
        ax, ax_gauge = figure.subplots(1, 2, width_ratios=[5.2, 1])
    figure = ax.figure
    couch_y = -0.09
    ax.add_patch(Rectangle((-0.95, couch_y - 0.05), 1.95, 0.05, facecolor="#DDDDDD",
                           edgecolor="#888888", zorder=0))
    ax.text(-0.92, couch_y - 0.025, "couch", fontsize=9, va="center", color="#444444")
    # The other leg rests on the couch, for comparison.
    flat = supine_leg_points(NerveTensionPose(), HEIGHT_M)
    ax.plot([0, flat["knee"][0], flat["ankle"][0], flat["toe"][0]],
            [-0.03, -0.03, -0.03, flat["toe"][1] - 0.03],
            color=palette.REFERENCE_LIMB, ls="--", lw=3, zorder=1, label="other leg (dashed)")
    ax.plot([0, -0.30 * HEIGHT_M], [0, 0], color=palette.BLACK, lw=7, solid_capstyle="round",
            zorder=2)  # trunk
    low, high = SLR_WINDOW_DEG
    ax.add_patch(Wedge((0, 0), 0.62, low, high, facecolor=palette.SKY, alpha=0.25, hatch="..",
                       edgecolor=palette.BLUE, lw=0.8, zorder=0))
    ax.text(0.64 * math.cos(math.radians(low)), 0.64 * math.sin(math.radians(low)),
            "SLR window\n30-70°", fontsize=9, color=palette.BLUE, va="top", ha="left")
    leg = ax.plot([], [], color=palette.MOVING_LIMB, lw=6, solid_capstyle="round", zorder=3,
                  label="raised leg")[0]
    joints = ax.plot([], [], ls="none", marker="o", ms=7, mfc="white", mec=palette.JOINT, mew=2,
                     zorder=4)[0]
    neck = ax.plot([], [], color=palette.BLACK, lw=5, solid_capstyle="round", zorder=2)[0]
    head = ax.plot([], [], ls="none", marker="o", ms=24, mfc="white", mec=palette.BLACK, mew=2,
                   zorder=3)[0]
    nerve = ax.plot([], [], color=palette.VERMILLION, lw=2.2, zorder=5,
                    label="nerve bed:\nwavy = slack,\nstraight = tense")[0]
    dura = ax.plot([], [], color=palette.VERMILLION, lw=1.5, ls=":", zorder=5,
                   label="spinal coverings\n(dotted)")[0]
    state_label = ax_gauge.text(0.5, 0, "", fontsize=10, fontweight="bold", zorder=6,
                                ha="center", va="bottom")
    zone_label = ax.text(0.99, 0.98, "", transform=ax.transAxes, ha="right", va="top",
                         fontsize=10, bbox=dict(boxstyle="round,pad=0.3", fc="white",
                                                ec=palette.GREY))
    blank_axes(ax, (-0.95, 1.0), (-0.15, 1.1))
    ax.legend(loc="upper left", fontsize=9, frameon=False)
    ax.set_title("Straight-leg raise, lying on the back (side view)", fontsize=11)

    ax_gauge.set_xlim(0, 1)
    ax_gauge.set_ylim(0, GAUGE_MAX + 0.3)  # room for the number above the bar
    ax_gauge.set_xticks([])
    ax_gauge.set_yticks([0, 0.5, 1.0, 1.5])
    ax_gauge.tick_params(labelsize=9)
    ax_gauge.axhline(1.0, color=palette.BLACK, lw=1, ls="--")
    ax_gauge.text(0.03, 1.02, "leg at 70°", ha="left", va="bottom", fontsize=8, zorder=7,
                  bbox=dict(boxstyle="round,pad=0.1", fc="white", lw=0))
    gauge_bar = Rectangle((0.2, 0), 0.6, 0, facecolor=palette.VERMILLION, hatch="//",
                          edgecolor=palette.BLACK, alpha=0.8)
    ax_gauge.add_patch(gauge_bar)
    ax_gauge.set_title("Relative nerve-bed\ntension (no units)", fontsize=10)
    ax_gauge.set_xlabel(MODEL_LABEL.replace(", ", ",\n"), fontsize=9, fontweight="bold")
    artists = NerveTensionArtists(figure, ax, ax_gauge, leg, joints, head, neck, nerve, dura,
                                  gauge_bar, state_label, zone_label)
    update_nerve_tension(artists, pose)
    drawing.freeze_layout(figure)
    return artists


def update_nerve_tension(artists: NerveTensionArtists, pose: NerveTensionPose) -> None:
    """Move the leg, head and nerve to ``pose`` and set the gauge, in place."""
    p, index, nerve, dura = _geometry(pose)
    artists.leg.set_data([p["hip"][0], p["knee"][0], p["ankle"][0], p["toe"][0]],
                         [p["hip"][1], p["knee"][1], p["ankle"][1], p["toe"][1]])
    artists.joints.set_data([p["hip"][0], p["knee"][0], p["ankle"][0]],
                            [p["hip"][1], p["knee"][1], p["ankle"][1]])
    artists.neck.set_data([p["neck_base"][0], p["head"][0]], [p["neck_base"][1], p["head"][1]])
    artists.head.set_data([p["head"][0]], [p["head"][1]])
    artists.nerve.set_data(nerve[:, 0], nerve[:, 1])
    artists.dura.set_data(dura[:, 0], dura[:, 1])
    artists.gauge_bar.set_height(round(index, 6))
    artists.state_label.set_text(f"{index:.2f}\n{tension_word(index)}")
    artists.state_label.set_position((0.5, index + 0.02))
    artists.zone_label.set_text(_ZONE_SHORT[slr_zone(pose)])


def tension_word(index: float) -> str:
    """A word for the index: slack (0), low (< 0.5), moderate (< 1) or high (1 or more).

    >>> [tension_word(i) for i in (0, 0.3, 0.7, 1.2)]
    ['slack', 'low', 'moderate', 'high']
    """
    if index <= 0:
        return "slack"
    return "low" if index < 0.5 else "moderate" if index < 1.0 else "high"


def _slr_45() -> Figure:
    return draw_nerve_tension(NerveTensionPose(hip_flexion_deg=45)).figure


def _bent_knee() -> Figure:
    return draw_nerve_tension(NerveTensionPose(hip_flexion_deg=90, knee_flexion_deg=90)).figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"nerve-tension-slr-45": _slr_45, "nerve-tension-bent-knee": _bent_knee}
