"""Draw the peak knee force of each activity as bars, for one body mass, and update them in place.

One horizontal bar per activity (FACTS A7), in newtons for the chosen body
mass; the chosen activity's bar is hatched and its label marked with an arrow,
and a dashed line marks body weight, so the multiple can be seen by eye.

>>> art = draw_knee_load("walking", 70)
>>> round(art.bars["stairs down"].get_width())
2376
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from lessons.core import drawing, palette
from lessons.hip_load.model import G_M_PER_S2
from lessons.knee_load.model import KNEE_PEAK_BW, RANGES, knee_peak_force_n

__all__ = ["FIGURES", "KneeLoadArtists", "draw_knee_load", "update_knee_load"]


@dataclass(frozen=True)
class KneeLoadArtists(drawing.Artists):
    """The artists of the knee-load bar chart, by name."""

    ax: Axes
    bars: dict[str, Rectangle]
    values: dict[str, Text]
    body_weight: Line2D
    body_weight_label: Text


def draw_knee_load(activity: str, body_mass_kg: float, ax: Axes | None = None) -> KneeLoadArtists:
    """Draw the bars once for an activity and body mass; return the artists."""
    if ax is None:
        figure = Figure(figsize=(7.5, 3.2), dpi=100, layout="constrained")
        ax = figure.subplots()
    names = list(KNEE_PEAK_BW)
    top = max(KNEE_PEAK_BW.values()) * RANGES["body_mass_kg"][1] * G_M_PER_S2
    ax.set_xlim(0, top * 1.3)
    ax.set_ylim(-0.9, len(names) - 0.4)
    ax.set_yticks(range(len(names)), names, fontsize=10)
    ax.invert_yaxis()
    ax.set_xlabel("peak knee force, newtons (Kutzner et al. 2010)", fontsize=10)
    ax.tick_params(axis="x", labelsize=9)
    ax.set_title("Peak knee force by activity", fontsize=11)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    bars, values = {}, {}
    for i, name in enumerate(names):
        bars[name] = ax.barh(
            i, 1.0, height=0.6, color=palette.BLUE, edgecolor=palette.BLUE, hatch=None
        )[0]
        values[name] = ax.text(0, i, "", va="center", fontsize=9)
    body_weight = ax.plot([], [], color=palette.BLACK, ls="--", lw=1.2)[0]
    body_weight_label = ax.text(0, -0.55, "body weight", fontsize=9, ha="center", va="bottom")
    artists = KneeLoadArtists(ax.figure, ax, bars, values, body_weight, body_weight_label)
    update_knee_load(artists, activity, body_mass_kg)
    drawing.freeze_layout(ax.figure)
    return artists


def update_knee_load(artists: KneeLoadArtists, activity: str, body_mass_kg: float) -> None:
    """Resize the bars and rewrite their values for a new activity and body mass, in place."""
    for name, bar in artists.bars.items():
        force = knee_peak_force_n(name, body_mass_kg)
        chosen = name == activity
        bar.set_width(force)
        bar.set_facecolor(palette.ORANGE if chosen else palette.BLUE)
        bar.set_hatch("//" if chosen else None)
        label = artists.values[name]
        label.set_position((force + 60, bar.get_y() + bar.get_height() / 2))
        label.set_text(f"{force:,.0f} N ({KNEE_PEAK_BW[name]:.2f} "
                       "BW)" + ("  ◀ chosen" if chosen else ""))
        label.set_fontweight("bold" if chosen else "normal")
    weight = body_mass_kg * G_M_PER_S2
    artists.body_weight.set_data([weight, weight], [-0.5, len(artists.bars) - 0.5])
    artists.body_weight_label.set_x(weight)


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"knee-load-70kg": lambda: draw_knee_load("walking", 70).figure}
