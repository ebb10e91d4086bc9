"""Tests for lessons/pain_map/widget.py: tick boxes drive the map and the readout."""

from __future__ import annotations

from lessons.pain_map.model import describe, load_pain_map
from lessons.pain_map.widget import BENCHMARK, pain_map_explorer


def test_starts_empty_and_asks_where_it_hurts():
    """Nothing is marked at first and the readout says what to do."""
    ex = pain_map_explorer()
    assert not any(box.value for box in ex.controls.values())
    assert ex.readout_text.startswith("No area marked yet")


def test_ticking_areas_and_a_trigger_rewrites_the_readout_and_the_map():
    """The readout is the model's description of the ticked boxes, and the area is shaded."""
    ex = pain_map_explorer()
    ex.controls["area:outer-hip"].value = True
    ex.controls["worse:side-lying"].value = True
    assert ex.readout_text == describe(load_pain_map(), ["outer-hip"], ["side-lying"])
    assert ex.readout_text.splitlines()[2].startswith("1. Greater trochanteric pain syndrome")
    assert ex.artists.patches["outer-hip"].get_hatch() == "//"


def test_clear_unticks_every_box():
    """The Clear button returns the map to nothing marked."""
    ex = pain_map_explorer()
    ex.controls["area:groin"].value = ex.controls["worse:morning"].value = True
    ex.children[-2].children[-1].click()
    assert not any(box.value for box in ex.controls.values())
    assert ex.artists.patches["groin"].get_hatch() in ("", None)


def test_the_widget_text_form_is_short_and_the_benchmark_draws():
    """Strict nbval stores repr(widget); the benchmark's naive frame draws from control values."""
    ex = pain_map_explorer()
    assert repr(ex) == "Pain map: run this cell in JupyterLab to use the interactive diagram."
    build, naive = BENCHMARK["pain map"]
    values = {name: box.value for name, box in build().controls.items()} | {"area:calf": True}
    assert naive(values).axes
