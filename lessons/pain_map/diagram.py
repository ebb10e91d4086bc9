"""Draw the pain map's front and back outline once, and shade the marked areas in place.

A marked area is filled orange *and* hatched, with a thicker edge and its name
written beside it, so colour never carries the meaning alone.

>>> from lessons.pain_map.model import load_pain_map
>>> art = draw_pain_map(load_pain_map())
>>> update_pain_map(art, ["groin"])
>>> art.patches["groin"].get_hatch(), art.labels["groin"].get_visible()
('//', True)
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from matplotlib.text import Text

from lessons.core import palette
from lessons.pain_map.model import PainMap, load_pain_map

__all__ = ["FIGURES", "PainMapArtists", "draw_pain_map", "update_pain_map"]

_UNMARKED = "#F2F2F2"
_MARKED = palette.ORANGE


@dataclass(frozen=True)
class PainMapArtists:
    """The drawn map: one patch and one name label per area, by area id."""

    figure: Figure
    ax_front: Axes
    ax_back: Axes
    patches: dict[str, Polygon]
    labels: dict[str, Text]

    def moving(self) -> list:
        """The artists :func:`update_pain_map` changes (for blitting)."""
        return [*self.patches.values(), *self.labels.values()]


def _outline(half: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
    """Mirror the right half of the outline into the whole lower body."""
    return [*half, *[(-x, y) for x, y in reversed(half)]]


def draw_pain_map(
    pain_map: PainMap | None = None,
    marked: list[str] | tuple[str, ...] = (),
    ax_front: Axes | None = None,
    ax_back: Axes | None = None,
) -> PainMapArtists:
    """Draw the front and back outline with every area unmarked, then mark ``marked``.

    Args:
        pain_map: the map to draw (default: the course's file).
        marked: ids of the areas to shade at the start.
        ax_front, ax_back: axes to draw into; both omitted makes a new figure.
    """
    pain_map = load_pain_map() if pain_map is None else pain_map
    if (ax_front is None) != (ax_back is None):
        raise ValueError("give both axes (front and back) or neither")
    if ax_front is None:
        figure = Figure(figsize=(7.2, 4.6), dpi=100, layout="constrained")
        ax_front, ax_back = figure.subplots(1, 2)
    figure = ax_front.figure
    body = _outline(pain_map.outline)
    for ax, title, right in (
        (ax_front, "Front view", "← person's right"),
        (ax_back, "Back view", "person's right →"),
    ):
        ax.add_patch(Polygon(body, closed=True, facecolor="white", edgecolor=palette.BLACK, lw=1.5))
        ax.set_xlim(-2.9, 2.9)
        ax.set_ylim(-0.2, 11.4)
        ax.set_aspect("equal")
        ax.set_axis_off()
        ax.set_title(f"{title} ({right})", fontsize=9)
    patches: dict[str, Polygon] = {}
    labels: dict[str, Text] = {}
    for region in pain_map.regions:
        ax = ax_front if region.view == "front" else ax_back
        patch = Polygon(
            region.polygon, closed=True, facecolor=_UNMARKED, edgecolor=palette.GREY, lw=0.8
        )
        ax.add_patch(patch)
        xs = [x for x, _ in region.polygon]
        ys = [y for _, y in region.polygon]
        centre = (sum(xs) / len(xs), sum(ys) / len(ys))
        # The name goes in the empty half of the outline (the other leg), with an arrow.
        side = 1.0 if region.view == "front" else -1.0
        labels[region.id] = ax.annotate(
            region.name,
            centre,
            xytext=(side * 1.05, centre[1]),
            ha="left" if side > 0 else "right",
            va="center",
            fontsize=7,
            visible=False,
            arrowprops=dict(arrowstyle="-", color=palette.BLACK, lw=0.6),
        )
        patches[region.id] = patch
    figure.text(
        0.5,
        0.01,
        "Marked areas: orange, hatched and named. Areas are drawn on the right leg.",
        ha="center",
        fontsize=7,
    )
    artists = PainMapArtists(figure, ax_front, ax_back, patches, labels)
    update_pain_map(artists, marked)
    figure.draw_without_rendering()
    figure.set_layout_engine("none")
    return artists


def update_pain_map(artists: PainMapArtists, marked: list[str] | tuple[str, ...]) -> None:
    """Shade, hatch and name the marked areas, clear the others, in place (then ``draw_idle``)."""
    for region_id, patch in artists.patches.items():
        on = region_id in marked
        patch.set_facecolor(_MARKED if on else _UNMARKED)
        patch.set_hatch("//" if on else "")
        patch.set_edgecolor(palette.BLACK if on else palette.GREY)
        patch.set_linewidth(2.0 if on else 0.8)
        artists.labels[region_id].set_visible(on)


def _groin_and_knee() -> Figure:
    return draw_pain_map(marked=["groin", "knee-front"]).figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"pain-map-groin-knee": _groin_and_knee}
