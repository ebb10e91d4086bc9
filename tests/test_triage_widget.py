"""Tests for lessons/red_flags/widget.py: ticking boxes updates the banner, the ladder and the
readout live, and the emergency answer is impossible to miss."""

from __future__ import annotations

import pytest

from lessons.red_flags.signs import LADDER_IDS, load_red_flags, read_red_flags
from lessons.red_flags.triage import NOT_A_DIAGNOSIS
from lessons.red_flags.widget import TriageExplorer, banner_html, what_should_i_do


@pytest.fixture
def ex() -> TriageExplorer:
    return what_should_i_do()


def test_there_is_one_labelled_box_per_sign_grouped_by_cause(ex):
    """Each sign is a checkbox labelled in patient words, inside its group's box."""
    flags = load_red_flags()
    assert list(ex.controls) == [sign.id for sign in flags.symptoms]
    assert all(ex.controls[s.id].description == s.label for s in flags.symptoms)
    groups = [child for child in ex.children if "course-triage-group" in child._dom_classes]
    assert len(groups) == len(flags.groups)


def test_nothing_ticked_says_routine_and_if_anything_changes_see_a_doctor(ex):
    """The starting answer is routine, with the caveat and what would change it."""
    assert ex.answer_text.startswith("ℹ ROUTINE")
    assert "see a doctor sooner if anything changes or worries you" in ex.readout_text
    assert "These would make it emergency now" in ex.readout_text
    assert ex.readout_text.endswith(NOT_A_DIAGNOSIS)


@pytest.mark.parametrize(
    ("ticks", "headline"),
    [
        (["one-leg-sciatica"], "ℹ ROUTINE"),
        (["knee-locks"], "◆ SOON"),
        (["child-limp"], "⚠ SAME DAY"),
        (["past-cancer", "new-numbness"], "⚠ SAME DAY"),
        (["child-limp", "bowel-control"], "‼ EMERGENCY NOW"),
    ],
)
def test_ticking_updates_the_answer_live_in_words_and_symbol(ex, ticks, headline):
    """Each tick changes the banner, the readout and the ladder's frame to the new answer."""
    for name in ticks:
        ex.controls[name].value = True
    assert ex.answer_text.splitlines()[0] == headline
    assert ex.readout_text.startswith(headline)
    assert headline in ex.banner.value
    assert ex.ladder.frame.get_y() < ex.ladder.rungs[ex.advice.level].get_y()
    assert ex.message.value == ""


def test_the_emergency_banner_is_impossible_to_miss(ex):
    """An emergency gets a thick frame, large bold capitals and an assertive screen-reader alert."""
    ex.controls["saddle-numbness"].value = True
    banner = ex.banner.value
    assert 'role="alert"' in banner and 'aria-live="assertive"' in banner
    assert "6px solid" in banner and "font-size:1.6em" in banner
    assert "course-triage-emergency-now" in banner
    assert "999" in banner


def test_unticking_all_goes_back_to_self_care(ex):
    """The Untick all button clears every box and shows the starting answer again."""
    start = ex.readout_text
    for name in ("both-legs", "past-cancer", "knee-locks"):
        ex.controls[name].value = True
    ex.reset.click()
    assert ex.ticked == []
    assert ex.readout_text == start


def test_words_from_the_data_file_are_escaped(tmp_path):
    """A group name or label with HTML in it is shown as text, never run as markup."""
    path = tmp_path / "flags.toml"
    steps = "".join(
        f'[[step]]\nid = "{step}"\nname = "{step}"\nsymbol = "!"\nheading = "H"\n'
        f'action = "A"\nclinician = "C"\nsource = "FACTS E5"\n'
        for step in LADDER_IDS
    )
    path.write_text(
        steps + '[[group]]\nid = "g"\nname = "<b>G</b>"\narea = "a & b"\nclinician = "C"\n'
        'source = "FACTS E"\n[[symptom]]\nid = "s"\ngroup = "g"\nlabel = "<i>L</i>"\n'
        'clinician = "C"\nstep = "emergency-now"\nreason = "R <x>"\nsource = "FACTS E"\n',
        encoding="utf-8",
    )
    ex = TriageExplorer(read_red_flags(path))
    ex.controls["s"].value = True
    heading = next(c for c in ex.children if "course-triage-group" in c._dom_classes).children[0]
    assert "&lt;b&gt;G&lt;/b&gt;" in heading.value and "a &amp; b" in heading.value
    assert "&lt;i&gt;L&lt;/i&gt;: R &lt;x&gt;" in ex.readout.value
    assert "<i>" not in banner_html(ex.advice)
