"""Wire sliders to the hip load model and its free-body diagram: the hip load explorer.

The explorer speaks to students (lever arms, W′, newtons: :func:`lessons.hip_load.model.describe`)
or, with ``audience="patient"``, to patients in plain words (:func:`plain_readout`),
as on the clinic page.

>>> ex = hip_load_explorer()
>>> ex.controls["cane_hand"].value = "opposite"
>>> print(ex.readout_text.splitlines()[0])  # doctest: +NORMALIZE_WHITESPACE
Standing on one leg, 70 kg (body weight 687 N): abductor force 0.33 × body weight (225 N); hip joint
force 1.00 × body weight (689 N), leaning 6° from vertical.
>>> patient = hip_load_explorer(audience="patient")
>>> print(patient.readout_text.splitlines()[0])  # doctest: +NORMALIZE_WHITESPACE
Standing on your right leg: your hip joint carries about 2½ times your body weight, as if about 174
kg pressed on it (you weigh 70 kg).
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.core.explorer import Explorer, check_audience, reset_button, slider, times_body_weight
from lessons.hip_load.diagram import draw_hip_load, update_hip_load
from lessons.hip_load.model import (
    IN_VIVO_HIP_BW,
    RANGES,
    HipLoad,
    HipLoadInputs,
    cane_effect,
    describe,
    hip_load,
)

__all__ = ["BENCHMARK", "DEFAULTS", "hip_load_explorer", "plain_readout"]

#: Where the explorer starts and what Reset returns to: the typical adult of FACTS
#: section F standing on one leg, no lean, the cane (15 % BW, FACTS A3) not yet in hand.
DEFAULTS = {
    "body_mass_kg": 70.0,
    "abductor_lever_cm": 5.0,
    "body_weight_lever_cm": 10.0,
    "abductor_angle_deg": 70.0,
    "trunk_lean_cm": 0.0,
    "cane_hand": "none",
    "cane_force_pct_bw": 15.0,
}

_SLIDERS = {
    # name: (label, step, readout format)
    "body_mass_kg": ("Body mass, kg", 1.0, ".0f"),
    "abductor_lever_cm": ("Abductor lever arm a, cm", 0.1, ".1f"),
    "body_weight_lever_cm": ("Body-weight lever arm b, cm", 0.5, ".1f"),
    "abductor_angle_deg": ("Abductor line of pull, ° to horizontal", 1.0, ".0f"),
    "trunk_lean_cm": ("Trunk lean over the stance leg, cm", 0.5, ".1f"),
    "cane_force_pct_bw": ("Cane force, % of body weight", 1.0, ".0f"),
}

_HANDS = [
    ("No cane", "none"),
    ("Opposite hand (left, away from the loaded hip)", "opposite"),
    ("Same hand (right, beside the loaded hip)", "same"),
]

#: The patient's labels for the same controls (the clinic page): no symbols, no muscle names.
_PLAIN_SLIDERS = {
    "body_mass_kg": "Your weight, kg",
    "abductor_lever_cm": "Side muscles' distance from the hip, cm",
    "body_weight_lever_cm": "Your weight's distance from the hip, cm",
    "abductor_angle_deg": "Side muscles' angle of pull, °",
    "trunk_lean_cm": "Leaning over the standing leg, cm",
    "cane_force_pct_bw": "Weight on the stick, % of your weight",
}
_PLAIN_HANDS = [
    ("No walking stick", "none"),
    ("The other hand (left, away from the painful hip)", "opposite"),
    ("The same side (right, beside the painful hip)", "same"),
]

_STYLE = {"description_width": "17em"}


def _inputs(values: dict) -> HipLoadInputs:
    return HipLoadInputs(**values)


def plain_readout(load: HipLoad) -> str:
    """Say what the hip load picture shows in a patient's words: no symbols, no newtons.

    The forces are said as times the patient's body weight (to the nearest half)
    and as the mass that would press with that force.

    >>> load = hip_load(HipLoadInputs(cane_hand="opposite", cane_force_pct_bw=15))
    >>> print(plain_readout(load))  # doctest: +NORMALIZE_WHITESPACE
    Standing on your right leg: your hip joint carries about your body weight, as if about 70 kg
    pressed on it (you weigh 70 kg).
    The muscles at the side of your hip pull with about 30 % of your body weight to keep your pelvis
    level.
    You stand straight, without leaning over the standing leg.
    A walking stick in the other hand, taking 15 % of your weight, lowers the load on this hip by
    about 60 % in this picture. Real measurements show a smaller saving, and people rarely put more
    than a fifth of their weight through a stick.
    Measured inside real hips: about 2½ times body weight when walking, a little more on stairs.
    This is a simple model of standing on one leg, not a measurement of you.
    """
    p = load.inputs
    lines = [
        "Standing on your right leg: your hip joint carries "
        f"{times_body_weight(load.joint_force_bw)}, as if about "
        f"{load.joint_force_bw * p.body_mass_kg:.0f} kg pressed on it (you weigh "
        f"{p.body_mass_kg:.0f} kg)."
    ]
    if load.abductors_balance and load.abductor_force_bw < 0.05:
        lines.append("Your weight is right over the hip, so the muscles at the side of the hip "
                     "hardly need to pull.")
    elif load.abductors_balance:
        lines.append(
            "The muscles at the side of your hip pull with "
            f"{times_body_weight(load.abductor_force_bw)} to keep your pelvis level."
        )
    else:
        lines.append(
            "Your weight is now over or past the hip: the muscles at the side of the hip have "
            "nothing to hold, and other muscles, not in this picture, keep you balanced."
        )
    if p.trunk_lean_cm > 0:
        lines.append(
            f"Leaning {p.trunk_lean_cm:.0f} cm over the standing leg brings your weight closer to "
            "the hip, so the muscles need to pull less."
        )
    else:
        lines.append("You stand straight, without leaning over the standing leg.")
    if p.cane_hand != "none" and p.cane_force_pct_bw > 0:
        change = cane_effect(p)
        if p.cane_hand == "opposite":
            lines.append(
                f"A walking stick in the other hand, taking {p.cane_force_pct_bw:.0f} % of your "
                f"weight, lowers the load on this hip by about {abs(change) * 100:.0f} % in this "
                "picture. Real measurements show a smaller saving, and people rarely put more "
                "than a fifth of their weight through a stick."
            )
        else:
            verb = "raises" if change > 0 else "lowers"
            lines.append(
                f"A walking stick on the same side, taking {p.cane_force_pct_bw:.0f} % of your "
                f"weight, {verb} the load on this hip by about {abs(change) * 100:.0f} % in this "
                "picture: hold it in the other hand."
            )
    else:
        lines.append("No walking stick.")
    walking, *_ = IN_VIVO_HIP_BW.values()
    lines.append(
        "Measured inside real hips: "
        f"{times_body_weight(walking).removesuffix(' your body weight')} body weight when "
        "walking, a little more on stairs."
    )
    lines.append("This is a simple model of standing on one leg, not a measurement of you.")
    return "\n".join(lines)


def hip_load_explorer(*, audience: str = "student", **start: float | str) -> Explorer:
    """Build the hip load explorer: a free-body diagram of the pelvis with a control per input.

    Args:
        audience: "student" (the lesson: lever arms, W′, newtons) or "patient" (the clinic
            page: plain labels and :func:`plain_readout`).
        **start: starting values by name, as in :class:`lessons.hip_load.model.HipLoadInputs`
            (the sliders cover body mass, both lever arms, the line of pull, trunk lean,
            cane force and which hand holds the cane).

    Returns:
        An :class:`~lessons.core.explorer.Explorer`; display it, or set
        ``controls[name].value`` and read ``readout_text`` in a test.
    """
    plain = check_audience(audience)
    say = plain_readout if plain else describe
    values = {**DEFAULTS, **start}
    load = hip_load(_inputs(values))  # validates, with a clear error, before anything is drawn
    controls: dict[str, widgets.Widget] = {}
    for name, (label, step, fmt) in _SLIDERS.items():
        low, high, _unit = RANGES[name]
        controls[name] = slider(
            _PLAIN_SLIDERS[name] if plain else label, values[name], low, high, step, fmt,
            label_width=_STYLE["description_width"],
        )
    controls["cane_hand"] = widgets.Dropdown(
        options=_PLAIN_HANDS if plain else _HANDS, value=values["cane_hand"],
        description="Walking stick" if plain else "Cane held in", style=_STYLE,
        layout=widgets.Layout(width="auto"),
    )
    reset = reset_button(tooltip="Back to the typical adult, no cane")
    artists = draw_hip_load(load, plain=plain)
    explorer = Explorer(
        "Hip load explorer", controls, artists.figure, animated=artists.moving(), extra=[reset]
    )
    explorer.artists = artists

    def update() -> None:
        current = {name: control.value for name, control in controls.items()}
        controls["cane_force_pct_bw"].disabled = current["cane_hand"] == "none"
        new = hip_load(_inputs(current))
        update_hip_load(artists, new)
        explorer.set_readout(say(new))
        explorer.redraw()

    explorer.wire(update, reset, DEFAULTS)
    controls["cane_force_pct_bw"].disabled = values["cane_hand"] == "none"
    explorer.set_readout(say(load))
    return explorer


def _naive_frame(values: dict) -> Figure:
    """Draw the whole free-body diagram from scratch: the benchmark's baseline."""
    return draw_hip_load(hip_load(_inputs(values))).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"hip load explorer": (hip_load_explorer, _naive_frame)}
