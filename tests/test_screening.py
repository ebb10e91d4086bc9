"""Tests for lessons/screening/model.py: each test loads what FACTS says, accuracy
figures appear only where FACTS gives them, and the limb takes each position."""

from __future__ import annotations

import pytest

from lessons.core.errors import ChoiceError
from lessons.screening.model import describe, leg_position, load_tests


# Sensitivity and specificity, in %, exactly as FACTS gives them; None where it gives none.
@pytest.mark.parametrize(
    ("test_id", "sensitivity", "specificity", "fact"),
    [
        ("hip-internal-rotation", None, None, "FACTS I1"),
        ("fadir", None, None, "FACTS I4"),
        ("faber", None, None, "FACTS I6"),
        ("slr", 91.0, 26.0, "FACTS B8"),
        ("slump", 84.0, 83.0, "FACTS B8"),
        ("femoral-nerve-stretch", None, None, "FACTS I2"),
    ],
)
def test_accuracy_figures_come_only_from_facts(test_id, sensitivity, specificity, fact):
    """The figures are FACTS B8's; the readout says 'FACTS gives no figure' for the rest."""
    test = load_tests()[test_id]
    assert (test.sensitivity_pct, test.specificity_pct) == (sensitivity, specificity)
    assert fact in test.facts
    text = describe(test_id)
    if sensitivity is None:
        assert "Sensitivity and specificity: FACTS gives no figure." in text
        assert "of 100 people with the problem" not in text
    else:
        assert (
            f"Sensitivity {sensitivity:.0f} %" in text
            and f"{100 - specificity:.0f} test positive anyway" in text
        )


@pytest.mark.parametrize(
    ("test_id", "words"),
    [
        ("hip-internal-rotation", "the hip joint"),
        ("fadir", "sensitive, not specific"),
        ("faber", "sacroiliac"),
        ("slr", "between about 30° and 70°"),
        ("slump", "L5 and S1"),
        ("femoral-nerve-stretch", "L2 to L4"),
    ],
)
def test_each_test_says_what_it_loads_and_what_positive_means(test_id, words):
    """The readout names what FACTS I6 ties to the test, and says a test does not diagnose."""
    text = describe(test_id)
    assert words in text and "does not diagnose on its own (FACTS I6)" in text


@pytest.mark.parametrize(
    ("test_id", "check"),
    [
        (
            "slr",
            lambda p: p.knee[0] > 0.2 and abs(p.angles.knee_flexion_deg) == 0,
        ),  # straight leg lifted
        (
            "femoral-nerve-stretch",
            lambda p: p.knee[0] < 0 and p.ankle[2] > p.knee[2],
        ),  # hip extended, knee bent
        (
            "hip-internal-rotation",
            lambda p: p.angles.hip_rotation_deg > 0 and p.angles.hip_flexion_deg == 90,
        ),
        ("faber", lambda p: p.angles.hip_rotation_deg < 0 and p.angles.hip_abduction_deg > 0),
        ("fadir", lambda p: p.angles.hip_rotation_deg > 0 and p.angles.hip_abduction_deg < 0),
    ],
)
def test_the_limb_model_takes_each_tests_position(test_id, check):
    """The limb of Lesson 1 is placed as the test positions the leg."""
    assert check(leg_position(test_id))


def test_an_unknown_test_is_refused_with_the_choices():
    """A misspelt test id lists the tests there are."""
    with pytest.raises(ChoiceError, match="'slr'"):
        describe("SLR")
