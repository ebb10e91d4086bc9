"""Measure in one plane of view: the signed angle between two lines, and range checks for model inputs.

The course's side and front views are flat pictures, so the chain, knee-valgus
and Q-angle models all measure angles between 2-D lines the same way.

>>> round(turn_deg((0.0, -1.0), (1.0, -1.0)), 1)  # heading down, then down and to the right
45.0
"""

from __future__ import annotations

import math

from lessons.errors import OutOfRangeError

__all__ = ["check_range", "turn_deg"]

Vector = tuple[float, float]


def turn_deg(first: Vector, second: Vector) -> float:
    """Return the angle (degrees) to turn from the direction ``first`` to ``second``, + anticlockwise.

    Anticlockwise as drawn with the first axis across and the second up: from a
    line heading straight down, + turns towards +x.

    >>> turn_deg((0.0, -1.0), (-1.0, 0.0))
    -90.0
    """
    cross = first[0] * second[1] - first[1] * second[0]
    dot = first[0] * second[0] + first[1] * second[1]
    return math.degrees(math.atan2(cross, dot)) + 0.0


def check_range(name: str, value: float, low: float, high: float, unit: str) -> None:
    """Refuse a value that is not a finite number within [low, high], saying what would be right.

    >>> check_range("asis_width_cm", 40, 20, 36, " cm")
    Traceback (most recent call last):
    ...
    lessons.errors.OutOfRangeError: asis_width_cm = 40 cm is outside 20 cm to 36 cm; choose a value in that range.
    """
    finite = isinstance(value, (int, float)) and math.isfinite(value)
    if not (finite and low <= value <= high):
        raise OutOfRangeError(name, value if finite else float("nan"), low, high, unit)
