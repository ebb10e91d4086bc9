"""Check a question bank's TOML into frozen :class:`Question` objects, with the shared checks.

A bank's top level and each question type's fields are declared once, as the
types of frozen dataclasses (:class:`_BankFile`, and :class:`_Single` …
:class:`_Labelling` on a common :class:`_Common`), and validated by
:func:`lessons.core.validation.build`, as every other data file of the course
is. The rules that tie one field to another (an answer copied from the
options, the markers named once each, min below max, ids used once) are
plain checks after it. Loading stops at the first problem with a
:class:`~lessons.core.errors.DataFileError` that names the file, the question
(by its id) and the field, and says what would be right; a misspelt field,
type, option or widget gets a "did you mean".

>>> from pathlib import Path
>>> raw = {"lesson": "x", "title": "X", "question": [{"id": "q", "type": "true-false",
...        "prompt": "P?", "answer": "yes", "explanation": "E.", "source": "Course guide"}]}
>>> bank_from_toml(Path("x.toml"), raw)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
lessons.core.errors.DataFileError: x.toml, entry 'q', field 'answer': should be true or false...
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, NoReturn, get_args, get_type_hints

from pydantic import AfterValidator, ConfigDict, Field, Strict, StringConstraints

from lessons.core.errors import DataFileError
from lessons.core.validation import ID, Id, Text, build, cites_facts_without_id, suggestion
from lessons.quizzes.question import QUESTION_TYPES, Bank, Question

__all__ = ["bank_from_toml"]


def bank_from_toml(path: Path, raw: Mapping[str, object]) -> Bank:
    """Check the parsed TOML of the bank file ``path`` and return it as a :class:`Bank`."""
    bank = build(_BankFile, raw, path.name, None, _WHAT_IS_RIGHT, where="of a question bank")
    if path.suffix == ".toml" and bank.lesson != path.stem:
        raise DataFileError(
            path.name,
            None,
            "lesson",
            f'is "{bank.lesson}" but the file is {path.name}; make them the same',
        )
    questions: list[Question] = []
    first_seen: dict[str, int] = {}
    for number, entry in enumerate(bank.question, start=1):
        question = _question(path.name, _entry_name(entry, number), entry)
        if question.id in first_seen:
            raise DataFileError(
                path.name,
                question.id,
                "id",
                f"is used by questions {first_seen[question.id]} and {number}; "
                "give each question its own id",
            )
        first_seen[question.id] = number
        questions.append(question)
    return Bank(lesson=bank.lesson, title=bank.title, questions=tuple(questions), path=path)


#: What a right value looks like, per field: said when a field is missing or of the wrong kind.
_WHAT_IS_RIGHT = {
    "lesson": 'the lesson id, the same as the file name without .toml, like "00-start-here"',
    "title": 'the lesson title learners see, like "Start Here"',
    "question": "one [[question]] table per question",
    "id": 'a short name of lowercase letters, digits and hyphens, like "run-a-cell"; '
    "never change it once learners have answered",
    "type": "one of " + ", ".join(f'"{name}"' for name in QUESTION_TYPES),
    "prompt": "the question as learners read it, in quotes",
    "explanation": "why the answer is right, shown after every check, in quotes",
    "source": 'where the fact comes from: a FACTS.md id like "FACTS A13", a named reference, '
    'or "Course guide" for how the course works',
    "figure": 'a picture file name in figures/, like "limb-standing.png"',
    "explorer": "text in quotes: the name of the lesson's live widget the question is answered "
    'with, like "hip_load_explorer" (one of the builders in lessons/__init__.py)',
    "options": 'the choices, a list of texts in quotes, like ["hip", "knee", "ankle"]',
    "feedback": "a table from an option to what to tell a learner who picks it, like "
    '{ "Ctrl+S" = "That saves the notebook." }',
    "shuffle": "true or false, without quotes: whether the options may be shown shuffled",
    "tolerance": "a number of 0 or more without quotes or units, like 1: how far from the "
    "answer still counts as right",
    "unit": 'the unit of the answer in quotes, like "cm" (or "" for a plain number)',
    "min": "a number without quotes or units, like 0: the smallest a learner may type",
    "max": "a number without quotes or units, like 250: the largest a learner may type",
    "markers": 'what each numbered marker is, like ["Marker 1: the top circle", ...]',
}
#: What a right ``answer`` looks like, per question type.
_ANSWER_IS_RIGHT = {
    "single": "the correct option, copied exactly from options",
    "multiple": "a list of the correct options, copied exactly from options",
    "true-false": "true or false (without quotes)",
    "numeric": "the correct number without quotes or units, like 49.9",
    "matching": 'a table from each item to its match, like { L4 = "knee jerk", S1 = "ankle jerk" }',
    "ordering": 'the items in their correct order, like ["hip", "knee", "ankle"]',
    "labelling": "a list with the correct name for each marker, in marker order",
}

_FIGURE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\.(?:png|svg|jpg|jpeg)")


# --------------------------------------------------------------------------- the field types


def _quoted(items: Iterable[str]) -> str:
    return ", ".join(json.dumps(item, ensure_ascii=False) for item in items)


def _once_each(items: tuple[str, ...]) -> tuple[str, ...]:
    repeated = sorted({item for item in items if items.count(item) > 1})
    if repeated:
        raise ValueError(f"lists {_quoted(repeated)} more than once; list each item once")
    return items


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError(f"is {value}; write an ordinary number, like 49.9")
    return float(value)


def _not_negative(value: float) -> float:
    if value < 0:
        raise ValueError(f"is {value:g}; a tolerance must be 0 or more")
    return value


def _source(value: str) -> str:
    if cites_facts_without_id(value):
        raise ValueError(
            'cites FACTS without an id; write the id, like "FACTS A13" or "FACTS section G", '
            f'not "{value}"'
        )
    return value


def _figure(value: str) -> str:
    if not _FIGURE.fullmatch(value):
        raise ValueError(f'is "{value}"; write {_WHAT_IS_RIGHT["figure"]} (no folders)')
    return value


def _explorer(value: str) -> str:
    """The builder a question is answered with: one of the names lessons/__init__.py exports."""
    from lessons import BUILDERS

    if value not in BUILDERS:
        raise ValueError(
            f'is "{value}", which is not a widget of the course{suggestion(value, BUILDERS)}; '
            f"write {_WHAT_IS_RIGHT['explorer']}"
        )
    return value


#: A number a clinician typed: no quotes, not true/false, not nan or inf.
Number = Annotated[float, Strict(), AfterValidator(_finite)]
#: Texts a learner chooses among: two or more, each once.
Choices = Annotated[tuple[Text, ...], Field(min_length=2), AfterValidator(_once_each)]
#: A table from a name (an option, an item) to a text.
Table = dict[Text, Text]
#: true or false, written without quotes.
Flag = Annotated[bool, Strict()]


@dataclass(frozen=True, kw_only=True)
class _BankFile:
    """The top level of a bank: its lesson, its title, and its questions (each checked below)."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    lesson: Text
    title: Text
    question: Annotated[tuple[dict[str, object], ...], Field(min_length=1)]


@dataclass(frozen=True, kw_only=True)
class _Common:
    """The fields every question has, whatever its type."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    id: Id
    type: str
    prompt: Text
    explanation: Text
    source: Annotated[Text, AfterValidator(_source)]
    figure: Annotated[Text, AfterValidator(_figure)] | None = None
    explorer: Annotated[Text, AfterValidator(_explorer)] | None = None

    def specific(self, fail: _Fail) -> dict:
        """The type's own fields as :class:`Question` arguments, after the cross-field checks."""
        raise NotImplementedError

    def question(self, fail: _Fail) -> Question:
        common = {field.name: getattr(self, field.name) for field in dataclasses.fields(_Common)}
        return Question(**common, **self.specific(fail))


_Fail = Callable[[str, str], NoReturn]


def _among(fail: _Fail, field: str, chosen: Iterable[str], allowed: Sequence[str], within: str):
    """Fail unless every chosen item is one of ``allowed`` (the field named ``within``)."""
    for item in chosen:
        if item not in allowed:
            fail(
                field,
                f"{json.dumps(item, ensure_ascii=False)} is not one of the {within}"
                f"{suggestion(item, allowed)}; copy it exactly from {within}: {_quoted(allowed)}",
            )


@dataclass(frozen=True, kw_only=True)
class _Single(_Common):
    type: Literal["single"]
    options: Choices
    answer: Text
    feedback: Table = dataclasses.field(default_factory=dict)
    shuffle: Flag = True

    def chosen(self) -> tuple[str, ...]:
        """The options the answer picks."""
        return (self.answer,)

    def specific(self, fail: _Fail) -> dict:
        _among(fail, "answer", self.chosen(), self.options, "options")
        _among(fail, "feedback", self.feedback, self.options, "options")
        return dict(
            answer=self.answer,
            options=self.options,
            feedback=tuple(self.feedback.items()),
            shuffle=self.shuffle,
        )


@dataclass(frozen=True, kw_only=True)
class _Multiple(_Single):
    type: Literal["multiple"]
    answer: Annotated[tuple[Text, ...], Field(min_length=1), AfterValidator(_once_each)]

    def chosen(self) -> tuple[str, ...]:
        return self.answer


@dataclass(frozen=True, kw_only=True)
class _TrueFalse(_Common):
    type: Literal["true-false"]
    answer: Flag
    feedback: Table = dataclasses.field(default_factory=dict)

    def specific(self, fail: _Fail) -> dict:
        _among(fail, "feedback", self.feedback, ["true", "false"], "answers")
        feedback = tuple(self.feedback.items())
        return dict(answer=self.answer, options=("True", "False"), feedback=feedback, shuffle=False)


@dataclass(frozen=True, kw_only=True)
class _Numeric(_Common):
    type: Literal["numeric"]
    answer: Number
    tolerance: Annotated[Number, AfterValidator(_not_negative)]
    unit: Annotated[str, Strict(), StringConstraints(strip_whitespace=True)]
    min: Number | None = None
    max: Number | None = None

    def specific(self, fail: _Fail) -> dict:
        low, high, answer = self.min, self.max, self.answer
        if low is not None and high is not None and low >= high:
            fail("max", f"is {high:g}, not more than min ({low:g}); make max larger than min")
        if (low is not None and answer < low) or (high is not None and answer > high):
            fail(
                "answer",
                f"is {answer:g}, outside min to max; the answer must be a number learners may type",
            )
        return dict(answer=answer, tolerance=self.tolerance, unit=self.unit, low=low, high=high)


@dataclass(frozen=True, kw_only=True)
class _Matching(_Common):
    type: Literal["matching"]
    answer: Annotated[Table, Field(min_length=2)]
    options: Choices | None = None
    shuffle: Flag = True

    def specific(self, fail: _Fail) -> dict:
        matches = tuple(self.answer.values())
        options = self.options or tuple(dict.fromkeys(matches))
        _among(fail, "answer", matches, options, "options")
        if len(options) < 2:
            fail("answer", "matches every item to the same thing; add options to choose from")
        return dict(answer=matches, slots=tuple(self.answer), options=options, shuffle=self.shuffle)


@dataclass(frozen=True, kw_only=True)
class _Ordering(_Common):
    type: Literal["ordering"]
    answer: Choices

    def specific(self, fail: _Fail) -> dict:
        slots = tuple(f"Position {n}" for n in range(1, len(self.answer) + 1))
        return dict(answer=self.answer, slots=slots, options=self.answer)


@dataclass(frozen=True, kw_only=True)
class _Labelling(_Common):
    type: Literal["labelling"]
    markers: Choices
    options: Choices
    answer: Annotated[tuple[Text, ...], Field(min_length=1)]
    shuffle: Flag = True

    def specific(self, fail: _Fail) -> dict:
        if len(self.answer) != len(self.markers):
            fail(
                "answer",
                f"names {len(self.answer)} marker(s) but there are {len(self.markers)} markers; "
                "give one name per marker, in marker order",
            )
        _among(fail, "answer", self.answer, self.options, "options")
        return dict(
            answer=self.answer, slots=self.markers, options=self.options, shuffle=self.shuffle
        )


#: Each question type's declaration, by the name its ``type`` field gives.
_TYPES: dict[str, type[_Common]] = {
    get_args(get_type_hints(kind)["type"])[0]: kind
    for kind in (_Single, _Multiple, _TrueFalse, _Numeric, _Matching, _Ordering, _Labelling)
}
assert tuple(_TYPES) == tuple(QUESTION_TYPES), "every question type is declared once"


# --------------------------------------------------------------------------- one question


def _entry_name(entry: Mapping[str, object], number: int) -> str:
    given = entry.get("id")
    return given if isinstance(given, str) and ID.fullmatch(given) else f"question {number}"


def _question(file: str, entry: str, raw: Mapping[str, object]) -> Question:
    """Check one [[question]] table: its type first, then that type's fields, then the rules."""

    def fail(field: str, problem: str) -> NoReturn:
        raise DataFileError(file, entry, field, problem)

    if "type" not in raw:
        fail("type", f"is missing; write {_WHAT_IS_RIGHT['type']}")
    kind = raw["type"]
    if not isinstance(kind, str) or kind.strip() not in _TYPES:
        near = suggestion(kind, _TYPES) if isinstance(kind, str) else ""
        fail(
            "type",
            f"is {json.dumps(kind, ensure_ascii=False)}, which is not a question type{near}; "
            f"use {_WHAT_IS_RIGHT['type']}",
        )
    kind = kind.strip()
    hints = {**_WHAT_IS_RIGHT, "answer": _ANSWER_IS_RIGHT[kind]}
    where = f"of a {kind} question"
    checked = build(_TYPES[kind], {**raw, "type": kind}, file, entry, hints, where=where)
    return checked.question(fail)
