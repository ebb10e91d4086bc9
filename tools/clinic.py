"""Start the clinic app: the patient-facing parts of the course in the browser, without code.

    python -m tools.clinic                          # or: make clinic
    python -m tools.clinic --cards ~/Desktop/cards  # save stretch cards there
    python -m tools.clinic --no-browser             # print the address instead of opening it

Serves ``clinic/Clinic.ipynb`` with Voilà on this computer only (127.0.0.1),
behind a fresh random token, and opens it in the default browser. Voilà shows
the notebook's text and widgets and never its code (``--strip_sources``);
errors are logged in this window, never shown as tracebacks on the page. The
page template (``clinic/share/voila/templates/clinic``) fetches nothing from
the internet. Stretch cards are saved into the folder given by ``--cards``
(created if missing); the app also offers each card as a download.

Stop it with Ctrl+C in this window (or by closing the window).
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import webbrowser
from pathlib import Path

from lessons.clinic import CARDS_ENV

ROOT = Path(__file__).resolve().parent.parent
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


def voila_command(port: int, token: str) -> list[str]:
    """The Voilà command line: local only, code hidden, no tracebacks, the offline template.

    >>> cmd = voila_command(8866, "abc")
    >>> [flag in cmd for flag in ("--Voila.ip=127.0.0.1", "--strip_sources=True")]
    [True, True]
    """
    return [
        sys.executable, "-m", "voila", str(NOTEBOOK),
        "--no-browser",  # this launcher opens the browser itself, with the token
        "--Voila.ip=127.0.0.1",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",
        f"--Voila.token={token}",
        "--template=clinic",
        "--theme=light",
        "--strip_sources=True",
        "--show_tracebacks=False",
    ]  # fmt: skip


def voila_env(cards: Path) -> dict[str, str]:
    """The environment for Voilà and its kernels: the template path and the cards folder."""
    env = dict(os.environ)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cards", type=Path, default=DEFAULT_CARDS,
        help=f"folder for the stretch cards (default: {DEFAULT_CARDS}; created if missing)",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT,
        help=f"port on 127.0.0.1 (default: {DEFAULT_PORT}, or a free one if it is busy)",
    )
    parser.add_argument(
        "--no-browser", action="store_true", help="print the address; do not open a browser"
    )
    args = parser.parse_args(argv)

    cards = args.cards.expanduser().resolve()
    cards.mkdir(parents=True, exist_ok=True)
    port = free_port(args.port)
    token = secrets.token_urlsafe(24)
    url = f"http://127.0.0.1:{port}/?token={token}"

    # Voilà runs in its own session, so Ctrl+C, a closed window (SIGHUP) or SIGTERM reach only
    # this launcher, which then stops Voilà once, cleanly (a second signal mid-way would
    # interrupt its kernels' shutdown).
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)
    process = subprocess.Popen(
        voila_command(port, token), cwd=ROOT, env=voila_env(cards), start_new_session=True
    )
    try:
        wait_until_listening(port, process)
        print(
            "\nThe clinic app is running on this computer only.\n"
            f"Open: {url}\n"
            f"Stretch cards are saved in: {cards}\n"
            "Keep this window open while you use the app; press Ctrl+C here to stop it.\n",
            flush=True,
        )
        if not args.no_browser and not webbrowser.open(url):
            print("No browser opened: copy the address above into your browser.", flush=True)
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
