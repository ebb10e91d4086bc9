"""Drive JupyterLab in a real browser the way a learner does: open a notebook, run it, look at it.

A page object over Playwright's sync API. A browser test opens a lesson, runs
every cell, checks that nothing went wrong, then works the controls:

    lab.open_notebook("notebooks/00-Start-Here.ipynb")
    lab.run_all()
    lab.assert_no_errors()
    handle = lab.slider_handle("Knee flexion, °")
    lab.press_keys(handle, "ArrowRight", times=5)

The notebook's state (kernel status, execution counts, outputs) is read from
JupyterLab's own models through ``window.jupyterapp``, which the server exposes
with ``--LabApp.expose_app_in_browser=True`` (as JupyterLab's Galata harness
does); what the learner sees is checked in the DOM. Waits poll a condition with
a timeout; nothing sleeps for a fixed time.
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

try:  # Guarded, so that collecting this folder never fails without Playwright; tests
    # import ``expect`` from here, and the fixtures skip (or fail, under CI) before any use.
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover
    expect = None
    PlaywrightTimeout = TimeoutError

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

__all__ = [
    "ExplorerView",
    "JupyterLab",
    "expect",
    "canvas_fingerprint",
    "wait_for_canvas_change",
    "wait_for_canvas_drawn",
    "wait_for_canvas_stable",
]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
STDERR = "application/vnd.jupyter.stderr"
#: Text that must never be left in an output once a notebook has run.
FAILURE_TEXTS = ("Error displaying widget",)
#: Placeholders a widget shows while its model loads; they must go away.
LOADING_TEXTS = ("Loading widget...",)
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

# JavaScript run in the page. Each finds the notebook panel by its path, so
# several open notebooks never get mixed up.
_FIND_PANEL = """
const findPanel = (path) => {
  const app = window.jupyterapp;
  if (!app || !app.shell) return null;
  return Array.from(app.shell.widgets('main')).find(
    (w) => w.context && w.context.path === path && w.content && w.content.model
  ) || null;
};
"""

_NOTEBOOK_STATE = (
    "(path) => {"
    + _FIND_PANEL
    + """
  const panel = findPanel(path);
  if (!panel) return null;
  const session = panel.sessionContext;
  const kernel = session && session.session ? session.session.kernel : null;
  const cells = Array.from(panel.content.model.cells).map((cell, index) => ({
    index,
    type: cell.type,
    executionCount: cell.type === 'code' ? cell.executionCount : null,
    executionState: cell.type === 'code' ? (cell.executionState || null) : null,
    outputs: cell.type === 'code' ? cell.outputs.toJSON() : [],
  }));
  return {
    ready: !!(session && session.isReady),
    kernelStatus: kernel ? kernel.status : null,
    kernelName: kernel ? kernel.name : null,
    pendingInput: !!(session && session.pendingInput),
    cells,
  };
}
"""
)

_RUN_COMMAND = (
    "([path, command]) => {"
    + _FIND_PANEL
    + """
  const app = window.jupyterapp;
  const panel = findPanel(path);
  if (!panel) throw new Error('notebook ' + path + ' is not open');
  app.shell.activateById(panel.id);
  window.__courseCommandError = null;
  // Not awaited: run-all resolves only when every cell has run, and we poll for that instead.
  app.commands.execute(command).catch((e) => { window.__courseCommandError = String(e); });
}
"""
)

# Quick, order-sensitive hash of a canvas's pixels (as a PNG data URL), so the
# page never has to ship a large image to Python on every poll.
_CANVAS_HASH = """
const canvasHash = (canvas) => {
  const data = canvas.toDataURL('image/png');
  let h1 = 0x811c9dc5, h2 = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = (h2 * 31 + c) >>> 0;
  }
  return canvas.width + 'x' + canvas.height + ':' + h1.toString(16) + h2.toString(16);
};
"""

_CANVAS_INK = """
(canvas) => {
  // Count pixels that are neither transparent nor (near) white: drawn ink.
  const ctx = canvas.getContext('2d');
  if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
    if (a > 0 && (r < 235 || g < 235 || b < 235)) ink++;
  }
  return ink;
}
"""


@dataclass(frozen=True)
class ExplorerView:
    """A course explorer on the page: its container, its figure's canvas and its text readout."""

    root: Locator
    canvas: Locator
    readout: Locator


class JupyterLab:
    """A JupyterLab page in a browser tab, and the notebook open in it.

    Args:
        page: a Playwright page (one per test).
        base_url: the server's address, such as ``http://127.0.0.1:8888``.
        token: the server's token.
        output_dir: where :meth:`screenshot` saves its pictures.
        timeout_s: default time limit for waits, in seconds.
    """

    def __init__(
        self,
        page: Page,
        base_url: str,
        token: str,
        output_dir: Path,
        timeout_s: float = 30.0,
    ) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.output_dir = Path(output_dir)
        self.timeout_s = timeout_s
        self.path: str | None = None
        self.workspace = f"test-{uuid.uuid4().hex[:12]}"

    # -- opening and running -------------------------------------------------

    def open_notebook(self, path: str, timeout_s: float | None = None) -> None:
        """Open the notebook at ``path`` (relative to the server root); wait for an idle kernel."""
        timeout_ms = _ms(timeout_s or self.timeout_s * 2)
        self.path = path
        # A workspace of this page's own: JupyterLab would otherwise restore the tabs an
        # earlier test left open in the shared server, and their widgets would be found too.
        url = (
            f"{self.base_url}/lab/workspaces/{self.workspace}/tree/{quote(path)}?token={self.token}"
        )
        self.page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
        self.page.wait_for_function(
            "() => window.jupyterapp && window.jupyterapp.shell", timeout=timeout_ms
        )
        self.page.wait_for_function(
            "(path) => {" + _FIND_PANEL + "return !!findPanel(path); }",
            arg=path,
            timeout=timeout_ms,
        )
        expect(self.panel).to_be_visible(timeout=timeout_ms)
        self.wait_for_kernel_idle(timeout_s=timeout_s or self.timeout_s * 2)

    def open_and_run(self, path: str) -> None:
        """Open a lesson, run every cell as a learner would, and check nothing went wrong."""
        self.open_notebook(path)
        self.run_all()
        self.assert_no_errors()

    @property
    def panel(self) -> Locator:
        """The visible notebook panel (the current tab's content)."""
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").first

    def state(self) -> dict:
        """The open notebook's state from JupyterLab's models: kernel status and each cell."""
        state = self.page.evaluate(_NOTEBOOK_STATE, self._require_path())
        if state is None:
            raise AssertionError(f"The notebook {self.path} is not open in JupyterLab.")
        return state

    def wait_for_kernel_idle(self, timeout_s: float | None = None) -> None:
        """Wait until the notebook has a kernel, it is idle and no cell is running."""
        self._poll(
            lambda s: (
                s["ready"]
                and s["kernelStatus"] == "idle"
                and not any(c["executionState"] == "running" for c in s["cells"])
            ),
            "the kernel to be idle",
            timeout_s,
        )

    def run_command(self, command: str) -> None:
        """Run a JupyterLab command (such as ``notebook:run-all-cells``) on the open notebook."""
        self.page.evaluate(_RUN_COMMAND, [self._require_path(), command])

    def run_all(self, timeout_s: float | None = None) -> None:
        """Clear the saved outputs, run every cell, and wait until all have run (or one failed).

        Clearing first matters: a saved notebook already shows execution counts,
        so only fresh ones prove that this run has finished.
        """
        self.run_command("notebook:clear-all-cell-outputs")
        self._poll(
            lambda s: all(c["executionCount"] is None for c in s["cells"]),
            "the saved outputs to be cleared",
            timeout_s,
        )
        self.run_command("notebook:run-all-cells")

        def finished(s: dict) -> bool:
            code = [c for c in s["cells"] if c["type"] == "code"]
            idle = s["kernelStatus"] == "idle" and not any(
                c["executionState"] == "running" for c in code
            )
            all_ran = all(c["executionCount"] is not None for c in code)
            # Run-all stops at a failing cell, leaving later cells unrun: stop waiting then too.
            failed = any(o["output_type"] == "error" for c in code for o in c["outputs"])
            return idle and (all_ran or failed)

        self._poll(finished, "every code cell to run", timeout_s or self.timeout_s * 3)
        error = self.page.evaluate("() => window.__courseCommandError")
        assert not error, f"JupyterLab could not run all cells: {error}"

    # -- checking for errors -------------------------------------------------

    def errors(self) -> list[str]:
        """Describe every error a learner would see in the notebook's outputs (empty if none).

        Looks at the models (error outputs, tracebacks on stderr, in any cell,
        scrolled into view or not) and at the page (widgets that failed to
        display, error messages that course widgets show).
        """
        problems = []
        for cell in self.state()["cells"]:
            for output in cell["outputs"]:
                where = f"cell {cell['index']} ([{cell['executionCount']}])"
                if output["output_type"] == "error":
                    traceback = _ANSI.sub("", "\n".join(output.get("traceback", [])))
                    problems.append(f"{where}: {output['ename']}: {output['evalue']}\n{traceback}")
                elif output["output_type"] == "stream" and output.get("name") == "stderr":
                    text = _text(output.get("text"))
                    if "Traceback" in text:
                        problems.append(f"{where}: traceback on stderr:\n{text}")
        seen = _squash("\n".join(problems))
        stderr = self.page.locator(f'.jp-Notebook .jp-OutputArea-output[data-mime-type="{STDERR}"]')
        for text in stderr.all_text_contents():
            if "Traceback" in text and _squash(text) not in seen:  # not already reported above
                problems.append(f"an output on the page shows a traceback:\n{text}")
        outputs = self.page.locator(".jp-OutputArea-output")
        for failure in FAILURE_TEXTS:
            for text in outputs.filter(has_text=failure).all_text_contents():
                problems.append(f"an output on the page says {text.strip()!r}")
        broken = self.page.locator(".jupyter-widgets-error-widget, .jupyter-widgets-disconnected")
        for text in broken.all_inner_texts():
            problems.append(f"a widget failed to display (it shows {text.strip()!r})")
        for text in self.page.locator(".course-warning").all_text_contents():
            problems.append(f"a course widget shows a warning: {text.strip()!r}")
        for level, text in self.log_console_entries():
            problems.append(f"the log console has a widget callback's {level} entry:\n{text}")
        return problems

    def log_console_entries(self) -> list[tuple[str, str]]:
        """Return ``(level, text)`` for each entry in the notebook's log console.

        What a widget callback prints, or raises, outside an Output widget lands
        there, out of the learner's sight; the status bar only shows a count.
        The console is opened (to read it) only when that count is not zero.
        """
        status = self.page.locator(".jp-LogConsoleStatusItem [title]")
        if status.count() == 0:
            return []
        match = re.search(r"(\d+) log entr", status.first.get_attribute("title") or "")
        if not match or int(match.group(1)) == 0:
            return []
        self.page.evaluate("() => window.jupyterapp.commands.execute('logconsole:open')")
        entries = self.page.locator(
            ".jp-LogConsolePanel .jp-Scrolling:not(.lm-mod-hidden) .jp-OutputArea-child"
        )
        expect(entries.first).to_be_attached(timeout=_ms(self.timeout_s))
        found = []
        for entry in entries.all():
            prompt = entry.locator(".jp-OutputArea-prompt")
            level = (prompt.get_attribute("data-log-level") if prompt.count() else None) or "?"
            found.append((level, entry.locator(".jp-OutputArea-output").inner_text().strip()))
        return found

    def assert_no_errors(self, timeout_s: float | None = None) -> None:
        """Wait for widgets to finish loading, then fail with every error the notebook shows."""
        self.wait_for_widgets_loaded(timeout_s)
        problems = self.errors()
        assert not problems, "The notebook shows errors:\n\n" + "\n\n".join(problems)

    def wait_for_widgets_loaded(self, timeout_s: float | None = None) -> None:
        """Wait until no output still shows a widget's loading placeholder."""
        outputs = self.page.locator(".jp-OutputArea-output")
        for text in LOADING_TEXTS:
            expect(outputs.filter(has_text=text)).to_have_count(
                0, timeout=_ms(timeout_s or self.timeout_s)
            )

    # -- finding controls ----------------------------------------------------

    def widget_outputs(self) -> Locator:
        """Every output area that displays a widget."""
        return self.page.locator(f'.jp-OutputArea-output[data-mime-type="{WIDGET_VIEW}"]')

    def slider(self, label: str, within: Locator | None = None) -> Locator:
        """The slider widget whose description is exactly ``label`` (exactly one must exist)."""
        scope = within or self.page
        exact = re.compile(rf"^\s*{re.escape(label)}\s*$")
        return scope.locator(".widget-slider").filter(
            has=self.page.locator(".widget-label", has_text=exact)
        )

    def slider_handle(self, label: str, within: Locator | None = None) -> Locator:
        """The focusable handle of the slider ``label`` (ipywidgets 8 sliders are noUiSliders)."""
        return self.slider(label, within).locator(".noUi-handle")

    def slider_readout(self, label: str, within: Locator | None = None) -> Locator:
        """The number shown beside the slider ``label``."""
        return self.slider(label, within).locator(".widget-readout")

    def button(self, label: str, within: Locator | None = None) -> Locator:
        """The widget button whose text is exactly ``label``."""
        scope = within or self.page
        return scope.locator("button.jupyter-button").filter(
            has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")
        )

    def explorer(self, title: str) -> ExplorerView:
        """The course explorer headed ``title``, scrolled into view, with its figure drawn."""
        root = self.page.locator(".course-explorer", has=self.page.locator("h4", has_text=title))
        expect(root).to_have_count(1)
        root.scroll_into_view_if_needed()
        expect(root).to_be_visible()
        # ipympl stacks two canvases: the figure, then a clear one on top for zoom rectangles.
        canvas = root.locator(".jupyter-matplotlib-figure canvas").first
        expect(canvas).to_be_visible()
        wait_for_canvas_drawn(canvas)
        return ExplorerView(root, canvas, root.locator(".course-readout-widget .course-readout"))

    def move_slider(
        self, view: ExplorerView, label: str, key: str, times: int, expected_readout: str
    ) -> None:
        """Press ``key`` on slider ``label`` ``times``
        times; the readout and the picture must follow.

        ``expected_readout`` is the whole readout text, best taken from the
        model's own describe function, so the browser is checked against the model.
        """
        before = wait_for_canvas_stable(view.canvas)
        handle = self.slider_handle(label, within=view.root)
        expect(handle).to_have_count(1)
        self.press_keys(handle, key, times=times)
        expect(view.readout).to_have_text(expected_readout, use_inner_text=True)
        wait_for_canvas_change(view.canvas, before)
        self.assert_no_errors()

    def quiz_question(self, prompt_contains: str) -> Locator:
        """The one quiz question whose text contains ``prompt_contains``, scrolled into view."""
        question = self.page.locator(".course-quiz .course-quiz-question").filter(
            has_text=prompt_contains
        )
        expect(question).to_have_count(1)
        question.scroll_into_view_if_needed()
        return question

    def answer_typed_question(self, prompt_contains: str, typed: str) -> Locator:
        """Type ``typed`` into a numeric question, press
        Check, and expect "✓ Correct."; return it."""
        question = self.quiz_question(prompt_contains)
        question.locator("input[type=text]").fill(typed)
        question.get_by_role("button", name="Check").click()
        expect(question.locator(".course-quiz-feedback")).to_contain_text("✓ Correct.")
        return question

    # -- acting and waiting --------------------------------------------------

    def press_keys(self, target: Locator, *keys: str, times: int = 1) -> None:
        """Focus ``target`` and press ``keys`` in order, ``times`` times, like a keyboard user."""
        target.focus()
        expect(target).to_be_focused()
        for _ in range(times):
            for key in keys:
                target.press(key)

    def wait_for_text_change(
        self, target: Locator, old: str, timeout_s: float | None = None
    ) -> str:
        """Wait until the text of ``target`` differs from ``old``; return the new text."""
        expect(target).not_to_have_text(old, timeout=_ms(timeout_s or self.timeout_s))
        return target.inner_text()

    def screenshot(self, name: str, target: Locator | None = None) -> Path:
        """Save a PNG of the whole page, or of ``target``, into the test's output folder."""
        path = self.output_dir / f"{name}.png"
        if target is None:
            self.page.screenshot(path=str(path), full_page=True)
        else:
            target.screenshot(path=str(path))
        return path

    # -- internals -----------------------------------------------------------

    def _require_path(self) -> str:
        if self.path is None:
            raise RuntimeError("Open a notebook first: lab.open_notebook(path).")
        return self.path

    def _poll(self, condition, what: str, timeout_s: float | None = None) -> dict:
        timeout = timeout_s or self.timeout_s
        deadline = time.monotonic() + timeout
        while True:
            state = self.state()
            if condition(state):
                return state
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"Timed out after {timeout:.0f} s waiting for {what}.\n{_summarise(state)}"
                )
            self.page.wait_for_timeout(100)


# -- figures -------------------------------------------------------------------


def canvas_fingerprint(canvas: Locator) -> str:
    """A short hash of the canvas's pixels: equal fingerprints mean identical pictures."""
    return canvas.evaluate("(canvas) => {" + _CANVAS_HASH + "return canvasHash(canvas); }")


def wait_for_canvas_drawn(canvas: Locator, min_ink_px: int = 500, timeout_s: float = 15) -> int:
    """Wait until the canvas shows a drawing (at least ``min_ink_px`` non-white pixels)."""
    deadline = time.monotonic() + timeout_s
    while True:
        ink = canvas.evaluate(_CANVAS_INK)
        if ink >= min_ink_px:
            return ink
        if time.monotonic() > deadline:
            raise AssertionError(
                f"The figure stayed blank for {timeout_s:.0f} s ({ink} drawn pixels, "
                f"expected at least {min_ink_px})."
            )
        canvas.page.wait_for_timeout(100)


def wait_for_canvas_stable(canvas: Locator, quiet_s: float = 0.5, timeout_s: float = 15) -> str:
    """Wait until the canvas has not changed for ``quiet_s`` seconds; return its fingerprint.

    ipympl paints asynchronously (a first draw, then a redraw at the screen's
    pixel ratio), so take a "before" picture only once the painting has settled.
    """
    deadline = time.monotonic() + timeout_s
    last = canvas_fingerprint(canvas)
    since = time.monotonic()
    while time.monotonic() - since < quiet_s:
        if time.monotonic() > deadline:
            raise AssertionError(f"The figure kept changing for {timeout_s:.0f} s.")
        canvas.page.wait_for_timeout(100)
        now = canvas_fingerprint(canvas)
        if now != last:
            last, since = now, time.monotonic()
    return last


def wait_for_canvas_change(canvas: Locator, old: str, timeout_s: float = 15) -> str:
    """Wait until the canvas's fingerprint differs from ``old``; return the new one."""
    handle = canvas.element_handle()
    try:
        canvas.page.wait_for_function(
            "([canvas, old]) => {" + _CANVAS_HASH + "return canvasHash(canvas) !== old; }",
            arg=[handle, old],
            polling=100,
            timeout=_ms(timeout_s),
        )
    except PlaywrightTimeout:
        raise AssertionError(
            f"The figure did not change within {timeout_s:.0f} s (its pixels stayed {old})."
        ) from None
    return canvas_fingerprint(canvas)


# -- helpers -------------------------------------------------------------------


def _ms(seconds: float) -> float:
    return seconds * 1000


def _text(value: str | list[str] | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else "".join(value)


def _squash(text: str) -> str:
    return " ".join(_ANSI.sub("", text).split())


def _summarise(state: dict) -> str:
    lines = [f"kernel: {state['kernelName']} ({state['kernelStatus']}), ready: {state['ready']}"]
    for cell in state["cells"]:
        if cell["type"] == "code":
            kinds = ", ".join(o["output_type"] for o in cell["outputs"]) or "no outputs"
            lines.append(
                f"  cell {cell['index']}: [{cell['executionCount']}] "
                f"{cell['executionState'] or ''} ({kinds})"
            )
    return "\n".join(lines)
