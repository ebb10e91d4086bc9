"""Name the course's colours: the Okabe-Ito colour-blind-safe palette.

Colour never carries meaning alone in a diagram: every coloured artist also
has a label, a marker shape or a line style, and the readout says it in words.

>>> MOVING_LIMB
'#0072B2'
"""

from __future__ import annotations

__all__ = [
    "BLACK",
    "BLUE",
    "FLOOR",
    "GREY",
    "JOINT",
    "MOVING_LIMB",
    "ORANGE",
    "REFERENCE_LIMB",
    "SKY",
    "VERMILLION",
    "GREEN",
    "YELLOW",
    "PURPLE",
]

# Okabe & Ito (2008), "Color Universal Design".
BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#999999"

# Roles, so that diagrams agree with one another.
MOVING_LIMB = BLUE
REFERENCE_LIMB = GREY
JOINT = VERMILLION
FLOOR = "#666666"
