"""Show a lesson's self-check quiz as widgets: Check, feedback in words, retries, a live score.

A notebook shows its quiz with one call, ``quiz("00-start-here")``, and a
learner's scores with ``my_progress()``. Every builder returns one widget
container whose plain-text form is a short fixed sentence, so a notebook
validates under ``pytest --nbval``; nothing is printed. Feedback is a symbol
and words (✓ Correct / ✗ Not quite), never colour alone, and every control is
a standard, keyboard-operable widget. Each checked answer is saved to the
learner's progress store (:mod:`lessons.quizzes.progress`).

A browser test finds each question by the CSS class ``course-quiz-question``,
its feedback by ``course-quiz-feedback``, and its buttons by their labels
"Check" and "Show answer".

>>> from lessons.quizzes.progress import ProgressStore
>>> q = quiz("00-start-here", store=ProgressStore(":memory:"))
>>> q  # doctest: +ELLIPSIS
Self-check quiz (... questions): run this cell in JupyterLab to answer.
>>> first = q.questions[0]
>>> first.inputs[0].value = "Shift+Enter"
>>> first.check.click()
>>> print(first.feedback_text.splitlines()[0])
✓ Correct.
>>> q.score_text  # doctest: +ELLIPSIS
'Score: 1 of ... correct on first try; 1 of ... right so far.'
"""

from __future__ import annotations

import html
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets

from lessons.core.errors import CourseError
from lessons.core.explorer import readout_html
from lessons.core.still import WidgetOutput
from lessons.quizzes.bank import (
    QUESTION_TYPES,
    Bank,
    Question,
    answer_sheet,
    correct_answer_text,
    grade,
    load_bank,
    option_order,
)
from lessons.quizzes.progress import ProgressStore, default_store, progress_summary

__all__ = ["Quiz", "answer_key", "instructor_mode", "my_progress", "quiz", "set_instructor_mode"]

log = logging.getLogger(__name__)

#: Figures a question may show (its optional ``figure`` field), if the file is there.
FIGURES_DIR = Path(__file__).resolve().parents[2] / "figures"
#: Environment variable that turns instructor mode on for every quiz ("1").
INSTRUCTOR_ENV_VAR = "COURSE_INSTRUCTOR"

_instructor_switch: bool | None = None


def set_instructor_mode(on: bool = True) -> None:
    """Show (or hide) the answer key in every quiz built after this call, for a teacher."""
    global _instructor_switch
    _instructor_switch = bool(on)


def instructor_mode() -> bool:
    """Say whether quizzes show the answer key (:func:`set_instructor_mode`, COURSE_INSTRUCTOR)."""
    if _instructor_switch is not None:
        return _instructor_switch
    return os.environ.get(INSTRUCTOR_ENV_VAR, "").strip().lower() in ("1", "true", "yes", "on")


class _Panel(WidgetOutput, widgets.VBox):
    """A widget container whose plain-text form is a fixed sentence (for nbval, plain viewers)."""

    def __init__(
        self, text_form: str, children: list[widgets.Widget], css_class: str, name: str
    ) -> None:
        super().__init__(children)
        self.widget_name = name
        self._text_form = text_form
        self.add_class(css_class)

    def __repr__(self) -> str:
        return self._text_form


_CHOOSE = "Choose…"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_LABEL_STYLE = {"description_width": "initial"}


class _QuestionBox(widgets.VBox):
    """One question: its prompt, answer controls, Check and Show answer buttons, and feedback."""

    def __init__(
        self,
        question: Question,
        number: int,
        total: int,
        *,
        lesson: str,
        seed: object,
        store: ProgressStore,
        instructor: bool,
        on_result: Callable[[], None],
    ) -> None:
        self.question, self.lesson, self.store, self._on_result = question, lesson, store, on_result
        self.tries = 0
        self.first_try_correct: bool | None = None
        self.solved = False
        self.feedback_text = ""
        heading = widgets.HTML(
            f"<p><b>Question {number} of {total}</b> "
            f"({html.escape(QUESTION_TYPES[question.type])})<br>{html.escape(question.prompt)}</p>"
        )
        self.inputs = self._controls(option_order(question, lesson, seed))
        self.check = widgets.Button(description="Check", tooltip="Check your answer")
        self.reveal = widgets.Button(
            description="Show answer",
            tooltip="Show the right answer",
            layout=widgets.Layout(display="none"),
        )
        self.check.on_click(self._on_check)
        self.reveal.on_click(self._on_reveal)
        self.feedback = widgets.HTML()
        self.feedback.add_class("course-quiz-feedback")
        parts: list[widgets.Widget] = [
            heading,
            *self._figure(),
            *self.inputs,
            widgets.HBox([self.check, self.reveal]),
            self.feedback,
        ]
        if instructor:
            key = widgets.HTML(
                readout_html(
                    f"Answer key: {correct_answer_text(question)}\nSource: {question.source}",
                    "course-quiz-key-text",
                )
            )
            key.add_class("course-quiz-key")
            parts.append(key)
        super().__init__(parts, layout=widgets.Layout(margin="0 0 1em 0"))
        self.add_class("course-quiz-question")

    def __repr__(self) -> str:
        return f"Quiz question {self.question.id!r}: run this cell in JupyterLab to answer."

    def _figure(self) -> list[widgets.Widget]:
        path = FIGURES_DIR / self.question.figure if self.question.figure else None
        if path is None or not path.is_file():
            return []
        fmt = "svg+xml" if path.suffix == ".svg" else path.suffix.lstrip(".")
        return [
            widgets.Image(
                value=path.read_bytes(), format=fmt, layout=widgets.Layout(max_width="32em")
            )
        ]

    def _controls(self, order: tuple[str, ...]) -> list[widgets.Widget]:
        kind = self.question.type
        if kind == "single":
            return [
                widgets.RadioButtons(options=order, value=None, layout=widgets.Layout(width="auto"))
            ]
        if kind == "true-false":
            return [widgets.RadioButtons(options=[("True", True), ("False", False)], value=None)]
        if kind == "multiple":
            return [
                widgets.Checkbox(
                    description=option,
                    value=False,
                    indent=False,
                    layout=widgets.Layout(width="auto"),
                )
                for option in order
            ]
        if kind == "numeric":
            unit = f" ({self.question.unit})" if self.question.unit else ""
            return [
                widgets.Text(
                    description=f"Your answer{unit}:",
                    placeholder="a number, like 12.5",
                    style=_LABEL_STYLE,
                )
            ]
        choices = [(_CHOOSE, None)] + [(option, option) for option in order]
        return [
            widgets.Dropdown(
                description=slot,
                options=choices,
                value=None,
                style=_LABEL_STYLE,
                layout=widgets.Layout(width="auto"),
            )
            for slot in self.question.slots
        ]

    def response(self) -> object:
        """Return the learner's answer as it stands, as :func:`lessons.quizzes.bank.grade` takes
        it."""
        kind = self.question.type
        if kind == "multiple":
            return [box.description for box in self.inputs if box.value]
        if kind in ("single", "true-false", "numeric"):
            return self.inputs[0].value
        return [dropdown.value for dropdown in self.inputs]

    @property
    def reveal_visible(self) -> bool:
        """True once a wrong try has made the Show answer button appear."""
        return self.reveal.layout.display != "none"

    def _show(self, text: str, css_class: str) -> None:
        # Half a surrogate pair (a broken paste) cannot travel to the browser as UTF-8.
        text = _LONE_SURROGATE.sub("\N{REPLACEMENT CHARACTER}", text)
        self.feedback_text = text
        self.feedback.value = readout_html(text, css_class)

    def _on_check(self, _button: widgets.Button | None = None) -> None:
        question = self.question
        try:
            result = grade(question, self.response())
        except CourseError as problem:  # not an attempt: say what to do, save nothing
            self._show(f"⚠ {problem}", "course-quiz-verdict course-quiz-warning")
            return
        except Exception as error:  # noqa: BLE001 - a bug: shown to the learner, logged in full
            log.exception("checking quiz question %s failed", question.id)
            self._show(
                f"⚠ This answer could not be checked ({type(error).__name__}: {error}). Please "
                "tell the course team; the other questions still work.",
                "course-warning",
            )
            return
        try:
            self.store.record(
                self.lesson, question.id, result.answer, result.correct, on_wait=self._on_wait
            )
        except CourseError as problem:  # text that cannot be saved: say what to do, count nothing
            self._show(f"⚠ {problem}", "course-quiz-verdict course-quiz-warning")
            return
        self.tries += 1
        if self.first_try_correct is None:
            self.first_try_correct = result.correct
        self.solved = self.solved or result.correct
        if result.correct:
            verdict, css = "✓ Correct.", "course-quiz-right"
            self.reveal.layout.display = "none"
        else:
            verdict, css = "✗ Not quite. Try again, or press Show answer.", "course-quiz-wrong"
            self.reveal.layout.display = None
        lines = (
            [verdict]
            + ([result.detail] if result.detail else [])
            + [f"Why: {question.explanation}"]
        )
        self._show("\n".join(lines), f"course-quiz-verdict {css}")
        self._on_result()

    def _on_wait(self) -> None:
        self._show(
            "⏳ Saving your answer: the progress file is in use by another open lesson, so this "
            "waits for it (up to a few seconds)…",
            "course-quiz-verdict course-quiz-waiting",
        )

    def _on_reveal(self, _button: widgets.Button | None = None) -> None:
        self._show(
            f"The answer: {correct_answer_text(self.question)}\nWhy: {self.question.explanation}",
            "course-quiz-verdict course-quiz-answer",
        )


class Quiz(WidgetOutput, widgets.VBox):
    """A lesson's self-check quiz: one box per question and a live score at the end.

    ``questions`` holds the question boxes in bank order; a test sets the
    widgets in a box's ``inputs``, calls ``check.click()`` and reads
    ``feedback_text`` and the quiz's ``score_text``.
    """

    widget_name = "Self-check quiz"

    def __init__(
        self,
        bank: Bank,
        *,
        seed: object = None,
        store: ProgressStore,
        instructor: bool = False,
        intro: bool = True,
    ) -> None:
        """``intro=False`` leaves out the how-to paragraph (for quizzes shown one after another)."""
        self.bank, self.store, self.instructor = bank, store, instructor
        total = len(bank.questions)
        how_to = (
            "Answer each question, then press Check. Try again as often as you like; after a "
            "wrong try you can also show the answer. Your answers are saved on this computer, so "
            "that “My progress” can show what to review."
        )
        if instructor:
            how_to += " Instructor mode: the answer key is shown under each question."
        heading = widgets.HTML(
            f"<h4 style='margin:0.2em 0'>Self-check quiz: {html.escape(bank.title)}</h4>"
            + (f"<p>{html.escape(how_to)}</p>" if intro else "")
        )
        self.notice = widgets.HTML()
        self.notice.add_class("course-quiz-notice")
        self.questions = [
            _QuestionBox(
                question,
                number,
                total,
                lesson=bank.lesson,
                seed=seed,
                store=store,
                instructor=instructor,
                on_result=self._update,
            )
            for number, question in enumerate(bank.questions, start=1)
        ]
        self.score = widgets.HTML()
        self.score.add_class("course-quiz-score")
        self.score_text = ""
        super().__init__([heading, self.notice, *self.questions, self.score])
        self.add_class("course-quiz")
        self._update()

    def __repr__(self) -> str:
        extra = ", answer key shown" if self.instructor else ""
        count = f"{len(self.questions)} questions{extra}"
        return f"Self-check quiz ({count}): run this cell in JupyterLab to answer."

    def _update(self) -> None:
        total = len(self.questions)
        first = sum(bool(box.first_try_correct) for box in self.questions)
        solved = sum(box.solved for box in self.questions)
        tried = sum(box.tries > 0 for box in self.questions)
        if not tried:
            self.score_text = f"Score: nothing checked yet; {total} questions to go."
        else:
            self.score_text = (
                f"Score: {first} of {total} correct on first try; {solved} of {total} right so far."
            )
        self.score.value = readout_html(self.score_text, "course-quiz-score-text")
        message = self.store.message
        self.notice.value = readout_html(f"⚠ {message}", "course-warning") if message else ""


def quiz(
    lesson: str | Bank,
    *,
    seed: object = None,
    store: ProgressStore | None = None,
    instructor: bool | None = None,
) -> Quiz:
    """Build a lesson's self-check quiz from its question bank.

    Args:
        lesson: the lesson id (the notebook's name, like ``"00-start-here"``), or a loaded bank.
        seed: changes the (deterministic) shuffle of the options; by default the
            order depends only on the lesson and question ids, so it is the same on every run.
        store: where attempts are saved; by default the learner's own progress file.
        instructor: show the answer key under each question; by default
            :func:`instructor_mode` (``set_instructor_mode(True)`` or ``COURSE_INSTRUCTOR=1``).

    Returns:
        A :class:`Quiz` widget; display it, or drive it in a test.
    """
    bank = load_bank(lesson) if isinstance(lesson, str) else lesson
    return Quiz(
        bank,
        seed=seed,
        store=default_store() if store is None else store,
        instructor=instructor_mode() if instructor is None else instructor,
    )


def answer_key(lesson: str) -> _Panel:
    """Show a lesson's answer sheet in the notebook, for a teacher (``answer_sheet`` gives text).

    >>> answer_key("00-start-here")  # doctest: +ELLIPSIS
    Answer key for Start Here (... questions): run this cell in JupyterLab to see it.
    """
    bank = load_bank(lesson)
    body = widgets.HTML(readout_html(answer_sheet(lesson), "course-quiz-answer-key-text"))
    return _Panel(
        f"Answer key for {bank.title} ({len(bank.questions)} questions): run this cell in "
        "JupyterLab to see it.",
        [body],
        "course-quiz-answer-key",
        "Answer key",
    )


def my_progress(store: ProgressStore | None = None) -> _Panel:
    """Show the learner's quiz scores per lesson and the questions to review, wrong ones first.

    A Refresh button reads the progress file again (after answering a quiz in another lesson).

    >>> panel = my_progress(ProgressStore(":memory:"))
    >>> panel
    My progress: run this cell in JupyterLab to see your quiz scores and what to review.
    >>> print(panel.text.splitlines()[1])
    No answers saved yet.
    """
    store = default_store() if store is None else store
    summary = widgets.HTML()
    refresh = widgets.Button(
        description="Refresh", icon="refresh", tooltip="Read my progress again"
    )
    panel = _Panel(
        "My progress: run this cell in JupyterLab to see your quiz scores and what to review.",
        [summary, refresh],
        "course-progress",
        "My progress",
    )

    def show(_button: widgets.Button | None = None) -> None:
        try:
            panel.text = progress_summary(store)
        except Exception as error:  # noqa: BLE001 - said in the panel (never stale), logged in full
            log.exception("reading the learner's progress failed")
            panel.text = (
                f"Your progress\n⚠ Your progress could not be read ({type(error).__name__}: "
                f"{error}). Your saved answers are not changed; press Refresh to try again."
            )
            summary.value = readout_html(panel.text, "course-warning")
            return
        summary.value = readout_html(panel.text, "course-progress-text")

    refresh.on_click(show)
    show()
    return panel
