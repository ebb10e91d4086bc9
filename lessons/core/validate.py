"""Check every data file of the course, for a clinician or teacher who edited one.

    course validate          # or: python -m lessons.core.validate

Loads each file in ``lessons/data/`` with the checker the lessons themselves
use (each question bank, the stretches, the red flags, the nerve map, the
claims, the plain words), prints one line per file, and exits 1 if any file
has a problem, each named with its entry, its field and how to fix it.

>>> main(["--quiet"])
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from lessons.core.errors import CourseError

__all__ = ["checks", "main"]


def checks() -> list[tuple[str, Callable[[], object]]]:
    """Every data file with the function that loads and checks it, in a stable order."""
    from lessons.claims.model import load_claims
    from lessons.core.plain_words import load_plain_words
    from lessons.nerve_map.model import load_nerve_map
    from lessons.quizzes.bank import BANK_DIR, read_bank
    from lessons.red_flags.signs import load_red_flags
    from lessons.stretches.catalog import load_catalog

    banks = [
        (f"quiz/{path.name}", lambda path=path: read_bank(path))
        for path in sorted(Path(BANK_DIR).glob("*.toml"))
    ]
    return [
        *banks,
        ("stretches.toml", load_catalog),
        ("red_flags.toml", load_red_flags),
        ("nerve_map.toml", load_nerve_map),
        ("claims.toml", load_claims),
        ("plain_words.toml", load_plain_words),
    ]


def main(argv: Sequence[str] | None = None, prog: str = "course validate") -> int:
    """Check every data file; return 0 if all are sound, 1 if any is not, 2 for bad arguments."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="print only the problems")
    args = parser.parse_args(argv)
    problems = 0
    for name, load in checks():
        try:
            load()
        except (CourseError, OSError) as error:
            problems += 1
            print(f"✗ {name}: {error}", file=sys.stderr)
        else:
            if not args.quiet:
                print(f"✓ {name}")
    if problems:
        print(f"{problems} data file{'s' if problems > 1 else ''} to fix.", file=sys.stderr)
        return 1
    if not args.quiet:
        print("Every data file is sound.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
