"""Wire sliders to Lesson 1's knee-valgus model and diagram: turn and swing the thigh in a squat.

>>> ex = valgus_explorer()
>>> ex.controls["hip_adduction_deg"].value = 10
>>> "inside" in ex.readout_text
True
"""

from __future__ import annotations

from matplotlib.figure import Figure

from lessons.core.build import assemble, sliders
from lessons.core.explorer import Explorer
from lessons.valgus.diagram import draw_valgus, update_valgus
from lessons.valgus.model import (
    ADDUCTION_RANGE_DEG,
    KNEE_FLEXION_RANGE_DEG,
    PRONATION_RANGE_DEG,
    ROTATION_RANGE_DEG,
    describe_valgus,
    knee_projection,
)

__all__ = ["BENCHMARK", "valgus_explorer"]


def valgus_explorer(knee_flexion_deg: float = 45.0, height_m: float = 1.75) -> Explorer:
    """Build the knee-valgus explorer: turn and swing the thigh, roll the foot, watch the knee from
    the front.

    Args:
        knee_flexion_deg: starting squat depth as knee flexion, degrees (the hip flexes as much).
        height_m: body height in metres (segment lengths, FACTS A13).
    """
    artists = draw_valgus(knee_projection(knee_flexion_deg, height_m=height_m), height_m=height_m,
                          caption=False)
    controls = sliders({
        "knee_flexion_deg": ("Squat depth: knee flexion, °", knee_flexion_deg,
                             KNEE_FLEXION_RANGE_DEG, 1.0, ".0f"),
        "hip_adduction_deg": ("Hip adduction (+) / abduction (−), °", 0.0, ADDUCTION_RANGE_DEG, 1.0,
                              ".0f"),
        "hip_internal_rotation_deg": ("Hip internal (+) / external (−) rotation, °", 0.0,
                                      ROTATION_RANGE_DEG, 1.0, ".0f"),
        "subtalar_pronation_deg": ("Foot: subtalar pronation (+) / supination (−), °", 0.0,
                                   PRONATION_RANGE_DEG, 1.0, ".0f"),
    })

    def redraw(values: dict) -> str:
        view = knee_projection(height_m=height_m, **values)
        update_valgus(artists, view, height_m=height_m)
        return describe_valgus(view)

    start = {"knee_flexion_deg": knee_flexion_deg, "hip_adduction_deg": 0.0,
             "hip_internal_rotation_deg": 0.0, "subtalar_pronation_deg": 0.0}
    return assemble("Knee-valgus explorer", controls, artists, redraw,
                    "Reset the hip and foot to neutral",
                    start)


def _naive_valgus(values: dict) -> Figure:
    """Draw the knee-valgus figure from scratch (the benchmark's baseline)."""
    return draw_valgus(knee_projection(**values), caption=False).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"knee-valgus explorer": (valgus_explorer, _naive_valgus)}
