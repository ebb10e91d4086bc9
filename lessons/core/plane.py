"""Measure in one plane of view: the signed angle between two lines.

The course's side and front views are flat pictures, so the chain, knee-valgus
and Q-angle models all measure angles between 2-D lines the same way.

>>> round(turn_deg((0.0, -1.0), (1.0, -1.0)), 1)  # heading down, then down and to the right
45.0
"""

from __future__ import annotations

import math

__all__ = ["turn_deg"]

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
