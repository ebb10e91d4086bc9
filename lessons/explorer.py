"""Assemble a diagram, its controls and its live text readout into one widget.

Every ``*_explorer()`` builder in the course returns an :class:`Explorer`: one
widget container that a notebook displays with a single call and a test can
drive by setting ``controls[name].value`` and reading ``readout_text``.

Its plain-text form is what a viewer that cannot run widgets shows (GitHub, an
nbconvert export, a notebook opened before it was run), so it says what to do.

>>> import ipywidgets as w
>>> ex = Explorer("Demo", {"x": w.IntSlider(description="x")}, figure=None)
>>> ex.set_readout("x is 0 <not 1>")
>>> ex.readout.value
'<div class="course-readout" role="status" aria-live="polite">x is 0 &lt;not 1&gt;</div>'
>>> repr(ex)
'Demo: run this cell in JupyterLab to use the interactive diagram.'
"""

from __future__ import annotations

import base64
import html
import io
import logging
import weakref
from collections.abc import Callable, Mapping

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.errors import CourseError

__all__ = ["Explorer", "figure_canvas", "readout_html", "reset_button", "slider"]

log = logging.getLogger(__name__)

#: Every explorer built in this kernel and still referenced somewhere.
_LIVE: weakref.WeakSet = weakref.WeakSet()


def readout_html(text: str, css_class: str = "course-readout") -> str:
    """Escape text for an HTML widget, keeping its line breaks, as a live region for screen readers.

    >>> readout_html("a & b\\nc")
    '<div class="course-readout" role="status" aria-live="polite">a &amp; b<br>c</div>'
    """
    body = "<br>".join(html.escape(line) for line in text.split("\n"))
    return f'<div class="{css_class}" role="status" aria-live="polite">{body}</div>'


def slider(
    description: str,
    value: float,
    low: float,
    high: float,
    step: float,
    readout_format: str = ".0f",
    *,
    label_width: str = "22em",
) -> widgets.FloatSlider:
    """Make a labelled slider in the course's look: label on the left, full width, live updates.

    >>> s = slider("Knee flexion, °", 0, 0, 135, 1)
    >>> s.description, s.max, s.continuous_update
    ('Knee flexion, °', 135.0, True)
    """
    return widgets.FloatSlider(
        value=value,
        min=low,
        max=high,
        step=step,
        description=description,
        readout_format=readout_format,
        continuous_update=True,
        style={"description_width": label_width},
        layout=widgets.Layout(width="auto"),
    )


def reset_button(
    description: str = "Reset", tooltip: str = "Back to the typical adult"
) -> widgets.Button:
    """Make the button that puts an explorer's controls back to their starting values."""
    return widgets.Button(
        description=description, icon="undo", tooltip=tooltip, layout=widgets.Layout(width="auto")
    )


def figure_canvas(figure: Figure) -> widgets.DOMWidget:
    """Wrap a matplotlib figure in an ipympl canvas widget, without pyplot.

    The figure is not registered with pyplot, so it is never displayed twice and
    never leaks into ``plt.gcf()``; the canvas is a widget like any other.
    """
    from ipympl.backend_nbagg import Canvas, FigureManager

    canvas = Canvas(figure)
    FigureManager(canvas, num=0)
    canvas.toolbar_visible = False
    canvas.header_visible = False
    canvas.footer_visible = False
    canvas.resizable = False
    canvas.capture_scroll = False
    return canvas


class _Blitter:
    """Repaint only the moving artists over a saved background (matplotlib's blitting pattern).

    A full draw (the first paint, a resize, a change of screen resolution) saves
    the static background; each update then restores it, draws the few moving
    artists and sends only the pixels that changed.
    """

    def __init__(self, canvas, artists) -> None:
        self.canvas = canvas
        self.artists = list(artists)
        for artist in self.artists:
            artist.set_animated(True)
        self._background = None
        canvas.mpl_connect("draw_event", self._on_full_draw)

    def _on_full_draw(self, _event) -> None:
        if self.canvas.is_saving():  # a snapshot for a file, not the screen's background
            return
        self._background = self.canvas.copy_from_bbox(self.canvas.figure.bbox)
        self._draw_moving()

    def _draw_moving(self) -> None:
        figure = self.canvas.figure
        for artist in self.artists:
            figure.draw_artist(artist)

    def forget_background(self) -> None:
        """Drop the saved background (after a resize): the next update draws everything."""
        self._background = None

    def update(self) -> None:
        if self._background is None:
            self.canvas.draw()  # saves the background through the draw event
            return
        self.canvas.restore_region(self._background)
        self._draw_moving()
        self.canvas.blit(self.canvas.figure.bbox)


class Explorer(widgets.VBox):
    """A diagram (as a canvas widget), its labelled controls and a live text readout."""

    def __init__(
        self,
        title: str,
        controls: Mapping[str, widgets.Widget],
        figure: Figure | None,
        *,
        animated: list | None = None,
        extra: list[widgets.Widget] | None = None,
    ) -> None:
        self.title = title
        self.controls = dict(controls)
        self.figure = figure
        self.canvas = figure_canvas(figure) if figure is not None else None
        self._blitter = (
            _Blitter(self.canvas, animated) if self.canvas is not None and animated else None
        )
        self.readout = widgets.HTML(layout=widgets.Layout(margin="0 0 0.5em 0"))
        self.readout.add_class("course-readout-widget")
        self.message = widgets.HTML()
        self.message.add_class("course-message")
        self.readout_text = ""
        heading = widgets.HTML(f"<h4 style='margin:0.2em 0'>{html.escape(title)}</h4>")
        grid = widgets.GridBox(
            list(self.controls.values()) + list(extra or []),
            layout=widgets.Layout(
                grid_template_columns="repeat(auto-fill, minmax(38em, 1fr))",
                grid_gap="0.2em 1.5em",
            ),
        )
        parts: list[widgets.Widget] = [heading]
        if self.canvas is not None:
            parts.append(self.canvas)
        parts += [self.readout, grid, self.message]
        super().__init__(parts)
        self.add_class("course-explorer")
        self.scale = 1.0
        self._base_dpi = figure.get_dpi() if figure is not None else None
        _LIVE.add(self)

    @staticmethod
    def live() -> list[Explorer]:
        """Every explorer built in this kernel that is still in use (for presenter mode)."""
        return list(_LIVE)

    def set_scale(self, scale: float) -> None:
        """Draw the figure ``scale`` times its normal size (presenter mode uses 1.5); 1 is normal."""
        if not 0.5 <= scale <= 3:
            raise CourseError(f"scale = {scale:g} is outside 0.5 to 3; choose a value in that range.")
        self.scale = scale
        if scale == 1.0:
            self.remove_class("course-presenting")
        else:
            self.add_class("course-presenting")
        if self.figure is not None:
            self.figure.set_dpi(self._base_dpi * scale)
            if self._blitter is not None:
                self._blitter.forget_background()
            self.canvas.draw_idle()

    def __repr__(self) -> str:
        return f"{self.title}: run this cell in JupyterLab to use the interactive diagram."

    def _repr_mimebundle_(self, **kwargs):
        """Add a still picture of the diagram, with the readout as its alternative text.

        JupyterLab shows the live widget while the kernel runs; a saved notebook,
        an HTML handout or a viewer without widgets shows the picture instead of
        an error, and a screen reader reads the alternative text.
        """
        data = super()._repr_mimebundle_(**kwargs)
        if self.figure is None:
            return data
        data["image/png"] = self.snapshot_png_base64()
        return data, {"image/png": {"alt": self.alt_text()}}

    def alt_text(self) -> str:
        """Describe the diagram in words: its title and what the readout says."""
        return f"{self.title}. {self.readout_text}".replace("\n", " ").strip()

    def snapshot_png_base64(self) -> str:
        """Render the figure as it stands to a PNG (no dates or versions inside), base64-encoded."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", metadata={"Software": None})
        return base64.b64encode(buffer.getvalue()).decode("ascii")

    def set_readout(self, text: str) -> None:
        """Show ``text`` (escaped) under the diagram."""
        self.readout_text = text
        self.readout.value = readout_html(text)

    def redraw(self) -> None:
        """Repaint the figure: blit the moving artists if there are any, else a full redraw."""
        if self._blitter is not None:
            self._blitter.update()
        elif self.canvas is not None:
            self.canvas.draw_idle()

    def wire(
        self,
        update: Callable[[], None],
        reset: widgets.Button | None = None,
        defaults: Mapping[str, object] | None = None,
    ) -> None:
        """Call ``update`` (guarded) whenever any control changes; make ``reset`` restore ``defaults``.

        >>> ex = Explorer("Demo", {"x": widgets.IntSlider(value=1)}, figure=None)
        >>> button = widgets.Button()
        >>> ex.wire(lambda: ex.set_readout(f"x = {ex.controls['x'].value}"), button, {"x": 1})
        >>> ex.controls["x"].value = 5; ex.readout_text
        'x = 5'
        >>> button.click(); ex.readout_text
        'x = 1'
        """
        callback = self.guarded(update)
        for control in self.controls.values():
            control.observe(callback, names="value")
        if reset is not None:
            start = dict(defaults) if defaults is not None else {
                name: control.value for name, control in self.controls.items()
            }

            def on_reset(_button: widgets.Button) -> None:
                for name, control in self.controls.items():
                    if name in start:
                        control.value = start[name]

            reset.on_click(on_reset)

    def guarded(self, update: Callable[[], None]) -> Callable[[object], None]:
        """Wrap a callback so that a bad value shows a message, never a traceback.

        A :class:`~lessons.errors.CourseError` is shown as it is; anything else is
        logged in full and shown as a short apology, so the learner is never left
        with a silent, frozen diagram.
        """

        def callback(_change: object = None) -> None:
            try:
                update()
            except CourseError as error:
                self.message.value = readout_html(f"⚠ {error}", "course-warning")
            except Exception as error:  # noqa: BLE001 - shown to the learner, logged in full
                log.exception("diagram update failed")
                self.message.value = readout_html(
                    f"⚠ The diagram could not update ({type(error).__name__}: {error}). "
                    "Try Reset, or re-run the cell.",
                    "course-warning",
                )
            else:
                self.message.value = ""

        return callback
