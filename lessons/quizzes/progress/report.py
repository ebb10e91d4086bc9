"""A learner's "my progress": each lesson's score and the questions to review."""

from __future__ import annotations

from dataclasses import dataclass

from lessons.quizzes.bank import load_banks
from lessons.quizzes.progress.store import ProgressStore, default_store


@dataclass(frozen=True)
class LessonScore:
    """How one lesson's quiz is going: questions, tried, right on the first try, right now."""

    lesson: str
    title: str
    questions: int
    tried: int
    first_try: int
    right_now: int


@dataclass(frozen=True)
class ReviewItem:
    """A question worth another look: its last answer was wrong, or it took more than one try."""

    lesson: str
    title: str
    question_id: str
    prompt: str
    tries: int
    last_correct: bool


@dataclass(frozen=True)
class ProgressReport:
    """Scores per lesson and the questions to review, wrongly answered first.

    ``message`` is the progress store's; ``problems`` has one line per question bank that
    could not be loaded (its lesson is left out, every other lesson is scored).
    """

    lessons: tuple[LessonScore, ...]
    review: tuple[ReviewItem, ...]
    message: str
    problems: tuple[str, ...] = ()

    @property
    def warnings(self) -> list[str]:
        """Everything a learner should be told before the scores: the store's, then the banks'."""
        return ([self.message] if self.message else []) + list(self.problems)

    @property
    def empty(self) -> bool:
        """True when no answer has been saved yet."""
        return not any(score.tried for score in self.lessons)


def progress_report(store: ProgressStore | None = None) -> ProgressReport:
    """Sum up a learner's attempts against the current question banks.

    Questions removed from a bank since they were answered are left out, and so is
    a lesson whose bank cannot be loaded (``problems`` says which, and why). The
    review list puts questions whose last answer was wrong first (most tries
    first), then those that were right only after a wrong first try.
    """
    store = default_store() if store is None else store
    by_question: dict[tuple[str, str], list[bool]] = {}
    for attempt in store.attempts():
        by_question.setdefault((attempt.lesson, attempt.question_id), []).append(attempt.correct)
    scores: list[LessonScore] = []
    review: list[tuple[int, int, ReviewItem]] = []
    loaded = load_banks()
    for bank in loaded.banks:
        lesson = bank.lesson
        tried = first = now = 0
        for question in bank.questions:
            results = by_question.get((lesson, question.id))
            if not results:
                continue
            tried += 1
            first += results[0]
            now += results[-1]
            if not results[0] or not results[-1]:
                item = ReviewItem(
                    lesson, bank.title, question.id, question.prompt, len(results), results[-1]
                )
                review.append((int(results[-1]), -len(results), item))
        scores.append(LessonScore(lesson, bank.title, len(bank.questions), tried, first, now))
    review.sort(key=lambda entry: entry[:2])  # stable: lesson and bank order within a group
    return ProgressReport(
        tuple(scores), tuple(item for *_, item in review), store.message, loaded.problems
    )


_NO_DATA = (
    "No answers saved yet.\nAnswer a lesson's self-check quiz, and your scores and what to review "
    "will appear here."
)


def progress_summary(store: ProgressStore | None = None) -> str:
    """Say in plain text how each lesson's quiz went and which questions to review.

    >>> print(progress_summary(ProgressStore(":memory:")))
    Your progress
    No answers saved yet.
    Answer a lesson's self-check quiz, and your scores and what to review will appear here.
    """
    report = progress_report(store)
    lines = ["Your progress"] + [f"⚠ {warning}" for warning in report.warnings]
    if report.empty:
        return "\n".join(lines + [_NO_DATA])
    for score in report.lessons:
        if not score.tried:
            lines.append(f"- {score.title}: not started yet ({score.questions} questions).")
            continue
        untried = score.questions - score.tried
        lines.append(
            f"- {score.title}: {score.first_try} of {score.questions} right on the first try, "
            f"{score.right_now} of {score.questions} right now"
            + (f", {untried} not tried yet." if untried else ".")
        )
    if not report.review:
        return "\n".join(
            lines + ["Nothing to review: every question you tried was right the first time."]
        )
    lines.append("To review (last answer wrong first):")
    for number, item in enumerate(report.review, start=1):
        state = "last answer wrong" if not item.last_correct else "right now, wrong at first"
        tries = f"{item.tries} {'try' if item.tries == 1 else 'tries'}"
        lines.append(f"{number}. {item.title}: {item.prompt} ({state}; {tries})")
    return "\n".join(lines)

