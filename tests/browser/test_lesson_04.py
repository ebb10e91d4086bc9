"""Lesson 4 in a real JupyterLab: the stretch viewers play and answer the keyboard, the hold
timer counts in the browser and pauses, a card is saved, and a quiz question is answered."""

from __future__ import annotations

import re
from pathlib import Path

from lessons.poses import describe_pose
from lessons.stretches import TimerState

from .jupyterlab import (
    JupyterLab,
    expect,
    wait_for_canvas_change,
    wait_for_canvas_drawn,
    wait_for_canvas_stable,
)

NOTEBOOK = "notebooks/04-Stretches-For-Sciatica.ipynb"
CARD = Path(__file__).resolve().parents[2] / "notebooks" / "browser-test-card.pdf"
PROGRESS = "Through the movement, %"
HOLD = "Hold, seconds"


def _tool(lab: JupyterLab, title: str, index: int = 0):
    root = lab.page.locator(
        ".course-explorer", has=lab.page.locator("h4", has_text=re.compile(f"^{title}$"))
    ).nth(index)
    root.scroll_into_view_if_needed()
    expect(root).to_be_visible()
    return root, root.locator(".course-readout-widget .course-readout")


def _viewer(lab: JupyterLab, index: int, stretch_id: str):
    """The viewer draws; five presses on the progress slider move the figure and the words."""
    root, readout = _tool(lab, "Stretch viewer", index)
    canvas = root.locator(".jupyter-matplotlib-figure canvas").first
    expect(canvas).to_be_visible()
    wait_for_canvas_drawn(canvas)
    expect(readout).to_have_text(describe_pose(stretch_id, 0), use_inner_text=True)
    expect(root.locator(".course-stop-signs")).to_contain_text("spread further down the leg")
    before = wait_for_canvas_stable(canvas)
    lab.press_keys(lab.slider_handle(PROGRESS, within=root), "ArrowRight", times=5)
    expect(readout).to_have_text(describe_pose(stretch_id, 5), use_inner_text=True)
    wait_for_canvas_change(canvas, before)
    return root, readout, canvas


def test_lesson_04_viewers_timer_card_and_quiz(lab: JupyterLab, console_errors: list[str]) -> None:
    """Run all; every widget renders and answers; the timer
    counts down and pauses; a card is saved and deleted."""
    page = lab.page
    CARD.unlink(missing_ok=True)
    lab.open_and_run(NOTEBOOK)
    expect(page.locator(".course-explorer")).to_have_count(4)

    # The first viewer: keys move it, then Play runs it in the browser to the held position.
    root, readout, canvas = _viewer(lab, 0, "figure-4")
    root.locator(".widget-play button").first.click()
    expect(readout).to_contain_text("Key position 3 of 3 (hold)", timeout=20_000)
    lab.assert_no_errors()
    lab.screenshot("lesson04-viewer-hold", root)
    _viewer(lab, 1, "bent-knee-hamstring")

    # The hold timer: a dose slider resets it; Start counts down in the browser; Pause stops it.
    timer, timer_readout = _tool(lab, "Hold timer")
    count = timer.locator(".course-timer-count")
    expect(count).to_have_text("30 s")
    lab.press_keys(lab.slider_handle(HOLD, within=timer), "ArrowRight")
    expect(timer_readout).to_have_text(TimerState(hold_s=35).describe(), use_inner_text=True)
    expect(count).to_have_text("35 s")
    lab.button("Start", within=timer).click()
    # two or more seconds ticked
    expect(count).to_have_text(re.compile(r"^3[0-3] s$"), timeout=10_000)
    lab.button("Pause", within=timer).click()
    expect(timer_readout).to_contain_text("Paused:")
    paused = count.inner_text()
    expect(timer_readout).to_contain_text(f"Paused: {paused} left in repetition 1 of 2.")
    lab.screenshot("lesson04-timer-paused", timer)
    lab.button("Resume", within=timer).click()
    expect(count).not_to_have_text(paused, timeout=10_000)
    lab.button("Pause", within=timer).click()
    lab.assert_no_errors()

    # The routine builder: the dose changes the summary; Save names the file it wrote.
    builder, builder_readout = _tool(lab, "Routine builder")
    expect(builder_readout).to_contain_text("Your routine: 2 stretches")
    lab.press_keys(lab.slider_handle(HOLD, within=builder), "ArrowRight")
    expect(builder_readout).to_contain_text("Each: Hold 35 s, 2 times (70 s in all), once a day.")
    name = builder.locator(".widget-text", has_text="File name").locator("input")
    name.fill("browser-test-card")
    name.press("Enter")
    try:
        lab.button("Save the card (PDF)", within=builder).click()
        status = builder.locator(".course-save-status")
        expect(status).to_contain_text("✓ Saved your card as browser-test-card.pdf", timeout=30_000)
        assert CARD.read_bytes().startswith(b"%PDF-")
        lab.screenshot("lesson04-card-saved", builder)
    finally:
        CARD.unlink(missing_ok=True)
    lab.assert_no_errors()

    # One quiz question: once a day versus three times a day.
    question = lab.quiz_question("gives more flexibility than once a day")
    question.get_by_label("False", exact=True).check()
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".course-quiz-feedback")).to_contain_text("✓ Correct.")
    lab.assert_no_errors()
    assert not console_errors, "The browser console reported errors:\n" + "\n".join(console_errors)
