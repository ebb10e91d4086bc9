"""Load the red flags: the urgency ladder, the warning signs and their combinations, from data.

The ladder, the signs and the rules live in ``lessons/data/red_flags.toml``
(FACTS E5), the one source of every sign's urgency: lessons, the clinic page,
stretch cards, handouts and the instructor guide render them from here and
never retype them. Loading checks the whole file and stops at the first
problem with a :class:`~lessons.core.errors.DataFileError` that names the file, the
entry and the field, and says what would be right.

This module is pure: it knows nothing of widgets.

>>> flags = load_red_flags()
>>> [step.name for step in flags.steps]
['emergency now', 'same day', 'soon', 'routine']
>>> sign = flags.symptom("both-legs")
>>> sign.label, sign.clinician, flags.step(sign.step).name
('Sciatica in both legs', 'Bilateral radiculopathy', 'emergency now')
>>> flags.step(flags.symptom("child-limp").step).name
'same day'
>>> flags.group(sign.group).name
'Cauda equina syndrome'
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import ConfigDict, Field

from lessons.core.datafile import DATA_DIR, read_toml
from lessons.core.errors import DataFileError
from lessons.core.validation import Citation, Id, Text, build, suggestion

__all__ = [
    "DATA_FILE",
    "Combination",
    "Group",
    "RedFlags",
    "Step",
    "Symptom",
    "load_red_flags",
    "read_red_flags",
]

#: The shipped red-flag file.
DATA_FILE = DATA_DIR / "red_flags.toml"

#: The ladder's steps, most urgent first, as FACTS E5 names them: the file must have exactly these.
LADDER_IDS = ("emergency-now", "same-day", "soon", "routine")


#: A list of symptom ids (a combination's ``all`` and ``any``): at least one.
SignIds = Annotated[tuple[Id, ...], Field(min_length=1)]
_FORBID_EXTRA = ConfigDict(extra="forbid")
_WHAT_IS_RIGHT = {
    "id": 'a short name of lowercase letters, digits and hyphens, like "both-legs"',
    "name": 'the name learners see, like "Infection" or "same day"',
    "symbol": 'one symbol that marks the step without colour, like "‼"',
    "heading": (
        'the words that open a list of signs, like "Same day: see a doctor today if you have"'
    ),
    "action": "what to do, in plain words",
    "area": 'the part of the body or the kind of sign, like "Knees, hips and calves"',
    "clinician": "the sign in a clinician's words",
    "source": 'where it comes from: a FACTS.md id like "FACTS E5", or a named reference',
    "group": "the id of one of the [[group]] tables",
    "label": "the sign in plain words a patient would use",
    "step": "the id of one of the [[step]] tables: " + ", ".join(f'"{s}"' for s in LADDER_IDS),
    "reason": "why this matters, in plain words",
    "all": 'a list of symptom ids that must all be ticked, like ["past-cancer"]',
    "any": 'a list of symptom ids of which at least one must be ticked, like ["weight-loss"]',
}


@dataclass(frozen=True)
class Step:
    """One step of the urgency ladder (FACTS E5): its name, symbol and what to do."""

    __pydantic_config__ = _FORBID_EXTRA

    id: Id
    name: Text
    symbol: Text
    heading: Text
    action: Text
    clinician: Text
    source: Citation

    @property
    def headline(self) -> str:
        """The symbol and the step's name in capitals, like "‼ EMERGENCY NOW"."""
        return f"{self.symbol} {self.name.upper()}"


@dataclass(frozen=True)
class Group:
    """One kind of serious cause (cancer, infection, …) that some warning signs point to."""

    __pydantic_config__ = _FORBID_EXTRA

    id: Id
    name: Text
    area: Text
    clinician: Text
    source: Citation


@dataclass(frozen=True)
class Symptom:
    """One warning sign: a tick box in the explorer, with its step and the reason for it."""

    __pydantic_config__ = _FORBID_EXTRA

    id: Id
    group: Text
    label: Text
    clinician: Text
    step: Text
    reason: Text
    source: Citation


@dataclass(frozen=True)
class Combination:
    """Signs that together raise the step: every sign in ``all``, and one of ``any`` if given."""

    __pydantic_config__ = _FORBID_EXTRA

    id: Id
    all: SignIds
    step: Text
    label: Text
    clinician: Text
    reason: Text
    source: Citation
    any: tuple[Id, ...] = ()

    def fires(self, ticked: set[str] | frozenset[str]) -> bool:
        """Say whether this rule applies to a set of ticked sign ids.

        >>> rule = load_red_flags().combination("past-cancer-with-cancer-signs")
        >>> rule.fires({"past-cancer", "night-pain"}), rule.fires({"past-cancer"})
        (True, False)
        """
        return set(self.all) <= ticked and (not self.any or not ticked.isdisjoint(self.any))


@dataclass(frozen=True)
class RedFlags:
    """The ladder, every group, sign and combination rule, in the order the file gives them."""

    steps: tuple[Step, ...]
    groups: tuple[Group, ...]
    symptoms: tuple[Symptom, ...]
    combinations: tuple[Combination, ...] = ()

    @cached_property
    def by_id(self) -> dict[str, Symptom]:
        """Every sign by its id (built once)."""
        return {symptom.id: symptom for symptom in self.symptoms}

    @cached_property
    def groups_by_id(self) -> dict[str, Group]:
        """Every group by its id (built once)."""
        return {group.id: group for group in self.groups}

    @cached_property
    def rank(self) -> dict[str, int]:
        """How urgent each step is: 0 for the least urgent (routine), higher is more urgent."""
        return {step.id: len(self.steps) - 1 - i for i, step in enumerate(self.steps)}

    def step(self, step_id: str) -> Step:
        """Return the ladder step with this id."""
        return next(step for step in self.steps if step.id == step_id)

    def group(self, group_id: str) -> Group:
        """Return the group with this id."""
        return self.groups_by_id[group_id]

    def symptom(self, symptom_id: str) -> Symptom:
        """Return the sign with this id."""
        return self.by_id[symptom_id]

    def combination(self, rule_id: str) -> Combination:
        """Return the combination rule with this id."""
        return next(rule for rule in self.combinations if rule.id == rule_id)

    def in_group(self, group_id: str) -> tuple[Symptom, ...]:
        """Return the signs of one group, in file order.

        >>> [s.id for s in load_red_flags().in_group("fracture")]
        ['injury']
        """
        return tuple(symptom for symptom in self.symptoms if symptom.group == group_id)

    def at_step(self, step_id: str, groups: tuple[str, ...] | None = None) -> tuple[Symptom, ...]:
        """Return the signs at one step, in file order (only those of ``groups``, if given).

        >>> [s.id for s in load_red_flags().at_step("soon", groups=("fracture", "knee-hip"))]
        ['injury', 'knee-locks']
        """
        return tuple(
            symptom
            for symptom in self.symptoms
            if symptom.step == step_id and (groups is None or symptom.group in groups)
        )

    def sections(
        self, groups: tuple[str, ...] | None = None, steps: tuple[str, ...] | None = None
    ) -> tuple[tuple[Step, tuple[Symptom, ...]], ...]:
        """Group the signs by step, most urgent first, for a list on a page, card or lesson.

        Args:
            groups: only the signs of these groups (ids); default all.
            steps: only these steps (ids); default every step that has a sign.

        >>> sections = load_red_flags().sections(("cauda-equina",))
        >>> [(step.name, len(signs)) for step, signs in sections]
        [('emergency now', 5)]
        """
        chosen = []
        for step in self.steps:
            if steps is not None and step.id not in steps:
                continue
            signs = self.at_step(step.id, groups)
            if signs:
                chosen.append((step, signs))
        return tuple(chosen)


def _one_of(file: str, entry: str, field: str, value: str, allowed: list[str], what: str) -> None:
    """Refuse a reference to an id the file does not have, suggesting the nearest."""
    if value not in allowed:
        raise DataFileError(
            file,
            entry,
            field,
            f'is "{value}", which is not {what}{suggestion(value, allowed)}; use one of: '
            + ", ".join(allowed),
        )


def _entries(file: str, raw: Mapping[str, object], kind: str, cls: type) -> list:
    """Validate every ``[[kind]]`` table into ``cls`` and check that no id is used twice."""
    read: list = []
    for number, table in enumerate(raw.get(kind, []), start=1):  # type: ignore[arg-type]
        given = table.get("id") if isinstance(table, dict) else None
        entry = given if isinstance(given, str) and given.strip() else f"{kind} {number}"
        item = build(cls, table, file, entry, _WHAT_IS_RIGHT)
        if any(seen.id == item.id for seen in read):
            raise DataFileError(file, entry, "id", f"is used by two {kind}s; give each its own id")
        read.append(item)
    return read


def read_red_flags(path: str | Path) -> RedFlags:
    """Load and check a red-flag file from anywhere (for tests and for checking a draft).

    Raises:
        DataFileError: naming the file, the entry and the field that is wrong.
    """
    path = Path(path)
    raw = read_toml(path)
    kinds = ("step", "group", "symptom", "combination")
    for key in raw:
        if key not in kinds:
            raise DataFileError(
                path.name,
                None,
                key,
                "is not part of a red-flag file; it has [[step]], [[group]], [[symptom]] "
                "and [[combination]] tables only",
            )
    for kind in kinds:
        if kind not in raw and kind == "combination":
            continue
        if not isinstance(raw.get(kind), list) or not raw[kind]:
            raise DataFileError(
                path.name, None, kind, f"is missing; write one or more [[{kind}]] tables"
            )

    file = path.name
    steps = _entries(file, raw, "step", Step)
    if tuple(step.id for step in steps) != LADDER_IDS:
        raise DataFileError(
            file,
            None,
            "step",
            "should be the four steps of the one urgency ladder (FACTS E5), most urgent first, "
            "with the ids " + ", ".join(LADDER_IDS),
        )
    groups = _entries(file, raw, "group", Group)
    group_ids = [group.id for group in groups]
    symptoms = _entries(file, raw, "symptom", Symptom)
    for sign in symptoms:
        _one_of(file, sign.id, "group", sign.group, group_ids, "the id of a group")
        _one_of(file, sign.id, "step", sign.step, list(LADDER_IDS), "a step of the ladder")
    for group in groups:
        if not any(symptom.group == group.id for symptom in symptoms):
            raise DataFileError(
                file,
                group.id,
                "id",
                "is a group with no symptoms; "
                "add a [[symptom]] with this group, or remove the group",
            )
    symptom_ids = [symptom.id for symptom in symptoms]
    combinations = _entries(file, raw, "combination", Combination)
    for rule in combinations:
        _one_of(file, rule.id, "step", rule.step, list(LADDER_IDS), "a step of the ladder")
        for field in ("all", "any"):
            for sign in getattr(rule, field):
                _one_of(file, rule.id, field, sign, symptom_ids, "the id of a symptom")
    return RedFlags(
        steps=tuple(steps),
        groups=tuple(groups),
        symptoms=tuple(symptoms),
        combinations=tuple(combinations),
    )


@lru_cache(maxsize=1)
def load_red_flags() -> RedFlags:
    """Load and check the course's red-flag file (once per kernel).

    >>> flags = load_red_flags()
    >>> len(flags.at_step("emergency-now")) > 0, len(flags.groups), len(flags.combinations) > 0
    (True, 8, True)
    """
    return read_red_flags(DATA_FILE)


def main(argv: list[str] | None = None) -> int:
    """Check the red-flag file (or the files given) with the course's one check.

    See :mod:`lessons.core.validate`.
    """
    from lessons.core.validate import check_files

    names = argv if argv is not None else sys.argv[1:]
    return check_files([Path(name) for name in names or [DATA_FILE]], kind=DATA_FILE.name)



if __name__ == "__main__":
    sys.exit(main())
