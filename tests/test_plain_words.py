"""Tests for lessons/core/plain_words.py: fact ids leave patient text as plain references; jargon is
found."""

from __future__ import annotations

import pytest

from lessons.core.errors import CourseError, DataFileError
from lessons.core.plain_words import (
    PLAIN_WORDS_PATH,
    cited_ids,
    load_plain_words,
    read_plain_words,
    strip_citations,
)
from lessons.stretches.catalog import load_catalog

WORDS = load_plain_words()


@pytest.mark.parametrize(
    "text, plain",
    [
        ("Stop if it hurts (FACTS C6).", "Stop if it hurts."),
        ("Keep the knee bent (FACTS B8, C7); then rest.", "Keep the knee bent; then rest."),
        ("As the guideline says (FACTS section E).", "As the guideline says."),
        ("Small or unproven (FACTS C1–C3).", "Small or unproven."),
        (
            "Delp et al. 1999 (an ultrasound study questions this) (FACTS C4).",
            "Delp et al. 1999 (an ultrasound study questions this).",
        ),
        ("No citation here.", "No citation here."),
    ],
)
def test_strip_citations_keeps_the_words_and_drops_the_ids(text, plain):
    """Only brackets of fact ids go; other brackets and the punctuation stay."""
    assert strip_citations(text) == plain


def test_an_id_outside_brackets_is_refused():
    """A bare "FACTS C7" in running text cannot be dropped silently, so it is an error."""
    with pytest.raises(CourseError, match="outside brackets"):
        strip_citations("As FACTS C7 says, keep the knee bent.")


def test_cited_ids_reads_lists_and_sections_once_each():
    """Ids after "FACTS" and after commas in the same list are found once, in order."""
    assert cited_ids("(FACTS B8, C7)", "FACTS C7", "FACTS E4 and FACTS section E") == (
        "B8",
        "C7",
        "E4",
        "section E",
    )


def test_every_fact_the_catalog_cites_has_a_plain_reference():
    """Each id in a stretch's sources or the red-flags box has a plain reference, so every card
    can be made."""
    catalog = load_catalog()
    texts = [source for stretch in catalog.stretches for source in stretch.sources] + [
        catalog.red_flags.source
    ]
    for fact_id in cited_ids(*texts):
        assert fact_id in WORDS.references, fact_id


def test_a_work_shared_by_two_facts_is_listed_once():
    """E4 and section E both name the GIRFT pathway: the sources line lists it once."""
    line = WORDS.sources_line(["FACTS E4", "FACTS section E"])
    assert line.count("GIRFT") == 1 and line.startswith("Sources: ") and line.endswith(".")
    assert WORDS.sources_line([]) == ""


@pytest.mark.parametrize(
    "text, found",
    [
        ("after posterior-approach surgery", ["posterior approach"]),
        ("the Posterior Approach", ["posterior approach"]),
        ("a fair test of patience", []),  # FAIR only in capitals
        ("W′ at lever b, b/a = 2", ["W′", "a letter standing for a length, like (t) or D", "b/a"]),
        ("1.68 × body weight (1,152 N)", ["newtons"]),
        ("no slumping here, just sitting", []),  # whole words only
        (
            "Pillow between the knees, squashed (t), cm",
            ["a letter standing for a length, like (t) or D"],
        ),
        ("about 2½ times your body weight", []),
    ],
)
def test_jargon_in_finds_terms_as_whole_words(text, found):
    """Phrases match across hyphens and case; capitals-only terms in capitals; patterns find
    symbols."""
    assert WORDS.jargon_in(text) == sorted(found)


def test_every_jargon_term_is_found_by_its_own_pattern():
    """Each entry finds at least its own term (its pattern is not a typo that finds nothing)."""
    for entry in WORDS.jargon:
        if not entry.term.startswith("a letter"):
            assert entry.pattern.search(entry.term), entry.term


@pytest.mark.parametrize(
    "change, field",
    [
        (('"C4" = ', '"Q4" = '), "Q4"),
        (('[[jargon]]\nterm = "FAIR"', '[[jargon]]\nterm = "FAIR"\nspelling = "x"'), "spelling"),
        (('term = "FAIR"\ninstead', 'term = ""\ninstead'), "term"),
        (('pattern = "W[′\']"', 'pattern = "W[′"'), "pattern"),
    ],
)
def test_a_malformed_file_names_the_entry_and_field(tmp_path, change, field):
    """A bad id, an unknown field, an empty term or a broken pattern is refused (DataFileError)."""
    text = PLAIN_WORDS_PATH.read_text(encoding="utf-8")
    assert change[0] in text
    path = tmp_path / "plain_words.toml"
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_plain_words(path)
    assert caught.value.field == field


def test_a_work_is_written_the_same_way_wherever_it_is_cited():
    """A guideline named under two ids reads the same in both, so a page lists it once."""
    works = {work for reference in WORDS.references.values() for work in reference.split("; ")}
    for code in ("NG59", "NG234", "GIRFT"):
        assert len({work for work in works if code in work}) <= 1, code
