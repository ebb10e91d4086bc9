"""Lesson 6 in a real JupyterLab: the red-flag explorer answers a tick from the keyboard, the
emergency banner shows, the live quiz question is answered, the review draws from every lesson,
and the certificate reads the saved answers."""

from __future__ import annotations

import re

from lessons.quiz import load_bank
from lessons.review import load_banks
from lessons.triage import triage

from .jupyterlab import (
    JupyterLab,
    expect,
    wait_for_canvas_change,
    wait_for_canvas_drawn,
    wait_for_canvas_stable,
)

NOTEBOOK = "notebooks/06-Red-Flags-And-Prevention.ipynb"


def _checkbox(explorer, label: str):
    box = explorer.locator(".widget-checkbox").filter(has_text=label).locator("input")
    expect(box).to_have_count(1)
    return box


def test_lesson_06_explorer_quiz_review_and_certificate(
    lab: JupyterLab, console_errors: list[str]
) -> None:
    """Run all; Space on a tick box turns the answer into a framed emergency; the explorer's quiz
    question is right; a review question is answered; the certificate counts it."""
    page = lab.page
    lab.open_and_run(NOTEBOOK)

    explorer = page.locator(".course-triage")
    expect(explorer).to_have_count(1)
    explorer.scroll_into_view_if_needed()
    expect(explorer.locator("h4")).to_have_text("What should I do?")
    canvas = explorer.locator(".jupyter-matplotlib-figure canvas").first
    expect(canvas).to_be_visible()
    wait_for_canvas_drawn(canvas)
    banner = explorer.locator(".course-triage-answer")
    readout = explorer.locator(".course-readout-widget .course-readout")
    expect(banner).to_contain_text("ℹ ROUTINE")
    expect(readout).to_have_text(triage([]).text(), use_inner_text=True)
    quiet = wait_for_canvas_stable(canvas)
    lab.screenshot("lesson06-explorer-nothing-ticked", explorer)

    # Every tick box shows its whole label (no clipped text), so the signs can be read.
    labels = explorer.locator(".widget-checkbox span")
    clipped = labels.evaluate_all(
        "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).length"
    )
    assert clipped == 0, f"{clipped} tick-box labels are cut off"

    lab.press_keys(_checkbox(explorer, "Sciatica in both legs"), "Space")
    expect(banner).to_contain_text("‼ EMERGENCY NOW")
    expect(banner).to_have_attribute("role", "alert")
    expect(readout).to_have_text(triage(["both-legs"]).text(), use_inner_text=True)
    wait_for_canvas_change(canvas, quiet)
    lab.assert_no_errors()
    lab.screenshot("lesson06-explorer-emergency", explorer)

    lab.button("Untick all", within=explorer).click()
    expect(banner).to_contain_text("ℹ ROUTINE")

    # Two signs that are soon and routine alone fire a combination that makes it same day.
    _checkbox(explorer, "You have had cancer in the past").check()
    expect(banner).to_contain_text("◆ SOON")
    _checkbox(explorer, "New numbness or pins and needles in a leg").check()
    expect(banner).to_contain_text("⚠ SAME DAY")
    expect(readout).to_have_text(
        triage(["past-cancer", "new-numbness"]).text(), use_inner_text=True
    )
    expect(readout).to_contain_text("Combination — A past cancer with new weakness")

    # The quiz question answered with the explorer.
    bank = load_bank("06-red-flags")
    heading = re.compile(rf"^Self-check quiz: {re.escape(bank.title)}$")
    quiz = page.locator(".course-quiz").filter(has=page.locator("h4", has_text=heading))
    expect(quiz.locator(".course-quiz-question")).to_have_count(len(bank.questions))
    live = quiz.locator(".course-quiz-question").filter(has_text="In the “What should I do?”")
    expect(live).to_have_count(1)
    live.scroll_into_view_if_needed()
    live.get_by_label("same day", exact=True).check()
    live.get_by_role("button", name="Check").click()
    expect(live.locator(".course-quiz-feedback")).to_contain_text("✓ Correct.")
    lab.screenshot("lesson06-quiz", live)

    # The review: questions from every lesson; answer the first single-choice one it shows.
    review = page.locator(".course-review")
    expect(review).to_have_count(1)
    lessons = load_banks().banks
    expect(review.locator(".course-quiz")).to_have_count(len(lessons))
    shown = review.locator(".course-quiz-question")
    answered = None
    for question in (q for b in lessons for q in b.questions if q.type == "single"):
        match = shown.filter(has_text=question.prompt[:60])
        if match.count() == 1:
            answered = match
            break
    assert answered is not None, "the review shows no single-choice question"
    answered.scroll_into_view_if_needed()
    answered.get_by_label(question.answer, exact=True).check()
    answered.get_by_role("button", name="Check").click()
    expect(answered.locator(".course-quiz-feedback")).to_contain_text("✓ Correct.")
    expect(review.locator(".course-review-score")).to_contain_text("correct on first try")
    lab.screenshot("lesson06-review", review)

    # The certificate reads the answers saved above after Refresh.
    panel = page.locator(".course-certificate-panel")
    panel.scroll_into_view_if_needed()
    lab.button("Refresh", within=panel).click()
    expect(panel.locator(".course-certificate")).to_contain_text("Red flags and prevention: ")
    expect(panel.locator(".course-certificate")).to_contain_text("right now")
    lab.screenshot("lesson06-certificate", panel)
    lab.assert_no_errors()
    assert not console_errors, "The browser console reported errors:\n" + "\n".join(console_errors)
