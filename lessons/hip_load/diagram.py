"""Draw the free-body diagram of the pelvis over the stance hip, and update it in place.

A front view of someone standing on the right leg (on the viewer's left, as in
the limb diagram): the pelvis, both femurs, the trunk's centre of mass, and the
forces on the pelvis as arrows whose lengths are proportional to their size:
the supported weight W′, the abductor pull, the joint reaction at the hip and,
when used, the cane. Each arrow carries its name and value, and has its own
line style, so colour is never the only cue.

:func:`draw_hip_load` draws once and returns the artists; :func:`update_hip_load`
moves those same artists (no new artists), so a slider can call it on every tick.

>>> from lessons.hip_load.model import hip_load, HipLoadInputs
>>> art = draw_hip_load(hip_load())
>>> art.labels["joint"].get_text()
'Joint reaction\\n2.48 BW'
>>> update_hip_load(art, hip_load(HipLoadInputs(cane_force_pct_bw=15, cane_hand="opposite")))
>>> art.labels["joint"].get_text(), art.cane_stick.get_visible()
('Joint reaction\\n1.00 BW', True)

With ``plain=True`` (the clinic page) the labels use a patient's words, without symbols:

>>> draw_hip_load(hip_load(), plain=True).labels["joint"].get_text()
'Load on the hip joint\\n2.5 × your weight'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrow
from matplotlib.text import Text

from lessons.core import drawing, palette
from lessons.hip_load.model import HipLoad, HipLoadInputs, hip_load

__all__ = ["CM_PER_BW", "FIGURES", "HipLoadArtists", "draw_hip_load", "hip_load_figure",
           "update_hip_load"]

#: Arrow length per body weight of force, in the diagram's centimetres.
CM_PER_BW = 7.0
#: Where the trunk's centre of mass is drawn above the hips (cm; a drawing position only).
_COM_HEIGHT_CM = 31.0
#: Where the abductors attach on the iliac wing, as a distance back up the line of pull (cm).
_ILIUM_T = -15.0
#: Height of the lever-b dimension line, below the pelvis (cm).
_LEVER_Y_CM = -15.0
#: Height of the hand holding the cane, relative to the hip centres (drawing position only).
_HAND_HEIGHT_CM = -6.0
_LIMITS_X = (-42.0, 58.0)
_LIMITS_Y = (-48.0, 50.0)

_STYLE = {
    "weight": dict(color=palette.BLUE, ls="-", hatch=None),
    "abductor": dict(color=palette.VERMILLION, ls="-", hatch=None),
    "joint": dict(color=palette.BLACK, ls="-", hatch=None),
    "cane": dict(color=palette.GREEN, ls="-", hatch=None),
}


@dataclass(frozen=True)
class HipLoadArtists(drawing.Artists):
    """The artists of one free-body diagram, by name, for updating or inspecting."""

    ax: Axes
    arrows: dict[str, FancyArrow]
    labels: dict[str, Text]
    abductor_line: Line2D
    trunk: Line2D
    centre_of_mass: Line2D
    weight_line: Line2D
    lever_a: Line2D
    lever_b: Line2D
    lever_b_label: Text
    cane_stick: Line2D
    #: Label the forces in a patient's words (no W′, a, b or BW).
    plain: bool = False


def _pelvis_outline(spacing: float) -> tuple[list[float], list[float]]:
    """A schematic pelvis (front view) over hip centres at x = 0 and x = spacing, in cm."""
    m = spacing / 2
    # Right half, from the pubic symphysis round the outside to the top of the sacrum.
    half = [
        (m, -8.0), (m - 4.0, -8.5), (0.5, -5.5), (-3.0, -2.5), (-3.8, 2.0), (-7.0, 8.0),
        (-10.5, 14.0), (-11.0, 19.0), (-7.5, 22.5), (-2.5, 22.0), (m - 4.5, 14.0), (m, 16.0),
    ]
    xs = [x for x, _ in half] + [spacing - x for x, _ in reversed(half)]
    ys = [y for _, y in half] + [y for _, y in reversed(half)]
    return xs, ys


def _abductor_points(
    load: HipLoad, length_cm: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Tail and tip of the abductor arrow: along the line of pull, at perpendicular distance a.

    The pull on the pelvis starts at the muscles' attachment on the iliac wing and
    points down and out, towards the greater trochanter, at angle θ to the
    horizontal. Its line passes ``a`` from the hip centre.
    """
    foot = _abductor_foot(load)
    ux, uy = _abductor_direction(load)
    tail = (foot[0] + _ILIUM_T * ux, foot[1] + _ILIUM_T * uy)
    return tail, (tail[0] + length_cm * ux, tail[1] + length_cm * uy)


def _abductor_direction(load: HipLoad) -> tuple[float, float]:
    theta = math.radians(load.inputs.abductor_angle_deg)
    return -math.cos(theta), -math.sin(theta)  # down and lateral


def _abductor_foot(load: HipLoad) -> tuple[float, float]:
    """Foot of the perpendicular from the hip centre to the line of pull (its length is a)."""
    theta = math.radians(load.inputs.abductor_angle_deg)
    a = load.inputs.abductor_lever_cm
    return -a * math.sin(theta), a * math.cos(theta)  # unit normal with (p × u) = +a


def _set_arrow(arrow: FancyArrow, x: float, y: float, dx: float, dy: float) -> None:
    length = math.hypot(dx, dy)
    head = min(2.6, 0.6 * length) if length > 0 else 0.0
    arrow.set_data(x=x, y=y, dx=dx, dy=dy, width=0.9, head_width=2.8, head_length=head)
    arrow.set_visible(length > 1e-6)


def draw_hip_load(
    load: HipLoad, ax: Axes | None = None, *, title: bool = True, plain: bool = False
) -> HipLoadArtists:
    """Draw the free-body diagram once and return its artists.

    Args:
        load: the forces to draw, from :func:`lessons.hip_load.model.hip_load`.
        ax: axes to draw into; omitted makes a new figure.
        title: write a title over the axes.
        plain: label the forces in a patient's words (the clinic page), not with symbols.
    """
    if ax is None:
        ax = hip_load_figure().axes[0]
    figure = ax.figure
    spacing = load.inputs.hip_spacing_cm
    ax.set_xlim(*_LIMITS_X)
    ax.set_ylim(*_LIMITS_Y)
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    if title:
        ax.set_title("Standing on the right leg: forces on the pelvis (front view)", fontsize=11)

    # Static anatomy: pelvis, femoral heads, both thighs (the left one lifted, in swing).
    xs, ys = _pelvis_outline(spacing)
    ax.fill(xs, ys, facecolor="#EEEEEE", edgecolor=palette.GREY, lw=1.5, zorder=1)
    for hx in (0.0, spacing):
        ax.add_patch(_circle(hx, 0.0, 2.6))
    ax.plot([0.0, -6.5, -5.5, -2.0], [0.0, -3.5, -8.0, -46.0], color=palette.GREY, lw=5,
            solid_capstyle="round", zorder=2)
    ax.plot([spacing, spacing + 6.5, spacing + 5.5, spacing + 3.0], [0.0, -3.5, -8.0, -38.0],
            color=palette.GREY, lw=5, ls="--", zorder=2)
    ax.text(-3.0, -48.0, "right leg\n(standing)", ha="center", va="top", fontsize=9)
    ax.text(spacing + 3.5, -40.0, "left leg\n(swinging)", ha="center", va="top", fontsize=9)
    ax.annotate("right hip:\nthe pivot", (-1.5, -1.5), xytext=(-18.0, -28.0), fontsize=9,
                ha="right",
                va="center", arrowprops=dict(arrowstyle="-", color=palette.GREY, lw=0.8))
    scale = (
        "Longer arrow = bigger force"
        if plain
        else f"Arrow length: {CM_PER_BW:g} cm of drawing\nper body weight (BW)"
    )
    ax.text(_LIMITS_X[1], _LIMITS_Y[1], scale, fontsize=9, ha="right", va="top", color="#444444")

    # Moving parts.
    trunk = ax.plot([], [], color=palette.GREY, lw=3, zorder=2)[0]
    com = ax.plot(
        [], [], ls="none", marker="o", ms=11, mfc="white", mec=palette.BLUE, mew=2.5, zorder=6
    )[0]
    abductor_line = ax.plot([], [], color=palette.VERMILLION, lw=1, ls=":", zorder=3)[0]
    weight_line = ax.plot([], [], color=palette.BLUE, lw=1, ls=":", zorder=3)[0]
    lever_a = ax.plot([], [], color=palette.VERMILLION, lw=1.5, zorder=4)[0]
    lever_b = ax.plot([], [], color=palette.BLUE, lw=1.2, marker="|", ms=9, zorder=3)[0]
    lever_b_label = ax.text(0, 0, "", fontsize=9, ha="center", va="top", color=palette.BLUE)
    ax.plot([0.0, 0.0], [-3.0, _LEVER_Y_CM], color=palette.GREY, lw=1, ls=":", zorder=3)
    cane_stick = ax.plot([], [], color="#8B5A2B", lw=4, solid_capstyle="round", zorder=2)[0]

    arrows: dict[str, FancyArrow] = {}
    labels: dict[str, Text] = {}
    for name, style in _STYLE.items():
        arrow = FancyArrow(
            0, 0, 0, -1, length_includes_head=True, facecolor=style["color"], edgecolor="white",
            lw=0.6, zorder=7
        )
        ax.add_patch(arrow)
        arrows[name] = arrow
        labels[name] = ax.text(
            0, 0, "", fontsize=10, ha="right" if name == "abductor" else "left", va="center",
            color=style["color"], zorder=8, fontweight="bold",
        )

    artists = HipLoadArtists(
        figure=figure, ax=ax, arrows=arrows, labels=labels, abductor_line=abductor_line,
        trunk=trunk, centre_of_mass=com, weight_line=weight_line, lever_a=lever_a, lever_b=lever_b,
        lever_b_label=lever_b_label,
        cane_stick=cane_stick, plain=plain,
    )
    update_hip_load(artists, load)
    drawing.freeze_layout(figure)
    return artists


def _circle(x: float, y: float, r: float):
    from matplotlib.patches import Circle

    return Circle((x, y), r, facecolor="white", edgecolor=palette.GREY, lw=1.5, zorder=2)


def update_hip_load(artists: HipLoadArtists, load: HipLoad) -> None:
    """Move the arrows, the levers and the labels of a drawn diagram to new forces, in place.

    Each arrow starts where its force acts on the pelvis and its length is
    :data:`CM_PER_BW` centimetres of drawing per body weight.
    """
    s = CM_PER_BW
    b = load.effective_lever_cm
    spacing = load.inputs.hip_spacing_cm
    arrows, labels = artists.arrows, artists.labels

    # The trunk, from the middle of the pelvis up through the centre of mass: leaning moves it over
    # the hip.
    top = _COM_HEIGHT_CM + 12.0
    lean = (b - spacing / 2) / (_COM_HEIGHT_CM - 16.0)
    artists.trunk.set_data([spacing / 2, spacing / 2 + lean * (top - 16.0)], [16.0, top])
    artists.centre_of_mass.set_data([b], [_COM_HEIGHT_CM])

    # Supported weight: straight down from the centre of mass; its line of action, dotted, to lever
    # b.
    w = load.supported_weight_bw * s
    _set_arrow(arrows["weight"], b, _COM_HEIGHT_CM, 0.0, -w)
    labels["weight"].set_position((b + 3.0, _COM_HEIGHT_CM + 1.0))
    labels["weight"].set_text(
        f"Weight above the hip\n{_times(load.supported_weight_bw)}" if artists.plain
        else f"Supported weight W′\n{load.supported_weight_bw:.2f} BW"
    )
    artists.weight_line.set_data([b, b], [_COM_HEIGHT_CM - w, _LEVER_Y_CM])
    artists.lever_b.set_data([0.0, b], [_LEVER_Y_CM, _LEVER_Y_CM])
    artists.lever_b_label.set_position((b / 2, _LEVER_Y_CM - 1.0))
    artists.lever_b_label.set_text(f"{b:.0f} cm" if artists.plain else f"b = {b:.1f} cm")

    # Abductor pull: from the iliac wing along its line of action; lever a, the perpendicular from
    # the hip.
    tail, tip = _abductor_points(load, load.abductor_force_bw * s)
    _set_arrow(arrows["abductor"], tail[0], tail[1], tip[0] - tail[0], tip[1] - tail[1])
    far, _ = _abductor_points(load, 0.0)
    ux, uy = _abductor_direction(load)
    end = max(load.abductor_force_bw * s, -_ILIUM_T + 3.0)
    artists.abductor_line.set_data([far[0] - 6 * ux, far[0] + end * ux],
                                   [far[1] - 6 * uy, far[1] + end * uy])
    foot = _abductor_foot(load)
    artists.lever_a.set_data([0.0, foot[0]], [0.0, foot[1]])
    labels["abductor"].set_position((tail[0] - 3.0, tail[1] + 2.0))
    labels["abductor"].set_text(
        f"Side hip muscles\n{_times(load.abductor_force_bw)}" if artists.plain
        else f"Abductors\n{load.abductor_force_bw:.2f} BW\na = "
             f"{load.inputs.abductor_lever_cm:.1f} cm, "
        f"{load.inputs.abductor_angle_deg:.0f}°"
    )

    # Joint reaction on the pelvis: the femoral head pushes up and in, from the hip centre.
    jx, jy = load.joint_horizontal_bw * s, load.joint_vertical_bw * s
    _set_arrow(arrows["joint"], 0.0, 0.0, jx, jy)
    labels["joint"].set_position((jx / 2 + 3.0, min(jy / 2, 10.0)))
    labels["joint"].set_text(
        f"Load on the hip joint\n{_times(load.joint_force_bw)}" if artists.plain
        else f"Joint reaction\n{load.joint_force_bw:.2f} BW"
    )

    # Cane: pushes up on the hand, on either side; hidden without a cane.
    has_cane = load.cane_force_bw > 0
    x = load.cane_position_cm
    c = load.cane_force_bw * s
    artists.cane_stick.set_data([x, x], [_HAND_HEIGHT_CM, _LIMITS_Y[0] + 4.0])
    _set_arrow(arrows["cane"], x, _HAND_HEIGHT_CM, 0.0, c)
    for artist in (artists.cane_stick, arrows["cane"], labels["cane"]):
        artist.set_visible(has_cane)
    labels["cane"].set_position((x + (-2.0 if x > 0 else 2.0), _HAND_HEIGHT_CM + c + 1.0))
    labels["cane"].set_horizontalalignment("right" if x > 0 else "left")
    labels["cane"].set_text(
        f"Walking stick\n{load.cane_force_bw * 100:.0f} % of your weight" if artists.plain
        else f"Cane\n{load.cane_force_bw:.2f} BW\n{abs(x):.0f} cm from hip"
    )


def _times(force_bw: float) -> str:
    """A force for a patient's label: "2.5 × your weight" (one decimal, no symbols)."""
    return f"{force_bw:.1f} × your weight"


def hip_load_figure(width_in: float = 6.5, height_in: float = 6.2, dpi: int = 100) -> Figure:
    """Make an empty figure with one axes, outside pyplot's figure manager."""
    return drawing.new_figure(width_in, height_in, dpi, columns=1)


def _standing() -> Figure:
    return draw_hip_load(hip_load()).figure


def _with_cane() -> Figure:
    return draw_hip_load(hip_load(HipLoadInputs(cane_force_pct_bw=15, cane_hand="opposite"))).figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`).
FIGURES = {"hip-load-one-leg": _standing, "hip-load-cane": _with_cane}
