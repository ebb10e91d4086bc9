"""Assemble a diagram, its controls and its live text readout into one widget.

Every ``*_explorer()`` builder in the course returns an :class:`Explorer`: one
widget container that a notebook displays with a single call and a test can
drive by setting ``controls[name].value`` and reading ``readout_text``.

The Explorer only composes; each job lives in a module of its own:
:mod:`~lessons.core.canvas` (the canvas widget, its frames, blitting),
:mod:`~lessons.core.repaint` (one repaint per event-loop turn),
:mod:`~lessons.core.controls` (sliders, Reset, wiring),
:mod:`~lessons.core.readout` (the readout's live region, the message area for errors),
:mod:`~lessons.core.still` (the text form, the still picture and its alternative text),
:mod:`~lessons.core.scaling` (presenter mode's hooks) and
:mod:`~lessons.core.audience` (student or patient wording). The names widget
modules use are importable from here.

Its plain-text form is what a viewer that cannot run widgets shows (GitHub, an
nbconvert export, a notebook opened before it was run), so it says what to do.

>>> import ipywidgets as w
>>> ex = Explorer("Demo", {"x": w.IntSlider(description="x")}, figure=None)
>>> ex.set_readout("x is 0 <not 1>")
>>> ex.readout.value
'<div class="course-readout" role="status" aria-live="polite">x is 0 &lt;not 1&gt;</div>'
>>> repr(ex)
'Demo: run this cell in JupyterLab to use the interactive diagram.'
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.core.audience import AUDIENCES, check_audience, times_body_weight
from lessons.core.canvas import Blitter, figure_canvas, png_bytes
from lessons.core.controls import reset_button, slider, wire_controls
from lessons.core.readout import Readout, readout_html
from lessons.core.repaint import SETTLE_S, Repainting
from lessons.core.scaling import Scalable
from lessons.core.still import StillPicture

__all__ = ["AUDIENCES", "SETTLE_S", "Explorer", "check_audience", "figure_canvas", "png_bytes",
           "readout_html", "reset_button", "slider", "times_body_weight"]


class Explorer(StillPicture, Readout, Repainting, Scalable, widgets.VBox):
    """A diagram (as a canvas widget), its labelled controls and a live text readout."""

    def __init__(
        self,
        title: str,
        controls: Mapping[str, widgets.Widget],
        figure: Figure | None,
        *,
        animated: list | None = None,
        extra: list[widgets.Widget] | None = None,
    ) -> None:
        self.title = title
        self.controls = dict(controls)
        self.figure = figure
        self.canvas = figure_canvas(figure) if figure is not None else None
        self._blitter = (
            Blitter(self.canvas, animated) if self.canvas is not None and animated else None
        )
        self._make_readout()
        heading = widgets.HTML(f"<h4 style='margin:0.2em 0'>{html.escape(title)}</h4>")
        grid = widgets.GridBox(
            list(self.controls.values()) + list(extra or []),
            layout=widgets.Layout(
                grid_template_columns="repeat(auto-fill, minmax(38em, 1fr))",
                grid_gap="0.2em 1.5em",
            ),
        )
        parts: list[widgets.Widget] = [heading]
        if self.canvas is not None:
            parts.append(self.canvas)
        parts += [self.readout, grid, self.message]
        super().__init__(parts)
        self.add_class("course-explorer")
        self._start_repainting()
        self._register()

    def wire(
        self,
        update: Callable[[], None],
        reset: widgets.Button | None = None,
        defaults: Mapping[str, object] | None = None,
    ) -> None:
        """Call ``update`` (guarded) on any control change; ``reset`` restores ``defaults``.

        >>> ex = Explorer("Demo", {"x": widgets.IntSlider(value=1)}, figure=None)
        >>> button = widgets.Button()
        >>> ex.wire(lambda: ex.set_readout(f"x = {ex.controls['x'].value}"), button, {"x": 1})
        >>> ex.controls["x"].value = 5; ex.readout_text
        'x = 5'
        >>> button.click(); ex.readout_text
        'x = 1'
        """
        wire_controls(self.controls, self.guarded(update), reset, defaults)
