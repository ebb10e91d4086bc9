"""Tests for lessons/pain_map/diagram.py: drawn once; marked areas shaded, hatched and named."""

from __future__ import annotations

from lessons.pain_map.diagram import FIGURES, draw_pain_map, update_pain_map
from lessons.pain_map.model import load_pain_map


def test_every_area_is_drawn_once_in_its_view():
    """One patch per area, front areas in the front view and back areas in the back view."""
    pain_map = load_pain_map()
    art = draw_pain_map(pain_map)
    assert set(art.patches) == {r.id for r in pain_map.regions}
    for region in pain_map.regions:
        ax = art.ax_front if region.view == "front" else art.ax_back
        assert art.patches[region.id].axes is ax


def test_marking_changes_fill_hatch_edge_and_label_not_colour_alone():
    """A marked area is hatched, edged and named as well as coloured; unmarking clears all of it."""
    art = draw_pain_map()
    patches_before = len(art.ax_front.patches) + len(art.ax_back.patches)
    update_pain_map(art, ["buttock"])
    patch, label = art.patches["buttock"], art.labels["buttock"]
    assert patch.get_hatch() == "//" and patch.get_linewidth() == 2.0 and label.get_visible()
    assert label.get_text() == "buttock"
    update_pain_map(art, [])
    assert patch.get_hatch() in ("", None) and not label.get_visible()
    assert len(art.ax_front.patches) + len(art.ax_back.patches) == patches_before


def test_the_static_figure_marks_groin_and_knee():
    """The figures command draws the groin and the front of the knee marked."""
    figure = FIGURES["pain-map-groin-knee"]()
    texts = [t.get_text() for ax in figure.axes for t in ax.texts if t.get_visible()]
    assert sorted(texts) == ["front of the knee", "groin"]
