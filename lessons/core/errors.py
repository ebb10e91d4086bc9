"""The one exception family for the course's own bad input."""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from decimal import Decimal

__all__ = [
    "ChoiceError",
    "CourseError",
    "DataFileError",
    "OutOfRangeError",
    "check_choice",
    "check_fields",
    "check_flag",
    "check_kind",
    "check_range",
    "check_whole",
]


class CourseError(ValueError):
    """Bad input to the course: a parameter out of range or a malformed data file.

    Every message says what was wrong and what would be right, so a widget can
    show it to a learner as it is.
    """


class OutOfRangeError(CourseError):
    """A model parameter outside the range the model is valid for.

    >>> raise OutOfRangeError("knee_flexion_deg", -5, 0, 140, "°")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: knee_flexion_deg = -5° is outside 0° to 140°; choose a
    value in that range.
    """

    def __init__(self, name: str, value: object, low: float, high: float, unit: str = "") -> None:
        self.name, self.value, self.low, self.high, self.unit = name, value, low, high, unit
        span = f"{low:g}{unit} to {high:g}{unit}"
        number = _as_float(value)
        if number is None:
            kind = type(value).__name__
            problem = f"{name} must be a number from {span}, not {_short(value)} ({kind})"
        elif math.isnan(number):
            problem = f"{name} is not a number (NaN); it must be from {span}"
        elif math.isinf(number) or not math.isfinite(number):
            problem = f"{name} = {_short(value)} is far outside {span}"
        else:
            problem = f"{name} = {number:g}{unit} is outside {span}"
        super().__init__(f"{problem}; choose a value in that range.")


class ChoiceError(CourseError):
    """A name (a side, an activity, an id) that is not one of the choices a model knows.

    >>> raise ChoiceError("side", "up", ("right", "left"))  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.ChoiceError: side = 'up' is not one of the choices; choose one of: 'right',
    'left'.
    """

    def __init__(self, name: str, value: object, choices: Iterable[object]) -> None:
        self.name, self.value, self.choices = name, value, tuple(choices)
        listed = ", ".join(repr(choice) for choice in self.choices)
        super().__init__(
            f"{name} = {_short(value)} is not one of the choices; choose one of: {listed}."
        )


class DataFileError(CourseError):
    """A course data file (question bank, stretch catalog) that does not load.

    The message names the file, the entry and the field, so a clinician can
    find and fix it without reading Python.

    >>> raise DataFileError(
    ...     "00-start-here.toml", "q-run-cell", "answer", "is missing"
    ... )  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.DataFileError: 00-start-here.toml, entry 'q-run-cell', field 'answer': is
    missing
    """

    def __init__(self, file: str, entry: str | None, field: str | None, problem: str) -> None:
        self.file, self.entry, self.field, self.problem = file, entry, field, problem
        where = [file]
        if entry is not None:
            where.append(f"entry {entry!r}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {problem}")


def _is_number(value: object) -> bool:
    """True for a real number of any type (numpy's too), but not for True/False."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return False
    return isinstance(value, (numbers.Real, Decimal))


def _as_float(value: object) -> float | None:
    """Return a real number as a float (inf if too large for one), or None for anything else."""
    if not _is_number(value):
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except OverflowError:
        return math.inf if value > 0 else -math.inf  # type: ignore[operator]
    except (TypeError, ValueError):
        return None


def _short(value: object) -> str:
    """Show a bad value briefly: a huge integer by its number of digits, long text cut short."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        digits = len(str(abs(int(value)))) if abs(int(value)) < 10**4000 else 4000
        if digits > 15:
            return f"a {digits}-digit number"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def check_range(name: str, value: object, low: float, high: float, unit: str = "") -> float:
    """Refuse a value that is not a finite real number within [low, high]; return it as a float.

    Any real number type is accepted (int, float, numpy's, Fraction, Decimal); True
    and False, text, None, NaN, infinities and numbers too large for a float are
    refused with an :class:`OutOfRangeError` that names the argument and the range.

    >>> check_range("asis_width_cm", 40, 20, 36, " cm")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: asis_width_cm = 40 cm is outside 20 cm to 36 cm; choose a
    value in that range.
    >>> check_range("knee_flexion_deg", float("nan"), 0, 135, "°")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: knee_flexion_deg is not a number (NaN); it must be from 0°
    to 135°; choose a value in that range.
    >>> import numpy as np
    >>> check_range("knee_flexion_deg", np.int64(30), 0, 135, "°")
    30.0
    """
    number = _as_float(value)
    if number is None or not (math.isfinite(number) and low <= number <= high):
        raise OutOfRangeError(name, value, low, high, unit)
    return number


def check_fields(
    instance: object, ranges: Mapping[str, tuple[float, float] | tuple[float, float, str]],
    unit: str = "",
) -> None:
    """Range-check fields of a frozen dataclass in place, keeping each as a float.

    ``ranges`` maps a field name to ``(low, high)`` (in ``unit``) or ``(low, high, unit)``;
    the fields are checked in its order with :func:`check_range`, and the first value out of
    range raises its :class:`OutOfRangeError`. Call it from ``__post_init__``.

    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Knee:
    ...     flexion_deg: float = 0
    ...     def __post_init__(self):
    ...         check_fields(self, {"flexion_deg": (0, 135)}, "°")
    >>> Knee(90).flexion_deg
    90.0
    >>> Knee(150)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: flexion_deg = 150° is outside 0° to 135°; choose a value
    in that range.
    """
    for name, (low, high, *own_unit) in ranges.items():
        value = check_range(name, getattr(instance, name), low, high, *(own_unit or [unit]))
        object.__setattr__(instance, name, value)  # frozen: the checked float replaces the input


def check_whole(name: str, value: object, low: int, high: int, unit: str = "") -> int:
    """Refuse a value that is not a whole number within [low, high]; return it as an int.

    >>> check_whole("repetitions", 2.0, 1, 10)
    2
    >>> check_whole("repetitions", 2.5, 1, 10)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: repetitions = 2.5 is not a whole number from 1 to 10;
    choose one.
    """
    number = check_range(name, value, low, high, unit)
    if not number.is_integer():
        error = OutOfRangeError(name, value, low, high, unit)
        error.args = (
            f"{name} = {number:g}{unit} is not a whole number from {low:g}{unit} to "
            f"{high:g}{unit}; choose one.",
        )
        raise error
    return int(number)


def check_choice(name: str, value: object, choices: Iterable[object]) -> None:
    """Refuse a value that is not one of ``choices``, listing them (a :class:`ChoiceError`).

    >>> check_choice("activity", "flying", ("walking", "stairs"))  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.ChoiceError: activity = 'flying' is not one of the choices; choose one of:
    'walking', 'stairs'.
    """
    choices = tuple(choices)
    try:
        known = value in choices
    except TypeError:  # an unhashable value against a dict's keys, say
        known = False
    if not known:
        raise ChoiceError(name, value, choices)


def check_kind(name: str, value: object, kind: type, made_by: str = "") -> None:
    """Refuse a value that is not a ``kind`` (a model object), saying where one comes from.

    >>> from fractions import Fraction
    >>> check_kind("pose", "standing", Fraction, "Fraction(1, 2)")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.CourseError: pose must be a Fraction (made by Fraction(1, 2)), not
    'standing' (str).
    """
    if not isinstance(value, kind):
        source = f" (made by {made_by})" if made_by else ""
        raise CourseError(
            f"{name} must be a {kind.__name__}{source}, not {_short(value)} "
            f"({type(value).__name__})."
        )


def check_flag(name: str, value: object) -> bool:
    """Refuse anything but True or False (numpy's too); return it as a bool.

    >>> check_flag("knee_replacement", "yes")
    Traceback (most recent call last):
    ...
    lessons.core.errors.CourseError: knee_replacement must be True or False, not 'yes' (str).
    """
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return bool(value)
    kind = type(value).__name__
    raise CourseError(f"{name} must be True or False, not {_short(value)} ({kind}).")
