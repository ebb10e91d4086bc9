"""Wire sliders to Lesson 1's chain model and diagram: feet planted, move the pelvis.

The builder returns an :class:`~lessons.core.explorer.Explorer`; a notebook shows
it with one call, a test sets ``controls[name].value`` and reads ``readout_text``.

>>> ex = chain_explorer()
>>> ex.controls["pelvis_drop_cm"].value = 20
>>> ex.controls["pelvis_shift_cm"].value = -20
>>> print(ex.readout_text.splitlines()[1])
Hip: 54° flexion. Knee: 73° flexion. Ankle: 20° dorsiflexion (shin leaning forward).
"""

from __future__ import annotations

from matplotlib.figure import Figure

from lessons.chain.diagram import draw_chain, update_chain
from lessons.chain.model import (
    PELVIS_DROP_RANGE_CM,
    PELVIS_SHIFT_RANGE_CM,
    describe_chain,
    solve_chain,
)
from lessons.core.build import assemble, sliders
from lessons.core.explorer import Explorer

__all__ = ["BENCHMARK", "chain_explorer"]


def chain_explorer(
    pelvis_drop_cm: float = 0.0, pelvis_shift_cm: float = 0.0, height_m: float = 1.75
) -> Explorer:
    """Build the chain explorer: feet planted, move the pelvis and watch hip, knee and ankle answer.

    Args:
        pelvis_drop_cm: starting drop of the pelvis below standing height, cm.
        pelvis_shift_cm: starting position of the pelvis in front of (+) or behind (−) the ankle,
            cm.
        height_m: body height in metres (fixed for this explorer; FACTS A13 segment lengths).
    """
    artists = draw_chain(solve_chain(pelvis_drop_cm, pelvis_shift_cm, height_m), caption=False)
    controls = sliders({
        "pelvis_drop_cm": ("Lower the pelvis by, cm (− = raise)", pelvis_drop_cm,
                           PELVIS_DROP_RANGE_CM, 1.0, ".0f"),
        "pelvis_shift_cm": ("Pelvis forward (+) / back (−), cm", pelvis_shift_cm,
                            PELVIS_SHIFT_RANGE_CM, 1.0, ".0f"),
    })

    def redraw(values: dict) -> str:
        pose = solve_chain(values["pelvis_drop_cm"], values["pelvis_shift_cm"], height_m)
        update_chain(artists, pose)
        return describe_chain(pose)

    start = {"pelvis_drop_cm": 0.0, "pelvis_shift_cm": 0.0}
    return assemble("Chain explorer", controls, artists, redraw, "Reset to standing", start)


def _naive_chain(values: dict) -> Figure:
    """Draw the chain figure from scratch (the benchmark's baseline)."""
    return draw_chain(
        solve_chain(values["pelvis_drop_cm"], values["pelvis_shift_cm"]), caption=False
    ).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"chain explorer": (chain_explorer, _naive_chain)}
