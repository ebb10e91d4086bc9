"""Check a question bank's TOML, field by field, into frozen :class:`Question` objects.

Loading stops at the first problem with a :class:`~lessons.core.errors.DataFileError`
that names the file, the question (by its id) and the field, and says what
would be right; a misspelt field or option gets a "did you mean". The id and
FACTS-citation rules are the course's shared ones (:mod:`lessons.core.validation`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NoReturn

from lessons.core.errors import DataFileError
from lessons.core.validation import ID, cites_facts_without_id, suggestion
from lessons.quizzes.question import QUESTION_TYPES, Bank, Question

__all__ = ["bank_from_toml"]


def bank_from_toml(path: Path, raw: Mapping[str, object]) -> Bank:
    """Check the parsed TOML of the bank file ``path`` and return it as a :class:`Bank`."""
    return _Reader(path.name, None, raw).bank(path)


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
    "explorer": False,
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
    "explorer": "the name of the lesson's live widget the question is answered with, like "
    '"hip_load_explorer" (one of the builders in lessons/__init__.py)',
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
                hint = suggestion(key, fields)
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
                hint = suggestion(item, allowed)
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
        return given if isinstance(given, str) and ID.fullmatch(given) else f"question {number}"

    def question(self) -> Question:
        if "id" not in self.raw:
            self.fail("id", f"is missing; every question needs {_WHAT_IS_RIGHT['id']}")
        question_id = self.text("id")
        if not ID.fullmatch(question_id):
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
        if cites_facts_without_id(source):
            self.fail(
                "source",
                f'cites FACTS without an id; write the id, like "FACTS A13" or "FACTS section G", not "{source}"',
            )
        figure = self.text("figure") if "figure" in self.raw else None
        if figure is not None and not _FIGURE.fullmatch(figure):
            self.fail("figure", f'is "{figure}"; write {_WHAT_IS_RIGHT["figure"]} (no folders)')
        explorer = self._explorer() if "explorer" in self.raw else None
        common = dict(
            id=question_id,
            type=kind,
            prompt=self.text("prompt"),
            explanation=self.text("explanation"),
            source=source,
            figure=figure,
            explorer=explorer,
        )
        if kind in ("single", "multiple"):
            specific = self._choice(kind)
        else:
            specific = getattr(self, "_" + kind.replace("-", "_"))()
        return Question(**common, **specific)

    def _explorer(self) -> str:
        """The builder a question is answered with: one of the names lessons/__init__.py exports."""
        from lessons import BUILDERS

        name = self.text("explorer")
        if name not in BUILDERS:
            self.fail(
                "explorer",
                f'is "{name}", which is not a widget of the course{suggestion(name, BUILDERS)}; '
                f"write {_WHAT_IS_RIGHT['explorer']}",
            )
        return name

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
