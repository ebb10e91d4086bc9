"""Shared test set-up: keep every test (and every nbval kernel) away from the learner's own data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

import matplotlib
import pytest

matplotlib.use("Agg")


def pytest_configure(config) -> None:
    """Point the progress store at a throwaway database before any kernel starts.

    nbval's kernels inherit this environment, so a notebook's saved outputs never
    depend on the quiz answers of whoever runs the tests.
    """
    scratch = tempfile.mkdtemp(prefix="course-tests-")
    os.environ["COURSE_PROGRESS_DB"] = os.path.join(scratch, "progress.sqlite")
    os.environ.pop("COURSE_INSTRUCTOR", None)


#: Runs a command as root without root's power to ignore file permissions (CI runs as root).
_NO_CAPABILITIES = ["setpriv", "--bounding-set=-all", "--inh-caps=-all"]


@pytest.fixture(scope="session")
def unprivileged() -> list[str]:
    """The prefix that runs a command so that file permissions apply to it (read-only stays
    read-only): nothing for an ordinary user; for root, setpriv dropping every capability.
    Skips the test where root cannot drop them."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv (util-linux) to drop capabilities")
    probe = subprocess.run(
        [*_NO_CAPABILITIES, sys.executable, "-c", "pass"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        pytest.skip(f"setpriv cannot drop capabilities here: {probe.stderr.decode().strip()}")
    return list(_NO_CAPABILITIES)
