"""Draw the walker (upright, bent or on a trolley) on a distance track, and both patterns' counts.

Drawn once; :func:`update_walking` moves the stick figure, the marker on the
track and the bars in place. The bars are told apart by their hatch and their
labels as well as their colour, and each bar's label says its count in words.

>>> from lessons.walking_pain.model import walking_pain
>>> art = draw_walking(walking_pain())
>>> update_walking(art, walking_pain(0, "trolley"))
>>> art.trolley.get_visible(), art.counts["neurogenic"].get_text()
(True, '4 fit, 0 against')
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from lessons.core import palette
from lessons.walking_pain.model import DISTANCE_RANGE_M, PATTERNS, WalkingPain, walking_pain

__all__ = ["FIGURES", "WalkingArtists", "draw_walking", "update_walking"]

_TRUNK_LEAN_DEG = {"upright": 0.0, "bent-forward": 30.0, "trolley": 30.0}
_BAR = {"neurogenic": (palette.BLUE, "//"), "vascular": (palette.VERMILLION, "..")}


@dataclass(frozen=True)
class WalkingArtists:
    """The walker, the distance marker, and one bar and count label per pattern."""

    figure: Figure
    ax_walker: Axes
    ax_counts: Axes
    body: Line2D
    head: Line2D
    trolley: Line2D
    marker: Line2D
    distance: Text
    bars: dict
    counts: dict

    def moving(self) -> list:
        """The artists :func:`update_walking` changes (for blitting)."""
        return [
            self.body,
            self.head,
            self.trolley,
            self.marker,
            self.distance,
            *self.bars.values(),
            *self.counts.values(),
        ]


def _figure_points(
    posture: str,
) -> tuple[list[float], list[float], tuple[float, float], list, list]:
    """The stick figure's path (feet, hip, shoulder, hand), its head and the trolley."""
    lean = math.radians(_TRUNK_LEAN_DEG[posture])
    hip = (0.0, 0.9)
    shoulder = (hip[0] + 0.55 * math.sin(lean), hip[1] + 0.55 * math.cos(lean))
    head = (shoulder[0] + 0.18 * math.sin(lean), shoulder[1] + 0.18 * math.cos(lean))
    hand = (
        (shoulder[0] + 0.35, shoulder[1] - 0.25)
        if posture == "trolley"
        else (shoulder[0] + 0.05, hip[1] + 0.05)
    )
    xs = [-0.2, hip[0], 0.2, hip[0], shoulder[0], hand[0]]
    ys = [0.0, hip[1], 0.0, hip[1], shoulder[1], hand[1]]
    trolley_x = [
        hand[0],
        hand[0] + 0.05,
        hand[0] + 0.5,
        hand[0] + 0.5,
        hand[0] + 0.05,
        hand[0] + 0.05,
    ]
    trolley_y = [hand[1], hand[1] - 0.15, hand[1] - 0.15, 0.15, 0.15, hand[1] - 0.15]
    return xs, ys, head, trolley_x, trolley_y


def draw_walking(walk: WalkingPain | None = None, posture: str = "upright") -> WalkingArtists:
    """Draw the walker, the track and the counts once, for this state."""
    walk = walking_pain(posture=posture) if walk is None else walk
    figure = Figure(figsize=(8.4, 3.4), dpi=100, layout="constrained")
    ax_walker, ax_counts = figure.subplots(1, 2, width_ratios=[1.1, 1])
    ax_walker.set_xlim(-0.6, 1.6)
    ax_walker.set_ylim(-0.55, 1.9)
    ax_walker.set_aspect("equal")
    ax_walker.set_axis_off()
    ax_walker.set_title("Walking until the pain comes", fontsize=9)
    ax_walker.plot([-0.5, 1.5], [0, 0], color=palette.FLOOR, lw=1)
    body = ax_walker.plot([], [], color=palette.MOVING_LIMB, lw=4, solid_capstyle="round")[0]
    head = ax_walker.plot([], [], "o", ms=16, mfc="white", mec=palette.MOVING_LIMB, mew=3)[0]
    trolley = ax_walker.plot([], [], color=palette.GREY, lw=2.5, ls="--")[0]
    # The distance track under the walker: 0 m at the left, the range's end at the right.
    ax_walker.plot([-0.5, 1.5], [-0.3, -0.3], color=palette.BLACK, lw=1)
    for x, text in ((-0.5, "0 m"), (1.5, f"{DISTANCE_RANGE_M[1]:.0f} m")):
        ax_walker.text(x, -0.48, text, ha="center", fontsize=7)
    marker = ax_walker.plot([], [], "v", ms=9, color=palette.BLACK)[0]
    distance = ax_walker.text(0.5, 1.78, "", ha="center", fontsize=8)

    names = list(PATTERNS)
    ax_counts.set_xlim(-4.6, 4.6)
    ax_counts.set_ylim(-0.7, len(names) - 0.3)
    ax_counts.axvline(0, color=palette.BLACK, lw=1)
    ax_counts.set_yticks(
        range(len(names)), [PATTERNS[n].split(" (")[0].replace(" claudication", "") for n in names]
    )
    ax_counts.set_xticks([-4, -2, 0, 2, 4], ["4", "2", "0", "2", "4"])
    ax_counts.set_xlabel("← features against      features that fit →", fontsize=8)
    ax_counts.set_title("How many features fit each pattern", fontsize=9)
    bars, counts = {}, {}
    for row, name in enumerate(names):
        colour, hatch = _BAR[name]
        fit = Rectangle(
            (0, row - 0.3), 0, 0.6, facecolor=colour, hatch=hatch, edgecolor=palette.BLACK
        )
        against = Rectangle((0, row - 0.3), 0, 0.6, facecolor="white", hatch="xx", edgecolor=colour)
        ax_counts.add_patch(fit)
        ax_counts.add_patch(against)
        bars[name], bars[f"{name}-against"] = fit, against
        counts[name] = ax_counts.text(4.5, row + 0.38, "", ha="right", va="center", fontsize=8)
    artists = WalkingArtists(
        figure, ax_walker, ax_counts, body, head, trolley, marker, distance, bars, counts
    )
    update_walking(artists, walk)
    figure.draw_without_rendering()
    figure.set_layout_engine("none")
    return artists


def update_walking(artists: WalkingArtists, walk: WalkingPain) -> None:
    """Move the walker, the marker and the bars to a new state, in place (then ``draw_idle``)."""
    posture = next(o.value for o in walk.chosen if o.control == "posture")
    xs, ys, head, trolley_x, trolley_y = _figure_points(posture)
    artists.body.set_data(xs, ys)
    artists.head.set_data([head[0]], [head[1]])
    artists.trolley.set_data(trolley_x, trolley_y)
    artists.trolley.set_visible(posture == "trolley")
    low, high = DISTANCE_RANGE_M
    artists.marker.set_data([-0.5 + 2.0 * (walk.distance_m - low) / (high - low)], [-0.22])
    artists.distance.set_text(
        "Pain on standing" if walk.distance_m == 0 else f"Pain after {walk.distance_m:.0f} m"
    )
    for name in PATTERNS:
        fit, against = walk.tally[name]
        artists.bars[name].set_width(fit)
        artists.bars[f"{name}-against"].set_width(-against)
        artists.counts[name].set_text(f"{fit} fit, {against} against")


def _trolley() -> Figure:
    return draw_walking(walking_pain(400, "trolley", "sitting", "buttock-leg")).figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"walking-pain-trolley": _trolley}
