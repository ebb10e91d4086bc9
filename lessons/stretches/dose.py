"""The arithmetic of a stretch dose, a routine and the hold timer: pure, checked against FACTS C6.

The dose limits come from FACTS C6: holds of 10-60 s (ACSM: 10-30 s, 30-60 s
in older adults), 2-4 repetitions, about 60 s in all per stretch. The stretches
themselves come from :mod:`lessons.stretches.catalog`, which re-exports these names.

>>> describe_dose(30, 2)
'Hold 30 s, 2 times (60 s in all), once a day.'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from lessons.core.errors import CourseError, check_choice, check_kind, check_whole

if TYPE_CHECKING:
    from lessons.stretches.catalog import Stretch

__all__ = [
    "HOLD_RANGE_S",
    "KINDS",
    "REPETITIONS_RANGE",
    "REST_RANGE_S",
    "RoutineItem",
    "TimerState",
    "check_dose",
    "describe_dose",
    "routine_item",
    "routine_minutes",
]

#: Hold times the course accepts, in seconds: ACSM 10-30 s, 30-60 s in older adults (FACTS C6).
HOLD_RANGE_S = (10, 60)
#: Repetitions the course accepts: ACSM advises 2-4; one is allowed for a first, gentle try
#: (FACTS C6).
REPETITIONS_RANGE = (1, 4)
#: Rest after each hold that a routine's total may include, seconds (an input bound, not advice).
REST_RANGE_S = (0, 600)
#: The most seconds the browser's clock can count (a day): anything beyond is not a count.
_LONGEST_COUNT_S = 24 * 60 * 60
#: The hold timer's states.
_STATUSES = ("ready", "holding", "paused", "rest", "finished")

KINDS = {"hold": "a stretch you hold", "glide": "a movement you repeat slowly, without holding"}


def check_dose(hold_s: float, repetitions: float) -> tuple[int, int]:
    """Refuse a dose outside FACTS C6's ranges (whole numbers only); return it as ints."""
    return (
        check_whole("hold_s", hold_s, *HOLD_RANGE_S, " s"),
        check_whole("repetitions", repetitions, *REPETITIONS_RANGE),
    )


def describe_dose(
    hold_s: int, repetitions: int, how_often: str = "once a day", kind: str = "hold"
) -> str:
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
    hold_s, repetitions = check_dose(hold_s, repetitions)
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
        return describe_dose(
            self.hold_s, self.repetitions, self.stretch.how_often, self.stretch.kind
        )


def routine_item(
    stretch: Stretch, hold_s: int | None = None, repetitions: int | None = None
) -> RoutineItem:
    """Pair a stretch with a dose (the catalog's unless given), checking it against FACTS C6.

    >>> from lessons.stretches.catalog import load_catalog
    >>> item = routine_item(load_catalog().stretch("figure-4"), hold_s=45)
    >>> item.dose
    'Hold 45 s, 2 times (90 s in all), once a day.'
    >>> routine_item(load_catalog().stretch("figure-4"), hold_s=120)
    Traceback (most recent call last):
    ...
    lessons.core.errors.OutOfRangeError: hold_s = 120 s is outside 10 s to 60 s; ...
    """
    from lessons.stretches.catalog import Stretch

    check_kind("stretch", stretch, Stretch, "load_catalog().stretch(...)")
    hold = stretch.hold_s if hold_s is None else hold_s
    reps = stretch.repetitions if repetitions is None else repetitions
    hold, reps = check_dose(hold, reps)
    return RoutineItem(stretch=stretch, hold_s=hold, repetitions=reps)


def routine_minutes(items: Sequence[RoutineItem], rest_s: int = 0) -> float:
    """Total holding time of a routine in minutes (plus ``rest_s`` after each hold).

    >>> from lessons.stretches.catalog import load_catalog
    >>> cat = load_catalog()
    >>> items = [routine_item(cat.stretch(name)) for name in ("figure-4", "knee-to-chest")]
    >>> routine_minutes(items)
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
        hold_s, repetitions = check_dose(self.hold_s, self.repetitions)
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
        """Start the next hold (from ready or rest), resume a paused one, or begin again if done."""
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
