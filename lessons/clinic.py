"""Build the clinic app's own parts: a routine builder with a download link, the red-flags list.

The clinic app (``clinic/Clinic.ipynb``, served code-free by Voilà through
``python -m tools.clinic``) shows the patient-facing explorers of the course
as they are. Two parts are its own:

- :func:`clinic_routine_builder`: the routine builder of lesson 4, saving
  cards into the folder the clinician chose when starting the app (its path is
  in the Folder box, where it can be changed), and, once a card is saved, a
  link that downloads it in the browser, to open and print.
- :func:`red_flags_list`: every warning sign of lesson 6 in the patient's
  words, grouped by what to do, read from ``lessons/data/red_flags.toml`` (the
  same file as the "What should I do?" explorer, so the two never disagree).

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

from lessons.red_flags import URGENCIES, RedFlags, load_red_flags
from lessons.stretch_widget import RoutineBuilder
from lessons.triage import ACTIONS, SYMBOLS

__all__ = ["CARDS_ENV", "ClinicRoutineBuilder", "RedFlagsList", "card_link_html", "cards_folder",
           "clinic_routine_builder", "red_flags_list"]

#: The environment variable that carries the clinician's card folder from the launcher to the app.
CARDS_ENV = "COURSE_CLINIC_CARDS"

#: The answers the list covers, most urgent first (self-care needs no warning sign).
_LEVELS = ("emergency", "soon")


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
        'style="display:inline-block;font-size:1.15em;font-weight:bold;padding:0.4em 0.8em;'
        'border:2px solid #0072B2;border-radius:4px;color:#0072B2;text-decoration:none">'
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


class RedFlagsList:
    """The warning signs in the patient's words, grouped by what to do; as HTML or plain text."""

    def __init__(self, flags: RedFlags) -> None:
        self.flags = flags

    def _sections(self) -> list[tuple[str, str, str, list[str]]]:
        return [
            (level, f"{SYMBOLS[level]} {URGENCIES[level].upper()}", ACTIONS[level],
             [sign.label for sign in self.flags.at_urgency(level)])
            for level in _LEVELS
        ]

    def __repr__(self) -> str:
        lines: list[str] = []
        for _level, heading, action, labels in self._sections():
            lines += ["", heading, action, *(f"- {label}" for label in labels)]
        return "\n".join(lines[1:])

    def _repr_html_(self) -> str:
        e = html.escape
        parts = []
        for level, heading, action, labels in self._sections():
            border = "6px solid #000" if level == "emergency" else "3px solid #000"
            parts.append(
                f'<div class="course-red-flags-{level}" style="border:{border};padding:0.4em 0.9em;'
                f'margin:0.5em 0"><div style="font-size:1.3em;font-weight:bold">{e(heading)}</div>'
                f"<p>{e(action)}</p><ul>" + "".join(f"<li>{e(label)}</li>" for label in labels)
                + "</ul></div>"
            )
        return '<div class="course-red-flags-list">' + "".join(parts) + "</div>"


def red_flags_list() -> RedFlagsList:
    """Return the red-flags list of lesson 6 in patient wording (display it, or print it)."""
    return RedFlagsList(load_red_flags())
