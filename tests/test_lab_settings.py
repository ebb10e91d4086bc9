"""The course's JupyterLab opens without its news and update pop-ups (they would ask for the
internet and cover the first lesson), through the settings overrides file JupyterLab reads."""

from __future__ import annotations

import json
from pathlib import Path

from jupyterlab.commands import get_app_dir

from lessons.datafile import read_toml

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "jupyter-settings" / "overrides.json"
NOTIFICATION = "@jupyterlab/apputils-extension:notification"


def test_the_shipped_overrides_turn_off_news_and_update_checks():
    """The overrides file sets the notification plugin's fetchNews and checkForUpdates off."""
    settings = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert settings[NOTIFICATION] == {"fetchNews": "false", "checkForUpdates": False}


def test_the_overrides_are_where_this_jupyterlab_reads_them():
    """Set-up put the file in <app dir>/settings/overrides.json of the JupyterLab that runs."""
    installed = Path(get_app_dir()) / "settings" / "overrides.json"
    assert installed.is_file(), f"{installed} is missing: run make setup"
    assert json.loads(installed.read_text(encoding="utf-8")) == json.loads(
        SHIPPED.read_text(encoding="utf-8")
    )


def test_a_wheel_of_the_course_carries_the_overrides():
    """pyproject's data-files install the same file from a wheel (pip install .)."""
    config = read_toml(ROOT / "pyproject.toml")
    data_files = config["tool"]["setuptools"]["data-files"]
    assert data_files["share/jupyter/lab/settings"] == ["jupyter-settings/overrides.json"]
