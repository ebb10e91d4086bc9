"""Tests for lessons/quizzes/bank.py: bank validation, grading of every type, shuffling, the answer
sheet and CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lessons.core.errors import CourseError, DataFileError
from lessons.limb.model import limb_pose
from lessons.quizzes.bank import (
    QUESTION_TYPES,
    answer_sheet,
    correct_answer_text,
    grade,
    lesson_ids,
    load_bank,
    main,
    option_order,
    parse_number,
    read_bank,
)

HEADER = 'lesson = "test-bank"\ntitle = "Test bank"\n'

GOOD_SINGLE = """
[[question]]
id = "q1"
type = "single"
prompt = "Which joint is in the middle of the leg?"
options = ["hip", "knee", "ankle"]
answer = "knee"
explanation = "The knee joins thigh and shank."
source = "FACTS A13"
"""

# One question of every type, for the grading tables.
ALL_TYPES = (
    HEADER
    + GOOD_SINGLE.replace('"q1"', '"pick"')
    + """feedback = { hip = "The hip is at the top." }

[[question]]
id = "tick"
type = "multiple"
prompt = "Tick the vowels."
options = ["a", "b", "c", "e"]
answer = ["a", "e"]
explanation = "a and e are vowels."
source = "Course guide"
feedback = { c = "c is a consonant." }

[[question]]
id = "fact"
type = "true-false"
prompt = "The course teaches."
answer = true
explanation = "It teaches; it does not diagnose."
source = "Course guide"
feedback = { false = "It does teach." }

[[question]]
id = "height"
type = "numeric"
prompt = "Knee height for 1.75 m, in cm?"
answer = 49.9
tolerance = 1
unit = "cm"
min = 0
max = 250
explanation = "0.285 x 1.75 m."
source = "FACTS A13"

[[question]]
id = "exact"
type = "numeric"
prompt = "How many joints?"
answer = 3
tolerance = 0
unit = ""
explanation = "Hip, knee, ankle."
source = "FACTS A13"

[[question]]
id = "reflex"
type = "matching"
prompt = "Match each root with its reflex."
options = ["knee jerk", "ankle jerk", "none reliable"]
explanation = "Harrison's root table."
source = "FACTS B6"

[question.answer]
L4 = "knee jerk"
S1 = "ankle jerk"

[[question]]
id = "course"
type = "ordering"
prompt = "Order from the pelvis down."
answer = ["hip", "knee", "ankle", "foot"]
explanation = "Top to bottom."
source = "FACTS A13"

[[question]]
id = "joints"
type = "labelling"
prompt = "Name the markers."
markers = ["Marker 1: top", "Marker 2: middle"]
options = ["hip joint", "knee joint", "heel"]
answer = ["hip joint", "knee joint"]
explanation = "Top to bottom."
source = "FACTS A13"
"""
)


def write_bank(folder: Path, text: str, name: str = "test-bank.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return read_bank(write_bank(tmp_path_factory.mktemp("bank"), ALL_TYPES))


# ---------------------------------------------------------------- validation


def replace(old: str, new: str) -> str:
    """The good single-choice bank with one piece of text replaced."""
    assert old in HEADER + GOOD_SINGLE
    return (HEADER + GOOD_SINGLE).replace(old, new)


NUMERIC = (
    HEADER
    + """
[[question]]
id = "n1"
type = "numeric"
prompt = "How high?"
answer = 49.9
tolerance = 1
unit = "cm"
explanation = "Because."
source = "FACTS A13"
"""
)

MALFORMED = [
    # (case, bank text, entry, field, words the message must contain)
    ("unknown key", replace("answer =", "anwser ="), "q1", "anwser", 'did you mean "answer"'),
    (
        "missing field",
        replace('explanation = "The knee joins thigh and shank."\n', ""),
        "q1",
        "explanation",
        "is missing",
    ),
    (
        "wrong type",
        NUMERIC.replace("tolerance = 1", 'tolerance = "1 cm"'),
        "n1",
        "tolerance",
        "should be a number of 0 or more without quotes or units, like 1: how far from the "
        "answer still counts as right, not '1 cm'",
    ),
    ("duplicate id", HEADER + GOOD_SINGLE + GOOD_SINGLE, "q1", "id", "used by questions 1 and 2"),
    (
        "explorer that is no builder",
        replace('type = "single"', 'type = "single"\nexplorer = "hip_load_explorr"'),
        "q1",
        "explorer",
        'not a widget of the course (did you mean "hip_load_explorer"?)',
    ),
    (
        "explorer that is not text",
        replace('type = "single"', 'type = "single"\nexplorer = true'),
        "q1",
        "explorer",
        "should be text in quotes",
    ),
    (
        "answer not among options",
        replace('answer = "knee"', 'answer = "Knee"'),
        "q1",
        "answer",
        '"Knee" is not one of the options (did you mean "knee"?)',
    ),
    (
        "negative tolerance",
        NUMERIC.replace("tolerance = 1", "tolerance = -1"),
        "n1",
        "tolerance",
        "must be 0 or more",
    ),
    (
        "unknown type",
        replace('type = "single"', 'type = "choice"'),
        "q1",
        "type",
        "not a question type; use one of",
    ),
    (
        "bad id",
        replace('id = "q1"', 'id = "Question One"'),
        "question 1",
        "id",
        "lowercase letters",
    ),
    ("missing id", replace('id = "q1"\n', ""), "question 1", "id", "is missing"),
    (
        "feedback for no option",
        replace('source = "FACTS A13"', 'source = "FACTS A13"\nfeedback = { elbow = "No." }'),
        "q1",
        "feedback",
        '"elbow" is not one of the options',
    ),
    (
        "too few options",
        replace('options = ["hip", "knee", "ankle"]', 'options = ["knee"]'),
        "q1",
        "options",
        "needs at least 2",
    ),
    (
        "repeated option",
        replace('options = ["hip", "knee", "ankle"]', 'options = ["hip", "knee", "knee"]'),
        "q1",
        "options",
        '"knee" more than once',
    ),
    (
        "empty prompt",
        replace('prompt = "Which joint is in the middle of the leg?"', 'prompt = "  "'),
        "q1",
        "prompt",
        "is empty",
    ),
    (
        "FACTS without an id",
        replace('source = "FACTS A13"', 'source = "FACTS sheet"'),
        "q1",
        "source",
        "cites FACTS without an id",
    ),
    (
        "figure with a folder",
        replace('source = "FACTS A13"', 'source = "FACTS A13"\nfigure = "../secret.png"'),
        "q1",
        "figure",
        "no folders",
    ),
    (
        "multiple answer as text",
        replace('type = "single"', 'type = "multiple"'),
        "q1",
        "answer",
        "should be a list of the correct options",
    ),
    (
        "true-false answer in quotes",
        HEADER + '[[question]]\nid = "t"\ntype = "true-false"\nprompt = "P"\nanswer = "false"\n'
        'explanation = "E"\nsource = "Course guide"\n',
        "t",
        "answer",
        "true or false (without quotes)",
    ),
    (
        "numeric answer outside min and max",
        NUMERIC.replace("tolerance = 1", "tolerance = 1\nmax = 40"),
        "n1",
        "answer",
        "outside min to max",
    ),
    (
        "min not below max",
        NUMERIC.replace("tolerance = 1", "tolerance = 1\nmin = 60\nmax = 50"),
        "n1",
        "max",
        "make max larger than min",
    ),
    (
        "nan number",
        NUMERIC.replace("answer = 49.9", "answer = nan"),
        "n1",
        "answer",
        "ordinary number",
    ),
    (
        "numeric field for a single question",
        replace('source = "FACTS A13"', 'source = "FACTS A13"\ntolerance = 1'),
        "q1",
        "tolerance",
        "is not a field of a single question",
    ),
    (
        "matching with one pair",
        HEADER + '[[question]]\nid = "m"\ntype = "matching"\nprompt = "P"\nexplanation = "E"\n'
        'source = "FACTS B6"\nanswer = { L4 = "knee jerk" }\n',
        "m",
        "answer",
        "needs at least 2",
    ),
    (
        "ordering with a repeat",
        HEADER + '[[question]]\nid = "o"\ntype = "ordering"\nprompt = "P"\nexplanation = "E"\n'
        'source = "FACTS A13"\nanswer = ["hip", "knee", "hip"]\n',
        "o",
        "answer",
        '"hip" more than once',
    ),
    (
        "labelling with too few names",
        HEADER + '[[question]]\nid = "l"\ntype = "labelling"\nprompt = "P"\nexplanation = "E"\n'
        'source = "FACTS A13"\nmarkers = ["1", "2", "3"]\noptions = ["hip", "knee", "ankle"]\n'
        'answer = ["hip", "knee"]\n',
        "l",
        "answer",
        "names 2 marker(s) but there are 3 markers",
    ),
    (
        "question not a table",
        HEADER + "question = [1, 2]\n",
        None,
        "question",
        "item 1 is 1; write one [[question]] table per question",
    ),
    (
        "unknown top-level key",
        "lessons = 1\n" + HEADER + GOOD_SINGLE,
        None,
        "lessons",
        'did you mean "lesson"',
    ),
    (
        "lesson does not match file",
        replace('lesson = "test-bank"', 'lesson = "00-start"'),
        None,
        "lesson",
        "but the file is test-bank.toml",
    ),
    ("no questions", HEADER, None, "question", "is missing"),
    (
        "invalid TOML",
        HEADER + GOOD_SINGLE.replace('answer = "knee"', "answer = knee"),
        None,
        None,
        "is not valid TOML",
    ),
]


def question(kind: str, fields: str, qid: str = "x") -> str:
    """A bank of one question of type ``kind``, with the common fields and then ``fields``."""
    return (
        HEADER
        + f'[[question]]\nid = "{qid}"\ntype = "{kind}"\nprompt = "P"\nexplanation = "E"\n'
        + 'source = "FACTS A13"\n'
        + fields
    )


CHOICES = 'options = ["hip", "knee", "ankle"]\n'
LABELS = 'markers = ["1", "2"]\noptions = ["hip", "knee", "ankle"]\n'

# Each type's answer written as the wrong kind of value, an option not among the options, a
# missing required field of each type, and tables with a wrong entry.
MALFORMED += [
    (
        "single answer as a number",
        question("single", CHOICES + "answer = 2\n"),
        "x",
        "answer",
        "should be the correct option, copied exactly from options, not 2",
    ),
    (
        "numeric answer in quotes",
        question("numeric", 'answer = "49.9"\ntolerance = 1\nunit = "cm"\n'),
        "x",
        "answer",
        "should be the correct number without quotes or units, like 49.9, not '49.9'",
    ),
    (
        "numeric answer true",
        question("numeric", 'answer = true\ntolerance = 1\nunit = "cm"\n'),
        "x",
        "answer",
        "should be the correct number without quotes or units",
    ),
    (
        "matching answer as a list",
        question("matching", 'answer = ["knee jerk", "ankle jerk"]\n'),
        "x",
        "answer",
        "should be a table from each item to its match, like { L4 = ",
    ),
    (
        "matching match that is a number",
        question("matching", 'answer = { L4 = "knee jerk", S1 = 1 }\n'),
        "x",
        "answer",
        'has 1 at "S1"; write a table from each item to its match',
    ),
    (
        "ordering answer as text",
        question("ordering", 'answer = "hip, knee"\n'),
        "x",
        "answer",
        "should be the items in their correct order, like [",
    ),
    (
        "labelling answer as text",
        question("labelling", LABELS + 'answer = "hip"\n'),
        "x",
        "answer",
        "should be a list with the correct name for each marker, in marker order",
    ),
    (
        "multiple answer not among options",
        question("multiple", CHOICES + 'answer = ["hip", "ankel"]\n'),
        "x",
        "answer",
        '"ankel" is not one of the options (did you mean "ankle"?); copy it exactly from options',
    ),
    (
        "matching match not among options",
        question("matching", CHOICES + 'answer = { a = "hip", b = "kne" }\n'),
        "x",
        "answer",
        '"kne" is not one of the options (did you mean "knee"?)',
    ),
    (
        "labelling name not among options",
        question("labelling", LABELS + 'answer = ["hip", "shin"]\n'),
        "x",
        "answer",
        '"shin" is not one of the options',
    ),
    (
        "true-false feedback for no answer",
        question("true-false", 'answer = true\nfeedback = { yes = "No." }\n'),
        "x",
        "feedback",
        '"yes" is not one of the answers; copy it exactly from answers: "true", "false"',
    ),
    (
        "feedback that is not text",
        question("single", CHOICES + 'answer = "hip"\nfeedback = { knee = 3 }\n'),
        "x",
        "feedback",
        'has 3 at "knee"; write a table from an option to what to tell a learner',
    ),
    (
        "misspelt type",
        replace('type = "single"', 'type = "singel"'),
        "q1",
        "type",
        '"singel", which is not a question type (did you mean "single"?); use one of "single"',
    ),
    ("missing type", replace('type = "single"\n', ""), "q1", "type", "is missing; write one of"),
    (
        "numeric without a unit",
        question("numeric", "answer = 3\ntolerance = 0\n"),
        "x",
        "unit",
        'is missing; write the unit of the answer in quotes, like "cm"',
    ),
    (
        "labelling without markers",
        question("labelling", 'options = ["hip", "knee"]\nanswer = ["hip"]\n'),
        "x",
        "markers",
        "is missing; write what each numbered marker is",
    ),
    (
        "misspelt labelling field",
        question("labelling", LABELS + 'answer = ["hip", "knee"]\nmarker = ["1"]\n'),
        "x",
        "marker",
        'is not a field of a labelling question (did you mean "markers"?)',
    ),
    (
        "shuffle in quotes",
        replace('source = "FACTS A13"', 'source = "FACTS A13"\nshuffle = "no"'),
        "q1",
        "shuffle",
        "should be true or false, without quotes",
    ),
    (
        "unknown section as a citation",
        replace('source = "FACTS A13"', 'source = "see FACTS.md"'),
        "q1",
        "source",
        'cites FACTS without an id; write the id, like "FACTS A13"',
    ),
]


@pytest.mark.parametrize(
    "text, entry, field, words",
    [case[1:] for case in MALFORMED],
    ids=[case[0] for case in MALFORMED],
)
def test_malformed_bank_names_file_entry_field_and_the_fix(tmp_path, text, entry, field, words):
    """Each kind of malformed bank fails with one DataFileError naming the file, question and field,
    saying what is right."""
    with pytest.raises(DataFileError) as caught:
        read_bank(write_bank(tmp_path, text))
    error = caught.value
    assert (error.file, error.entry, error.field) == ("test-bank.toml", entry, field)
    assert words in str(error)


def test_good_bank_loads_into_frozen_dataclasses(bank):
    """A well-formed bank loads every type into frozen dataclasses, in file order."""
    assert [q.id for q in bank.questions] == [
        "pick",
        "tick",
        "fact",
        "height",
        "exact",
        "reflex",
        "course",
        "joints",
    ]
    assert {q.type for q in bank.questions} == set(QUESTION_TYPES)
    with pytest.raises(AttributeError):
        bank.questions[0].answer = "hip"  # type: ignore[misc]
    assert bank.question("reflex").slots == ("L4", "S1")
    assert bank.question("reflex").answer == ("knee jerk", "ankle jerk")


@pytest.mark.parametrize(
    "source", ["FACTS A10b", "FACTS section I", "FACTS I3; FACTS E5", "FACTS A2 (corrected)"]
)
def test_facts_ids_with_a_letter_suffix_or_from_section_i_are_citations(tmp_path, source):
    """Fact ids such as A10b and section I (added to FACTS.md) count as citations with an id."""
    loaded = read_bank(
        write_bank(tmp_path, replace('source = "FACTS A13"', f'source = "{source}"'))
    )
    assert loaded.questions[0].source == source


@pytest.mark.parametrize("source", ["FACTS A10bc", "FACTS J2"])
def test_facts_ids_that_do_not_exist_are_refused(tmp_path, source):
    """A suffix of more than one letter, or a section after I, is not a fact id."""
    with pytest.raises(DataFileError, match="cites FACTS without an id"):
        read_bank(write_bank(tmp_path, replace('source = "FACTS A13"', f'source = "{source}"')))


def test_every_field_the_readme_documents_is_accepted(tmp_path):
    """The examples of lessons/data/quiz/README.md load as they are written there (the whole file's
    question with the feedback written as a header last, then one question of each type), so every
    field the README documents is one the reader accepts."""
    readme = (Path(__file__).parents[1] / "lessons/data/quiz/README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, flags=re.S)
    whole, *questions = [block for block in blocks if "[[question]]" in block]
    header_table = next(block for block in blocks if block.startswith("[question.feedback]"))
    multiple = next(block for block in blocks if block.startswith("answer = ["))
    assert len(questions) == len(QUESTION_TYPES) - 1  # "multiple" is shown as its answer only
    whole = whole.replace("00-start-here", "test-bank").replace('"run-a-cell"', '"run-cell"')
    text = whole + header_table + "\n" + "\n".join(questions)
    loaded = read_bank(write_bank(tmp_path, text))
    assert {q.type for q in loaded.questions} == set(QUESTION_TYPES) - {"multiple"}
    assert loaded.question("run-cell").feedback_for("Tab") == "Tab completes a name you are typing."
    assert loaded.question("run-a-cell").feedback_for("Ctrl+S").startswith("Ctrl+S saves")
    assert (loaded.question("knee-height").low, loaded.question("knee-height").high) == (0, 250)
    options = re.search(r"answer = (\[.*\])", multiple).group(1)
    tick = question("multiple", f"options = {options}\n{multiple}")
    assert len(read_bank(write_bank(tmp_path, tick)).questions[0].answer) == 2


def test_unknown_lesson_lists_the_banks_that_exist():
    """Asking for a lesson without a bank says which banks exist."""
    with pytest.raises(DataFileError, match="banks exist for: .*00-start-here"):
        load_bank("99-no-such-lesson")


# ---------------------------------------------------------------- the shipped banks


@pytest.mark.parametrize("lesson", lesson_ids())
def test_every_shipped_bank_is_valid_and_cites_its_sources(lesson):
    """Every shipped bank loads, has 6+ questions of 3+ types, and cites a FACTS id, the course
    guide, or a named reference (a textbook, or an author and year)."""
    shipped = load_bank(lesson)
    assert len(shipped.questions) >= 6
    assert len({q.type for q in shipped.questions}) >= 3
    for question in shipped.questions:
        assert re.search(
            r"FACTS (section )?[A-I]([0-9]{1,2}[a-z]?)?\b|Course guide|[Tt]extbook"
            r"|\b(19|20)[0-9]{2}\b",
            question.source,
        ), question.id


def test_start_here_knee_height_matches_the_limb_model():
    """The Start Here numeric answer is what the limb explorer's model gives for a 1.75 m body
    (FACTS A13)."""
    question = load_bank("00-start-here").question("knee-height")
    model_cm = limb_pose(height_m=1.75).knee[2] * 100
    assert question.answer == pytest.approx(model_cm, abs=0.05)
    assert grade(question, f"{round(model_cm)}").correct  # the readout's rounded 50 cm is accepted


# ---------------------------------------------------------------- grading

GRADES = [
    # (question id, response, correct, words the detail must contain)
    ("pick", "knee", True, ""),
    ("pick", "hip", False, "The hip is at the top."),
    ("pick", "ankle", False, ""),
    ("tick", ["a", "e"], True, ""),
    ("tick", ("e", "a"), True, ""),
    ("tick", ["a"], False, "You ticked 1 of the 2 right answers."),
    ("tick", ["a", "e", "c"], False, "and 1 that does not belong. c is a consonant."),
    ("fact", True, True, ""),
    ("fact", False, False, "It does teach."),
    ("height", "49.9", True, ""),
    ("height", "50,9", True, ""),
    ("height", "48.9 cm", True, ""),
    ("height", 50, True, ""),
    ("height", "51", False, "51 cm is too high."),
    ("height", "45", False, "45 cm is too low."),
    ("exact", "3", True, ""),
    ("exact", "3.01", False, "3.01 is too high."),
    ("reflex", ["knee jerk", "ankle jerk"], True, ""),
    ("reflex", ["ankle jerk", "knee jerk"], False, "0 of 2 are right."),
    ("reflex", ["knee jerk", "none reliable"], False, "1 of 2 are right."),
    ("course", ["hip", "knee", "ankle", "foot"], True, ""),
    ("course", ["knee", "hip", "ankle", "foot"], False, "2 of 4 are in the right place."),
    ("joints", ["hip joint", "knee joint"], True, ""),
    ("joints", ["hip joint", "heel"], False, "1 of 2 are right."),
]


@pytest.mark.parametrize("question_id, response, correct, words", GRADES)
def test_grade_every_type(bank, question_id, response, correct, words):
    """Each question type grades right and wrong answers and says what is still wrong."""
    result = grade(bank.question(question_id), response)
    assert result.correct is correct
    assert words in result.detail
    if not words:
        assert result.detail == ""


UNGRADABLE = [
    # (question id, response, words of the friendly message)
    ("pick", None, "Choose one of the answers first"),
    ("pick", "elbow", "is not one of the answers"),
    ("tick", [], "Tick at least one box first"),
    ("fact", None, "Choose True or False first"),
    ("height", "", "Type your answer as a number first"),
    ("height", "   ", "Type your answer as a number first"),
    ("height", "abc", "“abc” is not a number"),
    ("height", "nan", "“nan” is not a number"),
    ("height", "inf", "“inf” is not a number"),
    ("height", "1e400", "“1e400” is too large"),
    ("height", "1,2,3", "more than one decimal mark"),
    ("height", "1,5.0", "more than one decimal mark"),
    ("height", "300", "300 cm is above the largest answer this question accepts (250 cm)"),
    ("height", "-1", "-1 cm is below the smallest answer this question accepts (0 cm)"),
    ("height", float("nan"), "Type an ordinary number"),
    ("reflex", ["knee jerk", None], "1 of 2 still empty"),
    ("course", ["hip", "hip", "ankle", "foot"], "“hip” is chosen more than once"),
]


@pytest.mark.parametrize("question_id, response, words", UNGRADABLE)
def test_answers_that_cannot_be_graded_get_a_friendly_message(bank, question_id, response, words):
    """An empty, non-numeric, out-of-range or incomplete answer raises CourseError with a friendly
    message."""
    with pytest.raises(CourseError) as caught:
        grade(bank.question(question_id), response)
    assert words in str(caught.value)
    assert "Traceback" not in str(caught.value)


@pytest.mark.parametrize(
    "text, value",
    [
        ("49.9", 49.9),
        ("49,9", 49.9),
        ("  -2 ", -2.0),
        ("−2", -2.0),
        (".5", 0.5),
        ("5.", 5.0),
        ("1e3", 1000.0),
        ("+7", 7.0),
        ("49.9 cm", 49.9),
        ("49.9CM", 49.9),
    ],
)
def test_parse_number_accepts_what_people_type(text, value):
    """A decimal comma, a typographic minus, spaces, exponents and the unit are read as numbers."""
    assert parse_number(text, unit="cm") == value


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "",
        "nan",
        "NaN",
        "inf",
        "-infinity",
        "1e400",
        "1_000",
        "٣",
        "2+2",
        "__import__('os')",
        "<script>alert(1)</script>",
        "0x10",
    ],
)
def test_parse_number_refuses_everything_else(text):
    """Words, code, non-finite values and non-ASCII digits are refused with a CourseError, never
    evaluated."""
    with pytest.raises(CourseError):
        parse_number(text)


def test_message_quotes_long_input_shortened():
    """A long wrong input is quoted shortened, so the message stays readable."""
    with pytest.raises(CourseError, match="“x{24}…” is not a number"):
        parse_number("x" * 200)


def test_graded_answer_is_recorded_as_plain_text(bank):
    """The answer saved with an attempt is readable text: the number with its unit, options in bank
    order."""
    assert grade(bank.question("height"), "49,9").answer == "49.9 cm"
    assert grade(bank.question("tick"), ["e", "a"]).answer == "a; e"
    assert grade(bank.question("fact"), False).answer == "False"
    assert (
        grade(bank.question("course"), ["knee", "hip", "ankle", "foot"]).answer
        == "knee → hip → ankle → foot"
    )
    assert (
        grade(bank.question("reflex"), ["knee jerk", "ankle jerk"]).answer
        == "L4 → knee jerk; S1 → ankle jerk"
    )


def test_correct_answer_text_gives_the_accepted_range(bank):
    """The answer key of a numeric question shows the accepted range with its unit."""
    assert correct_answer_text(bank.question("height")) == "49.9 cm (accepted: 48.9 to 50.9 cm)"
    assert correct_answer_text(bank.question("exact")) == "3"


# ---------------------------------------------------------------- shuffling


def test_option_order_is_the_same_for_the_same_seed_and_keeps_every_option(bank):
    """The same lesson, question and seed always give the same order, with every option once."""
    for question in bank.questions:
        order = option_order(question, "test-bank", seed=7)
        assert order == option_order(question, "test-bank", seed=7)
        assert sorted(order) == sorted(question.options)


def test_option_order_changes_with_the_seed(bank):
    """Different seeds give different orders for at least one question."""
    orders = {tuple(option_order(q, "test-bank", seed=s) for q in bank.questions) for s in range(5)}
    assert len(orders) > 1


def test_ordering_question_is_never_shown_in_its_answer_order(bank):
    """An ordering question never starts out already solved, whatever the seed."""
    question = bank.question("course")
    assert all(option_order(question, "test-bank", seed=s) != question.answer for s in range(200))


def test_true_false_and_unshuffled_questions_keep_their_order(tmp_path, bank):
    """True/false options and a question with shuffle = false are shown in bank order."""
    assert option_order(bank.question("fact"), "test-bank", seed=3) == ("True", "False")
    fixed = read_bank(
        write_bank(
            tmp_path, replace('source = "FACTS A13"', 'source = "FACTS A13"\nshuffle = false')
        )
    )
    assert all(
        option_order(fixed.questions[0], "x", seed=s) == ("hip", "knee", "ankle") for s in range(20)
    )


def test_option_order_does_not_depend_on_the_hash_seed(tmp_path):
    """The shuffle is the same in fresh interpreters with different PYTHONHASHSEED (nbval re-runs
    notebooks)."""
    code = (
        "from lessons.quizzes.bank import load_bank, option_order; b = load_bank('00-start-here'); "
        "print([option_order(q, b.lesson) for q in b.questions])"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


# ---------------------------------------------------------------- answer sheet and command line


def test_answer_sheet_lists_every_question_answer_explanation_and_source():
    """The answer sheet has each prompt, its correct answer, its explanation and its source."""
    sheet = answer_sheet("00-start-here")
    for question in load_bank("00-start-here").questions:
        assert question.prompt in sheet
        assert question.explanation in sheet
        assert f"Source: {question.source}" in sheet
        whole = question.type in ("single", "true-false", "numeric", "ordering")
        for part in [correct_answer_text(question)] if whole else question.answer:
            assert part in sheet, question.id
    assert "Answer: 49.9 cm (accepted: 48.9 to 50.9 cm)" in sheet


def test_cli_prints_the_answer_sheet(capsys):
    """`answer-sheet LESSON` prints the sheet and exits 0."""
    assert main(["answer-sheet", "00-start-here"]) == 0
    assert capsys.readouterr().out == answer_sheet("00-start-here")


def test_cli_answer_sheet_for_unknown_lesson_fails_clearly(capsys):
    """`answer-sheet` for a lesson without a bank exits 1 with the clear error on stderr."""
    assert main(["answer-sheet", "99-nope"]) == 1
    assert "no question bank for '99-nope'" in capsys.readouterr().err


def test_explorer_field_names_the_builder_a_question_is_answered_with(tmp_path):
    """The optional explorer field is read as the builder's name; without it there is none."""
    with_field = replace('type = "single"', 'type = "single"\nexplorer = "limb_explorer"')
    assert read_bank(write_bank(tmp_path, with_field)).questions[0].explorer == "limb_explorer"
    assert read_bank(write_bank(tmp_path, HEADER + GOOD_SINGLE)).questions[0].explorer is None


def test_every_shipped_explorer_field_names_an_exported_builder():
    """Each explorer a shipped bank names is a builder the lessons package exports."""
    import lessons

    named = [q.explorer for lesson in lesson_ids() for q in load_bank(lesson).questions]
    assert {"limb_explorer", "hip_load_explorer"} <= set(named)
    assert all(name is None or callable(getattr(lessons, name)) for name in named)


def test_cli_validate_exits_non_zero_with_the_clear_error(tmp_path, capsys):
    """`validate FILE` exits 1 and prints the file, question and field that are wrong."""
    bad = write_bank(tmp_path, replace('answer = "knee"', 'answer = "elbow"'))
    good = write_bank(tmp_path, HEADER.replace("test-bank", "good") + GOOD_SINGLE, "good.toml")
    assert main(["validate", str(good), str(bad)]) == 1
    out, err = capsys.readouterr()
    assert f"ok: {good} (1 question)" in out
    assert (
        f"error: {bad}: q1: answer \"elbow\" is not one of the options" in err
    )


def test_python_dash_m_validate_checks_the_shipped_banks():
    """`python -m lessons.quizzes.bank validate` runs as a module and passes on the shipped
    banks."""
    done = subprocess.run(
        [sys.executable, "-m", "lessons.quizzes.bank", "validate"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "ok: lessons/data/quiz/00-start-here.toml (" in done.stdout
