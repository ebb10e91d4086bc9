"""Load the nerve map: named structures of a schematic posterior view of the pelvis and leg.

The map is data (``lessons/data/nerve_map.toml``): vertebrae, discs, the sacrum,
piriformis, the greater sciatic foramen, the nerve roots, the sciatic nerve and
its tibial and common fibular branches, and landmarks such as the fibular neck,
each with a plain-language description and a FACTS source. Loading checks the
whole file and stops at the first problem with a
:class:`~lessons.core.errors.DataFileError` naming the file, the entry and the field.

It also holds how the sciatic nerve relates to piriformis, with how common
each pattern is, from FACTS B4 only. FACTS gives a figure for the typical
pattern and for all variants *together*; it gives none for each variant type,
so none is made up here.

Worked example: the nerve leaves the pelvis below piriformis in most people.

>>> nerve_map = load_nerve_map()
>>> nerve_map.structure("piriformis").kind
'muscle'
>>> print(pattern_frequency("typical"))
about 83-90 % of people in cadaver meta-analyses (80.8 % on MRI), FACTS B4
>>> print(pattern_frequency("fibular-through"))  # doctest: +NORMALIZE_WHITESPACE
variants together about 17 % (16.9 % of 6,062 cadavers, 19.2 % on MRI);
FACTS B4 gives no figure for each variant type
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import AllowInfNan, ConfigDict, Field, Strict

from lessons.core.datafile import DATA_DIR, read_toml
from lessons.core.errors import DataFileError, check_choice, check_kind
from lessons.core.validation import Citation, Id, Text, build, one_of, suggestion

__all__ = [
    "KINDS",
    "MAP_PATH",
    "PIRIFORMIS_STUDIES",
    "REQUIRED_STRUCTURES",
    "NerveMap",
    "PiriformisPattern",
    "PiriformisStudy",
    "Structure",
    "describe_choice",
    "load_nerve_map",
    "main",
    "pattern_frequency",
    "read_nerve_map",
]

#: Where the map lives.
MAP_PATH = DATA_DIR / "nerve_map.toml"

#: The kinds of structure the map may hold; an ``outline`` is drawn but cannot be chosen.
KINDS = ("bone", "disc", "root", "nerve", "muscle", "opening", "landmark", "outline")
_SHAPES = {"polygon": 3, "path": 2, "point": 1}  # shape -> fewest points

#: Structures the lesson teaches from; the map must have every one.
REQUIRED_STRUCTURES = (
    "l4",
    "l5",
    "sacrum",
    "piriformis",
    "greater-sciatic-foramen",
    "sciatic-nerve",
    "tibial-nerve",
    "common-fibular-nerve",
    "fibular-neck",
)
#: Piriformis patterns the lesson teaches from; ``typical`` comes first.
REQUIRED_PATTERNS = ("typical", "fibular-through", "fibular-above")

Point = tuple[float, float]

#: One coordinate as the file writes it: a number (not text, not true/false, not nan or inf).
_Coordinate = Annotated[float, Strict(), AllowInfNan(False)]
#: A list of [x, y] pairs, at least ``fewest`` of them.
_Points = Annotated[tuple[tuple[_Coordinate, _Coordinate], ...], Field(min_length=1)]
_Path = Annotated[tuple[tuple[_Coordinate, _Coordinate], ...], Field(min_length=2)]
_Flag = Annotated[bool, Strict()]
_HINTS = {
    "points": "a list of [x, y] pairs of numbers, like [[19, 95], [21, 90]]",
    "tibial_division": "a list of at least 2 [x, y] pairs of numbers",
    "fibular_division": "a list of at least 2 [x, y] pairs of numbers",
}


@dataclass(frozen=True)
class Structure:
    """One named structure of the map: its outline, path or point, and what it is."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    id: Id
    name: Text
    kind: Annotated[Text, one_of(KINDS)]
    shape: Annotated[Text, one_of(tuple(_SHAPES))]
    points: _Points
    description: Text
    source: Citation
    deep: _Flag = False

    @property
    def selectable(self) -> bool:
        """Whether a learner can choose it (outlines are only for orientation)."""
        return self.kind != "outline"

    def anchor(self) -> Point:
        """Where to put the marker and name: the point itself, a path's middle, a polygon's centre.

        >>> square = ((0, 0), (2, 0), (2, 2), (0, 2))
        >>> Structure("x", "x", "bone", "polygon", square, "d", "FACTS B2").anchor()
        (1.0, 1.0)
        """
        if self.shape == "path":
            return self.points[len(self.points) // 2]
        xs, ys = zip(*self.points, strict=True)
        return (sum(xs) / len(xs), sum(ys) / len(ys))


@dataclass(frozen=True)
class PiriformisPattern:
    """One relation of the sciatic nerve to piriformis: the paths of its two divisions."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    id: Id
    name: Text
    tibial_division: _Path
    fibular_division: _Path
    fibular_through_muscle: _Flag
    description: Text
    source: Citation

    @property
    def typical(self) -> bool:
        """Whether this is the usual pattern (one trunk below the muscle)."""
        return self.id == "typical"


@dataclass(frozen=True)
class NerveMap:
    """The whole map: a title, the structures in drawing order and the piriformis patterns."""

    title: str
    structures: tuple[Structure, ...]
    patterns: tuple[PiriformisPattern, ...]
    path: Path

    def structure(self, structure_id: str) -> Structure:
        """Return the structure with this id (a ChoiceError naming the known ids if none)."""
        check_choice("structure_id", structure_id, [s.id for s in self.structures])
        return next(s for s in self.structures if s.id == structure_id)

    def pattern(self, pattern_id: str) -> PiriformisPattern:
        """Return the piriformis pattern with this id (a ChoiceError naming the known ids)."""
        check_choice("pattern_id", pattern_id, [p.id for p in self.patterns])
        return next(p for p in self.patterns if p.id == pattern_id)

    def ids(self) -> list[str]:
        """The ids of the structures a learner can choose, in map order."""
        return [s.id for s in self.structures if s.selectable]

    def bounds(self) -> tuple[float, float, float, float]:
        """The smallest box (x0, x1, y0, y1) holding every structure and pattern."""
        points = [p for s in self.structures for p in s.points]
        points += [p for pat in self.patterns for p in pat.tibial_division + pat.fibular_division]
        xs, ys = zip(*points, strict=True)
        return min(xs), max(xs), min(ys), max(ys)


@dataclass(frozen=True)
class PiriformisStudy:
    """How often the nerve takes the typical course, in one study (FACTS B4)."""

    study: str
    method: str
    variant_percent: float

    @property
    def typical_percent(self) -> float:
        """The rest: people whose nerve takes the typical course."""
        return round(100.0 - self.variant_percent, 1)


#: Variant frequencies exactly as FACTS B4 gives them (typical = 100 % minus variants).
PIRIFORMIS_STUDIES = (
    PiriformisStudy("Smoll 2010, Clin Anat", "meta-analysis, 18 studies, 6,062 cadavers", 16.9),
    PiriformisStudy("Poutoglidou et al. 2020, Cureus", "meta-analysis of 44 studies", 10.0),
    PiriformisStudy("Eur Radiol 2018", "MRI", 19.2),
)
#: Variants in people with and without piriformis syndrome (FACTS B4): no real difference.
VARIANTS_IN_PIRIFORMIS_SYNDROME_PERCENT = 16.2
VARIANTS_IN_CADAVERS_PERCENT = 16.9


@functools.lru_cache(maxsize=1)
def _pattern_ids() -> tuple[str, ...]:
    return tuple(p.id for p in load_nerve_map().patterns)


def pattern_frequency(pattern_id: str) -> str:
    """Say how common a piriformis pattern is, in words, from FACTS B4 only.

    >>> print(pattern_frequency("fibular-above").split(";")[0])
    variants together about 17 % (16.9 % of 6,062 cadavers, 19.2 % on MRI)
    """
    check_choice("pattern_id", pattern_id, _pattern_ids())
    if pattern_id == "typical":
        return "about 83-90 % of people in cadaver meta-analyses (80.8 % on MRI), FACTS B4"
    return (
        f"variants together about 17 % ({VARIANTS_IN_CADAVERS_PERCENT} % of 6,062 cadavers, "
        f"{PIRIFORMIS_STUDIES[2].variant_percent} % on MRI); "
        "FACTS B4 gives no figure for each variant type"
    )


def describe_choice(nerve_map: NerveMap, structure_id: str, pattern_id: str) -> str:
    """Say in words what the nerve map shows: the chosen structure and the piriformis pattern.

    >>> text = describe_choice(load_nerve_map(), "fibular-neck", "typical")
    >>> print(text.splitlines()[0])
    Chosen: fibular neck (landmark, marked ◆).
    """
    check_kind("nerve_map", nerve_map, NerveMap, "load_nerve_map()")
    s = nerve_map.structure(structure_id)
    p = nerve_map.pattern(pattern_id)
    return "\n".join(
        [
            f"Chosen: {s.name} ({s.kind}, marked ◆).",
            f"{s.description} ({s.source})",
            f"Piriformis pattern shown: {p.name}. {p.description}",
            f"How common: {pattern_frequency(p.id)}.",
            f"Variants are not commoner in people with piriformis syndrome "
            f"({VARIANTS_IN_PIRIFORMIS_SYNDROME_PERCENT} % vs {VARIANTS_IN_CADAVERS_PERCENT} %), "
            "so they do not explain it (FACTS B4, B5).",
        ]
    )


# --------------------------------------------------------------------------- loading


_TOP_FIELDS = {
    "title": 'the map\'s title in double quotes, like "The sciatic nerve from behind"',
    "structure": "one or more [[structure]] tables",
    "pattern": "one or more [[pattern]] tables",
}


@dataclass(frozen=True)
class _Title:
    title: Text


def _structure(file: str, number: int, raw: object) -> Structure:
    if not isinstance(raw, Mapping):
        raise DataFileError(file, f"structure {number}", None, "should be a [[structure]] table")
    entry = str(raw.get("id", f"structure {number}"))
    structure = build(Structure, raw, file, entry, _HINTS)
    fewest = _SHAPES[structure.shape]
    if len(structure.points) < fewest:
        raise DataFileError(
            file, entry, "points", f"should be a list of at least {fewest} [x, y] pairs"
        )
    if structure.shape == "point" and len(structure.points) != 1:
        raise DataFileError(
            file,
            entry,
            "points",
            f"a point has exactly one [x, y], not {len(structure.points)}",
        )
    return structure


def _pattern(file: str, number: int, raw: object) -> PiriformisPattern:
    if not isinstance(raw, Mapping):
        raise DataFileError(file, f"pattern {number}", None, "should be a [[pattern]] table")
    return build(PiriformisPattern, raw, file, str(raw.get("id", f"pattern {number}")), _HINTS)


def _unique(file: str, kind: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise DataFileError(file, item, "id", f"is used by two {kind}s; give each its own id")
        seen.add(item)


def read_nerve_map(path: str | Path) -> NerveMap:
    """Load and check a nerve map file from anywhere (for tests and for checking a draft).

    Raises:
        DataFileError: naming the file, the entry and the field that is wrong.
    """
    path = Path(path)
    raw = read_toml(path)
    for key in raw:
        if key not in _TOP_FIELDS:
            raise DataFileError(
                path.name,
                None,
                key,
                f"is not a part of this file{suggestion(key, _TOP_FIELDS)}; "
                f"the parts are: {', '.join(_TOP_FIELDS)}",
            )
    for key, what in _TOP_FIELDS.items():
        if key not in raw:
            raise DataFileError(path.name, None, key, f"is missing; write {what}")
        if key != "title" and not (isinstance(raw[key], list) and raw[key]):
            raise DataFileError(path.name, None, key, f"should be {what}")
    title = build(_Title, {"title": raw["title"]}, path.name, None).title
    structures = tuple(_structure(path.name, n, s) for n, s in enumerate(raw["structure"], 1))
    patterns = tuple(_pattern(path.name, n, p) for n, p in enumerate(raw["pattern"], 1))
    _unique(path.name, "structure", [s.id for s in structures])
    _unique(path.name, "pattern", [p.id for p in patterns])
    for required, have, kind in (
        (REQUIRED_STRUCTURES, [s.id for s in structures], "structure"),
        (REQUIRED_PATTERNS, [p.id for p in patterns], "pattern"),
    ):
        missing = [r for r in required if r not in have]
        if missing:
            raise DataFileError(
                path.name,
                missing[0],
                None,
                f"the lesson needs a [[{kind}]] with this id (missing: {', '.join(missing)})",
            )
    if patterns[0].id != "typical":
        raise DataFileError(
            path.name, patterns[0].id, "id", 'the first [[pattern]] must be "typical"'
        )
    return NerveMap(title, structures, patterns, path)


def load_nerve_map() -> NerveMap:
    """Load and check the course's nerve map (``lessons/data/nerve_map.toml``).

    >>> len(load_nerve_map().patterns)
    3
    """
    return read_nerve_map(MAP_PATH)


def main(argv: list[str] | None = None) -> int:
    """Check the nerve map file: ``python -m lessons.nerve_map.model [file]``.

    See :mod:`lessons.core.validate`.
    """
    from lessons.core.validate import check_files

    args = sys.argv[1:] if argv is None else argv
    return check_files([Path(name) for name in args or [MAP_PATH]], kind=MAP_PATH.name)


if __name__ == "__main__":
    sys.exit(main())
