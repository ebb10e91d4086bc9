"""Tests for lessons/quizzes/progress/: saving attempts, durability across killed and concurrent
writers, recovery, CSV."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import platformdirs
import pytest

from lessons.core.errors import CourseError
from lessons.quizzes.bank import load_bank
from lessons.quizzes.progress import (
    ENV_VAR,
    ProgressStore,
    default_path,
    default_store,
    merge_csv,
    progress_report,
    progress_summary,
)
from lessons.quizzes.progress import database as progress  # its lock timeout, its file set

REPO = Path(__file__).resolve().parent.parent
START = load_bank("00-start-here")
GARBAGE = b"this is not an SQLite database \x00\xff" * 300


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "progress.sqlite3"


def answers(path: Path) -> list[str]:
    """The answers saved in a progress file, read with plain sqlite3, in the order they were
    written."""
    with sqlite3.connect(path) as con:
        return [row[0] for row in con.execute("SELECT answer FROM attempt ORDER BY id")]


def run_python(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# ---------------------------------------------------------------- saving and reading


def test_record_and_read_back(db):
    """An attempt is saved with its lesson, question, answer, verdict and UTC time, and read back as
    saved."""
    store = ProgressStore(db)
    store.record("00-start-here", "knee-height", "49.9 cm", True)
    store.record("00-start-here", "run-a-cell", "Tab", False)
    saved = ProgressStore(db).attempts()
    assert [(a.lesson, a.question_id, a.answer, a.correct) for a in saved] == [
        ("00-start-here", "knee-height", "49.9 cm", True),
        ("00-start-here", "run-a-cell", "Tab", False),
    ]
    assert datetime.fromisoformat(saved[0].time_utc).utcoffset() == timedelta(0)
    assert store.message == ""


def test_attempts_of_one_lesson(db):
    """attempts(lesson) returns only that lesson's attempts."""
    store = ProgressStore(db)
    store.record("a", "q", "1", True)
    store.record("b", "q", "2", True)
    assert [a.answer for a in store.attempts("b")] == ["2"]


def test_file_uses_write_ahead_logging(db):
    """The progress file is in WAL mode, so a reader never blocks a writer in another lesson."""
    ProgressStore(db).record("a", "q", "1", True)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_environment_variable_chooses_the_file(db, monkeypatch):
    """COURSE_PROGRESS_DB names the progress file; without it the file is in the per-user data
    folder."""
    monkeypatch.setenv(ENV_VAR, str(db))
    assert default_path() == db
    assert default_store().path == db
    monkeypatch.delenv(ENV_VAR)
    assert (
        default_path()
        == Path(platformdirs.user_data_dir("knee-hip-course", appauthor=False)) / "progress.sqlite3"
    )


# ---------------------------------------------------------------- durability

KILLED_MID_TRANSACTION = """
import sqlite3, sys, time
from lessons.quizzes.progress import ProgressStore
store = ProgressStore(sys.argv[1])
for n in range(5):
    store.record("lesson", "q", str(n), True)
con = sqlite3.connect(sys.argv[1], isolation_level=None)
# A tiny cache spills uncommitted pages to disk before the kill.
con.execute("PRAGMA cache_size = 5")
con.execute("BEGIN IMMEDIATE")
for n in range(2000):
    con.execute("INSERT INTO attempt (lesson, question_id, answer, correct, time_utc) "
                "VALUES ('lesson', 'q', ?, 0, 't')", ("never committed " * 20,))
print("in the middle", flush=True)
time.sleep(60)
"""


def test_writer_killed_mid_transaction_leaves_earlier_answers_intact(db):
    """A process killed with SIGKILL inside a write transaction leaves a readable file with every
    earlier answer."""
    child = run_python(KILLED_MID_TRANSACTION, str(db))
    assert child.stdout.readline().strip() == "in the middle", child.stderr.read()
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    store = ProgressStore(db)
    assert store.message == ""
    assert answers(db) == ["0", "1", "2", "3", "4"]
    store.record("lesson", "q", "5", True)
    assert answers(db)[-1] == "5"


KEEPS_WRITING = """
import sys
from lessons.quizzes.progress import ProgressStore
store = ProgressStore(sys.argv[1])
n = 0
while True:
    store.record("lesson", "q", str(n), n % 2 == 0)
    n += 1
"""


def test_writer_killed_while_recording_loses_at_most_the_answer_being_written(db):
    """Killing a process that records attempts non-stop keeps every committed attempt, in order,
    with no gap."""
    child = run_python(KEEPS_WRITING, str(db))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if db.exists() and len(ProgressStore(db).attempts()) >= 30:
            break
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    saved = answers(db)
    assert len(saved) >= 30
    assert saved == [str(n) for n in range(len(saved))]
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


TWO_WRITERS = """
import sys, time
from lessons.quizzes.progress import ProgressStore
path, lesson, start_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
store = ProgressStore(path)
while time.time() < start_at:
    time.sleep(0.001)
for n in range(150):
    store.record(lesson, "q", str(n), True)
print(repr(store.message), store.unsaved)
"""


def test_two_writers_at_once_lose_nothing(db):
    """Two lessons writing at the same moment from two processes save every attempt, with no
    'locked' error."""
    start_at = str(time.time() + 1.5)
    writers = [
        run_python(TWO_WRITERS, str(db), lesson, start_at) for lesson in ("lesson-a", "lesson-b")
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.strip() == "'' 0"  # no message, nothing kept in memory instead of the file
        assert "locked" not in err
    store = ProgressStore(db)
    for lesson in ("lesson-a", "lesson-b"):
        assert [a.answer for a in store.attempts(lesson)] == [str(n) for n in range(150)]


def test_opening_while_another_process_writes_waits_instead_of_failing(db):
    """Opening the store while another connection holds the write lock waits, with no message."""
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE other (x)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO other VALUES (1)")
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        store = ProgressStore(db)
    finally:
        release.join()
        holder.close()
    assert store.message == ""
    assert store.path == db


# ---------------------------------------------------------------- damaged, unreadable, unwritable


def test_garbage_file_is_moved_aside_and_a_fresh_store_works(db):
    """A file of garbage bytes is kept as .corrupt-1 with a message saying so, and a fresh store
    works."""
    db.write_bytes(GARBAGE)
    store = ProgressStore(db)
    kept = db.with_name("progress.sqlite3.corrupt-1")
    assert (
        store.message
        == f"Your progress file was damaged; it was kept as {kept} and a fresh one started."
    )
    assert kept.read_bytes() == GARBAGE
    store.record("lesson", "q", "after", True)
    assert [a.answer for a in ProgressStore(db).attempts()] == ["after"]
    assert ProgressStore(db).message == ""


def test_damaged_pages_are_detected_and_moved_aside(db):
    """A file whose inner pages were overwritten fails SQLite's check and is moved aside, not
    trusted."""
    store = ProgressStore(db)
    for n in range(300):
        store.record("lesson", f"q{n}", "x" * 200, True)
    data = bytearray(db.read_bytes())
    data[4096 * 3 : 4096 * 3 + 2000] = b"\xff" * 2000
    db.write_bytes(bytes(data))
    again = ProgressStore(db)
    assert "was damaged" in again.message
    assert again.attempts() == []


def test_second_damage_is_kept_as_corrupt_2(db):
    """A second damaged file does not overwrite the first one kept aside."""
    db.write_bytes(GARBAGE)
    ProgressStore(db)
    db.write_bytes(GARBAGE + b"again")
    assert "corrupt-2" in ProgressStore(db).message
    assert db.with_name("progress.sqlite3.corrupt-1").read_bytes() == GARBAGE


def test_file_damaged_while_the_lesson_runs_is_recovered_on_the_next_answer(db):
    """If the file is damaged after opening, the next attempt moves it aside and is saved in a fresh
    file."""
    store = ProgressStore(db)
    store.record("lesson", "q", "before", True)
    db.write_bytes(GARBAGE)
    store.record("lesson", "q", "after", True)
    assert "was damaged" in store.message
    assert answers(db) == ["after"]


def test_unwritable_folder_falls_back_to_memory(tmp_path):
    """If the folder cannot be created, answers are kept in memory and the message says so."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    store = ProgressStore(blocker / "progress.sqlite3")
    assert store.path is None
    assert "kept only until this notebook's kernel stops" in store.message
    store.record("lesson", "q", "kept", True)
    assert [a.answer for a in store.attempts()] == ["kept"]


def test_a_folder_in_place_of_the_file_is_never_moved(db):
    """A folder at the progress path is left alone and the store falls back to memory."""
    db.mkdir()
    store = ProgressStore(db)
    assert db.is_dir()
    assert "is a folder, not a file" in store.message
    store.record("lesson", "q", "kept", True)
    assert len(store.attempts()) == 1


def test_locked_file_keeps_the_answer_in_memory_with_a_message(db, monkeypatch):
    """If the file stays locked past the timeout, the answer is kept in memory, the store says so,
    and it does not raise."""
    store = ProgressStore(db)
    monkeypatch.setattr(progress, "_BUSY_TIMEOUT_S", 0.05)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store.record("lesson", "q", "while locked", True)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "kept in memory" in store.message and "locked" in store.message
    assert store.unsaved == 1
    assert db.exists() and not db.with_name("progress.sqlite3.corrupt-1").exists()
    store.record("lesson", "q", "after the lock", True)
    assert answers(db) == ["while locked", "after the lock"]
    assert "locked" not in store.message and store.unsaved == 0


# ---------------------------------------------------------------- CSV for teachers

TRICKY = ["49.9 cm", 'say "hi", then go', "line one\nline two", "hip → knee; ankle", "<script>"]


def test_export_csv_round_trips_through_the_csv_module(db, tmp_path):
    """Every attempt, including commas, quotes, newlines and arrows, survives export and
    csv.DictReader."""
    store = ProgressStore(db)
    for n, text in enumerate(TRICKY):
        store.record("00-start-here", f"q{n}", text, n % 2 == 0)
    out = tmp_path / "class.csv"
    assert store.export_csv(out) == len(TRICKY)
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["answer"] for row in rows] == TRICKY
    assert [row["correct"] for row in rows] == ["1", "0", "1", "0", "1"]
    assert [row["time_utc"] for row in rows] == [a.time_utc for a in store.attempts()]
    assert list(rows[0]) == ["lesson", "question_id", "answer", "correct", "time_utc"]


def test_merge_csv_names_each_learner(tmp_path):
    """merge_csv puts several learners' files into one CSV with a learner column from each file
    name."""
    for learner, count in (("alice", 2), ("bob", 1)):
        store = ProgressStore(tmp_path / f"{learner}.sqlite3")
        for n in range(count):
            store.record("00-start-here", "knee-height", f"{learner}-{n}", True)
    out = tmp_path / "class.csv"
    assert merge_csv([tmp_path / "alice.sqlite3", tmp_path / "bob.sqlite3"], out) == 3
    with open(out, newline="", encoding="utf-8") as handle:
        rows = [(row["learner"], row["answer"]) for row in csv.DictReader(handle)]
    assert rows == [("alice", "alice-0"), ("alice", "alice-1"), ("bob", "bob-0")]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "alice.sqlite3",
        "bob.sqlite3",
        "class.csv",
    ]  # no journal files left beside the learners' copies


def test_merge_csv_names_an_unreadable_file_and_writes_nothing(tmp_path):
    """A damaged learner file stops the merge with a CourseError naming it, before anything is
    written."""
    ProgressStore(tmp_path / "alice.sqlite3").record("l", "q", "a", True)
    (tmp_path / "bob.sqlite3").write_bytes(GARBAGE)
    out = tmp_path / "class.csv"
    with pytest.raises(CourseError, match="bob.sqlite3 is not a readable progress file"):
        merge_csv([tmp_path / "alice.sqlite3", tmp_path / "bob.sqlite3"], out)
    assert not out.exists()
    assert (tmp_path / "bob.sqlite3").read_bytes() == GARBAGE  # a teacher's copy is never changed


# ---------------------------------------------------------------- "my progress" in words


def test_summary_is_honest_when_there_is_no_data():
    """With no answers saved, the summary says so instead of showing zero scores."""
    text = progress_summary(ProgressStore(":memory:"))
    assert "No answers saved yet" in text
    assert "0 of" not in text


def test_summary_scores_and_review_order():
    """Scores count first tries and latest answers; questions last answered wrongly come first in
    the review."""
    store = ProgressStore(":memory:")
    ids = [q.id for q in START.questions]
    for question_id, verdicts in (
        (ids[0], [False, True]),
        (ids[1], [False, False]),
        (ids[2], [True]),
        (ids[3], [False]),
    ):
        for verdict in verdicts:
            store.record(START.lesson, question_id, "x", verdict)
    store.record("99-no-bank", "q", "x", False)  # a lesson without a bank is left out
    total = len(START.questions)
    text = progress_summary(store)
    assert (
        f"- Start Here: 1 of {total} right on the first try, 2 of {total} right now, "
        f"{total - 4} not tried yet."
    ) in text
    review = text.split("To review (last answer wrong first):\n")[1].splitlines()
    assert review == [
        f"1. Start Here: {START.questions[1].prompt} (last answer wrong; 2 tries)",
        f"2. Start Here: {START.questions[3].prompt} (last answer wrong; 1 try)",
        f"3. Start Here: {START.questions[0].prompt} (right now, wrong at first; 2 tries)",
    ]
    assert [item.question_id for item in progress_report(store).review] == [ids[1], ids[3], ids[0]]


def test_summary_with_nothing_to_review_says_so():
    """When every tried question was right the first time, the summary says there is nothing to
    review."""
    store = ProgressStore(":memory:")
    store.record(START.lesson, START.questions[0].id, "x", True)
    assert "Nothing to review" in progress_summary(store)


def test_summary_shows_the_store_message(db):
    """A damaged-file message reaches the learner through the summary."""
    db.write_bytes(GARBAGE)
    assert "⚠ Your progress file was damaged" in progress_summary(ProgressStore(db))


def test_summary_never_shows_a_timestamp():
    """The summary contains no time, so a notebook that prints it stays deterministic."""
    store = ProgressStore(":memory:")
    attempt = store.record(START.lesson, START.questions[0].id, "x", False)
    assert attempt.time_utc[:10] not in progress_summary(store)


def test_command_line_merge(tmp_path):
    """`python -m lessons.quizzes.progress merge OUT FILE...` writes the class CSV and counts
    its rows."""
    ProgressStore(tmp_path / "alice.sqlite3").record("l", "q", "a", True)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "lessons.quizzes.progress",
            "merge",
            str(tmp_path / "out.csv"),
            str(tmp_path / "alice.sqlite3"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert "1 attempt written" in done.stdout
