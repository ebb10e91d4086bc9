"""Lesson 1 in a real JupyterLab: three explorers draw and answer the keyboard, and the live quiz question can be answered from one."""

from __future__ import annotations

from lessons.chain import describe_chain, solve_chain
from lessons.q_angle import describe_q_angle, q_angle
from lessons.valgus import describe_valgus, knee_projection

from .jupyterlab import (
    JupyterLab,
    expect,
    wait_for_canvas_change,
    wait_for_canvas_drawn,
    wait_for_canvas_stable,
)

NOTEBOOK = "notebooks/01-The-Lower-Limb-Kinetic-Chain.ipynb"
DROP = "Lower the pelvis by, cm (− = raise)"
ROTATION = "Hip internal (+) / external (−) rotation, °"
WIDTH = "Pelvis width, ASIS to ASIS, cm"


def _explorer(lab: JupyterLab, title: str):
    explorer = lab.page.locator(".course-explorer", has=lab.page.locator("h4", has_text=title))
    expect(explorer).to_have_count(1)
    explorer.scroll_into_view_if_needed()
    expect(explorer).to_be_visible()
    canvas = explorer.locator(".jupyter-matplotlib-figure canvas").first
    expect(canvas).to_be_visible()
    wait_for_canvas_drawn(canvas)
    readout = explorer.locator(".course-readout-widget .course-readout")
    return explorer, canvas, readout


def _press_and_expect(lab, explorer, canvas, readout, label, key, times, expected_text, shot):
    """Move one slider with the keyboard; the readout must match the model and the picture must change."""
    before = wait_for_canvas_stable(canvas)
    handle = lab.slider_handle(label, within=explorer)
    expect(handle).to_have_count(1)
    lab.press_keys(handle, key, times=times)
    expect(readout).to_have_text(expected_text, use_inner_text=True)
    wait_for_canvas_change(canvas, before)
    lab.assert_no_errors()
    lab.screenshot(shot, explorer)


def test_lesson_01_explorers_respond_and_the_live_quiz_question_is_answered(
    lab: JupyterLab, console_errors: list[str]
) -> None:
    """Run all draws the chain, knee-valgus and Q-angle explorers; keys move each; the ankle answer is accepted."""
    page = lab.page
    lab.open_notebook(NOTEBOOK)
    lab.run_all()
    lab.assert_no_errors()
    expect(page.locator(".course-explorer")).to_have_count(3)

    chain, chain_canvas, chain_readout = _explorer(lab, "Chain explorer")
    expect(chain_readout).to_have_text(describe_chain(solve_chain()), use_inner_text=True)
    _press_and_expect(lab, chain, chain_canvas, chain_readout, DROP, "ArrowRight", 20,
                      describe_chain(solve_chain(pelvis_drop_cm=20)), "lesson01-chain-20cm")
    expect(chain_readout).to_contain_text("the heel must lift")

    valgus, valgus_canvas, valgus_readout = _explorer(lab, "Knee-valgus explorer")
    expect(valgus_readout).to_have_text(describe_valgus(knee_projection()), use_inner_text=True)
    _press_and_expect(lab, valgus, valgus_canvas, valgus_readout, ROTATION, "ArrowRight", 10,
                      describe_valgus(knee_projection(hip_internal_rotation_deg=10)), "lesson01-valgus")
    expect(valgus_readout).to_contain_text("valgus (knee inward)")

    measurer, q_canvas, q_readout = _explorer(lab, "Q-angle measurer")
    expect(q_readout).to_have_text(describe_q_angle(q_angle()), use_inner_text=True)
    # The width slider steps by 0.5 cm: ten presses widen the pelvis from 25 to 30 cm.
    _press_and_expect(lab, measurer, q_canvas, q_readout, WIDTH, "ArrowRight", 10,
                      describe_q_angle(q_angle(asis_width_cm=30)), "lesson01-q-angle")

    # The quiz question read off the live chain explorer: the readout says 40° of dorsiflexion.
    questions = page.locator(".course-quiz .course-quiz-question")
    expect(questions).to_have_count(9)
    live = questions.filter(has_text="In the chain explorer")
    expect(live).to_have_count(1)
    live.scroll_into_view_if_needed()
    live.locator("input[type=text]").fill("40")
    live.get_by_role("button", name="Check").click()
    feedback = live.locator(".course-quiz-feedback")
    expect(feedback).to_contain_text("✓ Correct.")
    expect(feedback).to_contain_text("twice the ankle's usual 20°")
    lab.screenshot("lesson01-quiz", live)
    lab.assert_no_errors()
    assert not console_errors, "The browser console reported errors:\n" + "\n".join(console_errors)
