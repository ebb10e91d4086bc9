"""Lesson 2 in a real JupyterLab: the gait, hip load and knee load explorers
draw and answer the keyboard, and the cane question is answered."""

from __future__ import annotations

from lessons.gait.model import describe as describe_gait
from lessons.gait.model import gait_cycle
from lessons.hip_load.model import HipLoadInputs, hip_load
from lessons.hip_load.model import describe as describe_hip
from lessons.knee_load.model import describe as describe_knee
from lessons.quizzes.bank import load_bank

from .jupyterlab import JupyterLab, expect, wait_for_canvas_change, wait_for_canvas_stable

NOTEBOOK = "notebooks/02-Knee-And-Hip-Pain.ipynb"
MOMENT = "Moment in the cycle, %"
LEVER_B = "Body-weight lever arm b, cm"
BODY_MASS = "Body mass, kg"
OPPOSITE = "Opposite hand (left, away from the loaded hip)"


def test_lesson_02_explorers_respond_and_the_cane_question_is_answered(
    lab: JupyterLab, console_errors: list[str]
) -> None:
    """Run all draws three explorers; keys move a slider of
    each; the cane dropdown redraws; the quiz accepts 60 %."""
    page = lab.page
    lab.open_and_run(NOTEBOOK)
    expect(page.locator(".course-explorer")).to_have_count(3)

    gait = lab.explorer("Gait timeline")
    expect(gait.readout).to_have_text(describe_gait(gait_cycle(), 30), use_inner_text=True)
    # The moment slider steps by 1 %: twenty-five presses move from 30 % (right single-leg stance)
    # to 55 %, the second double support.
    lab.move_slider(gait, MOMENT, "ArrowRight", 25, describe_gait(gait_cycle(), 55))
    expect(gait.readout).to_contain_text("At 55 % of the cycle: double support.")
    lab.screenshot("lesson02-gait-55", gait.root)

    hip = lab.explorer("Hip load explorer")
    expect(hip.readout).to_have_text(describe_hip(hip_load()), use_inner_text=True)
    # Lever b steps by 0.5 cm: ten presses take it from
    # 10 to 15 cm (FACTS A2: about 3.3 body weights).
    lab.move_slider(hip, LEVER_B, "ArrowRight", 10,
                    describe_hip(hip_load(HipLoadInputs(body_weight_lever_cm=15))))
    lab.screenshot("lesson02-hip-b15", hip.root)
    before = wait_for_canvas_stable(hip.canvas)
    hip.root.locator(".widget-dropdown select").select_option(label=OPPOSITE)
    cane = HipLoadInputs(body_weight_lever_cm=15, cane_hand="opposite", cane_force_pct_bw=15)
    expect(hip.readout).to_have_text(describe_hip(hip_load(cane)), use_inner_text=True)
    expect(hip.readout).to_contain_text("overstates a cane's benefit")
    wait_for_canvas_change(hip.canvas, before)
    lab.screenshot("lesson02-hip-cane", hip.root)

    knee = lab.explorer("Knee load calculator")
    expect(knee.readout).to_have_text(describe_knee("walking", 70, 5, 5000), use_inner_text=True)
    # Body mass steps by 1 kg: ten presses make 80 kg, and every bar grows.
    lab.move_slider(knee, BODY_MASS, "ArrowRight", 10, describe_knee("walking", 80, 5, 5000))
    lab.screenshot("lesson02-knee-80kg", knee.root)

    # The quiz question answered from the hip load explorer at its defaults: about 60 % less.
    questions = len(load_bank("02-knee-and-hip").questions)
    expect(page.locator(".course-quiz .course-quiz-question")).to_have_count(questions)
    live = lab.answer_typed_question('choose "Cane held in: Opposite hand"', "60")
    expect(live.locator(".course-quiz-feedback")).to_contain_text("overstates a cane's benefit")
    lab.screenshot("lesson02-quiz", live)
    lab.assert_no_errors()
    assert not console_errors, "The browser console reported errors:\n" + "\n".join(console_errors)
