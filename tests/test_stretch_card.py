"""Tests for lessons/stretches/card.py: the card is a real
PDF with extractable text, and file names are made safe."""

from __future__ import annotations

import io

import pypdf
import pytest

from lessons.core.errors import CourseError
from lessons.stretches.card import card_path, card_pdf, save_card
from lessons.stretches.catalog import load_catalog, routine_item

CATALOG = load_catalog()
CHOSEN = ["knee-to-opposite-shoulder", "bent-knee-hamstring"]


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture(scope="module")
def card() -> bytes:
    return card_pdf([routine_item(CATALOG.stretch(sid)) for sid in CHOSEN], page="A4")


def test_card_opens_and_has_the_chosen_stretches_steps_and_stop_signs(card):
    """Every chosen stretch's name, steps, stop signs
    and cautions are in the PDF's extractable text."""
    text = _text(card)
    for sid in CHOSEN:
        stretch = CATALOG.stretch(sid)
        for words in (
            stretch.name,
            *stretch.steps,
            *stretch.stop_signs,
            *stretch.avoid_or_ask_first,
        ):
            assert " ".join(words.split()) in text, words
    assert "Figure-4" not in text and "Lying piriformis stretch" not in text  # only the chosen ones


def test_card_has_the_red_flags_box_and_the_education_line(card):
    """The red-flags box (FACTS E4, patient wording) and the education line are printed."""
    text = _text(card)
    flags = CATALOG.red_flags
    for heading, signs in flags.sections:
        for words in (heading, *signs):
            assert " ".join(words.split()) in " ".join(text.split()), words
    assert CATALOG.education_line in text
    assert "Education, not prescription" in text


def test_card_prints_the_dose_with_unicode(card):
    """The dose prints, and the Unicode font keeps the degree sign and the en dash."""
    text = _text(card)
    assert "Hold 30 s, 2 times (60 s in all), once a day." in text
    assert "°" in text  # "hip past 90°" in the hip-replacement caution


@pytest.mark.parametrize("page, size_pt", [("A4", (595.28, 841.89)), ("Letter", (612, 792))])
def test_page_sizes(page, size_pt):
    """A4 is 210 × 297 mm (595 × 842 pt); US Letter is 8.5 × 11 in (612 × 792 pt)."""
    pdf = card_pdf([routine_item(CATALOG.stretch("figure-4"))], page=page)
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(size_pt, abs=0.1)


def test_same_routine_gives_the_same_bytes():
    """The card is deterministic (fixed creation date, no timestamps in the pictures)."""
    items = [routine_item(CATALOG.stretch("knee-to-chest"))]
    assert card_pdf(items) == card_pdf(items)


def test_card_refuses_no_stretches_and_unknown_page():
    """An empty routine or a page size other than A4 or Letter is refused with a message."""
    with pytest.raises(CourseError, match="at least one stretch"):
        card_pdf([])
    with pytest.raises(CourseError, match="A4, Letter"):
        card_pdf([routine_item(CATALOG.stretch("figure-4"))], page="A5")


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("card", "card.pdf"),
        ("  My card  ", "My card.pdf"),
        ("card.PDF", "card.PDF"),
        ("a<b>c:d", "a-b-c-d.pdf"),
        ("x" * 200, "x" * 80 + ".pdf"),
    ],
)
def test_card_path_cleans_names_and_adds_pdf(tmp_path, typed, expected):
    """The learner's name keeps its letters, loses
    forbidden characters, is capped, and ends in .pdf."""
    assert card_path(typed, base=tmp_path) == tmp_path / expected


@pytest.mark.parametrize(
    "typed", ["../secret", "/etc/passwd", "a/b", "..\\x", ".hidden", "   ", ""]
)
def test_card_path_refuses_folders_traversal_and_empty_names(tmp_path, typed):
    """Names with folders, '..', a leading dot or nothing
    in them are refused with a friendly message."""
    with pytest.raises(CourseError):
        card_path(typed, base=tmp_path)


def test_card_path_uses_the_named_folder(tmp_path):
    """A relative folder is taken from the notebook's folder; an absolute one as it is."""
    assert card_path("c", "cards", base=tmp_path) == tmp_path / "cards" / "c.pdf"
    assert card_path("c", str(tmp_path), base="/elsewhere") == tmp_path / "c.pdf"


def test_save_card_never_overwrites_without_being_asked(tmp_path):
    """Saving twice under one name is refused, unless replace is set; a missing folder is named."""
    items = [routine_item(CATALOG.stretch("figure-4"))]
    path = save_card(items, "mine", base=tmp_path)
    assert path == tmp_path / "mine.pdf" and path.read_bytes().startswith(b"%PDF-")
    with pytest.raises(CourseError, match="already exists"):
        save_card(items, "mine", base=tmp_path)
    assert save_card(items, "mine", base=tmp_path, replace=True) == path
    with pytest.raises(CourseError, match="does not exist"):
        save_card(items, "mine", "no-such-folder", base=tmp_path)
