"""Regenerate the static figures in ``figures/``: ``python -m lessons.core.figures``.

Each figure is the default state of a lesson diagram, saved as SVG (for
slides and handouts) and PNG. A diagram module lists its figures in a
module-level ``FIGURES`` dict (name -> function returning a Figure). Output is
byte-for-byte reproducible: SVG ids come from a fixed salt and no date or
software version is written into either file, so regenerating with nothing
changed changes nothing.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

__all__ = ["FIGURES", "REFERENCE_MATPLOTLIB", "write_figures"]

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "figures"

#: The matplotlib release line (major, minor) that drew the committed figures/. Pictures drawn by
#: another line differ in anti-aliasing and text rendering, so the tests compare images only under
#: this one; raise it when you regenerate figures/ with a newer matplotlib.
REFERENCE_MATPLOTLIB = (3, 11)


def _discover() -> dict[str, Callable[[], Figure]]:
    """Collect the ``FIGURES`` dict of every diagram module (``lessons/<concept>/diagram.py``,
    ``lessons/stretches/poses_diagram.py``), in path order."""
    found: dict[str, Callable[[], Figure]] = {}
    package = Path(__file__).resolve().parents[1]
    for module_path in sorted(package.rglob("*diagram.py")):
        dotted = ".".join(module_path.relative_to(package.parent).with_suffix("").parts)
        module = importlib.import_module(dotted)
        for name, draw in getattr(module, "FIGURES", {}).items():
            if name in found:
                raise ValueError(f"two diagram modules define a figure named {name!r}")
            found[name] = draw
    return found


#: Figure name -> function that draws it. A diagram module adds its figures by
#: defining a ``FIGURES`` dict of its own; nothing needs registering here.
FIGURES: dict[str, Callable[[], Figure]] = _discover()


def write_figures(folder: Path = DEFAULT_DIR, names: list[str] | None = None) -> list[Path]:
    """Draw each figure and save it as SVG and PNG in ``folder``; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with mpl.rc_context({"svg.hashsalt": "knee-hip-course", "svg.fonttype": "path"}):
        for name in names or list(FIGURES):
            figure = FIGURES[name]()
            svg, png = folder / f"{name}.svg", folder / f"{name}.png"
            figure.savefig(svg, metadata={"Date": None, "Creator": None})
            figure.savefig(png, dpi=150, metadata={"Software": None})
            written += [svg, png]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR, help="folder (default: figures/)")
    parser.add_argument("names", nargs="*", help=f"figures (default: all of {', '.join(FIGURES)})")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(FIGURES))
    if unknown:
        parser.error(f"no figure named {', '.join(unknown)}; choose from {', '.join(FIGURES)}")
    for path in write_figures(args.out, args.names or None):
        print(path.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
