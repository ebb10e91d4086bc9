"""Wire sliders to the hip load model and its free-body diagram: the hip load explorer.

>>> ex = hip_load_explorer()
>>> ex.controls["cane_hand"].value = "opposite"
>>> print(ex.readout_text.splitlines()[0])
Standing on one leg, 70 kg (body weight 687 N): abductor force 0.33 × body weight (225 N); hip joint force 1.00 × body weight (689 N), leaning 6° from vertical.
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.core.explorer import Explorer, reset_button, slider
from lessons.hip_load.model import RANGES, HipLoadInputs, describe, hip_load
from lessons.hip_load.diagram import draw_hip_load, update_hip_load

__all__ = ["BENCHMARK", "DEFAULTS", "hip_load_explorer"]

#: Where the explorer starts and what Reset returns to: the typical adult of FACTS
#: section F standing on one leg, no lean, the cane (15 % BW, FACTS A3) not yet in hand.
DEFAULTS = {
    "body_mass_kg": 70.0,
    "abductor_lever_cm": 5.0,
    "body_weight_lever_cm": 10.0,
    "abductor_angle_deg": 70.0,
    "trunk_lean_cm": 0.0,
    "cane_hand": "none",
    "cane_force_pct_bw": 15.0,
}

_SLIDERS = {
    # name: (label, step, readout format)
    "body_mass_kg": ("Body mass, kg", 1.0, ".0f"),
    "abductor_lever_cm": ("Abductor lever arm a, cm", 0.1, ".1f"),
    "body_weight_lever_cm": ("Body-weight lever arm b, cm", 0.5, ".1f"),
    "abductor_angle_deg": ("Abductor line of pull, ° to horizontal", 1.0, ".0f"),
    "trunk_lean_cm": ("Trunk lean over the stance leg, cm", 0.5, ".1f"),
    "cane_force_pct_bw": ("Cane force, % of body weight", 1.0, ".0f"),
}

_HANDS = [
    ("No cane", "none"),
    ("Opposite hand (left, away from the loaded hip)", "opposite"),
    ("Same hand (right, beside the loaded hip)", "same"),
]

_STYLE = {"description_width": "17em"}


def _inputs(values: dict) -> HipLoadInputs:
    return HipLoadInputs(**values)


def hip_load_explorer(**start: float | str) -> Explorer:
    """Build the hip load explorer: a free-body diagram of the pelvis with a control per input.

    Args:
        **start: starting values by name, as in :class:`lessons.hip_load.model.HipLoadInputs`
            (the sliders cover body mass, both lever arms, the line of pull, trunk lean,
            cane force and which hand holds the cane).

    Returns:
        An :class:`~lessons.core.explorer.Explorer`; display it, or set
        ``controls[name].value`` and read ``readout_text`` in a test.
    """
    values = {**DEFAULTS, **start}
    load = hip_load(_inputs(values))  # validates, with a clear error, before anything is drawn
    controls: dict[str, widgets.Widget] = {}
    for name, (label, step, fmt) in _SLIDERS.items():
        low, high, _unit = RANGES[name]
        controls[name] = slider(
            label, values[name], low, high, step, fmt, label_width=_STYLE["description_width"]
        )
    controls["cane_hand"] = widgets.Dropdown(
        options=_HANDS, value=values["cane_hand"], description="Cane held in", style=_STYLE,
        layout=widgets.Layout(width="auto"),
    )
    reset = reset_button(tooltip="Back to the typical adult, no cane")
    artists = draw_hip_load(load)
    explorer = Explorer(
        "Hip load explorer", controls, artists.figure, animated=artists.moving(), extra=[reset]
    )
    explorer.artists = artists

    def update() -> None:
        current = {name: control.value for name, control in controls.items()}
        controls["cane_force_pct_bw"].disabled = current["cane_hand"] == "none"
        new = hip_load(_inputs(current))
        update_hip_load(artists, new)
        explorer.set_readout(describe(new))
        explorer.redraw()

    explorer.wire(update, reset, DEFAULTS)
    controls["cane_force_pct_bw"].disabled = values["cane_hand"] == "none"
    explorer.set_readout(describe(load))
    return explorer


def _naive_frame(values: dict) -> Figure:
    """Draw the whole free-body diagram from scratch: the benchmark's baseline."""
    return draw_hip_load(hip_load(_inputs(values))).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"hip load explorer": (hip_load_explorer, _naive_frame)}
