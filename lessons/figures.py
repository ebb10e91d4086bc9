"""Regenerate the static figures in ``figures/`` from the package: ``python -m lessons.figures``.

Each figure is the default state of a lesson diagram, saved as SVG (for
slides and handouts) and PNG. Output is byte-for-byte reproducible: SVG ids
come from a fixed salt and no date or software version is written into either
file, so regenerating with nothing changed changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

from lessons.limb import JointAngles, limb_pose
from lessons.limb_diagram import draw_limb

__all__ = ["FIGURES", "write_figures"]

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "figures"


def _limb_standing() -> Figure:
    return draw_limb(limb_pose(JointAngles(), height_m=1.75)).figure


def _limb_sitting() -> Figure:
    return draw_limb(
        limb_pose(JointAngles(hip_flexion_deg=90, knee_flexion_deg=90), height_m=1.75)
    ).figure


#: Figure name -> function that draws it. Lessons add theirs here.
FIGURES: dict[str, Callable[[], Figure]] = {
    "limb-standing": _limb_standing,
    "limb-sitting": _limb_sitting,
}


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
