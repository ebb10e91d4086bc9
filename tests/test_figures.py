"""Tests for lessons/core/figures.py: the static figures
are up to date, and regenerating is reproducible.

The committed PNGs are compared with a fresh regeneration by image, within a small
tolerance (matplotlib's own ``compare_images``, the root-mean-square difference of
the pixels), so a patch release of matplotlib or FreeType that moves an
anti-aliased edge does not fail the suite, while a changed diagram does. The SVGs
are checked for what must not drift: they parse, have the PNG's size, and carry
no date. Byte-for-byte reproducibility is still tested within one installation.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib
import pytest
from matplotlib.testing.compare import compare_images

from lessons.core.figures import DEFAULT_DIR, FIGURES, REFERENCE_MATPLOTLIB, write_figures

#: Root-mean-square pixel difference (0-255 scale) below which two renderings are "the same".
TOLERANCE_RMS = 2.0


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("figures")
    write_figures(folder)
    return folder


#: Image comparison against figures/ holds only under the matplotlib line that drew them.
SAME_MATPLOTLIB = tuple(matplotlib.__version_info__[:2]) == REFERENCE_MATPLOTLIB
different_matplotlib = pytest.mark.skipif(
    not SAME_MATPLOTLIB,
    reason=f"figures/ was drawn with matplotlib {'.'.join(map(str, REFERENCE_MATPLOTLIB))}; "
    f"this is {matplotlib.__version__}, whose anti-aliasing and text differ "
    "(the other figure tests run)",
)


@different_matplotlib
@pytest.mark.parametrize("name", list(FIGURES))
def test_committed_png_matches_a_fresh_regeneration(fresh, name):
    """figures/<name>.png looks like what `make figures` draws now (run it if this fails)."""
    committed = DEFAULT_DIR / f"{name}.png"
    assert committed.is_file(), f"{committed.name} is missing: run make figures"
    problem = compare_images(str(committed), str(fresh / f"{name}.png"), tol=TOLERANCE_RMS)
    assert problem is None, f"{problem}\nRun `make figures` and commit the result."


@pytest.mark.parametrize("name", list(FIGURES))
def test_committed_svg_is_well_formed_undated_and_the_size_of_the_fresh_one(fresh, name):
    """The SVG parses, declares the same size as a fresh one, and has no date in it."""
    committed = ET.parse(DEFAULT_DIR / f"{name}.svg").getroot()
    regenerated = ET.parse(fresh / f"{name}.svg").getroot()
    for attribute in ("width", "height", "viewBox"):
        assert committed.get(attribute) == regenerated.get(attribute), attribute
    assert "dc:date" not in (DEFAULT_DIR / f"{name}.svg").read_text(encoding="utf-8")


def test_every_committed_figure_is_one_the_package_draws():
    """No stale figure is left behind when a diagram is renamed or removed."""
    drawn = {f"{name}.{ext}" for name in FIGURES for ext in ("svg", "png")}
    committed = {path.name for path in DEFAULT_DIR.iterdir() if path.suffix in (".svg", ".png")}
    assert committed == drawn


def test_the_reference_matplotlib_is_the_newest_the_course_allows():
    """The reference line is within the declared matplotlib range, so the comparison runs in the
    newest install (make test) and only the lowest-versions run skips it."""
    from lessons.core.datafile import read_toml

    declared = read_toml(Path(__file__).resolve().parents[1] / "pyproject.toml")["project"]
    spec = next(d for d in declared["dependencies"] if d.startswith("matplotlib"))
    low = tuple(int(x) for x in spec.split(">=")[1].split(",")[0].split(".")[:2])
    assert low <= REFERENCE_MATPLOTLIB < (4, 0)


def test_a_changed_diagram_is_caught_by_the_comparison(fresh, tmp_path):
    """Fault injection: a figure drawn in another state fails the comparison, so the tolerance
    is not so loose that it would pass a real change."""
    first, second = list(FIGURES)[:2]
    swapped = tmp_path / "swapped.png"
    swapped.write_bytes((fresh / f"{second}.png").read_bytes())
    try:
        result = compare_images(str(fresh / f"{first}.png"), str(swapped), tol=TOLERANCE_RMS)
    except Exception as error:  # noqa: BLE001 - a size mismatch is matplotlib's way of failing too
        result = str(error)
    assert result is not None


def test_regenerating_twice_changes_no_bytes(fresh, tmp_path):
    """Two regenerations in a row write identical files (no dates, no random ids)."""
    write_figures(tmp_path)
    for path in fresh.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
