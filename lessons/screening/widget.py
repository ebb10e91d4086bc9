"""Wire a choice of screening test to the limb model and a readout: the screening test explorer.

>>> ex = screening_explorer()
>>> ex.controls["test_id"].value = "slr"
>>> "Sensitivity 91 %" in ex.readout_text
True
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.core.build import assemble
from lessons.core.explorer import Explorer
from lessons.screening.diagram import draw_screening, update_screening
from lessons.screening.model import describe, load_tests

__all__ = ["BENCHMARK", "screening_explorer"]

START = "hip-internal-rotation"


def screening_explorer(test_id: str = START) -> Explorer:
    """Build the screening test explorer: choose a test, see the leg's position, read what it tells.

    Args:
        test_id: the test shown first, an id from ``lessons/data/screening_tests.toml``.
    """
    describe(test_id)  # refuses an unknown test, with the choices, before drawing
    tests = load_tests()
    artists = draw_screening(test_id)
    controls = {
        "test_id": widgets.Dropdown(
            options=[(t.name, t.id) for t in tests.values()],
            value=test_id,
            description="Test",
            style={"description_width": "4em"},
            layout=widgets.Layout(width="32em"),
        ),
    }

    def redraw(values: dict) -> str:
        update_screening(artists, values["test_id"])
        return describe(values["test_id"])

    return assemble(
        "Screening test explorer",
        controls,
        artists,
        redraw,
        "Back to the first test",
        {"test_id": test_id},
    )


def _naive_screening(values: dict) -> Figure:
    """Draw the leg from scratch for the chosen test (the benchmark's baseline)."""
    return draw_screening(values["test_id"]).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"screening test explorer": (screening_explorer, _naive_screening)}
