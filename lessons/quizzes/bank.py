"""Load the self-check quizzes: one TOML question bank per lesson.

A bank is data under ``lessons/data/quiz/``, named like its notebook
(``00-start-here.toml``), so a clinician can fix a question without reading
Python; ``lessons/data/quiz/README.md`` describes every field. Loading checks
the whole file (:mod:`lessons.quizzes.bank_reader`) and stops at the first
problem with a :class:`~lessons.core.errors.DataFileError` that names the file,
the question and the field, and says what would be right.

The quiz package, by job: :mod:`~lessons.quizzes.question` (the frozen
objects), :mod:`~lessons.quizzes.bank_reader` (checking a bank),
this module (finding and loading banks), :mod:`~lessons.quizzes.grading`
(grading answers), :mod:`~lessons.quizzes.answer_sheet` (for teachers).
The names most callers want are importable from here too.

>>> bank = load_bank("00-start-here")
>>> knee = bank.question("knee-height")
>>> grade(knee, "49,9 cm").correct
True
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lessons.core.datafile import DATA_DIR, read_toml
from lessons.core.errors import CourseError, DataFileError
from lessons.quizzes.bank_reader import bank_from_toml
from lessons.quizzes.grading import (
    Grade,
    correct_answer_text,
    format_answer,
    grade,
    option_order,
    parse_number,
)
from lessons.quizzes.question import QUESTION_TYPES, Bank, Question

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
    return bank_from_toml(path, raw)


def answer_sheet(lesson_id: str) -> str:
    """A lesson's printable answer sheet (see :func:`lessons.quizzes.answer_sheet.answer_sheet`)."""
    from lessons.quizzes.answer_sheet import answer_sheet as sheet

    return sheet(lesson_id)


def main(argv: Sequence[str] | None = None) -> int:
    """The old command line, kept working: ``validate [FILE ...]`` or ``answer-sheet LESSON``.

    ``validate`` is the course's one data-file check (:mod:`lessons.core.validate`)
    limited to question banks.

    >>> main(["validate"])  # doctest: +ELLIPSIS
    ok: lessons/data/quiz/00-start-here.toml (... questions)
    ...
    0
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["answer-sheet"]:
        from lessons.quizzes.answer_sheet import main as sheet_main

        return sheet_main(args[1:])
    if args[:1] != ["validate"]:
        usage = "usage: python -m lessons.quizzes.bank validate [FILE ...] | answer-sheet LESSON"
        print(usage, file=sys.stderr)
        return 2
    from lessons.core.validate import check_files

    files = args[1:] or [str(BANK_DIR / f"{lesson}.toml") for lesson in lesson_ids()]
    return check_files([Path(file) for file in files], kind="quiz")


if __name__ == "__main__":
    sys.exit(main())
