"""Build the clinic app's own parts: a routine builder with a download link, the red-flags list.

The clinic app (``clinic/Clinic.ipynb``, served code-free by Voilà through
``python -m tools.clinic``) shows the patient-facing explorers of the course
as they are. Two parts are its own:

- :func:`clinic_routine_builder`: the routine builder of lesson 4, saving
  cards into the folder the clinician chose when starting the app (its path is
  in the Folder box, where it can be changed), and, once a card is saved, a
  link that downloads it in the browser, to open and print.
- :func:`red_flags_list`: every warning sign of lesson 6 in the patient's
  words, grouped by the steps of the urgency ladder, rendered from
  ``lessons/data/red_flags.toml`` (the same file as the "What should I do?"
  explorer, so the two never disagree).
- :func:`clinic_sources`: the plain references behind the page, mapped from
  the fact ids its parts rest on (:data:`CLINIC_FACTS`) by
  :mod:`lessons.core.plain_words`; the page itself prints no fact ids.

>>> flags = red_flags_list()
>>> print(repr(flags).splitlines()[0])
‼ EMERGENCY NOW
>>> "Sciatica in both legs" in flags._repr_html_()
True
"""

from __future__ import annotations

import base64
import html
import os
from pathlib import Path

import ipywidgets as widgets

from lessons.core.plain_words import load_plain_words
from lessons.red_flags.view import RedFlagsBox, red_flags_box
from lessons.stretches.widget import RoutineBuilder

__all__ = ["CARDS_ENV", "CLINIC_FACTS", "ClinicRoutineBuilder", "Sources", "card_link_html",
           "cards_folder",
           "clinic_routine_builder", "clinic_sources", "red_flags_list"]

#: The environment variable that carries the clinician's card folder from the launcher to the app.
CARDS_ENV = "COURSE_CLINIC_CARDS"

#: The facts the page's parts rest on: the stretches and their dose (C1, C6), the sleeping
#: positions (D1, D4, D5), the hip load (A1-A4) and the warning signs (E4, E5).
CLINIC_FACTS = ("FACTS C1", "FACTS C6", "FACTS D1", "FACTS D4", "FACTS D5", "FACTS A1", "FACTS A2",
                "FACTS A3",
                "FACTS A4", "FACTS E4", "FACTS E5")

#: The steps the list covers, most urgent first (the routine step needs no warning sign).
_LEVELS = ("emergency-now", "same-day", "soon")


def cards_folder() -> Path | None:
    """Return the folder the launcher chose for stretch cards (``$COURSE_CLINIC_CARDS``), or None.

    >>> os.environ[CARDS_ENV] = "/tmp/cards"; cards_folder().as_posix()
    '/tmp/cards'
    >>> del os.environ[CARDS_ENV]; cards_folder() is None
    True
    """
    value = os.environ.get(CARDS_ENV, "").strip()
    return Path(value).expanduser() if value else None


def card_link_html(path: Path) -> str:
    """Write a link that downloads the saved card from the page itself (a ``data:`` URL).

    The PDF travels inside the page, so the link works wherever the card was
    saved and nothing is fetched from anywhere.

    >>> import tempfile
    >>> card = Path(tempfile.mkdtemp()) / "Mrs A & B.pdf"; _ = card.write_bytes(b"%PDF-1.4")
    >>> link = card_link_html(card)
    >>> 'download="Mrs A &amp; B.pdf"' in link, "data:application/pdf;base64,JVBERi0xLjQ=" in link
    (True, True)
    """
    data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    name = html.escape(Path(path).name)
    return (
        f'<a class="course-card-download" download="{name}" '
        f'href="data:application/pdf;base64,{data}" '
        'style="display:inline-block;font-size:1.15em;font-weight:bold;padding:0.4em '
        '0.8em;border:2px solid #0072B2;border-radius:4px;color:#0072B2;text-decoration:none">'
        f"⬇ Download {name} to open and print it</a>"
    )


class ClinicRoutineBuilder(RoutineBuilder):
    """The routine builder of lesson 4, plus a download link for each card it saves."""

    def __init__(self, folder: str | Path | None = None) -> None:
        # Cards stay inside the chosen folder (the app's own folder if none was chosen).
        super().__init__(base=folder if folder is not None else Path.cwd(), confine=True)
        self.download = widgets.HTML()
        self.download.add_class("course-card-link")
        self.children = (*self.children, self.download)
        if folder is not None:  # shown, so the clinician sees where cards go and can change it
            self.controls["folder"].value = str(folder)
            self.controls["folder"].placeholder = f"empty: {folder}"
        # A change to the routine clears the "saved" line; the link to the old card goes with it.
        self.status.observe(self._forget_link, names="value")

    def __repr__(self) -> str:
        return "Routine builder: open the clinic app to choose stretches and save a card."

    def save(self) -> Path:
        """Save the card as the routine builder does, then offer it for download."""
        path = super().save()
        self.download.value = card_link_html(path)
        return path

    def _forget_link(self, change: dict) -> None:
        if not change["new"]:
            self.download.value = ""


def clinic_routine_builder(folder: str | Path | None = None) -> ClinicRoutineBuilder:
    """Build the routine builder for the clinic, saving cards into ``folder``.

    Args:
        folder: where cards are saved; shown in the Folder box, which the clinician
            may change. Default: :func:`cards_folder`, else the app's own folder.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> rb = clinic_routine_builder(folder)
    >>> path = rb.save()
    >>> path.parent.as_posix() == Path(folder).as_posix(), rb.download.value.startswith("<a ")
    (True, True)
    >>> rb.controls["hold_s"].value = 45; rb.download.value
    ''
    """
    return ClinicRoutineBuilder(folder if folder is not None else cards_folder())


def red_flags_list() -> RedFlagsBox:
    """Return every warning sign in patient wording under its step (display it, or print it).

    The list covers the steps that need a doctor (emergency now, same day, soon); the
    routine step needs no warning sign.
    """
    return red_flags_box(steps=_LEVELS)


class Sources:
    """The page's sources as a plain list of references; as HTML or plain text."""

    def __init__(self, references: list[str]) -> None:
        self.references = references

    def __repr__(self) -> str:
        return "\n".join(f"- {reference}" for reference in self.references)

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(reference)}</li>" for reference in self.references)
        return f'<ul class="course-sources">{items}</ul>'


def clinic_sources() -> Sources:
    """Return the plain references behind the clinic page, each work once.

    >>> print(repr(clinic_sources()).splitlines()[0])
    - NICE guideline NG59, Low back pain and sciatica in over 16s (2016, updated 2020)
    """
    return Sources(load_plain_words().references_for(CLINIC_FACTS))
