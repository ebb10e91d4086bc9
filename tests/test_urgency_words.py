"""The course says each warning sign's urgency one way only: as the red-flag file gives it.

Every list of red flags in a lesson, card or page is rendered from
``lessons/data/red_flags.toml`` (FACTS E5). This test reads all the rest of the
course's own words (lesson and clinic markdown, the instructor guide, the docs,
the README, the quiz banks, the stretch catalog and the handout templates)
sentence by sentence. Where a sentence names a warning sign and an urgency, the
urgency must be the sign's step in the data file; and nothing may use words
off the ladder ("urgently", the old "self-care and review").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lessons.red_flags import DATA_FILE, load_red_flags

ROOT = Path(__file__).resolve().parents[1]
FLAGS = load_red_flags()

#: How the course's prose names each sign (a test table: words, not the data's labels).
MENTIONS = {
    "saddle-numbness": r"saddle|toilet paper|around the bottom|perineal|genitals",
    "bladder-change": r"bladder|passing urine|urinary|retention",
    "bowel-control": r"\bbowel\b",
    "sexual-function": r"sexual",
    "both-legs": r"both legs|bilateral",
    "weakness-worsening": r"weakness (that is )?(getting worse|worsening)"
    r"|worsening (leg )?weakness|getting weaker|foot that drags"
    r"|progressive .{0,20}deficit|motor deficit",
    "fever-unwell": r"\bfever|feeling (generally )?unwell|chills",
    "infection-risk": r"inject|drug use|immune|immunosuppress",
    "past-cancer": r"past cancer|history of cancer|cancer history|had cancer",
    "weight-loss": r"(unexplained|unintended) weight loss|weight loss (you|that) can",
    "night-pain": r"(pain|worse) at night|night pain|pain at rest",
    "over-50-new-pain": r"over 50|age > ?50",
    "injury": r"thin bones|osteoporosis|steroid|fall or (minor )?injury",
    "inflammatory-pattern": r"inflammatory (back pain|pattern)|spondyl",
    "hot-joint-fever": r"hot,? swollen|septic",
    "cannot-bear-weight": r"bear(ing)? weight|put weight on",
    "swollen-calf": r"\bcalf\b|\bclot\b|thrombosis",
    "knee-locks": r"knee (that )?locks|locking knee|mechanical locking",
    "child-limp": r"\bchild|teenager|adolescent|\bSCFE\b|slipped capital",
}

#: The words that state a step of the ladder.
STEP_WORDS = {
    "emergency-now": r"emergency now|emergency care|emergency department|\bA&E\b|\b999\b|"
    r"emergency MRI|an emergency\b|is an emergency",
    "same-day": r"same[ -]day|\btoday\b",
    "soon": r"\bsoon\b(?! as)|within days",
    "routine": r"routine (appointment|referral|care)|normal appointment",
}

#: Words off the ladder: never used for a step.
OFF_LADDER = r"\burgently\b|self-care and review|see a doctor soon, or emergency"


def _markdown_of(path: Path) -> list[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [
        "".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown"
    ]


def _strings_of_toml(path: Path) -> list[str]:
    return re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"))


def _texts() -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")) + [ROOT / "clinic" / "Clinic.ipynb"]:
        texts += [(path.name, text) for text in _markdown_of(path)]
    documents = [
        *sorted((ROOT / "instructor").glob("*.md")),
        *sorted((ROOT / "docs").glob("*.md")),
        ROOT / "README.md",
        *sorted((ROOT / "tools" / "handout_templates").rglob("*")),
    ]
    for path in documents:
        if path.is_file():
            texts.append((path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "lessons" / "data").rglob("*.toml")):
        if path == DATA_FILE:
            continue
        where = path.relative_to(ROOT).as_posix()
        if path.parent.name == "quiz":  # a prompt or a wrong option may state a myth on purpose
            text = path.read_text(encoding="utf-8")
            texts += [
                (where, t) for t in re.findall(r'^explanation = "((?:[^"\\]|\\.)*)"', text, re.M)
            ]
        else:
            texts += [(where, t) for t in _strings_of_toml(path)]
    return texts


def _sentences(text: str) -> list[str]:
    parts = re.split(r"\n+|(?<=[.!?;])\s+|\s\|\s", text)
    return [part for part in parts if part.strip()]


def _steps_said(sentence: str) -> set[str]:
    return {step for step, words in STEP_WORDS.items() if re.search(words, sentence, re.I)}


def _signs_named(sentence: str) -> set[str]:
    return {sign for sign, words in MENTIONS.items() if re.search(words, sentence, re.I)}


def _problems(texts: list[tuple[str, str]]) -> list[str]:
    problems = []
    for where, text in texts:
        for sentence in _sentences(text):
            if re.search(OFF_LADDER, sentence, re.I):
                problems.append(f"{where}: words off the ladder: {sentence.strip()}")
            signs, said = _signs_named(sentence), _steps_said(sentence)
            if signs and said:
                given = {FLAGS.symptom(sign).step for sign in signs}
                if said != given:
                    names = ", ".join(f"{s} = {FLAGS.step(FLAGS.symptom(s).step).name}" for s in
                                      sorted(signs))  # fmt: skip
                    problems.append(f"{where}: says {sorted(said)} for {names}: {sentence.strip()}")
    return problems


def test_the_table_names_every_sign_of_the_file_but_the_routine_ones():
    """Each sign that needs a doctor has words the scan looks for, so none can drift unseen."""
    needing = {sign.id for sign in FLAGS.symptoms if sign.step != "routine"}
    assert needing <= set(MENTIONS)
    assert set(MENTIONS) <= {sign.id for sign in FLAGS.symptoms}


def test_no_text_states_an_urgency_that_differs_from_the_red_flag_file():
    """No sentence in the course's own words gives a sign a step other than the data file's."""
    problems = _problems(_texts())
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("sentence", "caught"),
    [
        ("A child or teenager with a limp should see a doctor soon.", True),
        ("A child or teenager with a limp needs a doctor the same day.", False),
        ("Sciatica in both legs needs emergency care the same day.", True),
        ("Sciatica in both legs: go to A&E now.", False),
        ("See a doctor urgently if you have back pain.", True),
        ("Most knee pain is local.", False),
    ],
)
def test_the_scan_catches_a_wrong_urgency(sentence, caught):
    """The scan itself: a drifted urgency or an off-ladder word is caught; a right one is not."""
    assert bool(_problems([("example", sentence)])) is caught
