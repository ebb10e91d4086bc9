"""Tests for lessons/stretch_card.py: the card is a real
PDF with extractable text, and file names are made safe."""

from __future__ import annotations

import io

import pypdf
import pytest

from lessons.errors import CourseError
from lessons.plain_words import load_plain_words, strip_citations
from lessons.stretch_card import STOP_SIGNS_LEAD, card_path, card_pdf, save_card
from lessons.stretches import load_catalog, routine_item

CATALOG = load_catalog()
CHOSEN = ["knee-to-opposite-shoulder", "bent-knee-hamstring"]
WORDS = load_plain_words()


def _pages(pdf: bytes) -> list[str]:
    """Each page's extracted text, with runs of white space made single spaces."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _text(pdf: bytes) -> str:
    return " ".join(_pages(pdf))


def _every_card() -> dict[str, bytes]:
    """Every card a learner or the handouts can make from one stretch, and the card of all six."""
    cards = {
        s.id: card_pdf([routine_item(s)], title=f"Stretch card: {s.name}")
        for s in CATALOG.stretches
    }
    cards["all, Letter"] = card_pdf([routine_item(s) for s in CATALOG.stretches], page="Letter")
    return cards


@pytest.fixture(scope="module")
def every_card() -> dict[str, bytes]:
    return _every_card()


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
            assert " ".join(strip_citations(words).split()) in text, words
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
    assert "°" in text  # "a right angle (90°)" in the hip-replacement caution


# -- plain words for patients -----------------------------------------------------------


def test_no_card_prints_a_fact_id_or_jargon(every_card):
    """A card is for patients: no "FACTS" id, no term of the jargon list (data/plain_words.toml)."""
    for name, pdf in every_card.items():
        text = _text(pdf)
        assert "FACTS" not in text, name
        assert WORDS.jargon_in(text) == [], (name, WORDS.jargon_in(text))


def test_the_jargon_check_finds_what_the_catalog_used_to_print():
    """The check is not blind: the wording cards printed before (ids, FAIR, slump...) is caught."""
    old = (
        "this bent, crossed, inward-turned position is the FAIR test (FACTS B5, C5); "
        "slump-type positions can provoke an irritable nerve root; "
        "posterior-approach hip precautions"
    )
    assert WORDS.jargon_in(old) == [
        "FACTS",
        "FAIR",
        "irritable nerve root",
        "nerve root",
        "posterior approach",
        "slump",
    ]


@pytest.mark.parametrize("stretch", CATALOG.stretches, ids=lambda s: s.id)
def test_the_card_ends_with_the_plain_references_of_its_sources(stretch):
    """The sources come last as plain references, one per work, mapped from the stretch's ids."""
    pages = _pages(card_pdf([routine_item(stretch)]))
    text = " ".join(pages)
    references = WORDS.references_for([*stretch.sources, CATALOG.red_flags.source])
    assert references and text.count("Sources: ") == 1
    listed = text[text.index("Sources: ") :]
    for reference in references:
        assert " ".join(reference.split()) in listed, reference
    last_sign = " ".join(CATALOG.red_flags.sections[-1][1][-1].split())
    assert text.index("Sources: ") > text.index(last_sign)  # after the red-flags box, the last box


def test_a_card_citing_a_fact_without_a_plain_reference_is_refused(tmp_path):
    """A new citation needs its plain reference first: the card will not print a bare id."""
    text = CATALOG.path.read_text(encoding="utf-8").replace(
        'sources = ["FACTS B8", "FACTS C7"]', 'sources = ["FACTS B8", "FACTS C7", "FACTS H1"]'
    )
    path = tmp_path / "stretches.toml"
    path.write_text(text, encoding="utf-8")
    from lessons.stretches import read_catalog

    draft = read_catalog(path)
    with pytest.raises(CourseError, match="FACTS H1 has no plain reference"):
        card_pdf([routine_item(draft.stretch("seated-nerve-glide"))], catalog=draft)


# -- the stop-signs box --------------------------------------------------------------------


def test_no_stop_sign_repeats_its_heading():
    """The box's heading says "Stop if:" once; no item starts with the heading's words again."""
    lead = STOP_SIGNS_LEAD.rstrip(":").lower()
    first_word = lead.split()[0]
    for stretch in CATALOG.stretches:
        for sign in stretch.stop_signs:
            start = strip_citations(sign).lower()
            assert not start.startswith(lead) and not start.startswith(first_word), (
                stretch.id,
                sign,
            )


def _stop_boxes_split(pdf: bytes) -> list[int]:
    """The pages on which a stop-signs box starts but does not end (its last sign is elsewhere)."""
    heading = f"Stop signs {STOP_SIGNS_LEAD}"
    # Every stretch's box ends with the same common stop sign, the last of the catalog's list.
    closing = " ".join(strip_citations(CATALOG.stretches[0].stop_signs[-1]).split())
    return [
        n
        for n, page in enumerate(_pages(pdf), start=1)
        if page.count(heading) != page.count(closing)
    ]


def test_the_stop_signs_box_is_never_split_by_a_page_end():
    """Each stop-signs box, heading to last sign, stays on one page, wherever the page ends fall.

    Longer titles push the content down a line at a time, so in some of these cards
    a box meets a page end (without fpdf2's unbreakable() some would split).
    """
    items = [routine_item(s) for s in CATALOG.stretches]
    for lines in range(8):
        pdf = card_pdf(items, title="My stretching routine" + " for this week" * 5 * lines)
        assert _stop_boxes_split(pdf) == [], lines


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
