"""Tests for lessons/red_flags/signs.py: the red-flag data file loads, says what FACTS E5 says (one
ladder of four steps, each sign on its step), and refuses a broken file with a DataFileError
that names the file, the entry and the field."""

from __future__ import annotations

import pytest

from lessons.core.errors import DataFileError
from lessons.red_flags.signs import DATA_FILE, LADDER_IDS, load_red_flags, main, read_red_flags

FLAGS = load_red_flags()

#: The groups the issue asks for (FACTS E, clinician wording), plus the "no red flag" group.
GROUPS = [
    "cauda-equina",
    "nerve-deficit",
    "infection",
    "cancer",
    "fracture",
    "inflammatory",
    "knee-hip",
    "ordinary",
]

#: FACTS E5, patient wording: each sign's words, its group and the step FACTS E5 gives it.
PATIENT_WORDING = [
    ("saddle-numbness", "toilet paper", "cauda-equina", "emergency-now"),
    ("bladder-change", "passing urine", "cauda-equina", "emergency-now"),
    ("bowel-control", "bowel control", "cauda-equina", "emergency-now"),
    ("sexual-function", "sexual function", "cauda-equina", "emergency-now"),
    ("both-legs", "both legs", "cauda-equina", "emergency-now"),
    ("weakness-worsening", "foot that drags more and more", "nerve-deficit", "same-day"),
    ("fever-unwell", "fever", "infection", "same-day"),
    ("past-cancer", "cancer", "cancer", "soon"),
    ("weight-loss", "weight loss", "cancer", "soon"),
    ("night-pain", "at night or at rest", "cancer", "soon"),
    ("over-50-new-pain", "over 50", "cancer", "soon"),
    ("injury", "fall or injury", "fracture", "soon"),
    ("hot-joint-fever", "hot, swollen", "knee-hip", "same-day"),
    ("cannot-bear-weight", "cannot put weight", "knee-hip", "same-day"),
    ("knee-locks", "locks", "knee-hip", "soon"),
    ("swollen-calf", "swollen, red", "knee-hip", "same-day"),
    ("child-limp", "child or teenager with a limp, or with hip, thigh or knee pain", "knee-hip",
     "same-day"),
    ("inflammatory-pattern", "eases with exercise", "inflammatory", "routine"),
    ("one-leg-sciatica", "none of the signs above", "ordinary", "routine"),
]

#: FACTS E5's ladder, in its words, most urgent first.
LADDER = ["emergency now", "same day", "soon", "routine"]

#: FACTS E, clinician wording: words each sign's clinician form must carry.
CLINICIAN_WORDING = [
    ("both-legs", "Bilateral radiculopathy"),
    ("saddle-numbness", "Perineal"),
    ("bowel-control", "anal tone"),
    ("weakness-worsening", "Progressive motor deficit"),
    ("infection-risk", "Intravenous drug use, immunosuppression or recent bacterial infection"),
    ("sexual-function", "sexual dysfunction"),
    ("over-50-new-pain", "Age over 50"),
    ("injury", "osteoporosis"),
    ("inflammatory-pattern", "Inflammatory back pain"),
    ("child-limp", "examine the hip"),
]

GOOD_GROUP = """
[[group]]
id = "g"
name = "G"
area = "A"
clinician = "C"
source = "FACTS E"
"""
GOOD_STEPS = "".join(
    f"""
[[step]]
id = "{step_id}"
name = "{step_id.replace('-', ' ')}"
symbol = "!"
heading = "H"
action = "A"
clinician = "C"
source = "FACTS E5"
"""
    for step_id in LADDER_IDS
)
GOOD_SYMPTOM = """
[[symptom]]
id = "s"
group = "g"
label = "L"
clinician = "C"
step = "soon"
reason = "R"
source = "FACTS E4"
"""


def write(tmp_path, text: str):
    path = tmp_path / "flags.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_file_loads_and_the_command_line_says_ok(capsys):
    """`python -m lessons.red_flags.signs` checks the shipped file and prints ok."""
    assert main([str(DATA_FILE)]) == 0
    assert capsys.readouterr().out.startswith("ok: lessons/data/red_flags.toml (4 steps, ")


def test_the_groups_are_the_ones_the_issue_asks_for_in_order():
    """Cauda equina, nerve deficit, infection, cancer, fracture, inflammatory, knees and hips."""
    assert [group.id for group in FLAGS.groups] == GROUPS


@pytest.mark.parametrize("group", GROUPS)
def test_every_group_has_a_sign_a_clinician_wording_and_a_source(group):
    """No group is empty, and each has its clinician wording and a source."""
    assert FLAGS.in_group(group)
    assert FLAGS.group(group).clinician and FLAGS.group(group).source


@pytest.mark.parametrize(("symptom", "words", "group", "step"), PATIENT_WORDING)
def test_each_patient_worded_red_flag_has_its_words_group_and_step(symptom, words, group, step):
    """Every patient-worded red flag of FACTS E5 is a sign, in its group, on its step."""
    sign = FLAGS.symptom(symptom)
    assert words.lower() in sign.label.lower()
    assert (sign.group, sign.step) == (group, step)


def test_the_ladder_is_facts_e5s_four_steps_in_its_words():
    """Emergency now, same day, soon, routine: most urgent first, each with a symbol and action."""
    assert [step.name for step in FLAGS.steps] == LADDER
    assert len({step.symbol for step in FLAGS.steps}) == 4
    assert [FLAGS.rank[step.id] for step in FLAGS.steps] == [3, 2, 1, 0]
    for step in FLAGS.steps:
        assert step.heading.lower().startswith(step.name)


@pytest.mark.parametrize(
    ("rule", "all_of", "any_of", "step"),
    [
        ("fever-with-infection-risk", {"fever-unwell", "infection-risk"}, set(), "same-day"),
        ("past-cancer-with-nerve-symptoms", {"past-cancer"},
         {"weakness-worsening", "new-numbness"}, "same-day"),
        ("past-cancer-with-cancer-signs", {"past-cancer"}, {"weight-loss", "night-pain"}, "soon"),
    ],
)
def test_the_combination_rules_are_the_ones_facts_e5_and_nice_ng234_give(
    rule, all_of, any_of, step
):
    """Fever with infection risk (E5), past cancer with nerve symptoms (NG234: same day), past
    cancer with weight loss or night pain (NG234: MRI within a week)."""
    combination = FLAGS.combination(rule)
    assert (set(combination.all), set(combination.any), combination.step) == (all_of, any_of, step)
    assert combination.reason and ("FACTS E5" in combination.source)


@pytest.mark.parametrize(("symptom", "words"), CLINICIAN_WORDING)
def test_the_clinician_wording_follows_facts_e(symptom, words):
    """Each sign's clinician wording carries the FACTS E term."""
    assert words in FLAGS.symptom(symptom).clinician


def test_the_cauda_equina_signs_are_emergency_now_and_nothing_else_is():
    """Every cauda equina sign of FACTS E4/E5 is emergency now; no other sign is."""
    emergency = {sign.id for sign in FLAGS.at_step("emergency-now")}
    assert emergency == {sign.id for sign in FLAGS.in_group("cauda-equina")}


def test_every_sign_cites_facts_and_gives_a_reason():
    """Each sign has a reason in words and a source that cites a FACTS id."""
    for sign in FLAGS.symptoms:
        assert sign.reason.endswith(".")
        assert "FACTS " in sign.source


def test_every_step_is_used():
    """The file can reach each of the four answers through a single sign."""
    assert {sign.step for sign in FLAGS.symptoms} == set(LADDER_IDS)


def test_a_minimal_file_loads(tmp_path):
    """One group with one sign is a valid file."""
    flags = read_red_flags(write(tmp_path, GOOD_STEPS + GOOD_GROUP + GOOD_SYMPTOM))
    assert flags.symptom("s").step == "soon"
    assert flags.combinations == ()


@pytest.mark.parametrize(
    ("change", "entry", "field", "words"),
    [
        (('step = "soon"', 'step = "urgent"'), "s", "step", "not a step of the ladder"),
        (('step = "soon"', 'step = "same day"'), "s", "step", 'did you mean "same-day"'),
        (('group = "g"', 'group = "gg"'), "s", "group", 'did you mean "g"'),
        (('label = "L"', 'label = ""'), "s", "label", "is empty"),
        (('label = "L"', "label = 3"), "s", "label", "should be the sign in plain words"),
        (('label = "L"', 'lable = "L"'), "s", "lable", 'did you mean "label"'),
        (('reason = "R"\n', ""), "s", "reason", "is missing"),
        (('id = "s"', 'id = "Bad Id"'), "Bad Id", "id", "lowercase letters"),
        (('source = "FACTS E4"', 'source = "FACTS"'), "s", "source", "should cite a FACTS.md id"),
    ],
)
def test_a_broken_sign_is_refused_with_its_entry_and_field(tmp_path, change, entry, field, words):
    """A wrong value names the file, the sign and the field, and says what would be right."""
    text = GOOD_STEPS + GOOD_GROUP + GOOD_SYMPTOM.replace(*change)
    with pytest.raises(DataFileError) as caught:
        read_red_flags(write(tmp_path, text))
    error = caught.value
    assert (error.file, error.entry, error.field) == ("flags.toml", entry, field)
    assert words in error.problem


def test_a_repeated_id_is_refused(tmp_path):
    """Two signs with one id are refused."""
    with pytest.raises(DataFileError, match="used by two symptoms"):
        read_red_flags(write(tmp_path, GOOD_STEPS + GOOD_GROUP + GOOD_SYMPTOM + GOOD_SYMPTOM))


def test_a_group_without_signs_is_refused(tmp_path):
    """An empty group is refused, naming the group."""
    extra = GOOD_GROUP.replace('id = "g"', 'id = "h"')
    with pytest.raises(DataFileError) as caught:
        read_red_flags(write(tmp_path, GOOD_STEPS + GOOD_GROUP + extra + GOOD_SYMPTOM))
    assert caught.value.entry == "h"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[[group]\n", "not valid TOML"),
        (GOOD_STEPS + GOOD_GROUP, "[[symptom]]"),
        (GOOD_GROUP + GOOD_SYMPTOM, "[[step]]"),
        ("title = 'x'\n" + GOOD_STEPS + GOOD_GROUP + GOOD_SYMPTOM, "not part of a red-flag file"),
        (GOOD_STEPS.replace('id = "same-day"', 'id = "today"') + GOOD_GROUP + GOOD_SYMPTOM,
         "four steps of the one urgency ladder"),
    ],
)
def test_a_broken_file_is_refused_in_words(tmp_path, text, words):
    """Bad TOML, a missing section or an unknown key each get a clear message."""
    with pytest.raises(DataFileError, match="flags.toml") as caught:
        read_red_flags(write(tmp_path, text))
    assert words in str(caught.value)


def test_the_command_line_reports_a_broken_file(tmp_path, capsys):
    """The checker exits 1 and prints the problem."""
    path = write(tmp_path, GOOD_GROUP)
    assert main([str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"error: {path}: ")


COMBINATION = """
[[combination]]
id = "c"
all = ["s"]
step = "same-day"
label = "L"
clinician = "C"
reason = "R"
source = "FACTS E5"
"""


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (('all = ["s"]', 'all = ["t"]'), "all", "not the id of a symptom"),
        (('all = ["s"]', 'all = []'), "all", "needs at least 1"),
        (('all = ["s"]', 'all = "s"'), "all", "list of symptom ids"),
        (('step = "same-day"', 'step = "now"'), "step", "not a step of the ladder"),
        (('all = ["s"]', 'all = ["s"]\nany = ["x"]'), "any", "not the id of a symptom"),
        (('all = ["s"]', 'all = ["s"]\nmore = 1'), "more", "is not a field here"),
    ],
)
def test_a_broken_combination_is_refused_with_its_field(tmp_path, change, field, words):
    """A combination naming an unknown sign or step, or with a malformed list, is refused."""
    text = GOOD_STEPS + GOOD_GROUP + GOOD_SYMPTOM + COMBINATION.replace(*change)
    with pytest.raises(DataFileError) as caught:
        read_red_flags(write(tmp_path, text))
    assert (caught.value.entry, caught.value.field) == ("c", field)
    assert words in caught.value.problem


def test_a_good_combination_loads_and_fires(tmp_path):
    """A rule with only `all` fires when those signs are ticked."""
    flags = read_red_flags(write(tmp_path, GOOD_STEPS + GOOD_GROUP + GOOD_SYMPTOM + COMBINATION))
    assert flags.combination("c").fires(frozenset({"s"}))
    assert not flags.combination("c").fires(frozenset())


def test_quiz_questions_that_use_the_explorer_quote_its_tick_boxes_exactly():
    """A question answered with "What should I do?" names tick boxes the explorer has, word for
    word, so a relabelled sign cannot leave a question pointing at a box that is gone."""
    import re

    from lessons.quizzes.bank import load_bank

    labels = {sign.label for sign in FLAGS.symptoms}
    asked = [q for q in load_bank("06-red-flags").questions if "“What should I do?”" in q.prompt]
    assert asked, "lesson 6 has a question answered with the explorer"
    for question in asked:
        quoted = set(re.findall(r"“([^”]+)”", question.prompt)) - {"What should I do?"}
        assert quoted and quoted <= labels, (question.id, quoted - labels)
