"""Tests for lessons/sleep_posture/widget.py: controls
drive the diagrams and readouts; the claim check grades."""

from __future__ import annotations

import pytest

from lessons.claims.model import load_claims
from lessons.sleep_posture.model import SIDE_DEFAULTS
from lessons.sleep_posture.widget import (
    BACK_DEFAULTS,
    back_lying_explorer,
    claim_check,
    side_lying_explorer,
)


def test_side_lying_pillow_slider_moves_the_top_leg_and_readout():
    """Moving the pillow slider lifts the same top-leg artist and rewrites the readout."""
    ex = side_lying_explorer()
    leg = ex.artists.top_leg
    assert ex.readout_text.startswith("Top hip: 11° adduction")
    ex.controls["pillow_cm"].value = 5
    assert ex.artists.top_leg is leg
    assert leg.get_data()[1][1] == pytest.approx(15)  # k + t = 10 + 5 cm
    assert ex.readout_text.startswith("Top hip: 4° adduction")


def test_side_lying_readout_says_model_and_neutral():
    """At t = D − k the readout says near neutral; every readout says it is a model."""
    ex = side_lying_explorer(hip_spacing_cm=19, knee_gap_cm=9)
    ex.controls["pillow_cm"].value = 10
    assert "near neutral" in ex.readout_text
    assert "a model, not a measurement" in ex.readout_text


def test_side_lying_thick_pillow_is_explained_not_a_traceback():
    """A pillow thicker than D − k gives abduction, said in words, with no error message."""
    ex = side_lying_explorer()
    ex.controls["pillow_cm"].value = 20
    assert "abduction" in ex.readout_text.splitlines()[0]
    assert ex.message.value == ""


def test_side_lying_reset_restores_the_typical_adult():
    """Reset puts every control back to the FACTS section F defaults."""
    ex = side_lying_explorer(pillow_cm=12, height_m=1.9)
    ex.children[-2].children[-1].click()
    assert {name: c.value for name, c in ex.controls.items()} == SIDE_DEFAULTS


def test_back_lying_pillow_and_knee_replacement_note():
    """The pillow bends hip and knee; ticking "after a
    knee replacement" adds NOTHING under the knee."""
    ex = back_lying_explorer()
    assert ex.readout_text.startswith(
        "A 10 cm pillow under the knees: hip flexed 13°, knee flexed 27°"
    )
    ex.controls["knee_replacement"].value = True
    assert "NOTHING under the knee (FACTS D5)" in ex.readout_text
    assert ex.artists.warning.get_visible()
    ex.controls["pillow_cm"].value = 0
    assert "nothing under the knee, as here" in ex.readout_text
    ex.children[-2].children[-1].click()
    assert {name: c.value for name, c in ex.controls.items()} == BACK_DEFAULTS


def test_claim_check_grades_each_claim_with_verdict_and_reason():
    """Check marks each sorted claim right or wrong and shows the verdict with its reason."""
    check = claim_check()
    check.choices["pregnancy-support"].value = "soften"
    check.choices["comfort"].value = "correct"
    check.check.click()
    assert check.feedback_text("pregnancy-support").startswith(
        "✓ Correct: the verdict is SOFTEN (fact sheet: soften, reframe).")
    assert "28 weeks" in check.feedback_text("pregnancy-support")
    assert check.feedback_text("comfort").startswith(
        "✗ Not quite: you chose correct; the verdict is SOFTEN."
    )
    assert check.feedback_text("spinal-alignment").startswith("Choose keep, soften or correct")
    assert check.score_text == "1 of 8 match the evidence (2 sorted)."


def test_claim_check_all_right_and_start_again():
    """Sorting every claim as FACTS G does scores 8 of 8; Start again clears the choices."""
    check = claim_check()
    for claim in load_claims().shown_by("claim_check"):
        check.choices[claim.id].value = claim.verdict
    check.check.click()
    assert check.score_text == "8 of 8 match the evidence (8 sorted)."
    check.reset.click()
    assert all(choice.value is None for choice in check.choices.values())
    assert check.feedback_text("comfort") == ""


# -- the patient versions (the clinic page) -------------------------------------------------

from lessons.core.errors import CourseError  # noqa: E402
from lessons.core.plain_words import load_plain_words  # noqa: E402
from lessons.sleep_posture.model import back_lying, side_lying  # noqa: E402
from lessons.sleep_posture.widget import plain_back_lying, plain_side_lying  # noqa: E402

WORDS = load_plain_words()


def _shown(ex) -> list[str]:
    return [ex.readout_text, *(c.description for c in ex.controls.values()),
            *(t.get_text() for t in ex.figure.findobj(lambda a: hasattr(a, "get_text")))]


@pytest.mark.parametrize("pillow_cm", [0.0, 8.0, 16.0])
def test_the_patient_side_lying_explorer_reads_in_plain_words(pillow_cm):
    """audience="patient": readout is plain_side_lying of the same state; no adduction, D, k, t
    or fact ids shown."""
    ex = side_lying_explorer(audience="patient")
    ex.controls["pillow_cm"].value = pillow_cm
    state = side_lying(**{**SIDE_DEFAULTS, "pillow_cm": pillow_cm})
    assert ex.readout_text == plain_side_lying(state)
    for text in _shown(ex):
        assert WORDS.jargon_in(text) == [] and "FACTS" not in text, text


@pytest.mark.parametrize(
    "pillow_cm, words",
    [
        (0.0, "slopes down towards the bed by about 11°"),
        (8.0, "lies about level"),
        (16.0, "slopes up"),
    ],
)
def test_the_plain_side_lying_readout_says_the_slope_in_degrees(pillow_cm, words):
    """The plain words keep the numbers: which way the top thigh slopes, how far (FACTS D4)."""
    assert words in plain_side_lying(side_lying(pillow_cm=pillow_cm))


def test_the_patient_back_lying_explorer_keeps_the_knee_replacement_rule_in_plain_words():
    """After a knee replacement: NOTHING under the knee, without "flexion contracture" or an id
    (FACTS D5)."""
    ex = back_lying_explorer(audience="patient")
    ex.controls["knee_replacement"].value = True
    assert ex.readout_text == plain_back_lying(back_lying(pillow_cm=10), knee_replacement=True)
    assert "NOTHING under the knee" in ex.readout_text
    assert "unable to straighten fully" in ex.readout_text
    for text in _shown(ex):
        assert WORDS.jargon_in(text) == [] and "FACTS" not in text, text


def test_the_student_sleep_explorers_keep_their_terms_and_a_bad_audience_is_refused():
    """The lesson's versions still say adduction and cite FACTS D4/D5; a bad audience fails."""
    assert "adduction" in side_lying_explorer().readout_text
    assert "FACTS D5" in back_lying_explorer(knee_replacement=True).readout_text
    with pytest.raises(CourseError, match="audience"):
        back_lying_explorer(audience="clinic")
