"""What every course data file shares: one id pattern, one citation pattern, one "did you mean".

The question banks, the stretch catalog, the red flags, the nerve map, the
claims and the plain-words glossary are TOML files a clinician edits; each
module that reads one checks it with these rules, so an id or a FACTS citation
that is right in one file is right in all of them, and every misspelt key or id
gets the same kind of hint. Problems are raised as the course's one
:class:`~lessons.core.errors.DataFileError`, naming file, entry and field.

The fields of an entry are declared once, as the types of a frozen dataclass
(:data:`Text`, :data:`Id`, :data:`Citation`, :func:`one_of`, ``Literal``, …),
and checked by pydantic: :func:`build` validates a TOML table into that
dataclass and turns pydantic's ``ValidationError`` into one ``DataFileError``
for the first problem, with a "did you mean" for a misspelt key or choice.
Every data file is read this way: the question banks (one dataclass per
question type, :mod:`lessons.quizzes.bank_reader`), the claims, the nerve map,
the stretches, the red flags and the plain words' jargon list. Rules that tie
one field to another (an answer copied from the options, a sign's group that
exists) are plain checks after :func:`build`, raising the same error.

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

import dataclasses
import difflib
import functools
import json
import re
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Literal, TypeVar, get_args, get_origin

from pydantic import AfterValidator, Strict, StringConstraints, TypeAdapter, ValidationError

from lessons.core.errors import DataFileError

T = TypeVar("T")

__all__ = [
    "Citation",
    "Id",
    "Text",
    "as_data_file_error",
    "build",
    "one_of",
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


# ------------------------------------------------------------------ pydantic: types and errors

#: Text a clinician wrote: a string in quotes (never a number), trimmed, not empty.
Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]


def _check_id(value: str) -> str:
    if not ID.fullmatch(value):
        raise ValueError(
            f'is "{value}"; write lowercase letters, digits and hyphens, like "knee-height"'
        )
    return value


def _check_citation(value: str) -> str:
    if not FACTS_CITATION.search(value) or cites_facts_without_id(value):
        raise ValueError(
            f'{value!r} should cite a FACTS.md id, like "FACTS D1", "FACTS A10b" '
            'or "fact sheet section G"'
        )
    return value


#: An entry's id: lowercase letters and digits in hyphen-joined words.
Id = Annotated[Text, AfterValidator(_check_id)]
#: A source that cites FACTS.md by fact id or section (and may name other sources too).
Citation = Annotated[Text, AfterValidator(_check_citation)]

#: How pydantic reports a key that is not a field (of a model, of a dataclass).
_UNKNOWN_KEY = ("extra_forbidden", "unexpected_keyword_argument")


def one_of(choices: Sequence[str]) -> AfterValidator:
    """A check that a text is one of ``choices``, suggesting the nearest when it is not.

    >>> Kind = Annotated[Text, one_of(("bone", "nerve"))]
    >>> TypeAdapter(Kind).validate_python("nerv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: ...is 'nerv' (did you mean "nerve"?); ...
    """
    allowed = tuple(choices)

    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(
                f"is {value!r}{suggestion(value, allowed)}; choose one of: {', '.join(allowed)}"
            )
        return value

    return AfterValidator(check)


#: What a wrong value is said to be instead of, by the kind of value expected.
_KIND_WORDS = {
    "string": "a non-empty text in double quotes",
    "bool": "true or false, without quotes",
    "int": "a whole number without quotes",
    "float": "a number without quotes",
    "tuple": "a list in square brackets",
    "list": "a list in square brackets",
    "dict": "a table",
}


def _choices(annotation: object) -> tuple[str, ...]:
    """The values a Literal annotation (perhaps inside Annotated or Optional) allows."""
    if get_origin(annotation) is Literal:
        return tuple(str(arg) for arg in get_args(annotation))
    for arg in get_args(annotation):
        found = _choices(arg)
        if found:
            return found
    return ()


@functools.cache
def _adapter(kind: type) -> TypeAdapter:
    return TypeAdapter(kind)


def build(
    kind: type[T],
    raw: object,
    file: str,
    entry: str | None,
    hints: Mapping[str, str] | None = None,
    where: str = "here",
) -> T:
    """Validate one TOML table into ``kind`` (a dataclass), or raise one :class:`DataFileError`.

    ``kind`` declares its fields' types (``Text``, ``Id``, ``Citation``, a
    ``Literal`` of choices, …) and, as ``__pydantic_config__``, forbids unknown
    keys. The error names the file, the entry and the field of the first
    problem (an unknown key before a missing one, then in field order), with a
    "did you mean" for a misspelt key or choice; ``hints`` says, per field, what
    a right value looks like; ``where`` says whose fields they are ("of a single
    question") when an unknown key is refused.

    >>> from pydantic import ConfigDict
    >>> @dataclasses.dataclass(frozen=True)
    ... class Glossary:
    ...     __pydantic_config__ = ConfigDict(extra="forbid")
    ...     words: dict[Text, Text]
    >>> def first_problem(raw, **where):
    ...     try:
    ...         build(Glossary, raw, "g.toml", "roots", {"words": "a table of texts"}, **where)
    ...     except DataFileError as error:
    ...         return error.field, error.problem
    >>> first_problem({"words": {"L5": 5}})
    ('words', 'has 5 at "L5"; write a table of texts')
    >>> first_problem({"word": {}}, where="of a glossary")[1][:50]
    'is not a field of a glossary (did you mean "words"'
    """
    hints = hints or {}
    try:
        return _adapter(kind).validate_python(raw)
    except ValidationError as error:
        fields = [field.name for field in dataclasses.fields(kind)]  # type: ignore[arg-type]
        raise as_data_file_error(error, file, entry, fields, kind, hints, raw, where) from None


def as_data_file_error(
    error: ValidationError,
    file: str,
    entry: str | None,
    fields: Sequence[str],
    kind: type,
    hints: Mapping[str, str],
    raw: object = None,
    where: str = "here",
) -> DataFileError:
    """Turn pydantic's report on one entry into the course's one error, for its first problem."""
    problems = error.errors(include_url=False)

    def order(problem: dict) -> tuple[int, int]:
        name = str(problem["loc"][0]) if problem["loc"] else ""
        first = 0 if problem["type"] in _UNKNOWN_KEY else 1
        return first, fields.index(name) if name in fields else len(fields)

    problem = min(problems, key=order)
    field = str(problem["loc"][0]) if problem["loc"] else None
    value = problem.get("input")
    kind_of_problem = problem["type"]
    hint = hints.get(field or "", "")
    if field is None:
        text = f"should be a table of fields ({', '.join(fields)}), not {value!r}"
    elif kind_of_problem in _UNKNOWN_KEY:
        near = suggestion(field, fields)
        text = f"is not a field {where}{near}; the fields are: {', '.join(fields)}"
    elif kind_of_problem == "missing":
        required = [
            item.name
            for item in dataclasses.fields(kind)
            if item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
        ]
        need = f"add it (every entry here needs: {', '.join(required)})"
        text = f"is missing; write {hint}" if hint else f"is missing; {need}"
    elif kind_of_problem == "literal_error":
        annotation = typing.get_type_hints(kind, include_extras=True).get(field)
        allowed = _choices(annotation)
        text = f"is {value!r}{suggestion(str(value), allowed)}; choose one of: {', '.join(allowed)}"
    elif kind_of_problem == "value_error":
        text = str(problem["ctx"]["error"])
    elif kind_of_problem == "too_short" and len(problem["loc"]) == 1:
        ctx = problem.get("ctx", {})
        text = (
            f"has {ctx.get('actual_length', 0)} item(s); it needs at least {ctx.get('min_length')}"
        )
    elif len(problem["loc"]) > 1 and isinstance(problem["loc"][1], str):  # a table's entry
        name = json.dumps(problem["loc"][1], ensure_ascii=False)
        if kind_of_problem == "string_too_short":
            text = f"has an empty name or text at {name}; fill it in or remove it"
        else:
            text = f"has {value!r} at {name}; write {hint or 'a table of texts in double quotes'}"
    elif kind_of_problem == "string_too_short" and len(problem["loc"]) > 1:
        text = f"has an empty text (item {int(problem['loc'][1]) + 1}); fill it in or remove it"
    elif len(problem["loc"]) > 1:  # an item of a list
        place = int(problem["loc"][1])
        try:  # the whole item (a point's [x, y]), not only the bad part of it
            value = raw[field][place]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            pass
        why = ": nan and inf are not numbers here" if kind_of_problem == "finite_number" else ""
        wanted = hint or "texts in double quotes"
        text = f"item {place + 1} is {value!r}{why}; write {wanted}"
    else:
        expected = kind_of_problem.split("_")[0]
        if kind_of_problem == "string_too_short":
            text = f"is empty; write {hint or 'some text'}"
        else:
            wanted = hint or _KIND_WORDS.get(expected, problem["msg"].lower())
            text = f"should be {wanted}, not {value!r}"
    return DataFileError(file, entry, field, text)
