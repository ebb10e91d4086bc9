"""Progress to CSV for a teacher: one learner's attempts, or a class's files merged, with
every cell a spreadsheet would take as a formula written as text.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path

from lessons.core.errors import CourseError
from lessons.quizzes.progress.database import _COLUMNS, Attempt, _read_file

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

