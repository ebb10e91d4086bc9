"""Wire controls to the gait model and its diagram: the gait timeline explorer.

>>> ex = gait_timeline()
>>> ex.controls["painful_side"].value = "left"
>>> print(ex.readout_text.splitlines()[1])  # doctest: +NORMALIZE_WHITESPACE
Right leg: stance 68 %, swing 32 % of the cycle. Left leg: stance 52 %, swing 48 %. Double support
twice, 10 % each.
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.core.explorer import Explorer, reset_button
from lessons.gait.diagram import draw_gait, update_gait
from lessons.gait.model import SHORTENING_RANGE_PCT, GaitInputs, describe, gait_cycle

__all__ = ["BENCHMARK", "DEFAULTS", "gait_timeline"]

#: Where the explorer starts and what Reset returns to: normal walking, at mid single-leg stance.
DEFAULTS = {"t_pct": 30.0, "painful_side": "none", "stance_shortening_pct": 8.0,
            "weak_abductors_side": "none"}

_STYLE = {"description_width": "17em"}
_LAYOUT = {"width": "auto"}
_PAIN = [("No pain", "none"), ("Right leg hurts", "right"), ("Left leg hurts", "left")]
_WEAK = [("Neither (strong abductors)", "none"), ("Right hip abductors weak", "right"),
         ("Left hip abductors weak", "left")]


def _split(values: dict) -> tuple[GaitInputs, float]:
    values = dict(values)
    t = values.pop("t_pct")
    return GaitInputs(**values), t


def gait_timeline(**start: float | str) -> Explorer:
    """Build the gait timeline: stance and swing bars for both legs, and a front-view stick figure.

    Args:
        **start: starting values: ``t_pct`` (the moment shown, % of the cycle) and the
            fields of :class:`lessons.gait.model.GaitInputs`.

    Returns:
        An :class:`~lessons.core.explorer.Explorer`; display it, or set
        ``controls[name].value`` and read ``readout_text`` in a test.
    """
    values = {**DEFAULTS, **start}
    inputs, t = _split(values)
    cycle = gait_cycle(inputs)  # validates before anything is drawn
    controls: dict[str, widgets.Widget] = {
        "t_pct": widgets.FloatSlider(
            value=t, min=0, max=99, step=1, description="Moment in the cycle, %",
            readout_format=".0f",
            style=_STYLE, layout=widgets.Layout(**_LAYOUT),
        ),
        "painful_side": widgets.Dropdown(
            options=_PAIN, value=inputs.painful_side, description="Pain on one side", style=_STYLE,
            layout=widgets.Layout(**_LAYOUT),
        ),
        "stance_shortening_pct": widgets.FloatSlider(
            value=inputs.stance_shortening_pct, min=SHORTENING_RANGE_PCT[0],
            max=SHORTENING_RANGE_PCT[1], step=1,
            description="Stance cut by pain (illustrative), % of cycle", readout_format=".0f",
            style=_STYLE,
            layout=widgets.Layout(**_LAYOUT),
        ),
        "weak_abductors_side": widgets.Dropdown(
            options=_WEAK, value=inputs.weak_abductors_side,
            description="Trendelenburg: weak abductors",
            style=_STYLE, layout=widgets.Layout(**_LAYOUT),
        ),
    }
    play = widgets.Play(
        value=int(t), min=0, max=99, step=1, interval=60, description="Play the cycle", repeat=True,
    )
    # One way only, Play -> slider: a two-way link echoes values back and forth while keys are
    # pressed.
    play.observe(lambda change: setattr(controls["t_pct"], "value", float(change["new"])),
                 names="value")
    reset = reset_button(tooltip="Normal walking, no pain")
    artists = draw_gait(cycle, t)
    explorer = Explorer(
        "Gait timeline", controls, artists.figure, animated=artists.moving(), extra=[play, reset]
    )
    explorer.artists = artists

    def update() -> None:
        new_inputs, now = _split({name: control.value for name, control in controls.items()})
        controls["stance_shortening_pct"].disabled = new_inputs.painful_side == "none"
        new_cycle = gait_cycle(new_inputs)
        update_gait(artists, new_cycle, now)
        explorer.set_readout(describe(new_cycle, now))
        explorer.redraw()

    explorer.wire(update, reset, DEFAULTS)
    controls["stance_shortening_pct"].disabled = inputs.painful_side == "none"
    explorer.set_readout(describe(cycle, t))
    return explorer


def _naive_frame(values: dict) -> Figure:
    """Draw the whole gait figure from scratch: the benchmark's baseline."""
    inputs, t = _split(values)
    return draw_gait(gait_cycle(inputs), t).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"gait timeline": (gait_timeline, _naive_frame)}
