"""Tests for lessons/roots/model.py: the root table is FACTS
B6, and the scorer teaches patterns, never diagnoses."""

from __future__ import annotations

import pytest

from lessons.core.errors import CourseError
from lessons.roots.model import (
    FINDINGS,
    FOOT_DROP_COMPARISON,
    NOT_A_DIAGNOSIS,
    ROOT_SIGNS,
    best_fit,
    describe_fit,
    describe_root,
)


@pytest.mark.parametrize(
    "root, disc, sensation_word, weakness_word, reflex",
    [
        ("L4", "L3/4", "medial malleolus", "quadriceps", "knee jerk reduced"),
        ("L5", "L4/5", "big toe", "hip abduction", "none reliable"),
        ("S1", "L5/S1", "sole", "toe-walking", "ankle jerk reduced"),
    ],
)
def test_root_table_matches_facts_b6(root, disc, sensation_word, weakness_word, reflex):
    """Each root's usual disc, dermatome, myotome and reflex are as FACTS B6 gives them."""
    signs = ROOT_SIGNS[root]
    assert signs.usual_disc == disc
    assert sensation_word in signs.sensation
    assert weakness_word in signs.weakness
    assert signs.reflex == reflex


@pytest.mark.parametrize(
    "findings, best",
    [
        (["numb-medial-leg", "weak-knee-extension", "reduced-knee-jerk"], ("L4",)),
        (["numb-big-toe", "weak-big-toe-extension", "weak-heel-walking"], ("L5",)),
        (["numb-dorsum-foot", "weak-hip-abduction", "weak-inversion"], ("L5",)),
        (["numb-lateral-foot", "weak-toe-walking", "reduced-ankle-jerk"], ("S1",)),
        (["numb-sole", "numb-posterior-calf", "weak-hip-extension"], ("S1",)),
        (["reduced-knee-jerk", "reduced-ankle-jerk"], ("L4", "S1")),
        ([], ()),
    ],
)
def test_textbook_patterns_fit_their_root(findings, best):
    """The classic pattern of each root (FACTS B6) scores
    highest for that root; ties are reported as ties."""
    assert best_fit(findings).best == best


def test_every_finding_points_to_at_least_one_root():
    """No finding is inert: each one scores for some root."""
    for finding in FINDINGS:
        assert any(finding.weight(r) > 0 for r in ROOT_SIGNS), finding.id


def test_findings_the_best_root_does_not_explain_are_named():
    """A finding outside the winning root's pattern is listed as unexplained."""
    fit = best_fit(["numb-big-toe", "weak-heel-walking", "reduced-ankle-jerk"])
    assert fit.best == ("L5",) and fit.unexplained == ("reduced-ankle-jerk",)
    assert "Not explained by that root: reduced ankle jerk" in describe_fit(fit)


@pytest.mark.parametrize(
    "findings, fibular_also_fits",
    [
        (["weak-heel-walking"], True),
        (["weak-heel-walking", "weak-big-toe-extension"], True),
        (["weak-heel-walking", "weak-hip-abduction"], False),
        (["weak-heel-walking", "weak-inversion"], False),
        (["numb-big-toe"], False),
    ],
)
def test_foot_drop_without_l5_only_signs_also_fits_a_fibular_palsy(findings, fibular_also_fits):
    """Only L5 also weakens hip abduction and inversion
    (FACTS B7), so foot drop alone is ambiguous."""
    assert best_fit(findings).fibular_palsy_also_fits is fibular_also_fits


def test_foot_drop_comparison_is_facts_b7():
    """Both causes give foot drop; hip abduction and inversion weakness belong to L5 only."""
    rows = {feature: (l5, fibular) for feature, l5, fibular in FOOT_DROP_COMPARISON}
    assert rows["foot drop (weak dorsiflexion)"] == ("yes", "yes")
    assert rows["weak hip abduction"] == ("yes", "no")
    assert rows["weak inversion"] == ("yes", "no")


@pytest.mark.parametrize(
    "findings", [[], ["numb-sole"], ["reduced-knee-jerk", "reduced-ankle-jerk"]]
)
def test_every_explanation_says_it_is_not_a_diagnosis(findings):
    """Whatever is chosen, the text ends with the not-a-diagnosis reminder."""
    assert describe_fit(best_fit(findings)).endswith(NOT_A_DIAGNOSIS)
    assert "not a diagnosis" in NOT_A_DIAGNOSIS


def test_unknown_findings_and_roots_raise_the_course_error():
    """A misspelt finding or root is refused with the course's own error listing the right names."""
    with pytest.raises(CourseError, match="numb-big-toe"):
        best_fit(["numb-big-tow"])
    with pytest.raises(CourseError, match="'L4', 'L5', 'S1'"):
        describe_root("S2")
