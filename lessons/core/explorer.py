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

import asyncio
import base64
import html
import io
import logging
import struct
import weakref
import zlib
from collections.abc import Callable, Mapping

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from lessons.core.errors import CourseError

__all__ = ["AUDIENCES", "Explorer", "check_audience", "figure_canvas", "png_bytes", "readout_html", "reset_button",
           "slider", "times_body_weight"]

log = logging.getLogger(__name__)

#: Seconds of stillness after which an explorer sends its whole picture again (see Explorer.redraw).
SETTLE_S = 0.2

#: Every explorer built in this kernel and still referenced somewhere.
_LIVE: weakref.WeakSet = weakref.WeakSet()


#: Who an explorer speaks to: students (precise terms, symbols, newtons) or patients (plain words).
AUDIENCES = ("student", "patient")


def check_audience(audience: str) -> bool:
    """Check an explorer's ``audience`` and return True for the patient (plain-words) version.

    >>> check_audience("patient"), check_audience("student")
    (True, False)
    >>> check_audience("clinician")
    Traceback (most recent call last):
    ...
    lessons.core.errors.CourseError: audience must be "student" or "patient", not 'clinician'.
    """
    if audience not in AUDIENCES:
        raise CourseError(f'audience must be "student" or "patient", not {audience!r}.')
    return audience == "patient"


def times_body_weight(force_bw: float) -> str:
    """Say a force in body weights as a patient would: to the nearest half, or a share below 3/4.

    >>> [times_body_weight(f) for f in (2.48, 1.68, 1.0, 3.3, 0.33, 0.0)]
    ['about 2½ times your body weight', 'about 1½ times your body weight', 'about your body weight', 'about 3½ times your body weight', 'about 30 % of your body weight', 'none of your body weight']
    """
    if force_bw <= 0.0:
        return "none of your body weight"
    halves = round(force_bw * 2)
    if halves <= 1:
        return f"about {max(round(force_bw * 10) * 10, 10):.0f} % of your body weight"
    if halves == 2:
        return "about your body weight"
    whole, half = divmod(halves, 2)
    return f"about {whole}{'½' if half else ''} times your body weight"


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
    never leaks into ``plt.gcf()``; the canvas is a widget like any other. Its
    frames are encoded quickly (see :func:`_fast_canvas_class`).
    """
    from ipympl.backend_nbagg import FigureManager

    canvas = _fast_canvas_class()(figure)
    FigureManager(canvas, num=0)
    canvas.toolbar_visible = False
    canvas.header_visible = False
    canvas.footer_visible = False
    canvas.resizable = False
    canvas.capture_scroll = False
    return canvas


def png_bytes(rgba: np.ndarray, level: int = 1) -> bytes:
    """Encode an (height, width, 4) uint8 RGBA array as a PNG, fast: no row filters, light zlib.

    A frame of a diagram is mostly flat colour or, in a diff frame, mostly
    transparent zeros; PNG's adaptive row filters buy little there and cost
    most of the encoding time, so every row uses filter 0 ("none").

    >>> png = png_bytes(np.zeros((2, 3, 4), np.uint8))
    >>> png[:8], png[16:24]
    (b'\\x89PNG\\r\\n\\x1a\\n', b'\\x00\\x00\\x00\\x03\\x00\\x00\\x00\\x02')
    """
    height, width, _ = rgba.shape
    rows = np.zeros((height, width * 4 + 1), np.uint8)  # a leading 0 on each row: filter "none"
    rows[:, 1:] = rgba.reshape(height, width * 4)

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows.tobytes(), level))
        + chunk(b"IEND", b"")
    )


_FAST_CANVAS = None


def _fast_canvas_class():
    """ipympl's canvas widget, with a quicker frame encoder that speaks the same protocol.

    matplotlib's web back end sends each repaint as a PNG: the whole figure
    ("full" mode) or, in "diff" mode, a picture in which unchanged pixels are
    transparent, which the browser draws over its copy at the top-left corner.
    This subclass keeps both modes and that anchoring but (1) crops a diff frame
    to the smallest rectangle from the top-left corner that holds every changed
    pixel, and (2) encodes with :func:`png_bytes` instead of Pillow's default
    (adaptive filters, zlib level 6), which took about half of each update of
    the larger diagrams. Made on first use, so importing the course needs no ipympl.
    """
    global _FAST_CANVAS
    if _FAST_CANVAS is not None:
        return _FAST_CANVAS
    from ipympl.backend_nbagg import Canvas

    class FastCanvas(Canvas):
        def get_diff_image(self):
            if not self._png_is_old:
                return None
            pixels = np.asarray(self.get_renderer().buffer_rgba())
            buff = pixels.view(np.uint32).squeeze(2)
            last = self._last_buff
            if self._force_full or buff.shape != last.shape or (pixels[:, :, 3] != 255).any():
                self.set_image_mode("full")
                output = pixels
            else:
                self.set_image_mode("diff")
                changed = buff != last
                rows = np.flatnonzero(changed.any(axis=1))
                if rows.size == 0:  # nothing moved: one clear pixel (the browser awaits a frame)
                    output = np.zeros((1, 1, 4), np.uint8)
                else:
                    bottom = rows[-1] + 1
                    right = np.flatnonzero(changed[:bottom].any(axis=0))[-1] + 1
                    crop = np.where(changed[:bottom, :right], buff[:bottom, :right], 0)
                    output = crop.view(np.uint8).reshape(bottom, right, 4)
            self._last_buff = buff.copy()
            self._force_full = False
            self._png_is_old = False
            return png_bytes(output)

    _FAST_CANVAS = FastCanvas
    return FastCanvas


def _in_kernel() -> bool:
    """True inside a Jupyter kernel (where comm messages arrive through its event loop)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return False
    return getattr(get_ipython(), "kernel", None) is not None


def _running_loop() -> asyncio.AbstractEventLoop | None:
    """The kernel's event loop, running in this thread, or None (a plain script or test).

    Only a kernel's loop counts: a test session may have another library's loop
    set in this thread (Playwright's) that never turns while the test runs.
    """
    if not _in_kernel():
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


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
        #: How many times the figure has been repainted (the no-backlog test counts them).
        self.repaints = 0
        self._repaint_pending = False
        self._settle: asyncio.TimerHandle | None = None
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
            # On a high-resolution screen the front end asks matplotlib for device_pixel_ratio
            # times the figure's own dpi, which it keeps in _original_dpi (matplotlib's
            # FigureCanvasBase._set_device_pixel_ratio): scale that, or a 2x screen undoes it.
            self.figure._original_dpi = self._base_dpi * scale
            self.figure.set_dpi(self._base_dpi * scale * self.canvas.device_pixel_ratio)
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
        """Ask for a repaint of the figure; a burst of requests gives one repaint.

        Call it after moving the artists (their data is already up to date, so a
        test can read it at once). In a kernel the repaint is scheduled once on
        the event loop and runs when the messages already received have been
        handled: dragging a slider faster than the figure can paint skips the
        stale frames instead of queueing them, and the picture ends on the last
        value. With no event loop running (a script, a test) it repaints now.
        The repaint blits the moving artists if there are any, else draws all.

        Frames are sent as differences from the last one, and ipympl's front end
        drops a frame that arrives while the one before is still decoding (a
        busy browser during a fast drag), which would leave stale pixels. So once
        the figure has been still for :data:`SETTLE_S`, the whole picture is sent
        again: whatever happened in between, the figure comes to rest correct.
        """
        if self.canvas is None or self._repaint_pending:
            return
        loop = _running_loop()
        if loop is None:
            self._repaint()
            return
        self._repaint_pending = True
        loop.call_soon(self._scheduled_repaint)

    def _scheduled_repaint(self) -> None:
        self._repaint_pending = False
        try:
            self._repaint()
        except Exception as error:  # noqa: BLE001 - shown to the learner, logged in full
            self._show_failure("repaint", error)
        if self._settle is not None:
            self._settle.cancel()
        self._settle = asyncio.get_running_loop().call_later(SETTLE_S, self._send_whole_picture)

    def _send_whole_picture(self) -> None:
        self._settle = None
        canvas = self.canvas
        if canvas.syncing_data_url:  # no browser attached (nbconvert, nbval): nobody to send to
            return
        canvas._force_full = True
        canvas._png_is_old = True
        canvas.manager.refresh_all()

    #: What a failure message names (a tool without a diagram names itself instead).
    failure_subject = "The diagram"

    def _show_failure(self, what: str, error: Exception) -> None:
        log.exception("%s could not %s", self.failure_subject, what)
        self.message.value = readout_html(
            f"⚠ {self.failure_subject} could not {what} ({type(error).__name__}: {error}). "
            "Try Reset, or re-run the cell.",
            "course-warning",
        )

    def _repaint(self) -> None:
        self.repaints += 1
        if self._blitter is not None:
            self._blitter.update()
        else:
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
