"""Wire sliders to the limb model and its diagram: the limb explorer.

>>> ex = limb_explorer()
>>> ex.controls["knee_flexion_deg"].value = 90
>>> print(ex.readout_text.splitlines()[0])  # doctest: +NORMALIZE_WHITESPACE
Right leg, body height 1.75 m. Hip: 0° flexion, 0° abduction, 0° rotation. Knee: 90° flexion. Ankle:
neutral (0°).
"""

from __future__ import annotations

from matplotlib.figure import Figure

from lessons.core.explorer import Explorer, reset_button, slider
from lessons.limb.diagram import draw_limb, update_limb
from lessons.limb.model import ANGLE_RANGES_DEG, HEIGHT_RANGE_M, JointAngles, describe, limb_pose

__all__ = ["BENCHMARK", "limb_explorer"]

_LABELS = {
    "hip_flexion_deg": "Hip flexion (+) / extension (−), °",
    "hip_abduction_deg": "Hip abduction (+) / adduction (−), °",
    "hip_rotation_deg": "Hip internal (+) / external (−) rotation, °",
    "knee_flexion_deg": "Knee flexion, °",
    "ankle_dorsiflexion_deg": "Ankle dorsiflexion (+) / plantarflexion (−), °",
}


def limb_explorer(height_m: float = 1.75, **angles_deg: float) -> Explorer:
    """Build the limb explorer: side and front views of one leg, with a slider per joint.

    Args:
        height_m: starting body height in metres (segment lengths follow it, FACTS A13).
        **angles_deg: starting joint angles by name, as in :class:`lessons.limb.model.JointAngles`.

    Returns:
        An :class:`~lessons.core.explorer.Explorer`; display it, or set
        ``controls[name].value`` and read ``readout_text`` in a test.
    """
    start = JointAngles(**angles_deg)  # validates, with a clear error, before anything is drawn
    pose = limb_pose(start, height_m=height_m)
    controls = {
        "height_m": slider("Body height, m", height_m, *HEIGHT_RANGE_M, 0.01, ".2f"),
        **{
            name: slider(_LABELS[name], getattr(start, name), low, high, 1.0)
            for name, (low, high) in ANGLE_RANGES_DEG.items()
        },
    }
    reset = reset_button("Reset to standing", "Stand upright")
    artists = draw_limb(pose, caption=False)
    explorer = Explorer(
        "Limb explorer", controls, artists.figure, animated=artists.moving(), extra=[reset]
    )
    explorer.artists = artists

    def update() -> None:
        values = {name: control.value for name, control in controls.items()}
        height = values.pop("height_m")
        new_pose = limb_pose(JointAngles(**values), height_m=height)
        update_limb(artists, new_pose)
        explorer.set_readout(describe(new_pose))
        explorer.redraw()

    standing = {name: 1.75 if name == "height_m" else 0.0 for name in controls}
    explorer.wire(update, reset, standing)
    explorer.set_readout(describe(pose))
    return explorer


def _naive_frame(values: dict) -> Figure:
    """Draw the whole limb figure from scratch: the baseline the benchmark compares against."""
    values = dict(values)
    height = values.pop("height_m")
    return draw_limb(limb_pose(JointAngles(**values), height_m=height), caption=False).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"limb explorer": (limb_explorer, _naive_frame)}
