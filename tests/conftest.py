"""Shared test set-up: keep every test (and every nbval kernel) away from the learner's own data."""

from __future__ import annotations

import os
import tempfile

import matplotlib

matplotlib.use("Agg")


def pytest_configure(config) -> None:
    """Point the progress store at a throwaway database before any kernel starts.

    nbval's kernels inherit this environment, so a notebook's saved outputs never
    depend on the quiz answers of whoever runs the tests.
    """
    scratch = tempfile.mkdtemp(prefix="course-tests-")
    os.environ["COURSE_PROGRESS_DB"] = os.path.join(scratch, "progress.sqlite")
    os.environ.pop("COURSE_INSTRUCTOR", None)
