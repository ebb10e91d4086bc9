"""Tests for lessons/hip_load/widget.py: controls drive the model, the diagram and the readout."""

from __future__ import annotations

import pytest

from lessons.hip_load.model import HipLoadInputs, describe, hip_load
from lessons.hip_load.widget import DEFAULTS, hip_load_explorer


def test_starts_at_the_typical_adult_and_says_so():
    """The first readout is the model's description of the FACTS section F defaults."""
    ex = hip_load_explorer()
    assert ex.readout_text == describe(hip_load(HipLoadInputs()))
    assert ex.controls["cane_force_pct_bw"].disabled


def test_choosing_the_opposite_hand_uses_the_cane_and_rewrites_the_readout():
    """Picking the opposite hand enables the cane force
    and the readout shows the fall and the caveat."""
    ex = hip_load_explorer()
    ex.controls["cane_hand"].value = "opposite"
    assert not ex.controls["cane_force_pct_bw"].disabled
    assert "cuts the model's hip force by 60 %" in ex.readout_text
    assert "overstates" in ex.readout_text
    assert ex.artists.labels["joint"].get_text() == "Joint reaction\n1.00 BW"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("body_weight_lever_cm", 15.0, "b/a = 3.0"),
        ("trunk_lean_cm", 8.0, "shortens b from 10.0 cm to 2.0 cm"),
        ("body_mass_kg", 100.0, "100 kg (body weight 981 N)"),
        ("abductor_angle_deg", 60.0, "line of pull 60°"),
    ],
)
def test_each_slider_changes_the_readout(name, value, expected):
    """Moving any slider updates the readout with the new situation."""
    ex = hip_load_explorer()
    ex.controls[name].value = value
    assert expected in ex.readout_text


def test_reset_returns_every_control_to_its_default():
    """Reset puts back the typical adult without a cane."""
    ex = hip_load_explorer(cane_hand="same", trunk_lean_cm=5.0)
    ex.children[-2].children[-1].click()
    assert {name: c.value for name, c in ex.controls.items()} == DEFAULTS
    assert "No cane" in ex.readout_text


# -- the patient version (the clinic page) --------------------------------------------------

from lessons.core.errors import CourseError  # noqa: E402
from lessons.core.plain_words import load_plain_words  # noqa: E402
from lessons.hip_load.widget import plain_readout  # noqa: E402

WORDS = load_plain_words()


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"cane_hand": "opposite"},
        {"cane_hand": "same"},
        {"trunk_lean_cm": 10.0},
        {"body_weight_lever_cm": 15.0, "body_mass_kg": 120.0},
    ],
    ids=["standing", "stick opposite", "stick same side", "lean past the hip", "heavier, wider"],
)
def test_the_patient_explorer_reads_in_plain_words_and_follows_the_model(changes):
    """audience="patient": the readout is plain_readout of the same state; no symbol,
    newton or jargon."""
    ex = hip_load_explorer(audience="patient")
    for name, value in changes.items():
        ex.controls[name].value = value
    load = hip_load(HipLoadInputs(**{**DEFAULTS, **changes}))
    assert ex.readout_text == plain_readout(load)
    shown = [
        ex.readout_text,
        *(c.description for c in ex.controls.values()),
        *(label.get_text() for label in ex.artists.labels.values()),
        ex.artists.lever_b_label.get_text(),
    ]
    shown += [str(o[0]) for o in ex.controls["cane_hand"].options]
    for text in shown:
        assert WORDS.jargon_in(text) == [] and "FACTS" not in text, text


@pytest.mark.parametrize(
    "changes, words",
    [
        (
            {},
            "your hip joint carries about 2½ times your body weight, "
            "as if about 174 kg pressed on it",
        ),
        (
            {"cane_hand": "opposite", "cane_force_pct_bw": 15.0},
            "lowers the load on this hip by about 60 %",
        ),
        ({"cane_hand": "same", "cane_force_pct_bw": 15.0}, "raises the load on this hip"),
        (
            {"trunk_lean_cm": 10.0},
            "right over the hip, so the muscles at the side of the hip hardly need to pull",
        ),
        (
            {"trunk_lean_cm": 4.0, "cane_hand": "opposite", "cane_force_pct_bw": 20.0},
            "other muscles, not in this picture, keep you balanced",
        ),
    ],
)
def test_the_plain_readout_states_what_the_picture_shows_in_numbers(changes, words):
    """The plain words still give numbers: times body weight (FACTS A2), the stick's saving (A3),
    the lean (A4)."""
    assert words in plain_readout(hip_load(HipLoadInputs(**{**DEFAULTS, **changes})))


def test_the_student_explorer_keeps_its_terms_and_a_bad_audience_is_refused():
    """The lesson's version still shows W′, b/a and newtons; an unknown audience is an error."""
    student = hip_load_explorer()
    assert (
        "W′" in student.readout_text
        and "b/a" in student.readout_text
        and " N)" in student.readout_text
    )
    assert student.controls["body_weight_lever_cm"].description == "Body-weight lever arm b, cm"
    with pytest.raises(CourseError, match="audience"):
        hip_load_explorer(audience="doctor")
