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

from lessons.quizzes.progress.cli import main
from lessons.quizzes.progress.database import ENV_VAR, SCHEMA_VERSION, Attempt, default_path
from lessons.quizzes.progress.export import merge_csv
from lessons.quizzes.progress.report import (
    LessonScore,
    ProgressReport,
    ReviewItem,
    progress_report,
    progress_summary,
)
from lessons.quizzes.progress.store import ProgressStore, default_store

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
    "main",
    "merge_csv",
    "progress_report",
    "progress_summary",
]

