"""Repaint an explorer's figure without a backlog: one repaint per turn of the event loop.

Dragging a slider faster than the figure can paint skips the stale frames
instead of queueing them; once the figure is still, the whole picture is sent again.
"""

from __future__ import annotations

import asyncio

__all__ = ["SETTLE_S", "Repainting"]

#: Seconds of stillness after which an explorer sends its whole picture again (see redraw).
SETTLE_S = 0.2


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


class Repainting:
    """Coalesced repaints of ``canvas`` (blitting with ``_blitter`` if there is one).

    A mixin: :meth:`_start_repainting` sets its counters; failures go to ``_show_failure``.
    """

    def _start_repainting(self) -> None:
        #: How many times the figure has been repainted (the no-backlog test counts them).
        self.repaints = 0
        self._repaint_pending = False
        self._settle: asyncio.TimerHandle | None = None

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

    def _repaint(self) -> None:
        self.repaints += 1
        if self._blitter is not None:
            self._blitter.update()
        else:
            self.canvas.draw_idle()
