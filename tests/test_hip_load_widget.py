"""Tests for lessons/hip_load/widget.py: controls drive the model, the diagram and the readout."""

from __future__ import annotations

import pytest

from lessons.core.errors import OutOfRangeError
from lessons.hip_load.model import HipLoadInputs, describe, hip_load
from lessons.hip_load.widget import DEFAULTS, hip_load_explorer


def test_starts_at_the_typical_adult_and_says_so():
    """The first readout is the model's description of the FACTS section F defaults."""
    ex = hip_load_explorer()
    assert ex.readout_text == describe(hip_load(HipLoadInputs()))
    assert ex.controls["cane_force_pct_bw"].disabled


def test_choosing_the_opposite_hand_uses_the_cane_and_rewrites_the_readout():
    """Picking the opposite hand enables the cane force
    and the readout shows the fall and the caveat."""
    ex = hip_load_explorer()
    ex.controls["cane_hand"].value = "opposite"
    assert not ex.controls["cane_force_pct_bw"].disabled
    assert "cuts the model's hip force by 60 %" in ex.readout_text
    assert "overstates" in ex.readout_text
    assert ex.artists.labels["joint"].get_text() == "Joint reaction\n1.00 BW"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("body_weight_lever_cm", 15.0, "b/a = 3.0"),
        ("trunk_lean_cm", 8.0, "shortens b from 10.0 cm to 2.0 cm"),
        ("body_mass_kg", 100.0, "100 kg (body weight 981 N)"),
        ("abductor_angle_deg", 60.0, "line of pull 60°"),
    ],
)
def test_each_slider_changes_the_readout(name, value, expected):
    """Moving any slider updates the readout with the new situation."""
    ex = hip_load_explorer()
    ex.controls[name].value = value
    assert expected in ex.readout_text


def test_reset_returns_every_control_to_its_default():
    """Reset puts back the typical adult without a cane."""
    ex = hip_load_explorer(cane_hand="same", trunk_lean_cm=5.0)
    ex.children[-2].children[-1].click()
    assert {name: c.value for name, c in ex.controls.items()} == DEFAULTS
    assert "No cane" in ex.readout_text


def test_a_failing_update_shows_a_message_instead_of_a_traceback(monkeypatch):
    """If the model refuses a value, the learner sees the message and the diagram stays."""
    import lessons.hip_load.widget as module

    def refuse(*_args, **_kwargs):
        raise OutOfRangeError("abductor_lever_cm", 99, 4, 7, " cm")

    ex = hip_load_explorer()
    monkeypatch.setattr(module, "hip_load", refuse)
    ex.controls["abductor_lever_cm"].value = 6
    assert "abductor_lever_cm = 99 cm is outside 4 cm to 7 cm" in ex.message.value


def test_the_widget_text_form_is_short_and_deterministic():
    """Strict nbval stores repr(widget): it must be the fixed instruction, under 110 characters."""
    text = repr(hip_load_explorer())
    assert text == "Hip load explorer: run this cell in JupyterLab to use the interactive diagram."
    assert len(text) < 110
