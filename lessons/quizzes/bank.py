"""Load, check and grade the self-check quizzes: one TOML question bank per lesson.

A bank is data under ``lessons/data/quiz/``, named like its notebook
(``00-start-here.toml``), so a clinician can fix a question without reading
Python; ``lessons/data/quiz/README.md`` describes every field. Loading checks
the whole file and stops at the first problem with a
:class:`~lessons.core.errors.DataFileError` that names the file, the question and the
field, and says what would be right.

This module is pure: it knows nothing of widgets or of where answers are saved.

Worked example: grade a typed answer to the knee-height question (FACTS A13),
with a decimal comma and the unit.

>>> bank = load_bank("00-start-here")
>>> knee = bank.question("knee-height")
>>> result = grade(knee, "49,9 cm")
>>> result.correct, result.answer
(True, '49.9 cm')
>>> correct_answer_text(knee)
'49.9 cm (accepted: 48.9 to 50.9 cm)'
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import random
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from lessons.core.datafile import DATA_DIR, read_toml
from lessons.core.errors import CourseError, DataFileError

__all__ = [
    "BANK_DIR",
    "QUESTION_TYPES",
    "Bank",
    "Banks",
    "Grade",
    "Question",
    "answer_sheet",
    "correct_answer_text",
    "format_answer",
    "grade",
    "lesson_ids",
    "load_bank",
    "load_banks",
    "main",
    "option_order",
    "parse_number",
    "read_bank",
]

#: Where the question banks live: one ``<lesson id>.toml`` per lesson.
BANK_DIR = DATA_DIR / "quiz"

#: The question types a bank may use, with the words a teacher's answer sheet uses for them.
QUESTION_TYPES: dict[str, str] = {
    "single": "Single choice",
    "multiple": "Multiple select (tick all that apply)",
    "true-false": "True or false",
    "numeric": "Number",
    "matching": "Matching",
    "ordering": "Put in order",
    "labelling": "Label the diagram",
}

#: Types whose answer is one choice per slot (a matched item, a position, a marker).
_SLOT_TYPES = ("matching", "ordering", "labelling")

Answer = str | bool | float | tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """One checked question from a bank.

    ``answer`` depends on ``type``: the correct option (single), the correct
    options (multiple), ``True``/``False`` (true-false), a number (numeric), or
    one option per entry of ``slots`` (matching, ordering, labelling).
    ``slots`` are the items to match, the positions to fill or the markers to
    name; ``feedback`` pairs an option with what to tell a learner who picks it.
    """

    id: str
    type: str
    prompt: str
    answer: Answer
    explanation: str
    source: str
    options: tuple[str, ...] = ()
    slots: tuple[str, ...] = ()
    feedback: tuple[tuple[str, str], ...] = ()
    tolerance: float = 0.0
    unit: str = ""
    low: float | None = None
    high: float | None = None
    shuffle: bool = True
    figure: str | None = None

    def feedback_for(self, option: str) -> str:
        """Return the bank's feedback for picking ``option``, or an empty string."""
        return dict(self.feedback).get(option, "")


@dataclass(frozen=True)
class Bank:
    """The questions of one lesson's self-check quiz, in the order the bank gives them."""

    lesson: str
    title: str
    questions: tuple[Question, ...]
    path: Path

    def question(self, question_id: str) -> Question:
        """Return the question with this id.

        >>> load_bank("00-start-here").question("run-a-cell").type
        'single'
        """
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(f"{self.lesson} has no question {question_id!r}")


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer: right or not, what to tell the learner, and the answer as text."""

    correct: bool
    detail: str
    answer: str


# --------------------------------------------------------------------------- loading


def lesson_ids(folder: Path | None = None) -> list[str]:
    """List the lessons that have a question bank (in ``folder``, default BANK_DIR), in order.

    >>> "00-start-here" in lesson_ids()
    True
    """
    return sorted(path.stem for path in (BANK_DIR if folder is None else folder).glob("*.toml"))


def load_bank(lesson_id: str) -> Bank:
    """Load and check the question bank of a lesson, by its id (the notebook's name).

    >>> bank = load_bank("00-start-here")
    >>> bank.title, len(bank.questions) >= 6
    ('Start Here', True)
    """
    path = BANK_DIR / f"{lesson_id}.toml"
    if not path.is_file():
        known = ", ".join(lesson_ids()) or "none yet"
        raise DataFileError(
            path.name,
            None,
            None,
            f"there is no question bank for {lesson_id!r}; banks exist for: {known}",
        )
    return read_bank(path)


@dataclass(frozen=True)
class Banks:
    """The question banks that loaded, and a message for each one that did not."""

    banks: tuple[Bank, ...]
    problems: tuple[str, ...]


def load_banks() -> Banks:
    """Load every lesson's question bank that exists; a broken bank is reported, not fatal.

    Everything that sums up several lessons (the review, "My progress", the
    certificate) uses this, so one broken bank leaves the others working.

    >>> "00-start-here" in [bank.lesson for bank in load_banks().banks]
    True
    """
    banks, problems = [], []
    for lesson in lesson_ids():
        try:
            banks.append(load_bank(lesson))
        except CourseError as error:
            problems.append(f"The {lesson} quiz could not be loaded, so it is left out: {error}")
    return Banks(tuple(banks), tuple(problems))


def read_bank(path: str | Path) -> Bank:
    """Load and check a question bank file from anywhere (for tests and for checking a draft).

    Raises:
        DataFileError: naming the file, the question and the field that is wrong.
    """
    path = Path(path)
    raw = read_toml(path)
    return _Reader(path.name, None, raw).bank(path)


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: A FACTS.md citation must name a section (A to I) or a fact in it, such as A2, A10b or E5.
_FACTS_CITATION = re.compile(r"FACTS(?!\s+(?:section\s+)?[A-I](?:[0-9]{1,2}[a-z]?)?\b)")
_FIGURE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\.(?:png|svg|jpg|jpeg)")

#: Every field a bank may have: whether each type requires it (True), allows it (False), and
#: what a right value looks like (said in error messages and in the README).
_BANK_FIELDS = {"lesson": True, "title": True, "question": True}
_COMMON_FIELDS = {
    "id": True,
    "type": True,
    "prompt": True,
    "explanation": True,
    "source": True,
    "figure": False,
}
_TYPE_FIELDS: dict[str, dict[str, bool]] = {
    "single": {"options": True, "answer": True, "feedback": False, "shuffle": False},
    "multiple": {"options": True, "answer": True, "feedback": False, "shuffle": False},
    "true-false": {"answer": True, "feedback": False},
    "numeric": {"answer": True, "tolerance": True, "unit": True, "min": False, "max": False},
    "matching": {"answer": True, "options": False, "shuffle": False},
    "ordering": {"answer": True},
    "labelling": {"markers": True, "answer": True, "options": True, "shuffle": False},
}
_WHAT_IS_RIGHT = {
    "lesson": 'the lesson id, the same as the file name without .toml, like "00-start-here"',
    "title": 'the lesson title learners see, like "Start Here"',
    "question": "one [[question]] table per question",
    "id": 'a short name of lowercase letters, digits and hyphens, like "run-a-cell"; '
    "never change it once learners have answered",
    "type": "one of " + ", ".join(f'"{name}"' for name in QUESTION_TYPES),
    "prompt": "the question as learners read it",
    "explanation": "why the answer is right, shown after every check",
    "source": 'where the fact comes from: a FACTS.md id like "FACTS A13", a named reference, '
    'or "Course guide" for how the course works',
    "figure": 'a picture file name in figures/, like "limb-standing.png"',
    "options": 'the choices, like ["hip", "knee", "ankle"]',
    "feedback": "a table from an option to what to tell a learner who picks it, like "
    '{ "Ctrl+S" = "That saves the notebook." }',
    "shuffle": "true or false: whether the options may be shown in a shuffled order",
    "tolerance": "how far from the answer still counts as right, a number of 0 or more",
    "unit": 'the unit of the answer, like "cm" (or "" for a plain number)',
    "min": "the smallest number a learner may type, like 0",
    "max": "the largest number a learner may type, like 250",
    "markers": 'what each numbered marker is, like ["Marker 1: the top circle", ...]',
}
_ANSWER_IS_RIGHT = {
    "single": "the correct option, copied exactly from options",
    "multiple": "a list of the correct options, copied exactly from options",
    "true-false": "true or false (without quotes)",
    "numeric": "the correct number, like 49.9",
    "matching": 'a table from each item to its match, like { L4 = "knee jerk", S1 = "ankle jerk" }',
    "ordering": 'the items in their correct order, like ["hip", "knee", "ankle"]',
    "labelling": "a list with the correct name for each marker, in marker order",
}


def _describe(value: object) -> str:
    """Say what kind of TOML value a clinician wrote, for an error message."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {json.dumps(value, ensure_ascii=False)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


def _quoted(items: Iterable[str]) -> str:
    return ", ".join(json.dumps(item, ensure_ascii=False) for item in items)


class _Reader:
    """Read the fields of one TOML table, failing with a DataFileError that names them."""

    def __init__(self, file: str, entry: str | None, raw: Mapping[str, object]) -> None:
        self.file, self.entry, self.raw = file, entry, raw

    def fail(self, field: str | None, problem: str) -> NoReturn:
        raise DataFileError(self.file, self.entry, field, problem)

    def check_keys(self, fields: Mapping[str, bool], kind: str) -> None:
        """Refuse unknown keys (suggesting the nearest known one), then missing required keys."""
        for key in self.raw:
            if key not in fields:
                near = difflib.get_close_matches(key, list(fields), n=1)
                hint = f' (did you mean "{near[0]}"?)' if near else ""
                self.fail(
                    key, f"is not a field of {kind}{hint}; the fields are: {', '.join(fields)}"
                )
        for key, required in fields.items():
            if required and key not in self.raw:
                what = _WHAT_IS_RIGHT.get(key, "")
                self.fail(key, f"is missing; {kind} needs it: {what}")

    def _wrong(self, field: str, expected: str) -> NoReturn:
        self.fail(field, f"should be {expected}, not {_describe(self.raw[field])}")

    def text(self, field: str, *, blank: bool = False) -> str:
        value = self.raw[field]
        if not isinstance(value, str):
            self._wrong(field, 'text in quotes, like "hip"')
        if not blank and not value.strip():
            self.fail(field, f"is empty; write {_WHAT_IS_RIGHT.get(field, 'some text')}")
        return value.strip()

    def number(self, field: str) -> float | None:
        if field not in self.raw:
            return None
        value = self.raw[field]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._wrong(field, "a number without quotes or units, like 49.9")
        if not math.isfinite(value):
            self.fail(field, f"is {value}; write an ordinary number, like 49.9")
        return float(value)

    def flag(self, field: str, default: bool) -> bool:
        if field not in self.raw:
            return default
        if not isinstance(self.raw[field], bool):
            self._wrong(field, "true or false, without quotes")
        return self.raw[field]  # type: ignore[return-value]

    def texts(self, field: str, *, minimum: int = 1, unique: bool = True) -> tuple[str, ...]:
        value = self.raw[field]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self._wrong(field, 'a list of texts in quotes, like ["hip", "knee"]')
        items = tuple(item.strip() for item in value)
        if any(not item for item in items):
            self.fail(field, "has an empty text; remove it or fill it in")
        if len(items) < minimum:
            self.fail(field, f"has {len(items)} item(s); it needs at least {minimum}")
        if unique:
            repeated = sorted({item for item in items if items.count(item) > 1})
            if repeated:
                self.fail(field, f"lists {_quoted(repeated)} more than once; list each item once")
        return items

    def table(self, field: str) -> dict[str, str]:
        value = self.raw[field]
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            self._wrong(field, _WHAT_IS_RIGHT.get(field) or _ANSWER_IS_RIGHT["matching"])
        table = {key.strip(): text.strip() for key, text in value.items()}
        if any(not key or not text for key, text in table.items()):
            self.fail(field, "has an empty name or text; fill it in or remove it")
        return table

    def among(self, field: str, chosen: Iterable[str], allowed: Sequence[str], within: str) -> None:
        """Fail unless every chosen item is one of ``allowed`` (the field named ``within``)."""
        for item in chosen:
            if item not in allowed:
                near = difflib.get_close_matches(item, allowed, n=1)
                hint = f' (did you mean "{near[0]}"?)' if near else ""
                self.fail(
                    field,
                    f"{json.dumps(item, ensure_ascii=False)} is not one of the {within}{hint}; "
                    f"copy it exactly from {within}: {_quoted(allowed)}",
                )

    # ------------------------------------------------------------------ the bank and its questions

    def bank(self, path: Path) -> Bank:
        self.check_keys(_BANK_FIELDS, "a question bank")
        lesson = self.text("lesson")
        if path.suffix == ".toml" and lesson != path.stem:
            self.fail("lesson", f'is "{lesson}" but the file is {path.name}; make them the same')
        title = self.text("title")
        entries = self.raw["question"]
        if not isinstance(entries, list) or not entries:
            self.fail("question", "should be one or more [[question]] tables")
        questions: list[Question] = []
        first_seen: dict[str, int] = {}
        for number, entry in enumerate(entries, start=1):
            if not isinstance(entry, dict):
                self.fail("question", f"entry {number} should be a [[question]] table")
            question = _Reader(self.file, self._entry_name(entry, number), entry).question()
            if question.id in first_seen:
                raise DataFileError(
                    self.file,
                    question.id,
                    "id",
                    f"is used by questions {first_seen[question.id]} and {number}; "
                    "give each question its own id",
                )
            first_seen[question.id] = number
            questions.append(question)
        return Bank(lesson=lesson, title=title, questions=tuple(questions), path=path)

    @staticmethod
    def _entry_name(entry: Mapping[str, object], number: int) -> str:
        given = entry.get("id")
        return given if isinstance(given, str) and _ID.fullmatch(given) else f"question {number}"

    def question(self) -> Question:
        if "id" not in self.raw:
            self.fail("id", f"is missing; every question needs {_WHAT_IS_RIGHT['id']}")
        question_id = self.text("id")
        if not _ID.fullmatch(question_id):
            self.fail("id", f'is "{question_id}"; write {_WHAT_IS_RIGHT["id"]}')
        if "type" not in self.raw:
            self.fail("type", f"is missing; write {_WHAT_IS_RIGHT['type']}")
        kind = self.text("type")
        if kind not in _TYPE_FIELDS:
            self.fail(
                "type", f'is "{kind}", which is not a question type; use {_WHAT_IS_RIGHT["type"]}'
            )
        self.check_keys({**_COMMON_FIELDS, **_TYPE_FIELDS[kind]}, f"a {kind} question")
        source = self.text("source")
        if _FACTS_CITATION.search(source):
            self.fail(
                "source",
                f'cites FACTS without an id; write the id, like "FACTS A13" or "FACTS section G", not "{source}"',
            )
        figure = self.text("figure") if "figure" in self.raw else None
        if figure is not None and not _FIGURE.fullmatch(figure):
            self.fail("figure", f'is "{figure}"; write {_WHAT_IS_RIGHT["figure"]} (no folders)')
        common = dict(
            id=question_id,
            type=kind,
            prompt=self.text("prompt"),
            explanation=self.text("explanation"),
            source=source,
            figure=figure,
        )
        if kind in ("single", "multiple"):
            specific = self._choice(kind)
        else:
            specific = getattr(self, "_" + kind.replace("-", "_"))()
        return Question(**common, **specific)

    def _answer_type(self, kind: str, ok: bool) -> None:
        if not ok:
            self._wrong("answer", _ANSWER_IS_RIGHT[kind])

    def _choice_feedback(self, options: Sequence[str]) -> tuple[tuple[str, str], ...]:
        if "feedback" not in self.raw:
            return ()
        feedback = self.table("feedback")
        self.among("feedback", feedback, options, "options")
        return tuple(feedback.items())

    def _choice(self, kind: str) -> dict:
        """Read a single (one answer) or multiple (a list of answers) choice question."""
        options = self.texts("options", minimum=2)
        many = kind == "multiple"
        self._answer_type(kind, isinstance(self.raw["answer"], list if many else str))
        answer = self.texts("answer") if many else self.text("answer")
        self.among("answer", answer if many else [answer], options, "options")
        return dict(
            answer=answer,
            options=options,
            feedback=self._choice_feedback(options),
            shuffle=self.flag("shuffle", True),
        )

    def _true_false(self) -> dict:
        self._answer_type("true-false", isinstance(self.raw["answer"], bool))
        feedback = self._choice_feedback(["true", "false"])
        return dict(
            answer=self.raw["answer"], options=("True", "False"), feedback=feedback, shuffle=False
        )

    def _numeric(self) -> dict:
        answer = self.number("answer")
        tolerance = self.number("tolerance")
        if tolerance < 0:
            self.fail("tolerance", f"is {tolerance:g}; a tolerance must be 0 or more")
        low, high = self.number("min"), self.number("max")
        if low is not None and high is not None and low >= high:
            self.fail("max", f"is {high:g}, not more than min ({low:g}); make max larger than min")
        if (low is not None and answer < low) or (high is not None and answer > high):
            self.fail(
                "answer",
                f"is {answer:g}, outside min to max; the answer must be a number learners may type",
            )
        return dict(
            answer=answer,
            tolerance=tolerance,
            unit=self.text("unit", blank=True),
            low=low,
            high=high,
        )

    def _matching(self) -> dict:
        self._answer_type("matching", isinstance(self.raw["answer"], dict))
        pairs = self.table("answer")
        if len(pairs) < 2:
            self.fail("answer", f"has {len(pairs)} pair(s); a matching question needs at least 2")
        matches = tuple(pairs.values())
        options = (
            self.texts("options", minimum=2)
            if "options" in self.raw
            else tuple(dict.fromkeys(matches))
        )
        self.among("answer", matches, options, "options")
        if len(options) < 2:
            self.fail("answer", "matches every item to the same thing; add options to choose from")
        return dict(
            answer=matches, slots=tuple(pairs), options=options, shuffle=self.flag("shuffle", True)
        )

    def _ordering(self) -> dict:
        self._answer_type("ordering", isinstance(self.raw["answer"], list))
        answer = self.texts("answer", minimum=2)
        slots = tuple(f"Position {n}" for n in range(1, len(answer) + 1))
        return dict(answer=answer, slots=slots, options=answer)

    def _labelling(self) -> dict:
        markers = self.texts("markers", minimum=2)
        options = self.texts("options", minimum=2)
        self._answer_type("labelling", isinstance(self.raw["answer"], list))
        answer = self.texts("answer", unique=False)
        if len(answer) != len(markers):
            self.fail(
                "answer",
                f"names {len(answer)} marker(s) but there are {len(markers)} markers; "
                "give one name per marker, in marker order",
            )
        self.among("answer", answer, options, "options")
        return dict(
            answer=answer, slots=markers, options=options, shuffle=self.flag("shuffle", True)
        )


# --------------------------------------------------------------------------- answering

_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _echo(text: str, limit: int = 24) -> str:
    """Quote what a learner typed, shortened, for a message (the widget escapes it)."""
    text = text.strip()
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


def parse_number(text: str, unit: str = "") -> float:
    """Read a number a learner typed, or say kindly why it is not one.

    Accepts a decimal comma, a typographic minus sign, spaces around the number
    and the question's unit after it; refuses words, ``nan``, infinities and
    numbers too large to mean anything (no ``eval``).

    >>> parse_number("1,5"), parse_number(" −2.5 cm ", unit="cm"), parse_number("4e1")
    (1.5, -2.5, 40.0)
    >>> parse_number("abc")
    Traceback (most recent call last):
    ...
    lessons.core.errors.CourseError: “abc” is not a number. Type digits, like 12.5 (or 12,5).
    """
    cleaned = text.strip().replace("\u2212", "-")
    if unit and cleaned.lower().endswith(unit.lower()):
        cleaned = cleaned[: -len(unit)].strip()
    if not cleaned:
        raise CourseError("Type your answer as a number first, like 12.5.")
    if "," in cleaned:
        if "." in cleaned or cleaned.count(",") > 1:
            raise CourseError(
                f"{_echo(text)} has more than one decimal mark. Type one number without "
                "thousands separators, like 1500.5 or 1500,5."
            )
        cleaned = cleaned.replace(",", ".")
    if not _NUMBER.fullmatch(cleaned):
        raise CourseError(f"{_echo(text)} is not a number. Type digits, like 12.5 (or 12,5).")
    value = float(cleaned)
    if not math.isfinite(value):
        raise CourseError(
            f"{_echo(text)} is too large to be an answer here. Type an ordinary number."
        )
    return value


def _number_text(value: float, unit: str) -> str:
    return f"{value:g} {unit}".strip()


def format_answer(question: Question, response: object) -> str:
    """Write an answer (a learner's or the bank's) as one line of plain text.

    >>> order = load_bank("00-start-here").question("pelvis-to-foot")
    >>> format_answer(order, order.answer)
    'hip → thigh → knee → shank (lower leg) → ankle → foot'
    """
    kind = question.type
    if kind == "single":
        return str(response)
    if kind == "multiple":
        chosen = set(response)  # type: ignore[call-overload]
        return "; ".join(option for option in question.options if option in chosen)
    if kind == "true-false":
        return "True" if response else "False"
    if kind == "numeric":
        return _number_text(float(response), question.unit)  # type: ignore[arg-type]
    picks = ["(none)" if pick is None else str(pick) for pick in response]  # type: ignore[union-attr]
    if kind == "ordering":
        return " → ".join(picks)
    return "; ".join(f"{slot} → {pick}" for slot, pick in zip(question.slots, picks, strict=True))


def correct_answer_text(question: Question) -> str:
    """Write the correct answer for an answer key, with the accepted range of a number.

    >>> correct_answer_text(load_bank("00-start-here").question("run-a-cell"))
    'Shift+Enter'
    """
    text = format_answer(question, question.answer)
    if question.type == "numeric" and question.tolerance > 0:
        low = question.answer - question.tolerance  # type: ignore[operator]
        high = question.answer + question.tolerance  # type: ignore[operator]
        text += f" (accepted: {low:g} to {_number_text(high, question.unit)})"
    return text


def _grade_single(question: Question, response: object) -> tuple[bool, str]:
    if response is None or response == "":
        raise CourseError("Choose one of the answers first, then press Check.")
    if response not in question.options:
        raise CourseError(f"{_echo(str(response))} is not one of the answers to choose from.")
    return response == question.answer, question.feedback_for(str(response))


def _grade_multiple(question: Question, response: object) -> tuple[bool, str]:
    chosen = set(response)  # type: ignore[call-overload]
    if not chosen:
        raise CourseError("Tick at least one box first, then press Check.")
    unknown = chosen - set(question.options)
    if unknown:
        raise CourseError(
            f"{_echo(str(sorted(unknown)[0]))} is not one of the answers to choose from."
        )
    right = set(question.answer)  # type: ignore[arg-type]
    if chosen == right:
        return True, ""
    wrong = [option for option in question.options if option in chosen - right]
    extra = (
        f" and {len(wrong)} that {'does' if len(wrong) == 1 else 'do'} not belong" if wrong else ""
    )
    notes = [f"You ticked {len(chosen & right)} of the {len(right)} right answers{extra}."]
    notes += [question.feedback_for(option) for option in wrong if question.feedback_for(option)]
    return False, " ".join(notes)


def _grade_true_false(question: Question, response: object) -> tuple[bool, str]:
    if not isinstance(response, bool):
        raise CourseError("Choose True or False first, then press Check.")
    return response == question.answer, question.feedback_for(str(response).lower())


def _grade_numeric(question: Question, response: object) -> tuple[bool, str]:
    value = float(response)  # type: ignore[arg-type]
    shown = _number_text(value, question.unit)
    low, high = question.low, question.high
    side, limit = "", None
    if low is not None and value < low:
        side, limit = "below the smallest", low
    elif high is not None and value > high:
        side, limit = "above the largest", high
    if limit is not None:
        raise CourseError(
            f"{shown} is {side} answer this question accepts "
            f"({_number_text(limit, question.unit)}). Check the units and try again."
        )
    answer = float(question.answer)  # type: ignore[arg-type]
    off = value - answer
    if abs(off) <= question.tolerance + 1e-9 * max(1.0, abs(answer)):
        return True, ""
    return False, f"{shown} is too {'high' if off > 0 else 'low'}."


def _grade_slots(question: Question, response: object) -> tuple[bool, str]:
    picks = list(response)  # type: ignore[call-overload]
    if len(picks) != len(question.slots):
        raise CourseError(f"Give {len(question.slots)} answers, one for each line.")
    empty = sum(pick is None or pick == "" for pick in picks)
    if empty:
        raise CourseError(
            f"Choose an answer on every line first: {empty} of {len(picks)} still empty."
        )
    if question.type == "ordering":
        twice = sorted({pick for pick in picks if picks.count(pick) > 1})
        if twice:
            raise CourseError(
                f"{_echo(twice[0])} is chosen more than once; each item goes in one place only."
            )
    right = sum(pick == answer for pick, answer in zip(picks, question.answer, strict=True))  # type: ignore[arg-type]
    if right == len(picks):
        return True, ""
    where = "in the right place" if question.type == "ordering" else "right"
    return False, f"{right} of {len(picks)} are {where}."


_GRADERS = {
    "single": _grade_single,
    "multiple": _grade_multiple,
    "true-false": _grade_true_false,
    "numeric": _grade_numeric,
    **{kind: _grade_slots for kind in _SLOT_TYPES},
}


def grade(question: Question, response: object) -> Grade:
    """Grade one answer to a question.

    Args:
        question: a question from a loaded bank.
        response: what the learner gave, by type: the chosen option (single), the
            ticked options (multiple), ``True``/``False`` (true-false), the typed
            text or a number (numeric), or one choice per slot, in slot order
            (matching, ordering, labelling; ``None`` for a slot left empty).

    Returns:
        A :class:`Grade`. Its ``detail`` is the bank's feedback for the chosen
        option, or what is still wrong ("2 of 6 are in the right place.").

    Raises:
        CourseError: with a friendly message when the answer cannot be graded
            (nothing chosen, text in a number field, a number out of range);
            such an answer is not an attempt.

    >>> tf = load_bank("00-start-here").question("teaches-not-diagnoses")
    >>> grade(tf, False).correct, grade(tf, True).correct
    (True, False)
    """
    if question.type == "numeric":
        response = parse_number(response, question.unit) if isinstance(response, str) else response
        if not isinstance(response, (int, float)) or not math.isfinite(response):
            raise CourseError("Type an ordinary number, like 12.5.")
    correct, detail = _GRADERS[question.type](question, response)
    return Grade(correct=correct, detail=detail, answer=format_answer(question, response))


def option_order(question: Question, lesson: str, seed: object = None) -> tuple[str, ...]:
    """Return the question's options in the order to show them: shuffled, but the same every run.

    The shuffle is seeded by the lesson and question ids (and ``seed``, if given),
    so a notebook shows the same order on every run and validates under nbval.
    An ordering question is never shown already in its correct order.

    >>> q = load_bank("00-start-here").question("pelvis-to-foot")
    >>> option_order(q, "00-start-here") == option_order(q, "00-start-here")
    True
    >>> option_order(q, "00-start-here") == q.answer
    False
    """
    options = list(question.options)
    if not question.shuffle:
        return tuple(options)
    key = f"{lesson}/{question.id}" if seed is None else f"{seed}/{lesson}/{question.id}"
    random.Random(key).shuffle(options)
    if question.type == "ordering" and tuple(options) == question.answer:
        options = options[1:] + options[:1]
    return tuple(options)


# --------------------------------------------------------------------------- for teachers


def answer_sheet(lesson_id: str) -> str:
    """Write a printable answer sheet (Markdown) for a lesson: questions, answers, why, sources.

    >>> print(answer_sheet("00-start-here").splitlines()[0])
    # Answer sheet: Start Here
    """
    bank = load_bank(lesson_id)
    lines = [
        f"# Answer sheet: {bank.title}",
        "",
        f"Lesson {bank.lesson}, {len(bank.questions)} questions. "
        "For teachers: the correct answers, why they are right, and where each fact comes from.",
    ]
    for number, question in enumerate(bank.questions, start=1):
        lines += [
            "",
            f"## {number}. {question.prompt}",
            "",
            f"*{QUESTION_TYPES[question.type]}*",
            "",
        ]
        if question.type in ("single", "multiple", "labelling", "matching"):
            lines += [f"Options: {' · '.join(question.options)}", ""]
        if question.type == "multiple":
            lines += ["Answer:", *[f"- {option}" for option in question.answer]]
        elif question.type in ("matching", "labelling"):
            lines += [
                "Answer:",
                *[
                    f"- {slot} → {pick}"
                    for slot, pick in zip(question.slots, question.answer, strict=True)
                ],
            ]
        else:
            lines.append(f"Answer: {correct_answer_text(question)}")
        lines += ["", f"Why: {question.explanation}", "", f"Source: {question.source}"]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line: ``answer-sheet LESSON`` or ``validate [FILE ...]``.

    >>> main(["validate"])  # doctest: +ELLIPSIS
    ok: 00-start-here (... questions)
    0
    """
    parser = argparse.ArgumentParser(
        prog="python -m lessons.quizzes.bank", description=__doc__.splitlines()[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    sheet = commands.add_parser("answer-sheet", help="print a lesson's answer sheet (Markdown)")
    sheet.add_argument("lesson", help="the lesson id, like 00-start-here")
    check = commands.add_parser("validate", help="check question banks; exit 1 at any problem")
    check.add_argument(
        "files", nargs="*", type=Path, help="bank files (default: every shipped bank)"
    )
    args = parser.parse_args(argv)

    if args.command == "answer-sheet":
        try:
            print(answer_sheet(args.lesson), end="")
        except DataFileError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        return 0
    failed = 0
    for path in args.files or [BANK_DIR / f"{lesson}.toml" for lesson in lesson_ids()]:
        try:
            bank = read_bank(path)
        except DataFileError as error:
            print(f"error: {error}", file=sys.stderr)
            failed += 1
        else:
            count = len(bank.questions)
            print(f"ok: {bank.lesson} ({count} question{'' if count == 1 else 's'})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
