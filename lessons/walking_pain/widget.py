"""Wire distance, posture, easing and site of leg pain on walking to the claudication contrast.

>>> ex = walking_pain_explorer()
>>> ex.controls["rest"].value = "standing-still"
>>> "standing still" in ex.readout_text
True
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.core.build import assemble
from lessons.core.explorer import Explorer, slider
from lessons.walking_pain.diagram import draw_walking, update_walking
from lessons.walking_pain.model import DISTANCE_RANGE_M, choices, describe, walking_pain

__all__ = ["BENCHMARK", "DEFAULTS", "walking_pain_explorer"]

#: Where the explorer starts and what Reset returns to.
DEFAULTS = {"distance_m": 400.0, "posture": "upright", "rest": "sitting", "where": "buttock-leg"}

_LABELS = {"posture": "Posture while walking", "rest": "What eases it", "where": "Where it is felt"}
_STYLE = {"description_width": "12em"}


def walking_pain_explorer(**start: float | str) -> Explorer:
    """Build the walking-pain explorer: how far, in what posture, eased how, felt where.

    Args:
        **start: starting values by name, as in :func:`lessons.walking_pain.model.walking_pain`.
    """
    values = {**DEFAULTS, **start}
    artists = draw_walking(walking_pain(**values))  # checks every value before drawing
    controls: dict[str, widgets.Widget] = {
        "distance_m": slider(
            "Distance walked before the pain, m (0: on standing)",
            values["distance_m"],
            *DISTANCE_RANGE_M,
            50.0,
            ".0f",
            label_width=_STYLE["description_width"],
        ),
    }
    for name, label in _LABELS.items():
        controls[name] = widgets.Dropdown(
            options=[(o.label, o.value) for o in choices(name)],
            value=values[name],
            description=label,
            style=_STYLE,
            layout=widgets.Layout(width="34em"),
        )

    def redraw(current: dict) -> str:
        new = walking_pain(**current)
        update_walking(artists, new)
        return describe(new)

    return assemble("Walking-pain explorer", controls, artists, redraw, "Back to the start", values)


def _naive_walking(values: dict) -> Figure:
    """Draw the whole figure from scratch (the benchmark's baseline)."""
    return draw_walking(walking_pain(**values)).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"walking-pain explorer": (walking_pain_explorer, _naive_walking)}
