"""Tests for lessons/core/plane.py: signed angles between lines, and range checks."""

from __future__ import annotations

import pytest

from lessons.core.errors import OutOfRangeError, check_range
from lessons.core.plane import turn_deg


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ((0, -1), (0, -1), 0.0),
        ((0, -1), (1, -1), 45.0),
        ((0, -1), (-1, -1), -45.0),
        ((0, -1), (1, 0), 90.0),
        ((1, 0), (0, 1), 90.0),
        ((0, -2), (3, -3), 45.0),  # lengths do not matter
    ],
)
def test_turn_is_signed_anticlockwise_and_ignores_length(first, second, expected):
    """The turn from one direction to another is + anticlockwise, whatever the vectors' lengths."""
    assert turn_deg(first, second) == pytest.approx(expected)


@pytest.mark.parametrize("value", [19.9, 36.1, float("nan"), float("inf"), "25"])
def test_values_outside_the_range_or_not_numbers_are_refused(value):
    """Anything but a finite number inside the range raises OutOfRangeError with the range."""
    with pytest.raises(OutOfRangeError, match="20 cm to 36 cm"):
        check_range("asis_width_cm", value, 20, 36, " cm")


@pytest.mark.parametrize("value", [20, 25.5, 36])
def test_values_inside_the_range_including_its_ends_pass(value):
    """The ends of the range are accepted (a slider's extreme is never an error)."""
    check_range("asis_width_cm", value, 20, 36, " cm")
