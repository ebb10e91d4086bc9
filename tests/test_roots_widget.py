"""Tests for lessons/roots/widget.py: the root control
shades a dermatome; findings pick the best-fitting root."""

from __future__ import annotations

import pytest

from lessons.roots.model import NOT_A_DIAGNOSIS
from lessons.roots.widget import root_explorer


@pytest.mark.parametrize("root, reflex", [("L4", "knee jerk reduced"), ("L5", "none reliable"),
                                          ("S1", "ankle jerk reduced")])
def test_choosing_a_root_shades_it_and_lists_its_signs(root, reflex):
    """The readout gives the root's reflex (FACTS B6) and the figure shows its regions only."""
    ex = root_explorer()
    ex.controls["root"].value = root
    assert f"Reflex: {reflex}." in ex.readout_text
    assert {p.get_label() for p in ex.artists.regions if p.get_visible()} == {root}


def test_findings_move_the_diagram_to_the_best_fitting_root():
    """Ticking the L4 pattern switches the shading to
    L4 and says so, with the not-a-diagnosis line."""
    ex = root_explorer("S1")
    ex.controls["reduced-knee-jerk"].value = True
    ex.controls["weak-knee-extension"].value = True
    assert ex.controls["root"].value == "L4"
    assert "Best textbook fit: L4" in ex.readout_text
    assert ex.readout_text.endswith(NOT_A_DIAGNOSIS)


def test_a_tie_leaves_the_root_alone_and_says_it_is_a_tie():
    """Findings that fit two roots equally do not pick one."""
    ex = root_explorer("L5")
    ex.controls["reduced-knee-jerk"].value = True
    ex.controls["reduced-ankle-jerk"].value = True
    assert "L4 and S1 tie" in ex.readout_text


def test_clear_unticks_every_finding():
    """The Clear findings button empties the list and the readout says nothing is chosen."""
    ex = root_explorer()
    ex.controls["numb-big-toe"].value = True
    ex.children[-2].children[-1].click()
    assert "No findings chosen" in ex.readout_text


def test_foot_drop_alone_mentions_the_fibular_nerve():
    """Weak heel-walking alone also fits a common fibular nerve palsy (FACTS B7)."""
    ex = root_explorer()
    ex.controls["weak-heel-walking"].value = True
    assert "common fibular nerve palsy" in ex.readout_text
