"""The ``course`` command: what teachers and clinicians run, in one place.

    course clinic                   # the code-free clinic app in the browser (docs/clinic.md)
    course handouts                 # every lesson as an HTML handout, every stretch card as a PDF
    course instructor-guide         # teaching notes with the answer keys printed from the banks
    course validate                 # check every data file after editing one
    course progress export OUT.csv  # this learner's quiz answers, for the teacher
    course progress merge OUT.csv FILE ...   # a class's progress files, in one CSV

``course COMMAND --help`` says more. Installed with the package (``pip install .``);
in a checkout, ``make clinic``, ``make handouts`` and ``make instructor-guide`` run it.
Bad arguments stop with a one-line reason and exit code 2; a command that
could not do its work exits 1.

>>> main(["no-such-command"])
Traceback (most recent call last):
...
SystemExit: 2
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from importlib import metadata

__all__ = ["COMMANDS", "main"]

#: Each command: the module whose ``main(argv, prog)`` runs it, and one line of help.
COMMANDS: dict[str, tuple[str, str]] = {
    "clinic": (
        "lessons.apps.clinic_launcher",
        "open the clinic app: the patient-facing parts, without code, in the browser",
    ),
    "handouts": (
        "lessons.apps.handouts",
        "export every lesson to an HTML handout and every stretch card to PDF",
    ),
    "instructor-guide": (
        "lessons.apps.instructor_guide",
        "build the instructor guide, with answer keys printed from the question banks",
    ),
    "validate": ("lessons.core.validate", "check every data file (banks, stretches, red flags...)"),
    "progress": (
        "lessons.quizzes.progress",
        "export a learner's quiz progress, or merge a class's, to CSV",
    ),
}

#: What each extra adds, for the message when a command needs one that is not installed.
_EXTRAS = {"voila": "teach", "nbconvert": "teach", "mistune": "teach"}


def _version() -> str:
    try:
        return metadata.version("knee-hip-course")
    except metadata.PackageNotFoundError:  # imported from a checkout that was never installed
        return "not installed"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="course",
        description="The knee-hip course's commands for teachers and clinicians.",
        epilog="Run 'course COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (_, summary) in COMMANDS.items():
        commands.add_parser(name, help=summary, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``course COMMAND ...``: hand the rest of the line to the command's own parser."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        _parser().parse_args(argv)  # prints the help, or the error and exits 2
        return 2  # pragma: no cover - parse_args has exited
    name, rest = argv[0], argv[1:]
    module_name = COMMANDS[name][0]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        extra = _EXTRAS.get((error.name or "").split(".")[0])
        if extra is None:
            raise
        print(
            f"course {name}: needs {error.name}, which is not installed. Install the course with "
            f"its '{extra}' extra: pip install 'knee-hip-course[{extra}]' "
            f"(in a checkout: pip install -e '.[{extra}]').",
            file=sys.stderr,
        )
        return 1
    try:
        return module.main(rest, prog=f"course {name}")
    except KeyboardInterrupt:
        print(f"course {name}: stopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
