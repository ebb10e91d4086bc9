"""Load and check the stretch catalog, and do the arithmetic of a dose, a routine and a hold timer.

The catalog is data, ``lessons/data/stretches.toml`` (``STRETCHES.md`` beside it
explains every field), so a clinician can change a step or a stop sign without
reading Python. Loading checks the whole file and stops at the first problem
with a :class:`~lessons.core.errors.DataFileError` naming the file, the stretch and
the field, and saying what would be right.

The dose limits come from FACTS C6: holds of 10-60 s (ACSM: 10-30 s, 30-60 s
in older adults), 2-4 repetitions, about 60 s in all per stretch.

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
import difflib
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, NoReturn

from lessons.core.datafile import DATA_DIR, read_toml
from lessons.core.errors import (
    CourseError,
    DataFileError,
    check_choice,
    check_kind,
    check_whole,
)
from lessons.red_flags.signs import RedFlags as SignFile
from lessons.red_flags.signs import load_red_flags

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
#: Hold times the course accepts, in seconds: ACSM 10-30 s, 30-60 s in older adults (FACTS C6).
HOLD_RANGE_S = (10, 60)
#: Repetitions the course accepts: ACSM advises 2-4; one is allowed for a first, gentle try (FACTS C6).
REPETITIONS_RANGE = (1, 4)
#: Rest after each hold that a routine's total may include, seconds (an input bound, not advice).
REST_RANGE_S = (0, 600)
#: The most seconds the browser's clock can count (a day): anything beyond is not a count.
_LONGEST_COUNT_S = 24 * 60 * 60
#: The hold timer's states.
_STATUSES = ("ready", "holding", "paused", "rest", "finished")

KINDS = {"hold": "a stretch you hold", "glide": "a movement you repeat slowly, without holding"}
POSITIONS = {"supine": "lying on your back", "seated": "sitting on a chair"}

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FACTS_ID = re.compile(r"FACTS [A-H][0-9]{0,2}\b|FACTS section [A-H]\b")
_FACTS_WITHOUT_ID = re.compile(r"FACTS(?!\s+(?:[A-H][0-9]{0,2}\b|section [A-H]\b))")


@dataclass(frozen=True)
class Stretch:
    """One checked stretch of the catalog: what it is for, how to do it, how much, and when not to."""

    id: str
    name: str
    from_article: bool
    kind: Literal["hold", "glide"]
    position: Literal["supine", "seated"]
    targets: str
    starting_position: str
    steps: tuple[str, ...]
    feel: str
    hold_s: int
    repetitions: int
    how_often: str
    stop_signs: tuple[str, ...]
    avoid_or_ask_first: tuple[str, ...]
    why: str
    sources: tuple[str, ...]
    dose_note: str = ""

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
            f"There is no stretch {stretch_id!r} in the catalog; choose one of: {', '.join(self.ids)}."
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
_STRETCH_FIELDS = {
    "id": True,
    "name": True,
    "from_article": True,
    "kind": True,
    "position": True,
    "targets": True,
    "starting_position": True,
    "steps": True,
    "feel": True,
    "hold_s": True,
    "repetitions": True,
    "how_often": True,
    "dose_note": False,
    "stop_signs": True,
    "avoid_or_ask_first": True,
    "why": True,
    "sources": True,
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
                near = difflib.get_close_matches(key, list(fields), n=1)
                hint = f' (did you mean "{near[0]}"?)' if near else ""
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
            self.fail(field, f"should be a whole number without quotes or units, like {low}, not {value!r}")
        if not low <= value <= high:
            self.fail(field, f"is {value}{unit}; it must be from {low}{unit} to {high}{unit} (FACTS C6)")
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
        """Stop signs finish the sentence "Stop if ...", which the card and the viewer print once."""
        signs = self.word_list(field, fewest)
        for sign in signs:
            if sign.lower().startswith("stop"):
                self.fail(field, f'finishes the sentence "Stop if ...": write it without "Stop if", in: {sign!r}')
        return signs

    def _cited(self, field: str, text: str) -> None:
        if _FACTS_WITHOUT_ID.search(text):
            self.fail(field, f'cites FACTS without an id; write the id, like "FACTS C7", in: {text!r}')


def _stretch(file: str, number: int, raw: object, common_stops: tuple[str, ...]) -> Stretch:
    if not isinstance(raw, dict):
        raise DataFileError(file, f"stretch {number}", None, "should be a [[stretch]] table")
    given = raw.get("id")
    entry = given if isinstance(given, str) and _ID.fullmatch(given) else f"stretch {number}"
    fields = _Fields(file, entry, raw)
    fields.known(_STRETCH_FIELDS, "a stretch")
    stretch_id = fields.words("id")
    if not _ID.fullmatch(stretch_id):
        fields.fail("id", f'is "{stretch_id}"; write lowercase letters, digits and hyphens, like "figure-4"')
    sources = fields.word_list("sources", 1)
    if not any(_FACTS_ID.fullmatch(source) for source in sources):
        fields.fail("sources", 'cites no FACTS id; list at least one, like ["FACTS C6", "FACTS C7"]')
    return Stretch(
        id=stretch_id,
        name=fields.words("name"),
        from_article=fields.flag("from_article"),
        kind=fields.choice("kind", KINDS),  # type: ignore[arg-type]
        position=fields.choice("position", POSITIONS),  # type: ignore[arg-type]
        targets=fields.words("targets"),
        starting_position=fields.words("starting_position"),
        steps=fields.word_list("steps", 3),
        feel=fields.words("feel"),
        hold_s=fields.whole("hold_s", *HOLD_RANGE_S, " s"),
        repetitions=fields.whole("repetitions", *REPETITIONS_RANGE, ""),
        how_often=fields.words("how_often"),
        dose_note=fields.words("dose_note") if "dose_note" in raw else "",
        stop_signs=fields.stop_signs("stop_signs", 0) + common_stops,
        avoid_or_ask_first=fields.word_list("avoid_or_ask_first", 1),
        why=fields.words("why"),
        sources=sources,
    )


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
                near = difflib.get_close_matches(name, known, n=1)
                hint = f' (did you mean "{near[0]}"?)' if near else ""
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
                path.name, stretch.id, "id",
                f"is used by stretches {seen[stretch.id]} and {number}; give each stretch its own id",
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


def _check_dose(hold_s: float, repetitions: float) -> tuple[int, int]:
    """Refuse a dose outside FACTS C6's ranges (whole numbers only); return it as ints."""
    return (
        check_whole("hold_s", hold_s, *HOLD_RANGE_S, " s"),
        check_whole("repetitions", repetitions, *REPETITIONS_RANGE),
    )


def describe_dose(hold_s: int, repetitions: int, how_often: str = "once a day", kind: str = "hold") -> str:
    """Say a dose in words: hold, repetitions, total time and how often.

    Args:
        hold_s: seconds per hold (10 to 60, FACTS C6).
        repetitions: holds per session (1 to 4).
        how_often: sessions, in words, like "once a day".
        kind: "hold" for a stretch, "glide" for a movement repeated without holding.

    >>> describe_dose(30, 2)
    'Hold 30 s, 2 times (60 s in all), once a day.'
    >>> describe_dose(30, 1, kind="glide")
    'Move slowly for 30 s, once (30 s in all), once a day.'
    """
    hold_s, repetitions = _check_dose(hold_s, repetitions)
    check_kind("how_often", how_often, str, "words like 'once a day'")
    check_choice("kind", kind, KINDS)
    verb = "Move slowly for" if kind == "glide" else "Hold"
    times = "once" if repetitions == 1 else f"{repetitions} times"
    return f"{verb} {hold_s} s, {times} ({hold_s * repetitions} s in all), {how_often}."


@dataclass(frozen=True)
class RoutineItem:
    """One stretch of a learner's routine, with the hold and repetitions they chose."""

    stretch: Stretch
    hold_s: int
    repetitions: int

    @property
    def dose(self) -> str:
        """The dose in words, as the card prints it."""
        return describe_dose(self.hold_s, self.repetitions, self.stretch.how_often, self.stretch.kind)


def routine_item(stretch: Stretch, hold_s: int | None = None, repetitions: int | None = None) -> RoutineItem:
    """Pair a stretch with a dose (the catalog's unless given), checking it against FACTS C6.

    >>> item = routine_item(load_catalog().stretch("figure-4"), hold_s=45)
    >>> item.dose
    'Hold 45 s, 2 times (90 s in all), once a day.'
    >>> routine_item(load_catalog().stretch("figure-4"), hold_s=120)
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: hold_s = 120 s is outside 10 s to 60 s; choose a value in that range.
    """
    check_kind("stretch", stretch, Stretch, "load_catalog().stretch(...)")
    hold = stretch.hold_s if hold_s is None else hold_s
    reps = stretch.repetitions if repetitions is None else repetitions
    hold, reps = _check_dose(hold, reps)
    return RoutineItem(stretch=stretch, hold_s=hold, repetitions=reps)


def routine_minutes(items: Sequence[RoutineItem], rest_s: int = 0) -> float:
    """Total holding time of a routine in minutes (plus ``rest_s`` after each hold).

    >>> cat = load_catalog()
    >>> routine_minutes([routine_item(cat.stretch("figure-4")), routine_item(cat.stretch("knee-to-chest"))])
    2.0
    """
    rest_s = check_whole("rest_s", rest_s, *REST_RANGE_S, " s")
    if isinstance(items, (str, bytes)) or not isinstance(items, Sequence):
        raise CourseError(f"items must be a list of routine items, not {items!r}.")
    for item in items:
        check_kind("item", item, RoutineItem, "routine_item()")
    return sum((item.hold_s + rest_s) * item.repetitions for item in items) / 60


# --------------------------------------------------------------------------- the hold timer

Status = Literal["ready", "holding", "paused", "rest", "finished"]


@dataclass(frozen=True)
class TimerState:
    """The kernel-side state of the hold timer: where it is in which repetition.

    The seconds are counted in the browser (an ``ipywidgets.Play`` ticking once a
    second); each tick reaches :meth:`tick` as the seconds held so far. Every
    method returns a new state, so the transitions are easy to test.

    >>> t = TimerState(hold_s=30, repetitions=2).start()
    >>> t = t.tick(30)
    >>> t.status, t.completed, t.remaining_s
    ('rest', 1, 30)
    >>> t.start().tick(30).status
    'finished'
    """

    hold_s: int = 30
    repetitions: int = 2
    status: Status = "ready"
    elapsed_s: int = 0
    completed: int = 0

    def __post_init__(self) -> None:
        hold_s, repetitions = _check_dose(self.hold_s, self.repetitions)
        check_choice("status", self.status, _STATUSES)
        for name, value in (
            ("hold_s", hold_s),
            ("repetitions", repetitions),
            ("elapsed_s", check_whole("elapsed_s", self.elapsed_s, 0, hold_s, " s")),
            ("completed", check_whole("completed", self.completed, 0, repetitions)),
        ):  # whole numbers of any real type, kept as ints
            object.__setattr__(self, name, value)

    @property
    def remaining_s(self) -> int:
        """Seconds left in this hold (the whole hold between repetitions)."""
        return self.hold_s - self.elapsed_s

    @property
    def current(self) -> int:
        """The repetition being held or next to hold, counting from 1 (at most ``repetitions``)."""
        return min(self.completed + 1, self.repetitions)

    @property
    def running(self) -> bool:
        """Whether the browser's clock should be ticking."""
        return self.status == "holding"

    def start(self) -> TimerState:
        """Start the next hold (from ready or rest), resume a paused one, or start again when finished."""
        if self.status == "finished":
            return replace(self, status="holding", elapsed_s=0, completed=0)
        if self.status in ("ready", "rest"):
            return replace(self, status="holding", elapsed_s=0)
        return replace(self, status="holding")

    def pause(self) -> TimerState:
        """Pause a hold that is running (other states are unchanged)."""
        return replace(self, status="paused") if self.status == "holding" else self

    def tick(self, elapsed_s: int) -> TimerState:
        """Take the browser's count of seconds held; finish the repetition when the hold is done."""
        counted = check_whole("elapsed_s", elapsed_s, 0, _LONGEST_COUNT_S, " s")
        if self.status != "holding":
            return self
        elapsed = min(counted, self.hold_s)
        if elapsed < self.hold_s:
            return replace(self, elapsed_s=elapsed)
        completed = self.completed + 1
        if completed >= self.repetitions:
            return replace(self, status="finished", elapsed_s=self.hold_s, completed=completed)
        return replace(self, status="rest", elapsed_s=0, completed=completed)

    def reset(self, hold_s: int | None = None, repetitions: int | None = None) -> TimerState:
        """Back to the start, optionally with a new dose."""
        return TimerState(
            hold_s=self.hold_s if hold_s is None else hold_s,
            repetitions=self.repetitions if repetitions is None else repetitions,
        )

    def describe(self) -> str:
        """Say the timer's state in words, for the large display and screen readers.

        >>> print(TimerState().describe())
        Ready: repetition 1 of 2, hold 30 s. Press Start.
        >>> print(TimerState().start().tick(12).pause().describe())
        Paused: 18 s left in repetition 1 of 2. Press Resume.
        """
        rep = f"repetition {self.current} of {self.repetitions}"
        if self.status == "ready":
            return f"Ready: {rep}, hold {self.hold_s} s. Press Start."
        if self.status == "holding":
            return f"Hold: {self.remaining_s} s left in {rep}."
        if self.status == "paused":
            return f"Paused: {self.remaining_s} s left in {rep}. Press Resume."
        if self.status == "rest":
            return (
                f"Repetition {self.completed} of {self.repetitions} done. "
                f"Relax, then press Start for repetition {self.current}."
            )
        return f"Finished: {self.repetitions} of {self.repetitions} repetitions done. Well done."


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    """Check the catalog from the command line: ``python -m lessons.stretches.catalog validate [FILE]``."""
    parser = argparse.ArgumentParser(prog="python -m lessons.stretches.catalog", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="check the stretch catalog")
    check.add_argument("file", nargs="?", default=str(CATALOG_PATH))
    args = parser.parse_args(argv)
    try:
        catalog = read_catalog(args.file)
    except DataFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"ok: {Path(args.file).name} ({len(catalog.stretches)} stretches)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
