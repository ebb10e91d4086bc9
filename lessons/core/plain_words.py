"""Make patient-facing text plain: fact ids become plain references, and jargon is found.

Student lessons cite the course's fact sheet by id, like "(FACTS C7)". The
stretch cards and the clinic page are for patients: they print no ids and no
unexplained jargon, and list their sources as plain references at the end.
The references and the jargon list are data, ``lessons/data/plain_words.toml``,
so the same words serve every card and page.

Worked example: a stop sign as the lesson shows it, and as the card prints it.

>>> words = load_plain_words()
>>> sign = "Stop if numbness or weakness in the leg increases (FACTS C7)."
>>> strip_citations(sign)
'Stop if numbness or weakness in the leg increases.'
>>> cited_ids(sign)
('C7',)
>>> words.references_for(["FACTS C6", "FACTS C7"])[:2]
['Bandy WD and Irion JM 1994', 'Bandy WD et al. 1997']
>>> words.jargon_in("A posterior-approach hip replacement, the FAIR test.")
['FAIR', 'posterior approach']
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import ConfigDict, Strict

from lessons.core.datafile import DATA_DIR, read_toml
from lessons.core.errors import CourseError, DataFileError
from lessons.core.validation import FACTS_ID, FACTS_SECTION, Text, build

__all__ = [
    "PLAIN_WORDS_PATH",
    "Jargon",
    "PlainWords",
    "cited_ids",
    "load_plain_words",
    "read_plain_words",
    "strip_citations",
]

#: The data file of references and jargon.
PLAIN_WORDS_PATH = DATA_DIR / "plain_words.toml"

# One fact id, like "C7" or "section E", after "FACTS" or after a comma in the same bracket.
_ID = rf"(?:{FACTS_SECTION}|{FACTS_ID})\b"
# A bracket that only cites fact ids: "(FACTS C7)", "(FACTS B8, C7)", "(FACTS C1–C3)".
_CITATION = re.compile(rf"\s*\(FACTS {_ID}(?:\s*[,–-]\s*(?:FACTS )?{_ID})*\)")
# Every id cited anywhere: "FACTS C4", and the ids after it in a list ("FACTS B8, C7").
_CITED = re.compile(rf"FACTS ({_ID}(?:\s*[,–]\s*(?:FACTS )?{_ID})*)")
# A range of ids under one letter, like "C1–C3".
_RANGE = re.compile(r"([A-I])([0-9]{1,2})–\1([0-9]{1,2})")


def strip_citations(text: str) -> str:
    """Remove the fact-id brackets from a text, leaving its words and punctuation.

    A bracket that holds more than ids keeps its other words ("(McGovern et
    al. 2017)" stays); a "FACTS" left anywhere else is an error, so no id
    reaches a patient by accident.

    >>> strip_citations("Keep the knee bent (FACTS B8, C7); stop if it hurts (FACTS section E).")
    'Keep the knee bent; stop if it hurts.'
    >>> strip_citations("See FACTS C7 for this.")
    Traceback (most recent call last):
    ...
    lessons.core.errors.CourseError: A fact id is left outside brackets in: ...
    """
    plain = _CITATION.sub("", text)
    if "FACTS" in plain:
        raise CourseError(
            f"A fact id is left outside brackets in: {text!r}; "
            'write it as "(FACTS C7)" at the end of the sentence.'
        )
    return plain


def cited_ids(*texts: str) -> tuple[str, ...]:
    """The fact ids the texts cite, each once, in the order they first appear.

    >>> cited_ids("Bend it (FACTS C4, C7).", "FACTS C4", "(FACTS section E)", "(FACTS C1–C3)")
    ('C4', 'C7', 'section E', 'C1', 'C2', 'C3')
    """
    found: dict[str, None] = {}
    for text in texts:
        for group in _CITED.findall(text):
            group = _RANGE.sub(
                lambda m: ", ".join(f"{m[1]}{n}" for n in range(int(m[2]), int(m[3]) + 1)), group
            )
            for part in re.split(r"\s*,\s*", group):
                found[part.removeprefix("FACTS ").strip()] = None
    return tuple(found)


@dataclass(frozen=True)
class Jargon:
    """One word or phrase patient texts avoid, and what to write instead."""

    term: str
    instead: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class PlainWords:
    """The plain references by fact id, and the jargon list."""

    references: dict[str, str]
    jargon: tuple[Jargon, ...]

    def references_for(self, sources: Iterable[str]) -> list[str]:
        """The plain references for the ids the sources cite, each work once, in order.

        A reference that lists several works ("A; B") is split, so a work two
        facts share is listed once.

        Args:
            sources: texts that cite fact ids, like a stretch's ``sources`` field ("FACTS C7").

        Raises:
            CourseError: an id has no plain reference in the data file.
        """
        out: dict[str, None] = {}
        for fact_id in cited_ids(*sources):
            if fact_id not in self.references:
                raise CourseError(
                    f"FACTS {fact_id} has no plain reference; "
                    f"add it under [references] in {PLAIN_WORDS_PATH.name}."
                )
            for work in self.references[fact_id].split("; "):
                out[work] = None
        return list(out)

    def sources_line(self, sources: Iterable[str]) -> str:
        """The "Sources: ..." line that ends a card or page ("" if nothing is cited).

        >>> load_plain_words().sources_line(["FACTS C1"])
        'Sources: NICE guideline NG59, Low back pain and sciatica in over 16s (2016, updated 2020).'
        """
        references = self.references_for(sources)
        return "Sources: " + "; ".join(references) + "." if references else ""

    def jargon_in(self, text: str) -> list[str]:
        """The jargon terms found in a text, sorted (an empty list means the text is plain)."""
        return sorted({j.term for j in self.jargon if j.pattern.search(text)})


@dataclass(frozen=True)
class _JargonEntry:
    """One [[jargon]] table as the file writes it (checked by the shared validation layer)."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    term: Text
    instead: Text
    pattern: Annotated[str, Strict()] | None = None


_HINTS = {
    "term": 'the word or phrase patient texts avoid, in quotes, like "lumbar"',
    "instead": 'what to write instead, in quotes, like "lower back"',
    "pattern": "a regular expression in quotes, for a term plain matching cannot find",
}


def _pattern(term: str, regex: str | None) -> re.Pattern[str]:
    if regex is not None:
        return re.compile(regex)
    words = r"[\s-]+".join(re.escape(w) for w in term.split())
    flags = 0 if term.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){words}(?!\w)", flags)


def read_plain_words(path: str | Path) -> PlainWords:
    """Load and check a plain-words file (for tests and drafts).

    Raises:
        DataFileError: naming the file, the entry and the field that is wrong.
    """
    path = Path(path)
    raw = read_toml(path)
    for key in raw:
        if key not in ("references", "jargon"):
            raise DataFileError(
                path.name, None, key, "is not a part of this file; write [references] or [[jargon]]"
            )
    references = raw.get("references")
    if not isinstance(references, dict) or not references:
        raise DataFileError(
            path.name, None, "references", 'should be a [references] table of id = "reference"'
        )
    for fact_id, reference in references.items():
        if not re.fullmatch(_ID, fact_id):
            raise DataFileError(
                path.name,
                "references",
                fact_id,
                'is not a fact id; write one like "C7" or "section E"',
            )
        if not isinstance(reference, str) or not reference.strip():
            raise DataFileError(
                path.name, "references", fact_id, "should be the reference, as text in quotes"
            )
    entries = raw.get("jargon")
    if not isinstance(entries, list) or not entries:
        raise DataFileError(path.name, None, "jargon", "should be one or more [[jargon]] tables")
    jargon = []
    for number, entry in enumerate(entries, start=1):
        name = entry.get("term") if isinstance(entry, dict) else None
        label = name if isinstance(name, str) and name.strip() else f"jargon {number}"
        if not isinstance(entry, dict):
            raise DataFileError(path.name, label, None, "should be a [[jargon]] table")
        checked = build(_JargonEntry, entry, path.name, label, _HINTS)
        try:
            pattern = _pattern(checked.term, checked.pattern)
        except re.error as error:
            raise DataFileError(
                path.name, label, "pattern", f"is not a regular expression ({error})"
            ) from None
        jargon.append(Jargon(checked.term, checked.instead, pattern))
    return PlainWords(
        references={k: " ".join(v.split()) for k, v in references.items()}, jargon=tuple(jargon)
    )


def load_plain_words() -> PlainWords:
    """Load the course's references and jargon list (``lessons/data/plain_words.toml``).

    >>> "C4" in load_plain_words().references
    True
    """
    return read_plain_words(PLAIN_WORDS_PATH)


def main(argv: list[str] | None = None) -> int:
    """Check the references and the jargon list: ``python -m lessons.core.plain_words [FILE]``.

    The course's one data-file check (:mod:`lessons.core.validate`), for this file.

    >>> main([])  # doctest: +ELLIPSIS
    ok: ...plain_words.toml (21 references, 32 jargon terms)
    0
    """
    from lessons.core.validate import check_files

    args = sys.argv[1:] if argv is None else argv
    files = [Path(name) for name in args or [PLAIN_WORDS_PATH]]
    return check_files(files, kind=PLAIN_WORDS_PATH.name)



if __name__ == "__main__":
    sys.exit(main())
