"""Keep every quiz attempt in a small SQLite file in the learner's own data folder.

Each attempt (lesson, question id, answer, right or not, UTC time) is committed
on its own, so a kernel killed mid-write loses at most the answer being
written. Several lessons open at once share the file safely (write-ahead log,
a busy timeout, one short transaction per attempt). A damaged file is moved
aside and a fresh one started; a folder that cannot be written falls back to
memory. Either way the store says so in :attr:`ProgressStore.message`, in words
a learner can act on, and the lesson goes on.

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
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import platformdirs

from lessons.core.errors import CourseError
from lessons.quizzes.bank import lesson_ids, load_bank

__all__ = [
    "ENV_VAR",
    "Attempt",
    "LessonScore",
    "ProgressReport",
    "ProgressStore",
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
_FILE_NAME = "progress.sqlite3"
_BUSY_TIMEOUT_S = 15.0
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

# SQLite result codes (https://sqlite.org/rescode.html) and, for Python 3.10, which
# lacks ``sqlite_errorcode``, the words of their messages.
_DAMAGED = {11: "malformed", 26: "not a database"}  # SQLITE_CORRUPT, SQLITE_NOTADB
_UNREADABLE = {14: "unable to open", 8: "readonly", 10: "disk i/o", 23: "authorization"}


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


def _kind_of_failure(error: sqlite3.Error) -> str | None:
    """Say whether an SQLite error means the file is "damaged", "unreadable", or neither (None)."""
    code = getattr(error, "sqlite_errorcode", None)
    text = str(error).lower()
    for kind, codes in (("damaged", _DAMAGED), ("unreadable", _UNREADABLE)):
        if (code is not None and code & 0xFF in codes) or any(
            words in text for words in codes.values()
        ):
            return kind
    return None


def _is_busy(error: sqlite3.Error) -> bool:
    """Say whether an SQLite error means another connection holds the lock (worth a retry)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
    return "locked" in str(error).lower() or "busy" in str(error).lower()


class _Damaged(sqlite3.DatabaseError):
    """SQLite's own integrity check found the file damaged."""


def _move_aside(path: Path) -> Path:
    """Rename a bad progress file (and journals) to ``<name>.corrupt-N``; return its new path."""
    number = 1
    while path.with_name(f"{path.name}.corrupt-{number}").exists():
        number += 1
    kept = path.with_name(f"{path.name}.corrupt-{number}")
    path.rename(kept)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(kept.with_name(kept.name + suffix))
    return kept


def _rows_to_attempts(rows: Iterable[Sequence[object]]) -> list[Attempt]:
    return [
        Attempt(str(lesson), str(question), str(answer), bool(correct), str(time))
        for lesson, question, answer, correct, time in rows
    ]


def _read_file(path: Path) -> list[Attempt]:
    """Read every attempt from a progress file without changing it (for a teacher's merge)."""
    try:
        with _connection(Path(path), read_only=True) as con:
            return _rows_to_attempts(con.execute(_SELECT + " ORDER BY id"))
    except sqlite3.Error as error:
        raise CourseError(
            f"{path} is not a readable progress file ({error}); leave it out or ask for a new copy."
        ) from None


@contextmanager
def _connection(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    """Open one short-lived connection: autocommit, busy timeout, full sync; closed on exit."""
    target, uri = str(path), False
    if read_only:
        # Without a write-ahead log beside it the file is complete: open it as immutable, so
        # SQLite neither locks it nor leaves -wal/-shm files in a teacher's folder.
        has_log = path.with_name(path.name + "-wal").exists()
        target, uri = path.resolve().as_uri() + ("?mode=ro" if has_log else "?immutable=1"), True
    con = sqlite3.connect(
        target, uri=uri, timeout=_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    try:
        con.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_S * 1000)}")
        con.execute("PRAGMA synchronous = FULL")
        yield con
    finally:
        con.close()


def _write(con: sqlite3.Connection, attempt: Attempt) -> None:
    # BEGIN IMMEDIATE takes the write lock up front, so a second writer waits
    # (busy timeout) instead of failing when it tries to upgrade a read lock.
    con.execute("BEGIN IMMEDIATE")
    try:
        con.execute(
            _INSERT,
            (
                attempt.lesson,
                attempt.question_id,
                attempt.answer,
                int(attempt.correct),
                attempt.time_utc,
            ),
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
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.message = ""
        self.path: Path | None = None
        self._lock = threading.Lock()
        self._memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        for statement in _SCHEMA:
            self._memory.execute(statement)
        if str(path) == ":memory:":
            return
        self._open(Path(path) if path is not None else default_path())

    def __repr__(self) -> str:
        return f"ProgressStore({str(self.path) if self.path else ':memory:'!r})"

    # ------------------------------------------------------------------ opening and recovering

    def _open(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._fall_back(
                f"Your progress cannot be saved: the folder {path.parent} cannot be "
                f"created ({error.strerror or error})"
            )
            return
        self.path = path
        try:
            self._prepare()
        except sqlite3.Error as error:
            self._recover(error)

    def _prepare(self) -> None:
        """Switch the file to write-ahead logging, create the table, and check the file is sound.

        Switching the journal mode upgrades a read lock, and SQLite refuses that at once
        (no busy wait) while another process writes, as when two lessons start together;
        so a busy file is tried again, with growing pauses, for up to the busy timeout.
        """
        deadline = time.monotonic() + _BUSY_TIMEOUT_S
        pause = 0.01
        while True:
            try:
                return self._prepare_once()
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    def _prepare_once(self) -> None:
        assert self.path is not None
        with _connection(self.path) as con:
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("BEGIN IMMEDIATE")
            for statement in _SCHEMA:
                con.execute(statement)
            con.execute("COMMIT")
            verdict = con.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise _Damaged(f"integrity check: {verdict}")

    def _fall_back(self, reason: str) -> None:
        self.path = None
        self.message = f"{reason}. Your answers are kept only until this notebook's kernel stops."

    def _recover(self, error: sqlite3.Error) -> bool:
        """Deal with a file that failed: move a bad one aside and start afresh, or use memory.

        Returns whether the file can be used again.
        """
        assert self.path is not None
        kind = "damaged" if isinstance(error, _Damaged) else _kind_of_failure(error)
        if kind is None:
            self.message = (
                f"Your progress file was busy or unavailable ({error}); answers it could not "
                "take are kept until this notebook's kernel stops."
            )
            return False
        if self.path.exists() and not self.path.is_file():  # never move a folder aside
            self._fall_back(f"Your progress cannot be saved: {self.path} is a folder, not a file")
            return False
        try:
            kept = _move_aside(self.path) if self.path.exists() else None
            self._prepare()
        except (OSError, sqlite3.Error) as again:
            self._fall_back(f"Your progress file {self.path} cannot be used ({again})")
            return False
        was = "was damaged" if kind == "damaged" else "could not be opened"
        self.message = (
            f"Your progress file {was}; it was kept as {kept} and a fresh one started."
            if kept
            else f"Your progress file {was}; a fresh one was started."
        )
        return True

    # ------------------------------------------------------------------ the public operations

    def record(
        self,
        lesson: str,
        question_id: str,
        answer: str,
        correct: bool,
        *,
        time_utc: str | None = None,
    ) -> Attempt:
        """Save one attempt, committed at once; a file problem sets :attr:`message`."""
        attempt = Attempt(lesson, question_id, answer, bool(correct), time_utc or _now_utc())
        with self._lock:
            for _ in range(2):
                if self.path is None:
                    break
                try:
                    with _connection(self.path) as con:
                        _write(con, attempt)
                    return attempt
                except sqlite3.Error as error:
                    if not self._recover(error):
                        break
            _write(self._memory, attempt)
        return attempt

    def attempts(self, lesson: str | None = None) -> list[Attempt]:
        """Return the saved attempts, oldest first; only one lesson's if ``lesson`` is given."""
        where, params = (" WHERE lesson = ?", (lesson,)) if lesson else ("", ())
        query = _SELECT + where + " ORDER BY id"
        with self._lock:
            rows: list[Sequence[object]] = []
            if self.path is not None:
                try:
                    with _connection(self.path) as con:
                        rows = con.execute(query, params).fetchall()
                except sqlite3.Error as error:
                    self._recover(error)
            rows += self._memory.execute(query, params).fetchall()
        return _rows_to_attempts(rows)

    def export_csv(self, path: str | Path) -> int:
        """Write every attempt to a CSV file for a teacher; return the number of attempts written.

        Columns: lesson, question_id, answer, correct (1 or 0), time_utc.
        """
        return _write_csv(path, list(_COLUMNS), (_csv_row(attempt) for attempt in self.attempts()))


def _csv_row(attempt: Attempt) -> list[object]:
    return [
        attempt.lesson,
        attempt.question_id,
        attempt.answer,
        int(attempt.correct),
        attempt.time_utc,
    ]


def _write_csv(path: str | Path, header: list[str], rows: Iterable[list[object]]) -> int:
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def merge_csv(paths: Iterable[str | Path], out: str | Path) -> int:
    """Merge several learners' progress files into one CSV, with a ``learner`` column first.

    Each learner is named after their file (``alice.sqlite3`` → ``alice``), so ask
    learners to name the copy they hand in. Nothing is written if a file cannot
    be read (the :class:`~lessons.core.errors.CourseError` names it).
    Returns the number of attempts written.
    """
    gathered = [(Path(path).stem, _read_file(Path(path))) for path in paths]
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
    """Scores per lesson and the questions to review, wrongly answered first."""

    lessons: tuple[LessonScore, ...]
    review: tuple[ReviewItem, ...]
    message: str

    @property
    def empty(self) -> bool:
        """True when no answer has been saved yet."""
        return not any(score.tried for score in self.lessons)


def progress_report(store: ProgressStore | None = None) -> ProgressReport:
    """Sum up a learner's attempts against the current question banks.

    Questions removed from a bank since they were answered are left out. The
    review list puts questions whose last answer was wrong first (most tries
    first), then those that were right only after a wrong first try.
    """
    store = default_store() if store is None else store
    by_question: dict[tuple[str, str], list[bool]] = {}
    for attempt in store.attempts():
        by_question.setdefault((attempt.lesson, attempt.question_id), []).append(attempt.correct)
    scores: list[LessonScore] = []
    review: list[tuple[int, int, ReviewItem]] = []
    for lesson in lesson_ids():
        bank = load_bank(lesson)
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
    return ProgressReport(tuple(scores), tuple(item for *_, item in review), store.message)


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
    lines = ["Your progress"] + ([f"⚠ {report.message}"] if report.message else [])
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the teacher's command line: ``export OUT.csv`` or ``merge OUT.csv FILE ...``."""
    parser = argparse.ArgumentParser(
        prog="python -m lessons.quizzes.progress", description="Export quiz progress to CSV for a teacher."
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
            count = merge_csv(args.files, args.out)
    except (CourseError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{count} attempt{'' if count == 1 else 's'} written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
