"""Wire controls to the knee load calculator: activity, body mass, weight loss and steps per day.

>>> ex = knee_load_calculator()
>>> ex.controls["activity"].value = "stairs down"
>>> print(ex.readout_text.splitlines()[0])  # doctest: +NORMALIZE_WHITESPACE
Stairs down at 70 kg: peak knee force 3.46 × body weight, about 2,376 N (242 kg-force) (Kutzner
2010).
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.core.explorer import Explorer, reset_button, slider
from lessons.knee_load.diagram import draw_knee_load, update_knee_load
from lessons.knee_load.model import KNEE_PEAK_BW, RANGES, describe

__all__ = ["BENCHMARK", "DEFAULTS", "knee_load_calculator"]

#: Where the calculator starts: walking, a 70 kg adult (a round example), 5 kg lost and
#: 5,000 steps a day (example inputs to change, not recommendations).
DEFAULTS = {"activity": "walking", "body_mass_kg": 70.0, "weight_loss_kg": 5.0,
            "steps_per_day": 5000.0}

_STYLE = {"description_width": "14em"}


def _slider(name: str, label: str, step: float, fmt: str, value: float) -> widgets.FloatSlider:
    low, high, _unit = RANGES[name]
    return slider(label, value, low, high, step, fmt, label_width=_STYLE["description_width"])


def knee_load_calculator(**start: float | str) -> Explorer:
    """Build the knee load calculator: bars of peak knee force per activity, and the weight-loss
    saving.

    Args:
        **start: starting values: ``activity`` (one of walking, one-leg stance, stairs up,
            stairs down), ``body_mass_kg``, ``weight_loss_kg``, ``steps_per_day``.
    """
    values = {**DEFAULTS, **start}
    text = describe(**values)  # validates before anything is drawn
    controls: dict[str, widgets.Widget] = {
        "activity": widgets.Dropdown(options=list(KNEE_PEAK_BW), value=values["activity"],
                                     description="Activity",
                                     style=_STYLE, layout=widgets.Layout(width="auto")),
        "body_mass_kg": _slider("body_mass_kg", "Body mass, kg", 1, ".0f", values["body_mass_kg"]),
        "weight_loss_kg": _slider("weight_loss_kg", "Weight lost, kg", 0.5, ".1f",
                                  values["weight_loss_kg"]),
        "steps_per_day": _slider("steps_per_day", "Steps per day", 500, ",.0f",
                                 values["steps_per_day"]),
    }
    reset = reset_button(tooltip="Back to the example values")
    artists = draw_knee_load(values["activity"], values["body_mass_kg"])
    explorer = Explorer("Knee load calculator", controls, artists.figure, animated=artists.moving(),
                        extra=[reset])
    explorer.artists = artists

    def update() -> None:
        current = {name: control.value for name, control in controls.items()}
        update_knee_load(artists, current["activity"], current["body_mass_kg"])
        explorer.set_readout(describe(**current))
        explorer.redraw()

    explorer.wire(update, reset, DEFAULTS)
    explorer.set_readout(text)
    return explorer


def _naive_frame(values: dict) -> Figure:
    """Draw the whole bar chart from scratch: the benchmark's baseline."""
    return draw_knee_load(values["activity"], values["body_mass_kg"]).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"knee load calculator": (knee_load_calculator, _naive_frame)}
