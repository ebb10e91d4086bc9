"""Tests for lessons/screening/widget.py: the test dropdown drives the limb and the readout."""

from __future__ import annotations

import pytest

from lessons.screening.model import describe, load_tests
from lessons.screening.widget import BENCHMARK, START, screening_explorer


def test_starts_on_hip_internal_rotation():
    """The first readout describes passive hip internal rotation."""
    ex = screening_explorer()
    assert ex.controls["test_id"].value == START and ex.readout_text == describe(START)


@pytest.mark.parametrize("test_id", list(load_tests()))
def test_each_test_in_the_dropdown_rewrites_the_readout(test_id):
    """Choosing any test shows its description and names it above the drawing."""
    ex = screening_explorer()
    ex.controls["test_id"].value = test_id
    assert ex.readout_text == describe(test_id)
    assert ex.artists.title.get_text() == load_tests()[test_id].name


def test_reset_goes_back_to_hip_internal_rotation():
    """The Reset button returns to the first test."""
    ex = screening_explorer()
    ex.controls["test_id"].value = "slump"
    ex.children[-2].children[-1].click()
    assert ex.controls["test_id"].value == START


def test_the_widget_text_form_is_short_and_the_benchmark_draws():
    """Strict nbval stores repr(widget); the benchmark's naive frame draws a test's position."""
    assert repr(screening_explorer()) == (
        "Screening test explorer: run this cell in JupyterLab to use the interactive diagram."
    )
    _build, naive = BENCHMARK["screening test explorer"]
    assert naive({"test_id": "faber"}).axes
