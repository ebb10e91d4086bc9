"""Tests for lessons/chain_widget.py: Lesson 1's sliders
drive the models, the figures and the readouts."""

from __future__ import annotations

import pytest

from lessons.chain import describe_chain, solve_chain
from lessons.chain_widget import BENCHMARK, chain_explorer, q_angle_explorer, valgus_explorer
from lessons.q_angle import describe_q_angle, q_angle
from lessons.valgus import describe_valgus, knee_projection


def _reset(explorer):
    return explorer.children[-2].children[-1]


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


@pytest.mark.parametrize("build", [chain_explorer, valgus_explorer, q_angle_explorer])
def test_reset_returns_every_control_to_its_start(build):
    """Each explorer's Reset button puts every slider back where it started."""
    ex = build()
    start = {name: c.value for name, c in ex.controls.items()}
    for control in ex.controls.values():
        control.value = control.max
    _reset(ex).click()
    assert {name: c.value for name, c in ex.controls.items()} == start


@pytest.mark.parametrize("build", [chain_explorer, valgus_explorer, q_angle_explorer])
def test_every_explorer_has_a_short_deterministic_text_form(build):
    """The plain-text form (what strict nbval compares) is a fixed sentence under 110 characters."""
    text = repr(build())
    assert (
        text.endswith("run this cell in JupyterLab to use the interactive diagram.")
        and len(text) < 110
    )


@pytest.mark.parametrize("name", list(BENCHMARK))
def test_each_benchmark_entry_builds_and_draws_naively(name):
    """The benchmark's naive baseline draws a figure from the explorer's own control values."""
    build, naive = BENCHMARK[name]
    ex = build()
    assert naive({n: c.value for n, c in ex.controls.items()}).axes
