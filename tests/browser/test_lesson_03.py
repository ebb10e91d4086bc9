"""Lesson 3 (parts a and b) in a real JupyterLab: the nerve map, root explorer and nerve
tension explorer draw and respond, and a live quiz question in each part is answered."""

from __future__ import annotations

from lessons.nerve_map.model import describe_choice, load_nerve_map
from lessons.nerve_tension.model import NerveTensionPose, describe
from lessons.quizzes.bank import load_bank
from lessons.roots.model import best_fit, describe_fit, describe_root

from .jupyterlab import JupyterLab, expect, wait_for_canvas_change, wait_for_canvas_stable

ANATOMY = "notebooks/03a-Sciatica-Anatomy.ipynb"
TENSION = "notebooks/03b-Nerve-Tension-Tests.ipynb"
ANKLE = "Ankle dorsiflexion (+ toes up), °"


def _answer(lab: JupyterLab, prompt_start: str, typed: str, count: int) -> None:
    expect(lab.page.locator(".course-quiz .course-quiz-question")).to_have_count(count)
    live = lab.answer_typed_question(prompt_start, typed)
    lab.screenshot("lesson03-quiz-" + prompt_start.split()[3].strip(","), live)


def test_lesson_03a_nerve_map_and_root_explorer_respond(
    lab: JupyterLab, console_errors: list[str]
) -> None:
    """Run all draws both explorers; choosing a structure,
    a root and a finding changes words and picture."""
    page = lab.page
    lab.open_and_run(ANATOMY)
    expect(page.locator(".course-explorer")).to_have_count(2)
    nerve_map = load_nerve_map()

    view = lab.explorer("Nerve map")
    explorer, canvas, readout = view.root, view.canvas, view.readout
    expect(readout).to_have_text(describe_choice(nerve_map, "sciatic-nerve", "typical"),
                                 use_inner_text=True)
    before = wait_for_canvas_stable(canvas)
    structure = explorer.locator(".widget-dropdown", has_text="Structure").locator("select")
    structure.select_option(label="piriformis muscle")
    expect(readout).to_have_text(describe_choice(nerve_map, "piriformis", "typical"),
                                 use_inner_text=True)
    before = wait_for_canvas_change(canvas, before)
    variant = explorer.locator(".widget-dropdown", has_text="Piriformis variant").locator("select")
    variant.select_option(label=nerve_map.pattern("fibular-through").name)
    expect(readout).to_have_text(describe_choice(nerve_map, "piriformis", "fibular-through"),
                                 use_inner_text=True)
    wait_for_canvas_change(canvas, before)
    lab.assert_no_errors()
    lab.screenshot("lesson03a-nerve-map-variant", explorer)

    view = lab.explorer("Root explorer")
    roots, roots_canvas, roots_readout = view.root, view.canvas, view.readout
    expect(roots_readout).to_have_text(describe_root("L5") + "\n\n" + describe_fit(best_fit([])),
                                       use_inner_text=True)
    before = wait_for_canvas_stable(roots_canvas)
    lab.button("S1", within=roots).click()
    expect(roots_readout).to_contain_text("Reflex: ankle jerk reduced.")
    before = wait_for_canvas_change(roots_canvas, before)
    roots.locator("label", has_text="numb big toe or first web space").locator("input").check()
    expect(roots_readout).to_have_text(
        describe_root("L5") + "\n\n" + describe_fit(best_fit(["numb-big-toe"])),
        use_inner_text=True,
    )
    expect(roots_readout).to_contain_text("it is not a diagnosis")
    wait_for_canvas_change(roots_canvas, before)
    lab.assert_no_errors()
    lab.screenshot("lesson03a-root-explorer", roots)

    questions = len(load_bank("03a-sciatica-anatomy").questions)
    _answer(lab, "In the nerve map, choose a piriformis variant", "16.9", questions)
    lab.assert_no_errors()
    assert not console_errors, "The browser console reported errors:\n" + "\n".join(console_errors)


def test_lesson_03b_nerve_tension_explorer_responds(
    lab: JupyterLab, console_errors: list[str]
) -> None:
    """Run all draws the tension explorer; arrow keys on the
    ankle raise the index; the gauge question is answered."""
    lab.open_and_run(TENSION)
    view = lab.explorer("Nerve tension explorer")
    expect(view.readout).to_have_text(describe(NerveTensionPose(hip_flexion_deg=45)),
                                      use_inner_text=True)
    expect(view.readout).to_contain_text("a teaching model, not a measurement")
    lab.move_slider(view, ANKLE, "ArrowRight", 5,
                    describe(NerveTensionPose(hip_flexion_deg=45, ankle_dorsiflexion_deg=5)))
    explorer = view.root
    lab.screenshot("lesson03b-nerve-tension", explorer)

    questions = len(load_bank("03b-nerve-tension-tests").questions)
    _answer(lab, "In the nerve tension explorer, press Reset", "0.79", questions)
    lab.assert_no_errors()
    assert not console_errors, "The browser console reported errors:\n" + "\n".join(console_errors)
