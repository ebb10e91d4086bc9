"""Draw the gait timeline (stance and swing bars of both legs) and a front-view stick figure,
updated in place.

Left: one gait cycle from right heel strike, a bar per leg; stance is a solid
hatched bar, swing an open dashed one, each labelled with its share of the
cycle, and a vertical line marks "now". Right: the pelvis and legs from the
front at that moment (the person's right leg on the viewer's left); a foot on
the ground is a filled square, a foot in the air an open circle, and with a
Trendelenburg sign the pelvis tips down on the swing side.

>>> from lessons.gait.model import gait_cycle, GaitInputs
>>> art = draw_gait(gait_cycle(), 30)
>>> art.bar_labels["right stance"].get_text()
'stance 60 %'
>>> update_gait(art, gait_cycle(GaitInputs(painful_side="right")), 30)
>>> art.bar_labels["right stance"].get_text(), art.bars["right"][0].get_width()
('stance 52 %', 52.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from lessons.core import drawing, palette
from lessons.gait.model import GaitCycle, GaitInputs, gait_cycle, moment

__all__ = ["FIGURES", "GaitArtists", "draw_gait", "gait_figure", "update_gait"]

#: White hatching on the coloured stance bars. matplotlib 3.11 takes ``hatchcolor=``; before it
#: the hatch takes the edge colour, and stance is still told from swing by its fill, its solid
#: outline and its label, never by colour alone.
_WHITE_HATCH = {"hatchcolor": "white"} if matplotlib.__version_info__ >= (3, 11) else {}

_ROWS = {"right": 1.0, "left": 0.0}
_COLOURS = {"right": palette.BLUE, "left": palette.ORANGE}
_BAR_HEIGHT = 0.6
# Front-view stick figure, metres (a 1.75 m adult, FACTS A13): hip centres 0.93 m up, 0.18 m apart.
_HIP_Y, _HALF_SPACING, _CREST_HALF_WIDTH = 0.93, 0.09, 0.17
_SWING_FOOT_Y = 0.10  # the swinging foot clears the floor (drawing position only)


@dataclass(frozen=True)
class GaitArtists(drawing.Artists):
    """The artists of one gait diagram, by name, for updating or inspecting."""

    ax_timeline: Axes
    ax_front: Axes
    bars: dict[str, list[Rectangle]]
    bar_labels: dict[str, Text]
    now_line: Line2D
    legs: dict[str, Line2D]
    feet: dict[str, Line2D]
    pelvis: Line2D
    trunk: Line2D
    drop_label: Text

    def moving(self) -> list:
        """The artists that :func:`update_gait` changes (for blitting)."""
        return [
            *self.bars["right"], *self.bars["left"], self.now_line, *self.bar_labels.values(),
            *self.legs.values(), *self.feet.values(), self.pelvis, self.trunk, self.drop_label,
        ]


def _style_timeline(ax: Axes) -> None:
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.6, 1.6)
    ax.set_yticks([1.0, 0.0], ["right leg", "left leg"], fontsize=10)
    ax.set_xticks(range(0, 101, 10))
    ax.tick_params(axis="x", labelsize=9)
    ax.set_xlabel("% of one gait cycle, from right heel strike", fontsize=10)
    ax.set_title("Gait timeline: solid hatched = stance (foot down), open dashed = swing",
                 fontsize=10)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)


def _style_front(ax: Axes) -> None:
    ax.set_xlim(-0.45, 0.45)
    ax.set_ylim(-0.05, 1.5)
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    ax.set_title("Front view now", fontsize=10)
    ax.axhline(0.0, color=palette.FLOOR, lw=1.5, zorder=0)
    ax.plot([-0.3, 0.3], [_HIP_Y] * 2, color=palette.GREY, lw=1, ls=":", zorder=0)
    ax.text(0.3, _HIP_Y + 0.02, "level", fontsize=9, color="#555555", ha="right", va="bottom")
    ax.text(-0.42, 0.02, "person's\nright", fontsize=9, va="bottom")
    ax.text(0.42, 0.02, "person's\nleft", fontsize=9, va="bottom", ha="right")


def draw_gait(cycle: GaitCycle, t_pct: float, axes: tuple[Axes, Axes] | None = None) -> GaitArtists:
    """Draw the timeline and the stick figure once, at ``t_pct`` % of the cycle; return the
    artists."""
    if axes is None:
        axes = tuple(gait_figure().axes)
    ax_t, ax_f = axes
    figure = ax_t.figure
    _style_timeline(ax_t)
    _style_front(ax_f)

    bars: dict[str, list[Rectangle]] = {}
    for side, row in _ROWS.items():
        bars[side] = []
        for _start, _end, kind in cycle.intervals(side):
            stance = kind == "stance"
            rect = Rectangle(
                (0.0, row - _BAR_HEIGHT / 2), 1.0, _BAR_HEIGHT,
                facecolor=_COLOURS[side] if stance else "white", edgecolor=_COLOURS[side],
                hatch="//" if stance else None, ls="-" if stance else "--", **_WHITE_HATCH,
                lw=1.5, alpha=1.0, zorder=2,
            )
            ax_t.add_patch(rect)
            bars[side].append(rect)
    box = dict(boxstyle="round,pad=0.15", fc="white", ec="none")
    bar_labels = {
        f"{side} {kind}": ax_t.text(0, _ROWS[side], "", ha="center", va="center", fontsize=10,
                                    bbox=box, zorder=6)
        for side in _ROWS
        for kind in ("stance", "swing")
    }
    now_line = ax_t.plot([], [], color=palette.BLACK, lw=2, zorder=5)[0]

    legs = {
        side: ax_f.plot([], [], color=_COLOURS[side], lw=5, solid_capstyle="round", zorder=2)[0]
        for side in _ROWS
    }
    foot_style = dict(ls="none", marker="s", ms=10, mew=2, zorder=3)
    feet = {side: ax_f.plot([], [], mec=_COLOURS[side], **foot_style)[0] for side in _ROWS}
    pelvis = ax_f.plot([], [], color=palette.BLACK, lw=4, solid_capstyle="round", zorder=3)[0]
    trunk = ax_f.plot([], [], color=palette.GREY, lw=4, zorder=1)[0]
    drop_label = ax_f.text(0.0, 1.4, "", ha="center", va="center", fontsize=9,
                           color=palette.VERMILLION)

    artists = GaitArtists(
        figure=figure, ax_timeline=ax_t, ax_front=ax_f, bars=bars, bar_labels=bar_labels,
        now_line=now_line,
        legs=legs, feet=feet, pelvis=pelvis, trunk=trunk, drop_label=drop_label,
    )
    update_gait(artists, cycle, t_pct)
    drawing.freeze_layout(figure)
    return artists


def update_gait(artists: GaitArtists, cycle: GaitCycle, t_pct: float) -> None:
    """Move the bars, the "now" line and the stick figure to a new cycle and moment, in place."""
    for side, rects in artists.bars.items():
        spells = cycle.intervals(side)
        longest = {}
        for rect, (start, end, kind) in zip(rects, spells, strict=True):
            rect.set_x(start)
            rect.set_width(end - start)
            if end - start >= longest.get(kind, (0.0, 0.0))[1] - longest.get(kind, (0.0, 0.0))[0]:
                longest[kind] = (start, end)
        for kind, (start, end) in longest.items():
            share = cycle.stance_pct(side) if kind == "stance" else cycle.swing_pct(side)
            label = artists.bar_labels[f"{side} {kind}"]
            label.set_position(((start + end) / 2, _ROWS[side]))
            label.set_text(f"{kind} {share:.0f} %")
    t = t_pct % 100.0
    artists.now_line.set_data([t, t], [-0.45, 1.45])

    m = moment(cycle, t)
    tilt = math.tan(math.radians(m.pelvic_drop_deg))
    sign = {"none": 0.0, "right": -1.0, "left": 1.0}[m.drop_side]  # the dropping side's x sign

    def y_at(x: float, base: float = _HIP_Y) -> float:
        """Height of the pelvis at x: level, or tipped down to the swing side about the stance
        hip."""
        return base - tilt * (sign * x + _HALF_SPACING * abs(sign))

    crest = _HIP_Y  # the pelvis is drawn as the line through both hip centres
    artists.pelvis.set_data(
        [-_CREST_HALF_WIDTH, _CREST_HALF_WIDTH],
        [y_at(-_CREST_HALF_WIDTH, crest), y_at(_CREST_HALF_WIDTH, crest)],
    )
    artists.trunk.set_data([0.0, 0.0], [y_at(0.0, crest), 1.3])
    for side, x in (("right", -_HALF_SPACING), ("left", _HALF_SPACING)):
        hip_y = y_at(x)
        down = m.right_down if side == "right" else m.left_down
        foot_y = 0.0 if down else _SWING_FOOT_Y
        artists.legs[side].set_data([x, x, x], [hip_y, (hip_y + foot_y) / 2, foot_y])
        foot = artists.feet[side]
        foot.set_data([x], [foot_y])
        foot.set_marker("s" if down else "o")
        foot.set_markerfacecolor(_COLOURS[side] if down else "white")
    artists.drop_label.set_text(
        f"pelvis drops on the {m.drop_side} (swing) side\n({m.pelvic_drop_deg:.0f}°, illustrative)"
        if m.drop_side != "none"
        else ""
    )


def gait_figure(width_in: float = 10.0, height_in: float = 4.0, dpi: int = 100) -> Figure:
    """Make an empty figure with the timeline and the front-view axes, outside pyplot."""
    return drawing.new_figure(width_in, height_in, dpi, columns=2, width_ratios=[2.6, 1.0])


def _normal() -> Figure:
    return draw_gait(gait_cycle(), 30).figure


def _antalgic_trendelenburg() -> Figure:
    return draw_gait(
        gait_cycle(GaitInputs(painful_side="right", weak_abductors_side="right")), 30
    ).figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"gait-normal": _normal, "gait-antalgic-trendelenburg": _antalgic_trendelenburg}
