"""Start a private JupyterLab for the browser tests and the benchmark, and stop it cleanly.

The server is isolated from the machine it runs on: 127.0.0.1, its own free
port and random token, throwaway settings, workspaces, runtime and checkpoint
folders, and a throwaway quiz progress database, so a run never touches a
learner's or maintainer's data. Autosave is off, so running a notebook in the
browser never rewrites it on disk.

    with running_lab(log_path) as server:
        print(server.base_url, server.token)

Used by ``tests/browser/conftest.py`` (the ``jupyter_server`` fixture) and
``tools/browser_timing.py``.
"""

from __future__ import annotations

import json
import os
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
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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


@contextmanager
def running_lab(log_path: Path, root: Path = ROOT) -> Iterator[JupyterServer]:
    """Start JupyterLab on 127.0.0.1 (free port, random token), isolated from the user's setup.

    Raises RuntimeError (with the server log's tail) if it does not come up.
    """
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
            f"--ServerApp.root_dir={root}",
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
                cwd=root,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        server = JupyterServer(base_url, token, root, log_path, process)
        try:
            _wait_until_up(base_url, token, process, log_path)
            break
        except RuntimeError:
            _stop(server)
            if "already in use" in _log_tail(log_path) and attempt < 2:
                continue
            shutil.rmtree(home, ignore_errors=True)
            raise
    try:
        yield server
    finally:
        _stop(server)
        if server.process.poll() is None:  # pragma: no cover - kill always works
            os.killpg(server.process.pid, signal.SIGKILL)
        shutil.rmtree(home, ignore_errors=True)
