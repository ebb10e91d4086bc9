"""The learner's progress store: records each answer at once, and keeps answers the file
cannot take in memory (with a message that says why) until it can.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from lessons.quizzes.progress.database import (
    _COLUMNS,
    _SCHEMA,
    SCHEMA_VERSION,
    Attempt,
    _check_text,
    _connection,
    _Damaged,
    _is_damaged,
    _keep_copy_and_remove,
    _NotOurs,
    _now_utc,
    _plain_reason,
    _read_rows,
    _retrying,
    _table_columns,
    _to_attempt,
    _valid_row,
    _write,
    default_path,
)
from lessons.quizzes.progress.export import _csv_row, _write_csv


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
                "file hold values this course cannot read and are left out of your scores (the "
                "file is not changed)."
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
                f"Your progress cannot be saved: the folder {path.parent} cannot be created "
                f"({error.strerror or error}). Your answers are kept only until this notebook's "
                "kernel stops."
            )
            return
        if path.exists() and not path.is_file():  # never touch a folder in its place
            self._problem = (
                f"Your progress cannot be saved: {path} is a folder, not a file. Your answers are "
                "kept only until this notebook's kernel stops."
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
                    f"Your progress file {self.path} had been deleted; a new one was started, and "
                    "your answers from now on are saved in it."
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
                f"Your progress file {self.path} cannot be written by this version of the course: "
                f"{error}. Your earlier answers are shown as far as they can be read, and the "
                f"file is left unchanged. {keep} only until this notebook's kernel stops: update "
                "the course (or use the version that wrote the file) to save them."
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
                    f"set aside safely: {_plain_reason(again, self.path)}. It is left as it is. "
                    f"{keep} until this notebook's kernel stops, or until the problem is fixed."
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
            f"written, because {_plain_reason(error, self.path)}. The file is left as it is, and "
            "the answers kept in memory are saved to it as soon as it can be written again "
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
                f"Your progress file can be written again: {count} "
                f"answer{'s' if count != 1 else ''} kept in memory meanwhile "
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


_STORES: dict[Path, ProgressStore] = {}


def default_store() -> ProgressStore:
    """Return the learner's store (opened once per kernel, per :func:`default_path`)."""
    path = default_path()
    if path not in _STORES:
        _STORES[path] = ProgressStore(path)
    return _STORES[path]

