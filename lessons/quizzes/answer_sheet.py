"""A printable answer sheet for teachers: every question of a lesson's bank, answered and sourced.

``python -m lessons.quizzes.answer_sheet 00-start-here`` prints one (Markdown).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from lessons.core.errors import DataFileError
from lessons.quizzes.bank import load_bank
from lessons.quizzes.grading import correct_answer_text
from lessons.quizzes.question import QUESTION_TYPES

__all__ = ["answer_sheet", "main"]


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
    """Print a lesson's answer sheet; exit 1 (with the reason) if its bank does not load."""
    parser = argparse.ArgumentParser(
        prog="python -m lessons.quizzes.answer_sheet", description=__doc__.splitlines()[0]
    )
    parser.add_argument("lesson", help="the lesson id, like 00-start-here")
    args = parser.parse_args(argv)
    try:
        print(answer_sheet(args.lesson), end="")
    except DataFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
