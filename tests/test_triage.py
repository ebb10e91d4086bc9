"""Tests for lessons/triage.py: every combination of ticked signs gets the answer an independent
oracle gives, the named scenarios of FACTS E get theirs, and every answer says it is not a
diagnosis."""

from __future__ import annotations

import pytest

from lessons.errors import CourseError
from lessons.red_flags import load_red_flags
from lessons.triage import NOT_A_DIAGNOSIS, triage

FLAGS = load_red_flags()
IDS = [sign.id for sign in FLAGS.symptoms]

# The oracle, written from FACTS E by hand and independent of the data file's urgency fields:
# any same-day sign means "emergency now"; otherwise any urgent-doctor sign means "see a doctor
# soon"; otherwise "self-care and review".
EMERGENCY = {
    "saddle-numbness",
    "bladder-change",
    "bowel-control",
    "both-legs",
    "weakness-worsening",
    "hot-joint-fever",
    "cannot-bear-weight",
    "swollen-calf",
}
SOON = {
    "fever-unwell",
    "infection-risk",
    "past-cancer",
    "weight-loss",
    "night-pain",
    "over-50-new-pain",
    "injury",
    "inflammatory-pattern",
    "knee-locks",
    "child-limp",
}
SELF_CARE = {"one-leg-sciatica"}


def oracle(ticked: set[str]) -> str:
    if ticked & EMERGENCY:
        return "emergency now"
    if ticked & SOON:
        return "see a doctor soon"
    return "self-care and review"


def test_the_oracle_knows_every_sign_in_the_file():
    """The oracle's lists are exactly the file's signs, so the exhaustive test covers them all."""
    assert EMERGENCY | SOON | SELF_CARE == set(IDS)
    assert len(EMERGENCY) + len(SOON) + len(SELF_CARE) == len(IDS)


def test_every_combination_of_ticks_gets_the_oracles_answer():
    """All 2^n subsets of the signs: the answer, its deciding signs, and what would change it."""
    rank = {"self-care and review": 0, "see a doctor soon": 1, "emergency now": 2}
    level_of = {**{s: 2 for s in EMERGENCY}, **{s: 1 for s in SOON}, **{s: 0 for s in SELF_CARE}}
    count = 0
    for mask in range(1 << len(IDS)):
        ticked = [name for bit, name in enumerate(IDS) if mask >> bit & 1]
        advice = triage(ticked)
        expected = oracle(set(ticked))
        assert advice.answer == expected, ticked
        top = rank[expected]
        assert [s.id for s in advice.deciding] == [s for s in ticked if level_of[s] == top], ticked
        assert [s.id for s in advice.would_change] == [
            s for s in IDS if level_of[s] > top and s not in ticked
        ], ticked
        count += 1
    assert count == 2 ** len(IDS)


@pytest.mark.parametrize("mask", [0, 1, 0b1010101010101010101, (1 << len(IDS)) - 1])
def test_every_answer_says_it_is_not_a_diagnosis(mask):
    """The text of an answer ends with the plain caveat and starts with its symbol and words."""
    ticked = [name for bit, name in enumerate(IDS) if mask >> bit & 1]
    advice = triage(ticked)
    text = advice.text()
    assert text.splitlines()[-1] == NOT_A_DIAGNOSIS
    assert "it is not a diagnosis" in NOT_A_DIAGNOSIS and "teaches patterns" in NOT_A_DIAGNOSIS
    assert text.startswith(f"{advice.symbol} {advice.answer.upper()}")


@pytest.mark.parametrize(
    ("scenario", "ticked", "answer"),
    [
        ("can't feel toilet paper", ["saddle-numbness"], "emergency now"),
        ("new trouble passing urine", ["bladder-change"], "emergency now"),
        ("loss of bowel control", ["bowel-control"], "emergency now"),
        ("sciatica in both legs", ["both-legs"], "emergency now"),
        ("a foot that drags", ["weakness-worsening"], "emergency now"),
        ("back pain with fever", ["fever-unwell"], "see a doctor soon"),
        ("past cancer and weight loss", ["past-cancer", "weight-loss"], "see a doctor soon"),
        ("severe pain at night", ["night-pain"], "see a doctor soon"),
        ("fall with thin bones", ["injury"], "see a doctor soon"),
        ("inflammatory pattern", ["inflammatory-pattern"], "see a doctor soon"),
        ("hot swollen joint with fever", ["hot-joint-fever"], "emergency now"),
        ("cannot bear weight after injury", ["cannot-bear-weight"], "emergency now"),
        ("a knee that locks", ["knee-locks"], "see a doctor soon"),
        ("a swollen red calf", ["swollen-calf"], "emergency now"),
        ("a teenager with knee pain", ["child-limp"], "see a doctor soon"),
        ("one-leg sciatica, no red flags", ["one-leg-sciatica"], "self-care and review"),
        ("one-leg sciatica with fever", ["one-leg-sciatica", "fever-unwell"], "see a doctor soon"),
        ("past cancer, then both legs", ["past-cancer", "both-legs"], "emergency now"),
        ("nothing ticked", [], "self-care and review"),
    ],
)
def test_named_scenarios_from_facts_e(scenario, ticked, answer):
    """Each FACTS E scenario gets the urgency FACTS gives it; the most urgent sign decides."""
    assert triage(ticked).answer == answer, scenario


def test_nothing_ticked_says_see_a_doctor_if_it_changes_and_lists_what_would():
    """The empty answer is self-care with the 'if anything changes or worries you' line and every
    red flag listed as what would change it."""
    advice = triage([])
    text = advice.text()
    assert "If anything changes or worries you, see a doctor" in text
    assert {sign.id for sign in advice.would_change} == EMERGENCY | SOON
    assert "These would make it an emergency: Numbness around the bottom" in text
    assert "These would mean seeing a doctor soon:" in text


def test_an_emergency_lists_the_less_urgent_signs_and_the_combination():
    """An emergency names its reason, keeps the lesser ticks, and points out two signs of one
    group together."""
    advice = triage(["weight-loss", "both-legs", "past-cancer"])
    assert [s.id for s in advice.deciding] == ["both-legs"]
    assert [s.id for s in advice.also_ticked] == ["past-cancer", "weight-loss"]
    assert advice.combinations == (("Cancer", 2),)
    assert any("in combination" in line for line in advice.reasons)
    assert advice.would_change == ()


def test_order_and_repeats_do_not_change_the_answer():
    """Ticks are a set: order and a repeated id make no difference."""
    assert triage(["knee-locks", "both-legs"]) == triage(["both-legs", "knee-locks", "both-legs"])


def test_a_single_id_given_as_text_counts_as_one_sign():
    """triage("both-legs") means the one sign, not its letters."""
    assert triage("both-legs").answer == "emergency now"


@pytest.mark.parametrize("bad", ["both-leg", "", "BOTH-LEGS", 3])
def test_an_unknown_sign_is_an_error_never_a_guess(bad):
    """An id that is not in the file raises CourseError, even alongside a real emergency."""
    with pytest.raises(CourseError, match="is not one of the warning signs"):
        triage(["both-legs", bad])
