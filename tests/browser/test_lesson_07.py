"""Lesson 7 in a real JupyterLab: the pain map answers a tick from the keyboard, the screening
test explorer moves the limb to another test, the walking-pain explorer follows its slider and a
dropdown, and the SLR question is answered from the live explorer."""

from __future__ import annotations

from lessons.pain_map.model import describe as describe_map
from lessons.pain_map.model import load_pain_map
from lessons.quizzes.bank import load_bank
from lessons.screening.model import describe as describe_test
from lessons.walking_pain.model import describe as describe_walk
from lessons.walking_pain.model import walking_pain

from .jupyterlab import JupyterLab, expect, wait_for_canvas_change, wait_for_canvas_stable

NOTEBOOK = "notebooks/07-Where-Does-The-Pain-Come-From.ipynb"
DISTANCE = "Distance walked before the pain, m (0: on standing)"


def test_lesson_07_explorers_respond_and_the_slr_question_is_answered(
    lab: JupyterLab, console_errors: list[str]
) -> None:
    """Run all draws three explorers; Space ticks a pain-map area; a test and a posture are chosen;
    the walking slider moves from the keyboard; the quiz accepts 74 people."""
    page = lab.page
    lab.open_and_run(NOTEBOOK)
    expect(page.locator(".course-explorer")).to_have_count(3)

    pain_map = lab.explorer("Pain map")
    expect(pain_map.readout).to_have_text(describe_map(load_pain_map(), []), use_inner_text=True)
    before = wait_for_canvas_stable(pain_map.canvas)
    box = pain_map.root.locator(".widget-checkbox").filter(has_text="Hurts: groin").locator("input")
    expect(box).to_have_count(1)
    lab.press_keys(box, "Space")
    expect(pain_map.readout).to_have_text(
        describe_map(load_pain_map(), ["groin"]), use_inner_text=True
    )
    expect(pain_map.readout).to_contain_text("1. Hip joint")
    wait_for_canvas_change(pain_map.canvas, before)
    lab.screenshot("lesson07-pain-map-groin", pain_map.root)

    screening = lab.explorer("Screening test explorer")
    expect(screening.readout).to_have_text(
        describe_test("hip-internal-rotation"), use_inner_text=True
    )
    before = wait_for_canvas_stable(screening.canvas)
    screening.root.locator(".widget-dropdown select").select_option(
        label="Straight-leg raise (SLR)"
    )
    expect(screening.readout).to_have_text(describe_test("slr"), use_inner_text=True)
    expect(screening.readout).to_contain_text("Sensitivity 91 %")
    wait_for_canvas_change(screening.canvas, before)
    lab.screenshot("lesson07-screening-slr", screening.root)

    walking = lab.explorer("Walking-pain explorer")
    expect(walking.readout).to_have_text(describe_walk(walking_pain()), use_inner_text=True)
    # The distance slider steps by 50 m: eight presses take it from 400 m to 0, pain on standing.
    lab.move_slider(walking, DISTANCE, "ArrowLeft", 8, describe_walk(walking_pain(0)))
    before = wait_for_canvas_stable(walking.canvas)
    posture = walking.root.locator(".widget-dropdown", has_text="Posture while walking")
    posture.locator("select").select_option(label="leaning on a shopping trolley")
    expect(walking.readout).to_have_text(
        describe_walk(walking_pain(0, "trolley")), use_inner_text=True
    )
    wait_for_canvas_change(walking.canvas, before)
    lab.screenshot("lesson07-walking-trolley", walking.root)

    questions = len(load_bank("07-pain-source").questions)
    expect(page.locator(".course-quiz .course-quiz-question")).to_have_count(questions)
    live = lab.answer_typed_question("choose the straight-leg raise", "74")
    expect(live.locator(".course-quiz-feedback")).to_contain_text("specificity")
    lab.screenshot("lesson07-quiz", live)
    lab.assert_no_errors()
    assert not console_errors, "The browser console reported errors:\n" + "\n".join(console_errors)
