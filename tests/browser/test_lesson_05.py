"""Lesson 5 in a real JupyterLab: both explorers draw and answer
the keyboard, the claim check grades, a live quiz answer."""

from __future__ import annotations

from lessons.quizzes.bank import load_bank
from lessons.sleep_posture.model import (
    back_lying,
    describe_back_lying,
    describe_side_lying,
    side_lying,
)

from .jupyterlab import JupyterLab, expect

NOTEBOOK = "notebooks/05-Sleep-Posture-And-The-Knee-Pillow.ipynb"
SIDE_PILLOW = "Pillow between the knees, squashed (t), cm"
BACK_PILLOW = "Pillow under the knees, squashed, cm"


def test_lesson_05_explorers_claim_check_and_live_quiz_question(
    lab: JupyterLab, console_errors: list[str]
) -> None:
    """Run all draws both explorers; keys move them; a claim
    is sorted and checked; the angle answer is accepted."""
    page = lab.page
    lab.open_and_run(NOTEBOOK)
    expect(page.locator(".course-explorer")).to_have_count(2)

    side = lab.explorer("Side-lying explorer")
    expect(side.readout).to_have_text(describe_side_lying(side_lying()), use_inner_text=True)
    # The pillow slider steps by 0.5 cm: sixteen presses make 8 cm, D − k for the typical adult.
    lab.move_slider(
        side, SIDE_PILLOW, "ArrowRight", 16, describe_side_lying(side_lying(pillow_cm=8))
    )
    expect(side.readout).to_contain_text("near neutral")
    lab.screenshot("lesson05-side-lying-8cm", side.root)

    back = lab.explorer("Back-lying explorer")
    expect(back.readout).to_have_text(
        describe_back_lying(back_lying(pillow_cm=10)), use_inner_text=True
    )
    box = (
        back.root.locator(".widget-checkbox")
        .filter(has_text="After a knee replacement")
        .locator("input")
    )
    lab.press_keys(box, "Space")
    expect(back.readout).to_contain_text("NOTHING under the knee (FACTS D5)")
    lab.move_slider(back, BACK_PILLOW, "ArrowLeft", 20,
                    describe_back_lying(back_lying(pillow_cm=0), knee_replacement=True))
    lab.screenshot("lesson05-back-lying-knee-replacement", back.root)

    check = page.locator(".course-claim-check")
    expect(check.locator(".course-claim")).to_have_count(8)
    check.scroll_into_view_if_needed()
    row = check.locator(".course-claim").filter(has_text="Improved circulation")
    row.locator(".widget-toggle-buttons button", has_text="correct").click()
    lab.button("Check", within=check).click()
    expect(row.locator(".course-claim-feedback")).to_contain_text(
        "✓ Correct: the verdict is CORRECT."
    )
    expect(row.locator(".course-claim-feedback")).to_contain_text("above the level of the heart")
    expect(check.locator(".course-claim-score")).to_contain_text(
        "1 of 8 match the evidence (1 sorted)."
    )
    lab.screenshot("lesson05-claim-check", check)

    # The quiz question read off the live side-lying explorer: the readout says 11° at Reset.
    expect(page.locator(".course-quiz .course-quiz-question")).to_have_count(
        len(load_bank("05-sleep-posture").questions)
    )
    live = lab.answer_typed_question("In the side-lying explorer", "11")
    expect(live.locator(".course-quiz-feedback")).to_contain_text("asin(8 / 42.9)")
    lab.screenshot("lesson05-quiz", live)
    lab.assert_no_errors()
    assert not console_errors, "The browser console reported errors:\n" + "\n".join(console_errors)
