"""Tests for lessons/gait/widget.py: controls drive the gait model, the diagram and the readout."""

from __future__ import annotations

from lessons.gait.model import describe, gait_cycle
from lessons.gait.widget import DEFAULTS, gait_timeline


def test_starts_with_normal_walking_and_says_so():
    """The first readout describes normal gait at 30 % of the cycle; the pain amount is disabled."""
    ex = gait_timeline()
    assert ex.readout_text == describe(gait_cycle(), 30)
    assert ex.controls["stance_shortening_pct"].disabled


def test_pain_on_one_side_shortens_its_stance_bar_and_the_readout_explains():
    """Choosing a painful leg shortens its stance bar and the readout names the compensation."""
    ex = gait_timeline()
    ex.controls["painful_side"].value = "right"
    assert ex.artists.bars["right"][0].get_width() == 52.0
    assert "Antalgic gait, pain on the right" in ex.readout_text
    ex.controls["stance_shortening_pct"].value = 12
    assert ex.artists.bars["right"][0].get_width() == 48.0


def test_moving_through_the_cycle_changes_the_phase_in_the_readout():
    """The moment slider moves the "now" line and the readout's phase."""
    ex = gait_timeline()
    ex.controls["t_pct"].value = 80
    assert ex.readout_text.startswith("At 80 % of the cycle: single-leg stance on the left leg")
    assert ex.artists.now_line.get_xdata()[0] == 80


def test_weak_abductors_drop_the_pelvis_in_the_readout():
    """The Trendelenburg control makes the readout describe the swing-side drop."""
    ex = gait_timeline()
    ex.controls["weak_abductors_side"].value = "right"
    assert "now the pelvis drops on the left side" in ex.readout_text


def test_reset_returns_every_control_to_its_default():
    """Reset brings back normal walking at 30 % of the cycle."""
    ex = gait_timeline(painful_side="left", weak_abductors_side="left", t_pct=70)
    ex.children[-2].children[-1].click()
    assert {name: c.value for name, c in ex.controls.items()} == DEFAULTS


def test_the_play_button_drives_the_moment_slider():
    """Playing moves the moment slider (one way only, so key presses never echo back)."""
    ex = gait_timeline()
    play = ex.children[-2].children[-2]
    play.value = 72
    assert ex.controls["t_pct"].value == 72
    assert ex.readout_text.startswith("At 72 % of the cycle")
