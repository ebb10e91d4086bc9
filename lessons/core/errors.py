"""The one exception family for the course's own bad input."""

from __future__ import annotations

import math

__all__ = ["CourseError", "DataFileError", "OutOfRangeError", "check_range"]


class CourseError(ValueError):
    """Bad input to the course: a parameter out of range or a malformed data file.

    Every message says what was wrong and what would be right, so a widget can
    show it to a learner as it is.
    """


class OutOfRangeError(CourseError):
    """A model parameter outside the range the model is valid for.

    >>> raise OutOfRangeError("knee_flexion_deg", -5, 0, 140, "°")
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: knee_flexion_deg = -5° is outside 0° to 140°; choose a value in that range.
    """

    def __init__(self, name: str, value: float, low: float, high: float, unit: str = "") -> None:
        self.name, self.value, self.low, self.high, self.unit = name, value, low, high, unit
        super().__init__(
            f"{name} = {value:g}{unit} is outside {low:g}{unit} to {high:g}{unit}; "
            "choose a value in that range."
        )


class DataFileError(CourseError):
    """A course data file (question bank, stretch catalog) that does not load.

    The message names the file, the entry and the field, so a clinician can
    find and fix it without reading Python.

    >>> raise DataFileError("00-start-here.toml", "q-run-cell", "answer", "is missing")
    Traceback (most recent call last):
    ...
    lessons.core.errors.DataFileError: 00-start-here.toml, entry 'q-run-cell', field 'answer': is missing
    """

    def __init__(self, file: str, entry: str | None, field: str | None, problem: str) -> None:
        self.file, self.entry, self.field, self.problem = file, entry, field, problem
        where = [file]
        if entry is not None:
            where.append(f"entry {entry!r}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {problem}")


def check_range(name: str, value: float, low: float, high: float, unit: str = "") -> None:
    """Refuse a value that is not a finite number within [low, high], saying what would be right.

    >>> check_range("asis_width_cm", 40, 20, 36, " cm")
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: asis_width_cm = 40 cm is outside 20 cm to 36 cm; choose a value in that range.
    >>> check_range("knee_flexion_deg", float("nan"), 0, 135, "°")
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: knee_flexion_deg = nan° is outside 0° to 135°; choose a value in that range.
    """
    finite = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if not (finite and low <= value <= high):
        raise OutOfRangeError(name, value if finite else float("nan"), low, high, unit)
