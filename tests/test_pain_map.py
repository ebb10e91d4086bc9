"""Tests for lessons/pain_map/model.py: the map's referral patterns match FACTS
section I, the rule ranks as it says, and bad files are named."""

from __future__ import annotations

import pytest

from lessons.core.errors import ChoiceError
from lessons.pain_map.model import (
    RULE,
    describe,
    load_pain_map,
    rank_sources,
)


# Each structure's typical areas, sometimes areas and triggers, as FACTS states them.
@pytest.mark.parametrize(
    ("source_id", "typical", "sometimes", "triggers", "fact"),
    [
        ("hip-joint", {"groin"}, {"buttock", "thigh-front", "knee-front"}, {"morning"}, "FACTS I1"),
        (
            "upper-lumbar-roots",
            {"thigh-front", "knee-front", "inner-shin"},
            set(),
            set(),
            "FACTS I2",
        ),
        (
            "lower-lumbar-roots",
            {"outer-shin", "foot-top", "calf", "sole"},
            {"buttock", "thigh-back"},
            set(),
            "FACTS B6",
        ),
        ("gtps", {"outer-hip"}, set(), {"stairs", "side-lying", "one-leg"}, "FACTS I3"),
        ("fai", {"groin"}, {"low-back", "buttock", "thigh-front"}, {"hip-position"}, "FACTS I4"),
        ("patellofemoral", {"knee-front"}, set(), {"stairs", "squat-sit"}, "FACTS I8"),
        ("knee-joint", {"knee-front"}, set(), {"twist"}, "FACTS I8"),
        ("stenosis", {"buttock", "thigh-back", "calf"}, {"thigh-front"}, {"walk-sit"}, "FACTS I5"),
        ("vascular", {"calf"}, set(), {"walk-stand"}, "FACTS I5"),
    ],
)
def test_each_structure_is_felt_where_facts_says(source_id, typical, sometimes, triggers, fact):
    """The data file's areas and triggers for each structure are those of its FACTS entry."""
    source = next(s for s in load_pain_map().sources if s.id == source_id)
    assert (set(source.typical), set(source.sometimes), set(source.triggers)) == (
        typical,
        sometimes,
        triggers,
    )
    assert fact in source.facts and len(source.test) > 20


@pytest.mark.parametrize(
    ("regions", "triggers", "expected"),
    [
        (
            ["groin", "knee-front"],
            [],
            [
                ("hip-joint", 3),
                ("upper-lumbar-roots", 2),
                ("fai", 2),
                ("patellofemoral", 2),
                ("knee-joint", 2),
            ],
        ),
        (["outer-hip"], ["side-lying", "one-leg"], [("gtps", 4)]),
        (["calf"], ["walk-stand"], [("vascular", 3), ("lower-lumbar-roots", 2), ("stenosis", 2)]),
        (["calf"], ["walk-sit"], [("stenosis", 3), ("lower-lumbar-roots", 2), ("vascular", 2)]),
        (
            ["knee-front"],
            ["stairs"],
            [
                ("patellofemoral", 3),
                ("upper-lumbar-roots", 2),
                ("knee-joint", 2),
                ("hip-joint", 1),
                ("gtps", 1),
            ],
        ),
        (["inner-shin"], [], [("upper-lumbar-roots", 2)]),
        ([], ["stairs"], [("gtps", 1), ("patellofemoral", 1)]),
    ],
)
def test_the_rule_scores_two_per_typical_area_one_per_sometimes_and_trigger(
    regions, triggers, expected
):
    """Points follow the stated rule, best first, ties in the file's order."""
    ranked = rank_sources(load_pain_map(), regions, triggers)
    assert [(r.source.id, r.points) for r in ranked] == expected


def test_the_readout_states_the_rule_the_sources_the_tests_and_its_limits():
    """Each listed structure has its FACTS ids and telling test; then the rule and the limits."""
    text = describe(load_pain_map(), ["groin"])
    assert (
        "1. Hip joint" in text
        and "(FACTS I1; FACTS A9)" in text
        and "passive hip internal rotation" in text
    )
    assert RULE in text and "does not diagnose" in text and "Lesson 6" in text


def test_an_unknown_area_is_refused_with_the_choices():
    """A typo in an area id names the known ids."""
    with pytest.raises(ChoiceError, match="groin"):
        rank_sources(load_pain_map(), ["grion"])
