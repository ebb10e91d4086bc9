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
>>> print(pattern_frequency("fibular-through"))
variants together about 17 % (16.9 % of 6,062 cadavers, 19.2 % on MRI); FACTS B4 gives no figure for each variant type
"""

from __future__ import annotations

import functools
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from lessons.core.datafile import DATA_DIR, read_toml
from lessons.core.errors import DataFileError, check_choice, check_kind
from lessons.core.validation import FACTS_CITATION, ID, cites_facts_without_id, suggestion

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

_STRUCTURE_FIELDS = {
    "id": True, "name": True, "kind": True, "shape": True, "points": True,
    "description": True, "source": True, "deep": False,
}
_PATTERN_FIELDS = {
    "id": True, "name": True, "tibial_division": True, "fibular_division": True,
    "fibular_through_muscle": True, "description": True, "source": True,
}

Point = tuple[float, float]


@dataclass(frozen=True)
class Structure:
    """One named structure of the map: its outline, path or point, and what it is."""

    id: str
    name: str
    kind: str
    shape: str
    points: tuple[Point, ...]
    description: str
    source: str
    deep: bool = False

    @property
    def selectable(self) -> bool:
        """Whether a learner can choose it (outlines are only for orientation)."""
        return self.kind != "outline"

    def anchor(self) -> Point:
        """A point to put its marker and name on: the point itself, a path's middle, a polygon's centre.

        >>> Structure("x", "x", "bone", "polygon", ((0, 0), (2, 0), (2, 2), (0, 2)), "d", "FACTS B2").anchor()
        (1.0, 1.0)
        """
        if self.shape == "path":
            return self.points[len(self.points) // 2]
        xs, ys = zip(*self.points)
        return (sum(xs) / len(xs), sum(ys) / len(ys))


@dataclass(frozen=True)
class PiriformisPattern:
    """One relation of the sciatic nerve to piriformis: the paths of its two divisions."""

    id: str
    name: str
    tibial_division: tuple[Point, ...]
    fibular_division: tuple[Point, ...]
    fibular_through_muscle: bool
    description: str
    source: str

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
        xs, ys = zip(*points)
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
    return "\n".join([
        f"Chosen: {s.name} ({s.kind}, marked ◆).",
        f"{s.description} ({s.source})",
        f"Piriformis pattern shown: {p.name}. {p.description}",
        f"How common: {pattern_frequency(p.id)}.",
        f"Variants are not commoner in people with piriformis syndrome "
        f"({VARIANTS_IN_PIRIFORMIS_SYNDROME_PERCENT} % vs {VARIANTS_IN_CADAVERS_PERCENT} %), "
        "so they do not explain it (FACTS B4, B5).",
    ])


# --------------------------------------------------------------------------- loading


class _Reader:
    """Check one entry of the map, failing with the file, entry and field named."""

    def __init__(self, file: str, entry: str | None, raw: Mapping[str, object]) -> None:
        self.file, self.entry, self.raw = file, entry, raw

    def fail(self, field: str | None, problem: str) -> NoReturn:
        raise DataFileError(self.file, self.entry, field, problem)

    def check_keys(self, fields: Mapping[str, bool]) -> None:
        for key in self.raw:
            if key not in fields:
                self.fail(
                    key,
                    f"is not a field here{suggestion(key, fields)}; the fields are: {', '.join(fields)}",
                )
        required = [key for key, needed in fields.items() if needed]
        for key in required:
            if key not in self.raw:
                self.fail(key, f"is missing; add it (every entry here needs: {', '.join(required)})")

    def text(self, field: str) -> str:
        value = self.raw.get(field)
        if not isinstance(value, str) or not value.strip():
            self.fail(field, f"should be a non-empty text in double quotes, not {value!r}")
        return value.strip()

    def flag(self, field: str, default: bool) -> bool:
        value = self.raw.get(field, default)
        if not isinstance(value, bool):
            self.fail(field, f"should be true or false (no quotes), not {value!r}")
        return value

    def choice(self, field: str, allowed) -> str:
        value = self.text(field)
        if value not in allowed:
            self.fail(field, f"is {value!r}{suggestion(value, allowed)}; choose one of: {', '.join(allowed)}")
        return value

    def ident(self) -> str:
        value = self.text("id")
        if not ID.fullmatch(value):
            self.fail("id", f"{value!r} should be lowercase letters, digits and hyphens")
        return value

    def source(self) -> str:
        value = self.text("source")
        if not FACTS_CITATION.search(value) or cites_facts_without_id(value):
            self.fail("source", f"{value!r} should cite a FACTS.md id, like \"FACTS B2\"")
        return value

    def points(self, field: str, fewest: int) -> tuple[Point, ...]:
        value = self.raw.get(field)
        if not isinstance(value, list) or len(value) < fewest:
            self.fail(field, f"should be a list of at least {fewest} [x, y] pairs")
        out = []
        for number, pair in enumerate(value, start=1):
            if (
                not isinstance(pair, list)
                or len(pair) != 2
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in pair)
            ):
                self.fail(field, f"point {number} is {pair!r}; write it as two numbers, [x, y]")
            if not all(math.isfinite(v) for v in pair):
                self.fail(
                    field,
                    f"point {number} is {pair!r}: nan and inf are not coordinates; "
                    "write two ordinary numbers, [x, y]",
                )
            out.append((float(pair[0]), float(pair[1])))
        return tuple(out)


def _structure(file: str, number: int, raw: object) -> Structure:
    if not isinstance(raw, Mapping):
        raise DataFileError(file, f"structure {number}", None, "should be a [[structure]] table")
    reader = _Reader(file, str(raw.get("id", f"structure {number}")), raw)
    reader.check_keys(_STRUCTURE_FIELDS)
    shape = reader.choice("shape", tuple(_SHAPES))
    points = reader.points("points", _SHAPES[shape])
    if shape == "point" and len(points) != 1:
        reader.fail("points", f"a point has exactly one [x, y], not {len(points)}")
    return Structure(
        id=reader.ident(),
        name=reader.text("name"),
        kind=reader.choice("kind", KINDS),
        shape=shape,
        points=points,
        description=reader.text("description"),
        source=reader.source(),
        deep=reader.flag("deep", False),
    )


def _pattern(file: str, number: int, raw: object) -> PiriformisPattern:
    if not isinstance(raw, Mapping):
        raise DataFileError(file, f"pattern {number}", None, "should be a [[pattern]] table")
    reader = _Reader(file, str(raw.get("id", f"pattern {number}")), raw)
    reader.check_keys(_PATTERN_FIELDS)
    return PiriformisPattern(
        id=reader.ident(),
        name=reader.text("name"),
        tibial_division=reader.points("tibial_division", 2),
        fibular_division=reader.points("fibular_division", 2),
        fibular_through_muscle=reader.flag("fibular_through_muscle", False),
        description=reader.text("description"),
        source=reader.source(),
    )


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
    top = _Reader(path.name, None, raw)
    top.check_keys({"title": True, "structure": True, "pattern": True})
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
                path.name, missing[0], None,
                f"the lesson needs a [[{kind}]] with this id (missing: {', '.join(missing)})",
            )
    if patterns[0].id != "typical":
        raise DataFileError(path.name, patterns[0].id, "id", 'the first [[pattern]] must be "typical"')
    return NerveMap(top.text("title"), structures, patterns, path)


def load_nerve_map() -> NerveMap:
    """Load and check the course's nerve map (``lessons/data/nerve_map.toml``).

    >>> len(load_nerve_map().patterns)
    3
    """
    return read_nerve_map(MAP_PATH)


def main(argv: list[str] | None = None) -> int:
    """Check the nerve map file: ``python -m lessons.nerve_map.model [file]`` (see :mod:`lessons.core.validate`)."""
    from lessons.core.validate import check_files

    args = sys.argv[1:] if argv is None else argv
    return check_files([Path(name) for name in args or [MAP_PATH]], kind=MAP_PATH.name)



if __name__ == "__main__":
    sys.exit(main())
