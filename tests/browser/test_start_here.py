"""Start Here in a real JupyterLab: it runs cleanly, and its limb explorer answers the keyboard."""

from __future__ import annotations

from lessons.limb.model import JointAngles, describe, limb_pose

from .jupyterlab import (
    JupyterLab,
    expect,
    wait_for_canvas_change,
    wait_for_canvas_drawn,
    wait_for_canvas_stable,
)

NOTEBOOK = "notebooks/00-Start-Here.ipynb"
KNEE = "Knee flexion, °"
KEY_PRESSES = 5  # the knee slider's step is 1°, so five presses make 5° of flexion


def test_start_here_runs_and_its_limb_explorer_answers_the_keyboard(
    lab: JupyterLab, console_errors: list[str]
) -> None:
    """Run all shows the setup box and a drawn limb figure; arrow keys on the knee move both.

    "Both" is the text readout (which must match the model's description) and the picture;
    the reset button then brings back the standing description.
    """
    page = lab.page
    lab.open_and_run(NOTEBOOK)

    env_ok = page.locator(".course-env-ok")
    expect(env_ok).to_be_visible()
    expect(env_ok).to_contain_text("Widgets work")
    # The saved text form ("Widgets are not showing here") must give way to the live widgets.
    expect(page.locator(".jp-OutputArea-output", has_text="not showing here")).to_have_count(0)

    explorer = page.locator(".course-explorer")
    expect(explorer).to_have_count(1)
    expect(explorer).to_be_visible()
    expect(explorer.locator("h4")).to_have_text("Limb explorer")
    # ipympl stacks two canvases: the figure, then a clear one on top for zoom rectangles.
    canvas = explorer.locator(".jupyter-matplotlib-figure canvas").first
    expect(canvas).to_be_visible()
    box = canvas.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 100, box
    wait_for_canvas_drawn(canvas)

    readout = explorer.locator(".course-readout-widget .course-readout")
    standing = describe(limb_pose(JointAngles()))
    expect(readout).to_have_text(standing, use_inner_text=True)
    assert readout.inner_text().startswith("Right leg, body height 1.75 m. Hip: 0° flexion"), (
        readout.inner_text()
    )
    picture_standing = wait_for_canvas_stable(canvas)
    lab.screenshot("explorer-standing", explorer)

    handle = lab.slider_handle(KNEE, within=explorer)
    expect(handle).to_have_count(1)
    lab.press_keys(handle, "ArrowRight", times=KEY_PRESSES)
    expect(lab.slider_readout(KNEE, within=explorer)).to_have_text(str(KEY_PRESSES))
    expect(readout).to_contain_text(f"Knee: {KEY_PRESSES}° flexion")
    bent = describe(limb_pose(JointAngles(knee_flexion_deg=KEY_PRESSES)))
    expect(readout).to_have_text(bent, use_inner_text=True)
    wait_for_canvas_change(canvas, picture_standing)
    picture_bent = wait_for_canvas_stable(canvas)
    lab.assert_no_errors()
    lab.screenshot("explorer-knee-bent", explorer)
    lab.screenshot("start-here")

    lab.button("Reset to standing", within=explorer).click()
    lab.wait_for_text_change(readout, readout.inner_text())
    expect(readout).to_have_text(standing, use_inner_text=True)
    wait_for_canvas_change(canvas, picture_bent)
    lab.assert_no_errors()

    assert not console_errors, "The browser console reported errors:\n" + "\n".join(console_errors)
