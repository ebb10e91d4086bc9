"""Wire a structure chooser and a piriformis-pattern chooser to the nerve map: the nerve map
explorer.

>>> ex = nerve_map_explorer()
>>> ex.controls["structure"].value = "fibular-neck"
>>> print(ex.readout_text.splitlines()[0])
Chosen: fibular neck (landmark, marked ◆).
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.core.explorer import Explorer
from lessons.nerve_map.diagram import draw_nerve_map, update_nerve_map
from lessons.nerve_map.model import describe_choice, load_nerve_map

__all__ = ["BENCHMARK", "nerve_map_explorer"]

_WIDE = dict(style={"description_width": "9em"}, layout=widgets.Layout(width="auto"))


def nerve_map_explorer(structure: str = "sciatic-nerve", pattern: str = "typical") -> Explorer:
    """Build the nerve map explorer: choose a structure to highlight and a piriformis pattern.

    Args:
        structure: the structure highlighted first (an id from ``lessons/data/nerve_map.toml``).
        pattern: the piriformis pattern shown first: ``"typical"``, ``"fibular-through"``
            or ``"fibular-above"``.

    Returns:
        An :class:`~lessons.core.explorer.Explorer`; its readout describes the chosen structure
        and says how common the pattern is (FACTS B4 only).
    """
    data = load_nerve_map()
    data.structure(structure), data.pattern(pattern)  # a clear error before anything is drawn
    controls = {
        "structure": widgets.Dropdown(
            options=[(s.name, s.id) for s in data.structures if s.selectable],
            value=structure, description="Structure", **_WIDE,
        ),
        "pattern": widgets.Dropdown(
            options=[(p.name, p.id) for p in data.patterns],
            value=pattern, description="Piriformis variant", **_WIDE,
        ),
    }
    artists = draw_nerve_map(structure, pattern, nerve_map=data, caption=True)
    explorer = Explorer("Nerve map", controls, artists.figure, animated=artists.moving())
    explorer.artists = artists

    def update() -> None:
        s, p = controls["structure"].value, controls["pattern"].value
        update_nerve_map(artists, s, p)
        explorer.set_readout(describe_choice(data, s, p))
        explorer.redraw()

    callback = explorer.guarded(update)
    for control in controls.values():
        control.observe(callback, names="value")
    explorer.set_readout(describe_choice(data, structure, pattern))
    return explorer


def _naive_frame(values: dict) -> Figure:
    """Draw the whole nerve map from scratch: the baseline the benchmark compares against."""
    return draw_nerve_map(values["structure"], values["pattern"]).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"nerve map": (nerve_map_explorer, _naive_frame)}
