"""Tests for lessons/poses_diagram.py: the figure is drawn once
and moved in place; the strips have one panel per key pose."""

from __future__ import annotations

import pytest

from lessons.poses import body_pose, key_poses, stretch_ids
from lessons.poses_diagram import draw_pose, key_pose_strip, update_pose


def test_update_moves_the_same_artists_and_adds_none():
    """Moving from lying to the held knee-to-chest
    changes the leg's data, not the number of artists."""
    art = draw_pose(body_pose(key_poses("knee-to-chest")[0].posture))
    before = len(art.ax.get_children())
    knee_before = art.affected_leg.get_xydata()[1].tolist()
    update_pose(art, body_pose(key_poses("knee-to-chest")[-1].posture))
    assert len(art.ax.get_children()) == before
    assert art.affected_leg.get_xydata()[1].tolist() != knee_before


def test_chair_shows_only_when_sitting():
    """The chair has points when sitting and none when lying."""
    art = draw_pose(body_pose(key_poses("seated-piriformis")[0].posture))
    assert len(art.chair.get_xdata()) > 0
    update_pose(art, body_pose(key_poses("figure-4")[0].posture))
    assert len(art.chair.get_xdata()) == 0


@pytest.mark.parametrize("stretch_id", stretch_ids())
def test_strip_has_a_numbered_panel_per_key_pose(stretch_id):
    """Each strip panel is titled with its number and key-pose name."""
    figure = key_pose_strip(stretch_id)
    titles = [ax.get_title(loc="left") for ax in figure.axes]
    assert titles == [
        f"{n}. {k.name.capitalize()}" for n, k in enumerate(key_poses(stretch_id), start=1)
    ]


def test_legend_explains_the_line_styles():
    """The legend names the solid affected leg and the dashed other leg (colour is never alone)."""
    art = draw_pose(body_pose(key_poses("figure-4")[0].posture))
    labels = [t.get_text() for t in art.ax.get_legend().get_texts()]
    assert "affected leg (solid)" in labels and "other leg (dashed)" in labels
