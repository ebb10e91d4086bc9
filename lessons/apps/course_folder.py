"""Find the course folder, the one with ``notebooks/``, ``instructor/``, ``clinic/``, ``figures/``.

The ``course`` command works on the course's files, which are not inside the
package: in a checkout (or the unpacked download) they sit beside ``lessons/``.
The folder is the current one if it holds ``notebooks/``, else the checkout
this package was imported from, else the current folder (where a command then
says which folder it is missing).

>>> (course_root() / "notebooks").is_dir()
True
"""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["CHECKOUT", "course_root", "lesson_notebooks", "missing_folder", "writer_parser"]

#: Where the package's checkout is, if it was imported from one (not from an installed wheel).
CHECKOUT = Path(__file__).resolve().parents[2]


def course_root() -> Path:
    """Return the course folder: the current one or this package's checkout, if it has lessons."""
    for candidate in (Path.cwd(), CHECKOUT):
        if (candidate / "notebooks").is_dir():
            return candidate
    return Path.cwd()


def lesson_notebooks(root: Path | None = None) -> list[Path]:
    """Return the lesson notebooks in course order (their names start with the lesson number)."""
    folder = (root or course_root()) / "notebooks"
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))


def missing_folder(root: Path, *names: str) -> str | None:
    """Say which of the course's folders ``root`` lacks, in one line, or None if it has them all.

    >>> print(missing_folder(Path("/nonexistent"), "notebooks"))  # doctest: +ELLIPSIS
    /nonexistent is not the course folder: it has no notebooks/. Run this command in the ...
    """
    missing = [name for name in names if not (root / name).is_dir()]
    if not missing:
        return None
    return (
        f"{root} is not the course folder: it has no {', '.join(n + '/' for n in missing)}. "
        "Run this command in the course folder (the one with notebooks/ and instructor/)."
    )


def writer_parser(prog: str, doc: str | None, default_out: Path) -> argparse.ArgumentParser:
    """The command line of a command that writes files: its description, and ``--out``."""
    parser = argparse.ArgumentParser(prog=prog, description=(doc or "").splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=default_out,
        help=f"folder to write into (default: {default_out})",
    )  # fmt: skip
    return parser
