"""Load and check the stretch catalog (the arithmetic of doses and the timer is in :mod:`.dose`).

The catalog is data, ``lessons/data/stretches.toml`` (``STRETCHES.md`` beside it
explains every field), so a clinician can change a step or a stop sign without
reading Python. Loading checks the whole file and stops at the first problem
with a :class:`~lessons.core.errors.DataFileError` naming the file, the stretch and
the field, and saying what would be right.

The dose limits come from FACTS C6: holds of 10-60 s (ACSM: 10-30 s, 30-60 s
in older adults), 2-4 repetitions, about 60 s in all per stretch.

The dose, routine and hold-timer names (:func:`describe_dose`,
:func:`routine_item`, :class:`TimerState`, …) live in
:mod:`lessons.stretches.dose` and are importable from here too.

This module is pure: no widgets, no drawing, no files written.

Worked example: the figure-4 stretch, at the dose the evidence supports.

>>> catalog = load_catalog()
>>> figure_4 = catalog.stretch("figure-4")
>>> figure_4.name
'Lying piriformis stretch (figure-4)'
>>> describe_dose(figure_4.hold_s, figure_4.repetitions, figure_4.how_often)
'Hold 30 s, 2 times (60 s in all), once a day.'
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Literal, NoReturn

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, Strict

from lessons.core.datafile import DATA_DIR, read_toml
from lessons.core.errors import CourseError, DataFileError
from lessons.core.validation import (
    FACTS_CITATION,
    ID,
    Id,
    Text,
    build,
    cites_facts_without_id,
    suggestion,
)
from lessons.red_flags.signs import RedFlags as SignFile
from lessons.red_flags.signs import load_red_flags
from lessons.stretches.dose import (
    HOLD_RANGE_S,
    KINDS,
    REPETITIONS_RANGE,
    REST_RANGE_S,
    RoutineItem,
    TimerState,
    describe_dose,
    routine_item,
    routine_minutes,
)

__all__ = [
    "CATALOG_PATH",
    "HOLD_RANGE_S",
    "REPETITIONS_RANGE",
    "REST_RANGE_S",
    "Catalog",
    "RedFlags",
    "RoutineItem",
    "Stretch",
    "TimerState",
    "describe_dose",
    "load_catalog",
    "read_catalog",
    "routine_item",
    "routine_minutes",
]

#: The catalog file the lesson uses.
CATALOG_PATH = DATA_DIR / "stretches.toml"
POSITIONS = {"supine": "lying on your back", "seated": "sitting on a chair"}


def _plain(text: str) -> str:
    """One text of a stretch: spaces and line breaks tidied, FACTS cited by id."""
    text = " ".join(text.split())
    if cites_facts_without_id(text):
        raise ValueError(f'cites FACTS without an id; write the id, like "FACTS C7", in: {text!r}')
    return text


def _no_stop(sign: str) -> str:
    if sign.lower().startswith("stop"):
        raise ValueError(
            f'finishes the sentence "Stop if ...": write it without "Stop if", in: {sign!r}'
        )
    return sign


def _choice(allowed: dict[str, str]) -> BeforeValidator:
    """Refuse a value not in ``allowed``, listing each choice with what it means."""

    def check(value: object) -> object:
        if isinstance(value, str) and value.strip() not in allowed:
            options = "; ".join(f'"{k}" ({v})' for k, v in allowed.items())
            raise ValueError(
                f'is "{value.strip()}"{suggestion(value, allowed)}; write one of: {options}'
            )
        return value.strip() if isinstance(value, str) else value

    return BeforeValidator(check)


def _dose_range(low: int, high: int, unit: str) -> AfterValidator:
    def check(value: int) -> int:
        if not low <= value <= high:
            raise ValueError(
                f"is {value}{unit}; it must be from {low}{unit} to {high}{unit} (FACTS C6)"
            )
        return value

    return AfterValidator(check)


#: A text learners read: in quotes, not empty, tidied, any FACTS citation with its id.
Words = Annotated[Text, AfterValidator(_plain)]
#: A stop sign: it finishes the sentence "Stop if ...", so it does not start with "Stop".
StopSign = Annotated[Words, AfterValidator(_no_stop)]

_HINTS = {
    "hold_s": f"a whole number of seconds without quotes or units, like {HOLD_RANGE_S[0]}",
    "repetitions": "a whole number without quotes, like 2",
    "steps": 'a list of texts in quotes, like ["First.", "Second."]',
    "stop_signs": 'a list of texts in quotes, like ["your leg feels numb"]',
    "avoid_or_ask_first": 'a list of texts in quotes, like ["a recent hip replacement"]',
    "sources": 'a list of FACTS ids in quotes, like ["FACTS C6", "FACTS C7"]',
}


@dataclass(frozen=True)
class Stretch:
    """One checked stretch of the catalog: what it is for, how to do it, how much, when not to."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    id: Id
    name: Words
    from_article: Annotated[bool, Strict()]
    kind: Annotated[Literal["hold", "glide"], _choice(KINDS)]
    position: Annotated[Literal["supine", "seated"], _choice(POSITIONS)]
    targets: Words
    starting_position: Words
    steps: Annotated[tuple[Words, ...], Field(min_length=3)]
    feel: Words
    hold_s: Annotated[int, Strict(), _dose_range(*HOLD_RANGE_S, " s")]
    repetitions: Annotated[int, Strict(), _dose_range(*REPETITIONS_RANGE, "")]
    how_often: Words
    stop_signs: tuple[StopSign, ...]
    avoid_or_ask_first: Annotated[tuple[Words, ...], Field(min_length=1)]
    why: Words
    sources: Annotated[tuple[Words, ...], Field(min_length=1)]
    dose_note: Words = ""

    @property
    def position_words(self) -> str:
        """The starting posture in words, like "lying on your back"."""
        return POSITIONS[self.position]


@dataclass(frozen=True)
class RedFlags:
    """The red-flags box printed on every card and shown with every stretch (FACTS E5).

    Its sections are rendered from ``lessons/data/red_flags.toml``, the one source of
    every sign's step and words: each is a heading ("Same day: see a doctor today if
    you have:") and the signs in patient wording.
    """

    sections: tuple[tuple[str, tuple[str, ...]], ...]
    source: str

    def text(self) -> str:
        """The box as plain text, one sign per line.

        >>> print(load_catalog().red_flags.text().splitlines()[0])
        Emergency now: go to A&E or call 999 if you have:
        """
        lines: list[str] = []
        for heading, signs in self.sections:
            lines += [heading, *(f"- {sign}" for sign in signs)]
        return "\n".join(lines)


@dataclass(frozen=True)
class Catalog:
    """The whole checked catalog: the stretches in file order, and what every card carries."""

    stretches: tuple[Stretch, ...]
    red_flags: RedFlags
    education_line: str
    dose_evidence: str
    path: Path

    @property
    def ids(self) -> tuple[str, ...]:
        """The stretch ids, in catalog order."""
        return tuple(s.id for s in self.stretches)

    def stretch(self, stretch_id: str) -> Stretch:
        """Return the stretch with this id, or say which ids exist.

        >>> load_catalog().stretch("knee-to-opposite-shoulder").position
        'supine'
        """
        for stretch in self.stretches:
            if stretch.id == stretch_id:
                return stretch
        raise CourseError(
            f"There is no stretch {stretch_id!r} in the catalog; "
            f"choose one of: {', '.join(self.ids)}."
        )


# --------------------------------------------------------------------------- loading

_FILE_FIELDS = {
    "education_line": True,
    "dose_evidence": True,
    "common_stop_signs": True,
    "red_flags": True,
    "stretch": True,
}
_RED_FLAG_FIELDS = {
    "groups": True,
    "steps": True,
}


class _Fields:
    """The fields of one TOML table, each read with a DataFileError that names it."""

    def __init__(self, file: str, entry: str | None, raw: Mapping[str, object]) -> None:
        self.file, self.entry, self.raw = file, entry, raw

    def fail(self, field: str | None, problem: str) -> NoReturn:
        raise DataFileError(self.file, self.entry, field, problem)

    def known(self, fields: Mapping[str, bool], kind: str) -> None:
        for key in self.raw:
            if key not in fields:
                hint = suggestion(key, fields)
                self.fail(key, f"is not a field of {kind}{hint}; see STRETCHES.md for the fields")
        missing = [key for key, required in fields.items() if required and key not in self.raw]
        if missing:
            self.fail(missing[0], f"is missing; {kind} needs it (see STRETCHES.md)")

    def words(self, field: str) -> str:
        value = self.raw[field]
        if not isinstance(value, str):
            self.fail(field, f'should be text in quotes, like "Lie on your back.", not {value!r}')
        if not value.strip():
            self.fail(field, "is empty; write the text learners should read")
        self._cited(field, value)
        return " ".join(value.split())

    def word_list(self, field: str, fewest: int) -> tuple[str, ...]:
        value = self.raw[field]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.fail(field, 'should be a list of texts in quotes, like ["First.", "Second."]')
        items = tuple(" ".join(item.split()) for item in value)
        if any(not item for item in items):
            self.fail(field, "has an empty text; fill it in or remove it")
        if len(items) < fewest:
            self.fail(field, f"has {len(items)} item(s); it needs at least {fewest}")
        for item in items:
            self._cited(field, item)
        return items

    def whole(self, field: str, low: int, high: int, unit: str) -> int:
        value = self.raw[field]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(
                field,
                f"should be a whole number without quotes or units, like {low}, not {value!r}",
            )
        if not low <= value <= high:
            self.fail(
                field, f"is {value}{unit}; it must be from {low}{unit} to {high}{unit} (FACTS C6)"
            )
        return value

    def flag(self, field: str) -> bool:
        value = self.raw[field]
        if not isinstance(value, bool):
            self.fail(field, f"should be true or false, without quotes, not {value!r}")
        return value

    def choice(self, field: str, allowed: Mapping[str, str]) -> str:
        value = self.words(field)
        if value not in allowed:
            options = "; ".join(f'"{k}" ({v})' for k, v in allowed.items())
            self.fail(field, f'is "{value}"; write one of: {options}')
        return value

    def stop_signs(self, field: str, fewest: int) -> tuple[str, ...]:
        """Stop signs finish the sentence "Stop if ...", which the card and viewer print once."""
        signs = self.word_list(field, fewest)
        for sign in signs:
            if sign.lower().startswith("stop"):
                self.fail(
                    field,
                    'finishes the sentence "Stop if ...": write it without "Stop if", '
                    f"in: {sign!r}",
                )
        return signs

    def _cited(self, field: str, text: str) -> None:
        if cites_facts_without_id(text):
            self.fail(
                field, f'cites FACTS without an id; write the id, like "FACTS C7", in: {text!r}'
            )


def _stretch(file: str, number: int, raw: object, common_stops: tuple[str, ...]) -> Stretch:
    if not isinstance(raw, dict):
        raise DataFileError(file, f"stretch {number}", None, "should be a [[stretch]] table")
    given = raw.get("id")
    entry = given if isinstance(given, str) and ID.fullmatch(given) else f"stretch {number}"
    stretch = build(Stretch, raw, file, entry, _HINTS)
    if not any(FACTS_CITATION.fullmatch(source) for source in stretch.sources):
        raise DataFileError(
            file,
            entry,
            "sources",
            'cites no FACTS id; list at least one, like ["FACTS C6", "FACTS C7"]',
        )
    return replace(stretch, stop_signs=stretch.stop_signs + common_stops)


def _red_flags_box(fields: _Fields, flags: SignFile) -> RedFlags:
    """Render the box from the red-flag file, for the groups and steps the catalog names."""
    chosen = {}
    for field, known in (
        ("groups", [group.id for group in flags.groups]),
        ("steps", [step.id for step in flags.steps]),
    ):
        names = fields.word_list(field, 1)
        for name in names:
            if name not in known:
                hint = suggestion(name, known)
                fields.fail(
                    field,
                    f'names "{name}", which is not one of the {field} of red_flags.toml{hint}; '
                    "use: " + ", ".join(known),
                )
        chosen[field] = names
    sections = tuple(
        (f"{step.heading}:", tuple(sign.label for sign in signs))
        for step, signs in flags.sections(chosen["groups"], chosen["steps"])
    )
    return RedFlags(sections=sections, source="FACTS E5, red flags in patient wording")


def read_catalog(path: str | Path) -> Catalog:
    """Load and check a stretch catalog file from anywhere (for tests and for checking a draft).

    Raises:
        DataFileError: naming the file, the stretch and the field that is wrong.
    """
    path = Path(path)
    raw = read_toml(path)
    top = _Fields(path.name, None, raw)
    top.known(_FILE_FIELDS, "the catalog")
    if not isinstance(raw["red_flags"], dict):
        top.fail("red_flags", "should be a [red_flags] table")
    flags = _Fields(path.name, "red_flags", raw["red_flags"])
    flags.known(_RED_FLAG_FIELDS, "the red-flags box")
    red_flags = _red_flags_box(flags, load_red_flags())
    entries = raw["stretch"]
    if not isinstance(entries, list) or not entries:
        top.fail("stretch", "should be one or more [[stretch]] tables")
    common = top.stop_signs("common_stop_signs", 1)
    stretches = [_stretch(path.name, n, entry, common) for n, entry in enumerate(entries, start=1)]
    seen: dict[str, int] = {}
    for number, stretch in enumerate(stretches, start=1):
        if stretch.id in seen:
            raise DataFileError(
                path.name,
                stretch.id,
                "id",
                f"is used by stretches {seen[stretch.id]} and {number}; "
                "give each stretch its own id",
            )
        seen[stretch.id] = number
    return Catalog(
        stretches=tuple(stretches),
        red_flags=red_flags,
        education_line=top.words("education_line"),
        dose_evidence=top.words("dose_evidence"),
        path=path,
    )


def load_catalog() -> Catalog:
    """Load and check the lesson's stretch catalog (``lessons/data/stretches.toml``).

    >>> len(load_catalog().stretches) >= 6
    True
    """
    return read_catalog(CATALOG_PATH)


# --------------------------------------------------------------------------- doses and routines


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    """Check the catalog: ``python -m lessons.stretches.catalog validate [FILE]``.

    The course's one data-file check (:mod:`lessons.core.validate`), for this file.
    """
    parser = argparse.ArgumentParser(
        prog="python -m lessons.stretches.catalog", description=__doc__.splitlines()[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="check the stretch catalog")
    check.add_argument("file", nargs="?", default=str(CATALOG_PATH))
    args = parser.parse_args(argv)
    from lessons.core.validate import check_files

    return check_files([Path(args.file)], kind=CATALOG_PATH.name)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
