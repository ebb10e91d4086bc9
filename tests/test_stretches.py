"""Tests for lessons/stretches/catalog.py: the catalog loads and
checks itself; doses and the hold timer follow FACTS C6."""

from __future__ import annotations

import re

import pytest

from lessons.core.errors import DataFileError, OutOfRangeError
from lessons.red_flags.signs import load_red_flags
from lessons.stretches.catalog import (
    CATALOG_PATH,
    HOLD_RANGE_S,
    REPETITIONS_RANGE,
    TimerState,
    describe_dose,
    load_catalog,
    main,
    read_catalog,
    routine_item,
    routine_minutes,
)

CATALOG = load_catalog()
FIRST_STRETCH = 'id = "figure-4"'


def test_catalog_has_the_two_source_stretches_and_at_least_four_more():
    """The article's figure-4 and knee-to-opposite-shoulder are there, plus at least four others."""
    from_article = [s.id for s in CATALOG.stretches if s.from_article]
    assert from_article == ["figure-4", "knee-to-opposite-shoulder"]
    assert len(CATALOG.stretches) - len(from_article) >= 4


@pytest.mark.parametrize("stretch", CATALOG.stretches, ids=lambda s: s.id)
def test_every_stretch_is_complete_and_cites_facts(stretch):
    """Each stretch has numbered steps, a feel, stop signs
    including C7's two, who should ask first, and FACTS ids."""
    assert len(stretch.steps) >= 3
    assert stretch.feel and stretch.targets and stretch.starting_position and stretch.why
    assert any("spread further down the leg" in s for s in stretch.stop_signs)
    assert any("numbness or weakness" in s for s in stretch.stop_signs)
    assert stretch.avoid_or_ask_first
    assert any(re.fullmatch(r"FACTS [A-H]\d+", s) for s in stretch.sources)


@pytest.mark.parametrize("stretch", CATALOG.stretches, ids=lambda s: s.id)
def test_every_dose_is_the_c6_dose(stretch):
    """FACTS C6 and section F: a 30 s hold, twice (about 60 s in all), once a day."""
    assert (stretch.hold_s, stretch.repetitions, stretch.how_often) == (30, 2, "once a day")


def test_knee_to_opposite_shoulder_warns_about_hip_replacement_and_fair():
    """FACTS C5, in plain words: bent and crossed, the hip can dislocate after surgery from behind;
    the position provokes piriformis pain."""
    warnings = " ".join(CATALOG.stretch("knee-to-opposite-shoulder").avoid_or_ask_first)
    assert "hip replacement done through the back of the hip" in warnings
    assert "come out of its socket" in warnings
    assert "bring on piriformis pain" in warnings


def test_red_flags_box_is_in_patient_wording():
    """The red-flags box names the cauda equina signs in patient words (FACTS E4), each under
    the step the red-flag file gives it (FACTS E5), and no step is retyped in the catalog."""
    text = CATALOG.red_flags.text()
    for words in ("toilet paper", "both legs", "bowel", "foot that drags", "fever"):
        assert words in text
    flags = load_red_flags()
    for heading, signs in CATALOG.red_flags.sections:
        step = next(step for step in flags.steps if heading == f"{step.heading}:")
        assert all(flags.step(s.step) == step for s in flags.symptoms if s.label in signs)
    box = CATALOG_PATH.read_text(encoding="utf-8").split("[red_flags]")[1].split("[[stretch]]")[0]
    assert "same day" not in box.split("groups =")[1] and "emergency now" not in box.split(
        "groups =")[1]


def test_unknown_stretch_id_names_the_known_ones():
    """Asking for a stretch that is not there lists the ids that are."""
    with pytest.raises(Exception, match="figure-4"):
        CATALOG.stretch("cobra")


# ----------------------------------------------------------------------------- malformed files

TEXT = CATALOG_PATH.read_text(encoding="utf-8")


def _first_stretch_changed(old: str, new: str) -> str:
    """The catalog with one line of the first stretch replaced."""
    at = TEXT.index(old, TEXT.index(FIRST_STRETCH))
    return TEXT[:at] + new + TEXT[at + len(old):]


MALFORMED = [
    # (what is wrong, the changed text, entry, field, words in the message)
    (
        "misspelt field",
        _first_stretch_changed('feel = "A mild, steady', 'felt = "A mild, steady'),
        "figure-4",
        "felt",
        'did you mean "feel"',
    ),
    (
        "missing required field",
        _first_stretch_changed('how_often = "once a day"\n', ""),
        "figure-4",
        "how_often",
        "is missing",
    ),
    (
        "hold too long",
        _first_stretch_changed("hold_s = 30", "hold_s = 120"),
        "figure-4",
        "hold_s",
        "from 10 s to 60 s",
    ),
    (
        "hold in quotes",
        _first_stretch_changed("hold_s = 30", 'hold_s = "30 s"'),
        "figure-4",
        "hold_s",
        "whole number",
    ),
    (
        "too many repetitions",
        _first_stretch_changed("repetitions = 2", "repetitions = 10"),
        "figure-4",
        "repetitions",
        "from 1 to 4",
    ),
    (
        "unknown position",
        _first_stretch_changed('position = "supine"', 'position = "standing"'),
        "figure-4",
        "position",
        '"supine"',
    ),
    (
        "unknown kind",
        _first_stretch_changed('kind = "hold"', 'kind = "stretch"'),
        "figure-4",
        "kind",
        '"glide"',
    ),
    (
        "flag in quotes",
        _first_stretch_changed("from_article = true", 'from_article = "yes"'),
        "figure-4",
        "from_article",
        "true or false",
    ),
    (
        "unknown field",
        _first_stretch_changed("steps = [", 'steps = "Lie down."\nsteps_ = ['),
        "figure-4",
        "steps_",
        "not a field",
    ),
    (
        "empty step",
        _first_stretch_changed(
            '"Hold, breathing slowly, with', '"   ",\n    "Hold, breathing slowly, with'
        ),
        "figure-4",
        "steps",
        "empty text",
    ),
    (
        "no FACTS id in sources",
        _first_stretch_changed(
            'sources = ["FACTS C3", "FACTS C4", "FACTS C5", "FACTS C6", "FACTS C7"]',
            'sources = ["A physiotherapist"]',
        ),
        "figure-4",
        "sources",
        "cites no FACTS id",
    ),
    (
        "FACTS without id",
        _first_stretch_changed("(FACTS B4, C4)", "(FACTS)"),
        "figure-4",
        "targets",
        "without an id",
    ),
    (
        "stop sign repeating its heading",
        _first_stretch_changed("stop_signs = []", 'stop_signs = ["Stop if it hurts."]'),
        "figure-4",
        "stop_signs",
        'without "Stop if"',
    ),
    (
        "bad id",
        _first_stretch_changed(FIRST_STRETCH, 'id = "Figure 4"'),
        "stretch 1",
        "id",
        "lowercase",
    ),
    (
        "empty text",
        _first_stretch_changed(
            'feel = "A mild, steady stretch deep in the buttock of the affected side: '
            'tightness, not pain."',
            'feel = "  "',
        ),
        "figure-4",
        "feel",
        "is empty",
    ),
]


@pytest.mark.parametrize(
    "text, entry, field, words",
    [case[1:] for case in MALFORMED],
    ids=[case[0] for case in MALFORMED],
)
def test_each_malformed_entry_gets_its_own_clear_error(tmp_path, text, entry, field, words):
    """A malformed stretch fails with a DataFileError naming the file, the stretch and the field."""
    path = tmp_path / "stretches.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_catalog(path)
    error = caught.value
    assert (error.file, error.entry, error.field) == ("stretches.toml", entry, field), str(error)
    assert words in str(error)


def test_too_few_steps_is_refused(tmp_path):
    """A stretch needs at least three steps."""
    start = TEXT.index("steps = [", TEXT.index(FIRST_STRETCH))
    end = TEXT.index("]\n", start) + 2
    text = TEXT[:start] + 'steps = ["Lie down.", "Stretch."]\n' + TEXT[end:]
    path = tmp_path / "stretches.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"field 'steps': has 2 item\(s\); it needs at least 3"):
        read_catalog(path)


def test_duplicate_id_names_both_stretches(tmp_path):
    """Two stretches with one id are refused, naming their positions in the file."""
    path = tmp_path / "stretches.toml"
    path.write_text(TEXT.replace('id = "knee-to-chest"', 'id = "figure-4"'), encoding="utf-8")
    with pytest.raises(DataFileError, match="used by stretches 1 and 4"):
        read_catalog(path)


def test_invalid_toml_says_where(tmp_path):
    """A broken TOML file is reported as such, with the parser's position."""
    path = tmp_path / "stretches.toml"
    path.write_text(
        TEXT.replace('name = "Knee to opposite shoulder"', 'name = "Knee to'), encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="is not valid TOML"):
        read_catalog(path)


def test_red_flags_box_must_be_complete(tmp_path):
    """A red-flags box without its list of groups is refused, naming the box."""
    path = tmp_path / "stretches.toml"
    path.write_text(TEXT.replace("\ngroups = [", "\ngroupz = ["), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_catalog(path)
    assert caught.value.entry == "red_flags" and caught.value.field == "groupz"


def test_red_flags_box_names_only_groups_and_steps_of_the_red_flag_file(tmp_path):
    """A misspelt group or step is refused with the nearest right one."""
    path = tmp_path / "stretches.toml"
    path.write_text(TEXT.replace('"same-day", "soon"]', '"same day", "soon"]'), encoding="utf-8")
    with pytest.raises(DataFileError, match='did you mean "same-day"') as caught:
        read_catalog(path)
    assert caught.value.field == "steps"


def test_validate_command_reports_ok_and_errors(tmp_path, capsys):
    """``python -m lessons.stretches.catalog validate`` says ok for
    the catalog and prints the error for a bad file."""
    assert main(["validate"]) == 0
    assert "ok: lessons/data/stretches.toml (" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text(TEXT.replace("hold_s = 30", "hold_s = 5", 1), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert f"error: {bad}: figure-4: hold_s is 5 s" in capsys.readouterr().err


# ----------------------------------------------------------------------------- doses and routines

@pytest.mark.parametrize(
    "hold_s, repetitions, kind, expected",
    [
        (30, 2, "hold", "Hold 30 s, 2 times (60 s in all), once a day."),  # FACTS C6 / F
        (15, 4, "hold", "Hold 15 s, 4 times (60 s in all), once a day."),  # ACSM 2-4 reps to ~60 s
        (60, 1, "hold", "Hold 60 s, once (60 s in all), once a day."),  # 60 s matches 30 s (C6)
        (30, 2, "glide", "Move slowly for 30 s, 2 times (60 s in all), once a day."),
    ],
)
def test_describe_dose(hold_s, repetitions, kind, expected):
    """The dose reads as the card prints it, with the total time."""
    assert describe_dose(hold_s, repetitions, kind=kind) == expected


@pytest.mark.parametrize(
    "hold_s, repetitions", [(5, 2), (61, 2), (30, 0), (30, 5), (float("nan"), 2)]
)
def test_out_of_range_doses_are_refused(hold_s, repetitions):
    """Holds outside 10-60 s and repetitions outside 1-4 raise OutOfRangeError (FACTS C6)."""
    with pytest.raises(OutOfRangeError):
        routine_item(CATALOG.stretch("figure-4"), hold_s, repetitions)


def test_ranges_match_facts_c6():
    """ACSM: holds 10-30 s (30-60 s in older adults),
    2-4 repetitions; one allowed for a first try."""
    assert HOLD_RANGE_S == (10, 60) and REPETITIONS_RANGE == (1, 4)


def test_routine_minutes_adds_holds_and_rests():
    """Two stretches at 30 s x 2 take two minutes, three with 15 s rests between holds."""
    items = [
        routine_item(CATALOG.stretch("figure-4")),
        routine_item(CATALOG.stretch("knee-to-chest")),
    ]
    assert routine_minutes(items) == 2.0
    assert routine_minutes(items, rest_s=15) == 3.0


# ----------------------------------------------------------------------------- the hold timer

def test_timer_start_pause_resume_counts_the_same_seconds():
    """Pausing keeps the seconds held; resuming carries on from them."""
    t = TimerState(30, 2).start().tick(10).pause()
    assert (t.status, t.remaining_s) == ("paused", 20)
    assert t.tick(25).remaining_s == 20  # ticks while paused are ignored
    t = t.start()
    assert (t.status, t.remaining_s) == ("holding", 20)
    assert t.tick(29).remaining_s == 1


def test_timer_counts_repetitions_then_finishes():
    """Each full hold completes a repetition; after the
    last the timer is finished, and Start begins again."""
    t = TimerState(hold_s=10, repetitions=3)
    for done in (1, 2):
        t = t.start().tick(10)
        assert (t.status, t.completed, t.current) == ("rest", done, done + 1)
    t = t.start().tick(10)
    assert (t.status, t.completed) == ("finished", 3)
    assert "Finished: 3 of 3" in t.describe()
    t = t.start()
    assert (t.status, t.completed, t.elapsed_s) == ("holding", 0, 0)


def test_timer_reset_takes_a_new_dose_and_checks_it():
    """Reset returns to ready with a new dose; a dose outside FACTS C6's range is refused."""
    t = TimerState().start().tick(5).reset(hold_s=45, repetitions=3)
    assert (t.status, t.hold_s, t.repetitions, t.elapsed_s) == ("ready", 45, 3, 0)
    with pytest.raises(OutOfRangeError):
        TimerState(hold_s=90)


def test_timer_ignores_ticks_before_start():
    """A tick that arrives before Start does nothing."""
    assert TimerState().tick(12) == TimerState()
