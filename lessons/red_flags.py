"""Load the red flags: the warning signs of lesson 6, in patient and clinician words, from data.

The signs live in ``lessons/data/red_flags.toml`` (FACTS section E), so a
clinician can correct a word without reading Python. Loading checks the whole
file and stops at the first problem with a :class:`~lessons.errors.DataFileError`
that names the file, the entry and the field, and says what would be right.

This module is pure: it knows nothing of widgets.

>>> flags = load_red_flags()
>>> sign = flags.symptom("both-legs")
>>> sign.label, sign.clinician, sign.urgency
('Sciatica in both legs', 'Bilateral radiculopathy', 'emergency')
>>> flags.group(sign.group).name
'Cauda equina syndrome (emergency)'
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NoReturn

from lessons.datafile import read_toml
from lessons.errors import DataFileError

__all__ = [
    "DATA_FILE",
    "URGENCIES",
    "URGENCY_RANK",
    "Group",
    "RedFlags",
    "Symptom",
    "load_red_flags",
    "read_red_flags",
]

#: The shipped red-flag file.
DATA_FILE = Path(__file__).resolve().parent / "data" / "red_flags.toml"

#: The urgency levels a symptom may imply, least urgent first, with the answer each one gives.
URGENCIES: dict[str, str] = {
    "self-care": "self-care and review",
    "soon": "see a doctor soon",
    "emergency": "emergency now",
}
#: How urgent each level is: a higher number is more urgent.
URGENCY_RANK: dict[str, int] = {level: rank for rank, level in enumerate(URGENCIES)}

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FACTS_WITHOUT_ID = re.compile(r"FACTS(?!\s+(?:[A-H][0-9]{1,2}\b|section [A-H]\b|[A-H]\b))")

_GROUP_FIELDS = ("id", "name", "area", "clinician", "source")
_SYMPTOM_FIELDS = ("id", "group", "label", "clinician", "urgency", "reason", "source")
_WHAT_IS_RIGHT = {
    "id": 'a short name of lowercase letters, digits and hyphens, like "both-legs"',
    "name": 'the group\'s name learners see, like "Infection"',
    "area": 'the part of the body or the kind of sign, like "Knees, hips and calves"',
    "clinician": "the sign in a clinician's words",
    "source": 'where it comes from: a FACTS.md id like "FACTS E4", or a named reference',
    "group": "the id of one of the [[group]] tables",
    "label": "the sign in plain words a patient would use",
    "urgency": "one of " + ", ".join(f'"{level}"' for level in URGENCIES),
    "reason": "why this sign matters, in plain words",
}


@dataclass(frozen=True)
class Group:
    """One kind of serious cause (cancer, infection, …) that some warning signs point to."""

    id: str
    name: str
    area: str
    clinician: str
    source: str


@dataclass(frozen=True)
class Symptom:
    """One warning sign: a tick box in the explorer, with its urgency and the reason for it."""

    id: str
    group: str
    label: str
    clinician: str
    urgency: str
    reason: str
    source: str

    @property
    def rank(self) -> int:
        """How urgent this sign is (see :data:`URGENCY_RANK`)."""
        return URGENCY_RANK[self.urgency]


@dataclass(frozen=True)
class RedFlags:
    """Every group and every sign, in the order the file gives them."""

    groups: tuple[Group, ...]
    symptoms: tuple[Symptom, ...]

    @cached_property
    def by_id(self) -> dict[str, Symptom]:
        """Every sign by its id (built once)."""
        return {symptom.id: symptom for symptom in self.symptoms}

    @cached_property
    def groups_by_id(self) -> dict[str, Group]:
        """Every group by its id (built once)."""
        return {group.id: group for group in self.groups}

    def group(self, group_id: str) -> Group:
        """Return the group with this id."""
        return self.groups_by_id[group_id]

    def symptom(self, symptom_id: str) -> Symptom:
        """Return the sign with this id."""
        return self.by_id[symptom_id]

    def in_group(self, group_id: str) -> tuple[Symptom, ...]:
        """Return the signs of one group, in file order.

        >>> [s.id for s in load_red_flags().in_group("fracture")]
        ['injury']
        """
        return tuple(symptom for symptom in self.symptoms if symptom.group == group_id)

    def at_urgency(self, urgency: str) -> tuple[Symptom, ...]:
        """Return the signs that imply one urgency level, in file order."""
        return tuple(symptom for symptom in self.symptoms if symptom.urgency == urgency)


class _Entry:
    """Read the fields of one TOML table, failing with a DataFileError that names them."""

    def __init__(self, file: str, kind: str, number: int, raw: object) -> None:
        self.file, self.kind = file, kind
        given = raw.get("id") if isinstance(raw, dict) else None
        self.entry = given if isinstance(given, str) and given.strip() else f"{kind} {number}"
        if not isinstance(raw, dict):
            self.fail(None, f"should be a [[{kind}]] table")
        self.raw: Mapping[str, object] = raw

    def fail(self, field: str | None, problem: str) -> NoReturn:
        raise DataFileError(self.file, self.entry, field, problem)

    def fields(self, names: tuple[str, ...]) -> dict[str, str]:
        for key in self.raw:
            if key not in names:
                near = difflib.get_close_matches(key, names, n=1)
                hint = f' (did you mean "{near[0]}"?)' if near else ""
                self.fail(
                    key,
                    f"is not a field of a {self.kind}{hint}; the fields are: " + ", ".join(names),
                )
        values = {}
        for name in names:
            if name not in self.raw:
                self.fail(name, f"is missing; write {_WHAT_IS_RIGHT[name]}")
            value = self.raw[name]
            if not isinstance(value, str):
                self.fail(
                    name,
                    f"should be text in quotes, not {type(value).__name__}; "
                    f"write {_WHAT_IS_RIGHT[name]}",
                )
            if not value.strip():
                self.fail(name, f"is empty; write {_WHAT_IS_RIGHT[name]}")
            values[name] = " ".join(value.split())
        if not _ID.fullmatch(values["id"]):
            self.fail("id", f'is "{values["id"]}"; write {_WHAT_IS_RIGHT["id"]}')
        if _FACTS_WITHOUT_ID.search(values["source"]):
            self.fail(
                "source",
                'cites FACTS without an id; write the id, like "FACTS E4", '
                f'not "{values["source"]}"',
            )
        return values


def _one_of(entry: _Entry, field: str, value: str, allowed: list[str], what: str) -> None:
    if value not in allowed:
        near = difflib.get_close_matches(value, allowed, n=1)
        hint = f' (did you mean "{near[0]}"?)' if near else ""
        entry.fail(
            field, f'is "{value}", which is not {what}{hint}; use one of: ' + ", ".join(allowed)
        )


def _entries(
    file: str, raw: Mapping[str, object], kind: str, names: tuple[str, ...]
) -> list[tuple[_Entry, dict[str, str]]]:
    """Read and check every ``[[kind]]`` table: its fields, and that no id is used twice."""
    read: list[tuple[_Entry, dict[str, str]]] = []
    for number, table in enumerate(raw[kind], start=1):  # type: ignore[arg-type]
        entry = _Entry(file, kind, number, table)
        values = entry.fields(names)
        if any(seen["id"] == values["id"] for _, seen in read):
            entry.fail("id", f"is used by two {kind}s; give each {kind} its own id")
        read.append((entry, values))
    return read


def read_red_flags(path: str | Path) -> RedFlags:
    """Load and check a red-flag file from anywhere (for tests and for checking a draft).

    Raises:
        DataFileError: naming the file, the entry and the field that is wrong.
    """
    path = Path(path)
    raw = read_toml(path)
    for key in raw:
        if key not in ("group", "symptom"):
            raise DataFileError(
                path.name,
                None,
                key,
                "is not part of a red-flag file; it has [[group]] and [[symptom]] tables only",
            )
    for kind in ("group", "symptom"):
        if not isinstance(raw.get(kind), list) or not raw[kind]:
            raise DataFileError(
                path.name, None, kind, f"is missing; write one or more [[{kind}]] tables"
            )

    groups = [Group(**values) for _, values in _entries(path.name, raw, "group", _GROUP_FIELDS)]
    group_ids = [group.id for group in groups]
    symptoms: list[Symptom] = []
    for entry, values in _entries(path.name, raw, "symptom", _SYMPTOM_FIELDS):
        _one_of(entry, "group", values["group"], group_ids, "the id of a group")
        _one_of(entry, "urgency", values["urgency"], list(URGENCIES), "an urgency level")
        symptoms.append(Symptom(**values))

    for group in groups:
        if not any(symptom.group == group.id for symptom in symptoms):
            raise DataFileError(
                path.name,
                group.id,
                "id",
                "is a group with no symptoms; "
                "add a [[symptom]] with this group, or remove the group",
            )
    return RedFlags(groups=tuple(groups), symptoms=tuple(symptoms))


@lru_cache(maxsize=1)
def load_red_flags() -> RedFlags:
    """Load and check the course's red-flag file (once per kernel).

    >>> flags = load_red_flags()
    >>> len(flags.at_urgency("emergency")) > 0, len(flags.groups)
    (True, 8)
    """
    return read_red_flags(DATA_FILE)


def main(argv: list[str] | None = None) -> int:
    """Check the red-flag file (or the files given) and print ``ok`` or the problem."""
    failed = 0
    for name in argv if argv is not None else sys.argv[1:] or [str(DATA_FILE)]:
        try:
            flags = read_red_flags(name)
        except DataFileError as error:
            print(f"error: {error}", file=sys.stderr)
            failed += 1
        else:
            counts = f"{len(flags.groups)} groups, {len(flags.symptoms)} symptoms"
            print(f"ok: {Path(name).name} ({counts})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
