"""Presenter mode: one switch that makes diagrams, controls, readouts and quizzes readable from the
back of a room.

A teacher presses the *Presenter mode* button near the top of a lesson (or
calls :func:`presenter_mode`). Every explorer in the kernel redraws its figure
:data:`PRESENTER_SCALE` times larger, figure text included
(:meth:`~lessons.core.explorer.Explorer.set_scale`), and a style sheet carried by the
switch enlarges the lesson's text, every control, readout and quiz, in the
notebook that holds the switch only. Explorers built later, while presenter
mode is on, come out large too. Pressing the button again puts everything back.

Nothing here reaches the network, and the switch's plain-text form is a fixed
sentence, so a saved lesson validates under ``pytest --nbval``.

>>> from lessons.core.explorer import Explorer
>>> demo = Explorer("Demo", {}, figure=None)
>>> presenter_mode(True)
>>> demo.scale, current_scale()
(1.5, 1.5)
>>> presenter_mode(False)
>>> demo.scale
1.0
>>> presenter_switch()
Presenter mode: run this cell in JupyterLab for a button that makes diagrams and text large.
"""

from __future__ import annotations

import weakref

import ipywidgets as widgets

from lessons.core.errors import check_range
from lessons.core.explorer import Explorer
from lessons.core.still import WidgetOutput

__all__ = [
    "PRESENTER_SCALE",
    "PresenterSwitch",
    "current_scale",
    "presenter_mode",
    "presenter_switch",
    "sync_explorers",
]

#: How many times larger figures are drawn in presenter mode.
PRESENTER_SCALE = 1.5
#: The smallest and largest scales presenter mode accepts (those of Explorer.set_scale, above
#: normal).
SCALE_RANGE = (1.0, 3.0)

#: The class a switch carries while presenter mode is on; the style sheet keys on it.
ON_CLASS = "course-presenter-on"

# Sizes in presenter mode, for a 1280×720 projector seen from ten metres. The
# rules apply only inside the notebook (or slideshow) whose switch is on; they
# resize through the variables JupyterLab and ipywidgets already use, so every
# control, readout and quiz follows, and figures shrink to the cell's width
# rather than spill over it (the figure itself is redrawn at a larger dpi).
_SCOPE = f".jp-Notebook:has(.{ON_CLASS})"
_WIDGETS = (
    ":is(.course-explorer, .course-quiz, .course-presenter, .course-claim-check, .course-review)"
)
_FIGURE = (
    ":is(.jupyter-matplotlib, .jupyter-matplotlib-figure, .jupyter-matplotlib-canvas-container, "
    ".jupyter-matplotlib-canvas-div, .jupyter-matplotlib-canvas-div canvas)"
)
_CANVAS = ".jupyter-matplotlib-canvas-div"  # ipympl's canvas
STYLE = f"""<style>
{_SCOPE} {{
  --jp-content-font-size1: 22px;
  --jp-content-font-size2: 26px;
  --jp-content-font-size3: 30px;
  --jp-content-font-size4: 36px;
  --jp-content-font-size5: 44px;
  --jp-code-font-size: 18px;
  --jp-widgets-font-size: 22px;
  --jp-widgets-inline-height: 40px;
  --jp-widgets-inline-label-width: 12em;
  --jp-widgets-slider-handle-size: 24px;
  --jp-widgets-slider-track-thickness: 8px;
}}
{_SCOPE} {_WIDGETS} {{ font-size: var(--jp-widgets-font-size); line-height: 1.35; }}
{_SCOPE} .widget-html-content {{ line-height: 1.35; }}
{_SCOPE} .course-explorer h4 {{ font-size: 1.3em; }}
{_SCOPE} .course-explorer {_FIGURE} {{ max-width: 100%; }}
{_SCOPE} .course-explorer :is({_CANVAS}, {_CANVAS} canvas) {{
  height: auto !important;
}}
{_SCOPE} .course-explorer {_CANVAS} canvas:first-child {{ position: relative !important; }}
</style>"""

_TOOLTIP = (
    "Make diagrams, controls and quiz text large enough to read from the back of a room; press "
    "again to go back"
)

_scale = 1.0
_switches: weakref.WeakSet = weakref.WeakSet()
_hook_installed = False


def current_scale() -> float:
    """Return the scale figures are drawn at now: 1 normally, :data:`PRESENTER_SCALE` in presenter
    mode.

    An explorer built while presenter mode is on is drawn at this scale.
    """
    return _scale


def sync_explorers() -> None:
    """Draw every live explorer at :func:`current_scale` (presenter mode calls this after each
    cell).

    >>> from lessons.core.explorer import Explorer
    >>> presenter_mode(True); late = Explorer("Built later", {}, figure=None)
    >>> late.scale
    1.0
    >>> sync_explorers(); late.scale
    1.5
    >>> presenter_mode(False)
    """
    for explorer in Explorer.live():
        if explorer.scale != _scale:
            explorer.set_scale(_scale)


def presenter_mode(on: bool = True, scale: float = PRESENTER_SCALE) -> None:
    """Turn presenter mode on (figures ``scale`` times larger, large text) or off, in this kernel.

    Args:
        on: True for presenter mode, False for the normal size.
        scale: how many times larger figures are drawn, 1 to 3; 1.5 suits most
            rooms, 1.25 a low-resolution projector (see docs/presenting.md).

    Every switch shown in the kernel follows, and so does every explorer, now
    and (in JupyterLab) any built later while presenter mode is on.
    """
    global _scale
    if on:
        check_range("scale", scale, *SCALE_RANGE)
    _scale = float(scale) if on else 1.0
    sync_explorers()
    for switch in list(_switches):
        switch.show_state(_scale != 1.0)
    _install_hook()


def _install_hook() -> None:
    """After every cell this kernel runs, bring newly built explorers to the current scale."""
    global _hook_installed
    if _hook_installed:
        return
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return
    shell = get_ipython()
    if shell is None:  # plain Python (a test, a script): nothing runs cells
        return
    shell.events.register("post_run_cell", _after_cell)
    _hook_installed = True


def _after_cell(_result: object = None) -> None:
    if _scale != 1.0:
        sync_explorers()


class PresenterSwitch(WidgetOutput, widgets.HBox):
    """The *Presenter mode* toggle button, with the style sheet it switches on and off."""

    widget_name = "Presenter mode"

    def __init__(self) -> None:
        self.toggle = widgets.ToggleButton(
            value=_scale != 1.0,
            description="Presenter mode",
            icon="tv",
            tooltip=_TOOLTIP,
            layout=widgets.Layout(width="auto"),
        )
        self.toggle.add_class("course-presenter-toggle")
        self.style_sheet = widgets.HTML(layout=widgets.Layout(display="none"))
        self.status = widgets.HTML()
        self.status.add_class("course-presenter-status")
        super().__init__([self.toggle, self.status, self.style_sheet])
        self.add_class("course-presenter")
        self.show_state(self.toggle.value)
        self.toggle.observe(self._on_toggle, names="value")
        _switches.add(self)

    def _on_toggle(self, change: dict) -> None:
        if change["new"] != (_scale != 1.0):
            presenter_mode(change["new"])

    def show_state(self, on: bool) -> None:
        """Show presenter mode as on or off: the button's state, its words and the style sheet."""
        self.toggle.value = on
        self.style_sheet.value = STYLE if on else ""
        self.status.value = (
            "<span role='status'>On: large diagrams and text. Press again for the normal "
            "size.</span>"
            if on
            else "<span role='status'>Off. Press for large diagrams and text on a projector.</span>"
        )
        if on:
            self.add_class(ON_CLASS)
        else:
            self.remove_class(ON_CLASS)

    def __repr__(self) -> str:
        return (
            "Presenter mode: run this cell in JupyterLab for a button that makes diagrams and "
            "text large."
        )


def presenter_switch() -> PresenterSwitch:
    """Make the *Presenter mode* button a lesson shows near its top (press it to go large, again to
    go back).

    >>> switch = presenter_switch()
    >>> switch.toggle.value = True
    >>> current_scale()
    1.5
    >>> switch.toggle.value = False
    >>> current_scale()
    1.0
    """
    return PresenterSwitch()
