"""Wire sliders to Lesson 1's Q-angle model and diagram: pelvis width, knee and shin alignment.

>>> ex = q_angle_explorer()
>>> ex.readout_text.startswith("Q-angle")
True
"""

from __future__ import annotations

from matplotlib.figure import Figure

from lessons.core.build import assemble, sliders
from lessons.core.explorer import Explorer
from lessons.q_angle.diagram import draw_q_angle, update_q_angle
from lessons.q_angle.model import (
    ASIS_WIDTH_RANGE_CM,
    DEFAULT_ASIS_WIDTH_CM,
    DEFAULT_TENDON_OUTWARD_DEG,
    KNEE_SHIFT_RANGE_CM,
    TENDON_RANGE_DEG,
    describe_q_angle,
    q_angle,
)

__all__ = ["BENCHMARK", "q_angle_explorer"]


def q_angle_explorer(height_m: float = 1.75) -> Explorer:
    """Build the Q-angle measurer: set pelvis width and knee and shin alignment, read the angle.

    Args:
        height_m: body height in metres (hip and knee heights, FACTS A13).
    """
    artists = draw_q_angle(q_angle(height_m=height_m), caption=False)
    controls = sliders({
        "asis_width_cm": ("Pelvis width, ASIS to ASIS, cm", DEFAULT_ASIS_WIDTH_CM,
                          ASIS_WIDTH_RANGE_CM,
                          0.5, ".1f"),
        "knee_inward_cm": ("Knee inward (+) / outward (−), cm", 0.0, KNEE_SHIFT_RANGE_CM, 0.5,
                           ".1f"),
        "tendon_outward_deg": ("Kneecap-to-tuberosity line, ° outward", DEFAULT_TENDON_OUTWARD_DEG,
                               TENDON_RANGE_DEG, 0.5, ".1f"),
    })

    def redraw(values: dict) -> str:
        result = q_angle(height_m=height_m, **values)
        update_q_angle(artists, result)
        return describe_q_angle(result)

    start = {"asis_width_cm": DEFAULT_ASIS_WIDTH_CM, "knee_inward_cm": 0.0,
             "tendon_outward_deg": DEFAULT_TENDON_OUTWARD_DEG}
    return assemble("Q-angle measurer", controls, artists, redraw, "Reset to the default leg",
                    start)


def _naive_q_angle(values: dict) -> Figure:
    """Draw the Q-angle figure from scratch (the benchmark's baseline)."""
    return draw_q_angle(q_angle(**values), caption=False).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"Q-angle measurer": (q_angle_explorer, _naive_q_angle)}
