"""Paint a figure in a notebook: the canvas widget, its fast frame encoder, and blitting.

A diagram is a matplotlib figure in an ipympl canvas widget (no pyplot). Each
repaint goes to the browser as a PNG frame; :func:`png_bytes` encodes it fast,
and :class:`Blitter` repaints only the moving artists over a saved background.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

__all__ = ["Blitter", "figure_canvas", "png_bytes"]

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


class Blitter:
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

    @contextmanager
    def all_drawn(self) -> Iterator[None]:
        """Treat the moving artists as ordinary ones for a while (a still picture for a file).

        matplotlib leaves animated artists out of a saved figure when they belong to
        the figure itself rather than to an axes (a figure title, say).
        """
        for artist in self.artists:
            artist.set_animated(False)
        try:
            yield
        finally:
            for artist in self.artists:
                artist.set_animated(True)

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
