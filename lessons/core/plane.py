"""Measure in one plane of view: the signed angle between two lines.

The course's side and front views are flat pictures, so the chain, knee-valgus
and Q-angle models all measure angles between 2-D lines the same way.

>>> round(turn_deg((0.0, -1.0), (1.0, -1.0)), 1)  # heading down, then down and to the right
45.0
"""

from __future__ import annotations

import math

from lessons.core.errors import CourseError, check_range

__all__ = ["turn_deg"]

#: Coordinates the course's diagrams use are metres or centimetres: far inside this.
_LARGEST = 1e6

Vector = tuple[float, float]


def turn_deg(first: Vector, second: Vector) -> float:
    """Return the angle (degrees) to turn from the direction ``first`` to ``second``, +
    anticlockwise.

    Anticlockwise as drawn with the first axis across and the second up: from a
    line heading straight down, + turns towards +x.

    >>> turn_deg((0.0, -1.0), (-1.0, 0.0))
    -90.0
    """
    (x1, y1), (x2, y2) = _vector("first", first), _vector("second", second)
    cross = x1 * y2 - y1 * x2
    dot = x1 * x2 + y1 * y2
    return math.degrees(math.atan2(cross, dot)) + 0.0


def _vector(name: str, vector: Vector) -> tuple[float, float]:
    """Check a 2-D vector: two finite real numbers (any type); return them as floats."""
    try:
        x, y = vector
    except (TypeError, ValueError):
        raise CourseError(f"{name} must be a pair of numbers (x, y), not {vector!r}.") from None
    return (
        check_range(f"{name}[0]", x, -_LARGEST, _LARGEST),
        check_range(f"{name}[1]", y, -_LARGEST, _LARGEST),
    )
