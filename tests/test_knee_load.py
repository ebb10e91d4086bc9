"""Tests for lessons/knee_load.py: knee forces against
FACTS A7 and the weight-loss rule of FACTS A12."""

from __future__ import annotations

import pytest

from lessons.errors import OutOfRangeError
from lessons.knee_load import KNEE_PEAK_BW, describe, knee_peak_force_n, weight_loss_saving


@pytest.mark.parametrize(
    ("activity", "bw"),
    [("walking", 2.61), ("one-leg stance", 2.59), ("stairs up", 3.16), ("stairs down", 3.46)],
)
def test_peak_knee_forces_are_kutzners(activity, bw):
    """Peak knee force is Kutzner's multiple of body weight, in newtons (FACTS A7)."""
    assert KNEE_PEAK_BW[activity] == bw
    assert knee_peak_force_n(activity, 70) == pytest.approx(bw * 70 * 9.81)


@pytest.mark.parametrize(("lost_kg", "per_step_kg"), [(1, 4), (5, 20), (10, 40)])
def test_each_kilogram_lost_takes_about_four_off_each_step(lost_kg, per_step_kg):
    """1 kg lost removes about 4 kg of knee force per step (FACTS A12)."""
    assert weight_loss_saving(lost_kg).per_step_kg == per_step_kg


def test_the_daily_saving_is_per_step_times_steps():
    """The daily saving multiplies the per-step saving by the number of steps."""
    assert weight_loss_saving(5, steps_per_day=4000).per_day_kg == 20 * 4000


def test_readout_quotes_both_sources_and_the_proportional_comparison():
    """The readout names Kutzner and Messier and compares with simple proportional scaling."""
    text = describe("walking", 70, 5, 5000)
    assert "Kutzner 2010" in text and "Messier 2005" in text
    assert "Over 5,000 steps that adds up to 100 tonnes a day" in text
    assert "would save 13 kg" in text


@pytest.mark.parametrize("lost_kg", [0, 5])
def test_readout_says_who_the_rule_was_measured_in(lost_kg):
    """The 4:1 rule is given with its population, overweight
    and obese older adults with knee OA (FACTS A12)."""
    text = describe("walking", 70, lost_kg, 5000)
    assert "overweight and obese older adults with knee osteoarthritis" in text
    assert "measured saving" not in text


def test_readout_calls_the_daily_total_an_illustration_not_a_measurement():
    """Steps × 4 kg is an illustration, not a measured daily total (FACTS A12)."""
    text = describe("walking", 70, 5, 5000)
    tonnes_line = next(line for line in text.splitlines() if "tonnes" in line)
    assert "an illustration of the rule, not a measured total" in tonnes_line


def test_unknown_activities_and_out_of_range_masses_are_refused():
    """An unknown activity or a mass outside the range raises a clear error."""
    with pytest.raises(ValueError, match="activity"):
        knee_peak_force_n("running", 70)
    with pytest.raises(OutOfRangeError, match="body_mass_kg"):
        knee_peak_force_n("walking", 300)


def test_the_quiz_weight_loss_answer_is_what_the_model_gives():
    """The lesson 2 quiz's 5 kg question matches the model's per-step saving (no drift)."""
    from lessons.quiz import load_bank

    question = load_bank("02-knee-and-hip").question("knee-kg-per-kg")
    assert weight_loss_saving(5).per_step_kg == question.answer
