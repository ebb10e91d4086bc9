"""Tests for lessons/limb/diagram.py: drawn once, updated in place, never clipped."""

from __future__ import annotations

import itertools

import pytest

from lessons.limb.diagram import _view_limits, draw_limb, update_limb
from lessons.limb.model import ANGLE_RANGES_DEG, JointAngles, limb_pose


def test_update_moves_the_same_artists_without_making_new_ones():
    """update_limb changes the data of the existing artists and adds none."""
    art = draw_limb(limb_pose())
    before = [len(ax.get_children()) for ax in art.figure.axes]
    thigh = art.thigh_side
    update_limb(art, limb_pose(JointAngles(hip_flexion_deg=90, knee_flexion_deg=45)))
    assert art.thigh_side is thigh
    assert [len(ax.get_children()) for ax in art.figure.axes] == before
    pose = limb_pose(JointAngles(hip_flexion_deg=90, knee_flexion_deg=45))
    assert art.shank_side.get_xydata().ravel().tolist() == pytest.approx(
        [pose.knee[0], pose.knee[2], pose.ankle[0], pose.ankle[2]]
    )
    assert art.shank_front.get_xydata().ravel().tolist() == pytest.approx(
        [pose.knee[1], pose.knee[2], pose.ankle[1], pose.ankle[2]]
    )


def test_every_reachable_pose_of_the_tallest_body_fits_in_the_axes():
    """No pose at any combination of slider extremes is clipped by the fixed axis limits."""
    (x0, x1), (y0, y1), (z0, z1) = _view_limits()
    for values in itertools.product(*ANGLE_RANGES_DEG.values()):
        pose = limb_pose(JointAngles(*values), height_m=2.10)
        for p in (pose.knee, pose.ankle, pose.heel, pose.toe):
            assert x0 < p[0] < x1 and y0 < p[1] < y1 and z0 < p[2] < z1


def test_caption_states_the_pose_for_printed_figures():
    """The printed figure carries the pose in words; the live one leaves that to the readout."""
    assert "Knee: 90° flexion" in draw_limb(
        limb_pose(JointAngles(knee_flexion_deg=90))
    ).caption.get_text()
    assert draw_limb(limb_pose(), caption=False).caption is None


def test_axes_must_come_in_pairs():
    """Passing one axes but not the other is refused with a clear error."""
    art = draw_limb(limb_pose())
    with pytest.raises(ValueError, match="both axes"):
        draw_limb(limb_pose(), ax_side=art.ax_side)
