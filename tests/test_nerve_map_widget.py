"""Tests for lessons/nerve_map_widget.py: choosing a
structure or pattern updates the picture and the words."""

from __future__ import annotations

import pytest

from lessons.nerve_map import load_nerve_map
from lessons.nerve_map_widget import nerve_map


def test_choosing_a_structure_highlights_it_and_describes_it():
    """The readout gives the chosen structure's description and source; the figure names it."""
    ex = nerve_map()
    ex.controls["structure"].value = "piriformis"
    s = load_nerve_map().structure("piriformis")
    assert s.description in ex.readout_text and "FACTS B4" in ex.readout_text
    assert ex.artists.name_labels[0].get_text() == "piriformis muscle"


@pytest.mark.parametrize(
    "pattern, words",
    [("typical", "about 83-90 % of people"), ("fibular-through", "variants together about 17 %"),
     ("fibular-above", "no figure for each variant type")],
)
def test_pattern_control_says_how_common_each_pattern_is(pattern, words):
    """Each pattern's frequency is FACTS B4's; variant types are never given their own number."""
    ex = nerve_map()
    ex.controls["pattern"].value = pattern
    assert words in ex.readout_text
    assert "16.2 % vs 16.9 %" in ex.readout_text


def test_outlines_are_not_offered_and_repr_is_short():
    """Only selectable structures are offered; the text form is fixed and short."""
    ex = nerve_map()
    assert "leg-outline" not in [v for _, v in ex.controls["structure"].options]
    assert len(repr(ex)) <= 110 and repr(ex).startswith("Nerve map:")


def test_updates_blit_only_the_moving_artists():
    """After the first draw, choosing structures repaints from the saved background."""
    ex = nerve_map()
    ex.canvas.draw()
    full = []
    ex.canvas.mpl_connect("draw_event", full.append)
    for structure in load_nerve_map().ids():
        ex.controls["structure"].value = structure
    assert full == []


def test_the_quiz_question_on_variants_matches_the_readout():
    """The 03a numeric question's answer is the figure the readout shows."""
    from lessons.quiz import load_bank

    question = load_bank("03a-sciatica-anatomy").question("variant-percent")
    ex = nerve_map(pattern="fibular-through")
    assert f"{question.answer} % of 6,062 cadavers" in ex.readout_text
