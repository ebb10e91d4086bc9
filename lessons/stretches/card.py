"""Make a printable stretch card (PDF): each chosen stretch's pictures, steps, dose and stop signs.

A card is large type on A4 or US Letter. For every stretch it prints the key
positions (drawn with matplotlib into PNG, in memory), the numbered steps,
what to feel, the dose, the stop signs and who should ask first; then the
red-flags box (FACTS E4, patient wording); and on every page the "education,
not prescription" line. The text is real text (a Unicode TTF font that
matplotlib ships, so °, – and ✓ print), so a reader can search and copy it.

A card is for patients: it prints the catalog's words without their fact ids
("(FACTS C7)" is dropped) and ends with the plain references behind them
(:mod:`lessons.core.plain_words`). Each box (the stop signs, the red flags) is kept
whole on one page.

The output is deterministic: the creation date is fixed and the pictures carry
no timestamps, so the same routine always gives the same bytes.

Saving is separate from making (:func:`save_card`): the learner's file name
is cleaned (:func:`card_path`) and an existing file is never replaced
without being asked.

>>> from lessons.stretches.catalog import load_catalog, routine_item
>>> pdf = card_pdf([routine_item(load_catalog().stretch("figure-4"))], page="A4")
>>> pdf[:5]
b'%PDF-'
>>> card_path("My stretches", base=Path("/tmp")).name
'My stretches.pdf'
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

import matplotlib
from fpdf import FPDF

from lessons.core.errors import CourseError
from lessons.core.plain_words import load_plain_words, strip_citations
from lessons.stretches.catalog import Catalog, RoutineItem, load_catalog
from lessons.stretches.poses_diagram import key_pose_strip

__all__ = ["PAGE_SIZES", "STOP_SIGNS_LEAD", "card_path", "card_pdf", "save_card"]

#: Page sizes the card supports (fpdf2 format names).
PAGE_SIZES = ("A4", "Letter")
#: A fixed creation date, so the same routine always makes the same file.
CREATION_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
_FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
_FONT = "DejaVu"
_BODY_PT = 13
_MAX_NAME = 80
#: Written into every card's PDF information, so that a card the app made can be told
#: apart from any other file of the same name (only the app's own cards are replaced).
_CREATOR = "knee-hip-course stretch card"
#: Cards are small; a file bigger than this is not one of them and is not read to check.
_MAX_CARD_BYTES = 20 * 1024 * 1024
_NOT_ALLOWED = re.compile(r'[<>:"|?*\x00-\x1f]')
#: The words that start every stop sign; the catalog's stop signs finish the sentence.
STOP_SIGNS_LEAD = "Stop if:"


@lru_cache(maxsize=16)
def _strip_png(stretch_id: str) -> bytes:
    """The stretch's key positions as a PNG, in memory, without a timestamp."""
    buffer = io.BytesIO()
    key_pose_strip(stretch_id).savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


class _Card(FPDF):
    def __init__(self, page: str, footer_text: str) -> None:
        super().__init__(format=page)
        self.footer_text = footer_text
        self.add_font(_FONT, "", str(_FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(_FONT, "B", str(_FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=22)

    def footer(self) -> None:
        self.set_y(-18)
        self.set_font(_FONT, "", 9)
        self.multi_cell(0, 4.5, f"{self.footer_text}  Page {self.page_no()}.", align="C")

    def keep_together(self, text: str, line_mm: float, width_mm: float = 0) -> None:
        """Start a new page first if ``text`` would be split by the page's end."""
        lines = self.multi_cell(width_mm, line_mm, text, dry_run=True, output="LINES")
        if self.will_page_break(len(lines) * line_mm):
            self.add_page()

    def heading(self, text: str, size: float = 18) -> None:
        self.set_font(_FONT, "B", size)
        self.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def para(self, text: str, bold_lead: str = "", size: float = _BODY_PT) -> None:
        self.set_font(_FONT, "", size)
        self.keep_together(f"{bold_lead}\n{text}".strip(), size * 0.48)
        if bold_lead:
            self.set_font(_FONT, "B", size)
            self.multi_cell(0, size * 0.48, bold_lead, align="L", new_x="LMARGIN", new_y="NEXT")
        if text:
            self.set_font(_FONT, "", size)
            self.multi_cell(0, size * 0.48, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def items(self, lines: Sequence[str], numbered: bool, size: float = _BODY_PT) -> None:
        self.set_font(_FONT, "", size)
        for number, line in enumerate(lines, start=1):
            mark = f"{number}." if numbered else "•"
            self.keep_together(line, size * 0.48, self.epw - 9)
            self.set_x(self.l_margin)
            self.cell(9, size * 0.48, mark)
            self.multi_cell(0, size * 0.48, line, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def boxed(self, title: str, groups: Sequence[tuple[str, Sequence[str]]]) -> None:
        """A bordered box: a bold title, then groups of a bold lead line and bullets, never split by
        a page end.

        fpdf2's ``unbreakable()`` lays the box out, and if it would cross the
        page's end, moves it whole to the next page; the border is drawn after,
        around where the box finally stands.
        """
        with self.unbreakable() as box:
            box.box_body(title, groups)
        self.set_line_width(0.8)
        self.rect(self.l_margin - 3, self.box_top - 3, self.epw + 6,
                  self.get_y() - self.box_top + 5)
        self.ln(6)

    def box_body(self, title: str, groups: Sequence[tuple[str, Sequence[str]]]) -> None:
        """The words of a box, noting where they start (``box_top``) for its border."""
        self.box_top = self.y  # get_y() is refused inside unbreakable(); this runs again on replay
        self.set_x(self.l_margin + 3)
        self.heading(title, 15)
        for lead, lines in groups:
            self.para("", bold_lead=lead)
            self.items(lines, numbered=False)


def card_pdf(
    items: Sequence[RoutineItem],
    page: Literal["A4", "Letter"] = "A4",
    title: str = "My stretching routine",
    catalog: Catalog | None = None,
) -> bytes:
    """Make the card for a routine and return the PDF as bytes.

    Args:
        items: the stretches with their chosen doses
            (:func:`lessons.stretches.catalog.routine_item`).
        page: "A4" or "Letter".
        title: the heading at the top of the first page.
        catalog: where the red flags and the education line come from (default: the lesson's).
    """
    if page not in PAGE_SIZES:
        raise CourseError(f"The page size must be one of {', '.join(PAGE_SIZES)}, not {page!r}.")
    if not items:
        raise CourseError("Choose at least one stretch for the card.")
    catalog = catalog or load_catalog()
    words = load_plain_words()
    sources = [source for item in items for source in item.stretch.sources]
    sources.append(catalog.red_flags.source)
    # Checks every id has a plain reference before drawing.
    sources_line = words.sources_line(sources)
    pdf = _Card(page, strip_citations(catalog.education_line))
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_title(title)
    pdf.set_author("Knee, hip and sciatica course")
    pdf.set_creator(_CREATOR)
    pdf.set_subject("Education, not prescription")
    pdf.add_page()
    pdf.heading(title, 22)
    pdf.para(strip_citations(catalog.education_line), size=12)
    pdf.para(
        "Go gently. Stretch to mild tightness, never pain. Stop at once for any stop sign, and "
        "see the red-flags box at the end.",
        size=12,
    )
    for number, item in enumerate(items, start=1):
        _stretch_section(pdf, number, item)
    flags = catalog.red_flags
    if pdf.get_y() > pdf.h * 0.55:
        pdf.add_page()
    pdf.boxed(
        "Red flags: stop and get help",
        list(flags.sections),
    )
    pdf.para(sources_line, size=10)
    pdf.para(strip_citations(catalog.education_line), size=12)
    return bytes(pdf.output())


def _stretch_section(pdf: _Card, number: int, item: RoutineItem) -> None:
    stretch = item.stretch
    if number > 1:
        if pdf.get_y() > pdf.h * 0.5:
            pdf.add_page()
        else:
            pdf.ln(8)
    plain = strip_citations
    pdf.heading(f"{number}. {stretch.name}")
    pdf.para(plain(stretch.targets), bold_lead="What it is for")
    png = _strip_png(stretch.id)
    width = pdf.epw
    if pdf.will_page_break(width * 0.78 / 3 + 4):
        pdf.add_page()
    pdf.image(io.BytesIO(png), x=pdf.l_margin, w=width)
    pdf.ln(2)
    pdf.para(item.dose + (f" {plain(stretch.dose_note)}" if stretch.dose_note else ""),
             bold_lead="Dose")
    pdf.para(plain(stretch.starting_position), bold_lead="Starting position")
    pdf.para("", bold_lead="Steps")
    pdf.items([plain(step) for step in stretch.steps], numbered=True)
    pdf.para(plain(stretch.feel), bold_lead="What you should feel")
    pdf.boxed("Stop signs", [(STOP_SIGNS_LEAD, [plain(sign) for sign in stretch.stop_signs])])
    with pdf.unbreakable() as block:  # the heading never stands alone at the foot of a page
        block.para("", bold_lead="Who should avoid it, or ask first")
        block.items([plain(line) for line in stretch.avoid_or_ask_first], numbered=False)


def card_path(
    name: str,
    folder: str | Path | None = None,
    base: str | Path | None = None,
    *,
    confine: bool = False,
) -> Path:
    """Turn the file name a learner typed into a safe path for the card.

    The name may not contain a folder (``/`` or ``\\``) or start with a dot;
    characters that are not allowed in file names become ``-``; ``.pdf`` is
    added if missing. The card goes into ``folder`` if given (relative to
    ``base``), otherwise into ``base`` (default: the current folder, which in
    JupyterLab is the notebook's folder). With ``confine``, the folder must be
    ``base`` itself or a folder inside it (after ``~``, ``..`` and links are
    resolved), as in the clinic app, where the page is all a visitor can reach.

    >>> card_path(" card ", base="/tmp").as_posix()
    '/tmp/card.pdf'
    >>> card_path("../../etc/passwd", base="/tmp")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    lessons.core.errors.CourseError: A file name cannot contain a folder (/ or \\) or “..”. Type
    just the name, like my-stretches, and put a folder in the Folder box.
    >>> card_path("   ")
    Traceback (most recent call last):
    ...
    lessons.core.errors.CourseError: Type a file name first, like my-stretches.
    """
    cleaned = name.strip()
    if not cleaned:
        raise CourseError("Type a file name first, like my-stretches.")
    if "/" in cleaned or "\\" in cleaned or cleaned.startswith("."):
        raise CourseError(
            "A file name cannot contain a folder (/ or \\) or “..”. Type just the name, like "
            "my-stretches, and put a folder in the Folder box."
        )
    cleaned = _NOT_ALLOWED.sub("-", cleaned)[:_MAX_NAME].rstrip(". ")
    if not cleaned:
        raise CourseError("Type a file name with some letters or digits, like my-stretches.")
    if not cleaned.lower().endswith(".pdf"):
        cleaned += ".pdf"
    chosen = Path(base) if base is not None else Path.cwd()
    root = chosen
    if folder is not None and str(folder).strip():
        target = Path(str(folder).strip()).expanduser()
        root = target if target.is_absolute() else root / target
    if confine and not _inside(root, chosen):
        raise CourseError(
            f"Cards can only be saved in {chosen} or in a folder inside it, and “{folder}” is "
            "outside it. Leave the Folder box empty, or name a folder inside that one."
        )
    return root / cleaned


def _inside(folder: Path, chosen: Path) -> bool:
    """Say whether ``folder`` is ``chosen`` or inside it, once links and ``..`` are resolved."""
    return folder.resolve().is_relative_to(chosen.resolve())


def save_card(
    items: Sequence[RoutineItem],
    name: str,
    folder: str | Path | None = None,
    page: Literal["A4", "Letter"] = "A4",
    *,
    replace: bool = False,
    base: str | Path | None = None,
    confine: bool = False,
) -> Path:
    """Make the card and save it under the learner's file name; return where it went.

    The card is never written through a link, and ``replace`` replaces only a card
    this app made (its PDF information says so): any other file is left as it is.
    With ``confine``, the folder must be inside ``base`` (see :func:`card_path`).

    Raises:
        CourseError: with a message for the learner: no name, a folder that is
            not there or outside the chosen one, a link, a file that exists and
            ``replace`` is not set or that the app did not make, or what the
            computer said when the card could not be written.
    """
    path = card_path(name, folder, base, confine=confine)
    where = f"{path.name} in {path.parent}"
    if not path.parent.is_dir():
        raise CourseError(
            f"The folder {path.parent} does not exist. Create it first, or leave the Folder box "
            "empty to save next to the notebook."
        )
    if path.is_symlink():
        raise CourseError(
            f"{where} is a link to somewhere else, and cards are never saved through links. Type "
            "another name."
        )
    if path.exists() and not replace:
        raise CourseError(
            f"{path.name} already exists in {path.parent}. Tick “Replace an existing file” to "
            "overwrite it, or type another name."
        )
    if path.exists() and not _made_here(path):
        raise CourseError(
            f"{where} was not made by this app (or was changed since), so it is not replaced. "
            "Type another name, or move that file away first."
        )
    data = card_pdf(items, page)
    try:
        _write_new_or_replace(path, data)
    except FileExistsError:
        raise CourseError(
            f"{where} appeared while the card was being made; it is left as it is. Press Save "
            "again, or type another name."
        ) from None
    except OSError as error:
        raise CourseError(
            f"The card could not be saved as {path}: {error.strerror or error}. Check that the "
            "folder can be written and the disk is not full, or choose another folder."
        ) from None
    return path


def _made_here(path: Path) -> bool:
    """Say whether an existing file is a card this app made (a PDF with the app's creator)."""
    try:
        if not path.is_file() or path.stat().st_size > _MAX_CARD_BYTES:
            return False
        data = path.read_bytes()
    except OSError:
        return False
    return data.startswith(b"%PDF-") and f"/Creator ({_CREATOR})".encode() in data


def _write_new_or_replace(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file beside ``path`` (never following a link), then move it there.

    A new card must not exist by the time it is moved in (the name is taken with ``link``,
    which fails if it does); a replaced one is swapped in whole, so a failed write never
    leaves half a card.
    """
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | nofollow, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.replace(partial, path)
        else:
            try:
                os.link(partial, path)
            except (AttributeError, NotImplementedError, PermissionError):
                os.replace(partial, path)  # a file system without hard links
    finally:
        partial.unlink(missing_ok=True)
