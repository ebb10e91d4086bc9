"""Start the clinic app: the patient-facing parts of the course in the browser, without code.

    course clinic                          # or: make clinic
    course clinic --cards ~/Desktop/cards  # save stretch cards there
    course clinic --no-browser             # print the address instead of opening it

Serves ``clinic/Clinic.ipynb`` with Voilà on this computer only (127.0.0.1),
behind a fresh random token, and opens it in the default browser. The token
never appears on a command line (where ``ps`` shows it to every user) or in
the log: Voilà reads it from a file only this user can read
(``JUPYTER_TOKEN_FILE``), and the browser is sent to a small page in that
private folder that forwards it to the app, as Jupyter itself does. Voilà shows
the notebook's text and widgets and never its code (``--strip_sources``);
errors are logged in this window, never shown as tracebacks on the page. The
page template (``clinic/share/voila/templates/clinic``) fetches nothing from
the internet. Stretch cards are saved into the folder given by ``--cards``
(created if missing), and only there; the app also offers each card as a download.
A cards path that is a file or cannot be written, or a port outside 1–65535,
stops the launcher with a one-line reason, not a traceback.

Stop it with Ctrl+C in this window (or by closing the window).
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import webbrowser
from pathlib import Path

from lessons.apps.course_folder import course_root, missing_folder
from lessons.clinic import CARDS_ENV

ROOT = course_root()
NOTEBOOK = ROOT / "clinic" / "Clinic.ipynb"
#: Holds ``voila/templates/clinic``, the offline page template; joins JUPYTER_PATH.
TEMPLATES = ROOT / "clinic" / "share"
DEFAULT_PORT = 8866
DEFAULT_CARDS = Path.home() / "stretch-cards"
START_TIMEOUT_S = 60


def free_port(preferred: int = DEFAULT_PORT) -> int:
    """Return ``preferred`` if nothing listens on it at 127.0.0.1, else any free port."""
    for port in (preferred, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise OSError("No free port on 127.0.0.1.")  # pragma: no cover - port 0 always binds


class LaunchError(Exception):
    """A reason the app cannot start, said in one line to the person starting it."""


def port_number(text: str) -> int:
    """Read a port for ``--port``: a whole number from 1 to 65535.

    >>> port_number("8866")
    8866
    >>> port_number("70000")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 70000 is not a port: use a whole number from 1 to 65535, like 8866.
    """
    try:
        port = int(text)
    except ValueError:
        port = None
    if port is None or not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"{text} is not a port: use a whole number from 1 to 65535, like {DEFAULT_PORT}."
        )
    return port


def prepare_cards(folder: Path) -> Path:
    """Return the cards folder as an absolute path, created if missing and checked writable.

    Raises:
        LaunchError: the path is a file, or the folder cannot be created or written.
    """
    cards = folder.expanduser().absolute()
    if cards.exists() and not cards.is_dir():
        raise LaunchError(
            f"The cards folder {cards} is a file, not a folder. Choose a folder with --cards."
        )
    try:
        cards.mkdir(parents=True, exist_ok=True)
        cards = cards.resolve()
        with tempfile.TemporaryFile(dir=cards):
            pass
    except OSError as error:
        raise LaunchError(
            f"The cards folder {cards} cannot be used: {error.strerror or error}. "
            "Choose a folder you can write to with --cards."
        ) from None
    return cards


def write_token_files(private: Path, port: int, token: str) -> tuple[Path, Path]:
    """Write the token and a page that opens the app with it, readable by this user only.

    Returns the token file (for ``JUPYTER_TOKEN_FILE``) and the page to open in a browser.
    """
    private.chmod(0o700)
    url = f"http://127.0.0.1:{port}/?token={token}"
    token_file, page = private / "token", private / "open-the-clinic-app.html"
    for path, text in (
        (token_file, token),
        (
            page,
            "<!DOCTYPE html><html><head><meta charset='utf-8'>"
            f"<meta http-equiv='refresh' content='0;url={html.escape(url)}'>"
            "<title>Clinic app</title></head>"
            f"<body><p><a href='{html.escape(url)}'>Open the clinic app</a></p></body></html>",
        ),
    ):
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, flags, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    return token_file, page


def voila_command(port: int) -> list[str]:
    """The Voilà command line: local only, code hidden, no tracebacks, the offline template.

    The token is not on it: with ``auto_token`` Voilà reads it from ``JUPYTER_TOKEN_FILE``.

    >>> cmd = voila_command(8866)
    >>> [flag in cmd for flag in ("--Voila.ip=127.0.0.1", "--strip_sources=True")]
    [True, True]
    """
    return [
        sys.executable, "-m", "voila", str(NOTEBOOK),
        "--no-browser",  # this launcher opens the browser itself, with the token
        "--Voila.ip=127.0.0.1",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",
        "--Voila.auto_token=True",  # the token itself comes from JUPYTER_TOKEN_FILE
        "--template=clinic",
        "--theme=light",
        "--strip_sources=True",
        "--show_tracebacks=False",
    ]  # fmt: skip


def voila_env(cards: Path, token_file: Path | None = None) -> dict[str, str]:
    """The environment for Voilà and its kernels: template path, cards folder, token file."""
    env = {name: value for name, value in os.environ.items() if name != "JUPYTER_TOKEN"}
    if token_file is not None:
        env["JUPYTER_TOKEN_FILE"] = str(token_file)
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(TEMPLATES), env.get("JUPYTER_PATH")]))
    env[CARDS_ENV] = str(cards)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def wait_until_listening(
    port: int, process: subprocess.Popen, timeout_s: float = START_TIMEOUT_S
) -> None:
    """Wait until something accepts connections on the port; fail if Voilà exits first."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"Voilà stopped (exit code {process.returncode}) before it started serving."
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"Voilà did not start serving on port {port} within {timeout_s:.0f} s.")


def stop(process: subprocess.Popen) -> None:
    """Ask Voilà to stop (SIGTERM: it shuts its kernels down first); kill it if it hangs."""
    for send, wait_s in ((process.terminate, 20), (process.kill, 5)):
        if process.poll() is not None:
            return
        send()
        try:
            process.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            continue


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None, prog: str = "course clinic") -> int:
    """Run the command line: 0 when the app stops, 1 if it could not start, 2 for bad arguments."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cards", type=Path, default=DEFAULT_CARDS,
        help=f"folder for the stretch cards (default: {DEFAULT_CARDS}; created if missing)",
    )
    parser.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT,
        help=f"port on 127.0.0.1, 1 to 65535 (default: {DEFAULT_PORT}, or a free one if busy)",
    )
    parser.add_argument(
        "--no-browser", action="store_true", help="print the address; do not open a browser"
    )
    args = parser.parse_args(argv)

    try:
        if importlib.util.find_spec("voila") is None:
            raise LaunchError(
                "Voilà is not installed. Install the course with its 'teach' extra: "
                "pip install 'knee-hip-course[teach]' (in a checkout: pip install -e '.[teach]')."
            )
        if not NOTEBOOK.is_file():
            raise LaunchError(missing_folder(ROOT, "clinic") or f"{NOTEBOOK} is missing.")
        cards = prepare_cards(args.cards)
        port = free_port(args.port)
    except (LaunchError, OSError) as error:
        print(f"The clinic app could not start: {error}", file=sys.stderr)
        return 2
    private = Path(tempfile.mkdtemp(prefix="clinic-app-"))
    try:
        token_file, page = write_token_files(private, port, secrets.token_urlsafe(24))
        return _serve(port, cards, token_file, page, open_browser=not args.no_browser)
    finally:
        shutil.rmtree(private, ignore_errors=True)


def _serve(port: int, cards: Path, token_file: Path, page: Path, *, open_browser: bool) -> int:
    # Voilà runs in its own session, so Ctrl+C, a closed window (SIGHUP) or SIGTERM reach only
    # this launcher, which then stops Voilà once, cleanly (a second signal mid-way would
    # interrupt its kernels' shutdown).
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)
    process = subprocess.Popen(
        voila_command(port), cwd=ROOT, env=voila_env(cards, token_file), start_new_session=True
    )
    try:
        wait_until_listening(port, process)
        print(
            "\nThe clinic app is running on this computer only.\n"
            f"Open this page in your browser (it signs you in): {page.as_uri()}\n"
            f"The app's address is http://127.0.0.1:{port}/\n"
            f"Stretch cards are saved in: {cards}\n"
            "Keep this window open while you use the app; press Ctrl+C here to stop it.\n",
            flush=True,
        )
        if open_browser and not webbrowser.open(page.as_uri()):
            print("No browser opened: open the page above in your browser.", flush=True)
        return process.wait()
    except KeyboardInterrupt:
        return 0
    except RuntimeError as error:
        print(f"The clinic app could not start: {error}", file=sys.stderr)
        return 1
    finally:
        stop(process)


if __name__ == "__main__":
    sys.exit(main())
