"""The figure and axes set-up every concept's diagram shares.

Each diagram draws its own body parts; what they have in common is how a view is
framed (limits, equal scale, title, labels, the floor, no top and right spines) and
how a drawn figure is frozen so that a slider tick redraws without re-running the
layout. Only diagrams import this (it uses matplotlib; models never do).

>>> figure = new_figure(4.0, 3.0, columns=2, width_ratios=[2, 1])
>>> left, right = figure.axes
>>> frame_view(left, "Side view", (-0.5, 0.5), (0.0, 1.0), xlabel="forward (m)", floor=True)
>>> left.get_title(), left.get_xlabel(), left.spines["top"].get_visible()
('Side view', 'forward (m)', False)
>>> [line.get_ydata() for line in left.lines]
[[0.0, 0.0]]
>>> freeze_layout(figure)
>>> type(figure.get_layout_engine()).__name__  # no layout is run again
'PlaceHolderLayoutEngine'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from lessons.core import palette

__all__ = [
    "ACROSS_LABEL", "Artists", "HEIGHT_LABEL", "frame_view", "freeze_layout", "new_figure",
    "two_axes",
]

#: The vertical axis label of the views drawn in metres above the floor.
HEIGHT_LABEL = "height above the floor (m)"
#: The horizontal axis label of the front views (the person faces the reader).
ACROSS_LABEL = "← person's right    person's left → (m)"


@dataclass(frozen=True)
class Artists:
    """The artists of one drawn diagram, by name: a diagram's dataclass of them derives from this.

    :meth:`moving` lists every artist after the figure and its axes, in the order the fields
    are declared (an artist, or a dict, list or tuple of them; ``None`` and other values are
    passed over): the artists its ``update_*`` function changes, for blitting. A diagram that
    updates only some of its artists, or must draw them in another order, overrides it.
    """

    figure: Figure

    def moving(self) -> list[Artist]:
        """The artists that this diagram's ``update_*`` function changes (for blitting)."""
        values = (getattr(self, field.name) for field in fields(self))
        return [artist for value in values for artist in _artists_in(value)]


def _artists_in(value: object) -> Iterable[Artist]:
    if isinstance(value, (Axes, Figure)) or not isinstance(value, (Artist, dict, list, tuple)):
        return []
    if isinstance(value, Artist):
        return [value]
    items = value.values() if isinstance(value, dict) else value
    return [artist for item in items for artist in _artists_in(item)]


def new_figure(
    width_in: float,
    height_in: float,
    dpi: int = 100,
    *,
    columns: int = 0,
    width_ratios: Sequence[float] | None = None,
) -> Figure:
    """Make a figure outside pyplot's figure manager, laid out by matplotlib's constrained layout.

    With ``columns``, it is made with that many axes side by side (``width_ratios`` as
    :meth:`~matplotlib.figure.Figure.subplots` takes them).
    """
    figure = Figure(figsize=(width_in, height_in), dpi=dpi, layout="constrained")
    if columns:
        figure.subplots(1, columns, width_ratios=width_ratios)
    return figure


def two_axes(
    first: Axes | None, second: Axes | None, make_figure: Callable[[], Figure], what: str
) -> tuple[Axes, Axes]:
    """Return the two axes a caller gave, or a new figure's two axes when it gave neither.

    >>> side, front = two_axes(None, None, lambda: new_figure(4, 3, columns=2), "side and front")
    >>> side.figure is front.figure
    True
    >>> two_axes(None, Figure().subplots(), Figure, "side and front")
    Traceback (most recent call last):
    ValueError: give both axes (side and front) or neither
    """
    if (first is None) != (second is None):
        raise ValueError(f"give both axes ({what}) or neither")
    if first is None or second is None:
        first, second = make_figure().axes
    return first, second


def frame_view(
    ax: Axes,
    title: str,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    *,
    xlabel: str | None = None,
    ylabel: str | None = None,
    tick_size: float = 9,
    floor: bool = False,
) -> None:
    """Frame a drawing of the body: limits, equal scale, title, labels, no top and right spines.

    ``floor`` draws the floor line (at height 0, under everything drawn after it).
    """
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal", adjustable="box")
    ax.set_title(title, fontsize=11)
    if xlabel is not None:
        ax.set_xlabel(xlabel, fontsize=9)
    if ylabel is not None:
        ax.set_ylabel(ylabel, fontsize=9)
    ax.tick_params(labelsize=tick_size)
    if floor:
        ax.axhline(0.0, color=palette.FLOOR, lw=1.5, zorder=0)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)


def freeze_layout(figure: Figure) -> None:
    """Lay the figure out once, then freeze it.

    Re-running the layout engine on every slider tick would cost more than the drawing itself.
    """
    figure.draw_without_rendering()
    figure.set_layout_engine("none")
