"""What every course data file shares: one id pattern, one citation pattern, one "did you mean".

The question banks, the stretch catalog, the red flags, the nerve map, the
claims and the plain-words glossary are TOML files a clinician edits; each
module that reads one checks it with these rules, so an id or a FACTS citation
that is right in one file is right in all of them, and every misspelt key or id
gets the same kind of hint. Problems are raised as the course's one
:class:`~lessons.core.errors.DataFileError`, naming file, entry and field.

An id is lowercase letters and digits in hyphen-joined words:

>>> bool(ID.fullmatch("knee-height")), bool(ID.fullmatch("Knee_Height"))
(True, False)

A FACTS.md citation names a fact (section letter A to I, a number, an optional
letter: ``FACTS A10b``) or a whole section (``FACTS section G``, ``FACTS G`` or
``fact sheet section G``):

>>> [cites_facts_without_id(text) for text in ("FACTS A10b", "FACTS section I", "FACTS E5, B2")]
[False, False, False]
>>> [cites_facts_without_id(text) for text in ("FACTS", "see FACTS.md", "FACTS J1")]
[True, True, True]
>>> facts_ids("FACTS A2 and FACTS section G; FACTS C10b; fact sheet section E")
('A2', 'section G', 'C10b', 'section E')
>>> suggestion("tolerence", ["tolerance", "unit"])
' (did you mean "tolerance"?)'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

__all__ = [
    "FACTS_CITATION",
    "FACTS_ID",
    "FACTS_SECTION",
    "ID",
    "cites_facts_without_id",
    "facts_ids",
    "suggestion",
]

#: The one id pattern for entries of every data file: "run-a-cell", "l5", "cauda-equina".
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

#: One FACTS.md fact id: a section letter A to I, a number and an optional letter ("A10b").
FACTS_ID = r"[A-I][0-9]{1,2}[a-z]?"
#: One whole section of FACTS.md, A to I ("section G").
FACTS_SECTION = r"section [A-I]"

#: One FACTS.md citation: "FACTS A2", "FACTS A10b", "FACTS section G", "FACTS G" (a section)
#: or "fact sheet section G"; its group is the fact id or the section.
FACTS_CITATION = re.compile(
    rf"(?:FACTS (?:({FACTS_ID}|{FACTS_SECTION})|([A-I]))|fact sheet ({FACTS_SECTION}))\b"
)

#: "FACTS" not followed by a fact id or section: a citation that names nothing to check.
_FACTS_WITHOUT_ID = re.compile(rf"FACTS(?!\s+(?:{FACTS_ID}|{FACTS_SECTION}|[A-I])\b)")


def cites_facts_without_id(text: str) -> bool:
    """True when ``text`` mentions FACTS without saying which fact or section."""
    return bool(_FACTS_WITHOUT_ID.search(text))


def facts_ids(text: str) -> tuple[str, ...]:
    """The FACTS.md ids and sections ``text`` cites, in order (a section as "section X")."""
    cited = []
    for fact, letter, section in FACTS_CITATION.findall(text):
        cited.append(fact or section or f"section {letter}")
    return tuple(cited)


def suggestion(word: str, known: Iterable[str]) -> str:
    """A ``(did you mean "…"?)`` hint naming the nearest of ``known``, or an empty string."""
    near = difflib.get_close_matches(word, list(known), n=1)
    return f' (did you mean "{near[0]}"?)' if near else ""
