"""Wire a root chooser and a list of findings to the dermatome diagram: the root explorer.

Choosing a root shades its dermatome and lists its weakness and reflex (FACTS B6).
Ticking findings scores them against the root table; when one root fits best,
the diagram shows that root. The readout always says that this teaches patterns
and is not a diagnosis.

>>> ex = root_explorer()
>>> ex.controls["numb-sole"].value = True
>>> ex.controls["root"].value
'S1'
>>> print(ex.readout_text.splitlines()[0])
S1 root (usually pressed on by the L5/S1 disc).
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.core.explorer import Explorer
from lessons.roots.diagram import draw_roots, update_roots
from lessons.roots.model import FINDINGS, ROOTS, best_fit, describe_fit, describe_root

__all__ = ["BENCHMARK", "root_explorer"]


def _text(root: str, findings: list[str]) -> str:
    return describe_root(root) + "\n\n" + describe_fit(best_fit(findings))


def root_explorer(root: str = "L5") -> Explorer:
    """Build the root explorer: a schematic leg with one root's dermatome shaded, and findings to
    tick.

    Args:
        root: the root shown first: "L4", "L5" or "S1".

    Returns:
        An :class:`~lessons.core.explorer.Explorer`; ``controls["root"]`` chooses the root and
        ``controls[<finding id>]`` (a checkbox per finding of :data:`lessons.roots.model.FINDINGS`)
        ticks a finding.
    """
    describe_root(root)  # a clear error for an unknown root before anything is drawn
    controls: dict[str, widgets.Widget] = {
        "root": widgets.ToggleButtons(
            options=list(ROOTS), value=root, description="Root",
            tooltips=[f"Shade the {r} dermatome" for r in ROOTS],
            style={"description_width": "4em", "button_width": "4em"},
        )
    }
    for finding in FINDINGS:
        controls[finding.id] = widgets.Checkbox(
            value=False, description=finding.label, indent=False,
            layout=widgets.Layout(width="auto"),
        )
    clear = widgets.Button(description="Clear findings", icon="undo",
                           tooltip="Untick every finding")
    artists = draw_roots(root)
    explorer = Explorer("Root explorer", controls, artists.figure, animated=artists.moving(),
                        extra=[clear])
    explorer.artists = artists

    def chosen() -> list[str]:
        return [f.id for f in FINDINGS if controls[f.id].value]

    def show_root() -> None:
        update_roots(artists, controls["root"].value)
        explorer.set_readout(_text(controls["root"].value, chosen()))
        explorer.redraw()

    def findings_changed() -> None:
        fit = best_fit(chosen())
        if len(fit.best) == 1 and controls["root"].value != fit.best[0]:
            controls["root"].value = fit.best[0]  # redraws through show_root
        else:
            show_root()

    controls["root"].observe(explorer.guarded(show_root), names="value")
    on_finding = explorer.guarded(findings_changed)
    for finding in FINDINGS:
        controls[finding.id].observe(on_finding, names="value")

    def on_clear(_button: widgets.Button) -> None:
        for finding in FINDINGS:
            controls[finding.id].value = False

    clear.on_click(on_clear)
    explorer.set_readout(_text(root, []))
    return explorer


def _naive_frame(values: dict) -> Figure:
    """Draw the whole dermatome figure from scratch: the baseline the benchmark compares against."""
    return draw_roots(values["root"]).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"root explorer": (root_explorer, _naive_frame)}
