"""Assemble a slider explorer in one call: labelled sliders, wiring, a Reset button, the readout.

Most explorers are the same shape: a few float sliders drive one model, whose
state a diagram draws and a ``describe`` function puts into words. A widget
module gives :func:`assemble` a ``redraw(values) -> readout`` function and gets
back a wired :class:`~lessons.core.explorer.Explorer`.
"""

from __future__ import annotations

from collections.abc import Callable

from lessons.core.explorer import Explorer, reset_button, slider

__all__ = ["assemble", "sliders"]


def sliders(spec: dict[str, tuple[str, float, tuple[float, float], float, str]]) -> dict:
    """Make labelled float sliders: name -> (label with unit, start, (low, high), step, format)."""
    return {
        name: slider(label, start, low, high, step, fmt)
        for name, (label, start, (low, high), step, fmt) in spec.items()
    }


def assemble(
    title: str,
    controls: dict,
    artists,
    redraw: Callable[[dict], str],
    reset_label: str,
    start: dict,
) -> Explorer:
    """Make the explorer, wire every control to ``redraw(values) -> readout``, add a Reset button.

    Args:
        title: the explorer's heading.
        controls: name -> widget; each name is an argument of the model.
        artists: the diagram's artists (with ``figure`` and ``moving()``).
        redraw: updates the artists for a dict of control values and returns the readout text.
        reset_label: the words on the Reset button.
        start: the control values Reset returns to.
    """
    reset = reset_button(reset_label)
    explorer = Explorer(title, controls, artists.figure, animated=artists.moving(), extra=[reset])
    explorer.artists = artists

    def update() -> None:
        explorer.set_readout(redraw({name: c.value for name, c in controls.items()}))
        explorer.redraw()

    explorer.wire(update, reset, start)
    explorer.set_readout(redraw(start))
    return explorer
