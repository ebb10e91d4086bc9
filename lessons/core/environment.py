"""Check that this setup can run the course, and say plainly what to do if not.

The check has two halves. The kernel half (:func:`environment_report`) looks
for the Python packages and the JupyterLab extensions that draw widgets. The
front-end half is the widget :func:`check_environment` returns: where widgets
work it shows a "widgets work" box; where they cannot render (a plain notebook
viewer, an editor without widget support) the viewer shows the widget's text
form instead, and that text says what to do. So the learner sees the right
message either way, without the kernel having to guess what the screen shows.

>>> report = environment_report(python_version=(3, 9, 0))
>>> print(report.splitlines()[0])  # doctest: +NORMALIZE_WHITESPACE
✗ Python 3.9 is too old: the course needs Python 3.10 or newer. Install a newer Python, then run the
setup command again.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from importlib import metadata

import ipywidgets as widgets

from lessons.core.still import WidgetOutput

__all__ = ["check_environment", "environment_report"]

SETUP_HINT = "run `make lab` in the course folder (or see README: Quick start)"

_NOT_RENDERING = (
    "⚠ Widgets are not showing here. Open the course in JupyterLab 4 (make lab) and run this cell."
)


def _major(package: str) -> int | None:
    try:
        return int(metadata.version(package).split(".")[0])
    except (metadata.PackageNotFoundError, ValueError):
        return None


def _lab_extension_installed(name: str) -> bool:
    from jupyter_core.paths import jupyter_path

    return any(os.path.isdir(os.path.join(base, name)) for base in jupyter_path("labextensions"))


def environment_report(python_version: tuple[int, int, int] | None = None) -> str:
    """Check Python, the widget libraries and their JupyterLab extensions; one line per check.

    Every line starts with ✓ or ✗ and, for a ✗, says what to do. Versions are
    not printed, so the report reads the same on every machine that works.

    Args:
        python_version: the Python version to judge (default: the running one).
    """
    major, minor, _ = python_version or sys.version_info[:3]
    lines = []
    if (major, minor) >= (3, 10):
        lines.append("✓ Python 3.10 or newer.")
    else:
        lines.append(
            f"✗ Python {major}.{minor} is too old: the course needs Python 3.10 or newer. Install "
            "a newer Python, then run the setup command again."
        )
    for package, needed, what in (
        ("ipywidgets", 8, "sliders and buttons"),
        ("matplotlib", 3, "the diagrams"),
        ("ipympl", None, "live-updating figures"),
    ):
        found = _major(package)
        if found is None:
            lines.append(f"✗ {package} is missing, so {what} cannot work: {SETUP_HINT}.")
        elif needed is not None and found < needed:
            lines.append(f"✗ {package} is older than version {needed}: {SETUP_HINT}.")
        else:
            lines.append(f"✓ {package} is installed ({what}).")
    for extension, what in (
        ("@jupyter-widgets/jupyterlab-manager", "widgets"),
        ("jupyter-matplotlib", "live figures"),
    ):
        if _lab_extension_installed(extension):
            lines.append(f"✓ JupyterLab can draw {what} (extension {extension}).")
        else:
            lines.append(
                f"✗ JupyterLab's extension for {what} ({extension}) is not installed where this "
                f"kernel can see it: {SETUP_HINT}, then reload the page."
            )
    if importlib.util.find_spec("lessons") is None:  # pragma: no cover - we are inside it
        lines.append(f"✗ The course package is not installed: {SETUP_HINT}.")
    return "\n".join(lines)


class _WidgetProbe(WidgetOutput, widgets.HTML):
    """Shows "widgets work" where widgets render; its text form says what to do where they don't."""

    widget_name = "Setup check"

    def __repr__(self) -> str:
        return _NOT_RENDERING


def check_environment() -> widgets.Widget:
    """Print the kernel-side report and return the widget probe (display it as a cell's result)."""
    print(environment_report())
    probe = _WidgetProbe(
        "<div class='course-env-ok' role='status' style='border:2px solid #009E73;padding:0.4em "
        "0.8em;display:inline-block'>✓ <b>Widgets work.</b> You can see this box, so the diagrams "
        "and quizzes in the course will be interactive.</div>"
    )
    return probe
