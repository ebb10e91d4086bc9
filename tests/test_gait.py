"""Tests for lessons/gait.py: the gait-cycle timeline against FACTS A5-A6."""

from __future__ import annotations

import itertools

import pytest

from lessons.errors import OutOfRangeError
from lessons.gait import (
    DOUBLE_SUPPORT_PCT,
    ILLUSTRATIVE_DROP_DEG,
    GaitInputs,
    describe,
    gait_cycle,
    moment,
)


@pytest.mark.parametrize("side", ["right", "left"])
def test_normal_gait_is_60_percent_stance_and_40_swing(side):
    """Each leg stands 60 % and swings 40 % of the cycle (FACTS A6)."""
    cycle = gait_cycle()
    assert cycle.stance_pct(side) == 60.0
    assert cycle.swing_pct(side) == 40.0
    assert cycle.step_pct(side) == 50.0


def test_double_support_follows_from_60_40():
    """Two double-support spells of 10 % each, because 60 = 10 + 40 + 10."""
    assert DOUBLE_SUPPORT_PCT == 10.0


@pytest.mark.parametrize(
    ("t_pct", "support"),
    [
        (5, "double support"),
        (30, "single-leg stance on the right leg"),
        (55, "double support"),
        (80, "single-leg stance on the left leg"),
    ],
)
def test_the_phases_of_a_normal_cycle(t_pct, support):
    """From right heel strike: double support, right
    single stance, double support, left single stance."""
    assert moment(gait_cycle(), t_pct).support == support


@pytest.mark.parametrize(("sore", "sound"), [("right", "left"), ("left", "right")])
@pytest.mark.parametrize("shortening", [4.0, 8.0, 15.0])
def test_antalgic_gait_shortens_the_painful_stance_and_the_other_step(sore, sound, shortening):
    """Pain shortens the painful leg's stance and the other leg's swing and step (FACTS A6)."""
    cycle = gait_cycle(GaitInputs(painful_side=sore, stance_shortening_pct=shortening))
    assert cycle.stance_pct(sore) == pytest.approx(60.0 - shortening)
    assert cycle.stance_pct(sound) == pytest.approx(60.0 + shortening)
    assert cycle.swing_pct(sound) == pytest.approx(40.0 - shortening)
    assert cycle.step_pct(sound) == pytest.approx(50.0 - shortening)
    assert cycle.step_pct(sore) + cycle.step_pct(sound) == pytest.approx(100.0)


def test_each_legs_spells_tile_the_cycle():
    """Stance and swing spells of each leg cover 0-100 % without gaps or overlaps."""
    cycle = gait_cycle(GaitInputs(painful_side="left", stance_shortening_pct=12))
    for side in ("right", "left"):
        spells = cycle.intervals(side)
        assert spells[0][0] == 0.0 and spells[-1][1] == 100.0
        assert all(a[1] == b[0] for a, b in itertools.pairwise(spells))


@pytest.mark.parametrize(
    ("weak", "t_pct", "drop_side"),
    [
        ("right", 30, "left"),
        ("right", 80, "none"),
        ("left", 80, "right"),
        ("left", 30, "none"),
        ("right", 5, "none"),
    ],
)
def test_trendelenburg_drops_the_swing_side_only_in_single_stance_on_the_weak_leg(
    weak, t_pct, drop_side
):
    """The pelvis drops on the swing side when the weak-abductor leg stands alone (FACTS A5)."""
    m = moment(gait_cycle(GaitInputs(weak_abductors_side=weak)), t_pct)
    assert m.drop_side == drop_side
    assert m.pelvic_drop_deg == (ILLUSTRATIVE_DROP_DEG if drop_side != "none" else 0.0)


def test_readout_labels_made_up_magnitudes_as_illustrative():
    """Where FACTS gives no number, the readout says the amount is illustrative."""
    text = describe(gait_cycle(GaitInputs(painful_side="right", weak_abductors_side="right")), 30)
    assert text.count("illustrative") == 2
    assert "shorter step" in text and "walking also slows" in text
    assert "now the pelvis drops on the left side" in text


def test_an_out_of_range_shortening_raises_the_course_error():
    """A shortening beyond the slider range is refused with the course's error."""
    with pytest.raises(OutOfRangeError, match="stance_shortening_pct"):
        GaitInputs(stance_shortening_pct=-1)


def test_an_unknown_side_is_refused():
    """Sides are none, right or left."""
    with pytest.raises(ValueError, match="painful_side"):
        GaitInputs(painful_side="both")
