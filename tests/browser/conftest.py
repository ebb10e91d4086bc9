"""Fixtures for the browser tests: a private JupyterLab server, headless Chromium, and a page on it.

Every test in this folder is marked ``browser``. Without a browser (or without
Playwright) the tests skip locally, but fail under ``CI=true``: a CI run that
silently skipped them would prove nothing.

The server is isolated from the machine it runs on: its own port and token,
throwaway settings, workspaces and runtime folders, and a throwaway quiz
progress database, so a test run never touches a learner's or maintainer's data.
Autosave is off, so running a notebook in the browser never rewrites it on disk.

Pictures, the browser console and the server log go to ``test-output/browser/``; a failing
test's screenshot, taken by pytest-playwright, to ``test-output/playwright/``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

from tools.lab_server import (
    SERVER_START_TIMEOUT_S,
    JupyterServer,
    _free_port,
    _log_tail,
    running_lab,
)

from .jupyterlab import JupyterLab

ROOT = Path(__file__).resolve().parents[2]
OUTPUT_ROOT = ROOT / "test-output" / "browser"
HERE = Path(__file__).resolve().parent

VIEWPORT = {"width": 1400, "height": 1000}
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder ``browser``."""
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def in_ci() -> bool:
    """True when the environment says this is a CI run (CI=true or CI=1)."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}


def unavailable(reason: str) -> NoReturn:
    """Skip the test locally; fail it under CI, where skipping browser tests would hide a gap."""
    if in_ci():
        pytest.fail(f"{reason}\nCI is set, so the browser tests must run, not skip.", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_output_root() -> Path:
    """``test-output/browser/`` under the repository root (git-ignored)."""
    OUTPUT_ROOT.mkdir(parents=True, exist_ok=True)
    return OUTPUT_ROOT


@pytest.fixture(scope="session")
def jupyter_server(browser_output_root: Path) -> Iterator[JupyterServer]:
    """Start JupyterLab on 127.0.0.1 (free port, random token), isolated from the user's setup."""
    with ExitStack() as stack:
        try:
            server = stack.enter_context(running_lab(browser_output_root / "jupyter-server.log"))
        except RuntimeError as error:
            pytest.fail(str(error), pytrace=False)
        yield server


# -- the browser -----------------------------------------------------------------


def _find_chromium(playwright) -> str:
    """Return a Chromium to launch: $CHROMIUM_PATH, the system's, or Playwright's own."""
    override = os.environ.get("CHROMIUM_PATH")
    if override:
        if Path(override).is_file() and os.access(override, os.X_OK):
            return override
        unavailable(f"CHROMIUM_PATH={override} is not an executable file: point it at Chromium.")
    candidates = [
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
        playwright.chromium.executable_path,
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    unavailable(
        "No Chromium found (looked for /usr/bin/chromium, chromium, chromium-browser, "
        "google-chrome and Playwright's own): install one (apt-get install chromium) "
        "or set CHROMIUM_PATH."
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, playwright) -> dict:
    """pytest-playwright's launch options, plus this machine's Chromium, headless, offline.

    pytest-playwright's own ``browser`` fixture launches it once per session; each
    test gets a fresh context and page from its ``page`` fixture.
    """
    args = list(CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    return {
        **browser_type_launch_args,
        "executable_path": _find_chromium(playwright),
        "headless": True,
        "args": args,
        "timeout": 60_000,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """pytest-playwright's context options, with the 1400×1000 window the tests are written for."""
    return {**browser_context_args, "viewport": VIEWPORT}


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "test"


@pytest.fixture
def output_dir(request: pytest.FixtureRequest, browser_output_root: Path) -> Path:
    """A fresh folder for this test's pictures: ``test-output/browser/<test name>/``."""
    path = browser_output_root / _safe_name(request.node.name)
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


@pytest.fixture(autouse=True)
def _patient_page(request: pytest.FixtureRequest) -> None:
    """Give every page 30 s for each step: JupyterLab on two busy cores can be slow to answer."""
    if "page" in request.fixturenames:
        request.getfixturevalue("page").set_default_timeout(30_000)


@pytest.fixture
def console_errors(page, output_dir: Path) -> Iterator[list[str]]:
    """Errors the page logged to the browser console, and uncaught exceptions, in order.

    The whole console is written to ``console.log`` in the test's folder either way; a
    failing test's screenshot is saved by pytest-playwright (``--screenshot``).
    """
    errors: list[str] = []
    console: list[str] = []

    def on_console(message) -> None:
        console.append(f"[{message.type}] {message.text}")
        if message.type == "error":
            errors.append(message.text)

    def on_page_error(error) -> None:
        console.append(f"[pageerror] {error}")
        errors.append(f"uncaught: {error}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    yield errors
    (output_dir / "console.log").write_text("\n".join(console) + "\n", encoding="utf-8")


@pytest.fixture
def lab(
    page, console_errors: list[str], jupyter_server: JupyterServer, output_dir: Path
) -> JupyterLab:
    """JupyterLab in the test's browser tab, ready to open a notebook."""
    return JupyterLab(page, jupyter_server.base_url, jupyter_server.token, output_dir)


# -- the clinic app (Voilà) ------------------------------------------------------


@dataclass(frozen=True)
class VoilaServer:
    """The clinic app as started by ``python -m tools.clinic``: its address and card folder."""

    url: str  # with the token, as the launcher's private sign-in page holds it
    base_url: str
    cards_dir: Path
    log_path: Path
    process: subprocess.Popen


# The launcher prints no token: it prints a sign-in page, readable by this user only, that
# forwards to the app's address with the token.
_CLINIC_PAGE = re.compile(
    r"^Open this page in your browser \(it signs you in\): (file://\S+)$", re.MULTILINE
)
_CLINIC_URL = re.compile(r"url=(http://127\.0\.0\.1:(\d+)/\?token=[^'\"]+)")


def _clinic_url(log_text: str) -> re.Match[str] | None:
    """Find the sign-in page the launcher printed and read the app's address from it."""
    page = _CLINIC_PAGE.search(log_text)
    if page is None:
        return None
    return _CLINIC_URL.search(Path(page.group(1).removeprefix("file://")).read_text(encoding="utf-8"))


def _stop_clinic(process: subprocess.Popen) -> None:
    """Stop the launcher as a closing window would (SIGTERM: it stops Voilà), then anything left."""
    import psutil

    try:
        family = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    _gone, alive = psutil.wait_procs(family, timeout=10)
    for child in alive:  # pragma: no cover - only if the launcher failed to stop Voilà
        child.kill()


@pytest.fixture(scope="session")
def voila_server(browser_output_root: Path) -> Iterator[VoilaServer]:
    """Start the clinic app with its launcher on a free 127.0.0.1 port, cards to a temp folder."""
    home = Path(tempfile.mkdtemp(prefix="course-clinic-"))
    cards = home / "cards"
    # Nothing of the machine's own Jupyter set-up takes part (config, data, IPython start-up).
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        env[name] = str(home / name.lower())
    log_path = browser_output_root / "clinic-server.log"
    command = [sys.executable, "-m", "tools.clinic", "--no-browser",
               f"--port={_free_port()}", f"--cards={cards}"]  # fmt: skip
    with open(log_path, "w", encoding="utf-8") as log:
        log.write("$ " + " ".join(command) + "\n")
        log.flush()
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    found = None
    while found is None:
        found = _clinic_url(log_path.read_text(encoding="utf-8", errors="replace"))
        failed = process.poll() is not None or time.monotonic() > deadline
        if found is None and failed:
            _stop_clinic(process)
            shutil.rmtree(home, ignore_errors=True)
            pytest.fail(  # never a skip: a clinic app that does not start is a failure
                f"The clinic app did not start within {SERVER_START_TIMEOUT_S} s "
                f"(launcher exit code: {process.poll()}).\n"
                f"Log ({log_path}):\n{_log_tail(log_path)}",
                pytrace=False,
            )
        if found is None:
            time.sleep(0.2)
    url, port = found.group(1), found.group(2)
    try:
        yield VoilaServer(url, f"http://127.0.0.1:{port}", cards, log_path, process)
    finally:
        _stop_clinic(process)
        shutil.rmtree(home, ignore_errors=True)
