"""No backlog in a real JupyterLab: a burst of key presses on a slider ends on the last value."""

from __future__ import annotations

from lessons.limb import JointAngles, describe, limb_pose
from tools.browser_timing import burst

from .jupyterlab import JupyterLab, expect, wait_for_canvas_change, wait_for_canvas_stable

NOTEBOOK = "notebooks/00-Start-Here.ipynb"
KNEE = "Knee flexion, °"
PRESSES = 30  # 1° each, 10 ms apart: faster than any diagram repaints


def test_a_burst_of_key_presses_ends_on_the_final_picture_without_queued_frames(
    lab: JupyterLab, console_errors: list[str]
) -> None:
    """Thirty fast presses: the readout and the picture come to rest on 30°.

    The picture after the burst must equal the one drawn when the same angle is
    reached slowly (one press back, one press forward), so no stale frame is left.
    How many frames the burst drew depends on the machine's speed, so it is not
    asserted: only that the picture comes to rest on the last value, and stays there.
    """
    lab.open_notebook(NOTEBOOK)
    lab.run_all()
    view = lab.explorer("Limb explorer")
    handle = lab.slider_handle(KNEE, within=view.root)
    expect(handle).to_have_count(1)

    result = burst(lab, handle, view.canvas, "ArrowRight", PRESSES)

    assert result["presses"] == PRESSES, result
    expect(lab.slider_readout(KNEE, within=view.root)).to_have_text("30")
    final = describe(limb_pose(JointAngles(knee_flexion_deg=30)))
    expect(view.readout).to_have_text(final, use_inner_text=True)
    assert wait_for_canvas_stable(view.canvas) == result["fingerprint"]

    lab.press_keys(handle, "ArrowLeft")
    back = wait_for_canvas_change(view.canvas, result["fingerprint"])
    lab.press_keys(handle, "ArrowRight")
    wait_for_canvas_change(view.canvas, back)
    assert wait_for_canvas_stable(view.canvas) == result["fingerprint"]
    expect(view.readout).to_have_text(final, use_inner_text=True)
    lab.assert_no_errors()
    assert console_errors == []
