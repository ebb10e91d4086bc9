"""Tests for lessons/limb/widget.py: sliders drive the model, the figure and the readout."""

from __future__ import annotations

import pytest

from lessons.core.errors import OutOfRangeError
from lessons.limb.model import JointAngles, limb_pose
from lessons.limb.widget import limb_explorer


def test_moving_a_slider_updates_the_readout_and_the_artists():
    """Setting a slider value moves the drawn leg and rewrites the readout to match."""
    ex = limb_explorer()
    ex.controls["hip_flexion_deg"].value = 90
    pose = limb_pose(JointAngles(hip_flexion_deg=90))
    assert "Hip: 90° flexion" in ex.readout_text
    assert ex.artists.thigh_side.get_xydata()[1].tolist() == pytest.approx(
        [pose.knee[0], pose.knee[2]]
    )
    assert "90° flexion" in ex.readout.value


def test_height_slider_lengthens_the_leg():
    """A taller body draws a longer thigh (segment lengths follow height, FACTS A13)."""
    ex = limb_explorer()
    ex.controls["height_m"].value = 2.0
    knee_z = ex.artists.thigh_side.get_xydata()[1][1]
    assert knee_z == pytest.approx(0.285 * 2.0)
    assert "body height 2.00 m" in ex.readout_text


def test_reset_returns_every_control_to_standing():
    """The reset button puts every slider back to upright standing at 1.75 m."""
    ex = limb_explorer(knee_flexion_deg=80, hip_flexion_deg=30)
    ex.children[-2].children[-1].click()
    assert all(c.value == (1.75 if n == "height_m" else 0) for n, c in ex.controls.items())
    assert "Knee: straight (0°)" in ex.readout_text


def test_starting_angles_are_validated_before_drawing():
    """An impossible starting angle raises the course's own error, naming the angle."""
    with pytest.raises(OutOfRangeError, match="knee_flexion_deg"):
        limb_explorer(knee_flexion_deg=200)
