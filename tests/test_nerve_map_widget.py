"""Tests for lessons/nerve_map/widget.py: choosing a
structure or pattern updates the picture and the words."""

from __future__ import annotations

import pytest

from lessons.nerve_map.model import load_nerve_map
from lessons.nerve_map.widget import nerve_map_explorer


def test_choosing_a_structure_highlights_it_and_describes_it():
    """The readout gives the chosen structure's description and source; the figure names it."""
    ex = nerve_map_explorer()
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
    ex = nerve_map_explorer()
    ex.controls["pattern"].value = pattern
    assert words in ex.readout_text
    assert "16.2 % vs 16.9 %" in ex.readout_text


def test_outlines_are_not_offered():
    """Only selectable structures are offered, not the leg's outline."""
    ex = nerve_map_explorer()
    assert "leg-outline" not in [v for _, v in ex.controls["structure"].options]


def test_the_quiz_question_on_variants_matches_the_readout():
    """The 03a numeric question's answer is the figure the readout shows."""
    from lessons.quizzes.bank import load_bank

    question = load_bank("03a-sciatica-anatomy").question("variant-percent")
    ex = nerve_map_explorer(pattern="fibular-through")
    assert f"{question.answer} % of 6,062 cadavers" in ex.readout_text
