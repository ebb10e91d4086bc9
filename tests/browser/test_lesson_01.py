"""Lesson 1 in a real JupyterLab: three explorers draw and answer the
keyboard, and the live quiz question can be answered from one."""

from __future__ import annotations

from lessons.chain.model import describe_chain, solve_chain
from lessons.q_angle.model import describe_q_angle, q_angle
from lessons.quizzes.bank import load_bank
from lessons.valgus.model import describe_valgus, knee_projection

from .jupyterlab import JupyterLab, expect

NOTEBOOK = "notebooks/01-The-Lower-Limb-Kinetic-Chain.ipynb"
DROP = "Lower the pelvis by, cm (− = raise)"
ROTATION = "Hip internal (+) / external (−) rotation, °"
WIDTH = "Pelvis width, ASIS to ASIS, cm"


def test_lesson_01_explorers_respond_and_the_live_quiz_question_is_answered(
    lab: JupyterLab, console_errors: list[str]
) -> None:
    """Run all draws the chain, knee-valgus and Q-angle
    explorers; keys move each; the ankle answer is accepted."""
    page = lab.page
    lab.open_and_run(NOTEBOOK)
    expect(page.locator(".course-explorer")).to_have_count(3)

    chain = lab.explorer("Chain explorer")
    expect(chain.readout).to_have_text(describe_chain(solve_chain()), use_inner_text=True)
    lab.move_slider(chain, DROP, "ArrowRight", 20, describe_chain(solve_chain(pelvis_drop_cm=20)))
    expect(chain.readout).to_contain_text("the heel must lift")
    lab.screenshot("lesson01-chain-20cm", chain.root)

    valgus = lab.explorer("Knee-valgus explorer")
    expect(valgus.readout).to_have_text(describe_valgus(knee_projection()), use_inner_text=True)
    lab.move_slider(valgus, ROTATION, "ArrowRight", 10,
                    describe_valgus(knee_projection(hip_internal_rotation_deg=10)))
    expect(valgus.readout).to_contain_text("valgus (knee inward)")
    lab.screenshot("lesson01-valgus", valgus.root)

    measurer = lab.explorer("Q-angle measurer")
    expect(measurer.readout).to_have_text(describe_q_angle(q_angle()), use_inner_text=True)
    # The width slider steps by 0.5 cm: ten presses widen the pelvis from 25 to 30 cm.
    lab.move_slider(measurer, WIDTH, "ArrowRight", 10, describe_q_angle(q_angle(asis_width_cm=30)))
    lab.screenshot("lesson01-q-angle", measurer.root)

    # The quiz question read off the live chain explorer: the readout says 40° of dorsiflexion.
    questions = len(load_bank("01-kinetic-chain").questions)
    expect(page.locator(".course-quiz .course-quiz-question")).to_have_count(questions)
    live = lab.answer_typed_question("In the chain explorer", "40")
    expect(live.locator(".course-quiz-feedback")).to_contain_text("twice the ankle's usual 20°")
    lab.screenshot("lesson01-quiz", live)
    lab.assert_no_errors()
    assert not console_errors, "The browser console reported errors:\n" + "\n".join(console_errors)
