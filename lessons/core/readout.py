"""An explorer's words: the live readout under the diagram, and the message area for errors.

The readout is a live region, so a screen reader announces each new value; a
bad value or a failure shows in the message area, never as a traceback.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

import ipywidgets as widgets

from lessons.core.errors import CourseError

__all__ = ["Readout", "readout_html"]

log = logging.getLogger("lessons.core.explorer")


def readout_html(text: str, css_class: str = "course-readout") -> str:
    """Escape text for an HTML widget, keeping its line breaks, as a live region for screen readers.

    >>> readout_html("a & b\\nc")
    '<div class="course-readout" role="status" aria-live="polite">a &amp; b<br>c</div>'
    """
    body = "<br>".join(html.escape(line) for line in text.split("\n"))
    return f'<div class="{css_class}" role="status" aria-live="polite">{body}</div>'


class Readout:
    """The readout and message widgets of an explorer, and the guard that routes errors to them.

    A mixin: :meth:`_make_readout` makes ``readout``, ``message`` and ``readout_text``.
    """

    #: What a failure message names (a tool without a diagram names itself instead).
    failure_subject = "The diagram"

    def _make_readout(self) -> None:
        self.readout = widgets.HTML(layout=widgets.Layout(margin="0 0 0.5em 0"))
        self.readout.add_class("course-readout-widget")
        self.message = widgets.HTML()
        self.message.add_class("course-message")
        self.readout_text = ""

    def set_readout(self, text: str) -> None:
        """Show ``text`` (escaped) under the diagram."""
        self.readout_text = text
        self.readout.value = readout_html(text)

    def _show_failure(self, what: str, error: Exception) -> None:
        log.exception("%s could not %s", self.failure_subject, what)
        self.message.value = readout_html(
            f"⚠ {self.failure_subject} could not {what} ({type(error).__name__}: {error}). "
            "Try Reset, or re-run the cell.",
            "course-warning",
        )

    def guarded(self, update: Callable[[], None]) -> Callable[[object], None]:
        """Wrap a callback so that a bad value shows a message, never a traceback.

        A :class:`~lessons.core.errors.CourseError` is shown as it is; anything else is
        logged in full and shown as a short apology, so the learner is never left
        with a silent, frozen diagram.
        """

        def callback(_change: object = None) -> None:
            try:
                update()
            except CourseError as error:
                self.message.value = readout_html(f"⚠ {error}", "course-warning")
            except Exception as error:  # noqa: BLE001 - shown to the learner, logged in full
                self._show_failure("update", error)
            else:
                self.message.value = ""

        return callback
