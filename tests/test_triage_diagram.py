"""Tests for lessons/triage_diagram.py: the urgency ladder frames the answer and counts the ticks,
in place."""

from __future__ import annotations

import pytest

from lessons.triage import triage
from lessons.triage_diagram import FIGURES, draw_urgency, update_urgency


@pytest.mark.parametrize(
    ("ticked", "level"),
    [([], "routine"), (["knee-locks"], "soon"), (["knee-locks", "swollen-calf"], "same-day"),
     (["swollen-calf", "both-legs"], "emergency-now")],
)
def test_the_frame_and_the_answer_mark_sit_on_the_answers_rung(ticked, level):
    """The thick frame and the '◀ ANSWER' mark move to the rung of the answer."""
    art = draw_urgency(triage([]))
    update_urgency(art, triage(ticked))
    rung = art.rungs[level]
    assert rung.get_y() - 0.05 < art.frame.get_y() < rung.get_y()
    assert art.answer_mark.get_position()[1] == pytest.approx(rung.get_y() + rung.get_height() / 2)


def test_each_rung_counts_its_ticked_signs():
    """Counts are per urgency level, in words."""
    art = draw_urgency(triage(["past-cancer", "weight-loss", "both-legs"]))
    texts = {level: text.get_text() for level, text in art.counts.items()}
    assert texts == {
        "emergency-now": "1 sign ticked",
        "same-day": "none ticked",
        "soon": "2 signs ticked, 1 combination",
        "routine": "none ticked",
    }


def test_an_update_changes_artists_in_place_and_keeps_the_figure():
    """Updating moves the same artists; nothing new is added to the axes."""
    art = draw_urgency(triage([]))
    patches, texts = len(art.ax.patches), len(art.ax.texts)
    update_urgency(art, triage(["bowel-control"]))
    assert (len(art.ax.patches), len(art.ax.texts)) == (patches, texts)
    assert set(art.moving()) >= {art.frame, art.answer_mark}


def test_rungs_differ_by_hatching_not_colour_alone():
    """Each rung has its own hatching, and its words are in the figure."""
    art = draw_urgency(triage([]))
    assert len({rung.get_hatch() for rung in art.rungs.values()}) == 4
    words = [text.get_text() for text in art.ax.texts]
    for expected in ("‼ EMERGENCY NOW", "⚠ SAME DAY", "◆ SOON", "ℹ ROUTINE"):
        assert expected in words


def test_text_is_legible_when_projected():
    """Every text in the figure is at least 9 pt."""
    art = draw_urgency(triage([]))
    assert min(text.get_fontsize() for text in art.ax.texts) >= 9


def test_the_static_figures_are_registered():
    """Two default states go to figures/: nothing ticked, and an emergency."""
    assert set(FIGURES) == {"triage-nothing-ticked", "triage-emergency"}
