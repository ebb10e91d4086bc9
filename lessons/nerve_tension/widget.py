"""Wire hip, knee, ankle and neck sliders to the nerve-tension teaching model: the nerve tension
explorer.

The readout says the pose, the relative index ("a teaching model, not a
measurement") and where the leg is relative to the 30-70° window (FACTS B8).
The heel rests on the couch, so a knee bent further than the raised hip allows
is shown at the most it can bend, and the readout says so.

>>> ex = nerve_tension_explorer()
>>> ex.controls["ankle_dorsiflexion_deg"].value = 20
>>> print(ex.readout_text.splitlines()[1])  # doctest: +NORMALIZE_WHITESPACE
Relative nerve-bed tension: 0.79 (dimensionless; 1.0 = straight leg raised to 70°) — a teaching
model, not a measurement.
"""

from __future__ import annotations

import dataclasses

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.core.explorer import Explorer
from lessons.nerve_tension.diagram import draw_nerve_tension, update_nerve_tension
from lessons.nerve_tension.model import (
    ANGLE_RANGES_DEG,
    PRESETS,
    NerveTensionPose,
    describe,
    max_knee_flexion_deg,
)

__all__ = ["BENCHMARK", "nerve_tension_explorer", "pose_on_couch"]

_LABELS = {
    "hip_flexion_deg": "Hip flexion (leg raise), °",
    "knee_flexion_deg": "Knee flexion (0 = straight), °",
    "ankle_dorsiflexion_deg": "Ankle dorsiflexion (+ toes up), °",
    "neck_flexion_deg": "Neck flexion (chin to chest), °",
}
#: The starting position: a straight-leg raise in the middle of the 30-70° window (FACTS B8).
DEFAULTS = dict(hip_flexion_deg=45.0, knee_flexion_deg=0.0, ankle_dorsiflexion_deg=0.0,
                neck_flexion_deg=0.0)


def pose_on_couch(values: dict[str, float]) -> tuple[NerveTensionPose, str]:
    """Make the pose from slider values, bending the knee no further than the couch allows.

    Returns the pose and a sentence for the readout if the knee was limited (else "").

    >>> pose, note = pose_on_couch(dict(hip_flexion_deg=0, knee_flexion_deg=40))
    >>> pose.knee_flexion_deg, note.split(":")[0]
    (0.0, 'The heel rests on the couch')
    """
    pose = NerveTensionPose(**values)
    limit = max_knee_flexion_deg(pose.hip_flexion_deg)
    if pose.knee_flexion_deg <= limit:
        return pose, ""
    note = (
        f"The heel rests on the couch: with the hip at {pose.hip_flexion_deg:.0f}° the knee can "
        f"bend only {limit:.0f}°, so it is shown at {limit:.0f}° (raise the hip to bend it more)."
    )
    return dataclasses.replace(pose, knee_flexion_deg=round(limit, 1)), note


def nerve_tension_explorer(**angles_deg: float) -> Explorer:
    """Build the nerve tension explorer: a leg raised lying down, with a relative-tension gauge.

    Args:
        **angles_deg: starting angles by name, as in
            :class:`lessons.nerve_tension.model.NerveTensionPose`
            (default: hip 45°, everything else 0).

    Returns:
        An :class:`~lessons.core.explorer.Explorer` whose readout states the pose, the teaching
        index
        and the straight-leg-raise window.
    """
    start = {**DEFAULTS, **angles_deg}
    pose, note = pose_on_couch(start)  # validates before anything is drawn
    controls = {
        name: widgets.FloatSlider(
            value=start[name], min=low, max=high, step=1.0, description=_LABELS[name],
            readout_format=".0f", continuous_update=True,
            style={"description_width": "16em"}, layout=widgets.Layout(width="auto"),
        )
        for name, (low, high) in ANGLE_RANGES_DEG.items()
    }
    presets = widgets.Dropdown(
        options=["Try a position…", *PRESETS], value="Try a position…", description="Position",
        style={"description_width": "5em"}, layout=widgets.Layout(width="auto"),
    )
    reset = widgets.Button(description="Reset", icon="undo",
                           tooltip="Back to a straight-leg raise at 45°")
    artists = draw_nerve_tension(pose)
    explorer = Explorer("Nerve tension explorer (a teaching model)", controls, artists.figure,
                        animated=artists.moving(), extra=[presets, reset])
    explorer.artists = artists

    def text(shown: NerveTensionPose, note: str) -> str:
        return describe(shown) + (f"\n{note}" if note else "")

    def update() -> None:
        shown, note = pose_on_couch({name: c.value for name, c in controls.items()})
        update_nerve_tension(artists, shown)
        explorer.set_readout(text(shown, note))
        explorer.redraw()

    callback = explorer.guarded(update)
    for control in controls.values():
        control.observe(callback, names="value")

    def set_all(values: dict[str, float]) -> None:
        # Hip first, so the couch never limits a knee the new position allows.
        for name in ("hip_flexion_deg", "knee_flexion_deg", "ankle_dorsiflexion_deg",
                     "neck_flexion_deg"):
            controls[name].value = values.get(name, 0.0)

    def on_preset(change) -> None:
        if change["new"] in PRESETS:
            set_all(PRESETS[change["new"]])

    presets.observe(on_preset, names="value")
    reset.on_click(lambda _button: (set_all(DEFAULTS), setattr(presets, "value",
                                                               "Try a position…")))
    explorer.set_readout(text(pose, note))
    return explorer


def _naive_frame(values: dict) -> Figure:
    """Draw the whole figure from scratch: the baseline the benchmark compares against."""
    return draw_nerve_tension(pose_on_couch(values)[0]).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"nerve tension explorer": (nerve_tension_explorer, _naive_frame)}
