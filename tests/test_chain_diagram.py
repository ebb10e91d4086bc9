"""Tests for lessons/chain_diagram.py: drawn once,
updated in place, limits flagged in more than colour."""

from __future__ import annotations

import pytest

from lessons.chain import PELVIS_DROP_RANGE_CM, PELVIS_SHIFT_RANGE_CM, solve_chain
from lessons.chain_diagram import _limits, draw_chain, update_chain


def test_update_moves_the_same_artists_without_making_new_ones():
    """update_chain changes the data of the existing artists and adds none."""
    art = draw_chain(solve_chain())
    before = [len(ax.get_children()) for ax in art.figure.axes]
    update_chain(art, solve_chain(30, -25))
    assert [len(ax.get_children()) for ax in art.figure.axes] == before
    pose = solve_chain(30, -25)
    assert art.leg_side.get_xydata().ravel().tolist() == pytest.approx(
        [*pose.hip, *pose.knee, *pose.ankle]
    )


def test_a_joint_past_its_range_gets_a_cross_and_a_warning_sign():
    """Past the ankle's range, the ankle gets an ✕ marker and its label a ⚠, not only a colour."""
    art = draw_chain(solve_chain(20, 0))
    assert art.past_range_side.get_xydata().ravel().tolist() == pytest.approx(
        list(solve_chain(20, 0).ankle)
    )
    assert art.labels["ankle"].get_text() == "ankle 40° ⚠"
    update_chain(art, solve_chain(20, -20))
    assert len(art.past_range_side.get_xydata()) == 0
    assert art.labels["ankle"].get_text() == "ankle 20°"


@pytest.mark.parametrize("drop", PELVIS_DROP_RANGE_CM)
@pytest.mark.parametrize("shift", PELVIS_SHIFT_RANGE_CM)
def test_every_extreme_pose_fits_in_the_axes(drop, shift):
    """No pose at the sliders' extremes is clipped by the fixed limits."""
    (x0, x1), _, (z0, z1) = _limits(1.75)
    pose = solve_chain(drop, shift)
    for x, z in (pose.hip, pose.knee, pose.ankle, pose.toe, (pose.hip[0], pose.hip[1] + 0.25)):
        assert x0 < x < x1 and z0 < z < z1


def test_the_printed_figure_carries_the_angles_in_words():
    """The static figure's caption states the three
    angles; the live one leaves words to the readout."""
    assert (
        draw_chain(solve_chain(20, -20))
        .caption.get_text()
        .startswith("Hip: 54° flexion. Knee: 73°")
    )
    assert draw_chain(solve_chain(), caption=False).caption is None
