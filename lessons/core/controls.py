"""The controls of an explorer in the course's look, and their wiring to an update and a Reset."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import ipywidgets as widgets

__all__ = ["reset_button", "slider", "wire_controls"]


def slider(
    description: str,
    value: float,
    low: float,
    high: float,
    step: float,
    readout_format: str = ".0f",
    *,
    label_width: str = "22em",
) -> widgets.FloatSlider:
    """Make a labelled slider in the course's look: label on the left, full width, live updates.

    >>> s = slider("Knee flexion, °", 0, 0, 135, 1)
    >>> s.description, s.max, s.continuous_update
    ('Knee flexion, °', 135.0, True)
    """
    return widgets.FloatSlider(
        value=value,
        min=low,
        max=high,
        step=step,
        description=description,
        readout_format=readout_format,
        continuous_update=True,
        style={"description_width": label_width},
        layout=widgets.Layout(width="auto"),
    )


def reset_button(
    description: str = "Reset", tooltip: str = "Back to the typical adult"
) -> widgets.Button:
    """Make the button that puts an explorer's controls back to their starting values."""
    return widgets.Button(
        description=description, icon="undo", tooltip=tooltip, layout=widgets.Layout(width="auto")
    )


def wire_controls(
    controls: Mapping[str, widgets.Widget],
    callback: Callable[[object], None],
    reset: widgets.Button | None = None,
    defaults: Mapping[str, object] | None = None,
) -> None:
    """Call ``callback`` whenever any control's value changes; make ``reset`` restore ``defaults``.

    Without ``defaults``, Reset restores the values the controls have now.

    >>> box = {"x": widgets.IntSlider(value=1)}
    >>> seen, button = [], widgets.Button()
    >>> wire_controls(box, lambda change: seen.append(box["x"].value), button)
    >>> box["x"].value = 4; button.click(); seen
    [4, 1]
    """
    for control in controls.values():
        control.observe(callback, names="value")
    if reset is None:
        return
    start = dict(defaults) if defaults is not None else {
        name: control.value for name, control in controls.items()
    }

    def on_reset(_button: widgets.Button) -> None:
        for name, control in controls.items():
            if name in start:
                control.value = start[name]

    reset.on_click(on_reset)
