"""Draw a stretch's stick figure from the side once, and move it to any pose in place.

:func:`draw_pose` draws the floor, a chair (shown when sitting), the figure and
a legend once and returns the artists; :func:`update_pose` moves those same
artists to a new :class:`~lessons.stretches.poses.BodyPose` (no new artists, no
clearing), so a play control can step through a stretch. :func:`key_pose_strip`
draws a stretch's key positions side by side, for printed cards and ``figures/``.

The affected leg is solid blue with white joint circles; the other leg is a
dashed orange line; trunk, head and arm are black. Colour never works alone:
line style, the legend and the widget's readout say the same.

>>> from lessons.stretches.poses import body_pose, key_poses
>>> art = draw_pose(body_pose(key_poses("knee-to-chest")[0].posture))
>>> art.affected_leg.get_xydata().round(2).tolist()[:2]
[[0.0, 0.11], [0.32, 0.4]]
>>> update_pose(art, body_pose(key_poses("knee-to-chest")[-1].posture))
>>> art.affected_leg.get_xydata().round(2).tolist()[1]
[-0.18, 0.5]
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle

from lessons.core import drawing, palette
from lessons.stretches.poses import BodyPose, body_pose, key_poses, stretch_ids

__all__ = ["FIGURES", "PoseArtists", "draw_pose", "key_pose_strip", "pose_figure", "update_pose"]

AFFECTED = palette.BLUE
OTHER = palette.ORANGE
BODY = palette.BLACK
#: Fixed view (metres) that holds every pose of a 1.75 m body, lying or sitting.
XLIM = (-1.0, 1.2)
ZLIM = (-0.06, 1.5)
_CHAIR_BACK_M = 0.22  # how far behind the hips the chair's back stands (drawing only)


@dataclass(frozen=True)
class PoseArtists(drawing.Artists):
    """The artists of one stick-figure diagram, by name, so callers can update or inspect them."""

    ax: Axes
    affected_leg: Line2D
    affected_foot: Line2D
    affected_joints: Line2D
    other_leg: Line2D
    other_foot: Line2D
    trunk: Line2D
    arm: Line2D
    head: Circle
    chair: Line2D

    def moving(self) -> list:
        """The artists that :func:`update_pose` changes (for blitting)."""
        return [
            self.chair, self.other_leg, self.other_foot, self.trunk, self.head,
            self.affected_leg, self.affected_foot, self.affected_joints, self.arm,
        ]


def _leg(points: dict) -> tuple[list[float], list[float]]:
    chain = [points["hip"], points["knee"], points["ankle"]]
    return [p[0] for p in chain], [p[1] for p in chain]


def _foot(points: dict) -> tuple[list[float], list[float]]:
    chain = [points["ankle"], points["heel"], points["toe"], points["ankle"]]
    return [p[0] for p in chain], [p[1] for p in chain]


def _chair(pose: BodyPose) -> tuple[list[float], list[float]]:
    if pose.seat_height_m is None:
        return [], []
    seat = pose.seat_height_m - 0.05 * pose.height_m  # under the buttocks, below the hip centres
    back = pose.pelvis[0] - _CHAIR_BACK_M
    front = pose.pelvis[0] + 0.22
    # Back rest down to the seat, along the seat, front leg to the floor; then the back leg.
    nan = float("nan")
    xs = [back, back, front, front, nan, back, back]
    return xs, [seat + 0.45, seat, seat, 0.0, nan, seat, 0.0]


def _style(ax: Axes, caption: str | None) -> None:
    ax.set_xlim(*XLIM)
    ax.set_ylim(*ZLIM)
    ax.set_aspect("equal", adjustable="box")
    ax.axhline(0.0, color=palette.FLOOR, lw=2, zorder=0)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(XLIM[1], 0.01, "floor", fontsize=9, color=palette.FLOOR, ha="right", va="bottom")
    if caption:
        ax.set_title(caption, fontsize=11, loc="left")


def draw_pose(
    pose: BodyPose, ax: Axes | None = None, *, legend: bool = True, title: str | None = None
) -> PoseArtists:
    """Draw the stick figure once, seen from the affected (right) side.

    Args:
        pose: the figure to draw, from :func:`lessons.stretches.poses.body_pose`.
        ax: axes to draw into; omitted makes a new figure (outside pyplot).
        legend: explain the line styles in a legend.
        title: a title over the axes (a printed figure's caption).

    Returns:
        The :class:`PoseArtists` drawn, for :func:`update_pose`.
    """
    if ax is None:
        ax = pose_figure().axes[0]
    figure = ax.figure
    _style(ax, title)
    chair = ax.plot(
        [], [], color=palette.GREY, lw=4, solid_capstyle="butt", zorder=1, label="chair (grey)"
    )[0]
    other_leg = ax.plot(
        [], [], color=OTHER, lw=4, ls=(0, (3, 1.5)), zorder=2, label="other leg (dashed)"
    )[0]
    other_foot = ax.plot([], [], color=OTHER, lw=2.5, ls=(0, (3, 1.5)), zorder=2)[0]
    trunk = ax.plot(
        [], [], color=BODY, lw=5, solid_capstyle="round", zorder=3, label="trunk, head and arm"
    )[0]
    head = Circle((0, 0), pose.head_radius_m, facecolor="white", edgecolor=BODY, lw=2.5, zorder=3)
    ax.add_patch(head)
    affected_leg = ax.plot(
        [], [], color=AFFECTED, lw=6, solid_capstyle="round", zorder=4, label="affected leg (solid)"
    )[0]
    affected_foot = ax.plot([], [], color=AFFECTED, lw=3.5, zorder=4)[0]
    affected_joints = ax.plot(
        [], [], ls="none", marker="o", ms=7, mfc="white", mec=palette.JOINT, mew=2.2, zorder=5,
        label="hip, knee, ankle (circles)",
    )[0]
    arm = ax.plot([], [], color=BODY, lw=3, solid_capstyle="round", zorder=6)[0]
    if legend:
        ax.legend(loc="upper left", fontsize=9, frameon=False, ncols=2)
    artists = PoseArtists(
        figure=figure, ax=ax, affected_leg=affected_leg, affected_foot=affected_foot,
        affected_joints=affected_joints, other_leg=other_leg, other_foot=other_foot,
        trunk=trunk, arm=arm, head=head, chair=chair,
    )
    update_pose(artists, pose)
    drawing.freeze_layout(figure)
    return artists


def update_pose(artists: PoseArtists, pose: BodyPose) -> None:
    """Move a drawn figure to a new pose, in place (call ``draw_idle`` or blit after)."""
    artists.affected_leg.set_data(*_leg(pose.affected))
    artists.affected_joints.set_data(*_leg(pose.affected))
    artists.affected_foot.set_data(*_foot(pose.affected))
    artists.other_leg.set_data(*_leg(pose.other))
    artists.other_foot.set_data(*_foot(pose.other))
    # The trunk runs from the hips to the shoulders and on to the base of the head.
    hx, hz = pose.head_centre
    sx, sz = pose.shoulder
    reach = 1 - pose.head_radius_m / max(((hx - sx) ** 2 + (hz - sz) ** 2) ** 0.5, 1e-9)
    neck = (sx + (hx - sx) * reach, sz + (hz - sz) * reach)
    artists.trunk.set_data([pose.pelvis[0], sx, neck[0]], [pose.pelvis[1], sz, neck[1]])
    artists.head.set_center(pose.head_centre)
    artists.head.set_radius(pose.head_radius_m)
    artists.arm.set_data([sx, pose.elbow[0], pose.hand[0]], [sz, pose.elbow[1], pose.hand[1]])
    artists.chair.set_data(*_chair(pose))


def pose_figure(width_in: float = 6.4, height_in: float = 4.6, dpi: int = 100) -> Figure:
    """Make an empty figure with one axes for the stick figure, outside pyplot."""
    return drawing.new_figure(width_in, height_in, dpi, columns=1)


def key_pose_strip(
    stretch_id: str, height_m: float = 1.75, panel_in: float = 3.4, dpi: int = 100
) -> Figure:
    """Draw every key position of a stretch side by side, numbered and captioned (for cards and
    slides)."""
    poses = key_poses(stretch_id)
    figure = Figure(figsize=(panel_in * len(poses), panel_in * 0.78), dpi=dpi, layout="constrained")
    axes = figure.subplots(1, len(poses))
    for number, (ax, key) in enumerate(zip(axes, poses, strict=True), start=1):
        draw_pose(body_pose(key.posture, height_m), ax, legend=False,
                  title=f"{number}. {key.name.capitalize()}")
    return figure


#: Static figures for ``figures/`` (see :mod:`lessons.core.figures`): each stretch's key positions.
FIGURES = {f"stretch-{sid}": (lambda sid=sid: key_pose_strip(sid)) for sid in stretch_ids()}
