"""Choose the course review's questions and write the learner's certificate, from saved answers.

The review draws questions from every lesson's bank (whatever banks exist),
at least one per lesson, weighted toward the questions the learner got wrong:
a question whose last answer was wrong counts six times, one that was right
only after a wrong try three times, one not tried yet twice, one right first
time once. Questions answered with a lesson's live widget (those whose bank
entry names it in an ``explorer`` field) stay in their lesson, where the widget is. The draw is
seeded, so it is the same every time for the same saved answers, and fixed
when nothing is saved yet.

The certificate sums up the scores per lesson from the progress store, as
plain text or escaped HTML, and says so honestly when there is nothing yet.

This module is pure: it knows nothing of widgets.

>>> picks = draw_review(load_banks().banks, [])
>>> len({pick.lesson for pick in picks}) == len(load_banks().banks)
True
>>> picks == draw_review(load_banks().banks, [])
True
"""

from __future__ import annotations

import html
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lessons.quizzes.bank import Bank, Banks, Question, load_banks
from lessons.quizzes.progress import Attempt, ProgressReport

__all__ = [
    "COURSE_TITLE",
    "REVIEW_SIZE",
    "WEIGHTS",
    "Banks",
    "Pick",
    "certificate_html",
    "certificate_text",
    "draw_review",
    "load_banks",
    "needs_its_lesson",
    "review_banks",
]

COURSE_TITLE = "The knee–hip kinetic chain and sciatica: an interactive course"
#: How many questions a review asks (at least one per lesson, even if there are more lessons).
REVIEW_SIZE = 12
#: How much more likely a question is to be drawn, by how the learner last did on it.
WEIGHTS: dict[str, float] = {
    "last answer wrong": 6.0,
    "right only after a wrong try": 3.0,
    "not tried yet": 2.0,
    "right the first time": 1.0,
}
_SEED = "course-review"


@dataclass(frozen=True)
class Pick:
    """One question drawn for the review: where it comes from, and why it was likely to be drawn."""

    lesson: str
    title: str
    question: Question
    why: str


def needs_its_lesson(question: Question) -> bool:
    """Say whether a question is answered with a lesson's live widget (so it stays there).

    The bank says so in the question's ``explorer`` field; the words of the
    prompt do not matter.

    >>> from lessons.quizzes.bank import load_bank
    >>> needs_its_lesson(load_bank("00-start-here").question("knee-height"))
    True
    >>> needs_its_lesson(load_bank("00-start-here").question("run-a-cell"))
    False
    """
    return question.explorer is not None


def _standing(results: Sequence[bool]) -> str:
    if not results:
        return "not tried yet"
    if not results[-1]:
        return "last answer wrong"
    return "right the first time" if results[0] else "right only after a wrong try"


def _weighted_pick(rng: random.Random, pool: list[Pick]) -> Pick:
    """Draw one pick, each as likely as its weight (the Efraimidis-Spirakis key)."""
    return max(pool, key=lambda pick: rng.random() ** (1.0 / WEIGHTS[pick.why]))


def draw_review(
    banks: Sequence[Bank], attempts: Iterable[Attempt], *, size: int = REVIEW_SIZE
) -> tuple[Pick, ...]:
    """Draw the review's questions: one from each lesson first, then the rest, wrong ones favoured.

    Args:
        banks: the lessons' question banks (see :func:`load_banks`).
        attempts: the learner's saved answers (``ProgressStore.attempts()``).
        size: how many questions; raised to the number of lessons if smaller.

    Returns:
        The picks in lesson order and, within a lesson, most wanted first (then
        bank order). The same answers and banks always give the same picks.
    """
    results: dict[tuple[str, str], list[bool]] = {}
    attempts = list(attempts)
    for attempt in attempts:
        results.setdefault((attempt.lesson, attempt.question_id), []).append(attempt.correct)
    rng = random.Random(f"{_SEED}/{len(attempts)}")
    pools = [
        [
            Pick(bank.lesson, bank.title, q, _standing(results.get((bank.lesson, q.id), [])))
            for q in bank.questions
            if not needs_its_lesson(q)
        ]
        for bank in banks
    ]
    pools = [pool for pool in pools if pool]
    chosen: list[Pick] = []
    for pool in pools:  # at least one from every lesson
        chosen.append(_weighted_pick(rng, pool))
    rest = [pick for pool in pools for pick in pool if pick not in chosen]
    while rest and len(chosen) < size:
        pick = _weighted_pick(rng, rest)
        chosen.append(pick)
        rest.remove(pick)
    lesson_order = {bank.lesson: number for number, bank in enumerate(banks)}
    bank_order = {
        (p.lesson, p.question.id): n for n, p in enumerate(p for pool in pools for p in pool)
    }
    chosen.sort(
        key=lambda p: (
            lesson_order[p.lesson],
            -WEIGHTS[p.why],
            bank_order[(p.lesson, p.question.id)],
        )
    )
    return tuple(chosen)


def review_banks(picks: Sequence[Pick], banks: Sequence[Bank]) -> list[Bank]:
    """Group the picks into one small bank per lesson, so answers are saved under their lesson.

    >>> banks = load_banks().banks
    >>> [b.title for b in review_banks(draw_review(banks, []), banks)][0]
    'Start Here (course review)'
    """
    by_lesson = {bank.lesson: bank for bank in banks}
    grouped: dict[str, list[Question]] = {}
    for pick in picks:
        grouped.setdefault(pick.lesson, []).append(pick.question)
    return [
        Bank(
            lesson=lesson,
            title=f"{by_lesson[lesson].title} (course review)",
            questions=tuple(questions),
            path=by_lesson[lesson].path,
        )
        for lesson, questions in grouped.items()
    ]


# --------------------------------------------------------------------------- the certificate

_NOTHING_YET = (
    "No quiz answers are saved on this computer yet, so there is nothing to certify. "
    "Answer the lessons' self-check quizzes and the course review, then press Refresh."
)
_NOT_A_QUALIFICATION = (
    "This is a record of self-check quiz scores saved on this computer, not a qualification. "
    "The course teaches anatomy and mechanics; it does not diagnose or prescribe."
)


def _certificate_lines(report: ProgressReport, name: str) -> list[str]:
    who = " ".join(name.split()) or "________________________"
    lines = [
        "Certificate of progress",
        COURSE_TITLE,
        f"Learner: {who}",
        "Date: ________________",
    ]
    lines += [f"⚠ {warning}" for warning in report.warnings]
    if report.empty:
        return lines + [_NOTHING_YET, _NOT_A_QUALIFICATION]
    lines.append(
        "Scores in each lesson's self-check quiz (the review's answers count in their lesson):"
    )
    total = right = complete = 0
    for score in report.lessons:
        total += score.questions
        right += score.right_now
        complete += score.right_now == score.questions
        if not score.tried:
            lines.append(f"- {score.title}: not started ({score.questions} questions).")
            continue
        lines.append(
            f"- {score.title}: {score.right_now} of {score.questions} right now, "
            f"{score.first_try} right on the first try"
            + (
                f", {score.questions - score.tried} not tried yet."
                if score.tried < score.questions
                else "."
            )
        )
    lessons = len(report.lessons)
    lines.append(
        f"In all: {right} of {total} questions right now; "
        f"{complete} of {lessons} lesson quizzes with every question right."
    )
    return lines + [_NOT_A_QUALIFICATION]


def certificate_text(report: ProgressReport, name: str = "") -> str:
    """Write the certificate as plain text, for printing or pasting.

    Args:
        report: the learner's scores, from :func:`lessons.quizzes.progress.progress_report`.
        name: the learner's name as they typed it (blank leaves a line to write on).

    >>> from lessons.quizzes.progress import ProgressStore, progress_report
    >>> print(certificate_text(progress_report(ProgressStore(":memory:"))))  # doctest: +ELLIPSIS
    Certificate of progress
    The knee–hip kinetic chain and sciatica: an interactive course
    Learner: ________________________
    Date: ________________
    No quiz answers are saved on this computer yet, so there is nothing to certify. ...
    This is a record of self-check quiz scores saved on this computer, not a qualification. ...
    """
    return "\n".join(_certificate_lines(report, name))


def certificate_html(report: ProgressReport, name: str = "") -> str:
    """Write the certificate as HTML for the notebook or a printout; every text is escaped.

    >>> from lessons.quizzes.progress import ProgressStore, progress_report
    >>> "&lt;b&gt;" in certificate_html(progress_report(ProgressStore(":memory:")), "<b>")
    True
    """
    title, course, *rest = _certificate_lines(report, name)
    items = [line for line in rest if line.startswith("- ")]
    body = []
    for line in rest:
        if line.startswith("- "):
            if line is items[0]:
                body.append(
                    "<ul>" + "".join(f"<li>{html.escape(i[2:])}</li>" for i in items) + "</ul>"
                )
            continue
        body.append(f"<p>{html.escape(line)}</p>")
    return (
        '<div class="course-certificate" style="border:3px double #000;padding:1em 1.5em;'
        'max-width:46em;color:#000;background:#fff">'
        f'<h2 style="margin:0 0 0.2em 0">{html.escape(title)}</h2>'
        f"<p><i>{html.escape(course)}</i></p>{''.join(body)}</div>"
    )
