"""Time the interactive diagrams kernel-side, beside a naive version, and print a results table.

    python -m tools.benchmark              # or: make benchmark
    python -m tools.benchmark --repeats 5  # more sweeps for steadier numbers

Not a test: it measures and prints, and writes the table to
``benchmarks/results.md``. For each diagram it sweeps every control across its
range and times one update, the way a slider tick reaches the kernel:

- **in place** — the course's widget: set the control's value; the callback
  updates the model, moves the existing artists, rewrites the readout and
  blits the moving artists; then the canvas produces the PNG frame it would
  send to the browser (ipympl's diff image).
- **naive** — what a notebook would do without care: a new figure on every
  change, every artist drawn again, rendered and encoded to PNG.

Both run in the same process, interleaved, so machine noise hits both alike.
Targets (issue 2): median <= 17 ms per update (one frame at 60 Hz) and at
least 5x faster than naive.
"""

from __future__ import annotations

import argparse
import gc
import io
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results.md"
TARGET_MEDIAN_MS = 17.0
TARGET_RATIO = 5.0


def _sweep(low: float, high: float, steps: int = 25) -> list[float]:
    return [low + (high - low) * i / (steps - 1) for i in range(steps)] + [
        high - (high - low) * i / (steps - 1) for i in range(steps)
    ]


def _time_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def _discover() -> dict[str, tuple[Callable[[], object], Callable[[dict], object]]]:
    """Collect ``BENCHMARK`` from every ``lessons/*_widget.py``: name -> (build, naive).

    ``build()`` returns the explorer widget; ``naive(values)`` draws the same
    diagram from scratch for a dict of control values and returns the Figure.
    """
    import importlib

    found = {}
    for path in sorted((ROOT / "lessons").glob("*_widget.py")):
        module = importlib.import_module(f"lessons.{path.stem}")
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


def cases():
    """Each diagram's in-place update and naive rebuild, with the controls to sweep."""
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
            canvas.get_diff_image()  # the PNG frame sent to the browser (already made by a blit)

        def rebuild(name, value, naive=naive, start=start):
            figure = naive({**start, name: value})
            FigureCanvasAgg(figure).print_png(io.BytesIO())

        def reset(name, explorer=explorer, start=start):
            explorer.controls[name].value = start[name]

        sweeps = {name: _values(c) for name, c in explorer.controls.items() if _values(c)}
        yield diagram, in_place, rebuild, reset, sweeps


def run(repeats: int) -> list[dict]:
    rows = []
    for diagram, in_place, naive, reset, sweeps in cases():
        for control, values in sweeps.items():
            fast, slow = [], []
            for _ in range(repeats):
                for value in values:
                    fast.append(_time_ms(lambda: in_place(control, value)))
                    slow.append(_time_ms(lambda: naive(control, value)))
                gc.collect()
            reset(control)
            rows.append(
                {
                    "diagram": diagram,
                    "control": control,
                    "n": len(fast),
                    "median": statistics.median(fast),
                    "p95": _p95(fast),
                    "naive_median": statistics.median(slow),
                    "naive_p95": _p95(slow),
                }
            )
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| diagram | control | updates | in place median (ms) | in place p95 (ms) "
        "| naive median (ms) | naive p95 (ms) | speed-up (median) | target met |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        ratio = r["naive_median"] / r["median"]
        met = r["median"] <= TARGET_MEDIAN_MS and ratio >= TARGET_RATIO
        lines.append(
            f"| {r['diagram']} | {r['control']} | {r['n']} | {r['median']:.1f} | {r['p95']:.1f} "
            f"| {r['naive_median']:.1f} | {r['naive_p95']:.1f} | {ratio:.1f}× | {'yes' if met else 'NO'} |"
        )
    return "\n".join(lines)


def _quote_in_readme(text: str) -> None:
    """Replace the table between the README's benchmark markers with the latest results."""
    readme = ROOT / "README.md"
    start, end = "<!-- benchmark-results -->", "<!-- /benchmark-results -->"
    content = readme.read_text()
    if start in content and end in content:
        before, rest = content.split(start, 1)
        _, after = rest.split(end, 1)
        readme.write_text(f"{before}{start}\n{text}{end}{after}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2, help="sweeps per control (default 2)")
    parser.add_argument("--no-write", action="store_true", help="print only; do not update the results file")
    args = parser.parse_args(argv)
    rows = run(args.repeats)
    header = (
        f"Kernel-side update time per slider change, {platform.python_implementation()} "
        f"{platform.python_version()}, matplotlib {matplotlib.__version__}, "
        f"{platform.machine()}, targets: median ≤ {TARGET_MEDIAN_MS:g} ms and ≥ {TARGET_RATIO:g}× naive."
    )
    text = f"{header}\n\n{table(rows)}\n"
    print(text)
    if not args.no_write:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(
            "# Benchmark results\n\nRegenerate with `make benchmark` (or `python -m tools.benchmark`).\n\n"
            + text
        )
        _quote_in_readme(text)
        print(f"written to {RESULTS.relative_to(ROOT)} and quoted in README.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
