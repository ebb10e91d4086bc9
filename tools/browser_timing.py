"""Time the course in JupyterLab in Chromium as a learner meets it: open a lesson, press keys.

Part of ``python -m tools.benchmark`` (run alone: ``python -m tools.browser_timing``).
It starts a private JupyterLab (``tools/lab_server.py``, as the browser tests do)
and headless Chromium, and measures:

- **first widget usable**, per lesson: from asking the browser for the lesson's
  address, through JupyterLab loading and the kernel starting, "Run all", to the
  first explorer's figure being drawn *and* answering its first control (a key
  press on a slider or tick box, the next entry of a drop-down: its picture
  changes), which is when a learner can use it;
- **key press to repaint**, for the heaviest diagram: a hook on the figure
  canvas's 2-D context records each time ipympl draws a frame onto the visible
  canvas (``drawImage``) and the start of the next animation frame, when the
  browser paints it; a capturing ``keydown`` listener records the press. Each
  press waits for the page to be quiet first, so every frame belongs to one press;
- **a fast burst** of key presses on the same slider: how many frames reached the
  canvas, and how long after the last press the picture settled on the final value.

Times are the page's own ``performance.now()``, so Playwright's round trips are
not counted in the key-to-repaint figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from tools.lab_server import running_lab

ROOT = Path(__file__).resolve().parent.parent

#: Slider diagrams that may be the heaviest: kernel benchmark name -> (notebook, title, slider).
SLIDER_DIAGRAMS = {
    "gait timeline": (
        "notebooks/02-Knee-And-Hip-Pain.ipynb",
        "Gait timeline",
        "Moment in the cycle, %",
    ),
    # Body mass: every slider redraws the same artists, and this one has room for a 30-press burst.
    "hip load explorer": (
        "notebooks/02-Knee-And-Hip-Pain.ipynb",
        "Hip load explorer",
        "Body mass, kg",
    ),
    "limb explorer": ("notebooks/00-Start-Here.ipynb", "Limb explorer", "Knee flexion, °"),
}

# Installed on a figure canvas: record each frame ipympl draws on it and the next animation
# frame (when the browser paints), and every key press anywhere on the page (capturing).
_HOOK = """
(canvas) => {
  const ctx = canvas.getContext('2d');
  window.__coursePaints = [];
  window.__courseKeys = [];
  if (!ctx.__courseHooked) {
    const draw = ctx.drawImage.bind(ctx);
    ctx.drawImage = (...args) => {
      draw(...args);
      const drawn = performance.now();
      requestAnimationFrame(() => window.__coursePaints.push([drawn, performance.now()]));
    };
    ctx.__courseHooked = true;
    document.addEventListener('keydown', () => window.__courseKeys.push(performance.now()), true);
  }
}
"""
# Key presses dispatched in the page at a fixed pace (Playwright's own presses each wait
# for a round trip, too slow for a burst); the slider handles them like real keys.
_BURST = """
async (handle, [key, presses, interval]) => {
  handle.focus();
  for (let i = 0; i < presses; i++) {
    handle.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true}));
    handle.dispatchEvent(new KeyboardEvent('keyup', {key, bubbles: true, cancelable: true}));
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
"""
# Open a notebook in the JupyterLab on the page; close it without saving (it was only run).
_OPEN = "(path) => { window.jupyterapp.commands.execute('docmanager:open', {path}); }"
_CLOSE = """
(path) => {
  const panel = Array.from(window.jupyterapp.shell.widgets('main')).find(
    (w) => w.context && w.context.path === path);
  if (panel) { panel.context.model.dirty = false; panel.dispose(); }
}
"""
_COUNTS = "() => [window.__courseKeys.length, window.__coursePaints.length]"
_RECORD = "() => [window.__courseKeys, window.__coursePaints]"

# The first course explorer whose figure has ink on it (the same test as wait_for_canvas_drawn).
_FIRST_DRAWN = """
() => {
  const canvas = document.querySelector(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .course-explorer .jupyter-matplotlib-figure canvas');
  if (!canvas || canvas.width === 0) return false;
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] > 0 && (pixels[i] < 250 || pixels[i + 1] < 250 || pixels[i + 2] < 250)) ink++;
  }
  return ink > 500;
}
"""


@dataclass
class Presses:
    """Key press to repaint, in ms: to ipympl's drawImage, and to the next painted frame."""

    to_draw_ms: list[float]
    to_frame_ms: list[float]


def _chromium() -> str:
    for candidate in (
        os.environ.get("CHROMIUM_PATH"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    raise RuntimeError(
        "No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH."
    )


def hook_canvas(canvas) -> None:
    """Start recording key presses and the frames drawn on ``canvas`` (a Playwright locator)."""
    canvas.evaluate(_HOOK)


def roomier_key(handle) -> str:
    """ArrowRight or ArrowLeft: whichever way the slider has more room to move."""
    now, low, high = (
        float(handle.get_attribute(f"aria-value{name}")) for name in ("now", "min", "max")
    )
    return "ArrowRight" if high - now >= now - low else "ArrowLeft"


def press_and_time(lab, handle, canvas, presses: int, warm_up: int = 3) -> Presses:
    """Press the arrow keys on ``handle`` (right, left, …), the page quiet before each; time each.

    Alternating keeps the slider inside its range, so every press moves it.
    """
    from tests.browser.jupyterlab import wait_for_canvas_stable

    hook_canvas(canvas)
    handle.focus()
    to_draw, to_frame = [], []
    for index in range(warm_up + presses):
        wait_for_canvas_stable(canvas, quiet_s=0.5)
        keys_before, paints_before = lab.page.evaluate(_COUNTS)
        handle.press("ArrowRight" if index % 2 == 0 else "ArrowLeft")
        lab.page.wait_for_function(
            f"() => window.__courseKeys.length > {keys_before}"
            f" && window.__coursePaints.length > {paints_before}",
            polling="raf",
            timeout=15_000,
        )
        keys, paints = lab.page.evaluate(_RECORD)
        pressed = keys[keys_before]
        drawn, framed = paints[paints_before]
        if index >= warm_up:
            to_draw.append(drawn - pressed)
            to_frame.append(framed - pressed)
    return Presses(to_draw, to_frame)


def burst(lab, handle, canvas, key: str, presses: int, interval_ms: float = 10) -> dict:
    """Press ``key`` ``presses`` times, ``interval_ms`` apart; see how the figure settles.

    10 ms apart is three times as fast as a held key repeats: faster than any
    diagram can repaint, so without coalescing the frames would queue up.

    Returns the frames drawn during and after the burst, and the time from the
    last key press to the last frame (the picture at rest on the final value).
    """
    from tests.browser.jupyterlab import wait_for_canvas_stable

    wait_for_canvas_stable(canvas, quiet_s=0.5)
    hook_canvas(canvas)
    handle.evaluate(_BURST, [key, presses, interval_ms])
    settled = wait_for_canvas_stable(canvas, quiet_s=1.0, timeout_s=60)
    keys, paints = lab.page.evaluate(_RECORD)
    return {
        "presses": len(keys),
        "frames": len(paints),
        "burst_ms": keys[-1] - keys[0],
        "settle_ms": (paints[-1][1] - keys[-1]) if paints else 0.0,
        "fingerprint": settled,
    }


def _first_widget_usable(lab, notebook: str, cold: bool) -> dict:
    """Seconds from opening ``notebook`` to: kernel ready, first figure drawn, first answer.

    ``cold``: open it by its address in a fresh browser profile, JupyterLab's own
    loading included; otherwise open it in the JupyterLab already on the page,
    as a learner following the link from the lesson before.
    """
    from tests.browser.jupyterlab import _FIND_PANEL, canvas_fingerprint, wait_for_canvas_change

    page = lab.page
    start = time.perf_counter()
    if cold:
        lab.open_notebook(notebook)
    else:
        page.evaluate(_OPEN, notebook)
        lab.path = notebook
        page.wait_for_function(
            "(path) => {" + _FIND_PANEL + "return !!findPanel(path); }", arg=notebook
        )
        lab.wait_for_kernel_idle(timeout_s=60)
    ready = time.perf_counter()
    lab.run_command("notebook:run-all-cells")
    page.wait_for_function(_FIRST_DRAWN, polling=50, timeout=120_000)
    drawn = time.perf_counter()
    explorer = lab.panel.locator(".course-explorer").first
    canvas = explorer.locator(".jupyter-matplotlib-figure canvas").first
    before = canvas_fingerprint(canvas)
    control = explorer.locator(".noUi-handle, input[type=checkbox], select").first
    kind = control.evaluate("(e) => e.tagName.toLowerCase()")
    if kind == "select":  # a drop-down: choose the next entry, as with the mouse
        count = control.evaluate("(e) => e.options.length")
        control.select_option(index=(control.evaluate("(e) => e.selectedIndex") + 1) % count)
    else:
        control.focus()
        control.press("ArrowRight" if kind != "input" else "Space")
    wait_for_canvas_change(canvas, before, timeout_s=120)
    answered = time.perf_counter()
    lab.wait_for_kernel_idle(timeout_s=120)
    page.evaluate(_CLOSE, notebook)
    return {
        "kernel_ready_s": ready - start,
        "first_drawn_s": drawn - start,
        "first_usable_s": answered - start,
    }


def measure(lessons: list[str], heaviest: str, presses: int = 25, burst_presses: int = 30) -> dict:
    """Run every browser measurement; return the numbers (see the module docstring)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS, VIEWPORT
    from tests.browser.jupyterlab import JupyterLab

    notebook, title, label = SLIDER_DIAGRAMS[heaviest]
    scratch = Path(tempfile.mkdtemp(prefix="course-benchmark-"))
    results: dict = {"lessons": {}, "diagram": heaviest}
    args = list(CHROMIUM_ARGS) + (["--no-sandbox"] if os.geteuid() == 0 else [])
    try:
        with running_lab(scratch / "jupyter-server.log") as server, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=_chromium(), headless=True, args=args)

            def fresh_lab():
                context = browser.new_context(viewport=VIEWPORT)
                context.set_default_timeout(60_000)
                return context, JupyterLab(
                    context.new_page(), server.base_url, server.token, scratch
                )

            context, lab = fresh_lab()
            results["cold"] = _first_widget_usable(lab, lessons[0], cold=True)
            _shut_kernels(server)
            for lesson in lessons:
                results["lessons"][lesson] = _first_widget_usable(lab, lesson, cold=False)
                _shut_kernels(server)
            lab.open_notebook(notebook)
            lab.run_all(timeout_s=180)
            view = lab.explorer(title)
            handle = lab.slider_handle(label, within=view.root)
            results["presses"] = press_and_time(lab, handle, view.canvas, presses)
            key = roomier_key(handle)
            results["burst"] = burst(lab, handle, view.canvas, key, burst_presses)
            context.close()
            browser.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return results


def _shut_kernels(server) -> None:
    """Stop the lesson's kernel, so the next lesson starts on a machine as quiet as the first."""
    for kernel in server.api("GET", "/api/kernels") or []:
        server.api("DELETE", f"/api/kernels/{quote(kernel['id'])}", timeout_s=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diagram", default="gait timeline", choices=sorted(SLIDER_DIAGRAMS))
    parser.add_argument("lessons", nargs="*", default=["notebooks/00-Start-Here.ipynb"])
    args = parser.parse_args(argv)
    results = measure(args.lessons, args.diagram)
    print("cold start", {k: round(v, 2) for k, v in results["cold"].items()})
    for lesson, numbers in results["lessons"].items():
        print(lesson, {k: round(v, 2) for k, v in numbers.items()})
    presses = results["presses"]
    print(
        f"{args.diagram}: key to drawImage median {statistics.median(presses.to_draw_ms):.0f} ms, "
        f"to painted frame median {statistics.median(presses.to_frame_ms):.0f} ms "
        f"over {len(presses.to_frame_ms)} presses"
    )
    print("burst:", {k: v for k, v in results["burst"].items() if k != "fingerprint"})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
