"""`pip install .` alone gives a working course: a wheel, installed into a fresh venv with only
its runtime dependencies (resolved from the package index), imports every lesson builder, loads
every data file and runs the `course` command, with no file of the checkout on its path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

CHECK = """
import importlib, sys
from pathlib import Path
import lessons
from lessons import BUILDERS
assert Path(lessons.__file__).is_relative_to(sys.prefix), lessons.__file__
for name, module in BUILDERS.items():
    assert callable(getattr(importlib.import_module(module), name)), name
from lessons.core.validate import main
sys.exit(main(["--quiet"]))
"""


def source_copy(where: Path) -> Path:
    """Copy the course's files (tracked, or new and not ignored) to build from: a wheel built
    in the checkout would reuse setuptools' build/lib, where a removed module can linger."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if listed.returncode != 0:  # not a git checkout (an unpacked download): build it as it is
        return REPO
    copy = where / "src"
    for name in filter(None, listed.stdout.split("\0")):
        source = REPO / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A venv holding the course's wheel and its runtime dependencies only; its bin folder."""
    where = tmp_path_factory.mktemp("install")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_REQUIRE_VIRTUALENV")}
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "-q", "-w", str(where / "dist"), str(source_copy(where))],
        check=True, env=env, cwd=where, capture_output=True, timeout=600,
    )  # fmt: skip
    (wheel,) = (where / "dist").glob("knee_hip_course-*.whl")
    venv.create(where / "venv", with_pip=True)
    bin_dir = where / "venv" / "bin"
    subprocess.run(
        [bin_dir / "python", "-m", "pip", "install", "--disable-pip-version-check", "-q", wheel],
        check=True, env=env, cwd=where, capture_output=True, timeout=1200,
    )  # fmt: skip
    return bin_dir


def run(bin_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [*map(str, args)], cwd=bin_dir.parent.parent, env=env,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.mark.slow
def test_the_wheel_alone_imports_every_builder_and_loads_every_data_file(installed):
    done = run(installed, installed / "python", "-c", CHECK)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_the_wheel_installs_the_course_command_without_the_extras(installed):
    """`course` is on the venv's path; the clinic names the extra it lacks (Voilà); outside a
    course folder, the handouts say where to run them."""
    done = run(installed, installed / "course", "validate", "--quiet")
    assert done.returncode == 0, done.stderr
    done = run(installed, installed / "course", "clinic", "--no-browser")
    assert done.returncode == 2 and "pip install 'knee-hip-course[teach]'" in done.stderr
    done = run(installed, installed / "course", "handouts")
    assert done.returncode == 1 and "is not the course folder" in done.stderr
    assert "Traceback" not in done.stderr
    done = run(installed, installed / "python", "-c", "import voila, pytest")
    assert done.returncode != 0  # the extras were not installed: the test above proves the core
