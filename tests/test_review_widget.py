"""Tests for lessons/quizzes/review_widget.py: the review is answered like any quiz and saved under
each question's lesson; the certificate shows the scores and the typed name, escaped."""

from __future__ import annotations

import pytest

from lessons.quizzes.progress import ProgressStore
from lessons.quizzes.review import REVIEW_SIZE
from lessons.quizzes.review_widget import certificate, course_review


@pytest.fixture
def store() -> ProgressStore:
    return ProgressStore(":memory:")


def first_box(review):
    return review.quizzes[0].questions[0]


def answer_right(box) -> None:
    question = box.question
    if question.type == "single":
        box.inputs[0].value = question.answer
    elif question.type == "true-false":
        box.inputs[0].value = question.answer
    elif question.type == "multiple":
        for checkbox in box.inputs:
            checkbox.value = checkbox.description in question.answer
    elif question.type == "numeric":
        box.inputs[0].value = f"{question.answer:g}"
    else:
        for dropdown, pick in zip(box.inputs, question.answer, strict=True):
            dropdown.value = pick
    box.check.click()


def test_the_reprs_are_short_fixed_sentences(store):
    """Both panels have a fixed plain-text form under 110 characters, whatever banks exist."""
    for panel in (course_review(store), certificate(store)):
        assert len(repr(panel)) < 110 and "run this cell in JupyterLab" in repr(panel)


def test_the_review_shows_every_drawn_question_in_per_lesson_quizzes(store):
    """Every pick is a question box, in a quiz for its own lesson."""
    review = course_review(store)
    boxes = [box for quiz in review.quizzes for box in quiz.questions]
    assert len(boxes) == len(review.picks) >= REVIEW_SIZE
    assert [q.bank.lesson for q in review.quizzes] == list(
        dict.fromkeys(p.lesson for p in review.picks)
    )
    assert "no saved answers yet" in review.intro.value


def test_an_answer_in_the_review_is_saved_under_its_lesson_and_scored(store):
    """Checking a review question records it in its own lesson and updates the review score."""
    review = course_review(store)
    box = first_box(review)
    answer_right(box)
    assert box.feedback_text.startswith("✓ Correct.")
    saved = store.attempts()
    assert [(a.lesson, a.question_id, a.correct) for a in saved] == [
        (review.quizzes[0].bank.lesson, box.question.id, True)
    ]
    assert review.score_text.startswith(f"Review score: 1 of {len(review.picks)} correct")


def test_a_new_draw_favours_what_was_answered_wrong(store):
    """After a wrong answer, 'Draw a new review' puts that question first in its lesson."""
    review = course_review(store)
    quiz = review.quizzes[0]
    box = quiz.questions[-1]
    store.record(quiz.bank.lesson, box.question.id, "wrong", False)
    review.redraw_button.click()
    assert review.quizzes[0].questions[0].question.id == box.question.id
    assert "1 last answer wrong" in review.intro.value


def test_the_certificate_shows_scores_and_the_typed_name(store):
    """Typing a name updates the certificate; it is escaped; Refresh reads new answers."""
    panel = certificate(store)
    assert "nothing to certify" in panel.text
    review = course_review(store)
    answer_right(first_box(review))
    panel.refresh.click()
    assert "right now" in panel.text
    panel.name.value = "<b>Ada</b>"
    assert "Learner: <b>Ada</b>" in panel.text
    assert "&lt;b&gt;Ada&lt;/b&gt;" in panel.view.value and "<b>Ada" not in panel.view.value
