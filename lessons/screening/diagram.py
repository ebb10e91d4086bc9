"""Draw the leg in a screening test's position with the limb model's two views, updated in place.

The drawing is the limb diagram of Lesson 1 (:mod:`lessons.limb.diagram`) with
the test's name written above it, so the leg's shape and the words agree.

>>> art = draw_screening("slr")
>>> art.title.get_text()
'Straight-leg raise (SLR)'
>>> update_screening(art, "femoral-nerve-stretch")
>>> art.title.get_text()
'Femoral nerve stretch (prone knee bend)'
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.text import Text

from lessons.limb.diagram import LimbArtists, draw_limb, limb_figure, update_limb
from lessons.screening.model import leg_position, load_tests

__all__ = ["FIGURES", "ScreeningArtists", "draw_screening", "update_screening"]


@dataclass(frozen=True)
class ScreeningArtists:
    """The limb's artists and the title naming the test."""

    figure: Figure
    limb: LimbArtists
    title: Text

    def moving(self) -> list:
        """The artists :func:`update_screening` changes (for blitting)."""
        return [*self.limb.moving(), self.title]


def draw_screening(test_id: str = "hip-internal-rotation") -> ScreeningArtists:
    """Draw the right leg in this test's position, side and front views, with the test's name."""
    figure = limb_figure(height_in=5.1)
    ax_side, ax_front = figure.axes
    limb = draw_limb(leg_position(test_id), ax_side, ax_front, caption=False)
    title = figure.text(
        0.5,
        0.995,
        load_tests()[test_id].name,
        ha="center",
        va="top",
        fontsize=11,
        fontweight="bold",
    )
    return ScreeningArtists(figure, limb, title)


def update_screening(artists: ScreeningArtists, test_id: str) -> None:
    """Move the leg to another test's position and rename it, in place (then ``draw_idle``)."""
    update_limb(artists.limb, leg_position(test_id))
    artists.title.set_text(load_tests()[test_id].name)


def _faber() -> Figure:
    return draw_screening("faber").figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"screening-faber": _faber}
