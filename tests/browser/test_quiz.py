"""The self-check quiz in a real JupyterLab: feedback with
its explanation, and answers that survive a restart."""

from __future__ import annotations

from lessons.quizzes.bank import load_bank

from .jupyterlab import JupyterLab, expect

NOTEBOOK = "notebooks/00-Start-Here.ipynb"


def test_a_learner_answers_sees_feedback_and_finds_it_in_my_progress_after_a_restart(
    lab: JupyterLab, console_errors: list[str]
) -> None:
    """Right and wrong answers get a symbol, words and the
    explanation; My progress shows them after a kernel restart."""
    page = lab.page
    lab.open_and_run(NOTEBOOK)

    questions = page.locator(".course-quiz .course-quiz-question")
    expect(questions).to_have_count(len(load_bank("00-start-here").questions))

    # Question 1, answered right with the keyboard alone:
    # focus the option, Space, Tab to Check, Enter.
    first = questions.nth(0)
    first.scroll_into_view_if_needed()
    first.get_by_label("Shift+Enter", exact=True).check()
    first.get_by_role("button", name="Check").focus()
    page.keyboard.press("Enter")
    feedback = first.locator(".course-quiz-feedback")
    expect(feedback).to_contain_text("✓ Correct.")
    expect(feedback).to_contain_text("Shift+Enter runs the selected cell")

    # Question 2 (true/false), answered wrongly: a cross and words, then "Show answer" appears.
    second = questions.nth(1)
    second.get_by_label("True", exact=True).check()
    second.get_by_role("button", name="Check").click()
    wrong = second.locator(".course-quiz-feedback")
    expect(wrong).to_contain_text("✗ Not quite.")
    reveal = second.get_by_role("button", name="Show answer")
    expect(reveal).to_be_visible()
    reveal.click()
    expect(wrong).to_contain_text("False")
    expect(page.locator(".course-quiz-score")).to_contain_text("1 of 8 correct on first try")
    lab.screenshot("quiz-feedback", second)
    lab.assert_no_errors()

    # Restart the kernel and run the lesson again: the answers are still there.
    page.evaluate(
        "async () => { await window.jupyterapp.shell.currentWidget"
        ".sessionContext.session.kernel.restart(); }"
    )
    lab.wait_for_kernel_idle()
    lab.run_all()
    lab.assert_no_errors()
    progress = page.locator(".course-progress")
    expect(progress).to_be_visible()
    expect(progress).to_contain_text("Start Here")
    expect(progress).to_contain_text("this course can tell you what is causing your own knee")
    lab.screenshot("my-progress", progress)
    assert not console_errors, "The browser console reported errors:\n" + "\n".join(console_errors)
