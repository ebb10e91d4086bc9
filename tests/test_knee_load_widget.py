"""Tests for lessons/knee_load/widget.py and its bar
chart: controls drive the bars and the readout."""

from __future__ import annotations

import pytest

from lessons.knee_load.model import knee_peak_force_n
from lessons.knee_load.widget import DEFAULTS, knee_load_calculator


def test_the_bars_are_the_forces_and_follow_body_mass():
    """Each bar's length is its activity's force in newtons; changing mass resizes them in place."""
    ex = knee_load_calculator()
    bar = ex.artists.bars["stairs up"]
    ex.controls["body_mass_kg"].value = 90
    assert ex.artists.bars["stairs up"] is bar
    assert bar.get_width() == pytest.approx(knee_peak_force_n("stairs up", 90))


def test_choosing_an_activity_marks_its_bar_by_hatch_and_text():
    """The chosen activity is hatched and labelled "chosen", not told by colour alone."""
    ex = knee_load_calculator()
    ex.controls["activity"].value = "stairs down"
    assert ex.artists.bars["stairs down"].get_hatch() == "//"
    assert "chosen" in ex.artists.values["stairs down"].get_text()
    assert "chosen" not in ex.artists.values["walking"].get_text()
    assert ex.readout_text.startswith("Stairs down at 70 kg")


def test_weight_loss_and_steps_change_the_readout():
    """The readout gives the per-step and per-day saving for the chosen loss and steps."""
    ex = knee_load_calculator()
    ex.controls["weight_loss_kg"].value = 10
    ex.controls["steps_per_day"].value = 8000
    assert "Losing 10 kg: about 40 kg less force on the knee" in ex.readout_text
    assert "Over 8,000 steps that adds up to 320 tonnes a day" in ex.readout_text


def test_reset_restores_the_example_values_from_any_start():
    """Reset restores the example values, whatever the explorer started with."""
    ex = knee_load_calculator(activity="stairs up", weight_loss_kg=0)
    ex.children[-2].children[-1].click()
    assert {name: c.value for name, c in ex.controls.items()} == DEFAULTS
