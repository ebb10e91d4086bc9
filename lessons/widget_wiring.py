"""Connect an explorer's controls to its update function and its Reset button, the same way in every lesson.

>>> import ipywidgets as w
>>> from lessons.explorer import Explorer
>>> controls = {"x": w.IntSlider(value=1)}
>>> reset = w.Button(description="Reset")
>>> ex = Explorer("Demo", controls, figure=None, extra=[reset])
>>> wire(ex, lambda: ex.set_readout(f"x = {controls['x'].value}"), reset, {"x": 1})
>>> controls["x"].value = 5; ex.readout_text
'x = 5'
>>> reset.click(); ex.readout_text
'x = 1'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import ipywidgets as widgets

from lessons.explorer import Explorer

__all__ = ["wire"]


def wire(explorer: Explorer, update: Callable[[], None], reset: widgets.Button, defaults: Mapping[str, object]) -> None:
    """Call ``update`` (guarded) whenever a control changes, and make ``reset`` restore ``defaults``."""
    callback = explorer.guarded(update)
    for control in explorer.controls.values():
        control.observe(callback, names="value")

    def on_reset(_button: widgets.Button) -> None:
        for name, control in explorer.controls.items():
            control.value = defaults[name]

    reset.on_click(on_reset)
