"""Tests for lessons/red_flags.py: the red-flag data file loads, says what FACTS E says, and
refuses a broken file with a DataFileError that names the file, the entry and the field."""

from __future__ import annotations

import pytest

from lessons.errors import DataFileError
from lessons.red_flags import DATA_FILE, URGENCIES, load_red_flags, main, read_red_flags

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

#: FACTS E, patient wording: each sign's words, its group and the urgency FACTS gives it.
PATIENT_WORDING = [
    ("saddle-numbness", "toilet paper", "cauda-equina", "emergency"),
    ("bladder-change", "passing urine", "cauda-equina", "emergency"),
    ("bowel-control", "bowel control", "cauda-equina", "emergency"),
    ("both-legs", "both legs", "cauda-equina", "emergency"),
    ("weakness-worsening", "foot that drags", "nerve-deficit", "emergency"),
    ("fever-unwell", "fever", "infection", "soon"),
    ("past-cancer", "cancer", "cancer", "soon"),
    ("weight-loss", "weight loss", "cancer", "soon"),
    ("night-pain", "at night or at rest", "cancer", "soon"),
    ("injury", "fall or injury", "fracture", "soon"),
    ("hot-joint-fever", "hot, swollen", "knee-hip", "emergency"),
    ("cannot-bear-weight", "cannot put weight", "knee-hip", "emergency"),
    ("knee-locks", "locks", "knee-hip", "soon"),
    ("swollen-calf", "swollen, red", "knee-hip", "emergency"),
    ("child-limp", "child or teenager with a limp or knee pain", "knee-hip", "soon"),
]

#: FACTS E, clinician wording: words each sign's clinician form must carry.
CLINICIAN_WORDING = [
    ("both-legs", "Bilateral radiculopathy"),
    ("saddle-numbness", "Perineal"),
    ("bowel-control", "anal tone"),
    ("weakness-worsening", "Progressive motor deficit"),
    ("infection-risk", "Intravenous drug use or immunosuppression"),
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
GOOD_SYMPTOM = """
[[symptom]]
id = "s"
group = "g"
label = "L"
clinician = "C"
urgency = "soon"
reason = "R"
source = "FACTS E4"
"""


def write(tmp_path, text: str):
    path = tmp_path / "flags.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_file_loads_and_the_command_line_says_ok(capsys):
    """`python -m lessons.red_flags` checks the shipped file and prints ok."""
    assert main([str(DATA_FILE)]) == 0
    assert capsys.readouterr().out.startswith("ok: red_flags.toml")


def test_the_groups_are_the_ones_the_issue_asks_for_in_order():
    """Cauda equina, nerve deficit, infection, cancer, fracture, inflammatory, knees and hips."""
    assert [group.id for group in FLAGS.groups] == GROUPS


@pytest.mark.parametrize("group", GROUPS)
def test_every_group_has_a_sign_a_clinician_wording_and_a_source(group):
    """No group is empty, and each has its clinician wording and a source."""
    assert FLAGS.in_group(group)
    assert FLAGS.group(group).clinician and FLAGS.group(group).source


@pytest.mark.parametrize(("symptom", "words", "group", "urgency"), PATIENT_WORDING)
def test_each_patient_worded_red_flag_has_its_words_group_and_urgency(
    symptom, words, group, urgency
):
    """Every patient-worded red flag of FACTS E is a sign, in its group, with its urgency."""
    sign = FLAGS.symptom(symptom)
    assert words.lower() in sign.label.lower()
    assert (sign.group, sign.urgency) == (group, urgency)


@pytest.mark.parametrize(("symptom", "words"), CLINICIAN_WORDING)
def test_the_clinician_wording_follows_facts_e(symptom, words):
    """Each sign's clinician wording carries the FACTS E term."""
    assert words in FLAGS.symptom(symptom).clinician


def test_every_same_day_sign_of_facts_e_is_an_emergency():
    """The five "emergency care the same day" signs of FACTS E are all emergencies."""
    same_day = [
        "saddle-numbness",
        "bladder-change",
        "bowel-control",
        "both-legs",
        "weakness-worsening",
    ]
    assert all(FLAGS.symptom(name).urgency == "emergency" for name in same_day)


def test_every_sign_cites_facts_and_gives_a_reason():
    """Each sign has a reason in words and a source that cites a FACTS id."""
    for sign in FLAGS.symptoms:
        assert sign.reason.endswith(".")
        assert "FACTS " in sign.source


def test_every_urgency_level_is_used():
    """The file can reach each of the three answers."""
    assert {sign.urgency for sign in FLAGS.symptoms} == set(URGENCIES)


def test_a_minimal_file_loads(tmp_path):
    """One group with one sign is a valid file."""
    flags = read_red_flags(write(tmp_path, GOOD_GROUP + GOOD_SYMPTOM))
    assert flags.symptom("s").urgency == "soon"


@pytest.mark.parametrize(
    ("change", "entry", "field", "words"),
    [
        (('urgency = "soon"', 'urgency = "urgent"'), "s", "urgency", "not an urgency level"),
        (('group = "g"', 'group = "gg"'), "s", "group", 'did you mean "g"'),
        (('label = "L"', 'label = ""'), "s", "label", "is empty"),
        (('label = "L"', "label = 3"), "s", "label", "text in quotes"),
        (('label = "L"', 'lable = "L"'), "s", "lable", 'did you mean "label"'),
        (('reason = "R"\n', ""), "s", "reason", "is missing"),
        (('id = "s"', 'id = "Bad Id"'), "Bad Id", "id", "lowercase letters"),
        (('source = "FACTS E4"', 'source = "FACTS"'), "s", "source", "without an id"),
    ],
)
def test_a_broken_sign_is_refused_with_its_entry_and_field(tmp_path, change, entry, field, words):
    """A wrong value names the file, the sign and the field, and says what would be right."""
    text = GOOD_GROUP + GOOD_SYMPTOM.replace(*change)
    with pytest.raises(DataFileError) as caught:
        read_red_flags(write(tmp_path, text))
    error = caught.value
    assert (error.file, error.entry, error.field) == ("flags.toml", entry, field)
    assert words in error.problem


def test_a_repeated_id_is_refused(tmp_path):
    """Two signs with one id are refused."""
    with pytest.raises(DataFileError, match="used by two symptoms"):
        read_red_flags(write(tmp_path, GOOD_GROUP + GOOD_SYMPTOM + GOOD_SYMPTOM))


def test_a_group_without_signs_is_refused(tmp_path):
    """An empty group is refused, naming the group."""
    extra = GOOD_GROUP.replace('id = "g"', 'id = "h"')
    with pytest.raises(DataFileError) as caught:
        read_red_flags(write(tmp_path, GOOD_GROUP + extra + GOOD_SYMPTOM))
    assert caught.value.entry == "h"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[[group]\n", "not valid TOML"),
        (GOOD_GROUP, "[[symptom]]"),
        ("title = 'x'\n" + GOOD_GROUP + GOOD_SYMPTOM, "not part of a red-flag file"),
    ],
)
def test_a_broken_file_is_refused_in_words(tmp_path, text, words):
    """Bad TOML, a missing section or an unknown key each get a clear message."""
    with pytest.raises(DataFileError, match="flags.toml") as caught:
        read_red_flags(write(tmp_path, text))
    assert words in str(caught.value)


def test_the_command_line_reports_a_broken_file(tmp_path, capsys):
    """The checker exits 1 and prints the problem."""
    assert main([str(write(tmp_path, GOOD_GROUP))]) == 1
    assert "error: flags.toml" in capsys.readouterr().err
