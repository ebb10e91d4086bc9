"""Tests for lessons/poses.py: every stretch has key poses that
sit on the floor or chair, and the figure-4 really crosses."""

from __future__ import annotations

import math
import re
from pathlib import Path

import nbformat
import pytest

from lessons.errors import CourseError, OutOfRangeError
from lessons.limb import JointAngles
from lessons.poses import (
    ANATOMY_FRACTIONS,
    Posture,
    ankle_to_other_thigh_m,
    body_pose,
    describe_pose,
    interpolate,
    key_poses,
    pose_at,
    stretch_ids,
)
from lessons.stretches import load_catalog

CATALOG = load_catalog()


def test_every_catalog_stretch_has_key_poses_in_its_own_position():
    """Each stretch in the catalog has poses, starting
    from the catalog's position (lying or sitting)."""
    assert set(stretch_ids()) == set(CATALOG.ids)
    for stretch in CATALOG.stretches:
        poses = key_poses(stretch.id)
        assert len(poses) >= 3
        assert {k.posture.base for k in poses} == {stretch.position}


@pytest.mark.parametrize("stretch_id", stretch_ids())
@pytest.mark.parametrize("height_m", [1.50, 1.75, 2.00])
def test_no_pose_goes_through_the_floor(stretch_id, height_m):
    """Every point of every key pose is on or above the
    floor (1 cm allowance), for small and tall bodies."""
    for key in key_poses(stretch_id):
        pose = body_pose(key.posture, height_m)
        assert min(z for _, z in pose.points()) > -0.01 * height_m / 1.75, key.name


@pytest.mark.parametrize(
    "stretch_id, key",
    [
        ("figure-4", "cross"),
        ("figure-4", "hold"),
        ("seated-piriformis", "cross"),
        ("seated-piriformis", "hold"),
    ],
)
def test_figure_4_positions_rest_the_ankle_on_the_other_thigh(stretch_id, key):
    """The article's figure 4: the affected ankle lies on the
    other thigh near the knee (within 3 cm, side view)."""
    posture = next(k.posture for k in key_poses(stretch_id) if k.name == key)
    assert ankle_to_other_thigh_m(body_pose(posture)) < 0.03


def test_knee_to_opposite_shoulder_hold_is_the_cadaver_position():
    """FACTS C4: piriformis lengthened most at 90° hip and knee flexion with 30° adduction."""
    hold = key_poses("knee-to-opposite-shoulder")[-1].posture.affected
    assert (hold.hip_flexion_deg, hold.knee_flexion_deg, hold.hip_abduction_deg) == (90, 90, -30)


@pytest.mark.parametrize(
    "stretch_id", ["figure-4", "knee-to-opposite-shoulder", "seated-piriformis", "knee-to-chest"]
)
def test_knee_stays_bent_in_the_hold(stretch_id):
    """FACTS C7: these stretches keep the knee bent (at
    least 90°), which slackens the sciatic nerve."""
    assert key_poses(stretch_id)[-1].posture.affected.knee_flexion_deg >= 90


def test_bent_knee_hamstring_keeps_some_bend_and_a_relaxed_ankle():
    """FACTS C7: the hamstring hold never straightens the knee fully nor pulls the ankle up."""
    hold = key_poses("bent-knee-hamstring")[-1].posture.affected
    assert hold.knee_flexion_deg >= 20 and hold.ankle_dorsiflexion_deg <= 0


def test_nerve_glide_pairs_knee_straightening_with_looking_up():
    """FACTS B8: neck flexion sensitises nerve tension, so
    the glide never bends the neck with the knee straight."""
    for key in key_poses("seated-nerve-glide"):
        p = key.posture
        if p.affected.knee_flexion_deg < 45:
            assert p.neck_flexion_deg < 0


def test_supine_hips_lie_one_head_radius_above_the_floor():
    """Lying down, the hip centres are 0.065 H above the
    floor, so the head (radius 0.065 H) rests on it."""
    pose = body_pose(key_poses("knee-to-chest")[0].posture, 1.80)
    assert pose.pelvis[1] == pytest.approx(ANATOMY_FRACTIONS["head_radius"] * 1.80)
    assert pose.head_centre[1] == pytest.approx(pose.head_radius_m, abs=1e-9)


def test_seated_supporting_foot_stands_on_the_floor():
    """Sitting, the supporting foot is flat on the floor: heel and toe at floor level."""
    pose = body_pose(key_poses("seated-piriformis")[0].posture)
    assert pose.other["heel"][1] == pytest.approx(0.0, abs=0.002)
    assert pose.other["toe"][1] == pytest.approx(0.0, abs=0.002)


def test_arm_segments_keep_their_lengths():
    """The elbow is placed so the upper arm keeps its length (0.186 H) in every key pose."""
    for sid in stretch_ids():
        for key in key_poses(sid):
            pose = body_pose(key.posture)
            assert math.dist(pose.shoulder, pose.elbow) == pytest.approx(0.186 * 1.75, rel=1e-6)


@pytest.mark.parametrize(
    "progress, index, t", [(0, 0, 0.0), (25, 0, 0.5), (50, 1, 0.0), (100, 2, 0.0)]
)
def test_pose_at_walks_through_the_key_poses(progress, index, t):
    """0 % is the start, 50 % the middle key pose of three, 100 % the hold."""
    _, got_index, got_t = pose_at("knee-to-chest", progress)
    assert (got_index, got_t) == (index, t)


def test_interpolate_blends_angles_and_refuses_mixed_bases():
    """Halfway between two postures every angle is halfway; lying and sitting cannot be blended."""
    lying = key_poses("knee-to-chest")
    mid = interpolate(lying[0].posture, lying[2].posture, 0.5)
    assert mid.affected.knee_flexion_deg == pytest.approx((90 + 120) / 2)
    with pytest.raises(CourseError):
        interpolate(lying[0].posture, key_poses("seated-piriformis")[0].posture, 0.5)


@pytest.mark.parametrize("bad", [-1, 101, float("nan")])
def test_progress_outside_0_to_100_is_refused(bad):
    """The progress through a stretch must be 0-100 %."""
    with pytest.raises(OutOfRangeError):
        pose_at("figure-4", bad)


def test_posture_checks_its_fields():
    """A lying posture cannot lean forward; an unknown grip is refused."""
    with pytest.raises(OutOfRangeError):
        Posture("supine", JointAngles(), JointAngles(), trunk_lean_deg=20)
    with pytest.raises(CourseError):
        Posture("seated", JointAngles(), JointAngles(), hands="elbows")


def test_unknown_stretch_has_no_poses():
    """Asking for poses of an unknown stretch names the known ones."""
    with pytest.raises(CourseError, match="figure-4"):
        key_poses("cobra")


def test_describe_pose_says_the_key_position_and_the_movement():
    """The words name the key position or the movement
    between two, and the affected hip and knee."""
    assert describe_pose("figure-4", 0).startswith("Key position 1 of 3 (start)")
    moving = describe_pose("figure-4", 25)
    assert moving.startswith("Moving from key position 1 (start) to 2 (cross), 50 % of the way.")
    assert "external (outward) rotation" in describe_pose("figure-4", 100)
    assert "Trunk leaning 35° forwards" in describe_pose("seated-piriformis", 100)


# -- knee to opposite shoulder: the words agree with the pose (FACTS C4, C5) -----------------

KTOS = "knee-to-opposite-shoulder"
LESSON_04 = Path(__file__).resolve().parent.parent / "notebooks" / "04-Stretches-For-Sciatica.ipynb"
_INWARD = re.compile(
    r"\b(?:turn\w*|rotat\w*)\b[^.;:]*\binwards?\b|\binward-turned\b|\binternal rotation\b", re.I
)
_DENIED = re.compile(r"\b(?:not|no|without)\b[^.;:]*\b(?:turn|rotation|inward)", re.I)


def _card_sentences() -> list[str]:
    """The catalog's words for the stretch (what the card and viewer print), one sentence each."""
    s = CATALOG.stretch(KTOS)
    text = " ".join(
        [
            s.targets,
            s.starting_position,
            *s.steps,
            s.feel,
            *s.stop_signs,
            *s.avoid_or_ask_first,
            s.why,
        ]
    )
    return [part for part in re.split(r"(?<=[.;])\s+", text) if part]


def _lesson_lines() -> list[str]:
    """Lesson 04's markdown lines that name this stretch (one sentence per line in lessons)."""
    nb = nbformat.read(LESSON_04, as_version=4)
    lines = [
        line
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
    ]
    return [line for line in lines if re.search(r"knee[ -]to[ -]opposite[ -]shoulder", line, re.I)]


def _held():
    return key_poses(KTOS)[-1].posture.affected


def test_knee_to_opposite_shoulder_text_says_what_the_pose_does_with_rotation():
    """The card and lesson 04 say the stretch does not turn the hip inwards exactly when the held
    pose has no rotation."""
    turns_in = round(_held().hip_rotation_deg) > 0  # positive = internal (lessons.limb)
    for name, sentences in (("card", _card_sentences()), ("lesson 04", _lesson_lines())):
        claims = [s for s in sentences if _INWARD.search(s) and not _DENIED.search(s)]
        denials = [s for s in sentences if _DENIED.search(s)]
        if turns_in:
            assert claims, f"the {name} never says the stretch turns the hip inwards"
        else:
            assert not claims, f"the {name} says the stretch turns the hip inwards: {claims}"
            assert denials, f"the {name} does not say the stretch leaves the hip unturned"


def test_knee_to_opposite_shoulder_angles_in_words_match_the_pose():
    """Hip flexion and the angle across the body in the caption, card and lesson are the pose's."""
    held = _held()
    flexion, across = round(held.hip_flexion_deg), round(-held.hip_abduction_deg)
    caption = key_poses(KTOS)[-1].caption
    assert re.search(r"hip (\d+)°, (\d+)° across", caption).groups() == (str(flexion), str(across))
    card = " ".join(_card_sentences())
    assert f"bends the hip to a right angle ({flexion}°)" in card and flexion == 90
    lesson = "\n".join(_lesson_lines())
    assert f"bends the hip to {flexion}°" in lesson
    cadaver = nbformat.reads(LESSON_04.read_text(encoding="utf-8"), as_version=4)
    text = "\n".join(c.source for c in cadaver.cells if c.cell_type == "markdown")
    assert f"bent to {flexion}° and the hip brought {across}° across the body" in text
    assert "The viewer's held position uses exactly those angles" in text


def test_knee_to_opposite_shoulder_breaks_only_the_precautions_the_lesson_names():
    """Of the three hip precautions (FACTS C5) the held pose crosses the midline, reaches 90° and
    does not turn in."""
    held = _held()
    assert held.hip_abduction_deg < 0  # across the midline
    assert held.hip_flexion_deg == pytest.approx(90)  # at the limit, not past it
    assert round(held.hip_rotation_deg) == 0  # no inward turn
    lesson = "\n".join(_lesson_lines())
    assert "does all three" not in lesson and "crosses the midline" in lesson
