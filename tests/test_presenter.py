"""Tests for lessons/presenter.py: one switch scales every
explorer and styles the room; every lesson has it and slides."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from lessons import presenter
from lessons.errors import OutOfRangeError
from lessons.explorer import Explorer
from lessons.limb_widget import limb_explorer
from lessons.presenter import PRESENTER_SCALE, presenter_mode, presenter_switch

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}


@pytest.fixture(autouse=True)
def normal_size():
    """Every test starts, and leaves the kernel, with presenter mode off."""
    presenter_mode(False)
    yield
    presenter_mode(False)


def test_presenter_mode_scales_every_live_explorer_and_back():
    """Turning presenter mode on draws each figure at
    1.5 times its dpi; turning it off restores it."""
    explorer = limb_explorer()
    normal_dpi = explorer.figure.get_dpi()
    presenter_mode(True)
    assert explorer.scale == PRESENTER_SCALE
    assert explorer.figure.get_dpi() == pytest.approx(normal_dpi * PRESENTER_SCALE)
    assert "course-presenting" in explorer._dom_classes
    presenter_mode(False)
    assert explorer.figure.get_dpi() == pytest.approx(normal_dpi)
    assert "course-presenting" not in explorer._dom_classes


def test_an_explorer_built_in_presenter_mode_comes_out_large_after_its_cell():
    """An explorer built while presenter mode is on is
    brought to the presenter scale when its cell ends."""
    presenter_mode(True)
    explorer = limb_explorer()
    presenter._after_cell()
    assert explorer.scale == PRESENTER_SCALE


def test_the_switch_turns_presenter_mode_on_and_every_switch_follows():
    """Pressing one switch turns presenter mode on, shows the
    style sheet and words, and moves the other switches."""
    first, second = presenter_switch(), presenter_switch()
    first.toggle.value = True
    assert presenter.current_scale() == PRESENTER_SCALE
    assert second.toggle.value is True
    assert "<style>" in second.style_sheet.value and presenter.ON_CLASS in second._dom_classes
    assert "On: large diagrams and text" in second.status.value
    second.toggle.value = False
    assert presenter.current_scale() == 1.0
    assert first.toggle.value is False and first.style_sheet.value == ""
    assert presenter.ON_CLASS not in first._dom_classes


def test_a_switch_made_in_presenter_mode_starts_on():
    """A switch shown after presenter mode was turned
    on (another lesson's) says so from the start."""
    presenter_mode(True)
    assert presenter_switch().toggle.value is True


def test_the_style_sheet_is_scoped_to_the_notebook_with_the_switch_on():
    """Every style rule applies only inside a notebook that holds
    a switch that is on, so other lessons keep their size."""
    rules = [line for line in presenter.STYLE.splitlines() if "{" in line]
    assert rules and all(
        line.startswith(f".jp-Notebook:has(.{presenter.ON_CLASS}) ") for line in rules
    )
    assert "http" not in presenter.STYLE and "@import" not in presenter.STYLE


def test_a_scale_outside_one_to_three_is_refused_with_the_range():
    """presenter_mode(scale=5) names the range instead of drawing an unreadably large figure."""
    with pytest.raises(OutOfRangeError, match="1 to 3"):
        presenter_mode(True, scale=5)
    assert presenter.current_scale() == 1.0


def test_the_switch_has_a_short_fixed_plain_text_form():
    """The switch's text form is one fixed sentence under 110
    characters, so saved lessons validate under nbval."""
    text = repr(presenter_switch())
    assert text == repr(presenter_switch()) and len(text) < 110
    assert " at 0x" not in text


def test_presenter_mode_works_without_figures():
    """Figure-less explorers (the hold timer, the claim check) take the presenter class too."""
    tool = Explorer("Tool", {}, figure=None)
    presenter_mode(True, scale=1.25)
    assert tool.scale == 1.25 and "course-presenting" in tool._dom_classes


# -- the lessons carry the switch and slide metadata --------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_shows_one_switch_right_after_its_opening(path):
    """Each lesson has exactly one presenter switch cell, right
    after its opening and a one-line note for teachers."""
    cells = nbformat.read(path, as_version=4).cells
    switches = [i for i, cell in enumerate(cells) if "presenter_switch()" in cell.source]
    assert switches == [2]
    assert "**Education, not" in cells[0].source
    assert cells[1].cell_type == "markdown" and "presenter mode" in cells[1].source
    assert cells[1].source.count("\n") == 0


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_is_a_slide_deck_with_a_slide_per_section(path):
    """Every cell has a slide type; the title and every ##
    section start a slide; the switch sits on the title slide."""
    nb = nbformat.read(path, as_version=4)
    types = [cell.metadata.get("slideshow", {}).get("slide_type") for cell in nb.cells]
    assert set(types) <= SLIDE_TYPES and None not in types
    for cell, kind in zip(nb.cells, types, strict=True):
        if cell.cell_type == "markdown" and cell.source.startswith(("# ", "## ")):
            assert kind in {"slide", "notes"}, cell.source.splitlines()[0]
        if cell.cell_type == "code":
            assert kind == "-", f"a widget cell belongs on its section's slide: {cell.source!r}"
    assert types[0] == "slide" and types[2] == "-"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_uses_a_slide_theme_that_needs_no_internet(path):
    """The deck uses reveal.js's white theme (bundled
    fonts); the default theme fetches Google fonts."""
    rise = nbformat.read(path, as_version=4).metadata.get("rise", {})
    assert rise.get("theme") in {"white", "black"}
