"""Build the "What should I do?" explorer: tick warning signs, read the answer and why, live.

Tick boxes are grouped by the kind of cause they point to (FACTS E). The
answer (one step of the ladder: emergency now, same day, soon, routine) sits
above the boxes in a banner with its symbol and words, never colour alone; an
emergency fills the banner with a thick frame and large capitals, and is
announced to screen readers at once. The urgency ladder shows the same answer
as a picture, and the readout gives the reasons and the caveat that this
teaches patterns and is not a diagnosis.

A test drives it by setting ``controls[symptom_id].value`` and reading
``answer_text`` and ``readout_text``; a browser finds the banner by the CSS
class ``course-triage-answer``.

>>> ex = what_should_i_do()
>>> ex
What should I do? Run this cell in JupyterLab to tick symptoms and see the answer.
>>> ex.answer_text.splitlines()[0]
'ℹ ROUTINE'
>>> ex.controls["both-legs"].value = True
>>> ex.answer_text.splitlines()[0]
'‼ EMERGENCY NOW'
"""

from __future__ import annotations

import html

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.explorer import Explorer
from lessons.red_flags import RedFlags, load_red_flags
from lessons.triage import Advice, triage
from lessons.triage_diagram import draw_urgency, update_urgency

__all__ = ["BENCHMARK", "TriageExplorer", "banner_html", "what_should_i_do"]

TITLE = "What should I do?"

#: How the banner looks at each answer: frame, text size, and how a screen reader hears it.
_BANNER = {
    "emergency-now": ("6px solid #000", "1.6em", 'role="alert" aria-live="assertive"', "#FBE3D6"),
    "same-day": ("4px solid #000", "1.4em", 'role="alert" aria-live="assertive"', "#FCF1D9"),
    "soon": ("3px solid #000", "1.25em", 'role="status" aria-live="polite"', "#FBF8D6"),
    "routine": ("2px dashed #000", "1.1em", 'role="status" aria-live="polite"', "#E4F2FB"),
}


def banner_html(advice: Advice) -> str:
    """Write the answer banner: symbol and answer in capitals, then what to do (all escaped).

    >>> "EMERGENCY NOW" in banner_html(triage(["bowel-control"]))
    True
    """
    border, size, aria, fill = _BANNER[advice.level]
    return (
        f'<div class="course-triage-answer course-triage-{advice.level}" {aria} '
        f'style="border:{border};background:{fill};color:#000;padding:0.6em 0.9em;'
        f'margin:0.3em 0 0.6em 0">'
        f'<div style="font-size:{size};font-weight:bold">{html.escape(advice.headline)}</div>'
        f"<div>{html.escape(advice.action)}</div></div>"
    )


class TriageExplorer(Explorer):
    """The answer banner and urgency ladder, the tick boxes grouped by cause, and the reasons."""

    def __init__(self, flags: RedFlags) -> None:
        self.flags = flags
        checkboxes = {
            sign.id: widgets.Checkbox(
                value=False,
                description=sign.label,
                indent=False,
                layout=widgets.Layout(width="auto", max_width="100%"),
            )
            for sign in flags.symptoms
        }
        self.advice = triage([], flags)
        self.ladder = draw_urgency(self.advice)
        self.reset = widgets.Button(
            description="Untick all", icon="undo", tooltip="Clear every tick box"
        )
        super().__init__(TITLE, checkboxes, self.ladder.figure, animated=self.ladder.moving())
        self.banner = widgets.HTML()
        self.answer_text = ""
        groups = []
        for group in flags.groups:
            heading = widgets.HTML(
                f"<b>{html.escape(group.name)}</b> <i>({html.escape(group.area)})</i>"
            )
            boxes = [checkboxes[sign.id] for sign in flags.in_group(group.id)]
            box = widgets.VBox([heading, *boxes], layout=widgets.Layout(margin="0 0 0.5em 0"))
            box.add_class("course-triage-group")
            groups.append(box)
        heading, canvas, readout, _grid, message = self.children
        self.children = [heading, self.banner, canvas, *groups, self.reset, readout, message]
        self.add_class("course-triage")
        self._holding = False
        callback = self.guarded(self.update)
        for checkbox in checkboxes.values():
            checkbox.observe(lambda change: None if self._holding else callback(change), "value")
        self.reset.on_click(lambda _button: self.untick_all())
        self._show()  # the canvas draws itself when the browser is ready: no redraw yet

    def __repr__(self) -> str:
        return f"{TITLE} Run this cell in JupyterLab to tick symptoms and see the answer."

    @property
    def ticked(self) -> list[str]:
        """The ids of the ticked boxes, in the file's order."""
        return [name for name, box in self.controls.items() if box.value]

    def update(self) -> None:
        """Work out the answer for the ticked boxes; show it in the banner, ladder and readout."""
        self._show()
        self.redraw()

    def _show(self) -> None:
        self.advice = triage(self.ticked, self.flags)
        self.answer_text = f"{self.advice.headline}\n{self.advice.action}"
        self.banner.value = banner_html(self.advice)
        update_urgency(self.ladder, self.advice)
        self.set_readout(self.advice.text())

    def untick_all(self) -> None:
        """Clear every box (one update at the end, not one per box)."""
        self._holding = True
        try:
            for box in self.controls.values():
                box.value = False
        finally:
            self._holding = False
        self.guarded(self.update)()


def what_should_i_do() -> TriageExplorer:
    """Build the "What should I do?" explorer from the course's red-flag file.

    Returns:
        A :class:`TriageExplorer`; display it, or drive it in a test.
    """
    return TriageExplorer(load_red_flags())


def _naive(values: dict) -> Figure:
    """Draw the ladder from scratch for a dict of tick-box values (the benchmark's comparison)."""
    return draw_urgency(triage([name for name, on in values.items() if on])).figure


#: For ``tools.benchmark``: the explorer and its naive redraw.
BENCHMARK = {"triage ladder": (what_should_i_do, _naive)}
