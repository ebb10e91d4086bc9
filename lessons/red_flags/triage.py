"""Turn ticked warning signs into one step of the urgency ladder, judging combinations too.

The ladder has four steps (FACTS E5): emergency now, same day, soon and
routine. The rule is simple enough for a learner to predict: **the most urgent
of the ticked signs and of the combination rules that fire decides**. A
combination rule (data, like the signs) raises the step when signs that are
weak alone come together, such as a past cancer with new numbness (NICE NG234).
Nothing ticked gives "routine", with the advice to see a doctor if anything
changes or worries you, and the list of signs that would change the answer.

This teaches patterns; it is not a diagnosis, and every answer says so.
The ladder, the signs and the rules are data (:mod:`lessons.red_flags.signs`). Pure: no widgets.

>>> advice = triage(["past-cancer", "both-legs"])
>>> advice.answer, [s.id for s in advice.deciding]
('emergency now', ['both-legs'])
>>> triage([]).answer
'routine'
>>> advice = triage(["past-cancer", "new-numbness"])
>>> advice.answer, [rule.id for rule in advice.rules]
('same day', ['past-cancer-with-nerve-symptoms'])
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from lessons.core.errors import CourseError
from lessons.red_flags.signs import Combination, RedFlags, Step, Symptom, load_red_flags

__all__ = ["NOT_A_DIAGNOSIS", "Advice", "triage"]

#: Said with every answer.
NOT_A_DIAGNOSIS = (
    "This explorer teaches patterns; it is not a diagnosis. If you are worried about yourself or "
    "someone else, ask a doctor."
)


@dataclass(frozen=True)
class Advice:
    """The answer for a set of ticked signs, with the signs and rules behind it.

    ``step`` is the ladder step of the answer. ``deciding`` are the ticked signs
    at that step and ``deciding_rules`` the fired combination rules at that step
    (together they are the reason); ``rules`` every rule that fired;
    ``also_ticked`` the less urgent ticked signs; ``would_change`` the signs not
    ticked that alone would make the answer more urgent.
    """

    step: Step
    deciding: tuple[Symptom, ...]
    deciding_rules: tuple[Combination, ...]
    rules: tuple[Combination, ...]
    also_ticked: tuple[Symptom, ...]
    would_change: tuple[Symptom, ...]
    flags: RedFlags

    @property
    def level(self) -> str:
        """The id of the answer's step: "emergency-now", "same-day", "soon" or "routine"."""
        return self.step.id

    @property
    def answer(self) -> str:
        """The answer in the ladder's words: "emergency now", "same day", "soon" or "routine"."""
        return self.step.name

    @property
    def symbol(self) -> str:
        """The answer's symbol, so that no answer is told by colour alone."""
        return self.step.symbol

    @property
    def action(self) -> str:
        """What to do, in one or two sentences."""
        return self.step.action

    @property
    def headline(self) -> str:
        """The symbol and the answer in capitals, like "‼ EMERGENCY NOW"."""
        return self.step.headline

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why: one line per deciding combination rule, then one per deciding sign."""
        lines = [f"Combination — {rule.label}: {rule.reason}" for rule in self.deciding_rules]
        lines += [f"{sign.label}: {sign.reason}" for sign in self.deciding]
        if not lines:
            lines.append("Nothing is ticked, so none of the warning signs applies.")
        return tuple(lines)

    def text(self) -> str:
        """Write the whole answer as plain text: headline, what to do, why, and the caveat.

        >>> print(triage(["knee-locks"]).text())  # doctest: +ELLIPSIS
        ◆ SOON
        See a doctor within days (an urgent appointment), not weeks. ...
        Why:
        - A knee that locks (gets stuck and will not straighten): Locking means ...
        These would make it emergency now: ...
        These would make it same day: ...
        This explorer teaches patterns; it is not a diagnosis. ...
        """
        lines = [self.headline, self.action, "Why:"]
        lines += [f"- {reason}" for reason in self.reasons]
        other_rules = [rule for rule in self.rules if rule not in self.deciding_rules]
        if other_rules:
            lines.append(
                "Also fired (less urgent): " + "; ".join(rule.label for rule in other_rules)
            )
        if self.also_ticked:
            lines.append(
                "Also ticked (less urgent): " + "; ".join(s.label for s in self.also_ticked)
            )
        for step in self.flags.steps:
            signs = [sign for sign in self.would_change if sign.step == step.id]
            if signs:
                lines.append(
                    f"These would make it {step.name}: " + "; ".join(s.label for s in signs)
                )
        lines.append(NOT_A_DIAGNOSIS)
        return "\n".join(lines)


def _unknown(symptom_id: object, flags: RedFlags) -> CourseError:
    known = [sign.id for sign in flags.symptoms]
    near = difflib.get_close_matches(str(symptom_id), known, n=1)
    hint = f' (did you mean "{near[0]}"?)' if near else ""
    return CourseError(
        f"{symptom_id!r} is not one of the warning signs{hint}; use one of: " + ", ".join(known)
    )


def triage(ticked: Iterable[str], flags: RedFlags | None = None) -> Advice:
    """Say what to do about a set of ticked warning signs: the most urgent sign or rule decides.

    Args:
        ticked: the ids of the ticked signs (from ``lessons/data/red_flags.toml``),
            in any order; a sign ticked twice counts once.
        flags: the red flags to use; by default the course's own file.

    Returns:
        An :class:`Advice` whose ``answer`` is one of the ladder's four steps.

    Raises:
        CourseError: for an id that is not a sign in the file (never guessed past).

    >>> triage(["fever-unwell", "one-leg-sciatica"]).answer
    'same day'
    >>> triage(["both-leg"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lessons.core.errors.CourseError: 'both-leg' is not one of the warning signs (did you mean ...
    """
    flags = load_red_flags() if flags is None else flags
    if isinstance(ticked, str):
        ticked = [ticked]
    wanted = frozenset(ticked)
    by_id = flags.by_id
    for symptom_id in wanted:
        if symptom_id not in by_id:
            raise _unknown(symptom_id, flags)
    rank = flags.rank
    chosen = [sign for sign in flags.symptoms if sign.id in wanted]
    fired = tuple(rule for rule in flags.combinations if rule.fires(wanted))
    top = max(
        [rank[sign.step] for sign in chosen] + [rank[rule.step] for rule in fired], default=0
    )
    step = flags.steps[len(flags.steps) - 1 - top]
    return Advice(
        step=step,
        deciding=tuple(sign for sign in chosen if rank[sign.step] == top),
        deciding_rules=tuple(rule for rule in fired if rank[rule.step] == top),
        rules=fired,
        also_ticked=tuple(sign for sign in chosen if rank[sign.step] < top),
        would_change=tuple(
            sign for sign in flags.symptoms if rank[sign.step] > top and sign.id not in wanted
        ),
        flags=flags,
    )
