"""Show the course review (questions from every lesson, wrong ones favoured) and the certificate.

``course_review()`` draws the review's questions (:mod:`lessons.quizzes.review`) and
shows them with the course's own quiz widget, one small quiz per lesson, so
every answer is saved under the lesson it belongs to and counts there.
``certificate()`` shows the learner's scores as a printable certificate, with a
box for their name. Both have a short fixed plain-text form, for nbval.

>>> from lessons.quizzes.progress import ProgressStore
>>> review = course_review(store=ProgressStore(":memory:"))
>>> review
Course review: run this cell in JupyterLab to answer questions from every lesson.
>>> review.score_text.startswith("Review score: nothing checked yet")
True
"""

from __future__ import annotations

import html
import logging

import ipywidgets as widgets

from lessons.core.explorer import readout_html
from lessons.core.still import WidgetOutput
from lessons.quizzes.progress import ProgressStore, default_store, progress_report
from lessons.quizzes.review import (
    WEIGHTS,
    certificate_html,
    certificate_text,
    draw_review,
    load_banks,
    review_banks,
)
from lessons.quizzes.widget import Quiz

log = logging.getLogger(__name__)

__all__ = ["Certificate", "CourseReview", "certificate", "course_review"]


class CourseReview(WidgetOutput, widgets.VBox):
    """The review: an introduction saying how it was drawn, one quiz per lesson, a total score.

    ``quizzes`` holds the per-lesson :class:`~lessons.quizzes.widget.Quiz` widgets;
    ``picks`` the drawn questions; a test answers them as in a lesson's quiz.
    """

    widget_name = "Course review"

    def __init__(self, store: ProgressStore) -> None:
        self.store = store
        self.intro = widgets.HTML()
        self.score = widgets.HTML()
        self.score.add_class("course-review-score")
        self.redraw_button = widgets.Button(
            description="Draw a new review",
            icon="refresh",
            tooltip="Draw the review again from your latest answers",
            layout=widgets.Layout(width="auto"),
        )
        self.redraw_button.on_click(lambda _button: self.draw())
        super().__init__()
        self.add_class("course-review")
        self.draw()

    def __repr__(self) -> str:
        return "Course review: run this cell in JupyterLab to answer questions from every lesson."

    def draw(self) -> None:
        """Draw the questions from the saved answers, and build the quizzes."""
        loaded = load_banks()
        attempts = self.store.attempts()
        self.picks = draw_review(loaded.banks, attempts)
        self.quizzes = [
            Quiz(bank, store=self.store, intro=False)
            for bank in review_banks(self.picks, loaded.banks)
        ]
        for quiz in self.quizzes:
            quiz.score.observe(lambda _change: self._update(), names="value")
        lessons = len(self.quizzes)
        counts = {why: sum(pick.why == why for pick in self.picks) for why in WEIGHTS}
        if attempts:
            how = (
                "Chosen for you from your saved answers: "
                + ", ".join(f"{count} {why}" for why, count in counts.items() if count)
                + ". Questions you got wrong are the likeliest to come up."
            )
        else:
            how = (
                "You have no saved answers yet, so this is a fixed mix. Once you have answered "
                "some quizzes, press “Draw a new review”: questions you got wrong become the "
                "likeliest to come up."
            )
        lines = [
            f"{len(self.picks)} questions from {lessons} lessons, at least one from each. " + how,
            "Answer each question, then press Check; after a wrong try you can show the answer. "
            "Your answers here are saved under each question's own lesson, so they count in "
            "“My progress” and in the certificate.",
        ]
        lines += [f"⚠ {problem}" for problem in loaded.problems]
        self.intro.value = readout_html("\n".join(lines), "course-review-intro")
        self.children = [
            widgets.HTML("<h4 style='margin:0.2em 0'>Course review</h4>"),
            self.intro,
            *self.quizzes,
            self.score,
            self.redraw_button,
        ]
        self._update()

    def _update(self) -> None:
        boxes = [box for quiz in self.quizzes for box in quiz.questions]
        total = len(boxes)
        if not any(box.tries for box in boxes):
            self.score_text = f"Review score: nothing checked yet; {total} questions to go."
        else:
            first = sum(bool(box.first_try_correct) for box in boxes)
            solved = sum(box.solved for box in boxes)
            self.score_text = (
                f"Review score: {first} of {total} correct on first try; "
                f"{solved} of {total} right so far."
            )
        self.score.value = readout_html(self.score_text, "course-review-score-text")


def course_review(store: ProgressStore | None = None) -> CourseReview:
    """Build the course review from every lesson's bank and the learner's saved answers.

    Args:
        store: where answers are read and saved; by default the learner's own progress file.
    """
    return CourseReview(default_store() if store is None else store)


class Certificate(WidgetOutput, widgets.VBox):
    """A printable certificate of the learner's quiz scores, with a box for their name."""

    widget_name = "Certificate"

    def __init__(self, store: ProgressStore) -> None:
        self.store = store
        self.name = widgets.Text(
            description="Your name (optional):",
            placeholder="as it should appear",
            style={"description_width": "initial"},
        )
        self.view = widgets.HTML()
        self.refresh = widgets.Button(
            description="Refresh", icon="refresh", tooltip="Read my scores again"
        )
        self.text = ""
        self.name.observe(lambda _change: self.show(), names="value")
        self.refresh.on_click(lambda _button: self.show())
        hint = widgets.HTML(
            "<p>To print it, use your browser's Print command; to copy it, open “Plain text”.</p>"
        )
        super().__init__([self.name, self.view, widgets.HBox([self.refresh]), hint])
        self.add_class("course-certificate-panel")
        self.show()

    def __repr__(self) -> str:
        return "Certificate: run this cell in JupyterLab to see and print your quiz scores."

    def show(self) -> None:
        """Read the scores again and redraw the certificate with the name as typed."""
        try:  # a broken bank is reported in the certificate itself; this is for anything else
            report = progress_report(self.store)
        except Exception as error:  # noqa: BLE001 - said in the panel (never stale), logged in full
            log.exception("reading the scores for the certificate failed")
            self.text = (
                f"⚠ The scores could not be read ({type(error).__name__}: {error}). "
                "Your saved answers are not changed; press Refresh to try again."
            )
            self.view.value = readout_html(self.text, "course-warning")
            return
        self.text = certificate_text(report, self.name.value)
        self.view.value = certificate_html(report, self.name.value) + (
            f"<details><summary>Plain text</summary><pre>{html.escape(self.text)}</pre></details>"
        )


def certificate(store: ProgressStore | None = None) -> Certificate:
    """Build the certificate panel from the learner's saved answers.

    >>> from lessons.quizzes.progress import ProgressStore
    >>> panel = certificate(ProgressStore(":memory:"))
    >>> print(panel.text.splitlines()[4])  # doctest: +ELLIPSIS
    No quiz answers are saved on this computer yet, so there is nothing to certify. ...
    """
    return Certificate(default_store() if store is None else store)
