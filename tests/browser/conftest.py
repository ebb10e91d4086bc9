"""Fixtures for the browser tests: a private JupyterLab server, headless Chromium, and a page on it.

Every test in this folder is marked ``browser``. Without a browser (or without
Playwright) the tests skip locally, but fail under ``CI=true``: a CI run that
silently skipped them would prove nothing.

The server is isolated from the machine it runs on: its own port and token,
throwaway settings, workspaces and runtime folders, and a throwaway quiz
progress database, so a test run never touches a learner's or maintainer's data.
Autosave is off, so running a notebook in the browser never rewrites it on disk.

Pictures, the browser console and the server log go to ``test-output/browser/``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

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
SERVER_START_TIMEOUT_S = 60

# User settings for the test server: no news or update pop-ups (they would ask
# for the internet and cover the page), no autosave (a test runs the notebook,
# which must never be written back into the repository), every cell rendered.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {
        "autosave": False,
    },
    # JupyterLab 4 skips rendering off-screen cells (CSS content-visibility), so
    # text there reads as empty until scrolled to; render every cell, so that a
    # test reads what a learner sees when they get there, whatever the scroll.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none",
    },
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder ``browser``."""
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Keep each phase's report on the test, so fixtures can save evidence when it failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def in_ci() -> bool:
    """True when the environment says this is a CI run (CI=true or CI=1)."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}


def unavailable(reason: str) -> NoReturn:
    """Skip the test locally; fail it under CI, where skipping browser tests would hide a gap."""
    if in_ci():
        pytest.fail(f"{reason}\nCI is set, so the browser tests must run, not skip.", pytrace=False)
    pytest.skip(reason)


# -- the JupyterLab server -------------------------------------------------------


@dataclass(frozen=True)
class JupyterServer:
    """A running JupyterLab server: where it listens, its token, and where it logs."""

    base_url: str
    token: str
    root_dir: Path
    log_path: Path
    process: subprocess.Popen

    def api(self, method: str, path: str, timeout_s: float = 5) -> object:
        """Call the server's REST API; return the decoded JSON (None for an empty reply)."""
        request = urllib.request.Request(
            f"{self.base_url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            body = response.read()
        return json.loads(body) if body else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _log_tail(path: Path, lines: int = 60) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no server log)"
    return "\n".join(text.splitlines()[-lines:]) or "(the server log is empty)"


def _wait_until_up(base_url: str, token: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"JupyterLab exited with code {process.returncode} before answering.\n"
                f"Server log ({log_path}):\n{_log_tail(log_path)}"
            )
        try:
            with urllib.request.urlopen(f"{base_url}/api/status?token={token}", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError) as error:
            last_error = error
        time.sleep(0.2)
    raise RuntimeError(
        f"JupyterLab did not answer {base_url}/api/status within {SERVER_START_TIMEOUT_S} s "
        f"(last error: {last_error}).\nServer log ({log_path}):\n{_log_tail(log_path)}"
    )


def _stop(server: JupyterServer) -> None:
    """Shut the kernels down, ask the server to stop, then terminate and finally kill it."""
    process = server.process
    if process.poll() is None:
        try:
            for kernel in server.api("GET", "/api/kernels") or []:
                server.api("DELETE", f"/api/kernels/{kernel['id']}", timeout_s=10)
            server.api("POST", "/api/shutdown")
        except (urllib.error.URLError, OSError, ValueError):
            pass
    for stop, wait_s in ((None, 10), (process.terminate, 10), (process.kill, 5)):
        if process.poll() is not None:
            break
        if stop is not None:
            stop()
        try:
            process.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def browser_output_root() -> Path:
    """``test-output/browser/`` under the repository root (git-ignored)."""
    OUTPUT_ROOT.mkdir(parents=True, exist_ok=True)
    return OUTPUT_ROOT


@pytest.fixture(scope="session")
def jupyter_server(browser_output_root: Path) -> Iterator[JupyterServer]:
    """Start JupyterLab on 127.0.0.1 (free port, random token), isolated from the user's setup."""
    home = Path(tempfile.mkdtemp(prefix="course-browser-"))
    settings_dir = home / "lab-settings"
    for name, values in LAB_SETTINGS.items():
        path = settings_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2), encoding="utf-8")
    env = dict(os.environ)
    env.update(
        JUPYTERLAB_SETTINGS_DIR=str(settings_dir),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "lab-workspaces"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        IPYTHONDIR=str(home / "ipython"),
        COURSE_PROGRESS_DB=str(home / "progress.sqlite3"),
        PYTHONUNBUFFERED="1",
    )
    env.pop("JUPYTER_TOKEN", None)
    log_path = browser_output_root / "jupyter-server.log"
    token = secrets.token_hex(24)

    server = None
    for attempt in range(3):  # another process may grab the free port before the server does
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        command = [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={ROOT}",
            "--LabApp.expose_app_in_browser=True",
            # Checkpoints (made when a notebook is opened) go to the throwaway folder too.
            f"--FileCheckpoints.root_dir={home / 'checkpoints'}",
        ]  # fmt: skip
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        with open(log_path, "w", encoding="utf-8") as log:
            log.write("$ " + " ".join(command).replace(token, "<token>") + "\n")
            log.flush()
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        server = JupyterServer(base_url, token, ROOT, log_path, process)
        try:
            _wait_until_up(base_url, token, process, log_path)
            break
        except RuntimeError as error:
            _stop(server)
            if "already in use" in _log_tail(log_path) and attempt < 2:
                continue
            shutil.rmtree(home, ignore_errors=True)
            pytest.fail(str(error), pytrace=False)
    try:
        yield server
    finally:
        _stop(server)
        if server.process.poll() is None:  # pragma: no cover - kill always works
            os.killpg(server.process.pid, signal.SIGKILL)
        shutil.rmtree(home, ignore_errors=True)


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
def playwright():
    """Playwright's sync API, started once per session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        missing = f"Playwright is not installed ({error}): pip install -r requirements.txt."
    else:
        missing = None
    if missing:
        unavailable(missing)
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright):
    """Headless Chromium, launched once per session (each test gets a fresh context)."""
    executable = _find_chromium(playwright)
    args = list(CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    try:
        # Playwright gives each launch a fresh temporary user-data directory.
        instance = playwright.chromium.launch(
            executable_path=executable, headless=True, args=args, timeout=60_000
        )
    except Exception as error:  # noqa: BLE001 - reported with the browser's own message
        failure = f"Chromium at {executable} would not start: {error}"
    else:
        failure = None
    if failure:
        unavailable(failure)
    yield instance
    instance.close()


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "test"


@pytest.fixture
def output_dir(request: pytest.FixtureRequest, browser_output_root: Path) -> Path:
    """A fresh folder for this test's pictures: ``test-output/browser/<test name>/``."""
    path = browser_output_root / _safe_name(request.node.name)
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


@pytest.fixture
def console_errors() -> list[str]:
    """Errors the page logged to the browser console, and uncaught exceptions, in order."""
    return []


@pytest.fixture
def page(browser, request: pytest.FixtureRequest, output_dir: Path, console_errors: list[str]):
    """A new tab in a fresh browser context (1400×1000), recording console errors.

    If the test fails, a screenshot (``failure.png``) is saved next to its others.
    The whole console is written to ``console.log`` either way.
    """
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(30_000)
    tab = context.new_page()
    console: list[str] = []

    def on_console(message) -> None:
        line = f"[{message.type}] {message.text}"
        console.append(line)
        if message.type == "error":
            console_errors.append(message.text)

    def on_page_error(error) -> None:
        console.append(f"[pageerror] {error}")
        console_errors.append(f"uncaught: {error}")

    tab.on("console", on_console)
    tab.on("pageerror", on_page_error)
    yield tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        try:
            tab.screenshot(path=str(output_dir / "failure.png"), full_page=True)
        except Exception as error:  # noqa: BLE001 - evidence is best effort
            console.append(f"[harness] could not save failure.png: {error}")
    (output_dir / "console.log").write_text("\n".join(console) + "\n", encoding="utf-8")
    context.close()


@pytest.fixture
def lab(page, jupyter_server: JupyterServer, output_dir: Path) -> JupyterLab:
    """JupyterLab in the test's browser tab, ready to open a notebook."""
    return JupyterLab(page, jupyter_server.base_url, jupyter_server.token, output_dir)


# -- the clinic app (Voilà) ------------------------------------------------------


@dataclass(frozen=True)
class VoilaServer:
    """The clinic app as started by ``python -m tools.clinic``: its address and card folder."""

    url: str  # with the token, as the launcher prints it
    base_url: str
    cards_dir: Path
    log_path: Path
    process: subprocess.Popen


_CLINIC_URL = re.compile(r"^Open: (http://127\.0\.0\.1:(\d+)/\?token=\S+)$", re.MULTILINE)


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
        found = _CLINIC_URL.search(log_path.read_text(encoding="utf-8", errors="replace"))
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
