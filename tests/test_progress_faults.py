"""Fault injection for lessons/quizzes/progress/: real full disks, read-only files, locks held by
another process, files deleted, damaged or from a newer version, hostile CSV cells. No mocks: every
fault is made with the operating system or with SQLite itself, and every test checks that no answer
is lost."""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lessons.core.errors import CourseError
from lessons.quizzes.progress import SCHEMA_VERSION, ProgressStore, merge_csv, progress_report
from lessons.quizzes.progress import database as progress  # its lock timeout, its file set

REPO = Path(__file__).resolve().parent.parent
GARBAGE = b"this is not an SQLite database \x00\xff" * 300


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "progress.sqlite3"


def answers(path: Path) -> list[str]:
    """The answers in a progress file, read with plain sqlite3, in the order written."""
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT answer FROM attempt ORDER BY id")]
    finally:
        con.close()


def kept_aside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if ".corrupt-" in p.name)


def run_script(code: str, *args: str, prefix: tuple[str, ...] = (), timeout: float = 120):
    """Run Python code in a child process from the repository; return (returncode, out, err)."""
    child = subprocess.run(
        [*prefix, sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return child.returncode, child.stdout, child.stderr


# ---------------------------------------------------------------- a full disk


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 256 KiB file system (tmpfs); skipped where mounting is not allowed."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    yield mount
    if subprocess.run(["umount", str(mount)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "--lazy", str(mount)], check=True)  # still open: detach it


def fill(folder: Path) -> Path:
    """Fill the file system holding folder until it reports ENOSPC; return the filler file."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"x" * 1024)
    except OSError as error:
        assert error.errno == 28  # ENOSPC: the disk is really full
    finally:
        os.close(fd)
    return filler


def test_full_disk_keeps_the_file_and_the_answer_and_catches_up(tiny_disk):
    """On a full disk the healthy file stays in place (no .corrupt copy), the answer waits in memory
    with a plain message, and it is written once space is free again."""
    db = tiny_disk / "progress.sqlite3"
    store = ProgressStore(db)
    store.record("lesson", "q", "before", True)
    filler = fill(tiny_disk)
    store.record("lesson", "q", "while full " * 300, False)
    assert "disk is full" in store.message and "kept in memory" in store.message
    assert store.unsaved == 1
    assert kept_aside(db) == [] and db.is_file()
    assert [a.answer[:10] for a in store.attempts()] == ["before", "while full"]
    filler.unlink()
    store.record("lesson", "q", "after", True)
    assert answers(db) == ["before", "while full " * 300, "after"]
    assert store.unsaved == 0 and "can be written again" in store.message
    store.record("lesson", "q", "later", True)
    assert store.message == ""  # the stale notice is gone once the next answer is saved


def test_damaged_file_on_a_full_disk_is_left_in_place_when_no_copy_can_be_kept(tiny_disk):
    """A damaged file is only replaced after a copy is kept: with no room for the copy it stays
    as it is, byte for byte, and answers wait in memory."""
    db = tiny_disk / "progress.sqlite3"
    db.write_bytes(GARBAGE)
    filler = fill(tiny_disk)
    store = ProgressStore(db)
    assert "could not be set aside safely" in store.message
    assert db.read_bytes() == GARBAGE and kept_aside(db) == []
    store.record("lesson", "q", "kept", True)
    assert [a.answer for a in store.attempts()] == ["kept"]
    filler.unlink()
    store.record("lesson", "q", "next", True)
    assert kept_aside(db) == ["progress.sqlite3.corrupt-1"]
    assert (tiny_disk / "progress.sqlite3.corrupt-1").read_bytes() == GARBAGE
    assert answers(db) == ["kept", "next"]


FILE_SIZE_LIMIT = """
import resource, signal, sys
from pathlib import Path
from lessons.quizzes.progress import ProgressStore
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
db = Path(sys.argv[1])
store = ProgressStore(db)
store.record("lesson", "q", "before", True)
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (1, hard))  # no file may grow: the WAL cannot
store.record("lesson", "q", "limited", True)
print(store.unsaved, "kept in memory" in store.message, db.is_file())
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
store.record("lesson", "q", "after", True)
print(store.unsaved, [a.answer for a in store.attempts()])
"""


def test_writes_refused_by_a_file_size_limit_wait_in_memory_and_catch_up(db):
    """With every write refused by the kernel (RLIMIT_FSIZE), the answer waits in memory and is
    saved once writes work again; the file is never moved aside."""
    code, out, err = run_script(FILE_SIZE_LIMIT, str(db))
    assert code == 0, err
    assert out.splitlines() == ["1 True True", "0 ['before', 'limited', 'after']"]
    assert answers(db) == ["before", "limited", "after"] and kept_aside(db) == []


# ---------------------------------------------------------------- read-only, as an ordinary user


READ_ONLY = """
import os, sys
from pathlib import Path
from lessons.quizzes.progress import ProgressStore
db = Path(sys.argv[1])
target = Path(sys.argv[2])  # the file or the folder made read-only
store = ProgressStore(db)
store.record("lesson", "q", "before", True)
os.chmod(target, 0o555 if target.is_dir() else 0o444)
reopened = ProgressStore(db)  # a lesson opened while the file is read-only
store.record("lesson", "q", "read-only", True)
print(store.unsaved, "kept in memory" in store.message, "read-only" in store.message or
      "cannot be opened" in store.message)
print([a.answer for a in store.attempts()], [a.answer for a in reopened.attempts()])
os.chmod(target, 0o755 if target.is_dir() else 0o644)
store.record("lesson", "q", "after", True)
print(store.unsaved, "can be written again" in store.message)
"""


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_file_or_folder_is_never_treated_as_damage(db, what, unprivileged):
    """A read-only progress file (or folder), as a user without root's override, stays in place;
    answers are still shown, new ones wait in memory and are saved once it is writable again."""
    target = db if what == "file" else db.parent
    code, out, err = run_script(READ_ONLY, str(db), str(target), prefix=tuple(unprivileged))
    os.chmod(db.parent, 0o755)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "1 True True"
    assert lines[1] == "['before', 'read-only'] ['before']"
    assert lines[2] == "0 True"
    assert answers(db) == ["before", "read-only", "after"] and kept_aside(db) == []


# ---------------------------------------------------------------- a lock held by another process

HOLD_LOCK = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("ROLLBACK")
"""


def hold_lock(db: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_a_short_lock_is_waited_for_and_the_wait_is_shown(db):
    """While another process holds the lock for a second, record() says it is waiting (once), then
    saves the answer in the file with no warning left."""
    store = ProgressStore(db)
    waits: list[float] = []
    holder = hold_lock(db, 1.0)
    store.record("lesson", "q", "waited", True, on_wait=lambda: waits.append(time.monotonic()))
    holder.wait(10)
    assert len(waits) == 1
    assert answers(db) == ["waited"] and store.unsaved == 0 and store.message == ""


def test_a_long_lock_keeps_the_answer_and_the_warning_clears_once_saved(db, monkeypatch):
    """A lock held past the timeout keeps the answer in memory with a message; the next answer
    after the lock is gone saves both and replaces the warning."""
    monkeypatch.setattr(progress, "_BUSY_TIMEOUT_S", 0.5)
    store = ProgressStore(db)
    holder = hold_lock(db, 2.0)
    store.record("lesson", "q", "during", True)
    assert "locked" in store.message and store.unsaved == 1
    holder.wait(10)
    store.record("lesson", "q", "after", True)
    assert answers(db) == ["during", "after"]
    assert "locked" not in store.message and store.unsaved == 0


def test_the_quiz_shows_that_it_is_waiting_for_a_lock(db):
    """A quiz's Check shows a waiting line while another process holds the file, and the notice
    is clear once the answer is saved."""
    from lessons.quizzes.widget import quiz

    store = ProgressStore(db)
    widget = quiz("00-start-here", store=store)
    box = next(b for b in widget.questions if b.question.type == "true-false")
    box.inputs[0].value = True
    shown: list[str] = []
    original = box._show
    box._show = lambda text, css: (shown.append(text), original(text, css))
    holder = hold_lock(db, 1.0)
    box.check.click()
    holder.wait(10)
    assert any(text.startswith("⏳ Saving your answer") for text in shown)
    assert box.feedback_text.startswith(("✓", "✗"))
    assert widget.notice.value == "" and len(answers(db)) == 1


# ---------------------------------------------------------------- deleted, damaged, other versions


def test_a_file_deleted_mid_session_is_recreated_and_nothing_later_is_lost(db):
    """Deleting the file (and its log) while a lesson runs: the next answer recreates it and is
    saved there, not in memory; so is every answer after it."""
    store = ProgressStore(db)
    store.record("lesson", "q", "before", True)
    for path in [db, *progress._companions(db)]:
        path.unlink(missing_ok=True)
    store.record("lesson", "q", "after delete", True)
    store.record("lesson", "q", "later", True)
    assert answers(db) == ["after delete", "later"]
    assert store.unsaved == 0
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_file_deleted_with_its_folder_is_recreated(tmp_path):
    """Deleting the whole data folder mid-session: the next answer recreates folder and file."""
    db = tmp_path / "data" / "progress.sqlite3"
    store = ProgressStore(db)
    store.record("lesson", "q", "before", True)
    shutil.rmtree(db.parent)
    store.record("lesson", "q", "after", True)
    assert answers(db) == ["after"] and store.unsaved == 0


def test_a_lock_at_opening_leaves_no_stale_warning(db, monkeypatch):
    """A file locked past the timeout when a lesson opens gives a warning; once the lock is gone,
    reading the answers clears it, and nothing was lost."""
    ProgressStore(db).record("lesson", "q", "earlier", True)
    monkeypatch.setattr(progress, "_BUSY_TIMEOUT_S", 0.5)
    holder = hold_lock(db, 2.0)
    store = ProgressStore(db)
    assert "locked" in store.message
    holder.wait(10)
    assert [a.answer for a in store.attempts()] == ["earlier"]
    assert store.message == ""


def test_a_file_deleted_before_reading_is_recreated(db):
    """Reading after the file was deleted starts a fresh file rather than failing."""
    store = ProgressStore(db)
    db.unlink()
    assert store.attempts() == [] and db.is_file()
    store.record("lesson", "q", "x", True)
    assert answers(db) == ["x"]


def test_damage_keeps_a_copy_before_replacing(db):
    """A file SQLite reports as not a database is copied to .corrupt-1 (same bytes) before a
    fresh one starts."""
    db.write_bytes(GARBAGE)
    store = ProgressStore(db)
    assert (db.parent / "progress.sqlite3.corrupt-1").read_bytes() == GARBAGE
    store.record("lesson", "q", "fresh", True)
    assert answers(db) == ["fresh"]


OLD_LAYOUT = """CREATE TABLE attempt (
    id INTEGER PRIMARY KEY, lesson TEXT NOT NULL, question_id TEXT NOT NULL,
    answer TEXT NOT NULL, correct INTEGER NOT NULL, time_utc TEXT NOT NULL{extra})"""


def make_file(db: Path, rows, *, version: int = 0, extra: str = "", layout: str = OLD_LAYOUT):
    con = sqlite3.connect(db)
    con.execute(layout.format(extra=extra))
    names = "lesson, question_id, answer, correct, time_utc" + (", confidence" if extra else "")
    if "is_correct" in layout:
        names = names.replace("correct,", "is_correct,")
    marks = ", ".join("?" * len(rows[0]))
    con.executemany(f"INSERT INTO attempt ({names}) VALUES ({marks})", rows)
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()


def test_an_unversioned_file_from_an_earlier_release_is_migrated(db):
    """A file without a version (earlier releases) keeps its answers and is stamped with the
    current version."""
    make_file(db, [("lesson", "q", "old", 1, "2025-01-01T00:00:00Z")])
    store = ProgressStore(db)
    assert store.message == ""
    store.record("lesson", "q", "new", False)
    assert answers(db) == ["old", "new"]
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_file_from_a_newer_version_is_read_but_never_written(db):
    """A newer file (higher user_version, an extra column) is read as far as it can be, never
    written (same bytes), and the message says to update the course; answers wait in memory."""
    make_file(
        db, [("lesson", "q", "from the future", 1, "t", "x")], version=7, extra=", confidence TEXT"
    )
    before = db.read_bytes()
    store = ProgressStore(db)
    assert "newer version of the course" in store.message and "update the course" in store.message
    store.record("lesson", "q", "today", True)
    assert [a.answer for a in store.attempts()] == ["from the future", "today"]
    assert db.read_bytes() == before and store.unsaved == 1
    assert kept_aside(db) == []


def test_a_newer_file_with_a_renamed_column_says_what_cannot_be_read(db):
    """A newer file whose 'correct' column was renamed: nothing is misread, the message names the
    missing column, and the file is unchanged."""
    make_file(
        db,
        [("lesson", "q", "a", 1, "t")],
        version=2,
        layout=OLD_LAYOUT.replace("correct INTEGER", "is_correct INTEGER"),
    )
    before = db.read_bytes()
    store = ProgressStore(db)
    assert store.attempts() == []
    assert "newer version" in store.message
    store.record("lesson", "q", "b", True)
    assert db.read_bytes() == before


def test_values_read_back_are_validated(db):
    """A 'correct' of 37 or "yes", or bytes where text belongs, is not read as a right answer: such
    rows are left out of every score, counted in the message, and the file is not changed."""
    make_file(
        db,
        [
            ("00-start-here", "q1", "fine", 1, "t"),
            ("00-start-here", "q2", "odd", 37, "t"),
            ("00-start-here", "q3", b"\x00\xff", 1, "t"),
            ("00-start-here", "q4", "odd", "yes", "t"),
        ],
    )
    store = ProgressStore(db)
    assert [a.answer for a in store.attempts()] == ["fine"]
    assert "3 saved answers" in store.message and "left out" in store.message
    report = progress_report(store)
    assert sum(score.right_now for score in report.lessons) <= 1


def test_a_lone_surrogate_gives_a_clear_message_and_saves_nothing(db):
    """An answer holding half a surrogate pair raises the course's own error saying what to do;
    nothing is saved and the store keeps working."""
    store = ProgressStore(db)
    with pytest.raises(CourseError, match=r"U\+D800.*type the text again"):
        store.record("lesson", "q", "12\ud800", True)
    store.record("lesson", "q", "12", True)
    assert answers(db) == ["12"]


def test_the_quiz_shows_the_surrogate_message_and_does_not_count_the_try():
    """In the quiz, such an answer gets a warning that can be sent to the browser (the half
    pair shown as �) and is not counted as a try."""
    from lessons.quizzes.widget import quiz

    store = ProgressStore(":memory:")
    widget = quiz("00-start-here", store=store)
    box = next(b for b in widget.questions if b.question.type == "numeric")
    box.inputs[0].value = "12\ud800"
    box.check.click()
    assert box.feedback_text.startswith("⚠") and "\ufffd" in box.feedback_text
    box.feedback_text.encode("utf-8")  # what is shown can be sent to the browser
    assert box.tries == 0 and store.attempts() == []


# ---------------------------------------------------------------- CSV for teachers

HOSTILE = [
    '=HYPERLINK("http://x","hi")',
    "+1+2",
    "-3",
    "@SUM(A1)",
    "\tx",
    "\rx",
    'a "q", b',
    "line\nbreak",
]


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_export_neutralises_formula_cells_and_keeps_quoting(db, tmp_path):
    """Cells starting with = + - @ tab or CR get a leading quote; quotes, commas and newlines still
    round-trip through the csv module."""
    store = ProgressStore(db)
    for answer in HOSTILE:
        store.record("=lesson", "q", answer, True)
    out = tmp_path / "out.csv"
    assert store.export_csv(out) == len(HOSTILE)
    rows = read_csv(out)
    expected = ["'" + a if a[0] in "=+-@\t\r" else a for a in HOSTILE]
    assert [row["answer"] for row in rows] == expected
    assert all(row["lesson"] == "'=lesson" for row in rows)


def test_merge_validates_every_input_and_skips_bad_rows(tmp_path):
    """Merge refuses a misspelt path without creating the output, skips rows with bad values and
    reports them, and neutralises hostile cells from a learner's file."""
    good = tmp_path / "alice.sqlite3"
    ProgressStore(good).record("lesson", "q", "=cmd|' /C calc'!A0", True)
    odd = tmp_path / "bob.sqlite3"
    make_file(odd, [("lesson", "q", "ok", 1, "t"), ("lesson", "q", "bad", 37, "t")])
    out = tmp_path / "class.csv"
    with pytest.raises(CourseError, match="does not exist"):
        merge_csv([good, tmp_path / "alcie.sqlite3"], out)
    assert not out.exists() and not (tmp_path / "alcie.sqlite3").exists()
    skipped: list[str] = []
    assert merge_csv([good, odd], out, skipped=skipped) == 2
    assert skipped == [f"{odd}: 1 row with values that are not valid skipped"]
    rows = read_csv(out)
    assert [(r["learner"], r["answer"]) for r in rows] == [
        ("alice", "'=cmd|' /C calc'!A0"),
        ("bob", "ok"),
    ]


def test_merge_refuses_a_file_that_is_not_a_progress_file(tmp_path):
    """A database without the attempt table, or a folder, is named and nothing is written."""
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE x (y)")
    out = tmp_path / "class.csv"
    for bad in (other, tmp_path):
        with pytest.raises(CourseError, match=str(bad.name)):
            merge_csv([bad], out)
    assert not out.exists()


def test_merge_command_line_reports_skipped_rows(tmp_path):
    """The command line prints a warning naming the file with skipped rows, and succeeds."""
    odd = tmp_path / "bob.sqlite3"
    make_file(odd, [("lesson", "q", "ok", 1, "t"), ("lesson", "q", "bad", 2, "t")])
    code, out, err = run_script(
        "import sys; from lessons.quizzes.progress import main; sys.exit(main(sys.argv[1:]))",
        "merge",
        str(tmp_path / "c.csv"),
        str(odd),
    )
    assert code == 0
    assert "warning" in err and "bob.sqlite3: 1 row" in err
