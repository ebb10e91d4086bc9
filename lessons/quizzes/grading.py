"""Grade a learner's answer to a bank question, and write answers as text.

Pure: no widgets, no storage. Worked example: grade a typed answer to the
knee-height question (FACTS A13), with a decimal comma and the unit.

>>> from lessons.quizzes.bank import load_bank
>>> knee = load_bank("00-start-here").question("knee-height")
>>> result = grade(knee, "49,9 cm")
>>> result.correct, result.answer
(True, '49.9 cm')
>>> correct_answer_text(knee)
'49.9 cm (accepted: 48.9 to 50.9 cm)'
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass

from lessons.core.errors import CourseError
from lessons.quizzes.question import SLOT_TYPES, Question

__all__ = [
    "Grade",
    "correct_answer_text",
    "format_answer",
    "grade",
    "option_order",
    "parse_number",
]


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer: right or not, what to tell the learner, and the answer as text."""

    correct: bool
    detail: str
    answer: str


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

    >>> from lessons.quizzes.bank import load_bank

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

    >>> from lessons.quizzes.bank import load_bank

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
    **{kind: _grade_slots for kind in SLOT_TYPES},
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

    >>> from lessons.quizzes.bank import load_bank

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

    >>> from lessons.quizzes.bank import load_bank

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
