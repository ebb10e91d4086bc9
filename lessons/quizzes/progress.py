"""Keep every quiz attempt in a small SQLite file in the learner's own data folder.

Each attempt (lesson, question id, answer, right or not, UTC time) is committed
on its own, so a kernel killed mid-write loses at most the answer being
written. Several lessons open at once share the file safely (write-ahead log,
waiting for a lock, one short transaction per attempt). Only a file SQLite
itself reports as malformed or not a database is replaced, and only after a
copy of it is kept. A file that is full, read-only or locked is left exactly
as it is: new answers wait in memory and are written as soon as it can take
them. A file deleted while a lesson runs is started afresh; one written by a
newer version of the course (``PRAGMA user_version``) is read but never written.
Either way the store says so in :attr:`ProgressStore.message`, in words a
learner can act on, and the lesson goes on.

The file is ``progress.sqlite3`` in ``platformdirs.user_data_dir("knee-hip-course")``,
or the path in the environment variable ``COURSE_PROGRESS_DB``.

>>> store = ProgressStore(":memory:")
>>> _ = store.record("00-start-here", "knee-height", "49.9 cm", True)
>>> [(a.question_id, a.answer, a.correct) for a in store.attempts()]
[('knee-height', '49.9 cm', True)]
>>> print(progress_summary(store).splitlines()[1])  # doctest: +ELLIPSIS
- Start Here: 1 of ... right on the first try, 1 of ... right now, ... not tried yet.
"""

from __future__ import annotations

import argparse
import csv
import errno
import os
import shutil
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

import platformdirs

from lessons.core.errors import CourseError
from lessons.quizzes.bank import load_banks

__all__ = [
    "ENV_VAR",
    "Attempt",
    "LessonScore",
    "ProgressReport",
    "ProgressStore",
    "SCHEMA_VERSION",
    "ReviewItem",
    "default_path",
    "default_store",
    "merge_csv",
    "progress_report",
    "progress_summary",
]

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
            f"The {name} contains a character that cannot be saved (U+{ord(bad):04X}, half of "
            "a character pair, often left by a broken copy and paste). "
            "Delete it and type the text again."
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


class ProgressStore:
    """The attempts of one learner, in an SQLite file (or in memory if no file can be used).

    Args:
        path: the SQLite file; ``None`` for :func:`default_path`, ``":memory:"``
            for a store that lasts only as long as the kernel.

    After construction, and after any call, :attr:`message` is empty when all
    is well, or says in plain words what went wrong and what was done.
    Answers the file cannot take (it is full, read-only, locked, or from a newer
    version) are kept in memory and written to it by the next call that can.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path: Path | None = None
        self._lock = threading.Lock()
        self._pending: list[Attempt] = []  # answers not (yet) in the file
        self._notice = ""  # what was done about the file (recovered, recreated, caught up)
        self._problem = ""  # why the file cannot take answers right now
        self._skipped = 0  # rows read back whose values are not valid
        self._read_only_reason = ""  # set for a newer or unknown layout: never written
        self._prepared = False  # the file was checked and made ready since it last failed
        if str(path) == ":memory:":
            return
        self._open(Path(path) if path is not None else default_path())

    def __repr__(self) -> str:
        return f"ProgressStore({str(self.path) if self.path else ':memory:'!r})"

    @property
    def message(self) -> str:
        """Empty when all is well; else what went wrong with the file and what was done."""
        parts = [self._notice, self._problem]
        if self._skipped:
            parts.append(
                f"{self._skipped} saved answer{'s' if self._skipped != 1 else ''} in the progress "
                "file hold values this course cannot read and are left out of your scores "
                "(the file is not changed)."
            )
        return " ".join(part for part in parts if part)

    @property
    def unsaved(self) -> int:
        """How many answers are kept only in memory, waiting for the file to take them."""
        return len(self._pending) if self.path is not None else 0

    # ------------------------------------------------------------------ opening and recovering

    def _open(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._problem = (
                f"Your progress cannot be saved: the folder {path.parent} cannot be "
                f"created ({error.strerror or error}). Your answers are kept only until this "
                "notebook's kernel stops."
            )
            return
        if path.exists() and not path.is_file():  # never touch a folder in its place
            self._problem = (
                f"Your progress cannot be saved: {path} is a folder, not a file. Your answers "
                "are kept only until this notebook's kernel stops."
            )
            return
        self.path = path
        self._ready()

    def _prepare(self, on_wait: Callable[[], None] | None = None) -> None:
        """Make the file ready: write-ahead log, the table, the layout version, a sound file."""
        _retrying(self._prepare_once, on_wait)

    def _prepare_once(self) -> None:
        assert self.path is not None
        with _connection(self.path) as con:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _NotOurs(
                    f"it was written by a newer version of the course (format {version}; this "
                    f"version writes format {SCHEMA_VERSION})"
                )
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("BEGIN IMMEDIATE")
            try:
                columns = _table_columns(con)
                if columns and not set(_COLUMNS) <= columns:
                    raise _NotOurs("its table of answers is not laid out as this course expects")
                for statement in _SCHEMA:
                    con.execute(statement)
                if version < SCHEMA_VERSION:  # 0 → 1: same table, now with its version stamped
                    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
            verdict = con.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise _Damaged(f"integrity check: {verdict}")

    def _ready(self, on_wait: Callable[[], None] | None = None) -> bool:
        """Make sure the file can take answers, recovering what can be recovered; say whether."""
        assert self.path is not None
        if self._read_only_reason:
            return False
        if not self.path.exists():
            had = self._prepared
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)  # deleted with its folder?
                self._prepare(on_wait)
            except (sqlite3.Error, _NotOurs, OSError) as error:
                return self._failed(error)
            if had:
                self._notice = (
                    f"Your progress file {self.path} had been deleted; a new one was started, "
                    "and your answers from now on are saved in it."
                )
            self._prepared = True
            return True
        if self._prepared:
            return True
        try:
            self._prepare(on_wait)
        except (sqlite3.Error, _NotOurs, OSError) as error:
            return self._failed(error)
        self._prepared = True
        if not self._pending:  # nothing waits in memory: an earlier warning is stale now
            self._problem = ""
        return True

    def _failed(self, error: BaseException) -> bool:
        """Deal with a file that failed; return whether it can take answers now.

        Only a file SQLite reports as malformed or not a database is replaced, after a
        copy of it is kept. Anything else leaves the file exactly where it is.
        """
        assert self.path is not None
        keep = "Your new answers are kept in memory"
        if isinstance(error, _NotOurs):
            self._read_only_reason = str(error)
            self._problem = (
                f"Your progress file {self.path} cannot be written by this version of the "
                f"course: {error}. Your earlier answers are shown as far as they can be read, "
                f"and the file is left unchanged. {keep} only until this notebook's kernel "
                "stops: update the course (or use the version that wrote the file) to save them."
            )
            return False
        if isinstance(error, sqlite3.Error) and _is_damaged(error):
            try:
                kept = _keep_copy_and_remove(self.path)
                self._prepared = False
                self._prepare()
            except (OSError, sqlite3.Error, _NotOurs) as again:
                self._problem = (
                    f"Your progress file {self.path} is damaged ({error}), and it could not be "
                    f"set aside safely: {_plain_reason(again, self.path)}. It is left as it "
                    f"is. {keep} until this notebook's kernel stops, or until the problem is "
                    "fixed."
                )
                return False
            self._prepared = True
            self._problem = ""
            self._notice = (
                f"Your progress file was damaged; it was kept as {kept} and a fresh one started."
            )
            return True
        self._prepared = False  # check the file afresh next time
        self._problem = (
            f"New answers are kept in memory for now: the progress file {self.path} cannot be "
            f"written, because {_plain_reason(error, self.path)}. The file is left as it is, "
            "and the answers kept in memory are saved to it as soon as it can be written again "
            "(while this notebook's kernel runs)."
        )
        return False

    def _flush(self, on_wait: Callable[[], None] | None = None) -> None:
        """Write the answers kept in memory to the file, if it can take them now."""
        for _ in range(2):  # a second go after a damaged file was replaced by a fresh one
            if self.path is None or not self._pending or not self._ready(on_wait):
                return
            waiting = list(self._pending)

            def write(waiting: list[Attempt] = waiting) -> None:
                assert self.path is not None
                with _connection(self.path) as con:
                    _write(con, waiting)

            try:
                _retrying(write, on_wait)
            except sqlite3.Error as error:
                if "no such table" in str(error).lower():  # emptied or recreated meanwhile
                    self._prepared = False
                    continue
                if self._failed(error):
                    continue
                return
            self._caught_up(waiting)
            return

    def _caught_up(self, written: list[Attempt]) -> None:
        del self._pending[: len(written)]
        if self._problem:
            count = len(written)
            self._notice = (
                f"Your progress file can be written again: {count} answer"
                f"{'s' if count != 1 else ''} kept in memory meanwhile "
                f"{'are' if count != 1 else 'is'} saved in it now."
            )
        self._problem = ""

    # ------------------------------------------------------------------ the public operations

    def record(
        self,
        lesson: str,
        question_id: str,
        answer: str,
        correct: bool,
        *,
        time_utc: str | None = None,
        on_wait: Callable[[], None] | None = None,
    ) -> Attempt:
        """Save one attempt, committed at once; a file problem sets :attr:`message`.

        ``on_wait()``, if given, is called once when the file is locked by another lesson
        for more than a moment, so the lesson can show that it is waiting.
        Text that cannot be saved (a lone surrogate) raises a
        :class:`~lessons.core.errors.CourseError` that says what to do; nothing is saved then.
        """
        for name, value in (("lesson", lesson), ("question id", question_id), ("answer", answer)):
            _check_text(name, str(value))
        attempt = Attempt(
            str(lesson), str(question_id), str(answer), bool(correct), time_utc or _now_utc()
        )
        with self._lock:
            if not self._problem:
                self._notice = ""  # an earlier notice is stale once an answer is saved cleanly
            self._pending.append(attempt)
            self._flush(on_wait)
        return attempt

    def flush(self) -> int:
        """Try again to save the answers kept in memory; return how many are still unsaved."""
        with self._lock:
            self._flush()
            return self.unsaved

    def attempts(self, lesson: str | None = None) -> list[Attempt]:
        """Return the saved attempts, oldest first; only one lesson's if ``lesson`` is given.

        Answers kept in memory (the file could not take them yet) come last. Rows whose
        values are not valid (a ``correct`` other than 0 or 1, say) are left out and counted
        in :attr:`message`.
        """
        where, params = (" WHERE lesson = ?", (lesson,)) if lesson else ("", ())
        with self._lock:
            self._flush()
            rows = self._read(where, params)
            good = [row for row in rows if _valid_row(row)]
            self._skipped = len(rows) - len(good)
            kept = [a for a in self._pending if not lesson or a.lesson == lesson]
        return [_to_attempt(row) for row in good] + kept

    def _read(self, where: str, params: Sequence[object]) -> list[Sequence[object]]:
        """Read the file's rows; a file that cannot be written is still read if it can be."""
        if self.path is None:
            return []
        if not self._read_only_reason:
            self._ready()  # recreates a deleted file, replaces a damaged one
        for read_only in (bool(self._read_only_reason), True):
            if not self.path.is_file():
                return []

            def read(read_only: bool = read_only) -> list[Sequence[object]]:
                assert self.path is not None
                with _connection(self.path, read_only=read_only) as con:
                    return _read_rows(con, where, params)

            try:
                return _retrying(read)
            except _NotOurs:
                return []  # said already: nothing in the file can be read
            except sqlite3.Error as error:
                if _is_damaged(error):
                    self._failed(error)
                    return []
                if read_only:
                    self._failed(error)
                    return []
        return []

    def export_csv(self, path: str | Path) -> int:
        """Write every attempt to a CSV file for a teacher; return the number of attempts written.

        Columns: lesson, question_id, answer, correct (1 or 0), time_utc. A cell that a
        spreadsheet would take as a formula (it starts with = + - @, a tab or a carriage
        return) is written with a ``'`` in front, as OWASP advises, so it shows as text.
        """
        return _write_csv(path, list(_COLUMNS), (_csv_row(attempt) for attempt in self.attempts()))


#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """Return a CSV cell that a spreadsheet shows as text: a formula-like text gets a ``'``.

    >>> [_cell(v) for v in ("=1+1", "-3 cm", "@SUM(A1)", "49.9 cm", 1)]
    ["'=1+1", "'-3 cm", "'@SUM(A1)", '49.9 cm', 1]
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _csv_row(attempt: Attempt) -> list[object]:
    return [
        attempt.lesson,
        attempt.question_id,
        attempt.answer,
        int(attempt.correct),
        attempt.time_utc,
    ]


def _write_csv(path: str | Path, header: list[str], rows: Iterable[list[object]]) -> int:
    """Write the rows (cells neutralised) to a new file beside ``path``, then put it in place."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    count = 0
    try:
        with open(partial, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow([_cell(value) for value in row])
                count += 1
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return count


def merge_csv(
    paths: Iterable[str | Path], out: str | Path, *, skipped: list[str] | None = None
) -> int:
    """Merge several learners' progress files into one CSV, with a ``learner`` column first.

    Each learner is named after their file (``alice.sqlite3`` → ``alice``), so ask
    learners to name the copy they hand in. Every file is checked first: nothing is
    written if one is missing or cannot be read (the :class:`~lessons.core.errors.CourseError`
    names it). A row whose values are not valid is skipped; if ``skipped`` is a list,
    a line naming the file and the count is added to it for each file with such rows.
    Cells a spreadsheet would take as formulas are neutralised as in
    :meth:`ProgressStore.export_csv`. Returns the number of attempts written.
    """
    paths = [Path(path) for path in paths]
    out = Path(out)
    if any(path.resolve() == out.resolve() for path in paths):
        raise CourseError(f"{out} is one of the files to merge; choose another name for the CSV.")
    gathered = []
    for path in paths:
        attempts, bad = _read_file(path)
        gathered.append((path.stem, attempts))
        if bad and skipped is not None:
            skipped.append(
                f"{path}: {bad} row{'s' if bad != 1 else ''} with values that are not valid skipped"
            )
    rows = ([learner, *_csv_row(attempt)] for learner, attempts in gathered for attempt in attempts)
    return _write_csv(out, ["learner", *_COLUMNS], rows)


_STORES: dict[Path, ProgressStore] = {}


def default_store() -> ProgressStore:
    """Return the learner's store (opened once per kernel, per :func:`default_path`)."""
    path = default_path()
    if path not in _STORES:
        _STORES[path] = ProgressStore(path)
    return _STORES[path]


# --------------------------------------------------------------------------- "my progress"


@dataclass(frozen=True)
class LessonScore:
    """How one lesson's quiz is going: questions, tried, right on the first try, right now."""

    lesson: str
    title: str
    questions: int
    tried: int
    first_try: int
    right_now: int


@dataclass(frozen=True)
class ReviewItem:
    """A question worth another look: its last answer was wrong, or it took more than one try."""

    lesson: str
    title: str
    question_id: str
    prompt: str
    tries: int
    last_correct: bool


@dataclass(frozen=True)
class ProgressReport:
    """Scores per lesson and the questions to review, wrongly answered first.

    ``message`` is the progress store's; ``problems`` has one line per question bank that
    could not be loaded (its lesson is left out, every other lesson is scored).
    """

    lessons: tuple[LessonScore, ...]
    review: tuple[ReviewItem, ...]
    message: str
    problems: tuple[str, ...] = ()

    @property
    def warnings(self) -> list[str]:
        """Everything a learner should be told before the scores: the store's, then the banks'."""
        return ([self.message] if self.message else []) + list(self.problems)

    @property
    def empty(self) -> bool:
        """True when no answer has been saved yet."""
        return not any(score.tried for score in self.lessons)


def progress_report(store: ProgressStore | None = None) -> ProgressReport:
    """Sum up a learner's attempts against the current question banks.

    Questions removed from a bank since they were answered are left out, and so is
    a lesson whose bank cannot be loaded (``problems`` says which, and why). The
    review list puts questions whose last answer was wrong first (most tries
    first), then those that were right only after a wrong first try.
    """
    store = default_store() if store is None else store
    by_question: dict[tuple[str, str], list[bool]] = {}
    for attempt in store.attempts():
        by_question.setdefault((attempt.lesson, attempt.question_id), []).append(attempt.correct)
    scores: list[LessonScore] = []
    review: list[tuple[int, int, ReviewItem]] = []
    loaded = load_banks()
    for bank in loaded.banks:
        lesson = bank.lesson
        tried = first = now = 0
        for question in bank.questions:
            results = by_question.get((lesson, question.id))
            if not results:
                continue
            tried += 1
            first += results[0]
            now += results[-1]
            if not results[0] or not results[-1]:
                item = ReviewItem(
                    lesson, bank.title, question.id, question.prompt, len(results), results[-1]
                )
                review.append((int(results[-1]), -len(results), item))
        scores.append(LessonScore(lesson, bank.title, len(bank.questions), tried, first, now))
    review.sort(key=lambda entry: entry[:2])  # stable: lesson and bank order within a group
    return ProgressReport(
        tuple(scores), tuple(item for *_, item in review), store.message, loaded.problems
    )


_NO_DATA = (
    "No answers saved yet.\n"
    "Answer a lesson's self-check quiz, and your scores and what to review will appear here."
)


def progress_summary(store: ProgressStore | None = None) -> str:
    """Say in plain text how each lesson's quiz went and which questions to review.

    >>> print(progress_summary(ProgressStore(":memory:")))
    Your progress
    No answers saved yet.
    Answer a lesson's self-check quiz, and your scores and what to review will appear here.
    """
    report = progress_report(store)
    lines = ["Your progress"] + [f"⚠ {warning}" for warning in report.warnings]
    if report.empty:
        return "\n".join(lines + [_NO_DATA])
    for score in report.lessons:
        if not score.tried:
            lines.append(f"- {score.title}: not started yet ({score.questions} questions).")
            continue
        untried = score.questions - score.tried
        lines.append(
            f"- {score.title}: {score.first_try} of {score.questions} right on the first try, "
            f"{score.right_now} of {score.questions} right now"
            + (f", {untried} not tried yet." if untried else ".")
        )
    if not report.review:
        return "\n".join(
            lines + ["Nothing to review: every question you tried was right the first time."]
        )
    lines.append("To review (last answer wrong first):")
    for number, item in enumerate(report.review, start=1):
        state = "last answer wrong" if not item.last_correct else "right now, wrong at first"
        tries = f"{item.tries} {'try' if item.tries == 1 else 'tries'}"
        lines.append(f"{number}. {item.title}: {item.prompt} ({state}; {tries})")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None, prog: str = "course progress") -> int:
    """Run the teacher's command line: ``export OUT.csv`` or ``merge OUT.csv FILE ...``."""
    parser = argparse.ArgumentParser(
        prog=prog, description="Export quiz progress to CSV for a teacher."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="this learner's attempts to CSV")
    export.add_argument("out", type=Path)
    merge = commands.add_parser("merge", help="several learners' progress files to one CSV")
    merge.add_argument("out", type=Path)
    merge.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "export":
            count = default_store().export_csv(args.out)
        else:
            skipped: list[str] = []
            count = merge_csv(args.files, args.out, skipped=skipped)
            for line in skipped:
                print(f"warning: {line}", file=sys.stderr)
    except (CourseError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{count} attempt{'' if count == 1 else 's'} written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
