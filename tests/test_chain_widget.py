"""Tests for lessons/chain/widget.py: Lesson 1's sliders
drive the models, the figures and the readouts."""

from __future__ import annotations

import pytest

from lessons.chain.model import describe_chain, solve_chain
from lessons.chain.widget import chain_explorer
from lessons.q_angle.model import describe_q_angle, q_angle
from lessons.q_angle.widget import q_angle_explorer
from lessons.valgus.model import describe_valgus, knee_projection
from lessons.valgus.widget import valgus_explorer


def test_the_chain_explorer_solves_the_chain_as_the_pelvis_moves():
    """Moving the pelvis sliders re-solves the chain, redraws the leg and rewrites the readout."""
    ex = chain_explorer()
    assert ex.readout_text == describe_chain(solve_chain())
    ex.controls["pelvis_drop_cm"].value = 20
    assert "past its usual 20°" in ex.readout_text
    ex.controls["pelvis_shift_cm"].value = -20
    assert ex.readout_text == describe_chain(solve_chain(20, -20))
    assert ex.artists.leg_side.get_xydata()[1].tolist() == pytest.approx(
        list(solve_chain(20, -20).knee)
    )


@pytest.mark.parametrize(
    ("drop", "shift", "warning"),
    [
        (-10, 0, "heel would have to rise"),
        (60, 30, "knee would have to go below the floor"),
        (60, 0, "past its usual 135°"),
        (60, -30, None),  # a deep squat sitting well back: every joint within its range
    ],
)
def test_the_chain_explorer_explains_extremes_instead_of_failing(drop, shift, warning):
    """At the sliders' extremes the readout explains in words and no error message appears."""
    ex = chain_explorer()
    ex.controls["pelvis_drop_cm"].value = drop
    ex.controls["pelvis_shift_cm"].value = shift
    assert ex.message.value == ""
    assert (warning in ex.readout_text) if warning else ("⚠" not in ex.readout_text)


def test_the_valgus_explorer_reports_the_knee_angle():
    """Turning the thigh in moves the drawn knee inside the line and the readout says valgus."""
    ex = valgus_explorer()
    ex.controls["hip_internal_rotation_deg"].value = 10
    ex.controls["hip_adduction_deg"].value = 10
    assert ex.readout_text == describe_valgus(knee_projection(45, 10, 10))
    assert "13.9° valgus" in ex.readout_text
    assert ex.artists.leg_front.get_xydata()[1][0] > 0


def test_the_q_angle_measurer_reads_out_the_angle_against_the_reported_ranges():
    """Widening the pelvis raises the angle the readout gives, against the ranges of FACTS A11."""
    ex = q_angle_explorer()
    assert ex.readout_text.startswith("Q-angle 11.0°")
    ex.controls["asis_width_cm"].value = 30
    assert ex.readout_text == describe_q_angle(q_angle(asis_width_cm=30))
    assert "Q-angle 13.6°" in ex.readout_text
