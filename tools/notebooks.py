"""Re-execute the lesson notebooks in place, in order, on fresh kernels, and check they are clean.

    python -m tools.notebooks execute            # every notebook, in lesson order
    python -m tools.notebooks execute notebooks/00-Start-Here.ipynb
    python -m tools.notebooks check              # exit 1 and list problems, if any

Each notebook runs from a fresh kernel with its folder as the working directory
and a throwaway progress database, so the saved outputs never depend on the
maintainer's own quiz answers. After running, noisy metadata is removed
(execution timestamps, widget state, the exact Python version) and widget views
are reduced to their text form, which says "run this cell" — better than the
"model not found" error a saved widget view shows before the kernel runs.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KEPT_CELL_METADATA = {"tags", "slideshow", "editable", "deletable"}
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]{6,}")
_NAME = re.compile(r"^\d\d[a-z]?-[A-Z][A-Za-z0-9]*(-[A-Za-z0-9]+)*\.ipynb$")
_LINK = re.compile(r"\]\(([^)\s]+?\.ipynb)(#[^)\s]*)?\)|\]\((#[^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.MULTILINE)
RED_FLAGS = "06-Red-Flags-And-Prevention.ipynb"


def lesson_notebooks() -> list[Path]:
    """Return the lesson notebooks in course order (their names start with the lesson number)."""
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb") if not p.name.startswith("."))


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip noisy metadata and widget views from an executed notebook, in place."""
    nb.metadata.pop("widgets", None)
    language = nb.metadata.get("language_info", {})
    for key in ("version", "pygments_lexer"):
        language.pop(key, None)
    for cell in nb.cells:
        for key in list(cell.metadata):
            if key not in KEPT_CELL_METADATA:
                del cell.metadata[key]
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
    return nb


def execute(path: Path, timeout_s: int = 600) -> None:
    """Run one notebook top to bottom on a fresh kernel and save it, cleaned."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as scratch:
        env_before = os.environ.get("COURSE_PROGRESS_DB")
        os.environ["COURSE_PROGRESS_DB"] = str(Path(scratch) / "progress.sqlite")
        try:
            NotebookClient(
                nb,
                timeout=timeout_s,
                kernel_name="python3",
                resources={"metadata": {"path": str(path.parent)}},
            ).execute()
        finally:
            if env_before is None:
                os.environ.pop("COURSE_PROGRESS_DB", None)
            else:
                os.environ["COURSE_PROGRESS_DB"] = env_before
    nbformat.validate(nb)
    nbformat.write(clean(nb), path)


def _anchors(nb: nbformat.NotebookNode) -> set[str]:
    """The anchors JupyterLab gives a notebook's headings: the text with spaces as hyphens."""
    return {
        "#" + heading.replace(" ", "-")
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for heading in _HEADING.findall(cell.source)
    }


def _content_problems(path: Path, nb: nbformat.NotebookNode) -> list[str]:
    """The course's content rules a machine can check: links resolve, the safety lines are there."""
    found = []
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    opening = "\n".join(markdown[:3]).lower()
    if "not diagnos" not in opening:
        found.append('the opening does not say the lesson teaches and does not diagnose')
    everything = "\n".join(markdown)
    if path.name != RED_FLAGS and RED_FLAGS not in everything:
        found.append(f"no link to the red-flags lesson ({RED_FLAGS})")
    for target, anchor, own_anchor in _LINK.findall(everything):
        if own_anchor:
            if own_anchor not in _anchors(nb):
                found.append(f"link to a heading that is not in this notebook: {own_anchor}")
            continue
        linked = path.parent / target
        if not linked.exists():
            found.append(f"link to a notebook that does not exist: {target}")
        elif anchor and anchor not in _anchors(nbformat.read(linked, as_version=4)):
            found.append(f"link to a heading that {target} does not have: {anchor}")
    return found


def problems(path: Path) -> list[str]:
    """List what keeps a saved notebook from being clean and executed in order (empty if none)."""
    found: list[str] = []
    if not _NAME.match(path.name):
        found.append("name is not NN-Title-With-Hyphens.ipynb")
    nb = nbformat.read(path, as_version=4)
    first = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    if first is None or not first.source.lstrip().startswith("# "):
        found.append("the first cell is not the title heading")
    code = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    if counts != list(range(1, len(code) + 1)):
        found.append(f"not executed in order from a fresh kernel (execution counts {counts})")
    if code and not any(c.outputs for c in code):
        found.append("saved without outputs")
    if "widgets" in nb.metadata:
        found.append("widget state saved in the notebook metadata")
    if "version" in nb.metadata.get("language_info", {}):
        found.append("the exact Python version is saved in the metadata")
    for i, cell in enumerate(nb.cells):
        extra = set(cell.metadata) - KEPT_CELL_METADATA
        if extra:
            found.append(f"cell {i}: noisy metadata {sorted(extra)}")
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"cell {i}: error output ({output.ename})")
            if WIDGET_VIEW in output.get("data", {}):
                found.append(
                    f"cell {i}: saved widget view (shows 'model not found' before running)"
                )
            text = output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
            if _ADDRESS.search(text):
                found.append(f"cell {i}: a memory address in the output")
    return found + _content_problems(path, nb)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["execute", "check"])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: all, in order)")
    args = parser.parse_args(argv)
    paths = args.paths or lesson_notebooks()
    if args.command == "execute":
        for path in paths:
            print(
                f"executing {path.relative_to(ROOT) if path.is_absolute() else path} …", flush=True
            )
            execute(path.resolve())
    bad = {p: problems(p) for p in paths}
    for path, issues in bad.items():
        for issue in issues:
            print(f"{path.name}: {issue}", file=sys.stderr)
    return 1 if any(bad.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
