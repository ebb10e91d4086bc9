"""Turn ticked warning signs into one of three answers, always erring towards safety.

The answers are "emergency now", "see a doctor soon" and "self-care and
review". The rule is deliberately simple, so a learner can predict it: **the
most urgent ticked sign decides**. Nothing ticked gives "self-care and review",
with the advice to see a doctor if anything changes or worries you, and the
list of signs that would change the answer. Several signs from one group are
pointed out, because clinicians judge red flags in combination (FACTS E).

This teaches patterns; it is not a diagnosis, and every answer says so.
The signs and their urgencies are data (:mod:`lessons.red_flags`). Pure: no widgets.

>>> advice = triage(["past-cancer", "both-legs"])
>>> advice.answer, [s.id for s in advice.deciding]
('emergency now', ['both-legs'])
>>> triage([]).answer
'self-care and review'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from lessons.errors import CourseError
from lessons.red_flags import URGENCIES, URGENCY_RANK, RedFlags, Symptom, load_red_flags

__all__ = [
    "ACTIONS",
    "NOT_A_DIAGNOSIS",
    "SYMBOLS",
    "Advice",
    "triage",
]

#: What each answer tells the learner to do.
ACTIONS: dict[str, str] = {
    "emergency": (
        "Get emergency care now: go to an emergency department, or call your emergency number "
        "(999 in the UK). Do not wait to see whether it settles."
    ),
    "soon": (
        "Make an urgent appointment with a doctor; do not wait for it to pass. "
        "Get emergency care if it gets worse or an emergency sign appears."
    ),
    "self-care": (
        "Keep active and carry on with your usual activities as far as you can. "
        "If anything changes or worries you, see a doctor; see one too if it is not "
        "improving after about a month."
    ),
}

#: The symbol that goes with each answer, so that no answer is told by colour alone.
SYMBOLS: dict[str, str] = {"emergency": "‼", "soon": "⚠", "self-care": "ℹ"}

#: Said with every answer.
NOT_A_DIAGNOSIS = (
    "This explorer teaches patterns; it is not a diagnosis. If you are worried about "
    "yourself or someone else, ask a doctor."
)


@dataclass(frozen=True)
class Advice:
    """The answer for a set of ticked signs, with the signs behind it.

    ``level`` is the urgency key ("emergency", "soon", "self-care"), ``answer``
    its words. ``deciding`` are the ticked signs at that level (they are the
    reason); ``also_ticked`` the less urgent ticked signs; ``would_change`` the
    signs not ticked that would make the answer more urgent; ``combinations``
    names each group with two or more ticked signs.
    """

    level: str
    deciding: tuple[Symptom, ...]
    also_ticked: tuple[Symptom, ...]
    would_change: tuple[Symptom, ...]
    combinations: tuple[tuple[str, int], ...]

    @property
    def answer(self) -> str:
        """The answer in words: "emergency now", "see a doctor soon" or "self-care and review"."""
        return URGENCIES[self.level]

    @property
    def symbol(self) -> str:
        """The answer's symbol (‼, ⚠ or ℹ)."""
        return SYMBOLS[self.level]

    @property
    def action(self) -> str:
        """What to do, in one or two sentences."""
        return ACTIONS[self.level]

    @property
    def headline(self) -> str:
        """The symbol and the answer in capitals, like "‼ EMERGENCY NOW"."""
        return f"{self.symbol} {self.answer.upper()}"

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why: one line per deciding sign, then one per group with several signs ticked."""
        lines = [f"{sign.label}: {sign.reason}" for sign in self.deciding]
        lines += [
            f"{count} signs from one group ({name}) are ticked: clinicians judge red flags "
            "in combination, and several together matter more than one alone."
            for name, count in self.combinations
        ]
        if not self.deciding:
            lines.append("Nothing is ticked, so none of the warning signs applies.")
        return tuple(lines)

    def text(self) -> str:
        """Write the whole answer as plain text: headline, what to do, why, and the caveat.

        >>> print(triage(["knee-locks"]).text())  # doctest: +ELLIPSIS
        ⚠ SEE A DOCTOR SOON
        Make an urgent appointment with a doctor; do not wait for it to pass. ...
        Why:
        - A knee that locks (gets stuck and will not straighten): Locking means ...
        These would make it an emergency: ...
        This explorer teaches patterns; it is not a diagnosis. ...
        """
        lines = [self.headline, self.action, "Why:"]
        lines += [f"- {reason}" for reason in self.reasons]
        if self.also_ticked:
            lines.append(
                "Also ticked (less urgent): " + "; ".join(s.label for s in self.also_ticked)
            )
        for level in ("emergency", "soon"):
            signs = [sign for sign in self.would_change if sign.urgency == level]
            if signs:
                heading = {
                    "emergency": "These would make it an emergency",
                    "soon": "These would mean seeing a doctor soon",
                }[level]
                lines.append(f"{heading}: " + "; ".join(sign.label for sign in signs))
        lines.append(NOT_A_DIAGNOSIS)
        return "\n".join(lines)


_LEVELS = {rank: level for level, rank in URGENCY_RANK.items()}


def _unknown(symptom_id: object, flags: RedFlags) -> CourseError:
    known = [sign.id for sign in flags.symptoms]
    near = difflib.get_close_matches(str(symptom_id), known, n=1)
    hint = f' (did you mean "{near[0]}"?)' if near else ""
    return CourseError(
        f"{symptom_id!r} is not one of the warning signs{hint}; use one of: " + ", ".join(known)
    )


def triage(ticked: Iterable[str], flags: RedFlags | None = None) -> Advice:
    """Say what to do about a set of ticked warning signs: the most urgent one decides.

    Args:
        ticked: the ids of the ticked signs (from ``lessons/data/red_flags.toml``),
            in any order; a sign ticked twice counts once.
        flags: the red flags to use; by default the course's own file.

    Returns:
        An :class:`Advice` whose ``answer`` is "emergency now", "see a doctor soon"
        or "self-care and review".

    Raises:
        CourseError: for an id that is not a sign in the file (never guessed past).

    >>> triage(["fever-unwell", "one-leg-sciatica"]).answer
    'see a doctor soon'
    >>> triage(["both-leg"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lessons.errors.CourseError: 'both-leg' is not one of the warning signs (did you mean ...
    """
    flags = load_red_flags() if flags is None else flags
    if isinstance(ticked, str):
        ticked = [ticked]
    wanted = set(ticked)
    by_id = flags.by_id
    for symptom_id in wanted:
        if symptom_id not in by_id:
            raise _unknown(symptom_id, flags)
    chosen = [sign for sign in flags.symptoms if sign.id in wanted]
    rank = max((sign.rank for sign in chosen), default=0)
    level = _LEVELS[rank]
    counts: dict[str, int] = {}
    for sign in chosen:
        if sign.urgency != "self-care":
            counts[sign.group] = counts.get(sign.group, 0) + 1
    return Advice(
        level=level,
        deciding=tuple(sign for sign in chosen if sign.rank == rank),
        also_ticked=tuple(sign for sign in chosen if sign.rank < rank),
        would_change=tuple(
            sign for sign in flags.symptoms if sign.rank > rank and sign.id not in wanted
        ),
        combinations=tuple(
            (flags.group(group).name, count) for group, count in counts.items() if count > 1
        ),
    )
