"""Tests for lessons/triage.py: every combination of ticked signs gets the answer an independent
oracle gives, every combination rule fires exactly when it should, the named scenarios of FACTS
E5 get theirs, and every answer says it is not a diagnosis."""

from __future__ import annotations

import pytest

from lessons.errors import CourseError
from lessons.red_flags import load_red_flags
from lessons.triage import NOT_A_DIAGNOSIS, triage

FLAGS = load_red_flags()
IDS = [sign.id for sign in FLAGS.symptoms]

# The oracle, written by hand from FACTS E5 (patient and clinician wording) and NICE NG234,
# independent of the data file's step fields and of its combination tables.
LADDER = ["routine", "soon", "same day", "emergency now"]  # least urgent first
EMERGENCY_NOW = {"saddle-numbness", "bladder-change", "bowel-control", "sexual-function",
                 "both-legs"}  # fmt: skip
SAME_DAY = {"weakness-worsening", "fever-unwell", "infection-risk", "hot-joint-fever",
            "cannot-bear-weight", "swollen-calf", "child-limp"}  # fmt: skip
SOON = {"past-cancer", "weight-loss", "night-pain", "over-50-new-pain",
        "injury", "knee-locks"}  # fmt: skip
ROUTINE = {"new-numbness", "inflammatory-pattern", "one-leg-sciatica"}
LEVEL = {**dict.fromkeys(ROUTINE, 0), **dict.fromkeys(SOON, 1), **dict.fromkeys(SAME_DAY, 2),
         **dict.fromkeys(EMERGENCY_NOW, 3)}  # fmt: skip


def oracle_rules(ticked: set[str]) -> dict[str, int]:
    """The combinations FACTS E5 and NICE NG234 name, each with the level it raises to."""
    fired = {}
    if {"fever-unwell", "infection-risk"} <= ticked:  # fever + IV drug use (E5)
        fired["fever-with-infection-risk"] = 2
    if "past-cancer" in ticked and ticked & {"weakness-worsening", "new-numbness"}:  # NG234
        fired["past-cancer-with-nerve-symptoms"] = 2
    if "past-cancer" in ticked and ticked & {"weight-loss", "night-pain"}:  # NG234: MRI in a week
        fired["past-cancer-with-cancer-signs"] = 1
    return fired


def test_the_oracle_knows_every_sign_and_rule_in_the_file():
    """The oracle's lists are exactly the file's signs and rules, so the exhaustive test covers
    them all."""
    assert EMERGENCY_NOW | SAME_DAY | SOON | ROUTINE == set(IDS)
    assert len(LEVEL) == len(IDS)
    assert set(oracle_rules(set(IDS))) == {rule.id for rule in FLAGS.combinations}


def test_every_combination_of_ticks_gets_the_oracles_answer():
    """All 2^n subsets of the signs: the answer, its deciding signs and rules, and what would
    change it."""
    count = 0
    for mask in range(1 << len(IDS)):
        ticked = [name for bit, name in enumerate(IDS) if mask >> bit & 1]
        chosen = set(ticked)
        rules = oracle_rules(chosen)
        top = max([LEVEL[s] for s in ticked] + list(rules.values()), default=0)
        advice = triage(ticked)
        if advice.answer != LADDER[top]:
            pytest.fail(f"{ticked}: {advice.answer!r}, expected {LADDER[top]!r}")
        assert [s.id for s in advice.deciding] == [s for s in ticked if LEVEL[s] == top], ticked
        assert [r.id for r in advice.deciding_rules] == [r for r, lv in rules.items() if lv == top]
        assert [r.id for r in advice.rules] == list(rules), ticked
        assert [s.id for s in advice.would_change] == [
            s for s in IDS if LEVEL[s] > top and s not in chosen
        ], ticked
        count += 1
    assert count == 2 ** len(IDS)


@pytest.mark.parametrize("rule", [rule.id for rule in FLAGS.combinations])
def test_each_rule_fires_with_its_signs_and_names_itself_in_the_answer(rule):
    """Ticking exactly a rule's signs fires it; its reason is in the answer's text; taking away
    any one required sign stops it."""
    combination = FLAGS.combination(rule)
    signs = [*combination.all, *combination.any[:1]]
    advice = triage(signs)
    assert [r.id for r in advice.rules] == [rule]
    assert f"Combination — {combination.label}: {combination.reason}" in advice.text()
    assert advice.answer == FLAGS.step(combination.step).name
    for missing in signs:
        assert rule not in [r.id for r in triage([s for s in signs if s != missing]).rules]


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
        ("new sexual dysfunction", ["sexual-function"], "emergency now"),
        ("sciatica in both legs", ["both-legs"], "emergency now"),
        ("a foot that drags more and more", ["weakness-worsening"], "same day"),
        ("back pain with fever", ["fever-unwell"], "same day"),
        ("fever and injecting drugs", ["fever-unwell", "infection-risk"], "same day"),
        ("injecting drugs, no fever", ["infection-risk"], "same day"),
        ("past cancer and weight loss", ["past-cancer", "weight-loss"], "soon"),
        ("past cancer and new numbness", ["past-cancer", "new-numbness"], "same day"),
        ("new numbness alone", ["new-numbness"], "routine"),
        ("severe pain at night", ["night-pain"], "soon"),
        ("fall with thin bones", ["injury"], "soon"),
        ("inflammatory pattern", ["inflammatory-pattern"], "routine"),
        ("hot swollen joint with fever", ["hot-joint-fever"], "same day"),
        ("cannot bear weight after injury", ["cannot-bear-weight"], "same day"),
        ("a knee that locks", ["knee-locks"], "soon"),
        ("a swollen red calf", ["swollen-calf"], "same day"),
        ("a teenager with knee pain", ["child-limp"], "same day"),
        ("one-leg sciatica, no red flags", ["one-leg-sciatica"], "routine"),
        ("one-leg sciatica with fever", ["one-leg-sciatica", "fever-unwell"], "same day"),
        ("past cancer, then both legs", ["past-cancer", "both-legs"], "emergency now"),
        ("nothing ticked", [], "routine"),
    ],
)
def test_named_scenarios_from_facts_e5(scenario, ticked, answer):
    """Each FACTS E5 scenario gets the step FACTS gives it."""
    assert triage(ticked).answer == answer, scenario


def test_nothing_ticked_says_see_a_doctor_if_it_changes_and_lists_what_would():
    """The empty answer is routine, with the 'if anything changes or worries you' line and every
    red flag listed as what would change it, step by step."""
    advice = triage([])
    text = advice.text()
    assert "see a doctor sooner if anything changes or worries you" in text
    assert {sign.id for sign in advice.would_change} == EMERGENCY_NOW | SAME_DAY | SOON
    assert "These would make it emergency now: Numbness around the bottom" in text
    assert "These would make it same day:" in text
    assert "These would make it soon:" in text


def test_an_emergency_lists_the_less_urgent_signs_and_the_rules_that_fired():
    """An emergency names its reason, keeps the lesser ticks and names the rule that also fired."""
    advice = triage(["weight-loss", "both-legs", "past-cancer"])
    assert [s.id for s in advice.deciding] == ["both-legs"]
    assert [s.id for s in advice.also_ticked] == ["past-cancer", "weight-loss"]
    assert [r.id for r in advice.rules] == ["past-cancer-with-cancer-signs"]
    assert advice.deciding_rules == ()
    assert "Also fired (less urgent): A past cancer with weight loss" in advice.text()
    assert advice.would_change == ()


def test_a_rule_can_decide_the_answer_with_no_sign_at_that_step():
    """Past cancer (soon) with new numbness (routine) is same day because of the rule alone."""
    advice = triage(["new-numbness", "past-cancer"])
    assert advice.answer == "same day"
    assert advice.deciding == ()
    assert [r.id for r in advice.deciding_rules] == ["past-cancer-with-nerve-symptoms"]
    assert advice.reasons[0].startswith("Combination — A past cancer with new weakness")


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
