"""Rank the structures that can be felt where it hurts: the pain map of Lesson 7, read from data.

The body areas, the things that make pain worse ("triggers") and the structures
that can refer pain to each area live in ``lessons/data/pain_map.toml``, each
structure with its FACTS ids and the test that would tell it apart (FACTS
section I). The rule that ranks them is deliberately simple, and the readout says it:

- 2 points for each marked area where the structure is typically felt,
- 1 point for each marked area where it is sometimes felt,
- 1 point for each marked trigger that fits it;

ties keep the order of the data file. The points rank patterns worth examining;
they are not probabilities and the map does not diagnose.

Worked example: groin and front-of-knee pain ranks the hip joint first (FACTS I1, A9).

>>> ranked = rank_sources(load_pain_map(), ["groin", "knee-front"])
>>> [(r.source.id, r.points) for r in ranked][:3]
[('hip-joint', 3), ('upper-lumbar-roots', 2), ('fai', 2)]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from lessons.core.datafile import DATA_DIR, read_toml
from lessons.core.errors import ChoiceError, DataFileError

__all__ = [
    "MAP_PATH",
    "POINTS_SOMETIMES",
    "POINTS_TRIGGER",
    "POINTS_TYPICAL",
    "RULE",
    "PainMap",
    "Ranked",
    "Region",
    "Source",
    "Trigger",
    "describe",
    "load_pain_map",
    "rank_sources",
    "read_pain_map",
]

MAP_PATH = DATA_DIR / "pain_map.toml"

POINTS_TYPICAL = 2
POINTS_SOMETIMES = 1
POINTS_TRIGGER = 1

#: The ranking rule in words, as the readout says it.
RULE = (
    f"Rule: {POINTS_TYPICAL} points for each marked area where a structure is typically felt, "
    f"{POINTS_SOMETIMES} for each where it is sometimes felt, "
    f"{POINTS_TRIGGER} for each marked trigger that fits it; ties keep the list's order. "
    "Points rank patterns to examine; they are not probabilities."
)

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FACTS = re.compile(r"FACTS [A-I][0-9]{1,2}[a-z]?\b")
_VIEWS = ("front", "back")


@dataclass(frozen=True)
class Region:
    """A body area a learner can mark, drawn as a polygon in one view."""

    id: str
    name: str
    view: str
    polygon: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Trigger:
    """Something that can make the pain worse (or ease it), as a learner would say it."""

    id: str
    name: str


@dataclass(frozen=True)
class Source:
    """A structure felt in some areas, with its FACTS ids and the test that tells it apart."""

    id: str
    name: str
    facts: str
    typical: tuple[str, ...]
    sometimes: tuple[str, ...]
    triggers: tuple[str, ...]
    test: str


@dataclass(frozen=True)
class PainMap:
    """The whole map: the outline, the areas, the triggers and the structures, in file order."""

    outline: tuple[tuple[float, float], ...]
    regions: tuple[Region, ...]
    triggers: tuple[Trigger, ...]
    sources: tuple[Source, ...]

    def region(self, region_id: str) -> Region:
        """Return the area with this id."""
        for region in self.regions:
            if region.id == region_id:
                return region
        raise ChoiceError("region", region_id, [r.id for r in self.regions])

    def trigger(self, trigger_id: str) -> Trigger:
        """Return the trigger with this id."""
        for trigger in self.triggers:
            if trigger.id == trigger_id:
                return trigger
        raise ChoiceError("trigger", trigger_id, [t.id for t in self.triggers])


@dataclass(frozen=True)
class Ranked:
    """One structure's points for the marked areas and triggers, and why."""

    source: Source
    points: int
    typical: tuple[str, ...]
    sometimes: tuple[str, ...]
    triggers: tuple[str, ...]


def _text(file: str, entry: str | None, raw: dict, field: str) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(file, entry, field, "must be a non-empty text in double quotes")
    return value.strip()


def _ident(file: str, raw: object, kind: str, number: int) -> tuple[dict, str]:
    if not isinstance(raw, dict):
        raise DataFileError(file, f"{kind} {number}", None, f"must be a [[{kind}]] table")
    value = _text(file, f"{kind} {number}", raw, "id")
    if not _ID.fullmatch(value):
        raise DataFileError(file, value, "id", "must be lowercase letters, digits and hyphens")
    return raw, value


def _points(file: str, entry: str, raw: object, fewest: int) -> tuple[tuple[float, float], ...]:
    if not isinstance(raw, list) or len(raw) < fewest:
        raise DataFileError(
            file, entry, "polygon", f"must be a list of at least {fewest} [x, y] points"
        )
    points = []
    for point in raw:
        if (
            not isinstance(point, list)
            or len(point) != 2
            or not all(
                isinstance(c, (int, float)) and not isinstance(c, bool) and math.isfinite(c)
                for c in point
            )
        ):
            raise DataFileError(
                file, entry, "polygon", f"{point!r} is not an [x, y] pair of finite numbers"
            )
        points.append((float(point[0]), float(point[1])))
    return tuple(points)


def _ids(file: str, entry: str, raw: dict, field: str, known: set[str]) -> tuple[str, ...]:
    value = raw.get(field)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(
            file, entry, field, "must be a list of ids in double quotes (it may be empty: [])"
        )
    for item in value:
        if item not in known:
            raise DataFileError(
                file, entry, field, f"{item!r} is not a known id; choose from {sorted(known)}"
            )
    return tuple(value)


def _unique(file: str, kind: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise DataFileError(
                file, item, "id", f"is used by two {kind} entries; give each its own id"
            )
        seen.add(item)


def read_pain_map(path: str | Path) -> PainMap:
    """Read and check a pain-map file; raise DataFileError naming the entry and field at fault."""
    path = Path(path)
    file = path.name
    data = read_toml(path)
    outline = _points(file, "outline", data.get("outline"), 3)
    regions = []
    for number, raw in enumerate(data.get("region", []), start=1):
        raw, region_id = _ident(file, raw, "region", number)
        view = _text(file, region_id, raw, "view")
        if view not in _VIEWS:
            raise DataFileError(file, region_id, "view", f"must be one of {_VIEWS}, not {view!r}")
        regions.append(
            Region(
                region_id,
                _text(file, region_id, raw, "name"),
                view,
                _points(file, region_id, raw.get("polygon"), 3),
            )
        )
    triggers = []
    for number, raw in enumerate(data.get("trigger", []), start=1):
        raw, trigger_id = _ident(file, raw, "trigger", number)
        triggers.append(Trigger(trigger_id, _text(file, trigger_id, raw, "name")))
    for kind, items in (("region", regions), ("trigger", triggers)):
        _unique(file, kind, [item.id for item in items])
    region_ids = {r.id for r in regions}
    trigger_ids = {t.id for t in triggers}
    sources = []
    for number, raw in enumerate(data.get("source", []), start=1):
        raw, source_id = _ident(file, raw, "source", number)
        facts = _text(file, source_id, raw, "facts")
        if not _FACTS.search(facts):
            raise DataFileError(
                file, source_id, "facts", 'must cite at least one fact id, such as "FACTS I1"'
            )
        typical = _ids(file, source_id, raw, "typical", region_ids)
        if not typical:
            raise DataFileError(file, source_id, "typical", "must name at least one area")
        sources.append(
            Source(
                source_id,
                _text(file, source_id, raw, "name"),
                facts,
                typical,
                _ids(file, source_id, raw, "sometimes", region_ids),
                _ids(file, source_id, raw, "triggers", trigger_ids),
                _text(file, source_id, raw, "test"),
            )
        )
    for kind, items in (("region", regions), ("trigger", triggers), ("source", sources)):
        if not items:
            raise DataFileError(file, None, kind, f"add at least one [[{kind}]] entry")
    _unique(file, "source", [source.id for source in sources])
    return PainMap(outline, tuple(regions), tuple(triggers), tuple(sources))


def load_pain_map() -> PainMap:
    """Load the course's pain map from ``lessons/data/pain_map.toml``."""
    return read_pain_map(MAP_PATH)


def rank_sources(
    pain_map: PainMap,
    regions: list[str] | tuple[str, ...],
    triggers: list[str] | tuple[str, ...] = (),
) -> list[Ranked]:
    """Score each structure for the marked areas and triggers by :data:`RULE`; best first, no zeros.

    >>> [r.source.id for r in rank_sources(load_pain_map(), ["outer-hip"], ["side-lying"])]
    ['gtps']
    """
    for region_id in regions:
        pain_map.region(region_id)
    for trigger_id in triggers:
        pain_map.trigger(trigger_id)
    ranked = []
    for source in pain_map.sources:
        typical = tuple(r for r in regions if r in source.typical)
        sometimes = tuple(r for r in regions if r in source.sometimes)
        fits = tuple(t for t in triggers if t in source.triggers)
        points = (
            POINTS_TYPICAL * len(typical)
            + POINTS_SOMETIMES * len(sometimes)
            + POINTS_TRIGGER * len(fits)
        )
        if points:
            ranked.append(Ranked(source, points, typical, sometimes, fits))
    return sorted(ranked, key=lambda r: -r.points)  # sorted() is stable: ties keep the file's order


def _names(items: tuple[str, ...], lookup) -> str:
    return ", ".join(lookup(item).name for item in items)


def describe(
    pain_map: PainMap,
    regions: list[str] | tuple[str, ...],
    triggers: list[str] | tuple[str, ...] = (),
) -> str:
    """Say what the map shows: the marked areas, the ranked structures, the rule and its limits.

    >>> print(describe(load_pain_map(), []).splitlines()[0])
    No area marked yet: choose where it hurts, and what makes it worse if you know.
    """
    if not regions:
        lines = ["No area marked yet: choose where it hurts, and what makes it worse if you know."]
    else:
        lines = [f"Marked: {_names(tuple(regions), pain_map.region)}."]
        if triggers:
            lines.append(f"Worse with: {_names(tuple(triggers), pain_map.trigger)}.")
        ranked = rank_sources(pain_map, regions, triggers)
        if not ranked:
            lines.append("No structure in this map fits those marks alone.")
        for number, r in enumerate(ranked, start=1):
            why = []
            if r.typical:
                why.append(f"typically felt in the {_names(r.typical, pain_map.region)}")
            if r.sometimes:
                why.append(f"sometimes in the {_names(r.sometimes, pain_map.region)}")
            if r.triggers:
                why.append(f"worse with {_names(r.triggers, pain_map.trigger)}")
            unit = "point" if r.points == 1 else "points"
            lines.append(
                f"{number}. {r.source.name}, {r.points} {unit}: {'; '.join(why)} "
                f"({r.source.facts}). "
                f"Tells it apart: {r.source.test}."
            )
    lines.append(RULE)
    lines.append(
        "This map teaches referral patterns; it does not diagnose. "
        "Warning signs are in the course's red-flag list (Lesson 6)."
    )
    return "\n".join(lines)
