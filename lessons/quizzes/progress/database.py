"""The SQLite file under the progress store: its layout and migration, reading and writing it,
and telling its faults apart (damaged, busy, full, read-only, written by a newer version).

Nothing here keeps state; :class:`~lessons.quizzes.progress.store.ProgressStore` decides what
to do with a fault and what to tell the learner.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

import platformdirs

from lessons.core.errors import CourseError

#: Environment variable naming the progress file (tests and classrooms set it).
ENV_VAR = "COURSE_PROGRESS_DB"
_APP = "knee-hip-course"
_T = TypeVar("_T")
_FILE_NAME = "progress.sqlite3"
_BUSY_TIMEOUT_S = 15.0  # how long to wait for another lesson's lock
#: The layout this version of the course reads and writes, kept in ``PRAGMA user_version``.
#: 0 is the unversioned layout of earlier releases (same table), migrated by stamping it.
SCHEMA_VERSION = 1
_COLUMNS = ("lesson", "question_id", "answer", "correct", "time_utc")
_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS attempt (
        id INTEGER PRIMARY KEY,
        lesson TEXT NOT NULL,
        question_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        time_utc TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS attempt_by_question ON attempt (lesson, question_id)",
)
_INSERT = f"INSERT INTO attempt ({', '.join(_COLUMNS)}) VALUES (?, ?, ?, ?, ?)"
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM attempt"

# SQLite primary result codes (https://sqlite.org/rescode.html). Only SQLITE_CORRUPT and
# SQLITE_NOTADB mean the file itself is bad; every other failure leaves the file alone.
_DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
# What a learner is told for the failures that leave the file in place (the file is fine).
_PLAIN_REASONS = {
    3: "the computer refused access to it",  # SQLITE_PERM
    5: "another open lesson kept it locked",  # SQLITE_BUSY
    6: "another open lesson kept it locked",  # SQLITE_LOCKED
    8: "it is read-only",  # SQLITE_READONLY
    10: "the disk reported an error",  # SQLITE_IOERR
    13: "the disk is full",  # SQLITE_FULL
    14: "it cannot be opened (check that its folder can be written)",  # SQLITE_CANTOPEN
    23: "the computer refused access to it",  # SQLITE_AUTH
}
# Python 3.10's sqlite3 has no ``sqlite_errorcode``: fall back to the words of the messages.
_MESSAGE_CODES = (
    ("malformed", 11),
    ("not a database", 26),
    ("locked", 5),
    ("busy", 5),
    ("readonly", 8),
    ("disk i/o", 10),
    ("full", 13),
    ("unable to open", 14),
)
#: Free space under which a disk error is reported as a full disk.
_FULL_BELOW_BYTES = 1 << 20
#: How long to wait quietly for a lock before telling the learner that we are waiting.
_QUIET_WAIT_S = 0.3


@dataclass(frozen=True)
class Attempt:
    """One checked answer: the question, what was answered, whether it was right, when (UTC)."""

    lesson: str
    question_id: str
    answer: str
    correct: bool
    time_utc: str


def default_path() -> Path:
    """Return the progress file: ``$COURSE_PROGRESS_DB`` if set, else one in the data folder."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(_APP, appauthor=False)) / _FILE_NAME


def _now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _error_code(error: sqlite3.Error) -> int | None:
    """Return SQLite's primary result code for an error (from its message on Python 3.10)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF
    text = str(error).lower()
    return next((number for words, number in _MESSAGE_CODES if words in text), None)


def _is_damaged(error: sqlite3.Error) -> bool:
    """Say whether SQLite itself reported the file as malformed or not a database."""
    return isinstance(error, _Damaged) or _error_code(error) in _DAMAGED_CODES


def _is_busy(error: sqlite3.Error) -> bool:
    """Say whether an SQLite error means another connection holds the lock (worth a retry)."""
    return _error_code(error) in _BUSY_CODES


def _plain_reason(error: BaseException, path: Path | None = None) -> str:
    """Say in plain words why the file could not be used, keeping SQLite's words in brackets."""
    if isinstance(error, sqlite3.Error) and _error_code(error) in (10, 13) and path is not None:
        try:  # SQLite often reports a full disk as a plain I/O error: look for ourselves
            if shutil.disk_usage(path.parent).free < _FULL_BELOW_BYTES:
                return f"the disk is full ({error})"
        except OSError:
            pass
    if isinstance(error, sqlite3.Error):
        reason = _PLAIN_REASONS.get(_error_code(error) or -1, "it could not be used")
        return f"{reason} ({error})"
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return f"the disk is full ({error.strerror})"
    return str(error)


class _Damaged(sqlite3.DatabaseError):
    """SQLite's own integrity check found the file damaged."""


class _NotOurs(Exception):
    """The file is a database, but not in a layout this version can write (newer or unknown)."""


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _keep_copy_and_remove(path: Path) -> Path:
    """Copy a damaged file (and its log) to ``<name>.corrupt-N``, then remove it; return the copy.

    The original is removed only once the copy is complete on disk; if copying fails
    (a full disk, say), the original stays where it is and the error is raised.
    """
    number = 1
    while path.with_name(f"{path.name}.corrupt-{number}").exists():
        number += 1
    kept = path.with_name(f"{path.name}.corrupt-{number}")
    pairs = [(path, kept)] + [
        (companion, kept.with_name(kept.name + companion.name[len(path.name) :]))
        for companion in _companions(path)
        if companion.exists()
    ]
    copied: list[Path] = []
    try:
        for source, target in pairs:
            with open(source, "rb") as reader, open(target, "xb") as writer:
                copied.append(target)
                shutil.copyfileobj(reader, writer)
                writer.flush()
                os.fsync(writer.fileno())
    except OSError:
        for target in copied:
            target.unlink(missing_ok=True)
        raise
    for source, _target in pairs:
        source.unlink(missing_ok=True)
    return kept


def _match_log_permissions(path: Path) -> None:
    """Give the -wal and -shm files the progress file's permissions again, if it can be written.

    SQLite creates them with the file's permissions; after a read-only spell they would
    otherwise stay read-only, and the file could never be written again.
    """
    if not os.access(path, os.W_OK):
        return
    mode = path.stat().st_mode & 0o666
    for companion in _companions(path):
        try:
            if companion.exists() and not os.access(companion, os.W_OK):
                companion.chmod(mode)
        except OSError:
            pass  # not ours to change: SQLite will say what it cannot do


def _valid_row(row: Sequence[object]) -> bool:
    """Say whether a row read back holds what an attempt must: four texts and a 0 or 1."""
    lesson, question, answer, correct, time_utc = row
    texts = all(isinstance(value, str) for value in (lesson, question, answer, time_utc))
    return texts and type(correct) is int and correct in (0, 1)


def _to_attempt(row: Sequence[object]) -> Attempt:
    lesson, question, answer, correct, time_utc = row
    return Attempt(str(lesson), str(question), str(answer), bool(correct), str(time_utc))


def _check_text(name: str, value: str) -> None:
    """Refuse text that cannot be saved as UTF-8 (a lone surrogate from a broken paste)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = value[error.start]
        raise CourseError(
            f"The {name} contains a character that cannot be saved (U+{ord(bad):04X}, half of a "
            "character pair, often left by a broken copy and paste). Delete it and type the text "
            "again."
        ) from None


def _table_columns(con: sqlite3.Connection) -> set[str]:
    return {row[1] for row in con.execute("PRAGMA table_info(attempt)")}


def _read_rows(
    con: sqlite3.Connection, where: str = "", params: Sequence[object] = ()
) -> list[Sequence[object]]:
    """Read the known columns of every attempt, in the order written, from any layout version.

    Raises :class:`_NotOurs` when a column the course needs is missing (renamed by a newer
    version, say), so nothing can be read.
    """
    missing = [column for column in _COLUMNS if column not in _table_columns(con)]
    if missing:
        raise _NotOurs(f"it has no {', '.join(missing)} column")
    return con.execute(_SELECT + where + " ORDER BY id", params).fetchall()


def _read_file(path: Path) -> tuple[list[Attempt], int]:
    """Read every attempt from a progress file without changing it (for a teacher's merge).

    Returns the attempts and the number of rows skipped because their values are not valid.
    """
    path = Path(path)
    if not path.is_file():
        what = "does not exist" if not path.exists() else "is not a file"
        raise CourseError(f"{path} {what}; check the name and try again.")
    try:
        with _connection(path, read_only=True) as con:
            kinds = dict(con.execute("SELECT name, type FROM sqlite_master"))
            if kinds.get("attempt") != "table":
                raise _NotOurs("it has no table of quiz attempts")
            rows = _read_rows(con)
    except (sqlite3.Error, _NotOurs) as error:
        raise CourseError(
            f"{path} is not a readable progress file ({error}); leave it out or ask for a new copy."
        ) from None
    good = [_to_attempt(row) for row in rows if _valid_row(row)]
    return good, len(rows) - len(good)


@contextmanager
def _connection(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    """Open one short-lived connection: autocommit, no busy wait (callers retry), full sync."""
    target, uri = str(path), False
    if read_only:
        # Without a write-ahead log (or with an empty one) the file is complete: open it as
        # immutable, so SQLite neither locks it nor leaves -wal/-shm files in a teacher's
        # folder, and a full disk (no room for a -shm file) does not stop the reading.
        log = path.with_name(path.name + "-wal")
        has_log = log.exists() and log.stat().st_size > 0
        target, uri = path.resolve().as_uri() + ("?mode=ro" if has_log else "?immutable=1"), True
    elif path.exists():
        _match_log_permissions(path)
    con = sqlite3.connect(target, uri=uri, timeout=0, isolation_level=None, check_same_thread=False)
    try:
        if read_only:  # keep the log's index in memory: reading then needs no -shm file
            con.execute("PRAGMA locking_mode = EXCLUSIVE")  # (none fits on a full disk)
        con.execute("PRAGMA trusted_schema = OFF")  # a file handed in may hold hostile views
        con.execute("PRAGMA synchronous = FULL")
        yield con
    finally:
        con.close()


def _retrying(action: Callable[[], _T], on_wait: Callable[[], None] | None = None) -> _T:
    """Run ``action()``; while SQLite says the file is busy, try again, for up to the timeout.

    SQLite refuses some lock upgrades at once (no busy wait), so the waiting is done here,
    with growing pauses. After a short quiet wait, ``on_wait()`` is called once so that the
    lesson can show that it is waiting.
    """
    start = time.monotonic()
    deadline = start + _BUSY_TIMEOUT_S
    pause, told = 0.005, False
    while True:
        try:
            return action()
        except sqlite3.OperationalError as error:
            if not _is_busy(error) or time.monotonic() + pause > deadline:
                raise
        if on_wait is not None and not told and time.monotonic() - start >= _QUIET_WAIT_S:
            told = True
            on_wait()
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def _write(con: sqlite3.Connection, attempts: Sequence[Attempt]) -> None:
    # BEGIN IMMEDIATE takes the write lock up front, so a second writer waits
    # instead of failing when it tries to upgrade a read lock.
    con.execute("BEGIN IMMEDIATE")
    try:
        con.executemany(
            _INSERT,
            [(a.lesson, a.question_id, a.answer, int(a.correct), a.time_utc) for a in attempts],
        )
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
