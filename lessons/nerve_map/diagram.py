"""Draw the nerve map (a schematic posterior view) once, then highlight a structure or change the
piriformis pattern in place.

Two panels show the same data: the whole pelvis and leg, and a close-up of the
lower spine and buttock where the roots, piriformis and the greater sciatic
foramen sit. :func:`draw_nerve_map` draws everything once and returns the
artists; :func:`update_nerve_map` moves the highlight (a thick outline, a
diamond marker and the structure's name, so colour never carries it alone) and
redraws the two divisions of the nerve for a piriformis pattern.

>>> art = draw_nerve_map("piriformis", "typical")
>>> art.name_labels[0].get_text()
'piriformis muscle'
>>> update_nerve_map(art, "fibular-neck", "fibular-through")
>>> art.name_labels[0].get_text(), art.fibular_lines[0].get_linestyle()
('fibular neck', '--')
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon
from matplotlib.text import Text

from lessons.core import drawing, palette
from lessons.nerve_map.model import NerveMap, PiriformisPattern, Structure, load_nerve_map

__all__ = ["FIGURES", "NerveMapArtists", "blank_axes", "draw_nerve_map", "update_nerve_map"]

#: The close-up panel's window (schematic units): lower lumbar spine and buttock.
CLOSE_UP = ((-7.0, 25.0), (82.0, 120.0))

_NERVE_COLOURS = {
    "sciatic-nerve": palette.BLUE,
    "tibial-nerve": palette.GREEN,
    "common-fibular-nerve": palette.VERMILLION,
}
_STYLE = {
    "outline": dict(fill=False, edgecolor=palette.GREY, lw=1.0, zorder=1),
    "bone": dict(facecolor="#EEEEEE", edgecolor="#666666", lw=1.0, zorder=2),
    "disc": dict(facecolor="#FFFFFF", edgecolor="#666666", lw=1.0, hatch="....", zorder=2),
    "opening": dict(fill=False, edgecolor=palette.BLACK, lw=1.0, ls=":", zorder=3),
    "muscle": dict(facecolor="#F5D79A", edgecolor="#A06A00", lw=1.0, hatch="///", zorder=4),
}
_HIGHLIGHT = palette.BLACK
_DIVISIONS_Z = 6


@dataclass(frozen=True)
class NerveMapArtists(drawing.Artists):
    """The artists of one nerve map: per panel (overview, close-up) a highlight, a marker, a name
    and two divisions."""

    axes: tuple[Axes, Axes]
    nerve_map: NerveMap
    highlight_lines: tuple[Line2D, Line2D]
    markers: tuple[Line2D, Line2D]
    name_labels: tuple[Text, Text]
    tibial_lines: tuple[Line2D, Line2D]
    fibular_lines: tuple[Line2D, Line2D]
    pattern_label: Text

    def moving(self) -> list:
        """The artists :func:`update_nerve_map` changes (for blitting)."""
        return [
            *self.tibial_lines, *self.fibular_lines, *self.highlight_lines,
            *self.markers, *self.name_labels, self.pattern_label,
        ]


def blank_axes(ax: Axes, xlim, ylim) -> None:
    """Set equal-aspect limits and hide ticks and frame: the style of the course's anatomy
    schematics."""
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)


def _xy(points) -> tuple[list[float], list[float]]:
    return [p[0] for p in points], [p[1] for p in points]


def _draw_structure(ax: Axes, s: Structure) -> None:
    if s.shape == "polygon":
        ax.add_patch(Polygon(s.points, closed=True, **_STYLE[s.kind]))
    elif s.shape == "point":
        ax.plot(*_xy(s.points), ls="none", marker="o", ms=5, mfc="white", mec=palette.BLACK,
                mew=1.2, zorder=7)
    elif s.kind == "root":
        ax.plot(*_xy(s.points), color=palette.PURPLE, lw=2, ls="--" if s.deep else "-", zorder=5)
    elif s.id != "sciatic-nerve":  # the sciatic trunk is drawn from the pattern, below
        ax.plot(*_xy(s.points), color=_NERVE_COLOURS.get(s.id, palette.BLUE), lw=3.5,
                solid_capstyle="round", zorder=5)


def _trunk_below(nerve_map: NerveMap) -> list[tuple[float, float]]:
    """The sciatic nerve from where the pattern paths end (in the buttock) down to its split."""
    trunk = list(nerve_map.structure("sciatic-nerve").points)
    join = nerve_map.patterns[0].tibial_division[-1]
    return trunk[trunk.index(join):] if join in trunk else trunk


def _highlight_path(nerve_map: NerveMap, s: Structure, pattern: PiriformisPattern):
    if s.id == "sciatic-nerve":
        return _xy(list(pattern.tibial_division) + _trunk_below(nerve_map)[1:])
    if s.shape == "polygon":
        return _xy(list(s.points) + [s.points[0]])
    if s.shape == "path":
        return _xy(s.points)
    return [], []


def _draw_panel(ax: Axes, nerve_map: NerveMap, title: str, xlim, ylim, close_up: bool):
    for s in nerve_map.structures:
        _draw_structure(ax, s)
    trunk = ax.plot(*_xy(_trunk_below(nerve_map)), color=_NERVE_COLOURS["sciatic-nerve"],
                    lw=4.5, solid_capstyle="round", zorder=5)[0]
    tibial = ax.plot([], [], color=_NERVE_COLOURS["sciatic-nerve"], lw=4.5,
                     solid_capstyle="round", zorder=_DIVISIONS_Z)[0]
    fibular = ax.plot([], [], color=_NERVE_COLOURS["sciatic-nerve"], lw=3.0,
                      solid_capstyle="round", zorder=_DIVISIONS_Z)[0]
    highlight = ax.plot([], [], color=_HIGHLIGHT, lw=3.0 if close_up else 2.5, zorder=8,
                        solid_joinstyle="round")[0]
    marker = ax.plot([], [], ls="none", marker="D", ms=10, mfc=palette.YELLOW,
                     mec=palette.BLACK, mew=1.5, zorder=9)[0]
    name = ax.annotate("", (0, 0), xytext=(10, 8), textcoords="offset points", fontsize=10,
                       fontweight="bold", zorder=10, annotation_clip=False,
                       bbox=dict(boxstyle="round,pad=0.2", fc="white", ec=palette.BLACK, lw=0.8))
    blank_axes(ax, xlim, ylim)
    ax.set_title(title, fontsize=11)
    return trunk, tibial, fibular, highlight, marker, name


def _static_labels(overview: Axes, close_up: Axes, nerve_map: NerveMap) -> None:
    small = dict(fontsize=9, zorder=7)
    close_up.text(-5.5, 115, "L4", ha="right", va="center", **small)
    close_up.text(-5.5, 107, "L5", ha="right", va="center", **small)
    close_up.text(-5.5, 111.2, "L4/5 disc", ha="right", va="center", fontsize=9)
    close_up.text(0, 94, "sacrum", ha="center", va="center", **small)
    close_up.annotate("piriformis", (16.5, 96.6), xytext=(19, 104), ha="left", fontsize=9,
                      arrowprops=dict(arrowstyle="-", lw=0.8), zorder=7)
    close_up.annotate("roots L4, L5, S1\n(dashed: deep,\nin front of the sacrum)", (6.3, 101),
                      xytext=(-6.8, 86.5), ha="left", fontsize=9,
                      arrowprops=dict(arrowstyle="-", lw=0.8), zorder=7)
    for text, xy, xytext in (
        ("sciatic nerve", (12.3, 70), (17, 72)),
        ("tibial nerve", (10.4, 33), (-9, 30)),
        ("common fibular\nnerve", (15.2, 48), (19, 38)),
        ("fibular neck", (16.3, 45.5), (19, 50)),
    ):
        overview.annotate(text, xy, xytext=xytext, fontsize=9,
                          ha="left" if xytext[0] > 0 else "left",
                          arrowprops=dict(arrowstyle="-", lw=0.8), zorder=7)
    x0, x1 = CLOSE_UP[0]
    y0, y1 = CLOSE_UP[1]
    overview.add_patch(Polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], closed=True, fill=False,
                               ls="--", lw=0.8, edgecolor=palette.GREY, zorder=0))
    overview.text(x1 + 0.5, y0, "close-up\nat right", fontsize=9, color="#555555", va="bottom")


def nerve_map_figure(width_in: float = 10.0, height_in: float = 6.6, dpi: int = 100) -> Figure:
    """Make an empty two-panel figure, outside pyplot."""
    return drawing.new_figure(width_in, height_in, dpi, columns=2, width_ratios=[1, 1.3])


def draw_nerve_map(
    structure_id: str = "sciatic-nerve",
    pattern_id: str = "typical",
    axes: tuple[Axes, Axes] | None = None,
    *,
    nerve_map: NerveMap | None = None,
    caption: bool = True,
    labels: bool = True,
) -> NerveMapArtists:
    """Draw the nerve map once, highlighting one structure and showing one piriformis pattern.

    Args:
        structure_id: the structure to highlight (an id from the map, such as ``"piriformis"``).
        pattern_id: the piriformis pattern: ``"typical"``, ``"fibular-through"`` or
            ``"fibular-above"``.
        axes: the overview and close-up axes; omitted makes a new figure.
        nerve_map: the map to draw (default: the course's map file).
        caption: write "schematic, not to scale" and the key under the figure.
        labels: write the names of the main structures (off for a labelling quiz).

    Returns:
        The :class:`NerveMapArtists`, for :func:`update_nerve_map`.
    """
    nerve_map = nerve_map or load_nerve_map()
    if axes is None:
        figure = nerve_map_figure()
        axes = tuple(figure.axes)
    figure = axes[0].figure
    x0, x1, y0, y1 = nerve_map.bounds()
    panels = [
        _draw_panel(axes[0], nerve_map, "Pelvis and right leg, from behind",
                    (x0 - 12, x1 + 12), (y0 - 2, y1 + 4), close_up=False),
        _draw_panel(axes[1], nerve_map, "Close-up: lower spine and buttock", *CLOSE_UP,
                    close_up=True),
    ]
    if labels:
        _static_labels(axes[0], axes[1], nerve_map)
    pattern_label = axes[1].text(0.99, 0.99, "", transform=axes[1].transAxes, fontsize=9,
                                 va="top", ha="right", zorder=10,
                                 bbox=dict(boxstyle="round,pad=0.25", fc="white", ec=palette.GREY))
    if caption:
        figure.supxlabel(
            "Schematic, not to scale. Solid lines: nerves (blue sciatic, green tibial, red-orange "
            "common fibular); purple dashed: roots.\nBlack outline, ◆ and bold name: the "
            "structure you chose.",
            fontsize=9,
        )
    artists = NerveMapArtists(
        figure=figure,
        axes=tuple(axes),
        nerve_map=nerve_map,
        highlight_lines=tuple(p[3] for p in panels),
        markers=tuple(p[4] for p in panels),
        name_labels=tuple(p[5] for p in panels),
        tibial_lines=tuple(p[1] for p in panels),
        fibular_lines=tuple(p[2] for p in panels),
        pattern_label=pattern_label,
    )
    update_nerve_map(artists, structure_id, pattern_id)
    drawing.freeze_layout(figure)
    return artists


def update_nerve_map(artists: NerveMapArtists, structure_id: str, pattern_id: str) -> None:
    """Highlight another structure and/or show another piriformis pattern, in place."""
    nerve_map = artists.nerve_map
    structure = nerve_map.structure(structure_id)
    pattern = nerve_map.pattern(pattern_id)
    anchor = structure.anchor()
    path = _highlight_path(nerve_map, structure, pattern)
    (cx0, cx1), (cy0, cy1) = CLOSE_UP
    in_close_up = cx0 <= anchor[0] <= cx1 and cy0 <= anchor[1] <= cy1
    for index, (line, marker, label) in enumerate(
        zip(artists.highlight_lines, artists.markers, artists.name_labels, strict=True)
    ):
        line.set_data(*path)
        shown = index == 0 or in_close_up
        marker.set_data([anchor[0]] if shown else [], [anchor[1]] if shown else [])
        label.xy = anchor
        label.set_text(structure.name if shown else "")
        # Put the name where it has room: left of structures on the right of the panel.
        right_half = anchor[0] > (sum(artists.axes[index].get_xlim()) / 2)
        label.set_position((-12, 8) if right_half else (12, 8))
        label.set_horizontalalignment("right" if right_half else "left")
    for tibial, fibular in zip(artists.tibial_lines, artists.fibular_lines, strict=True):
        tibial.set_data(*_xy(pattern.tibial_division))
        fibular.set_data(*_xy(pattern.fibular_division))
        fibular.set_linestyle("--" if pattern.fibular_through_muscle else "-")
        fibular.set_color(_NERVE_COLOURS["common-fibular-nerve"] if not pattern.typical
                          else _NERVE_COLOURS["sciatic-nerve"])
    artists.pattern_label.set_text(f"Piriformis: {pattern.name}")


def _default() -> Figure:
    return draw_nerve_map("sciatic-nerve", "typical").figure


def _variant() -> Figure:
    return draw_nerve_map("piriformis", "fibular-through").figure


#: The numbered structures of the quiz figure, in number order (the lesson 3 labelling question).
QUIZ_MARKERS = ("l5-root", "piriformis", "sciatic-nerve", "common-fibular-nerve", "fibular-neck")


def _middle_height(structure: Structure) -> float:
    """The height half-way up a structure, such as a disc."""
    heights = [y for _, y in structure.points]
    return (min(heights) + max(heights)) / 2


def _point_at_height(points: tuple[tuple[float, float], ...], height: float) -> tuple[float, float]:
    """The point of a path at a given height, by straight-line interpolation between its points.

    >>> _point_at_height(((0.0, 10.0), (2.0, 6.0)), 8.0)
    (1.0, 8.0)
    """
    for (xa, ya), (xb, yb) in pairwise(points):
        if min(ya, yb) <= height <= max(ya, yb) and ya != yb:
            return xa + (xb - xa) * (height - ya) / (yb - ya), height
    raise ValueError(f"the path does not reach the height {height}")


def _quiz() -> Figure:
    """The map without names or highlight, with the structures of :data:`QUIZ_MARKERS` numbered."""
    art = draw_nerve_map("sciatic-nerve", "typical", labels=False, caption=False)
    art.figure.supxlabel("Schematic, not to scale. Name the numbered structures.", fontsize=9)
    for line, marker, label in zip(art.highlight_lines, art.markers, art.name_labels, strict=True):
        line.set_data([], [])
        marker.set_data([], [])
        label.set_text("")
    art.pattern_label.set_text("")
    nerve_map = art.nerve_map
    for number, structure_id in enumerate(QUIZ_MARKERS, start=1):
        x, y = nerve_map.structure(structure_id).anchor()
        if structure_id == "sciatic-nerve":
            x, y = 12.3, 72.0  # on the thigh, clear of the buttock
        if structure_id == "l5-root":
            # Where it crosses the back of the L4/5 disc inside the canal: the L4 root leaves
            # at the side of that disc and S1 starts lower, so the marker names one root only.
            disc = nerve_map.structure("l4-l5-disc")
            x, y = _point_at_height(nerve_map.structure("l5-root").points, _middle_height(disc))
        ax = art.axes[1] if y > CLOSE_UP[1][0] and structure_id != "sciatic-nerve" else art.axes[0]
        offset = {
            "common-fibular-nerve": (20, 16),
            "fibular-neck": (16, -16),
            "l5-root": (-40, 4),
        }.get(structure_id, (14, 6))
        ax.annotate(str(number), (x, y), xytext=offset, textcoords="offset points", fontsize=11,
                    fontweight="bold", zorder=11, arrowprops=dict(arrowstyle="-", lw=1),
                    bbox=dict(boxstyle="circle,pad=0.2", fc=palette.YELLOW, ec=palette.BLACK))
    return art.figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {
    "nerve-map": _default,
    "nerve-map-piriformis-variant": _variant,
    "nerve-map-quiz": _quiz,
}
