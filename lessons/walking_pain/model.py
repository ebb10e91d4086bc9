"""Contrast neurogenic and vascular claudication from how leg pain on walking behaves (FACTS I5).

Each choice the learner makes (how far they walk before it hurts, their
posture, how the pain eases, where it is felt) is looked up in
``lessons/data/walking_pain.toml``, which says for each pattern whether that
feature fits it, counts against it, or does not tell. The model only counts
them; it says which pattern more features fit and what would tell them apart
(foot pulses and the ankle–brachial index, age). It contrasts patterns; it does
not diagnose.

>>> walk = walking_pain(400, "trolley", "sitting", "buttock-leg")
>>> walk.tally["neurogenic"], walk.tally["vascular"]
((4, 0), (1, 0))
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lessons.core.datafile import DATA_DIR, read_toml
from lessons.core.errors import DataFileError, check_choice, check_range

__all__ = [
    "CONTROLS",
    "DISTANCE_RANGE_M",
    "FEATURES_PATH",
    "PATTERNS",
    "Option",
    "WalkingPain",
    "choices",
    "describe",
    "load_options",
    "read_options",
    "walking_pain",
]

FEATURES_PATH = DATA_DIR / "walking_pain.toml"

#: The two patterns, by id, as the readout names them.
PATTERNS = {
    "neurogenic": "Neurogenic claudication (lumbar spinal stenosis)",
    "vascular": "Vascular claudication (narrowed leg arteries)",
}
CONTROLS = ("distance", "posture", "rest", "where")
_VERDICTS = ("fits", "against", "neutral")

#: How far the explorer lets the learner walk before the pain comes, in metres (0: on standing).
DISTANCE_RANGE_M = (0.0, 1000.0)


@dataclass(frozen=True)
class Option:
    """One choice of one control, with its verdict for each pattern and the reason."""

    control: str
    value: str
    label: str
    verdicts: dict
    reason: str
    facts: str


@dataclass(frozen=True)
class WalkingPain:
    """The learner's choices, the options they select, and per pattern (fits, against)."""

    distance_m: float
    chosen: tuple[Option, ...]
    tally: dict


def read_options(path: str | Path) -> dict[tuple[str, str], Option]:
    """Read and check a walking-pain file: (control, value) -> Option; DataFileError if bad."""
    path = Path(path)
    file = path.name
    options: dict[tuple[str, str], Option] = {}
    for number, raw in enumerate(read_toml(path).get("option", []), start=1):
        if not isinstance(raw, dict):
            raise DataFileError(file, f"option {number}", None, "must be an [[option]] table")
        texts = {}
        for field in ("control", "value", "label", "reason", "facts", *PATTERNS):
            value = raw.get(field)
            if not isinstance(value, str) or not value.strip():
                raise DataFileError(
                    file, f"option {number}", field, "must be a non-empty text in double quotes"
                )
            texts[field] = value.strip()
        entry = f"{texts['control']}={texts['value']}"
        if texts["control"] not in CONTROLS:
            raise DataFileError(file, entry, "control", f"must be one of {CONTROLS}")
        for pattern in PATTERNS:
            if texts[pattern] not in _VERDICTS:
                raise DataFileError(
                    file, entry, pattern, f"must be one of {_VERDICTS}, not {texts[pattern]!r}"
                )
        if "FACTS " not in texts["facts"]:
            raise DataFileError(file, entry, "facts", 'must cite a fact id, such as "FACTS I5"')
        key = (texts["control"], texts["value"])
        if key in options:
            raise DataFileError(
                file, entry, "value", "appears twice; give each option of a control its own value"
            )
        options[key] = Option(
            key[0],
            key[1],
            texts["label"],
            {p: texts[p] for p in PATTERNS},
            texts["reason"],
            texts["facts"],
        )
    missing = [c for c in CONTROLS if not any(k[0] == c for k in options)]
    if missing:
        raise DataFileError(file, None, "control", f"add options for {', '.join(missing)}")
    if {("distance", "standing"), ("distance", "walking")} - set(options):
        raise DataFileError(file, None, "distance", 'needs the two values "standing" and "walking"')
    return options


def load_options() -> dict[tuple[str, str], Option]:
    """Load the course's walking-pain options from ``lessons/data/walking_pain.toml``."""
    return read_options(FEATURES_PATH)


def choices(control: str) -> list[Option]:
    """The options of one control, in file order."""
    return [o for o in load_options().values() if o.control == control]


def walking_pain(
    distance_m: float = 400.0,
    posture: str = "upright",
    rest: str = "sitting",
    where: str = "buttock-leg",
) -> WalkingPain:
    """Look up each choice and count, per pattern, the features that fit it and those against it.

    Args:
        distance_m: metres walked before the pain comes; 0 means it comes on standing.
        posture, rest, where: option values from the data file (``"upright"``, ``"bent-forward"``,
            ``"trolley"``; ``"standing-still"``, ``"sitting"``; ``"buttock-leg"``, ``"calf"``).
    """
    distance_m = check_range("distance_m", distance_m, *DISTANCE_RANGE_M, " m")
    options = load_options()
    picked = {
        "distance": "standing" if distance_m == 0 else "walking",
        "posture": posture,
        "rest": rest,
        "where": where,
    }
    chosen = []
    for control, value in picked.items():
        check_choice(control, value, [o.value for o in options.values() if o.control == control])
        chosen.append(options[(control, value)])
    tally = {
        p: (
            sum(o.verdicts[p] == "fits" for o in chosen),
            sum(o.verdicts[p] == "against" for o in chosen),
        )
        for p in PATTERNS
    }
    return WalkingPain(distance_m, tuple(chosen), tally)


def _score(walk: WalkingPain, pattern: str) -> int:
    fits, against = walk.tally[pattern]
    return fits - against


def _lower(name: str) -> str:
    return name[0].lower() + name[1:]


def describe(walk: WalkingPain) -> str:
    """Say which features fit each pattern, which way the count leans, and what tells them apart.

    >>> print(describe(walking_pain(400, "upright", "standing-still", "calf")).splitlines()[-3])
    ... # doctest: +NORMALIZE_WHITESPACE
    More of these features fit vascular claudication (narrowed leg arteries) (3 fit, 0 against) than
    neurogenic claudication (1 fit, 1 against).
    """
    when = (
        "The pain comes on standing, before walking."
        if walk.distance_m == 0
        else f"The pain comes after walking about {walk.distance_m:.0f} m."
    )
    lines = [when]
    for option in walk.chosen:
        verdicts = ", ".join(f"{name}: {option.verdicts[name]}" for name in PATTERNS)
        lines.append(
            f"- {option.label.capitalize()} ({verdicts}): {option.reason} ({option.facts})."
        )
    neuro, vasc = _score(walk, "neurogenic"), _score(walk, "vascular")
    n_fit, n_against = walk.tally["neurogenic"]
    v_fit, v_against = walk.tally["vascular"]
    if neuro == vasc:
        lines.append(
            f"The features fit both patterns equally: neurogenic {n_fit} fit, {n_against} against; "
            f"vascular {v_fit} fit, {v_against} against."
        )
    else:
        lead, other = ("neurogenic", "vascular") if neuro > vasc else ("vascular", "neurogenic")
        (lf, la), (of, oa) = walk.tally[lead], walk.tally[other]
        lines.append(
            f"More of these features fit {_lower(PATTERNS[lead])} ({lf} fit, {la} against) "
            f"than {other} claudication ({of} fit, {oa} against)."
        )
    lines.append(
        "What tells them apart beyond the history: weak foot pulses and "
        "an ankle–brachial index below 0.9 "
        "point to the arteries; neurogenic claudication is usually over 60 (FACTS I5)."
    )
    lines.append("This contrasts two patterns; it does not diagnose.")
    return "\n".join(lines)
