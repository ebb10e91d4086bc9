"""Tests for lessons/quizzes/widget.py: the quiz as a learner and a browser test drive it, without a
browser."""

from __future__ import annotations

import html

import ipywidgets as widgets
import pytest

from lessons.quizzes import widget as quiz_widget
from lessons.quizzes.bank import correct_answer_text, load_bank, option_order, read_bank
from lessons.quizzes.progress import ENV_VAR, ProgressStore
from lessons.quizzes.widget import answer_key, my_progress, quiz, set_instructor_mode

BANK = load_bank("00-start-here")
IDS = [question.id for question in BANK.questions]
REPR = f"Self-check quiz ({len(BANK.questions)} questions): run this cell in JupyterLab to answer."


@pytest.fixture
def store() -> ProgressStore:
    return ProgressStore(":memory:")


@pytest.fixture
def built(store):
    return quiz("00-start-here", store=store)


def box_for(built_quiz, question_id):
    return next(box for box in built_quiz.questions if box.question.id == question_id)


def give(box, response) -> None:
    """Set a question's controls as a learner would, to give ``response``."""
    kind = box.question.type
    if kind == "multiple":
        for checkbox in box.inputs:
            checkbox.value = checkbox.description in response
    elif kind in ("single", "true-false", "numeric"):
        box.inputs[0].value = response
    else:
        for dropdown, pick in zip(box.inputs, response, strict=True):
            dropdown.value = pick


def right(question):
    answer = question.answer
    return f"{answer:g}".replace(".", ",") if question.type == "numeric" else answer


def wrong(question):
    kind, answer = question.type, question.answer
    if kind == "single":
        return next(option for option in question.options if option != answer)
    if kind == "multiple":
        return [next(option for option in question.options if option not in answer)]
    if kind == "true-false":
        return not answer
    if kind == "numeric":
        return f"{answer + question.tolerance + 1:g}"
    return tuple(answer[1:]) + tuple(answer[:1])  # every slot shifted by one


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


# ---------------------------------------------------------------- what nbval and a browser test see


def test_repr_is_a_short_fixed_sentence(built, store):
    """The quiz's plain-text form is a fixed sentence under 110 characters, the same every build."""
    assert repr(built) == REPR == repr(quiz("00-start-here", store=store))
    assert len(REPR) < 110
    assert built._repr_mimebundle_()[0]["text/plain"] == REPR
    assert repr(quiz("00-start-here", store=store, instructor=True)) == (
        f"Self-check quiz ({len(BANK.questions)} questions, answer key shown): "
        "run this cell in JupyterLab to answer."
    )


def test_building_prints_nothing(capsys, store):
    """Building a quiz, an answer key or the progress panel prints nothing."""
    quiz("00-start-here", store=store)
    answer_key("00-start-here")
    my_progress(store)
    assert capsys.readouterr() == ("", "")


def test_browser_hooks_classes_and_button_labels(built):
    """Each question has the class course-quiz-question, a Check and a Show answer button and a
    course-quiz-feedback HTML."""
    assert len(built.questions) == len(BANK.questions)
    for box in built.questions:
        assert "course-quiz-question" in box._dom_classes
        assert "course-quiz-feedback" in box.feedback._dom_classes
        assert box.check.description == "Check"
        assert box.reveal.description == "Show answer"
    assert "course-quiz" in built._dom_classes
    assert "course-quiz-score" in built.score._dom_classes


def test_only_standard_keyboard_operable_controls_and_no_output_widgets(built):
    """Answers use standard focusable widgets, and the quiz holds no Output widget (it breaks strict
    nbval)."""
    standard = (widgets.RadioButtons, widgets.Checkbox, widgets.Text, widgets.Dropdown)
    for box in built.questions:
        assert all(isinstance(control, standard) for control in box.inputs)
    assert not any(isinstance(widget, widgets.Output) for widget in walk(built))


# ---------------------------------------------------------------- checking answers


@pytest.mark.parametrize("question_id", IDS)
def test_right_answer_gets_a_tick_words_and_the_explanation(built, store, question_id):
    """A right answer shows ✓ and "Correct" with the explanation, is saved as right, and no Show
    answer button."""
    box = box_for(built, question_id)
    give(box, right(box.question))
    box.check.click()
    assert box.feedback_text.startswith("✓ Correct.")
    assert box.question.explanation in box.feedback_text
    assert "✓ Correct." in box.feedback.value
    assert not box.reveal_visible
    [attempt] = store.attempts()
    assert (attempt.lesson, attempt.question_id, attempt.correct) == (
        "00-start-here",
        question_id,
        True,
    )


@pytest.mark.parametrize("question_id", IDS)
def test_wrong_answer_gets_a_cross_words_and_the_explanation(built, store, question_id):
    """A wrong answer shows ✗ and "Not quite" with the explanation, is saved as wrong, and brings up
    Show answer."""
    box = box_for(built, question_id)
    assert not box.reveal_visible
    give(box, wrong(box.question))
    box.check.click()
    assert box.feedback_text.startswith("✗ Not quite.")
    assert box.question.explanation in box.feedback_text
    assert box.reveal_visible
    assert [a.correct for a in store.attempts()] == [False]


@pytest.mark.parametrize("question_id", IDS)
def test_show_answer_after_a_wrong_try_reveals_the_answer(built, question_id):
    """After a wrong try, Show answer displays the correct answer and its explanation."""
    box = box_for(built, question_id)
    give(box, wrong(box.question))
    box.check.click()
    box.reveal.click()
    assert box.feedback_text == (
        f"The answer: {correct_answer_text(box.question)}\nWhy: {box.question.explanation}"
    )


@pytest.mark.parametrize("question_id", IDS)
def test_nothing_chosen_gets_a_friendly_message_and_is_not_saved(built, store, question_id):
    """Pressing Check with nothing answered says what to do, saves nothing and counts no try."""
    box = box_for(built, question_id)
    box.check.click()
    assert box.feedback_text.startswith("⚠ ")
    assert "first" in box.feedback_text
    assert store.attempts() == [] and box.tries == 0 and not box.reveal_visible


def test_retry_after_a_wrong_try_counts_as_right_but_not_first_try(built):
    """A wrong try then a right one is right so far but not correct on first try; the score
    updates live."""
    total = len(BANK.questions)
    assert built.score_text == f"Score: nothing checked yet; {total} questions to go."
    box = box_for(built, "run-a-cell")
    give(box, "Tab")
    box.check.click()
    assert box.feedback_text.startswith("✗")
    assert "Tab completes a name" in box.feedback_text  # the bank's feedback for that option
    assert (
        built.score_text == f"Score: 0 of {total} correct on first try; 0 of {total} right so far."
    )
    give(box, "Shift+Enter")
    box.check.click()
    assert box.feedback_text.startswith("✓")
    assert not box.reveal_visible
    assert (
        built.score_text == f"Score: 0 of {total} correct on first try; 1 of {total} right so far."
    )
    assert "0 of" in built.score.value


def test_all_right_first_time_scores_full_marks(built):
    """Answering every question right first time gives "N of N correct on first try"."""
    for box in built.questions:
        give(box, right(box.question))
        box.check.click()
    total = len(BANK.questions)
    assert (
        built.score_text
        == f"Score: {total} of {total} correct on first try; {total} of {total} right so far."
    )


# ---------------------------------------------------------------- typed numbers


@pytest.mark.parametrize(
    "typed, words",
    [
        ("", "Type your answer as a number first"),
        ("abc", "“abc” is not a number"),
        ("1e400", "is too large"),
        ("nan", "“nan” is not a number"),
        ("1,2,3", "more than one decimal mark"),
        ("999", "above the largest answer this question accepts"),
    ],
)
def test_bad_number_gets_a_friendly_message_not_a_traceback(built, store, typed, words):
    """Text, non-finite or out-of-range input in the number box gives a friendly message and is not
    saved."""
    box = box_for(built, "knee-height")
    give(box, typed)
    box.check.click()
    assert box.feedback_text.startswith("⚠ ")
    assert words in box.feedback_text
    assert "Traceback" not in box.feedback.value
    assert store.attempts() == [] and box.tries == 0


def test_typed_script_is_escaped(built, store):
    """Anything typed is escaped before it is shown as HTML: a <script> tag appears as text."""
    box = box_for(built, "knee-height")
    give(box, "<script>alert(1)</script>")
    box.check.click()
    assert "&lt;script&gt;" in box.feedback.value
    assert "<script>" not in box.feedback.value
    assert store.attempts() == []


def test_unexpected_error_is_shown_not_swallowed(built, store, monkeypatch):
    """A bug while checking shows a visible warning (class course-warning) and saves nothing."""

    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(quiz_widget, "grade", broken)
    box = box_for(built, "run-a-cell")
    give(box, "Shift+Enter")
    box.check.click()
    assert box.feedback_text.startswith("⚠ This answer could not be checked (RuntimeError: boom).")
    assert 'class="course-warning"' in box.feedback.value
    assert store.attempts() == []


def test_decimal_comma_and_unit_are_accepted_and_saved_plainly(built, store):
    """A number typed with a decimal comma and its unit is graded and saved as a plain number with
    the unit."""
    box = box_for(built, "knee-height")
    give(box, "49,9 cm")
    box.check.click()
    assert box.feedback_text.startswith("✓")
    assert store.attempts()[0].answer == "49.9 cm"


# ------------------------------------------------------------ shuffle, instructor, store notices


def shown_options(built_quiz):
    """The choices each question shows, in order (a checkbox's label stands for its option)."""
    return [
        [getattr(control, "options", control.description) for control in box.inputs]
        for box in built_quiz.questions
    ]


def test_same_seed_same_order_and_default_order_is_the_banks_seeded_shuffle(store):
    """Two builds with the same seed show the same option order; the default order is
    option_order's."""
    assert shown_options(quiz("00-start-here", seed=5, store=store)) == shown_options(
        quiz("00-start-here", seed=5, store=store)
    )
    default = quiz("00-start-here", store=store)
    single = box_for(default, "run-a-cell")
    assert single.inputs[0].options == option_order(single.question, "00-start-here")


def test_different_seeds_change_the_order(store):
    """Different seeds give a different option order somewhere in the quiz."""
    orders = {
        repr(shown_options(quiz("00-start-here", seed=seed, store=store))) for seed in range(4)
    }
    assert len(orders) > 1


def test_instructor_mode_shows_the_answer_key_inline(store):
    """instructor=True shows each question's correct answer and source under it; the learner's quiz
    does not."""
    teacher = quiz("00-start-here", store=store, instructor=True)
    for box in teacher.questions:
        keys = [w for w in box.children if "course-quiz-key" in getattr(w, "_dom_classes", ())]
        assert len(keys) == 1
        assert "Answer key: " in keys[0].value
    learner = quiz("00-start-here", store=store, instructor=False)
    assert not any("course-quiz-key" in getattr(w, "_dom_classes", ()) for w in walk(learner))


def test_instructor_switch_and_environment_variable(monkeypatch, store):
    """COURSE_INSTRUCTOR=1 turns instructor mode on; set_instructor_mode overrides it either way."""
    monkeypatch.setattr(quiz_widget, "_instructor_switch", None)
    monkeypatch.delenv("COURSE_INSTRUCTOR", raising=False)
    assert not quiz("00-start-here", store=store).instructor
    monkeypatch.setenv("COURSE_INSTRUCTOR", "1")
    assert quiz("00-start-here", store=store).instructor
    set_instructor_mode(False)
    assert not quiz("00-start-here", store=store).instructor
    monkeypatch.delenv("COURSE_INSTRUCTOR")
    set_instructor_mode(True)
    assert quiz("00-start-here", store=store).instructor


def test_damaged_progress_file_is_reported_in_the_quiz(tmp_path):
    """A damaged progress file is named in the quiz's notice, and answering still works."""
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"garbage" * 500)
    built = quiz("00-start-here", store=ProgressStore(path))
    assert "Your progress file was damaged" in built.notice.value
    box = box_for(built, "run-a-cell")
    give(box, "Shift+Enter")
    box.check.click()
    assert box.feedback_text.startswith("✓")


def test_default_store_is_the_file_named_by_the_environment(tmp_path, monkeypatch):
    """Without a store argument, attempts go to the file named by COURSE_PROGRESS_DB."""
    path = tmp_path / "learner.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(path))
    box = box_for(quiz("00-start-here"), "run-a-cell")
    give(box, "Shift+Enter")
    box.check.click()
    assert [a.question_id for a in ProgressStore(path).attempts()] == ["run-a-cell"]


def test_optional_figure_is_shown_only_when_the_file_exists(tmp_path, monkeypatch, store):
    """A question's figure appears as an image when the file is in figures/, and its absence is no
    error."""
    text = (
        load_bank("00-start-here")
        .path.read_text(encoding="utf-8")
        .replace('id = "name-the-joints"', 'id = "name-the-joints"\nfigure = "limb-markers.png"')
    )
    bank_file = tmp_path / "00-start-here.toml"
    bank_file.write_text(text, encoding="utf-8")
    bank = read_bank(bank_file)
    monkeypatch.setattr(quiz_widget, "FIGURES_DIR", tmp_path)
    without = box_for(quiz(bank, store=store), "name-the-joints")
    assert not any(isinstance(w, widgets.Image) for w in without.children)
    (tmp_path / "limb-markers.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with_figure = box_for(quiz(bank, store=store), "name-the-joints")
    assert any(isinstance(w, widgets.Image) for w in with_figure.children)


# ---------------------------------------------------------------- my progress and the answer key


def test_my_progress_is_honest_then_shows_scores_after_refresh(store):
    """My progress says there is nothing yet, and after answering and Refresh shows the lesson's
    score."""
    panel = my_progress(store)
    assert (
        repr(panel)
        == "My progress: run this cell in JupyterLab to see your quiz scores and what to review."
    )
    assert "No answers saved yet" in panel.text
    box = box_for(quiz("00-start-here", store=store), "run-a-cell")
    give(box, "Tab")
    box.check.click()
    panel.children[1].click()  # Refresh
    assert f"Start Here: 0 of {len(BANK.questions)} right on the first try" in panel.text
    assert box.question.prompt in panel.text.split("To review")[1]
    assert "course-progress" in panel._dom_classes


def test_answer_key_panel_lists_every_answer():
    """The answer key panel has a fixed repr and shows each question's correct answer (escaped)."""
    panel = answer_key("00-start-here")
    assert repr(panel) == (
        f"Answer key for Start Here ({len(BANK.questions)} questions): "
        "run this cell in JupyterLab to see it."
    )
    shown = panel.children[0].value
    for question in BANK.questions:
        whole = question.type in ("single", "true-false", "numeric", "ordering")
        for part in [correct_answer_text(question)] if whole else question.answer:
            assert html.escape(part) in shown, question.id
