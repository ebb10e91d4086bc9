"""Export every lesson to a static HTML handout and every stretch card to PDF.

    course handouts          # or: make handouts

The handouts are made from the SAVED executed notebooks (no kernel runs), for
a teacher to print or a learner to read offline:

- one ``NN-Title.html`` per lesson: code hidden, figures embedded as ``data:``
  URIs, nothing fetched from the network (no require.js, MathJax or fonts);
  each explorer shows the still picture it saved, with its readout as the
  picture's alternative text and as a visible caption; a quiz is listed from
  its question bank without the answers; any other widget (the setup check, the
  hold timer, the routine builder...: an output whose metadata marks it as a
  course widget) becomes one line, "Interactive in the course", instead of its
  text form; any other output prints as it is;
- one ``stretch-card-<id>.pdf`` per stretch in the catalog, and
  ``stretch-card-default-routine.pdf`` with the routine builder's starting choice;
- ``index.html`` linking them all.

The export fails (exit 1, naming the lesson and the picture) if any picture
lacks real alternative text, or if a page would reach the network.

Usage::

    course handouts                # into build/handouts/
    course handouts --out DIR --page Letter
"""

from __future__ import annotations

import base64
import copy
import html
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from lessons.apps.course_folder import lesson_notebooks, missing_folder, writer_parser
from lessons.apps.instructor_guide import ROOT, notebook_title, quiz_id
from lessons.core.errors import CourseError
from lessons.core.still import widget_title
from lessons.quizzes.bank import QUESTION_TYPES, Question, load_bank, option_order
from lessons.stretches.card import PAGE_SIZES, card_pdf
from lessons.stretches.catalog import load_catalog, routine_item

__all__ = ["HandoutError", "build", "export_lesson", "html_problems", "main", "print_notebook"]

DEFAULT_OUT = ROOT / "build" / "handouts"
TEMPLATES = Path(__file__).resolve().parent / "handout_templates"
FIGURES = ROOT / "figures"
#: What nbconvert writes when a picture has no alternative text: never acceptable in a handout.
NBCONVERT_PLACEHOLDER = "No description has been provided for this image"
INTERACTIVE_NOTE = "Interactive in the course"
BANNER = (
    "Printed handout of a course lesson. Each diagram is a still picture of the lesson's starting "
    "position, with its words underneath; quizzes are listed without their answers. "
    "To move the diagrams and check your answers, open the lesson in JupyterLab."
)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""\b([a-zA-Z-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_EXTERNAL = re.compile(
    r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*["']?(?:https?:)?//""", re.IGNORECASE)
_NOTEBOOK_LINK = re.compile(r'href="([^"#]+)\.ipynb(#[^"]*)?"')

_CSS = """
:root { --jp-content-font-size1: 16px; }
body.jp-Notebook { max-width: 52em; margin: 0 auto; padding: 1em 1.5em; }
.jp-RenderedHTMLCommon { font-size: 16px; line-height: 1.5; }
.handout-banner, .handout-figure figcaption { font-family: var(--jp-content-font-family); }
.handout-banner { font-size: 14px; border: 2px solid #555; padding: 0.5em 0.8em; margin: 0 0 1em; }
.jp-OutputArea-output { display: block; overflow: visible; }
.handout-figure { margin: 0.5em 0 1em; max-width: 100%; }
.handout-figure img { max-width: 100% !important; height: auto; border: 1px solid #bbb; }
.handout-figure figcaption { font-size: 14px; margin-top: 0.3em; }
.handout-note { font-style: italic; border-left: 4px solid #0072B2; padding: 0.2em 0.8em; }
.handout-quiz ol > li { margin-bottom: 1em; break-inside: avoid; }
.handout-quiz .kind { font-style: italic; font-size: 0.9em; }
.handout-quiz ul.options { list-style: none; padding-left: 0.5em; }
.handout-quiz ul.options li::before { content: "\\2610\\00a0"; }
.handout-quiz img { max-width: 100%; height: auto; }
@media print {
  body.jp-Notebook { max-width: none; padding: 0; }
  .jp-RenderedHTMLCommon { font-size: 13pt; }
  .handout-banner { font-size: 11pt; }
  .handout-figure, .jp-RenderedHTMLCommon table, .handout-quiz li { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  a { color: inherit; }
}
"""


class HandoutError(CourseError):
    """A lesson cannot become a handout as it is: the message names the lesson and what to fix."""


# --------------------------------------------------------------------------- the notebook


def print_notebook(nb: nbformat.NotebookNode, lesson: str) -> nbformat.NotebookNode:
    """Return a copy of a saved lesson with every output made fit for paper.

    Pictures stay (each must carry alternative text, else :class:`HandoutError`);
    a quiz becomes its questions without answers; static HTML (a "myth or fact"
    table) stays; a widget's output (marked in its metadata, see
    :func:`lessons.core.still.widget_title`) becomes one line saying it is
    interactive in the course; any other output stays as it is.
    """
    nb = copy.deepcopy(nb)
    nb.metadata["title"] = notebook_title(nb)
    for number, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not cell.get("outputs"):
            continue
        where = f"{lesson}, cell {number} ({_first_line(cell.source)})"
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if errors:
            raise HandoutError(
                f"{where}: the saved output is an error ({errors[0].ename}). "
                "Re-execute the notebook (python -m tools.notebooks execute) first."
            )
        pictures = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        if pictures:
            for output in pictures:
                _check_alt(output, where)
            cell.outputs = pictures
        elif quiz_id(cell.source):
            cell.outputs = [_html_output(quiz_html(quiz_id(cell.source)))]
        elif any("text/html" in o.get("data", {}) for o in cell.outputs):
            # Static HTML (a myth-or-fact table) is not interactive: it prints as it is.
            cell.outputs = [
                _html_output(o.data["text/html"])
                for o in cell.outputs
                if "text/html" in o.get("data", {})
            ]
        elif any(widget_title(o.get("metadata")) is not None for o in cell.outputs):
            cell.outputs = [_html_output(_interactive_note(cell.outputs))]
    return nb


def _first_line(source: str) -> str:
    lines = [
        line
        for line in source.splitlines()
        if line.strip() and not line.startswith(("from ", "import "))
    ]
    return (lines or source.splitlines() or [""])[0].strip()[:60]


def _check_alt(output: nbformat.NotebookNode, where: str) -> None:
    alt = str(output.get("metadata", {}).get("image/png", {}).get("alt", "")).strip()
    if not alt or alt == NBCONVERT_PLACEHOLDER:
        raise HandoutError(
            f"{where}: the picture has no alternative text. An explorer's picture needs "
            '{"image/png": {"alt": "..."}} in its output metadata (Explorer._repr_mimebundle_); '
            "re-execute the notebook, or give the figure a description."
        )


def _html_output(markup: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_output("display_data", data={"text/html": markup})


def _interactive_note(outputs: Sequence[nbformat.NotebookNode]) -> str:
    """One line in place of a widget that has no picture: what it is, and where to use it.

    A course widget's output names it in its metadata (``lessons.core.still.WIDGET_KEY``);
    its words are never read.
    """
    names = (widget_title(o.get("metadata")) for o in outputs)
    name = next((n for n in names if n), "")
    what = f": {html.escape(name)}." if name else "."
    return (
        f'<p class="handout-note">{INTERACTIVE_NOTE}{what} '
        "Open this lesson in JupyterLab to use it.</p>"
    )


# --------------------------------------------------------------------------- the quiz on paper


def quiz_html(lesson_id: str) -> str:
    """List a lesson's quiz questions for paper, in the bank's order, without the answers.

    Options appear in the order the quiz shows them (never the bank's, whose
    first option is often the right one), with a box to tick.
    """
    bank = load_bank(lesson_id)
    items = "".join(f"<li>{_question_html(q, lesson_id)}</li>" for q in bank.questions)
    return (
        f'<div class="handout-quiz"><p><b>Self-check quiz</b> ({len(bank.questions)} questions). '
        "Answer on paper, then check your answers in the lesson in JupyterLab.</p>"
        f"<ol>{items}</ol></div>"
    )


def _question_html(question: Question, lesson_id: str) -> str:
    esc = html.escape
    parts = [
        f"<p>{esc(question.prompt)} "
        f'<span class="kind">({esc(QUESTION_TYPES[question.type])})</span></p>'
    ]
    if question.figure:
        parts.append(_quiz_figure(question))
    kind = question.type
    if kind == "true-false":
        parts.append('<ul class="options"><li>True</li><li>False</li></ul>')
    elif kind == "numeric":
        parts.append(f"<p>Your answer: ____________ {esc(question.unit)}</p>")
    elif kind in ("single", "multiple"):
        parts.append(_options(option_order(question, lesson_id)))
    elif kind == "ordering":
        parts.append(
            "<p>Number these from first to last:</p>" + _options(option_order(question, lesson_id))
        )
    else:  # matching, labelling: one choice per slot
        slots = "".join(f"<li>{esc(slot)} → ____________</li>" for slot in question.slots)
        parts.append(
            f"<ul>{slots}</ul><p>Choose from: "
            f"{esc(' · '.join(option_order(question, lesson_id)))}</p>"
        )
    return "".join(parts)


def _options(options: Sequence[str]) -> str:
    return '<ul class="options">' + "".join(f"<li>{html.escape(o)}</li>" for o in options) + "</ul>"


def _quiz_figure(question: Question) -> str:
    """Embed a question's figure, described in words
    by its markers (the figure has no names on it)."""
    path = FIGURES / str(question.figure)
    if not path.is_file():
        raise HandoutError(
            f"question {question.id!r} shows {path.name}, which is not in figures/ "
            "(regenerate it with python -m lessons.core.figures)."
        )
    kind = "svg+xml" if path.suffix == ".svg" else path.suffix.lstrip(".")
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    alt = "The figure for this question, without names. " + " ".join(
        slot.rstrip(".") + "." for slot in question.slots
    )
    return f'<p><img src="data:image/{kind};base64,{data}" alt="{html.escape(alt)}"></p>'


# --------------------------------------------------------------------------- the HTML page


def export_lesson(path: Path) -> str:
    """Turn one saved lesson notebook into a self-contained
    HTML page; raise HandoutError if unfit."""
    lesson = path.name
    nb = print_notebook(nbformat.read(path, as_version=4), lesson)
    exporter = HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="handout",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    resources = {"handout_css": _CSS, "handout_banner": BANNER, "language_code": "en"}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    body = _NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)
    problems = html_problems(body)
    if problems:
        raise HandoutError(f"{lesson}: " + "; ".join(problems))
    return body


def html_problems(page: str) -> list[str]:
    """List what makes a page unfit for a handout: pictures
    without real alternative text, network use."""
    problems = []
    for number, tag in enumerate(_IMG.findall(page), start=1):
        attrs = {name.lower(): value.strip("\"'") for name, value in _ATTR.findall(tag)}
        alt = html.unescape(attrs.get("alt", "")).strip()
        src = attrs.get("src", "")
        label = f"image {number} ({src[:40]}{'…' if len(src) > 40 else ''})"
        if not alt or alt == NBCONVERT_PLACEHOLDER:
            problems.append(f"{label} has no alternative text")
        if not src.startswith("data:"):
            problems.append(f"{label} is not embedded (its src is not a data: URI)")
    if _EXTERNAL.search(page) or _CSS_IMPORT.search(page):
        problems.append("the page loads something from the network (script, link, img or @import)")
    if not re.search(r"<html\b[^>]*\blang=\"[a-z]", page):
        problems.append("the <html> element has no lang")
    if not re.search(r"<title>[^<]+</title>", page):
        problems.append("the page has no <title>")
    return problems


# --------------------------------------------------------------------------- stretch cards


def stretch_cards(out: Path, page: str = "A4") -> list[Path]:
    """Write one card per stretch and one for the
    routine builder's starting routine; return them."""
    from lessons.stretches.widget import routine_builder  # the widget holds the default routine

    catalog = load_catalog()
    written = []
    for stretch in catalog.stretches:
        path = out / f"stretch-card-{stretch.id}.pdf"
        path.write_bytes(
            card_pdf([routine_item(stretch)], page, f"Stretch card: {stretch.name}", catalog)
        )
        written.append(path)
    default = out / "stretch-card-default-routine.pdf"
    default.write_bytes(card_pdf(routine_builder().items(), page, "My stretching routine", catalog))
    written.append(default)
    return written


# --------------------------------------------------------------------------- the whole set


def build(
    out: Path = DEFAULT_OUT, notebooks: Sequence[Path] | None = None, page: str = "A4"
) -> list[Path]:
    """Write every handout, every stretch card and an
    index into ``out``; return the files written."""
    if page not in PAGE_SIZES:
        raise HandoutError(f"The page size must be one of {', '.join(PAGE_SIZES)}, not {page!r}.")
    out.mkdir(parents=True, exist_ok=True)
    notebooks = list(notebooks) if notebooks is not None else lesson_notebooks()
    pages = [(path, export_lesson(path)) for path in notebooks]  # all checked before any is written
    written = []
    for path, body in pages:
        target = out / f"{path.stem}.html"
        target.write_text(body, encoding="utf-8")
        written.append(target)
    cards = stretch_cards(out, page)
    written += cards
    index = out / "index.html"
    index.write_text(_index_html(notebooks, cards), encoding="utf-8")
    return [*written, index]


def _index_html(notebooks: Sequence[Path], cards: Sequence[Path]) -> str:
    esc = html.escape
    lessons = "".join(
        f'<li><a href="{esc(p.stem)}.html">'
        f"{esc(notebook_title(nbformat.read(p, as_version=4)))}</a></li>"
        for p in notebooks
    )
    card_items = "".join(
        f'<li><a href="{esc(c.name)}">{esc(c.stem.replace("-", " "))}</a></li>' for c in cards
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Course handouts</title>"
        "<style>body{font:18px/1.5 system-ui,sans-serif;"
        "max-width:40em;margin:2em auto;padding:0 1em}</style>"
        "</head><body><main><h1>The knee–hip kinetic chain and sciatica: handouts</h1>"
        f"<p>{esc(BANNER)}</p><h2>Lessons</h2><ol>{lessons}</ol>"
        f"<h2>Stretch cards (PDF)</h2><ul>{card_items}</ul>"
        "<p>Education, not diagnosis or prescription: see a clinician who can examine you.</p>"
        "</main></body></html>\n"
    )


def main(argv: Sequence[str] | None = None, prog: str = "course handouts") -> int:
    """Run the command line; return 0 on success, 1 (with
    the reason on stderr) if a handout is unfit, 2 for bad arguments."""
    parser = writer_parser(prog, __doc__, DEFAULT_OUT)
    parser.add_argument(
        "--page", choices=PAGE_SIZES, default="A4", help="paper size of the stretch cards"
    )
    parser.add_argument("notebooks", nargs="*", type=Path, help="lessons to export (default: all)")
    args = parser.parse_args(argv)
    problem = missing_folder(ROOT, "notebooks", "figures")
    missing = [str(path) for path in args.notebooks if not path.is_file()]
    if missing:
        parser.error(f"no such lesson notebook: {', '.join(missing)}")
    if problem:
        print(f"{parser.prog}: {problem}", file=sys.stderr)
        return 1
    try:
        written = build(args.out, args.notebooks or None, args.page)
    except CourseError as error:
        print(f"{parser.prog}: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {len(written)} files to {args.out}:")
    for path in written:
        print(f"  {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
