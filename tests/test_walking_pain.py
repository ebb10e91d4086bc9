"""Tests for lessons/walking_pain/model.py: each feature's verdicts follow FACTS I5,
the counts add up, and bad files are named."""

from __future__ import annotations

import pytest

from lessons.core.errors import ChoiceError, OutOfRangeError
from lessons.walking_pain.model import (
    describe,
    load_options,
    walking_pain,
)


# Each option's verdict for (neurogenic, vascular), as FACTS I5 describes the two patterns.
@pytest.mark.parametrize(
    ("control", "value", "neurogenic", "vascular"),
    [
        ("distance", "standing", "fits", "against"),  # neurogenic: on walking or standing
        ("distance", "walking", "fits", "fits"),
        ("posture", "upright", "neutral", "neutral"),
        ("posture", "bent-forward", "fits", "neutral"),  # eased by bending forward
        ("posture", "trolley", "fits", "neutral"),  # leaning on a shopping trolley helps
        ("rest", "standing-still", "against", "fits"),  # vascular: eased by standing still
        ("rest", "sitting", "fits", "neutral"),  # neurogenic: eased by sitting
        ("where", "buttock-leg", "fits", "neutral"),  # buttock/leg pain, numbness or heaviness
        ("where", "calf", "neutral", "fits"),  # calf cramp
    ],
)
def test_each_feature_fits_the_pattern_facts_i5_gives_it(control, value, neurogenic, vascular):
    """The data file's verdicts are those of FACTS I5, and each option cites it."""
    option = load_options()[(control, value)]
    assert option.verdicts == {"neurogenic": neurogenic, "vascular": vascular}
    assert option.facts == "FACTS I5"


@pytest.mark.parametrize(
    ("args", "neurogenic", "vascular", "leader"),
    [
        ((400, "upright", "sitting", "buttock-leg"), (3, 0), (1, 0), "neurogenic claudication"),
        ((400, "upright", "standing-still", "calf"), (1, 1), (3, 0), "vascular claudication"),
        ((0, "trolley", "sitting", "buttock-leg"), (4, 0), (0, 1), "neurogenic claudication"),
        (
            (200, "upright", "standing-still", "buttock-leg"),
            (2, 1),
            (2, 0),
            "vascular claudication",
        ),
        ((200, "bent-forward", "standing-still", "calf"), (2, 1), (3, 0), "vascular claudication"),
    ],
)
def test_the_counts_add_up_and_the_readout_names_the_leader(args, neurogenic, vascular, leader):
    """Per pattern, (fit, against) counts the four choices; the readout says which leads."""
    walk = walking_pain(*args)
    assert walk.tally == {"neurogenic": neurogenic, "vascular": vascular}
    assert f"More of these features fit {leader}" in describe(walk)


def test_a_tie_is_said_as_a_tie_and_the_limits_are_always_said():
    """A tie is said as fitting both; the telling signs and 'does not diagnose' always follow."""
    text = describe(walking_pain(300, "upright", "sitting", "calf"))
    assert (
        "The features fit both patterns equally: "
        "neurogenic 2 fit, 0 against; vascular 2 fit, 0 against." in text
    )
    assert "ankle–brachial index below 0.9" in text and "does not diagnose" in text


def test_pain_on_standing_is_said_and_out_of_range_values_are_refused():
    """0 m means pain on standing; a distance or posture outside the choices is refused clearly."""
    assert describe(walking_pain(0)).startswith("The pain comes on standing, before walking.")
    with pytest.raises(OutOfRangeError, match="distance_m"):
        walking_pain(-5)
    with pytest.raises(ChoiceError, match="'trolley'"):
        walking_pain(100, "crouched")
