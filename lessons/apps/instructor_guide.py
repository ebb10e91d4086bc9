"""Assemble the instructor guide: every lesson's teaching notes and its answer key from the banks.

    course instructor-guide                 # into build/instructor/ (or: make instructor-guide)
    course instructor-guide --out DIR

For every lesson notebook there is one page of teaching notes in
``instructor/<quiz id>.md`` (timing, the order to demonstrate the widgets in,
discussion prompts, the misconceptions learners bring). This command puts each
together with what must never be copied by hand:

- the lesson's title, stated time and objectives, read from the notebook;
- the answer key, printed from the lesson's question bank
  (:func:`lessons.quizzes.bank.answer_sheet`), so editing a bank changes the key;

and writes, per lesson and for the whole course, a Markdown file and a
self-contained HTML file with print styles (large type, one lesson per printed
page run, no fonts or scripts from the network).

It checks as it goes, and stops with a message naming the file if a notebook
has no notes or notes have no notebook, a required section is missing, or the
timing plan does not add up to the time the lesson states.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import mistune
import nbformat

from lessons.apps.course_folder import (
    course_root,
    lesson_notebooks,
    missing_folder,
    writer_parser,
)
from lessons.core.errors import CourseError
from lessons.quizzes.bank import (
    BANK_DIR,
    QUESTION_TYPES,
    answer_sheet,
    correct_answer_text,
    load_bank,
)
from lessons.red_flags.signs import load_red_flags

__all__ = [
    "GUIDE_DIR",
    "GuideError",
    "Lesson",
    "answer_key",
    "build",
    "course_lessons",
    "lesson_markdown",
    "main",
    "notebook_title",
    "quiz_id",
]

ROOT = course_root()
GUIDE_DIR = ROOT / "instructor"
DEFAULT_OUT = ROOT / "build" / "instructor"
#: The sections every page of teaching notes must have, in this order.
SECTIONS = ("Timing", "Demonstration order", "Discussion prompts", "Misconceptions learners bring")

_QUIZ_CALL = re.compile(r"""\bquiz\(\s*["']([a-z0-9][a-z0-9-]*)["']""")
_OBJECTIVES = re.compile(r"\*\*By the end[^*]*\*\*\s*\n((?:\s*- .*\n?)+)")
_TIME = re.compile(r"\*\*Time:\*\*\s*(.+)")
_TIMING_ROW = re.compile(r"^\|\s*(\d+)\s*[–-]\s*(\d+)\s*\|", re.MULTILINE)
_HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)


class GuideError(CourseError):
    """The teaching notes and the lessons do not fit together: the message names the file."""


@dataclass(frozen=True)
class Lesson:
    """One lesson as the guide sees it: its notebook, its notes and its question bank."""

    number: str
    notebook: Path
    notes: Path
    quiz: str
    title: str
    time: str
    objectives: str


def notebook_title(nb: nbformat.NotebookNode) -> str:
    """Return a notebook's first heading as plain text (the lesson's title)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+?)\s*$", cell.source, re.MULTILINE)
            if match:
                return re.sub(r"[*_`]", "", match.group(1))
    return "Untitled lesson"


def quiz_id(source: str) -> str | None:
    """Return the lesson id a cell's ``quiz("...")`` call names, or None.

    >>> quiz_id('from lessons.quizzes.widget import quiz\\n\\nquiz("02-knee-and-hip")')
    '02-knee-and-hip'
    """
    match = _QUIZ_CALL.search(source)
    return match.group(1) if match else None


def _number(path: Path) -> str:
    return path.name.split("-", 1)[0]


def course_lessons(
    notebooks: Sequence[Path] | None = None, guide_dir: Path = GUIDE_DIR
) -> list[Lesson]:
    """Pair every lesson notebook with its notes and its quiz, in course order.

    Raises:
        GuideError: a notebook without notes, notes without a notebook, or a
            notebook without a quiz or without its objectives and time.
    """
    notebooks = list(notebooks) if notebooks is not None else lesson_notebooks()
    notes = {_number(p): p for p in sorted(guide_dir.glob("*.md")) if p.name != "README.md"}
    lessons = []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        quizzes = [
            q for cell in nb.cells if cell.cell_type == "code" and (q := quiz_id(cell.source))
        ]
        if not quizzes:
            raise GuideError(
                f'{path.name} has no quiz("...") cell, so the guide has no answer key for it.'
            )
        expected = guide_dir / f"{quizzes[0]}.md"
        found = notes.pop(_number(path), None)
        if found is None or found != expected:
            raise GuideError(
                f"{path.name} needs teaching notes in "
                f"{expected.relative_to(expected.parent.parent)}"
                + (f" (found {found.name} instead)." if found else ".")
            )
        top = nb.cells[0].source
        objectives, time = _OBJECTIVES.search(top), _TIME.search(top)
        if not objectives or not time:
            raise GuideError(
                f"{path.name}: the first cell must state the objectives "
                "(**By the end you can:** and a list) and the **Time:**."
            )
        lessons.append(
            Lesson(
                _number(path),
                path,
                found,
                quizzes[0],
                notebook_title(nb),
                time.group(1).strip(),
                objectives.group(1).strip(),
            )
        )
    if notes:
        names = ", ".join(p.name for p in notes.values())
        raise GuideError(
            f"instructor/{names}: no lesson notebook has this number; rename or remove it."
        )
    return lessons


def _allowed_minutes(time: str) -> set[int]:
    """The totals a timing plan may add up to: the
    stated time, or the time plus its optional part."""
    base = re.search(r"about (\d+) minutes", time)
    if not base:
        return set()
    total = int(base.group(1))
    plus = re.search(r"plus (?:(\d+) to )?(\d+) minutes", time)
    return {total, total + int(plus.group(2))} if plus else {total}


def _check_notes(lesson: Lesson, text: str) -> None:
    where = f"instructor/{lesson.notes.name}"
    headings = re.findall(r"^## (.+?)\s*$", text, re.MULTILINE)
    missing = [s for s in SECTIONS if s not in headings]
    if missing:
        raise GuideError(f"{where}: add the section(s) {', '.join('## ' + s for s in missing)}.")
    if (
        re.search(r"^# ", text, re.MULTILINE)
        or "## Answer key" in headings
        or "## Objectives" in headings
    ):
        raise GuideError(
            f"{where}: leave out the title, objectives and answer key: "
            "the guide takes them from the notebook and the question bank."
        )
    rows = [(int(a), int(b)) for a, b in _TIMING_ROW.findall(text)]
    allowed = _allowed_minutes(lesson.time)
    if (
        not rows
        or rows[0][0] != 0
        or any(b0 != a1 for (_, b0), (a1, _) in zip(rows, rows[1:], strict=False))
    ):
        raise GuideError(
            f"{where}: the timing table must run from minute 0 without gaps "
            "(rows like | 0–5 | ... |, each starting where the last ended)."
        )
    if rows[-1][1] not in allowed:
        raise GuideError(
            f"{where}: the timing plan ends at minute {rows[-1][1]}, but the lesson "
            f"states {lesson.time!r}."
        )


def answer_key(lesson_id: str) -> str:
    """Write a lesson's answer key (Markdown) from its
    bank: a list at a glance, then the full sheet.

    >>> print(answer_key("00-start-here").splitlines()[0])
    ## Answer key
    """
    bank = load_bank(lesson_id)
    glance = [
        f"{number}. `{q.id}` ({QUESTION_TYPES[q.type]}): {correct_answer_text(q)}"
        for number, q in enumerate(bank.questions, start=1)
    ]
    sheet = _HEADING.sub(lambda m: "#" * (len(m.group(1)) + 2) + " ", answer_sheet(lesson_id))
    return "\n".join(
        [
            "## Answer key",
            "",
            f"Printed from the question bank `lessons/data/quiz/{lesson_id}.toml` by "
            "`course instructor-guide`: "
            "to change an answer, edit the bank, not this page.",
            "",
            "### At a glance",
            "",
            *glance,
            "",
            sheet.rstrip(),
            "",
        ]
    )


#: A line in a lesson's notes that the guide replaces with the red-flag table, printed from data.
RED_FLAGS_MARKER = "<!-- red-flags-table -->"


def red_flags_table() -> str:
    """Write every warning sign with its step, in both wordings, from the red-flag file (Markdown).

    >>> print(red_flags_table().splitlines()[0])
    ## Every red flag and its step, from the data file
    """
    flags = load_red_flags()
    cell = lambda text: text.replace("|", "\\|")  # noqa: E731 - a table cell escapes its bars
    rows = [
        f"| {cell(step.headline)} | {cell(sign.label)} "
        f"| {cell(sign.clinician)} | {cell(sign.reason)} |"
        for step, signs in flags.sections()
        for sign in signs
    ]
    rules = [
        f"- {rule.label} ({flags.step(rule.step).name}): {rule.reason} *Source: {rule.source}.*"
        for rule in flags.combinations
    ]
    return "\n".join(
        [
            "## Every red flag and its step, from the data file",
            "",
            "Printed from `lessons/data/red_flags.toml` by `course instructor-guide`, the "
            "one source of every sign's step (FACTS E5): to change a step, edit that file.",
            "",
            "| Step | In a patient's words | In a clinician's words | Why |",
            "|---|---|---|---|",
            *rows,
            "",
            "Combinations that raise the step:",
            "",
            *rules,
        ]
    )


def lesson_markdown(lesson: Lesson) -> str:
    """Write one lesson's guide: title, time and
    objectives from the notebook, the notes, the key."""
    notes = lesson.notes.read_text(encoding="utf-8").strip()
    notes = "\n".join(
        red_flags_table() if line.strip() == RED_FLAGS_MARKER else line
        for line in notes.splitlines()
    )
    _check_notes(lesson, notes)
    return "\n".join(
        [
            f"# Lesson {lesson.number}: {lesson.title}",
            "",
            f"Notebook: `notebooks/{lesson.notebook.name}`. Stated time: {lesson.time}",
            "",
            "## Objectives (as the lesson states them)",
            "",
            lesson.objectives,
            "",
            notes,
            "",
            answer_key(lesson.quiz),
        ]
    )


_CSS = """
body { font: 14pt/1.5 "DejaVu Sans", "Segoe UI", Arial, sans-serif; max-width: 46em;
       margin: 1.5em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.7em; border-bottom: 3px solid #0072B2; padding-bottom: 0.2em; }
h2 { font-size: 1.35em; margin-top: 1.4em; }
h3 { font-size: 1.15em; }
h4 { font-size: 1em; margin-bottom: 0.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th, td { border: 1px solid #777; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
th { background: #eee; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.9em; }
blockquote { border-left: 4px solid #E69F00; margin-left: 0; padding-left: 0.8em; }
nav ol { columns: 2; }
@media print {
  body { max-width: none; margin: 0; font-size: 13pt; }
  section.lesson { break-before: page; }
  h1, h2, h3, h4 { break-after: avoid; }
  tr, li, blockquote { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  nav { break-after: page; }
}
"""

_markdown = mistune.create_markdown(escape=True, plugins=["table"])


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _section(lesson: Lesson, markdown: str) -> str:
    return f'<section class="lesson" id="lesson-{lesson.number}">\n{_markdown(markdown)}</section>'


def build(out: Path = DEFAULT_OUT, guide_dir: Path = GUIDE_DIR) -> list[Path]:
    """Write the guide per lesson and for the whole
    course into ``out``; return the files written."""
    lessons = course_lessons(guide_dir=guide_dir)
    pages = [(lesson, lesson_markdown(lesson)) for lesson in lessons]  # all checked before writing
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for lesson, text in pages:
        stem = out / lesson.notes.stem
        stem.with_suffix(".md").write_text(text, encoding="utf-8")
        stem.with_suffix(".html").write_text(
            _page(f"Instructor guide, lesson {lesson.number}", _section(lesson, text)),
            encoding="utf-8",
        )
        written += [stem.with_suffix(".md"), stem.with_suffix(".html")]
    title = "Instructor guide: the knee–hip kinetic chain and sciatica"
    intro = (
        "For teachers running the course in a classroom: per lesson, a timed plan, the order to "
        "demonstrate the widgets in and what to say, discussion prompts, the misconceptions "
        "learners bring, and the answer key printed from the question banks. "
        "Every clinical statement cites the course's fact sheet (FACTS ids)."
    )
    contents = [
        f"{n}. Lesson {lesson.number}: {lesson.title}" for n, (lesson, _) in enumerate(pages, 1)
    ]
    whole_md = "\n\n".join([f"# {title}", intro, "\n".join(contents), *(text for _, text in pages)])
    (out / "instructor-guide.md").write_text(whole_md + "\n", encoding="utf-8")
    nav = "".join(
        f'<li><a href="#lesson-{lesson.number}">'
        f"Lesson {lesson.number}: {html.escape(lesson.title)}</a></li>"
        for lesson, _ in pages
    )
    body = (
        f"<h1>{html.escape(title)}</h1>\n<p>{html.escape(intro)}</p>\n<nav><h2>Contents</h2><ol>{nav}</ol></nav>\n"
        + "\n".join(_section(lesson, text) for lesson, text in pages)
    )
    (out / "instructor-guide.html").write_text(_page(title, body), encoding="utf-8")
    return [*written, out / "instructor-guide.md", out / "instructor-guide.html"]


def main(argv: Sequence[str] | None = None, prog: str = "course instructor-guide") -> int:
    """Run the command line; return 0, 1 with the reason on stderr, or 2 for bad arguments."""
    parser = writer_parser(prog, __doc__, DEFAULT_OUT)
    args = parser.parse_args(argv)
    problem = missing_folder(ROOT, "notebooks", "instructor")
    if problem:
        print(f"{parser.prog}: {problem}", file=sys.stderr)
        return 1
    try:
        written = build(args.out)
    except CourseError as error:
        print(f"{parser.prog}: {error}", file=sys.stderr)
        return 1
    print(
        f"Wrote {len(written)} files to {args.out} (question banks: {BANK_DIR})."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
