"""Describe a hip or lumbar-root screening test: what it loads, what positive means, its accuracy.

The tests live in ``lessons/data/screening_tests.toml`` (FACTS I6): each with
the leg's position, which the limb model of Lesson 1 can show
(:func:`leg_position`), and a sensitivity and specificity only where FACTS gives
them. Where it does not, the readout says "FACTS gives no figure"; the course
never makes one up.

>>> slr = load_tests()["slr"]
>>> slr.sensitivity_pct, slr.specificity_pct
(91.0, 26.0)
>>> load_tests()["faber"].sensitivity_pct is None
True
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from lessons.core.datafile import DATA_DIR, read_toml
from lessons.core.errors import ChoiceError, CourseError, DataFileError
from lessons.limb.model import ANGLE_RANGES_DEG, JointAngles, LimbPose, limb_pose

__all__ = [
    "TESTS_PATH",
    "ScreeningTest",
    "accuracy_sentence",
    "describe",
    "load_tests",
    "read_tests",
    "leg_position",
]

TESTS_PATH = DATA_DIR / "screening_tests.toml"

_TEXT_FIELDS = ("name", "lying", "how", "loads", "positive", "facts")
_FACTS = re.compile(r"FACTS [A-I][0-9]{1,2}[a-z]?\b")


@dataclass(frozen=True)
class ScreeningTest:
    """One screening test from the data file; accuracy figures are None where FACTS gives none."""

    id: str
    name: str
    lying: str
    how: str
    loads: str
    positive: str
    facts: str
    pose: JointAngles
    note: str = ""
    sensitivity_pct: float | None = None
    specificity_pct: float | None = None


def _percent(file: str, entry: str, raw: dict, field: str) -> float | None:
    value = raw.get(field)
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or not 0 <= value <= 100
    ):
        raise DataFileError(
            file, entry, field, f"must be a percentage from 0 to 100, not {value!r}"
        )
    return float(value)


def _note(file: str, entry: str, raw: dict) -> str:
    value = raw.get("note", "")
    if not isinstance(value, str):
        raise DataFileError(file, entry, "note", "must be a text in double quotes, or left out")
    return value.strip()


def read_tests(path: str | Path) -> dict[str, ScreeningTest]:
    """Read and check a screening-test file; DataFileError names the test and field at fault."""
    path = Path(path)
    file = path.name
    tests: dict[str, ScreeningTest] = {}
    raw_tests = read_toml(path).get("test")
    if not isinstance(raw_tests, list) or not raw_tests:
        raise DataFileError(file, None, "test", "add at least one [[test]] entry")
    for number, raw in enumerate(raw_tests, start=1):
        entry = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(entry, str) or not entry:
            raise DataFileError(file, f"test {number}", "id", "must be a non-empty text")
        if entry in tests:
            raise DataFileError(file, entry, "id", "is used by two tests; give each its own id")
        texts = {}
        for field in _TEXT_FIELDS:
            value = raw.get(field)
            if not isinstance(value, str) or not value.strip():
                raise DataFileError(file, entry, field, "must be a non-empty text in double quotes")
            texts[field] = value.strip()
        if not _FACTS.search(texts["facts"]):
            raise DataFileError(
                file, entry, "facts", 'must cite at least one fact id, such as "FACTS I6"'
            )
        pose = raw.get("pose")
        if not isinstance(pose, dict) or set(pose) != set(ANGLE_RANGES_DEG):
            raise DataFileError(
                file,
                entry,
                "pose",
                f"must give exactly these angles: {', '.join(ANGLE_RANGES_DEG)}",
            )
        try:
            angles = JointAngles(**pose)
        except CourseError as error:
            raise DataFileError(file, entry, "pose", str(error)) from None
        tests[entry] = ScreeningTest(
            id=entry,
            pose=angles,
            sensitivity_pct=_percent(file, entry, raw, "sensitivity_pct"),
            specificity_pct=_percent(file, entry, raw, "specificity_pct"),
            note=_note(file, entry, raw),
            **texts,
        )
    return tests


def load_tests() -> dict[str, ScreeningTest]:
    """Load the course's screening tests from ``lessons/data/screening_tests.toml``, by id."""
    return read_tests(TESTS_PATH)


def _test(test_id: str) -> ScreeningTest:
    tests = load_tests()
    if test_id not in tests:
        raise ChoiceError("test", test_id, tests)
    return tests[test_id]


def leg_position(test_id: str, height_m: float = 1.75) -> LimbPose:
    """Place the tested (right) leg as the test positions it, with the limb model of Lesson 1.

    >>> [round(c, 2) for c in leg_position("slr").knee]  # the straight leg lifted 45°
    [0.3, -0.09, 0.62]
    """
    return limb_pose(_test(test_id).pose, height_m=height_m)


def accuracy_sentence(test: ScreeningTest) -> str:
    """Say the test's sensitivity and specificity, what they mean, or that FACTS gives no figure.

    >>> print(accuracy_sentence(load_tests()["femoral-nerve-stretch"]))
    Sensitivity and specificity: FACTS gives no figure.
    """
    if test.sensitivity_pct is None or test.specificity_pct is None:
        return "Sensitivity and specificity: FACTS gives no figure."
    sens, spec = test.sensitivity_pct, test.specificity_pct
    return (
        f"Sensitivity {sens:.0f} %: of 100 people with the problem, "
        f"about {sens:.0f} test positive. "
        f"Specificity {spec:.0f} %: of 100 people without it, about {spec:.0f} test negative "
        f"and {100 - spec:.0f} test positive anyway."
    )


def describe(test_id: str) -> str:
    """Say what the test does, what it loads, what a positive result means and how accurate it is.

    >>> print(describe("slr").splitlines()[0][:67])
    Straight-leg raise (SLR), lying on the back: the examiner lifts the
    """
    test = _test(test_id)
    return "\n".join(
        [
            f"{test.name}, {test.lying}: {test.how}.",
            f"It loads {test.loads}.",
            f"Positive: {test.positive} ({test.facts}).",
            accuracy_sentence(test),
            *([test.note] if test.note else []),
            "A screening test guides the examination; it does not diagnose on its own (FACTS I6). "
            "The figure shows the leg's joint angles with the pelvis upright, "
            "whatever the test's position.",
        ]
    )
