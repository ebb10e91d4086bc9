"""The teacher's command line: ``python -m lessons.quizzes.progress export|merge``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from lessons.core.errors import CourseError
from lessons.quizzes.progress.export import merge_csv
from lessons.quizzes.progress.store import default_store


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
