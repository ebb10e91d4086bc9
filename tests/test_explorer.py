"""Tests for lessons/core/explorer.py, canvas.py and repaint.py: repaints coalesce (no backlog);
frames keep ipympl's protocol."""

from __future__ import annotations

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from lessons.core.explorer import SETTLE_S, Explorer, png_bytes


def _explorer() -> tuple[Explorer, object, list[bytes]]:
    """A one-slider explorer moving a point (blitted), and the frames its canvas sends."""
    figure = Figure(figsize=(4, 3), dpi=72)
    ax = figure.add_subplot()
    ax.set(xlim=(0, 100), ylim=(0, 1))
    (point,) = ax.plot([0], [0.5], "o", markersize=12)
    control = widgets.FloatSlider(min=0, max=100, value=0)
    explorer = Explorer("Demo", {"x": control}, figure, animated=[point])

    def update() -> None:
        point.set_xdata([control.value])
        explorer.set_readout(f"x = {control.value:g}")
        explorer.redraw()

    explorer.wire(update)
    canvas = explorer.canvas
    frames: list[bytes] = []
    canvas.send_binary = frames.append  # what would go to the browser
    canvas._handle_message(canvas, {"type": "initialized"}, [])  # as when a browser is attached
    canvas.draw()
    return explorer, point, frames


def _in_a_kernel(coroutine, monkeypatch) -> None:
    """Run ``coroutine`` on a fresh event loop, as if in a kernel (a thread of its own, so that
    a loop another test left set in this thread, such as Playwright's, does not interfere)."""
    monkeypatch.setattr("lessons.core.repaint._in_kernel", lambda: True)
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, coroutine).result()


def _pixels(explorer: Explorer) -> np.ndarray:
    return np.asarray(explorer.canvas.get_renderer().buffer_rgba()).copy()


def _decode(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def test_a_burst_of_changes_in_a_kernel_gives_one_repaint_and_ends_on_the_last_value(monkeypatch):
    """Fifty slider messages handled before the loop turns: one repaint, of the final state."""
    explorer, point, frames = _explorer()
    control = explorer.controls["x"]
    before, sent = explorer.repaints, len(frames)

    async def burst() -> None:
        for value in range(1, 51):
            control.value = value
            assert point.get_xdata()[0] == value  # the artists follow at once; only the pixels wait
            assert explorer.readout_text == f"x = {value}"
        assert explorer.repaints == before
        await asyncio.sleep(0)  # the loop turns: the one scheduled repaint runs

    _in_a_kernel(burst(), monkeypatch)
    assert explorer.repaints == before + 1
    assert len(frames) == sent + 1
    blitted = _pixels(explorer)
    explorer.canvas.draw()  # a full draw of the final state, for comparison
    assert np.array_equal(blitted, _pixels(explorer))


def test_without_an_event_loop_each_change_repaints_at_once():
    """In a script or a plain test (no event loop) the figure repaints on every change."""
    explorer, _point, frames = _explorer()
    before, sent = explorer.repaints, len(frames)
    for value in (10, 20, 30):
        explorer.controls["x"].value = value
    assert explorer.repaints == before + 3
    assert len(frames) == sent + 3


def test_a_diff_frame_painted_over_the_last_picture_gives_the_new_one():
    """A diff frame drawn over the last picture at the top-left corner gives the new figure."""
    explorer, _point, frames = _explorer()
    explorer.controls["x"].value = 60
    shown = _pixels(explorer)
    explorer.controls["x"].value = 80
    assert explorer.canvas._current_image_mode == "diff"
    frame = _decode(frames[-1])
    height, width, _ = frame.shape
    opaque = frame[:, :, 3] > 0
    shown[:height, :width][opaque] = frame[opaque]
    now = _pixels(explorer)
    assert np.array_equal(shown, now)
    assert height * width < now.shape[0] * now.shape[1]  # cropped to the corner that changed


def test_a_full_frame_is_the_whole_figure():
    """After a resize or a refresh request the browser gets the whole picture, not a diff."""
    explorer, _point, frames = _explorer()
    explorer.canvas._force_full = True
    explorer.controls["x"].value = 30
    assert explorer.canvas._current_image_mode == "full"
    assert np.array_equal(_decode(frames[-1]), _pixels(explorer))


def test_an_unchanged_figure_still_answers_with_a_frame():
    """A repaint that changed nothing sends a one-pixel clear frame (the browser awaits one)."""
    explorer, _point, frames = _explorer()
    explorer.redraw()
    frame = _decode(frames[-1])
    assert frame.shape == (1, 1, 4) and frame[0, 0, 3] == 0


@pytest.mark.parametrize("shape", [(1, 1, 4), (7, 5, 4), (120, 333, 4)])
def test_png_bytes_round_trips(shape):
    """The fast encoder writes a PNG that Pillow reads back pixel for pixel."""
    rgba = np.random.default_rng(0).integers(0, 256, size=shape, dtype=np.uint8)
    assert np.array_equal(_decode(png_bytes(rgba)), rgba)


def test_once_still_the_whole_picture_is_sent_again(monkeypatch):
    """After a burst, once still for SETTLE_S, a full frame repairs any diff the browser dropped."""
    explorer, _point, frames = _explorer()
    explorer.canvas.syncing_data_url = False  # a browser is attached

    async def drag() -> None:
        for value in (10, 20, 30):
            explorer.controls["x"].value = value
            await asyncio.sleep(0)
        await asyncio.sleep(SETTLE_S * 2)

    sent = len(frames)
    _in_a_kernel(drag(), monkeypatch)
    assert len(frames) == sent + 4  # three diff frames, then the whole picture
    assert explorer.canvas._current_image_mode == "full"
    assert np.array_equal(_decode(frames[-1]), _pixels(explorer))
