"""Tests for lessons/hip_load.py: the single-leg-stance free-body model against FACTS A1-A4."""

from __future__ import annotations

import math

import pytest

from lessons.errors import OutOfRangeError
from lessons.hip_load import (
    G_M_PER_S2,
    IN_VIVO_HIP_BW,
    SUPPORTED_WEIGHT_BW,
    HipLoadInputs,
    cane_effect,
    describe,
    hip_load,
)


def test_supported_weight_is_body_weight_minus_winters_leg():
    """W′ is 1 − (0.100 + 0.0465 + 0.0145) = 0.839 BW, about 0.84 (FACTS A1)."""
    assert SUPPORTED_WEIGHT_BW == pytest.approx(0.839)
    assert round(SUPPORTED_WEIGHT_BW, 2) == 0.84


@pytest.mark.parametrize(
    ("a_cm", "b_cm", "abductor_bw", "joint_bw"),
    [
        (5, 10, 1.7, 2.5),  # FACTS A2, b/a = 2
        (5, 15, 2.5, 3.3),  # FACTS A2, b/a = 3
    ],
)
def test_worked_magnitudes_match_facts_a2(a_cm, b_cm, abductor_bw, joint_bw):
    """The model reproduces A2's worked numbers to the one decimal A2 gives."""
    load = hip_load(HipLoadInputs(abductor_lever_cm=a_cm, body_weight_lever_cm=b_cm))
    assert load.abductor_force_bw == pytest.approx(abductor_bw, abs=0.05)
    assert load.joint_force_bw == pytest.approx(joint_bw, abs=0.05)


def test_moment_balance_and_vector_sum_hold():
    """F_ab·a = W′·b, and the joint force is the vector
    sum of W′ + F_ab·sin θ and F_ab·cos θ (FACTS A1)."""
    load = hip_load(
        HipLoadInputs(abductor_lever_cm=6, body_weight_lever_cm=12, abductor_angle_deg=65)
    )
    assert load.abductor_force_bw * 6 == pytest.approx(SUPPORTED_WEIGHT_BW * 12)
    theta = math.radians(65)
    vertical = SUPPORTED_WEIGHT_BW + load.abductor_force_bw * math.sin(theta)
    horizontal = load.abductor_force_bw * math.cos(theta)
    assert load.joint_force_bw == pytest.approx(math.hypot(vertical, horizontal))


@pytest.mark.parametrize(("b_cm", "low", "high"), [(1, 0.95, 1.05), (3, 1.25, 1.35)])
def test_trunk_lean_to_a_short_lever_brings_the_load_near_one_body_weight(b_cm, low, high):
    """Leaning until b is 1-3 cm gives about 1.0-1.3 BW at the hip (FACTS A4)."""
    load = hip_load(HipLoadInputs(body_weight_lever_cm=10, trunk_lean_cm=10 - b_cm))
    assert load.effective_lever_cm == pytest.approx(b_cm)
    assert low <= load.joint_force_bw <= high


@pytest.mark.parametrize(
    ("cane_pct", "lever_cm"), [(10, 40), (10, 50), (15, 40), (15, 45), (15, 50)]
)
def test_opposite_hand_cane_cuts_the_static_force_by_35_to_65_percent(cane_pct, lever_cm):
    """A 10-15 % BW cane at 40-50 cm in the opposite hand
    lowers the model's joint force 35-65 % (FACTS A3)."""
    inputs = HipLoadInputs(cane_force_pct_bw=cane_pct, cane_hand="opposite", cane_lever_cm=lever_cm)
    assert -0.655 <= cane_effect(inputs) <= -0.35


def test_opposite_hand_cane_follows_the_formula_of_facts_a3():
    """F_ab = (W′·b − C·d)/a and vertical = W′ − C + F_ab·sin 70° (FACTS A3)."""
    load = hip_load(HipLoadInputs(cane_force_pct_bw=12, cane_hand="opposite", cane_lever_cm=45))
    f_ab = (SUPPORTED_WEIGHT_BW * 10 - 0.12 * 45) / 5
    assert load.abductor_force_bw == pytest.approx(f_ab)
    assert load.joint_vertical_bw == pytest.approx(
        SUPPORTED_WEIGHT_BW - 0.12 + f_ab * math.sin(math.radians(70))
    )


@pytest.mark.parametrize("cane_pct", [5, 10, 15, 20])
def test_same_hand_cane_makes_the_abductors_and_the_joint_work_harder(cane_pct):
    """A cane outside the stance hip adds to the weight's moment, so both forces rise."""
    base = hip_load(HipLoadInputs())
    load = hip_load(HipLoadInputs(cane_force_pct_bw=cane_pct, cane_hand="same"))
    assert load.cane_position_cm == pytest.approx(-(45 - 18))
    assert load.abductor_force_bw > base.abductor_force_bw
    assert load.joint_force_bw > base.joint_force_bw


def test_no_cane_ignores_the_cane_force():
    """With no cane in hand, the cane-force setting changes nothing."""
    assert hip_load(HipLoadInputs(cane_force_pct_bw=20)).joint_force_bw == pytest.approx(
        hip_load(HipLoadInputs()).joint_force_bw
    )


@pytest.mark.parametrize("mass_kg", [50, 70, 100])
def test_forces_in_newtons_scale_with_body_mass_and_g(mass_kg):
    """Body weight is mass × 9.81 N, and body-weight multiples do not depend on mass."""
    load = hip_load(HipLoadInputs(body_mass_kg=mass_kg))
    assert load.inputs.body_weight_n == pytest.approx(mass_kg * G_M_PER_S2)
    assert load.newtons(load.joint_force_bw) == pytest.approx(load.joint_force_bw * mass_kg * 9.81)
    assert load.joint_force_bw == pytest.approx(hip_load().joint_force_bw)


def test_a_b_over_a_of_two_lands_near_the_in_vivo_walking_peak():
    """b/a = 2 gives a force within 0.15 BW of the 2.38 BW measured walking (FACTS A2)."""
    assert hip_load().joint_force_bw == pytest.approx(
        IN_VIVO_HIP_BW["walking (about 4 km/h)"], abs=0.15
    )


@pytest.mark.parametrize(
    ("a_cm", "b_cm", "joint_bw", "inside_in_vivo"),
    [
        (5, 10, 2.5, True),  # FACTS A2 (corrected): b/a = 2 lands near the measured 2.4-2.6 BW
        (5, 12.5, 2.9, False),  # FACTS A2 (corrected): b/a = 2.5 already overshoots
        (6, 15, 2.9, False),  # the same ratio with other levers gives the same force
        (4, 10, 2.9, False),
    ],
)
def test_only_a_b_over_a_of_about_two_matches_the_implants(a_cm, b_cm, joint_bw, inside_in_vivo):
    """b/a = 2 gives ≈ 2.5 BW, inside the measured 2.38-2.60 BW;
    b/a = 2.5 gives ≈ 2.9 BW, beyond them (FACTS A2)."""
    force = hip_load(
        HipLoadInputs(abductor_lever_cm=a_cm, body_weight_lever_cm=b_cm)
    ).joint_force_bw
    assert force == pytest.approx(joint_bw, abs=0.05)
    low, high = min(IN_VIVO_HIP_BW.values()), max(IN_VIVO_HIP_BW.values())
    assert (low - 0.15 <= force <= high + 0.15) is inside_in_vivo


def test_past_the_hip_the_abductors_stop_and_the_readout_says_so():
    """When the weight's line crosses the hip the
    abductors cannot push: force 0, flagged, explained."""
    load = hip_load(HipLoadInputs(trunk_lean_cm=5, cane_force_pct_bw=20, cane_hand="opposite"))
    assert load.abductor_force_bw == 0
    assert not load.abductors_balance
    assert "past the hip" in describe(load)


def test_readout_states_forces_in_body_weights_and_newtons_and_the_in_vivo_comparison():
    """The readout names both forces with units and quotes Bergmann 2001."""
    text = describe(hip_load())
    assert "abductor force 1.68 × body weight (1,152 N)" in text
    assert "hip joint force 2.48 × body weight" in text
    assert "Bergmann 2001" in text


@pytest.mark.parametrize(
    "inputs", [HipLoadInputs(), HipLoadInputs(body_weight_lever_cm=15, abductor_lever_cm=6)]
)
def test_readout_says_only_a_b_over_a_of_about_two_matches_the_implants(inputs):
    """Whatever the levers, the readout says b/a ≈ 2 gives 2.5 BW
    and b/a = 2.5 already 2.9 BW (FACTS A2, corrected)."""
    text = describe(hip_load(inputs))
    assert "Only a b/a of about 2 lands near these (2.5 × body weight upright, no cane)" in text
    assert "b/a = 2.5 already gives 2.9, more than any of them" in text
    assert "2 to 2.5" not in text


def test_readout_warns_that_the_model_overstates_the_cane():
    """With an opposite-hand cane the readout says the
    static model overstates its benefit (FACTS A3)."""
    text = describe(hip_load(HipLoadInputs(cane_force_pct_bw=15, cane_hand="opposite")))
    assert "cuts the model's hip force by 60 %" in text
    assert "overstates" in text


def test_readout_explains_the_same_hand_cane():
    """With a same-hand cane the readout says the hip force rises and why."""
    text = describe(hip_load(HipLoadInputs(cane_force_pct_bw=15, cane_hand="same")))
    assert "raises the model's hip force" in text
    assert "outside the hip" in text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("abductor_lever_cm", 3),
        ("body_weight_lever_cm", 20),
        ("cane_force_pct_bw", 25),
        ("body_mass_kg", math.nan),
    ],
)
def test_out_of_range_inputs_raise_the_course_error(field, value):
    """Values outside the model's range raise OutOfRangeError naming the field."""
    with pytest.raises(OutOfRangeError, match=field):
        HipLoadInputs(**{field: value})


def test_an_unknown_cane_hand_is_refused():
    """The cane hand must be none, opposite or same."""
    with pytest.raises(ValueError, match="cane_hand"):
        HipLoadInputs(cane_hand="left")


def test_the_quiz_cane_answer_is_what_the_model_gives():
    """The lesson 2 quiz's cane question matches the model's
    fall with the explorer's defaults (no drift)."""
    from lessons.hip_load_widget import DEFAULTS
    from lessons.quiz import grade, load_bank

    question = load_bank("02-knee-and-hip").question("cane-opposite-hand")
    inputs = HipLoadInputs(**{**DEFAULTS, "cane_hand": "opposite", "cane_force_pct_bw": 15})
    fall_pct = -100 * cane_effect(inputs)
    assert abs(fall_pct - question.answer) <= question.tolerance / 3
    assert grade(question, f"{fall_pct:.1f}").correct


def test_the_quiz_lever_answer_is_what_the_model_gives():
    """The quiz's b = 15 cm question matches the model's
    joint force with the explorer's defaults."""
    from lessons.hip_load_widget import DEFAULTS
    from lessons.quiz import grade, load_bank

    question = load_bank("02-knee-and-hip").question("lever-ratio-three")
    force = hip_load(HipLoadInputs(**{**DEFAULTS, "body_weight_lever_cm": 15})).joint_force_bw
    assert abs(force - question.answer) <= question.tolerance / 2
    assert grade(question, f"{force:.2f}").correct
