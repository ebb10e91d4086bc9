"""Draw the urgency ladder: the four steps stacked, the chosen one boxed, updated in place.

The ladder (FACTS E5, read from the red-flag file) has "emergency now" at the
top, then "same day", "soon" and "routine". Each rung says how many ticked
signs and fired combination rules point to it; a thick black frame and an
"◀ ANSWER" mark show the answer, so it is never told by colour alone (the
rungs also differ in symbol and hatching).

>>> from lessons.red_flags.triage import triage
>>> art = draw_urgency(triage([]))
>>> art.answer_mark.get_position()[1] == art.rungs["routine"].get_y() + _RUNG_H / 2
True
>>> update_urgency(art, triage(["both-legs", "past-cancer"]))
>>> art.counts["emergency-now"].get_text(), art.counts["soon"].get_text()
('1 sign ticked', '1 sign ticked')
>>> update_urgency(art, triage(["past-cancer", "new-numbness"]))
>>> art.counts["same-day"].get_text(), art.counts["routine"].get_text()
('1 combination', '1 sign ticked')
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from lessons.core import drawing, palette
from lessons.red_flags.triage import Advice, triage

__all__ = ["FIGURES", "UrgencyArtists", "draw_urgency", "update_urgency", "urgency_figure"]

_RUNG_H = 0.84
_STYLE = {  # fill (Okabe-Ito, light), hatching, what the rung means: never colour alone
    "emergency-now": (palette.VERMILLION, "xx", "go to A&E or call 999 now"),
    "same-day": (palette.ORANGE, "//", "see a doctor today"),
    "soon": (palette.YELLOW, "..", "see a doctor within days, not weeks"),
    "routine": (palette.SKY, "", "stay active; book an appointment if it does not settle"),
}


@dataclass(frozen=True)
class UrgencyArtists(drawing.Artists):
    """The artists of one urgency ladder, by name, for updating or inspecting."""

    ax: Axes
    rungs: dict[str, Rectangle]
    counts: dict[str, Text]
    frame: Rectangle
    answer_mark: Text

    def moving(self) -> list:
        """The artists that :func:`update_urgency` changes (for blitting)."""
        return [self.frame, self.answer_mark, *self.counts.values()]


def urgency_figure(width_in: float = 7.6, height_in: float = 3.6) -> Figure:
    """Make an empty figure for the ladder."""
    return drawing.new_figure(width_in, height_in, columns=1)


def draw_urgency(advice: Advice, ax: Axes | None = None) -> UrgencyArtists:
    """Draw the urgency ladder once, showing ``advice``.

    Args:
        advice: the answer to show, from :func:`lessons.red_flags.triage.triage`.
        ax: axes to draw into; omitted makes a new figure.

    Returns:
        The :class:`UrgencyArtists` drawn, for :func:`update_urgency`.
    """
    ax = urgency_figure().axes[0] if ax is None else ax
    figure = ax.figure
    ax.set_xlim(0, 10)
    flags = advice.flags
    ax.set_ylim(-0.05, len(flags.steps) + 0.05)
    ax.set_axis_off()
    ax.set_title("The most urgent ticked sign or combination decides", fontsize=11, loc="left")
    rungs: dict[str, Rectangle] = {}
    counts: dict[str, Text] = {}
    for step in flags.steps:
        level, rank = step.id, flags.rank[step.id]
        colour, hatch, meaning = _STYLE[level]
        y = rank + (1 - _RUNG_H) / 2
        rung = Rectangle(
            (0.1, y), 9.8, _RUNG_H, facecolor=colour, alpha=0.25, hatch=hatch,
            edgecolor=palette.GREY, lw=1,
        )  # fmt: skip
        ax.add_patch(rung)
        rungs[level] = rung
        middle = y + _RUNG_H / 2
        ax.text(0.35, middle + 0.12, step.headline,
                fontsize=12, fontweight="bold", va="center")  # fmt: skip
        ax.text(0.35, middle - 0.2, meaning, fontsize=9.5, va="center")
        counts[level] = ax.text(7.9, middle, "", fontsize=10, va="center", ha="right")
    frame = Rectangle((0.05, 0), 9.9, _RUNG_H + 0.06, fill=False, lw=4, edgecolor=palette.BLACK)
    ax.add_patch(frame)
    answer_mark = ax.text(9.8, 0, "◀ ANSWER", fontsize=11, fontweight="bold", ha="right",
                          va="center")  # fmt: skip
    artists = UrgencyArtists(figure, ax, rungs, counts, frame, answer_mark)
    update_urgency(artists, advice)
    drawing.freeze_layout(figure)
    return artists


def update_urgency(artists: UrgencyArtists, advice: Advice) -> None:
    """Show a new answer on a drawn ladder, in place: the frame, the mark and the counts."""
    ticked = advice.deciding + advice.also_ticked
    for level, text in artists.counts.items():
        count = sum(sign.step == level for sign in ticked)
        rules = sum(rule.step == level for rule in advice.rules)
        words = [f"{count} sign{'s' * (count != 1)} ticked"] if count else []
        words += [f"{rules} combination{'s' * (rules != 1)}"] if rules else []
        text.set_text(", ".join(words) or "none ticked")
    rung = artists.rungs[advice.level]
    artists.frame.set_y(rung.get_y() - 0.03)
    artists.answer_mark.set_y(rung.get_y() + _RUNG_H / 2)


def _nothing_ticked() -> Figure:
    return draw_urgency(triage([])).figure


def _emergency() -> Figure:
    return draw_urgency(triage(["past-cancer", "both-legs"])).figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"triage-nothing-ticked": _nothing_ticked, "triage-emergency": _emergency}
