"""Measure the course end to end and write the results: diagrams, notebooks, memory, the browser.

    python -m tools.benchmark                 # or: make benchmark (about 5 minutes)
    python -m tools.benchmark --skip browser  # parts: diagrams, notebooks, nbval, browser
    python -m tools.benchmark --repeats 3     # more sweeps per control for steadier numbers

Not a test: it measures, prints a results table, writes it to
``benchmarks/results.md`` (keeping the hand-written notes at the end of that
file) and quotes the summary in README.md. Run it on a quiet machine (it prints
the load average before and after); on a busy one every time is inflated.

1. **Diagrams, kernel side.** For every ``BENCHMARK`` entry in
   ``lessons/<concept>/widget.py``, sweep each control across its range (there and back;
   each option; each tick box on and off) and time one change the way a slider
   tick reaches the kernel: set the control's value; the callback updates the
   model, moves the existing artists, rewrites the readout and repaints (blit
   plus the PNG frame for the browser). Beside it, in the same run and
   interleaved, the **naive** version: a new figure on every change, every
   artist drawn, encoded to PNG (timed on every fifth value of the sweep).
2. **Notebooks.** Each lesson executed top to bottom on a fresh kernel with
   nbclient (as ``tools/notebooks.py`` does): seconds, and the kernel's peak
   memory after "run all" (the kernel process's high-water mark, VmHWM, read
   from ``/proc/<pid>/status`` just before shutdown; elsewhere psutil's peak).
3. **The nbval run**: ``pytest --nbval notebooks`` as the test suite runs it.
4. **The browser** (``tools/browser_timing.py``): per lesson, opening it to its
   first explorer answering a key; for the heaviest slider diagram, key press to
   repaint (median of 25) and a burst of 30 fast presses.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results.md"
NOTES_MARKER = "<!-- notes: kept when the benchmark rewrites this file -->"
PARTS = ("diagrams", "notebooks", "nbval", "browser")

TARGET_MEDIAN_MS = 17.0
TARGET_P95_MS = 33.0
TARGET_RATIO = 5.0
TARGET_REPAINT_MS = 50.0
TARGET_NOTEBOOKS_S = 90.0
TARGET_PEAK_MB = 150.0
TARGET_FIRST_WIDGET_S = 5.0
NAIVE_EVERY = 5  # time the naive rebuild on every fifth value of a sweep


# -- 1. diagrams, kernel side ----------------------------------------------------------


def _sweep(low: float, high: float, steps: int = 25) -> list[float]:
    return [low + (high - low) * i / (steps - 1) for i in range(steps)] + [
        high - (high - low) * i / (steps - 1) for i in range(steps)
    ]


def _time_ms(fn: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - start) * 1000


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def _discover() -> dict[str, tuple[Callable[[], object], Callable[[dict], object]]]:
    """Collect ``BENCHMARK`` from every widget module (``lessons/<concept>/widget.py``): name ->
    (build, naive).

    ``build()`` returns the explorer widget; ``naive(values)`` draws the same
    diagram from scratch for a dict of control values and returns the Figure.
    """
    import importlib

    found = {}
    for path in sorted((ROOT / "lessons").rglob("*widget.py")):
        dotted = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        module = importlib.import_module(dotted)
        found.update(getattr(module, "BENCHMARK", {}))
    return found


def _values(control) -> list:
    """The values a sweep moves a control through: its range, there and back, or each option."""
    if hasattr(control, "options"):
        options = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return (options * 50)[:50]
    if hasattr(control, "min") and hasattr(control, "max"):
        return _sweep(control.min, control.max)
    if isinstance(control.value, bool):  # a tick box: on, off, on, off …
        return [not control.value, control.value] * 25
    return []


def _sweeps(controls: dict) -> dict[str, list[tuple[str, object]]]:
    """Row name -> the (control, value) changes to time; many tick boxes share one row."""
    boxes = [n for n, c in controls.items() if isinstance(c.value, bool) and _values(c)]
    rows = {n: [(n, v) for v in _values(c)] for n, c in controls.items() if _values(c)}
    if len(boxes) > 3:
        for name in boxes:
            del rows[name]
        rows[f"each of {len(boxes)} tick boxes on, off"] = [
            (name, value) for name in boxes for value in _values(controls[name])[:2]
        ] * 2
    return rows


def cases():
    """Each diagram's in-place update and naive rebuild, with the changes to sweep."""
    for diagram, (build, naive) in _discover().items():
        explorer = build()
        canvas = explorer.canvas
        # Behave as with a browser attached: the front end says it is ready, then asks for a frame.
        canvas._handle_message(canvas, {"type": "initialized"}, [])
        canvas.draw()
        canvas.get_diff_image()
        start = {name: control.value for name, control in explorer.controls.items()}

        def in_place(name, value, explorer=explorer, canvas=canvas):
            explorer.controls[name].value = value
            canvas.get_diff_image()  # the PNG frame for the browser (already made by a blit)

        def rebuild(name, value, naive=naive, explorer=explorer):
            current = {n: c.value for n, c in explorer.controls.items()}
            figure = naive({**current, name: value})
            FigureCanvasAgg(figure).print_png(io.BytesIO())

        def reset(explorer=explorer, start=start):
            for name, value in start.items():
                explorer.controls[name].value = value

        yield diagram, in_place, rebuild, reset, _sweeps(explorer.controls)


def run_diagrams(repeats: int) -> list[dict]:
    rows = []
    for diagram, in_place, naive, reset, sweeps in cases():
        print(f"  {diagram} …", file=sys.stderr, flush=True)
        for row, changes in sweeps.items():
            fast, slow = [], []
            for _ in range(repeats):
                for index, (control, value) in enumerate(changes):
                    if index % NAIVE_EVERY == 0:
                        slow.append(_time_ms(naive, control, value))
                    fast.append(_time_ms(in_place, control, value))
                gc.collect()
            reset()
            rows.append(
                {
                    "diagram": diagram,
                    "control": row,
                    "n": len(fast),
                    "median": statistics.median(fast),
                    "p95": _p95(fast),
                    "naive_n": len(slow),
                    "naive_median": statistics.median(slow),
                }
            )
    return rows


def _diagram_met(r: dict) -> bool:
    return (
        r["median"] <= TARGET_MEDIAN_MS
        and r["p95"] <= TARGET_P95_MS
        and r["naive_median"] / r["median"] >= TARGET_RATIO
    )


def diagrams_table(rows: list[dict]) -> str:
    lines = [
        "| diagram | control swept | updates | median (ms) | p95 (ms) "
        "| naive median (ms) | naive / in place | target met |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        ratio = r["naive_median"] / r["median"]
        lines.append(
            f"| {r['diagram']} | {r['control']} | {r['n']} | {r['median']:.1f} | {r['p95']:.1f} "
            f"| {r['naive_median']:.0f} | {ratio:.0f}× | {'yes' if _diagram_met(r) else 'NO'} |"
        )
    return "\n".join(lines)


# -- 2. notebooks: time and peak memory ------------------------------------------------


def _peak_rss_mb(pid: int) -> tuple[float, str]:
    """The process's peak resident memory in MB, and how it was read."""
    status = Path(f"/proc/{pid}/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024, "VmHWM"
    import psutil

    info = psutil.Process(pid).memory_info()
    peak = getattr(info, "peak_wset", None)  # Windows
    return (peak or info.rss) / 2**20, "peak_wset" if peak else "RSS now (no peak available)"


def run_notebooks() -> list[dict]:
    """Execute each lesson on a fresh kernel; time it and read the kernel's peak memory."""
    import nbformat
    from nbclient import NotebookClient

    from tools.notebooks import lesson_notebooks

    rows = []
    for path in lesson_notebooks():
        print(f"  {path.name} …", file=sys.stderr, flush=True)
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            timeout=600,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        )
        start = time.perf_counter()
        with client.setup_kernel():
            started = time.perf_counter()
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
            ran = time.perf_counter()
            peak_mb, how = _peak_rss_mb(client.km.provisioner.pid)
        rows.append(
            {
                "notebook": path.name,
                "kernel_start_s": started - start,
                "run_s": ran - started,
                "total_s": time.perf_counter() - start,
                "peak_mb": peak_mb,
                "how": how,
            }
        )
    return rows


def run_nbval() -> float:
    """Seconds for ``pytest --nbval notebooks`` (strict, as the suite runs it)."""
    command = [
        sys.executable, "-m", "pytest", "notebooks", "--nbval", "--nbval-current-env",
        "-p", "no:cacheprovider", "-q", "-o", "addopts=",
    ]  # fmt: skip
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        tail = "\n".join(result.stdout.splitlines()[-15:])
        raise RuntimeError(f"pytest --nbval failed (exit {result.returncode}):\n{tail}")
    return seconds


def notebooks_table(rows: list[dict], nbval_s: float | None) -> str:
    lines = [
        "| notebook | kernel start (s) | run all (s) | total (s) | kernel peak memory (MB) "
        "| ≤ 150 MB |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        met = "yes" if r["peak_mb"] <= TARGET_PEAK_MB else "NO"
        lines.append(
            f"| {r['notebook']} | {r['kernel_start_s']:.1f} | {r['run_s']:.1f} "
            f"| {r['total_s']:.1f} "
            f"| {r['peak_mb']:.0f} | {met} |"
        )
    total = sum(r["total_s"] for r in rows)
    met = "yes" if total <= TARGET_NOTEBOOKS_S else "NO"
    lines.append(f"| **all, one after another** | | | **{total:.1f}** | | ≤ 90 s: {met} |")
    if nbval_s is not None:
        met = "yes" if nbval_s <= TARGET_NOTEBOOKS_S else "NO"
        lines.append(
            f"| **`pytest --nbval notebooks`** | | | **{nbval_s:.1f}** | | ≤ 90 s: {met} |"
        )
    return "\n".join(lines)


# -- 4. the browser --------------------------------------------------------------------


def run_browser(diagram_rows: list[dict]) -> dict:
    from tools import browser_timing
    from tools.notebooks import lesson_notebooks

    medians = {
        r["diagram"]: r["median"]
        for r in diagram_rows
        if r["diagram"] in browser_timing.SLIDER_DIAGRAMS
    }
    heaviest = max(medians, key=medians.get) if medians else "gait timeline"
    lessons = [str(p.relative_to(ROOT)) for p in lesson_notebooks()]
    return browser_timing.measure(lessons, heaviest)


def browser_tables(result: dict) -> str:
    lines = [
        "| lesson, opened in the JupyterLab already open | kernel ready (s) "
        "| first explorer drawn (s) | first explorer answers (s) | ≤ 5 s |",
        "|---|---:|---:|---:|---|",
    ]
    first = Path(next(iter(result["lessons"]))).name
    cold = (f"cold start: {first} by its address, JupyterLab loading afresh", result["cold"])
    for lesson, r in [*((Path(k).name, v) for k, v in result["lessons"].items()), cold]:
        met = "yes" if r["first_usable_s"] <= TARGET_FIRST_WIDGET_S else "NO"
        lines.append(
            f"| {lesson} | {r['kernel_ready_s']:.1f} | {r['first_drawn_s']:.1f} "
            f"| {r['first_usable_s']:.1f} | {met} |"
        )
    presses = result["presses"]
    draw_median = statistics.median(presses.to_draw_ms)
    frame_median = statistics.median(presses.to_frame_ms)
    met = "yes" if frame_median <= TARGET_REPAINT_MS else "NO"
    burst = result["burst"]
    lines += [
        "",
        f"Key press to repaint, {result['diagram']} (the heaviest slider diagram this run), "
        f"{len(presses.to_frame_ms)} presses:",
        "",
        "| measured to | median (ms) | p95 (ms) | ≤ 50 ms |",
        "|---|---:|---:|---|",
        f"| frame drawn on the canvas (drawImage) | {draw_median:.0f} "
        f"| {_p95(presses.to_draw_ms):.0f} | |",
        f"| next animation frame (on screen) | {frame_median:.0f} "
        f"| {_p95(presses.to_frame_ms):.0f} | {met} |",
        "",
        f"Burst: {burst['presses']} key presses in {burst['burst_ms']:.0f} ms reached the canvas "
        f"as {burst['frames']} frames; the picture was at rest on the final value "
        f"{burst['settle_ms']:.0f} ms after the last press.",
    ]
    return "\n".join(lines)


# -- the report ------------------------------------------------------------------------


def summary(diagrams, notebooks, nbval_s, browser) -> str:
    """One line per target: the worst measured value and whether it is met."""
    lines = ["| target | measured (worst case) | met |", "|---|---|---|"]

    def add(target: str, measured: str, met: bool) -> None:
        lines.append(f"| {target} | {measured} | {'yes' if met else 'NO'} |")

    if diagrams:
        worst_median = max(diagrams, key=lambda r: r["median"])
        worst_p95 = max(diagrams, key=lambda r: r["p95"])
        worst_ratio = min(diagrams, key=lambda r: r["naive_median"] / r["median"])
        add(f"diagram update median ≤ {TARGET_MEDIAN_MS:g} ms", f"{worst_median['median']:.1f} ms "
            f"({worst_median['diagram']}, {worst_median['control']})",
            worst_median["median"] <= TARGET_MEDIAN_MS)  # fmt: skip
        add(f"diagram update p95 ≤ {TARGET_P95_MS:g} ms", f"{worst_p95['p95']:.1f} ms "
            f"({worst_p95['diagram']}, {worst_p95['control']})",
            worst_p95["p95"] <= TARGET_P95_MS)  # fmt: skip
        ratio = worst_ratio["naive_median"] / worst_ratio["median"]
        add(f"≥ {TARGET_RATIO:g}× faster than naive", f"{ratio:.1f}× ({worst_ratio['diagram']}, "
            f"{worst_ratio['control']})", ratio >= TARGET_RATIO)  # fmt: skip
    if notebooks:
        total = sum(r["total_s"] for r in notebooks)
        add("every notebook executed ≤ 90 s in all", f"{total:.0f} s (nbclient, one after another)",
            total <= TARGET_NOTEBOOKS_S)  # fmt: skip
        peak = max(notebooks, key=lambda r: r["peak_mb"])
        add("≤ 150 MB peak per lesson kernel", f"{peak['peak_mb']:.0f} MB ({peak['notebook']})",
            peak["peak_mb"] <= TARGET_PEAK_MB)  # fmt: skip
    if nbval_s is not None:
        add("`pytest --nbval notebooks` ≤ 90 s", f"{nbval_s:.0f} s", nbval_s <= TARGET_NOTEBOOKS_S)
    if browser:
        frame = statistics.median(browser["presses"].to_frame_ms)
        add("key press to repaint ≤ 50 ms (browser, median)",
            f"{frame:.0f} ms ({browser['diagram']})",
            frame <= TARGET_REPAINT_MS)  # fmt: skip
        slowest = max(browser["lessons"].items(), key=lambda kv: kv[1]["first_usable_s"])
        add("first widget usable ≤ 5 s after opening a lesson (in JupyterLab)",
            f"{slowest[1]['first_usable_s']:.1f} s ({Path(slowest[0]).name}); cold start "
            f"with JupyterLab's own loading: {browser['cold']['first_usable_s']:.1f} s",
            slowest[1]["first_usable_s"] <= TARGET_FIRST_WIDGET_S)  # fmt: skip
    return "\n".join(lines)


def _machine(load_before: tuple, load_after: tuple) -> str:
    import ipympl
    import psutil

    return (
        f"{platform.python_implementation()} {platform.python_version()}, matplotlib "
        f"{matplotlib.__version__}, ipympl {ipympl.__version__}, {platform.machine()}, "
        f"{psutil.cpu_count()} CPUs; load average {load_before[0]:.2f} before, "
        f"{load_after[0]:.2f} after (1 minute)."
    )


def _quote_in_readme(text: str) -> None:
    """Replace what is between the README's benchmark markers with ``text``."""
    readme = ROOT / "README.md"
    start, end = "<!-- benchmark-results -->", "<!-- /benchmark-results -->"
    content = readme.read_text()
    if start in content and end in content:
        before, rest = content.split(start, 1)
        _, after = rest.split(end, 1)
        readme.write_text(f"{before}{start}\n{text}{end}{after}")


def _kept_notes() -> str:
    if RESULTS.exists() and NOTES_MARKER in RESULTS.read_text():
        return RESULTS.read_text().split(NOTES_MARKER, 1)[1]
    return "\n\n(Write what remains, and why, here.)\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2, help="sweeps per control (default 2)")
    parser.add_argument("--skip", nargs="*", default=[], choices=PARTS, help="parts to leave out")
    parser.add_argument("--no-write", action="store_true", help="print only; write no file")
    args = parser.parse_args(argv)
    skip = set(args.skip)
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else (0.0,)
    with tempfile.TemporaryDirectory() as scratch:
        # Kernels started here (nbclient, nbval, JupyterLab) never touch a learner's quiz answers.
        os.environ["COURSE_PROGRESS_DB"] = str(Path(scratch) / "progress.sqlite")
        print("Diagrams …", file=sys.stderr)
        diagrams = run_diagrams(args.repeats) if "diagrams" not in skip else []
        print("Notebooks …", file=sys.stderr)
        notebooks = run_notebooks() if "notebooks" not in skip else []
        print("nbval …", file=sys.stderr)
        nbval_s = run_nbval() if "nbval" not in skip else None
        print("Browser …", file=sys.stderr)
        try:
            browser = run_browser(diagrams) if "browser" not in skip else None
        except Exception:  # noqa: BLE001 - the other parts are still worth printing
            traceback.print_exc()
            print("The browser measurements failed (above); nothing was written.", file=sys.stderr)
            browser, failed = None, True
        else:
            failed = False
    load_after = os.getloadavg() if hasattr(os, "getloadavg") else (0.0,)

    sections = [
        f"Measured on {_machine(load_before, load_after)}",
        "## Summary\n\n" + summary(diagrams, notebooks, nbval_s, browser),
    ]
    if diagrams:
        sections.append(
            "## Diagrams: one control change, kernel side\n\n"
            "Update = set the control; the model, the artists, the readout and the PNG frame "
            f"for the browser follow. Naive = a new figure drawn and encoded (every "
            f"{NAIVE_EVERY}th value of the same sweep, interleaved).\n\n" + diagrams_table(diagrams)
        )
    if notebooks or nbval_s is not None:
        sections.append(
            "## Notebooks: executed on fresh kernels\n\n" + notebooks_table(notebooks, nbval_s)
        )
    if browser:
        sections.append("## JupyterLab in Chromium\n\n" + browser_tables(browser))
    text = "\n\n".join(sections) + "\n"
    print(text)
    if failed:
        return 1
    if not args.no_write and not skip:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(
            "# Benchmark results\n\nRegenerate with `make benchmark` "
            "(or `python -m tools.benchmark`; "
            "about 5 minutes, on a quiet machine). How each number is measured: "
            "`tools/benchmark.py` and `tools/browser_timing.py` (their docstrings).\n\n"
            + text
            + "\n"
            + NOTES_MARKER
            + _kept_notes()
        )
        _quote_in_readme(
            f"{summary(diagrams, notebooks, nbval_s, browser)}\n\n"
            f"Every number, per diagram, lesson and control: "
            f"[benchmarks/results.md](benchmarks/results.md).\n"
        )
        print(f"written to {RESULTS.relative_to(ROOT)} and quoted in README.md")
    elif not args.no_write:
        print("(a partial run: benchmarks/results.md left as it was)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
