"""Give every claim of the course's three source articles its verdict, and show the verdicts.

The course grew from three short consumer articles (a knee pillow's benefits,
knee pain leading to hip pain, back stretching for sciatica). Each claim they
make is an entry of ``lessons/data/claims.toml``: what the article says (in our
own words), the verdict (keep, soften or correct, as FACTS.md section G gives
it), why, what to say instead, the sources, and the lesson that teaches it.
:func:`load_claims` reads and checks the file; ``python -m lessons.claims.model``
checks it after an edit.

A lesson shows its claims with one call, :func:`claims_table`, naming the
claims by id. The table it returns draws as an HTML table in JupyterLab and
prints as plain text, so nbval, handouts and screen readers get the words too.
The knee-pillow claims of lesson 05 are sorted by the learner in the claim
check instead (:func:`lessons.sleep_posture.widget.claim_check`).

>>> print(claims_table("braces-ease-hip-strain"))  # doctest: +ELLIPSIS
Myth or fact: the knee-and-hip article (FACTS section G)
<BLANKLINE>
1. Braces ease the strain on the hips. Verdict: CORRECT.
   The article says: Knee braces and supports take strain off the hips.
   Say instead: A brace is for the knee itself, and only in specific cases; ...
   Why: No evidence shows that a knee brace eases strain on the hip. ...
   Source: FACTS A12; NICE NG226; fact sheet section G
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field

from lessons.core.datafile import DATA_DIR, read_toml
from lessons.core.errors import CourseError, DataFileError
from lessons.core.validation import Citation, Id, Text, build, suggestion

__all__ = [
    "CLAIMS_PATH",
    "SHOWN_BY",
    "VERDICTS",
    "Article",
    "Claim",
    "ClaimSet",
    "ClaimsTable",
    "claims_table",
    "load_claims",
    "read_claims",
]

#: Where the claims live.
CLAIMS_PATH = DATA_DIR / "claims.toml"
#: The three verdicts of FACTS section G, in the order learners see them.
VERDICTS = ("keep", "soften", "correct")
#: How a lesson shows a claim: a "myth or fact" table, or lesson 05's sorting explorer.
SHOWN_BY = ("claims_table", "claim_check")
#: The longest quote allowed: a pointer into the article, never its prose.
MAX_QUOTE_CHARS = 60

_ARTICLE_FIELDS = ("file", "title")
_REQUIRED = (
    "id",
    "article",
    "quote",
    "name",
    "article_says",
    "verdict",
    "why",
    "say_instead",
    "source",
    "lesson",
    "shown_by",
)
_OPTIONAL = ("facts_g_verdict", "facts_g")
_NOTEBOOK = re.compile(r"\d\d[a-z]?-[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\.ipynb")
# FACTS section G's verdicts are keep, soften, correct, make specific and reframe,
# sometimes with "(strong)".
_G_VERDICT = re.compile(
    r"(?:keep|soften|correct|make specific|reframe)(?: \(strong\))?"
    r"(?:, (?:keep|soften|correct|make specific|reframe)(?: \(strong\))?)*"
)
_MARK = {"keep": "✓", "soften": "≈", "correct": "✗"}

#: A quote: a pointer into the article, at most MAX_QUOTE_CHARS long.
Quote = Annotated[Text, AfterValidator(lambda quote: _short_quote(quote))]
#: A lesson notebook's file name, like "05-Sleep-Posture.ipynb".
Notebook = Annotated[Text, AfterValidator(lambda lesson: _notebook(lesson))]
#: FACTS section G's own verdict words, like "soften, reframe".
GVerdict = Annotated[Text, AfterValidator(lambda verdict: _g_verdict(verdict))]


@dataclass(frozen=True)
class Article:
    """One source article: its file name in the source-articles folder and how lessons name it."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    file: Text
    title: Text


@dataclass(frozen=True)
class Claim:
    """One claim of a source article: the course's verdict, the reason, the lesson that shows it."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    id: Id
    article: Text
    quote: Quote
    name: Text
    article_says: Text
    verdict: Literal["keep", "soften", "correct"]
    why: Text
    say_instead: Text
    source: Citation
    lesson: Notebook
    shown_by: Literal["claims_table", "claim_check"]
    facts_g_verdict: GVerdict | None = None
    facts_g: Annotated[tuple[Text, ...], Field(min_length=1)] = ()

    @property
    def verdict_label(self) -> str:
        """The verdict in capitals, with FACTS G's own words when they say more.

        >>> load_claims().get("pregnancy-support").verdict_label
        'SOFTEN (fact sheet: soften, reframe)'
        """
        label = self.verdict.upper()
        return f"{label} (fact sheet: {self.facts_g_verdict})" if self.facts_g_verdict else label


@dataclass(frozen=True)
class ClaimSet:
    """The claims file, loaded: the articles and every claim, in file order."""

    path: Path
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]

    def get(self, claim_id: str) -> Claim:
        """The claim with this id; a CourseError suggesting the nearest id if there is none.

        >>> load_claims().get("traction-restore-discs")
        Traceback (most recent call last):
        ...
        lessons.core.errors.CourseError: claims.toml has no claim 'traction-restore-discs'; ...
        """
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        ids = [claim.id for claim in self.claims]
        hint = suggestion(str(claim_id), ids).strip(" ()").replace('"', "'")
        hint = hint or "the ids are listed in that file"
        raise CourseError(f"{self.path.name} has no claim {claim_id!r}; {hint}")

    def article(self, file: str) -> Article:
        """The article with this file name (every claim's article is one of them)."""
        return next(article for article in self.articles if article.file == file)

    def shown_by(self, how: str) -> tuple[Claim, ...]:
        """The claims a lesson shows this way ("claims_table" or "claim_check"), in file order."""
        return tuple(claim for claim in self.claims if claim.shown_by == how)


def _short_quote(quote: str) -> str:
    if len(quote) > MAX_QUOTE_CHARS:
        raise ValueError(
            f"has {len(quote)} characters; quote at most {MAX_QUOTE_CHARS}, just enough to find "
            "the claim (do not copy the article)"
        )
    return quote


def _notebook(lesson: str) -> str:
    if not _NOTEBOOK.fullmatch(lesson):
        raise ValueError(
            f'{lesson!r} should be a notebook file name, like "02-Knee-And-Hip-Pain.ipynb"'
        )
    return lesson


def _g_verdict(verdict: str) -> str:
    if not _G_VERDICT.fullmatch(verdict):
        raise ValueError(
            f"is {verdict!r}; write FACTS section G's verdict words, such as "
            '"soften, reframe" or "make specific"'
        )
    return verdict


_HINTS = {
    "facts_g": 'a list of FACTS section G rows in double quotes, like ["Reduces joint stress"]',
}


def _article(file: str, number: int, raw: object) -> Article:
    if not isinstance(raw, dict):
        raise DataFileError(file, f"article {number}", None, "should be an [[article]] table")
    entry = raw.get("file") if isinstance(raw.get("file"), str) else f"article {number}"
    return build(Article, raw, file, entry)


def _claim(file: str, number: int, raw: object, article_files: tuple[str, ...]) -> Claim:
    if not isinstance(raw, dict):
        raise DataFileError(file, f"claim {number}", None, "should be a [[claim]] table")
    entry = raw.get("id") if isinstance(raw.get("id"), str) else f"claim {number}"
    claim = build(Claim, raw, file, entry, _HINTS)
    if claim.article not in article_files:
        raise DataFileError(
            file,
            entry,
            "article",
            f"is {claim.article!r}{suggestion(claim.article, article_files)}; "
            f"choose one of the [[article]] files: {', '.join(article_files)}",
        )
    return claim


def read_claims(path: str | Path) -> ClaimSet:
    """Read and check a claims file; raise a :class:`~lessons.core.errors.DataFileError` if wrong.

    >>> import tempfile, pathlib
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "claims.toml"
    >>> _ = bad.write_text(
    ...     '[[article]]\\nfile = "a.txt"\\ntitle = "the article"\\n[[claim]]\\nid = "x"\\n'
    ...     'article = "a.txt"\\nquote = "q"\\nname = "X"\\narticle_says = "a"\\n'
    ...     'verdict = "maybe"\\nwhy = "b"\\nsay_instead = "c"\\nsource = "FACTS D1"\\n'
    ...     'lesson = "05-Sleep.ipynb"\\nshown_by = "claims_table"\\n')
    >>> read_claims(bad)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lessons.core.errors.DataFileError: claims.toml, entry 'x', field 'verdict': is 'maybe'; ...
    """
    path = Path(path)
    raw = read_toml(path)
    extra = sorted(set(raw) - {"article", "claim"})
    if extra:
        raise DataFileError(
            path.name,
            None,
            extra[0],
            "is not a field here; the file holds only [[article]] and [[claim]] tables",
        )
    for table, what in (("article", "[[article]]"), ("claim", "[[claim]]")):
        if not isinstance(raw.get(table), list) or not raw[table]:
            raise DataFileError(path.name, None, table, f"should be one or more {what} tables")
    articles = tuple(
        _article(path.name, number, item) for number, item in enumerate(raw["article"], start=1)
    )
    files = tuple(article.file for article in articles)
    if len(set(files)) != len(files):
        twice = next(file for file in files if files.count(file) > 1)
        raise DataFileError(
            path.name, twice, "file", "is listed by two [[article]] tables; list each article once"
        )
    claims = tuple(
        _claim(path.name, number, item, files) for number, item in enumerate(raw["claim"], start=1)
    )
    seen: set[str] = set()
    for claim in claims:
        if claim.id in seen:
            raise DataFileError(
                path.name, claim.id, "id", "is used by two claims; give each its own id"
            )
        seen.add(claim.id)
    return ClaimSet(path, articles, claims)


def load_claims() -> ClaimSet:
    """Load every source-article claim with its verdict (``lessons/data/claims.toml``).

    >>> [(c.name, c.verdict) for c in load_claims().claims][:3]  # doctest: +NORMALIZE_WHITESPACE
    [('Spinal alignment', 'soften'), ('Pressure relief', 'soften'),
     ('Improved circulation', 'correct')]
    """
    return read_claims(CLAIMS_PATH)


# --- the "myth or fact" table ----------------------------------------------------------------


def _join(titles: list[str]) -> str:
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]


@dataclass(frozen=True)
class ClaimsTable:
    """A "myth or fact" table of some claims: HTML in JupyterLab, plain text everywhere else."""

    claims: tuple[Claim, ...]
    articles: tuple[Article, ...]

    @property
    def title(self) -> str:
        """The caption: which article's claims these are, and where the verdicts come from."""
        return (
            f"Myth or fact: {_join([article.title for article in self.articles])} (FACTS section G)"
        )

    def text(self) -> str:
        """The whole table as plain text, one claim a block."""
        lines = [self.title]
        for number, claim in enumerate(self.claims, start=1):
            lines += [
                "",
                f"{number}. {claim.name}. Verdict: {claim.verdict_label}.",
                f"   The article says: {claim.article_says}",
                f"   Say instead: {claim.say_instead}",
                f"   Why: {claim.why}",
                f"   Source: {claim.source}",
            ]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        esc = html.escape
        rows = []
        for claim in self.claims:
            note = (
                f"<br><small>fact sheet: {esc(claim.facts_g_verdict)}</small>"
                if claim.facts_g_verdict
                else ""
            )
            rows.append(
                f"<tr data-claim='{esc(claim.id)}'>"
                f"<td><b>{esc(claim.name)}</b><br>{esc(claim.article_says)}</td>"
                f"<td style='white-space:nowrap'><b>{_MARK[claim.verdict]} "
                f"{esc(claim.verdict.capitalize())}</b>"
                f"{note}</td>"
                f"<td><b>Say instead:</b> {esc(claim.say_instead)}<br><b>Why:</b> {esc(claim.why)}"
                f"<br><small>Source: {esc(claim.source)}</small></td>"
                "</tr>"
            )
        return (
            "<table class='course-claims' style='text-align:left'>"
            f"<caption style='text-align:left'><b>{esc(self.title)}</b></caption>"
            "<thead><tr><th scope='col'>The article says</th><th scope='col'>Verdict</th>"
            "<th scope='col'>What the evidence says</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )


def claims_table(*claim_ids: str) -> ClaimsTable:
    """Show the named claims with their verdicts: the "myth or fact" moment of a lesson.

    Args:
        *claim_ids: ids from ``lessons/data/claims.toml``, in the order to show them.

    >>> claims_table("disc-returns-to-its-space").claims[0].verdict
    'correct'
    >>> claims_table()
    Traceback (most recent call last):
    ...
    lessons.core.errors.CourseError: name at least one claim id, such as claims_table("stay-active")
    """
    if not claim_ids:
        raise CourseError('name at least one claim id, such as claims_table("stay-active")')
    twice = sorted({claim_id for claim_id in claim_ids if claim_ids.count(claim_id) > 1})
    if twice:
        raise CourseError(f"claim {twice[0]!r} is named twice; name each claim once")
    claim_set = load_claims()
    claims = tuple(claim_set.get(claim_id) for claim_id in claim_ids)
    files = list(dict.fromkeys(claim.article for claim in claims))
    return ClaimsTable(claims, tuple(claim_set.article(file) for file in files))


def main(argv: list[str] | None = None) -> int:
    """Check the claims file: ``python -m lessons.claims.model [FILE]``.

    See :mod:`lessons.core.validate`.

    >>> main([])  # doctest: +ELLIPSIS
    ok: ...claims.toml (31 claims from 3 articles)
    0
    """
    from lessons.core.validate import check_files

    args = sys.argv[1:] if argv is None else argv
    return check_files([Path(name) for name in args or [CLAIMS_PATH]], kind=CLAIMS_PATH.name)


if __name__ == "__main__":
    sys.exit(main())
