"""Tests for lessons/walking_pain/widget.py: the controls drive the contrast and its readout."""

from __future__ import annotations

import pytest

from lessons.walking_pain.model import describe, walking_pain
from lessons.walking_pain.widget import BENCHMARK, DEFAULTS, walking_pain_explorer


def test_starts_at_the_defaults_and_says_so():
    """The first readout describes 400 m, upright, eased by sitting, buttock and leg."""
    ex = walking_pain_explorer()
    assert ex.readout_text == describe(walking_pain(**DEFAULTS))


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("distance_m", 0.0, "The pain comes on standing"),
        ("posture", "trolley", "Leaning on a shopping trolley (neurogenic: fits"),
        ("rest", "standing-still", "Eased by standing still (neurogenic: against, vascular: fits)"),
        ("where", "calf", "Calf cramp (neurogenic: neutral, vascular: fits)"),
    ],
)
def test_each_control_changes_the_readout(name, value, expected):
    """Moving any control rewrites the readout with the new feature."""
    ex = walking_pain_explorer()
    ex.controls[name].value = value
    assert expected in ex.readout_text


def test_reset_returns_every_control_to_its_default():
    """Reset puts back the starting walk."""
    ex = walking_pain_explorer()
    ex.controls["posture"].value, ex.controls["distance_m"].value = "trolley", 0.0
    ex.children[-2].children[-1].click()
    assert {name: c.value for name, c in ex.controls.items()} == DEFAULTS


def test_the_widget_text_form_is_short_and_the_benchmark_draws():
    """Strict nbval stores repr(widget); the benchmark's naive frame draws from control values."""
    assert repr(walking_pain_explorer()) == (
        "Walking-pain explorer: run this cell in JupyterLab to use the interactive diagram."
    )
    _build, naive = BENCHMARK["walking-pain explorer"]
    assert naive({**DEFAULTS, "posture": "bent-forward"}).axes
