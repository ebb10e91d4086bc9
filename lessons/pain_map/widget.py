"""Wire the pain map to tick boxes: mark where it hurts and what makes it worse; read what refers.

>>> ex = pain_map_explorer()
>>> ex.controls["area:outer-hip"].value = True
>>> ex.readout_text.splitlines()[1].startswith("1. Greater trochanteric pain syndrome")
True
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.core.build import assemble
from lessons.core.explorer import Explorer
from lessons.pain_map.diagram import draw_pain_map, update_pain_map
from lessons.pain_map.model import describe, load_pain_map

__all__ = ["BENCHMARK", "pain_map_explorer"]


def _box(label: str, value: bool) -> widgets.Checkbox:
    return widgets.Checkbox(
        value=value, description=label, indent=False, layout=widgets.Layout(width="auto")
    )


def _marked(values: dict[str, bool], prefix: str) -> tuple[str, ...]:
    """The ids whose tick box with this prefix is ticked, in the list's order."""
    return tuple(
        name.removeprefix(prefix) for name, on in values.items() if on and name.startswith(prefix)
    )


def pain_map_explorer(regions: tuple[str, ...] = (), triggers: tuple[str, ...] = ()) -> Explorer:
    """Build the pain map explorer: a front and back outline, tick boxes for areas and triggers.

    Args:
        regions: ids of the areas marked at the start (from ``lessons/data/pain_map.toml``).
        triggers: ids of the triggers marked at the start.

    Returns:
        An :class:`~lessons.core.explorer.Explorer` with a tick box per area
        (``controls["area:groin"]``) and per trigger (``controls["worse:stairs"]``);
        tick some and read ``readout_text``.
    """
    pain_map = load_pain_map()
    describe(pain_map, regions, triggers)  # checks the ids, with a clear error, before drawing
    artists = draw_pain_map(pain_map, regions)
    controls: dict[str, widgets.Checkbox] = {}
    for region in pain_map.regions:
        controls[f"area:{region.id}"] = _box(f"Hurts: {region.name}", region.id in regions)
    for trigger in pain_map.triggers:
        controls[f"worse:{trigger.id}"] = _box(
            f"Worse with: {trigger.name}", trigger.id in triggers
        )

    def redraw(values: dict) -> str:
        marked = _marked(values, "area:")
        update_pain_map(artists, marked)
        return describe(pain_map, marked, _marked(values, "worse:"))

    start = {name: box.value for name, box in controls.items()}
    label = "Back to the starting marks" if any(start.values()) else "Clear the map"
    return assemble("Pain map", controls, artists, redraw, label, start)


def _naive_map(values: dict) -> Figure:
    """Draw the whole map from scratch (the benchmark's baseline)."""
    return draw_pain_map(load_pain_map(), _marked(values, "area:")).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"pain map": (pain_map_explorer, _naive_map)}
