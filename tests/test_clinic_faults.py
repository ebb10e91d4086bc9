"""Hostile input for the clinic's card saving (lessons/stretches/card.py, the routine builders) and
its launcher (lessons/apps/clinic_launcher.py, `course clinic`): folders outside the chosen one,
links, files the app did not make, unwritable or missing folders, bad ports, and where the server
token can be seen."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from lessons.clinic import clinic_routine_builder
from lessons.core.errors import CourseError
from lessons.stretches.card import save_card
from lessons.stretches.catalog import load_catalog, routine_item
from lessons.stretches.widget import routine_builder

REPO = Path(__file__).resolve().parent.parent
ITEMS = [routine_item(load_catalog().stretches[0], 30, 2)]


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------- where cards may go


@pytest.mark.parametrize("typed", ["../outside", "~", "/", "inside/../../outside"])
def test_the_clinic_refuses_folders_outside_the_chosen_one(tmp_path, typed, monkeypatch):
    """The Folder box cannot send a card outside the launcher's folder ('..', '~', absolute paths);
    the refusal says where cards can go, and nothing is written anywhere."""
    monkeypatch.setenv("HOME", str(tmp_path))
    chosen = tmp_path / "cards"
    (chosen / "inside").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    builder = clinic_routine_builder(chosen)
    builder.controls["folder"].value = typed
    builder.save_button.click()
    assert f"Cards can only be saved in {chosen}" in builder.message.value
    assert files(tmp_path / "outside") == [] and files(chosen) == ["inside"]
    assert builder.download.value == ""


def test_a_folder_inside_the_chosen_one_is_fine(tmp_path):
    """A sub-folder of the chosen folder, typed relative or absolute, is allowed."""
    (tmp_path / "ward-3").mkdir()
    builder = clinic_routine_builder(tmp_path)
    for typed in ("ward-3", str(tmp_path / "ward-3")):
        builder.controls["folder"].value = typed
        builder.controls["file_name"].value = f"card-{len(files(tmp_path / 'ward-3'))}"
        builder.save_button.click()
        assert builder.message.value == ""
    assert files(tmp_path / "ward-3") == ["card-0.pdf", "card-1.pdf"]


def test_a_linked_folder_pointing_outside_is_refused(tmp_path):
    """A folder inside the chosen one that is a link to elsewhere counts as elsewhere."""
    chosen, outside = tmp_path / "cards", tmp_path / "outside"
    chosen.mkdir()
    outside.mkdir()
    (chosen / "escape").symlink_to(outside)
    with pytest.raises(CourseError, match="can only be saved in"):
        save_card(ITEMS, "card", "escape", base=chosen, confine=True)
    assert files(outside) == []


@pytest.mark.parametrize("dangling", [True, False])
def test_a_link_in_place_of_the_card_is_never_followed(tmp_path, dangling):
    """A link (dangling or not) with the card's name is refused, even with Replace ticked; its
    target is neither created nor changed."""
    target = tmp_path / "victim.pdf"
    if not dangling:
        target.write_bytes(b"precious")
    chosen = tmp_path / "cards"
    chosen.mkdir()
    (chosen / "card.pdf").symlink_to(target)
    for replace in (False, True):
        with pytest.raises(CourseError, match="link"):
            save_card(ITEMS, "card", base=chosen, replace=replace, confine=True)
    assert target.exists() == (not dangling)
    if not dangling:
        assert target.read_bytes() == b"precious"


def test_replace_overwrites_only_a_card_the_app_made(tmp_path):
    """Replace swaps in a new card over one the app made, but refuses, saying so, to overwrite a
    PDF (or an edited card) it did not make."""
    mine = save_card(ITEMS, "mine", base=tmp_path)
    assert save_card(ITEMS, "mine", base=tmp_path, replace=True) == mine
    other = tmp_path / "report.pdf"
    other.write_bytes(b"%PDF-1.7 someone else's report")
    with pytest.raises(CourseError, match="not made by this app"):
        save_card(ITEMS, "report", base=tmp_path, replace=True)
    assert other.read_bytes() == b"%PDF-1.7 someone else's report"
    assert files(tmp_path) == ["mine.pdf", "report.pdf"]  # no partial file left behind


def test_a_failed_save_names_what_failed_never_a_diagram(tmp_path):
    """A Folder box naming a file, not a folder, says so in words; the routine builder has no
    diagram, so no message mentions one, and choosing stretches still works."""
    (tmp_path / "blocked").write_text("a file, not a folder")
    builder = routine_builder(base=tmp_path)
    builder.controls["folder"].value = "blocked"
    builder.save_button.click()
    assert "does not exist" in builder.message.value and "diagram" not in builder.message.value
    builder.controls["hold_s"].value = 45
    assert "Hold 45 s" in builder.readout_text


SAVE_READ_ONLY = """
import sys
from pathlib import Path
from lessons.stretches.widget import routine_builder
builder = routine_builder(base=sys.argv[1])
builder.save_button.click()
print(builder.message.value)
"""


def test_a_read_only_folder_says_the_card_could_not_be_saved(tmp_path, unprivileged):
    """As a user without root's override, saving into a read-only folder says what failed, with
    the computer's reason; no traceback, nothing written."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    child = subprocess.run(
        [*unprivileged, sys.executable, "-c", SAVE_READ_ONLY, str(folder)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    folder.chmod(0o755)
    assert child.returncode == 0, child.stderr
    assert "The card could not be saved as" in child.stdout
    assert "Permission denied" in child.stdout and "Traceback" not in child.stdout + child.stderr
    assert files(folder) == []


# ---------------------------------------------------------------- the launcher's input


def run_launcher(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lessons.cli", "clinic", "--no-browser", *args],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


@pytest.mark.parametrize("port", ["0", "-1", "65536", "99999999999999999999", "http", "8866.5"])
def test_a_port_outside_1_to_65535_gets_a_clear_error(port):
    """A port that is not a whole number from 1 to 65535 stops the launcher with usage and a
    one-line reason, no traceback."""
    done = run_launcher("--port", port)
    assert done.returncode == 2
    assert "use a whole number from 1 to 65535" in done.stderr and "Traceback" not in done.stderr


def test_a_cards_path_that_is_a_file_or_under_a_file_gets_a_clear_error(tmp_path):
    """A cards path that is a file, or whose parent is a file, stops with a one-line reason."""
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    for cards, words in ((a_file, "is a file, not a folder"), (a_file / "cards", "cannot be used")):
        done = run_launcher("--cards", str(cards))
        assert done.returncode == 2, done.stderr
        assert words in done.stderr and "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1


def test_an_unwritable_cards_folder_gets_a_clear_error(tmp_path, unprivileged):
    """A cards folder the user cannot write to (root's override dropped) stops with a reason."""
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o555)
    done = subprocess.run(
        [*unprivileged, sys.executable, "-m", "lessons.cli", "clinic", "--no-browser", "--cards",
         str(folder)],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    folder.chmod(0o755)
    assert done.returncode == 2, done.stderr
    assert "cannot be used: Permission denied" in done.stderr and "Traceback" not in done.stderr


# ---------------------------------------------------------------- the token


def test_the_token_is_in_no_command_line_and_no_log_and_still_required(tmp_path):
    """Started for real: the token is on no process's command line and in no line Voilà or the
    launcher prints; it sits in a file only this user can read; without it the app refuses,
    with it the app answers."""
    log = tmp_path / "log.txt"
    with open(log, "w") as out:
        launcher_process = subprocess.Popen(
            [sys.executable, "-m", "lessons.cli", "clinic", "--no-browser", "--port", "8871",
             "--cards", str(tmp_path / "cards")],
            cwd=REPO, stdout=out, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        page = None
        while time.monotonic() < deadline and page is None:
            found = re.search(r"(file://\S+\.html)", log.read_text())
            page = Path(found.group(1).removeprefix("file://")) if found else None
            time.sleep(0.3)
        assert page is not None, log.read_text()
        assert oct(page.stat().st_mode & 0o777) == "0o600"
        assert oct(page.parent.stat().st_mode & 0o777) == "0o700"
        url = re.search(r"url=([^'\"]+)", page.read_text()).group(1).replace("&amp;", "&")
        token = url.split("token=")[1]
        port = int(re.search(r":(\d+)/", url).group(1))
        with urllib.request.urlopen(url, timeout=60) as answer:
            assert answer.status == 200
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as refused:
            assert "/login" in refused.url  # sent to the token form, not the app
        family = [psutil.Process(launcher_process.pid)]
        family += family[0].children(recursive=True)
        for process in family:
            assert token not in " ".join(process.cmdline())
            assert token not in process.environ().get("JUPYTER_TOKEN", "")
    finally:
        launcher_process.send_signal(signal.SIGINT)
        launcher_process.wait(60)
    assert token not in log.read_text()
    assert not page.exists()  # the private folder is removed when the app stops
