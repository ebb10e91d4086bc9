"""Tests for lessons/stretches/widget.py: the viewer moves and explains,
the timer counts in the kernel's state, the builder saves."""

from __future__ import annotations

import pytest

from lessons.stretches.catalog import load_catalog
from lessons.stretches.poses import describe_pose
from lessons.stretches.widget import hold_timer, routine_builder, stretch_viewer

CATALOG = load_catalog()


def test_viewer_slider_moves_the_figure_and_the_readout():
    """Moving through the stretch changes the drawn leg and the words."""
    viewer = stretch_viewer()
    before = viewer.artists.affected_leg.get_xydata().tolist()
    viewer.controls["progress_pct"].value = 100
    assert viewer.artists.affected_leg.get_xydata().tolist() != before
    assert viewer.readout_text == describe_pose("figure-4", 100)


def test_play_drives_the_slider():
    """A tick of the browser's Play control moves the frame slider (and so the figure)."""
    viewer = stretch_viewer()
    viewer.play.value = 50
    assert viewer.controls["progress_pct"].value == 50
    assert viewer.readout_text.startswith("Key position 2 of 3 (cross)")


@pytest.mark.parametrize("stretch", CATALOG.stretches, ids=lambda s: s.id)
def test_choosing_a_stretch_shows_its_stop_signs_and_restarts(stretch):
    """Each stretch's panel shows its steps, stop signs
    and cautions; the movement goes back to the start."""
    other = "knee-to-chest" if stretch.id != "knee-to-chest" else "figure-4"
    viewer = stretch_viewer(other, progress_pct=100)
    viewer.controls["stretch"].value = stretch.id
    panel = viewer.panel.value
    assert "Stop signs" in panel and "course-stop-signs" in panel
    for text in (*stretch.stop_signs, *stretch.steps, *stretch.avoid_or_ask_first):
        assert text.replace("'", "&#x27;").replace('"', "&quot;") in panel
    assert viewer.controls["progress_pct"].value == 0
    assert viewer.readout_text == describe_pose(stretch.id, 0)
    assert viewer.message.value == ""


def test_timer_start_tick_pause_resume():
    """Start runs the browser clock; ticks count down; Pause
    stops it; Resume continues from the same second."""
    timer = hold_timer(hold_s=30, repetitions=2)
    assert timer.start_button.description == "Start"
    timer.start_button.click()
    assert timer.clock.playing and timer.start_button.description == "Pause"
    timer.clock.value = 11  # the browser's clock: 1 + seconds held
    assert timer.bar.value == 20 and "20 s" in timer.display_big.value
    timer.start_button.click()
    assert (
        not timer.clock.playing
        and timer.readout_text == "Paused: 20 s left in repetition 1 of 2. Press Resume."
    )
    timer.start_button.click()
    assert timer.clock.playing and timer.start_button.description == "Pause"
    assert timer.clock.value == 10  # one below, because Play steps at once when it starts
    timer.clock.value = 11
    assert timer.state.remaining_s == 20


def test_timer_counts_repetitions_to_the_end():
    """A full hold completes a repetition and stops the
    clock; after the last one the timer says so."""
    timer = hold_timer(hold_s=10, repetitions=2)
    timer.start_button.click()
    timer.clock.value = 11
    assert not timer.clock.playing
    assert timer.readout_text.startswith("Repetition 1 of 2 done.")
    assert "Repetition 2 of 2" in timer.display_big.value
    timer.start_button.click()
    assert timer.clock.value == 0
    timer.clock.value = 11
    assert timer.state.status == "finished" and timer.start_button.description == "Start again"


def test_timer_dose_sliders_reset_it():
    """Changing the hold or repetitions stops the clock and starts again at repetition 1."""
    timer = hold_timer()
    timer.start_button.click()
    timer.clock.value = 5
    timer.controls["hold_s"].value = 45
    assert (timer.state.status, timer.state.hold_s, timer.clock.max, timer.clock.playing) == (
        "ready",
        45,
        46,
        False,
    )
    assert timer.readout_text == "Ready: repetition 1 of 2, hold 45 s. Press Start."
    timer.reset_button.click()
    assert timer.state.elapsed_s == 0


def test_builder_summarises_and_saves_a_card(tmp_path):
    """The builder's readout follows the choices; Save
    writes the PDF and names it in the message."""
    builder = routine_builder(base=tmp_path)
    builder.controls["include_seated-nerve-glide"].value = True
    builder.controls["repetitions"].value = 3
    assert builder.readout_text.startswith("Your routine: 3 stretches")
    assert "Hold 30 s, 3 times (90 s in all)" in builder.readout_text
    builder.controls["file_name"].value = "week one"
    builder.controls["page"].value = "Letter"
    builder.save_button.click()
    assert (tmp_path / "week one.pdf").read_bytes().startswith(b"%PDF-")
    assert "Saved your card as week one.pdf" in builder.status.value
    builder.save_button.click()  # again: refused, not overwritten
    assert "already exists" in builder.message.value
    builder.controls["replace"].value = True
    builder.save_button.click()
    assert builder.message.value == "" and "Saved" in builder.status.value


@pytest.mark.parametrize(
    "name, words", [("", "Type a file name first"), ("../x", "cannot contain a folder")]
)
def test_builder_explains_a_bad_file_name(tmp_path, name, words):
    """A bad file name gives a friendly message, never a traceback, and writes nothing."""
    builder = routine_builder(base=tmp_path)
    builder.controls["file_name"].value = name
    builder.save_button.click()
    assert words in builder.message.value
    assert list(tmp_path.iterdir()) == []


def test_builder_with_nothing_chosen_says_so(tmp_path):
    """Unticking every stretch says to tick one; saving then is refused."""
    builder = routine_builder(base=tmp_path)
    for sid in CATALOG.ids:
        builder.controls[f"include_{sid}"].value = False
    assert builder.readout_text.startswith("No stretches chosen")
    builder.save_button.click()
    assert "at least one stretch" in builder.message.value


def test_viewer_panel_ends_with_the_red_flags_box():
    """The stop signs point to the red-flags box, so the viewer shows it (FACTS E4)."""
    panel = stretch_viewer().panel.value
    assert "course-red-flags" in panel and "Sciatica in both legs" in panel
