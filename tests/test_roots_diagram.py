"""Tests for lessons/roots_diagram.py: one root's
dermatome shaded at a time, labelled and hatched."""

from __future__ import annotations

import pytest

from lessons.roots_diagram import DERMATOME_REGIONS, draw_roots, update_roots


@pytest.mark.parametrize("root", ["L4", "L5", "S1"])
def test_only_the_chosen_roots_regions_are_visible_and_labelled(root):
    """Every region of the chosen root shows, with its name written on it; the others hide."""
    art = draw_roots("L4")
    update_roots(art, root)
    shown = [p for p in art.regions if p.get_visible()]
    expected = sum(len(v) for v in DERMATOME_REGIONS[root].values())
    assert len(shown) == expected and all(p.get_label() == root for p in shown)
    labels = [t.get_text() for t in art.region_labels if t.get_visible()]
    assert labels == [root] * expected
    assert art.root_label.get_text() == f"{root} dermatome"


@pytest.mark.parametrize(
    "root, views",
    [("L4", {"front", "back"}), ("L5", {"front", "back"}), ("S1", {"front", "back", "sole"})],
)
def test_regions_follow_the_sensation_column_of_facts_b6(root, views):
    """Only S1 covers the sole (FACTS B6); L5 has the
    dorsum of the foot as a second front region."""
    assert {v for v, regions in DERMATOME_REGIONS[root].items() if regions} == views
    assert len(DERMATOME_REGIONS["L5"]["front"]) == 2


def test_each_root_has_its_own_hatching():
    """Roots differ by hatch pattern as well as colour."""
    art = draw_roots("L5")
    hatches = {p.get_label(): p.get_hatch() for p in art.regions}
    assert len(set(hatches.values())) == 3


def test_the_figure_says_dermatome_maps_vary():
    """The caveat is part of the figure itself."""
    art = draw_roots("L5")
    assert "dermatome maps vary between people" in art.figure.get_supxlabel()


def test_unknown_root_is_refused():
    """A root outside L4, L5, S1 raises a clear error."""
    with pytest.raises(ValueError, match="L4, L5, S1"):
        update_roots(draw_roots(), "S2")
