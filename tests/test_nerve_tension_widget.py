"""Tests for lessons/nerve_tension/widget.py: sliders
drive the teaching model; the couch limits the knee."""

from __future__ import annotations

import pytest

from lessons.core.errors import OutOfRangeError
from lessons.nerve_tension.model import PRESETS, NerveTensionPose, tension_index
from lessons.nerve_tension.widget import nerve_tension_explorer


def test_default_is_a_straight_leg_raise_in_the_window():
    """The explorer opens at 45° with the knee straight, inside the 30-70° window (FACTS B8)."""
    ex = nerve_tension_explorer()
    assert ex.readout_text.startswith("Leg raised 45° at the hip, knee straight")
    assert "Inside the 30-70° window" in ex.readout_text
    assert "a teaching model, not a measurement" in ex.readout_text


def test_sensitisers_raise_the_gauge():
    """Dorsiflexion and neck flexion raise the gauge at the same hip angle (FACTS B8)."""
    ex = nerve_tension_explorer()
    before = ex.artists.gauge_bar.get_height()
    ex.controls["ankle_dorsiflexion_deg"].value = 20
    ex.controls["neck_flexion_deg"].value = 40
    assert ex.artists.gauge_bar.get_height() > before
    assert "Ankle dorsiflexion and neck flexion add tension" in ex.readout_text


def test_the_knee_is_limited_by_the_couch_and_the_readout_says_so():
    """With the hip flat, a bent knee would push the heel
    through the couch: it is shown straight, and explained."""
    ex = nerve_tension_explorer()
    ex.controls["hip_flexion_deg"].value = 0
    ex.controls["knee_flexion_deg"].value = 60
    assert "The heel rests on the couch" in ex.readout_text
    assert ex.message.value == ""


@pytest.mark.parametrize("preset", list(PRESETS))
def test_every_preset_sets_the_sliders(preset):
    """Choosing a named position moves every slider to it and the gauge to its index."""
    ex = nerve_tension_explorer()
    ex.children[-2].children[-2].value = preset
    values = {name: c.value for name, c in ex.controls.items()}
    assert values == {**{n: 0.0 for n in values}, **PRESETS[preset]}
    assert ex.artists.gauge_bar.get_height() == pytest.approx(
        tension_index(NerveTensionPose(**values))
    )


def test_bent_knee_stretch_preset_reads_slack():
    """The lesson 4 stretch position (hip 90°, knee 90°) reads slack (FACTS C7)."""
    ex = nerve_tension_explorer(hip_flexion_deg=90, knee_flexion_deg=90)
    assert "0.00 (slack)" in ex.readout_text


def test_reset_and_bad_start():
    """Reset returns to 45°; an impossible starting angle raises the course's error."""
    ex = nerve_tension_explorer(hip_flexion_deg=80)
    ex.children[-2].children[-1].click()
    assert ex.controls["hip_flexion_deg"].value == 45
    with pytest.raises(OutOfRangeError, match="neck_flexion_deg"):
        nerve_tension_explorer(neck_flexion_deg=90)


def test_the_quiz_question_on_the_gauge_matches_the_explorer():
    """The 03b numeric question's answer is what the explorer reads after the steps it gives."""
    from lessons.quizzes.bank import load_bank

    question = load_bank("03b-nerve-tension-tests").question("read-the-gauge")
    ex = nerve_tension_explorer()
    ex.children[-2].children[-1].click()
    ex.controls["ankle_dorsiflexion_deg"].value = 20
    assert f"Relative nerve-bed tension: {question.answer:.2f}" in ex.readout_text
