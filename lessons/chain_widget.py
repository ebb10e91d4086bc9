"""Wire sliders to Lesson 1's three models and diagrams: the chain, knee-valgus and Q-angle explorers.

Each builder returns an :class:`~lessons.explorer.Explorer`; a notebook shows
it with one call, a test sets ``controls[name].value`` and reads ``readout_text``.

>>> ex = chain_explorer()
>>> ex.controls["pelvis_drop_cm"].value = 20
>>> ex.controls["pelvis_shift_cm"].value = -20
>>> print(ex.readout_text.splitlines()[1])
Hip: 54° flexion. Knee: 73° flexion. Ankle: 20° dorsiflexion (shin leaning forward).
"""

from __future__ import annotations

from matplotlib.figure import Figure

from lessons.chain import PELVIS_DROP_RANGE_CM, PELVIS_SHIFT_RANGE_CM, describe_chain, solve_chain
from lessons.chain_diagram import draw_chain, update_chain
from lessons.explorer import Explorer, reset_button, slider
from lessons.q_angle import (
    ASIS_WIDTH_RANGE_CM,
    DEFAULT_ASIS_WIDTH_CM,
    DEFAULT_TENDON_OUTWARD_DEG,
    KNEE_SHIFT_RANGE_CM,
    TENDON_RANGE_DEG,
    describe_q_angle,
    q_angle,
)
from lessons.q_angle_diagram import draw_q_angle, update_q_angle
from lessons.valgus import (
    ADDUCTION_RANGE_DEG,
    KNEE_FLEXION_RANGE_DEG,
    ROTATION_RANGE_DEG,
    describe_valgus,
    knee_projection,
)
from lessons.valgus_diagram import draw_valgus, update_valgus

__all__ = ["BENCHMARK", "chain_explorer", "q_angle_explorer", "valgus_explorer"]

def _sliders(spec: dict[str, tuple[str, float, tuple[float, float], float, str]]) -> dict:
    """Labelled float sliders from name -> (label with unit, start, (low, high), step, format)."""
    return {
        name: slider(label, start, low, high, step, fmt)
        for name, (label, start, (low, high), step, fmt) in spec.items()
    }


def _assemble(title: str, controls: dict, artists, redraw, reset_label: str, start: dict) -> Explorer:
    """Make the explorer, wire every control to ``redraw(values) -> readout``, add a Reset button."""
    reset = reset_button(reset_label)
    explorer = Explorer(title, controls, artists.figure, animated=artists.moving(), extra=[reset])
    explorer.artists = artists

    def update() -> None:
        explorer.set_readout(redraw({name: c.value for name, c in controls.items()}))
        explorer.redraw()

    explorer.wire(update, reset, start)
    explorer.set_readout(redraw(start))
    return explorer


def chain_explorer(pelvis_drop_cm: float = 0.0, pelvis_shift_cm: float = 0.0, height_m: float = 1.75) -> Explorer:
    """Build the chain explorer: feet planted, move the pelvis and watch hip, knee and ankle answer.

    Args:
        pelvis_drop_cm: starting drop of the pelvis below standing height, cm.
        pelvis_shift_cm: starting position of the pelvis in front of (+) or behind (−) the ankle, cm.
        height_m: body height in metres (fixed for this explorer; FACTS A13 segment lengths).
    """
    artists = draw_chain(solve_chain(pelvis_drop_cm, pelvis_shift_cm, height_m), caption=False)
    controls = _sliders({
        "pelvis_drop_cm": ("Lower the pelvis by, cm (− = raise)", pelvis_drop_cm,
                           PELVIS_DROP_RANGE_CM, 1.0, ".0f"),
        "pelvis_shift_cm": ("Pelvis forward (+) / back (−), cm", pelvis_shift_cm,
                            PELVIS_SHIFT_RANGE_CM, 1.0, ".0f"),
    })

    def redraw(values: dict) -> str:
        pose = solve_chain(values["pelvis_drop_cm"], values["pelvis_shift_cm"], height_m)
        update_chain(artists, pose)
        return describe_chain(pose)

    start = {"pelvis_drop_cm": 0.0, "pelvis_shift_cm": 0.0}
    return _assemble("Chain explorer", controls, artists, redraw, "Reset to standing", start)


def valgus_explorer(knee_flexion_deg: float = 45.0, height_m: float = 1.75) -> Explorer:
    """Build the knee-valgus explorer: turn and swing the thigh in a squat and watch the knee from the front.

    Args:
        knee_flexion_deg: starting squat depth as knee flexion, degrees (the hip flexes as much).
        height_m: body height in metres (segment lengths, FACTS A13).
    """
    artists = draw_valgus(knee_projection(knee_flexion_deg, height_m=height_m), height_m=height_m,
                          caption=False)
    controls = _sliders({
        "knee_flexion_deg": ("Squat depth: knee flexion, °", knee_flexion_deg,
                             KNEE_FLEXION_RANGE_DEG, 1.0, ".0f"),
        "hip_adduction_deg": ("Hip adduction (+) / abduction (−), °", 0.0, ADDUCTION_RANGE_DEG, 1.0, ".0f"),
        "hip_internal_rotation_deg": ("Hip internal (+) / external (−) rotation, °", 0.0,
                                      ROTATION_RANGE_DEG, 1.0, ".0f"),
    })

    def redraw(values: dict) -> str:
        view = knee_projection(height_m=height_m, **values)
        update_valgus(artists, view, height_m=height_m)
        return describe_valgus(view)

    start = {"knee_flexion_deg": knee_flexion_deg, "hip_adduction_deg": 0.0, "hip_internal_rotation_deg": 0.0}
    return _assemble("Knee-valgus explorer", controls, artists, redraw, "Reset the hip to neutral", start)


def q_angle_explorer(height_m: float = 1.75) -> Explorer:
    """Build the Q-angle measurer: set pelvis width and knee and shin alignment, read the angle.

    Args:
        height_m: body height in metres (hip and knee heights, FACTS A13).
    """
    artists = draw_q_angle(q_angle(height_m=height_m), caption=False)
    controls = _sliders({
        "asis_width_cm": ("Pelvis width, ASIS to ASIS, cm", DEFAULT_ASIS_WIDTH_CM, ASIS_WIDTH_RANGE_CM,
                          0.5, ".1f"),
        "knee_inward_cm": ("Knee inward (+) / outward (−), cm", 0.0, KNEE_SHIFT_RANGE_CM, 0.5, ".1f"),
        "tendon_outward_deg": ("Kneecap-to-tuberosity line, ° outward", DEFAULT_TENDON_OUTWARD_DEG,
                               TENDON_RANGE_DEG, 0.5, ".1f"),
    })

    def redraw(values: dict) -> str:
        result = q_angle(height_m=height_m, **values)
        update_q_angle(artists, result)
        return describe_q_angle(result)

    start = {"asis_width_cm": DEFAULT_ASIS_WIDTH_CM, "knee_inward_cm": 0.0,
             "tendon_outward_deg": DEFAULT_TENDON_OUTWARD_DEG}
    return _assemble("Q-angle measurer", controls, artists, redraw, "Reset to the default leg", start)


def _naive_chain(values: dict) -> Figure:
    """Draw the chain figure from scratch (the benchmark's baseline)."""
    return draw_chain(solve_chain(values["pelvis_drop_cm"], values["pelvis_shift_cm"]), caption=False).figure


def _naive_valgus(values: dict) -> Figure:
    """Draw the knee-valgus figure from scratch (the benchmark's baseline)."""
    return draw_valgus(knee_projection(**values), caption=False).figure


def _naive_q_angle(values: dict) -> Figure:
    """Draw the Q-angle figure from scratch (the benchmark's baseline)."""
    return draw_q_angle(q_angle(**values), caption=False).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {
    "chain explorer": (chain_explorer, _naive_chain),
    "knee-valgus explorer": (valgus_explorer, _naive_valgus),
    "Q-angle measurer": (q_angle_explorer, _naive_q_angle),
}
