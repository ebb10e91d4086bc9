"""Check the course's data files after editing one: ``python -m lessons.core.validate [FILE ...]``.

With no files it checks every data file the course ships: the question banks,
the stretch catalog, the red flags, the nerve map, the source articles' claims
and the plain-words list. With files, it checks just those, telling each
kind by its name (``stretches.toml``, ``red_flags.toml``, …; any ``.toml`` in a
``quiz`` folder is a question bank). Each good file gives one ``ok:`` line with
what it holds; each problem one ``error:`` line naming the file, the entry and
the field, and how to fix it. The exit status is 1 if anything is wrong.

>>> main([str(DATA_DIR / "claims.toml")])  # doctest: +ELLIPSIS
ok: ...claims.toml (... claims from ... articles)
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from lessons.core.datafile import DATA_DIR
from lessons.core.errors import DataFileError
from lessons.core.validation import suggestion

__all__ = ["KINDS", "check_file", "check_files", "data_files", "describe_error", "kind_of", "main"]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _quiz(path: Path) -> str:
    from lessons.quizzes.bank import read_bank

    return _plural(len(read_bank(path).questions), "question")


def _stretches(path: Path) -> str:
    from lessons.stretches.catalog import read_catalog

    return _plural(len(read_catalog(path).stretches), "stretch").replace("stretchs", "stretches")


def _red_flags(path: Path) -> str:
    from lessons.red_flags.signs import read_red_flags

    flags = read_red_flags(path)
    return (
        f"{_plural(len(flags.steps), 'step')}, {_plural(len(flags.groups), 'group')}, "
        f"{_plural(len(flags.symptoms), 'symptom')}, "
        f"{_plural(len(flags.combinations), 'combination')}"
    )


def _nerve_map(path: Path) -> str:
    from lessons.nerve_map.model import read_nerve_map

    nerve_map = read_nerve_map(path)
    return (
        f"{_plural(len(nerve_map.structures), 'structure')}, "
        f"{_plural(len(nerve_map.patterns), 'piriformis pattern')}"
    )


def _claims(path: Path) -> str:
    from lessons.claims.model import read_claims

    claims = read_claims(path)
    return f"{_plural(len(claims.claims), 'claim')} from {_plural(len(claims.articles), 'article')}"


def _plain_words(path: Path) -> str:
    from lessons.core.plain_words import read_plain_words

    words = read_plain_words(path)
    return (
        f"{_plural(len(words.references), 'reference')}, "
        f"{_plural(len(words.jargon), 'jargon term')}"
    )


#: Each kind of data file, by file name, and the check that reads it and says what it holds.
KINDS: dict[str, Callable[[Path], str]] = {
    "stretches.toml": _stretches,
    "red_flags.toml": _red_flags,
    "nerve_map.toml": _nerve_map,
    "claims.toml": _claims,
    "plain_words.toml": _plain_words,
}


def kind_of(path: Path) -> Callable[[Path], str]:
    """The check for a data file, told by its name (or a ``quiz`` folder for a question bank).

    >>> kind_of(Path("lessons/data/quiz/00-start-here.toml")).__name__
    '_quiz'
    >>> kind_of(Path("stretch.toml"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lessons.core.errors.DataFileError: stretch.toml: ... (did you mean "stretches.toml"?); ...
    """
    if path.name in KINDS:
        return KINDS[path.name]
    if path.parent.name == "quiz" and path.suffix == ".toml":
        return _quiz
    known = [*KINDS, "quiz/<lesson>.toml"]
    raise DataFileError(
        path.name,
        None,
        None,
        f"is not a course data file{suggestion(path.name, KINDS)}; the data files are "
        f"{', '.join(known)}",
    )


def data_files() -> list[Path]:
    """Every data file the course ships, question banks first."""
    banks = sorted((DATA_DIR / "quiz").glob("*.toml"))
    return [*banks, *(DATA_DIR / name for name in KINDS)]


def _shown(path: Path) -> str:
    """The path as the user would type it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:  # outside the current folder: as given
        return str(path)


def describe_error(shown: str, error: DataFileError) -> str:
    """One ``error:`` line: the file, the entry, then the field and the problem.

    >>> describe_error("q.toml", DataFileError("q.toml", "knee", "answer", "is missing"))
    'error: q.toml: knee: answer is missing'
    >>> describe_error("q.toml", DataFileError("q.toml", None, None, "is not valid TOML"))
    'error: q.toml: is not valid TOML'
    """
    parts = [shown]
    if error.entry is not None:
        parts.append(str(error.entry))
    problem = error.problem if error.field is None else f"{error.field} {error.problem}"
    return f"error: {': '.join(parts)}: {problem}"


def check_file(path: Path, kind: str | None = None) -> str:
    """Check one data file; return its ``ok:`` or ``error:`` line.

    ``kind`` ("quiz" or a name in :data:`KINDS`) says what the file is, for a
    draft whose name or folder does not.
    """
    shown = _shown(path)
    try:
        check = kind_of(path) if kind is None else (_quiz if kind == "quiz" else KINDS[kind])
        return f"ok: {shown} ({check(path)})"
    except DataFileError as error:
        return describe_error(shown, error)


def check_files(paths: Sequence[Path], kind: str | None = None, quiet: bool = False) -> int:
    """Check files, printing a line each (errors to stderr; with ``quiet``, only the errors);
    return 1 if any is wrong, else 0."""
    failed = False
    for path in paths:
        line = check_file(Path(path), kind)
        wrong = line.startswith("error:")
        failed |= wrong
        if wrong or not quiet:
            print(line, file=sys.stderr if wrong else sys.stdout)
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None, prog: str = "course validate") -> int:
    """Check the named data files (default: all of them); print a line each; 1 if any is wrong."""
    parser = argparse.ArgumentParser(
        prog=prog, description="Check the course's data files after editing one."
    )
    parser.add_argument(
        "files", nargs="*", type=Path, help="data files to check (default: every one)"
    )
    parser.add_argument(
        "--quiet", action="store_true", help="print only the problems (nothing when all is well)"
    )
    args = parser.parse_args(argv)
    return check_files(args.files or data_files(), quiet=args.quiet)


if __name__ == "__main__":
    sys.exit(main())
