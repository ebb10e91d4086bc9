"""Draw a schematic leg from the front, from behind and from below, and shade one root's dermatome
in place.

The shaded regions follow the sensation column of FACTS B6: L4 the medial leg
down to the medial malleolus; L5 the lateral calf, the dorsum of the foot and
the big toe / first web space; S1 the lateral foot, the little toe, the sole and
the posterior calf. They are schematic: dermatome maps vary between people, and
the figure says so. Each root has its own hatching as well as its colour, and
its name is written on every region, so colour never carries it alone.

>>> art = draw_roots("L5")
>>> sorted({p.get_label() for p in art.regions if p.get_visible()})
['L5']
>>> update_roots(art, "S1")
>>> art.root_label.get_text()
'S1 dermatome'
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Ellipse, Polygon
from matplotlib.text import Text

from lessons.core import drawing, palette
from lessons.nerve_map.diagram import blank_axes
from lessons.roots.model import ROOTS

__all__ = ["DERMATOME_REGIONS", "FIGURES", "RootsArtists", "draw_roots", "update_roots"]

_FRONT_OUTLINE = [(1, 60.4), (2, 38.4), (2.4, 27.4), (3.4, 12), (1.4, 2.5), (1.3, -0.5),
                  (10.3, -0.5), (10.2, 2.5), (8.4, 12), (9.6, 27.4), (10, 38.4), (11, 60.4)]
_BACK_OUTLINE = [(12 - x, y) for x, y in _FRONT_OUTLINE]

#: Schematic regions per root and view (FACTS B6 sensation column). Units: the panel's own.
DERMATOME_REGIONS: dict[str, dict[str, list[list[tuple[float, float]]]]] = {
    "L4": {
        "front": [[(9.9, 38.4), (7.4, 38.4), (6.8, 27.4), (6.6, 14.2), (8.5, 11.5), (9.5, 27.4)]],
        "back": [[(2.1, 38.4), (3.8, 38.4), (3.6, 27.4), (4.2, 14.2), (3.5, 11.5), (2.5, 27.4)]],
        "sole": [],
    },
    "L5": {
        "front": [
            [(2.1, 37.3), (4.6, 37.3), (4.9, 21.9), (4.8, 12.6), (3.4, 12), (2.5, 27.4)],
            [(4.0, 11.5), (8.3, 11.5), (10.2, 2.5), (10.2, -0.5), (7.4, -0.5), (3.6, 2.5)],
        ],
        "back": [[(9.9, 37.3), (8.6, 37.3), (8.4, 21.9), (8.3, 12.6), (8.6, 12), (9.5, 27.4)]],
        "sole": [],
    },
    "S1": {
        "front": [[(3.3, 11.5), (4.0, 11.5), (3.6, 2.5), (3.2, -0.5), (1.3, -0.5), (1.4, 2.5)]],
        "back": [
            [(4.2, 36.2), (8.2, 36.2), (8.0, 21.9), (7.2, 12.6), (4.8, 12.6), (4.0, 21.9)],
            [(8.3, 12.3), (8.7, 12), (10.6, 2.5), (10.7, -0.5), (7.2, -0.5), (7.6, 2.5)],
        ],
        "sole": [[(2.2, 0.5), (8.8, 0.5), (9.6, 12), (9.4, 18.6), (8.0, 20.5), (2.5, 20.5),
                  (1.6, 18.6), (1.4, 12)]],
    },
}
_SOLE_OUTLINE = [(2.5, 0), (8.5, 0), (9.8, 12), (9.6, 18.6), (8.2, 20.8), (2.3, 20.8), (1.3, 18.6),
                 (1.2, 12)]
_STYLE = {
    "L4": dict(facecolor=palette.SKY, hatch="\\\\\\", edgecolor="#1F5F86"),
    "L5": dict(facecolor=palette.ORANGE, hatch="///", edgecolor="#7A5300"),
    "S1": dict(facecolor=palette.GREEN, hatch="xxx", edgecolor="#00543D"),
}
_VIEWS = ("front", "back", "sole")


@dataclass(frozen=True)
class RootsArtists(drawing.Artists):
    """The artists of the dermatome diagram: every region patch, their labels and the title text."""

    axes: tuple[Axes, Axes, Axes]
    regions: tuple[Polygon, ...]
    region_labels: tuple[Text, ...]
    root_label: Text


def _centre(points) -> tuple[float, float]:
    xs, ys = zip(*points, strict=True)
    return sum(xs) / len(xs), sum(ys) / len(ys)


def _sides(ax: Axes, left: str, right: str, y: float = 25) -> None:
    """Write which side is which, vertically, beside the outline."""
    ax.text(-0.6, y, left, rotation=90, ha="right", va="center", fontsize=9, color="#444444")
    ax.text(12.6, y, right, rotation=90, ha="left", va="center", fontsize=9, color="#444444")


def _draw_view(ax: Axes, view: str) -> None:
    if view == "sole":
        ax.add_patch(Polygon(_SOLE_OUTLINE, closed=True, fill=False, lw=1.5, zorder=3))
        for i, x in enumerate((8.4, 6.6, 5.2, 3.9, 2.7)):  # toes, big toe on the medial side
            size = 1.9 if i == 0 else 1.2
            ax.add_patch(Ellipse((x, 21.6 + size * 0.75), size, size * 1.5, fill=False, lw=1.2,
                                 zorder=3))
        ax.set_ylim(-5, 60)
        _sides(ax, "lateral", "medial", y=14)
        ax.set_title("Sole of the foot\n(from below)", fontsize=10)
        return
    outline = _FRONT_OUTLINE if view == "front" else _BACK_OUTLINE
    ax.add_patch(Polygon(outline, closed=True, fill=False, lw=1.5, zorder=3))
    knee_y = 38.4
    ax.plot([2.2, 9.8], [knee_y, knee_y], color=palette.GREY, lw=0.8, ls=":", zorder=2)
    ax.text(11.8 if view == "front" else 0.2, knee_y, "knee", fontsize=9,
            ha="left" if view == "front" else "right", va="center")
    if view == "front":
        for x in (9.2, 7.6, 6.0, 4.4, 2.6):  # toes seen from above
            ax.add_patch(Polygon([(x - 0.6, -0.5), (x + 0.6, -0.5), (x + 0.5, -3), (x - 0.5, -3)],
                                 closed=True, fill=False, lw=1.0, zorder=3))
        _sides(ax, "lateral", "medial")
        ax.set_title("Front of right leg", fontsize=10)
    else:
        _sides(ax, "medial", "lateral")
        ax.set_title("Back of right leg", fontsize=10)
    ax.set_ylim(-5, 60)


def roots_figure(width_in: float = 8.0, height_in: float = 4.6, dpi: int = 100) -> Figure:
    """Make an empty three-panel figure (front, back, sole), outside pyplot."""
    return drawing.new_figure(width_in, height_in, dpi, columns=3)


def draw_roots(root: str = "L5", axes: tuple[Axes, Axes, Axes] | None = None) -> RootsArtists:
    """Draw the schematic leg once and shade the dermatome of ``root`` ("L4", "L5" or "S1")."""
    if axes is None:
        figure = roots_figure()
        axes = tuple(figure.axes)
    figure = axes[0].figure
    regions, labels = [], []
    for ax, view in zip(axes, _VIEWS, strict=True):
        _draw_view(ax, view)
        blank_axes(ax, (-2.5, 14.5), ax.get_ylim())
        for name in ROOTS:
            for points in DERMATOME_REGIONS[name][view]:
                patch = Polygon(points, closed=True, alpha=0.75, lw=1.0, zorder=2,
                                label=name, **_STYLE[name])
                ax.add_patch(patch)
                regions.append(patch)
                x, y = _centre(points)
                labels.append(ax.text(x, y, name, ha="center", va="center", fontsize=9,
                                      fontweight="bold", zorder=4,
                                      bbox=dict(boxstyle="round,pad=0.15", fc="white", lw=0)))
    root_label = figure.suptitle("", fontsize=12, fontweight="bold")
    figure.supxlabel("Schematic; dermatome maps vary between people (areas after FACTS B6).",
                     fontsize=9)
    artists = RootsArtists(figure, tuple(axes), tuple(regions), tuple(labels), root_label)
    update_roots(artists, root)
    drawing.freeze_layout(figure)
    return artists


def update_roots(artists: RootsArtists, root: str) -> None:
    """Shade ``root``'s regions and hide the others, in place."""
    if root not in ROOTS:
        raise ValueError(f"{root!r} is not one of {', '.join(ROOTS)}")
    for patch, label in zip(artists.regions, artists.region_labels, strict=True):
        shown = patch.get_label() == root
        patch.set_visible(shown)
        label.set_visible(shown)
    artists.root_label.set_text(f"{root} dermatome")


def _l5() -> Figure:
    return draw_roots("L5").figure


def _all_roots() -> Figure:
    art = draw_roots("L4")
    for patch, label in zip(art.regions, art.region_labels, strict=True):
        patch.set_visible(True)
        label.set_visible(True)
    art.root_label.set_text("L4, L5 and S1 dermatomes")
    return art.figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"dermatomes-l5": _l5, "dermatomes-l4-l5-s1": _all_roots}
