"""What an explorer leaves in a saved notebook: its text form, a still picture, and metadata.

A viewer that cannot run widgets (GitHub, an nbconvert export, a notebook opened
before it was run) shows the text form, which says what to do, or the still
picture of the diagram with the readout as its alternative text. The output
also carries :data:`WIDGET_KEY` in its metadata, naming the widget, so that a
tool (the handout export) recognises a widget's output without reading its English.

>>> widget_title({WIDGET_KEY: {"title": "Hold timer"}}), widget_title({"image/png": {}})
('Hold timer', None)
"""

from __future__ import annotations

import base64
import io
from contextlib import nullcontext

__all__ = ["WIDGET_KEY", "StillPicture", "WidgetOutput", "widget_metadata", "widget_title"]

#: The output-metadata key that marks a course widget's output; its value is {"title": ...}.
WIDGET_KEY = "lessons.widget"


def widget_metadata(title: str) -> dict:
    """The output metadata that marks a widget's output, naming it.

    >>> widget_metadata("Hip load explorer")
    {'lessons.widget': {'title': 'Hip load explorer'}}
    """
    return {WIDGET_KEY: {"title": title}}


def widget_title(metadata) -> str | None:
    """The title a widget's output metadata names ("" if none), or None if not a widget's output.

    >>> marked = widget_metadata(" Hold timer ")
    >>> widget_title(marked), widget_title({WIDGET_KEY: {}}), widget_title(None)
    ('Hold timer', '', None)
    """
    mark = (metadata or {}).get(WIDGET_KEY)
    if not isinstance(mark, dict):
        return None
    return str(mark.get("title") or "").strip()


class WidgetOutput:
    """Mark a widget's displayed output with :data:`WIDGET_KEY`, naming it by ``widget_name``.

    A mixin for any course widget (before the ipywidgets class in its bases, whose
    own ``_repr_mimebundle_`` gives the live view); ``widget_name`` falls back to ``title``.

    >>> import ipywidgets as w
    >>> class Probe(WidgetOutput, w.HTML):
    ...     widget_name = "Setup check"
    >>> data, metadata = Probe()._repr_mimebundle_()
    >>> metadata, "text/plain" in data
    ({'lessons.widget': {'title': 'Setup check'}}, True)
    """

    widget_name: str | None = None

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs)
        return data, widget_metadata(self.widget_name or getattr(self, "title", "") or "")


class StillPicture(WidgetOutput):
    """The text form, still picture and widget metadata of an explorer (``title``, ``figure``).

    A mixin for an ipywidgets container, whose own ``_repr_mimebundle_`` gives the live view.
    """

    def __repr__(self) -> str:
        return f"{self.title}: run this cell in JupyterLab to use the interactive diagram."

    def _repr_mimebundle_(self, **kwargs):
        """Add the widget metadata and a still picture of the diagram, with the readout as alt text.

        JupyterLab shows the live widget while the kernel runs; a saved notebook,
        an HTML handout or a viewer without widgets shows the picture instead of
        an error, and a screen reader reads the alternative text.
        """
        data, metadata = super()._repr_mimebundle_(**kwargs)
        if self.figure is not None:
            data["image/png"] = self.snapshot_png_base64()
            metadata["image/png"] = {"alt": self.alt_text()}
        return data, metadata

    def alt_text(self) -> str:
        """Describe the diagram in words: its title and what the readout says."""
        return f"{self.title}. {self.readout_text}".replace("\n", " ").strip()

    def snapshot_png_base64(self) -> str:
        """Render the figure as it stands to a PNG (no dates or versions inside), base64-encoded.

        Every artist is in it, the moving ones too (see ``Blitter.all_drawn``).
        """
        buffer = io.BytesIO()
        blitter = getattr(self, "_blitter", None)
        with blitter.all_drawn() if blitter is not None else nullcontext():
            self.figure.savefig(buffer, format="png", metadata={"Software": None})
        return base64.b64encode(buffer.getvalue()).decode("ascii")
