"""Tests for lessons/quizzes/review.py: the review draws from every lesson, favours wrong answers,
is deterministic, and the certificate is honest and escaped."""

from __future__ import annotations

from collections import Counter

import pytest

from lessons.quizzes.bank import lesson_ids, load_bank, read_bank
from lessons.quizzes.progress import Attempt, ProgressStore, progress_report
from lessons.quizzes.review import (
    REVIEW_SIZE,
    WEIGHTS,
    certificate_html,
    certificate_text,
    draw_review,
    load_banks,
    needs_its_lesson,
    review_banks,
)

BANKS = load_banks().banks


def attempt(lesson: str, question: str, correct: bool) -> Attempt:
    return Attempt(lesson, question, "x", correct, "2026-01-01T00:00:00.000+00:00")


def test_every_existing_bank_is_loaded():
    """The review knows every lesson that has a bank, whatever exists today."""
    assert [bank.lesson for bank in BANKS] == lesson_ids()


def test_a_bank_that_does_not_load_is_reported_and_left_out(monkeypatch):
    """A bank that fails to load is named in a message; the others still load."""
    from lessons.quizzes import bank as quiz

    monkeypatch.setattr(quiz, "lesson_ids", lambda: ["00-start-here", "99-not-a-bank"])
    loaded = load_banks()
    assert [bank.lesson for bank in loaded.banks] == ["00-start-here"]
    assert len(loaded.problems) == 1 and "99-not-a-bank" in loaded.problems[0]


def test_with_no_answers_the_draw_is_fixed_and_covers_every_lesson():
    """Empty store: REVIEW_SIZE questions, each lesson at least once, the same every time."""
    picks = draw_review(BANKS, [])
    assert len(picks) == max(REVIEW_SIZE, len(BANKS))
    assert {pick.lesson for pick in picks} == {bank.lesson for bank in BANKS}
    assert picks == draw_review(BANKS, [])
    assert all(pick.why == "not tried yet" for pick in picks)


def test_picks_are_in_lesson_order_and_never_repeat():
    """Questions come lesson by lesson, each once."""
    picks = draw_review(BANKS, [])
    order = [bank.lesson for bank in BANKS]
    assert [order.index(p.lesson) for p in picks] == sorted(order.index(p.lesson) for p in picks)
    assert len({(p.lesson, p.question.id) for p in picks}) == len(picks)


def test_the_explorer_field_not_the_word_keeps_a_question_in_its_lesson(tmp_path):
    """Only the bank's explorer field counts: the word "explorer" in a prompt does not."""
    bank = tmp_path / "t.toml"
    question = (
        '[[question]]\nid = "q"\ntype = "true-false"\nanswer = true\n'
        'prompt = "PROMPT"\nexplanation = "Why."\nsource = "Course guide"\n'
    )
    bank.write_text(
        'lesson = "t"\ntitle = "T"\n'
        + question.replace('"q"', '"worded"').replace("PROMPT", "The explorer shows a leg.")
        + question.replace('"q"', '"fielded"').replace(
            "PROMPT", "Set the hip to 10 degrees. What reads?\"\nexplorer = \"hip_load_explorer"
        ),
        encoding="utf-8",
    )
    loaded = read_bank(bank)
    assert not needs_its_lesson(loaded.question("worded"))
    assert needs_its_lesson(loaded.question("fielded"))


def test_questions_that_need_their_explorer_stay_in_their_lesson():
    """A prompt that sends the learner to a lesson's explorer is never drawn."""
    assert needs_its_lesson(load_bank("02-knee-and-hip").question("cane-same-hand"))
    for seed_attempts in range(5):
        fake = [attempt("00-start-here", "run-a-cell", True)] * seed_attempts
        assert not any(needs_its_lesson(p.question) for p in draw_review(BANKS, fake))


def test_a_size_smaller_than_the_lessons_still_covers_every_lesson():
    """Asking for 1 question still gives one per lesson."""
    assert len(draw_review(BANKS, [], size=1)) == len(BANKS)


@pytest.mark.parametrize(
    ("results", "why"),
    [
        ([False], "last answer wrong"),
        ([True, False], "last answer wrong"),
        ([False, True], "right only after a wrong try"),
        ([True], "right the first time"),
    ],
)
def test_each_question_is_labelled_by_how_it_went(results, why):
    """A drawn question says why it was likely: its standing in the saved answers."""
    bank = load_bank("00-start-here")
    question = next(q for q in bank.questions if not needs_its_lesson(q))
    answers = [attempt(bank.lesson, question.id, ok) for ok in results]
    picks = draw_review([bank], answers, size=len(bank.questions))
    assert next(p.why for p in picks if p.question.id == question.id) == why


def test_wrong_answers_are_drawn_far_more_often():
    """Over many different draws, a wrongly answered question comes up more than a right one."""
    bank = load_bank("00-start-here")
    eligible = [q for q in bank.questions if not needs_its_lesson(q)]
    wrong, right = eligible[0], eligible[1]
    seen: Counter[str] = Counter()
    for extra in range(300):  # each extra saved answer reseeds the draw
        answers = [attempt(bank.lesson, wrong.id, False), attempt(bank.lesson, right.id, True)]
        answers += [attempt("zz-other", "x", True)] * extra
        for pick in draw_review([bank], answers, size=2):
            seen[pick.question.id] += 1
    assert WEIGHTS["last answer wrong"] > WEIGHTS["right the first time"]
    assert seen[wrong.id] > 2 * seen[right.id]


def test_a_wrong_question_comes_first_in_its_lesson():
    """Within a lesson, the questions answered wrongly are shown first."""
    bank = load_bank("00-start-here")
    eligible = [q for q in bank.questions if not needs_its_lesson(q)]
    last = eligible[-1]
    picks = draw_review([bank], [attempt(bank.lesson, last.id, False)], size=len(eligible))
    assert picks[0].question.id == last.id


def test_review_banks_keep_each_question_under_its_own_lesson():
    """One small bank per lesson, with the lesson id, so answers are saved where they belong."""
    picks = draw_review(BANKS, [])
    banks = review_banks(picks, BANKS)
    assert [b.lesson for b in banks] == list(dict.fromkeys(p.lesson for p in picks))
    assert sum(len(b.questions) for b in banks) == len(picks)
    assert all(b.title.endswith("(course review)") for b in banks)


def test_the_certificate_is_honest_when_there_is_no_data():
    """No saved answers: the certificate says there is nothing to certify yet."""
    text = certificate_text(progress_report(ProgressStore(":memory:")))
    assert "nothing to certify" in text
    assert "not a qualification" in text


def test_the_certificate_lists_scores_per_lesson():
    """Saved answers appear as right-now and first-try counts per lesson, and in total."""
    store = ProgressStore(":memory:")
    bank = load_bank("00-start-here")
    first, second = bank.questions[0], bank.questions[1]
    store.record(bank.lesson, first.id, "a", False)
    store.record(bank.lesson, first.id, "b", True)
    store.record(bank.lesson, second.id, "c", True)
    text = certificate_text(progress_report(store), "Ada")
    n = len(bank.questions)
    assert "Learner: Ada" in text
    assert (
        f"- Start Here: 2 of {n} right now, 1 right on the first try, {n - 2} not tried yet."
        in text
    )
    assert "In all: 2 of " in text


def test_the_certificate_html_escapes_everything():
    """A name with HTML in it is shown as text."""
    page = certificate_html(progress_report(ProgressStore(":memory:")), "<script>x</script> & co")
    assert "<script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt; &amp; co" in page
