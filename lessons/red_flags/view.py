"""Show the red flags as a lesson, card or page displays them: rendered from the data, never
retyped.

Every list of warning signs in the course is drawn from
``lessons/data/red_flags.toml`` by :func:`red_flags_box`, grouped by the step
of the one urgency ladder (FACTS E5), so a lesson, the clinic page and a card
can never disagree about when to get help. A box shows as HTML in JupyterLab
and as plain text to nbval, screen readers and the handouts' text.

>>> box = red_flags_box(groups=("knee-hip",))
>>> print(repr(box))  # doctest: +ELLIPSIS
⚠ SAME DAY
Be seen by a doctor today: ...
- A hot, swollen knee or hip with a fever
...
◆ SOON
...
- A knee that locks (gets stuck and will not straighten)
>>> print(repr(urgency_ladder()).splitlines()[0])
The urgency ladder: four steps, most urgent first.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from lessons.red_flags.signs import RedFlags, load_red_flags

__all__ = ["RedFlagsBox", "UrgencyLadder", "red_flags_box", "urgency_ladder"]

#: The frame of each step's box: the more urgent, the thicker (never colour alone).
_BORDER = {"emergency-now": "6px solid", "same-day": "4px solid", "soon": "3px solid",
           "routine": "2px dashed"}  # fmt: skip


class RedFlagsBox:
    """Warning signs grouped by step, in patient or clinician words, with optional reasons."""

    def __init__(
        self,
        flags: RedFlags,
        groups: Sequence[str] | None = None,
        steps: Sequence[str] | None = None,
        audience: str = "patient",
        reasons: bool = False,
        combinations: bool = False,
    ) -> None:
        if audience not in ("patient", "clinician"):
            raise ValueError(f'audience is {audience!r}; use "patient" or "clinician"')
        self.flags, self.audience, self.reasons = flags, audience, reasons
        self.sections = flags.sections(
            tuple(groups) if groups is not None else None,
            tuple(steps) if steps is not None else None,
        )
        shown = {step.id for step, _signs in self.sections}
        wanted = set(groups) if groups is not None else None
        self.combinations = tuple(
            rule
            for rule in flags.combinations
            if combinations
            and rule.step in shown
            and (wanted is None or any(flags.symptom(s).group in wanted for s in rule.all))
        )

    def _item(self, sign) -> str:
        words = sign.label if self.audience == "patient" else sign.clinician
        return f"{words}: {sign.reason}" if self.reasons else words

    def _rule(self, rule) -> str:
        words = rule.label if self.audience == "patient" else rule.clinician
        step = self.flags.step(rule.step).name
        return f"{words} ({step}): {rule.reason}" if self.reasons else f"{words} ({step})"

    def _action(self, step) -> str:
        return step.action if self.audience == "patient" else step.clinician

    def __repr__(self) -> str:
        lines: list[str] = []
        for step, signs in self.sections:
            lines += ["", step.headline, self._action(step)]
            lines += [f"- {self._item(sign)}" for sign in signs]
        if self.combinations:
            lines += ["", "Together, these raise the step:"]
            lines += [f"- {self._rule(rule)}" for rule in self.combinations]
        return "\n".join(lines[1:])

    def _repr_html_(self) -> str:
        e = html.escape
        parts = []
        for step, signs in self.sections:
            parts.append(
                f'<div class="course-red-flags-{e(step.id)}" style="border:{_BORDER[step.id]} '
                '#000;padding:0.4em 0.9em;margin:0.5em 0;color:#000"><div '
                f'style="font-size:1.25em;font-weight:bold">{e(step.headline)}</div>'
                f"<p>{e(self._action(step))}</p><ul>"
                + "".join(f"<li>{e(self._item(sign))}</li>" for sign in signs)
                + "</ul></div>"
            )
        if self.combinations:
            parts.append(
                '<div class="course-red-flags-combinations"><b>Together, these raise the step:</b>'
                "<ul>" + "".join(f"<li>{e(self._rule(r))}</li>" for r in self.combinations)
                + "</ul></div>"
            )
        return '<div class="course-red-flags-list">' + "".join(parts) + "</div>"


def red_flags_box(
    groups: Sequence[str] | None = None,
    steps: Sequence[str] | None = None,
    audience: str = "patient",
    reasons: bool = False,
    combinations: bool = False,
) -> RedFlagsBox:
    """Return the warning signs from the course's red-flag file, grouped by step, to display.

    Args:
        groups: only the signs of these groups (ids such as "cauda-equina"); default all.
        steps: only these steps (ids such as "emergency-now"); default every step with a sign.
        audience: "patient" (plain words and what to do) or "clinician" (precise terms).
        reasons: add each sign's reason after it.
        combinations: list the combination rules that raise a shown step.
    """
    return RedFlagsBox(load_red_flags(), groups, steps, audience, reasons, combinations)


class UrgencyLadder:
    """The four steps of the ladder as a table: the step, what to do, and in clinicians' terms."""

    def __init__(self, flags: RedFlags) -> None:
        self.flags = flags

    def __repr__(self) -> str:
        lines = ["The urgency ladder: four steps, most urgent first."]
        lines += [f"{step.headline}: {step.action}" for step in self.flags.steps]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(
            f"<tr><th scope=\"row\" style=\"text-align:left\">{e(step.headline)}</th><td "
            f"style=\"text-align:left\">{e(step.action)}</td><td "
            f"style=\"text-align:left\">{e(step.clinician)}</td></tr>"
            for step in self.flags.steps
        )
        return (
            '<table class="course-urgency-ladder"><caption>The urgency ladder: four steps, '
            "most urgent first</caption><thead><tr><th scope=\"col\">Step</th><th "
            "scope=\"col\">What to do</th><th scope=\"col\">In clinicians' "
            f"terms</th></tr></thead><tbody>{rows}</tbody></table>"
        )


def urgency_ladder() -> UrgencyLadder:
    """Return the ladder's four steps (FACTS E5) from the red-flag file, to display as a table."""
    return UrgencyLadder(load_red_flags())
