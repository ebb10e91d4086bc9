"""Tests for lessons/nerve_map/diagram.py: drawn once, highlight and pattern updated in place."""

from __future__ import annotations

import pytest

from lessons.core.errors import CourseError
from lessons.nerve_map.diagram import draw_nerve_map, update_nerve_map
from lessons.nerve_map.model import load_nerve_map


def test_update_changes_the_same_artists_and_adds_none():
    """Choosing another structure and pattern moves existing artists only."""
    art = draw_nerve_map("sciatic-nerve", "typical")
    before = [len(ax.get_children()) for ax in art.figure.axes]
    update_nerve_map(art, "piriformis", "fibular-above")
    assert [len(ax.get_children()) for ax in art.figure.axes] == before


@pytest.mark.parametrize("structure_id", load_nerve_map().ids())
def test_every_structure_can_be_highlighted_with_a_marker_and_its_name(structure_id):
    """Each structure gets the diamond marker and its name in the overview, not colour alone."""
    art = draw_nerve_map(structure_id)
    s = load_nerve_map().structure(structure_id)
    assert art.name_labels[0].get_text() == s.name
    assert art.markers[0].get_xydata().tolist() == [list(s.anchor())]
    if s.shape != "point":
        assert len(art.highlight_lines[0].get_xdata()) >= 2


@pytest.mark.parametrize(
    "pattern_id, style, same_path",
    [("typical", "-", True), ("fibular-through", "--", False), ("fibular-above", "-", False)],
)
def test_pattern_redraws_the_divisions(pattern_id, style, same_path):
    """The typical pattern is one trunk; variants split
    it, dashed where the division is inside the muscle."""
    art = draw_nerve_map("piriformis", pattern_id)
    tibial = art.tibial_lines[1].get_xydata().tolist()
    fibular = art.fibular_lines[1].get_xydata().tolist()
    assert (tibial == fibular) is same_path
    assert art.fibular_lines[1].get_linestyle() == style
    assert load_nerve_map().pattern(pattern_id).name in art.pattern_label.get_text()


def test_unknown_ids_raise_the_course_error_naming_the_known_ones():
    """A misspelt structure id fails with the course's own error listing the known ids."""
    art = draw_nerve_map()
    with pytest.raises(CourseError, match="structure_id = 'piriformus'.*'piriformis'"):
        update_nerve_map(art, "piriformus", "typical")


def test_the_labelling_question_names_the_numbered_structures_in_order():
    """The 03a labelling question's answers are the
    names of the quiz figure's numbered structures."""
    from lessons.nerve_map.diagram import QUIZ_MARKERS
    from lessons.quizzes.bank import load_bank

    question = load_bank("03a-sciatica-anatomy").question("label-nerve-map")
    names = [load_nerve_map().structure(s).name for s in QUIZ_MARKERS]
    assert [n.replace(" (peroneal)", "") for n in names] == list(question.answer)
