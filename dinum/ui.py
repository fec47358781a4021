"""`dinum ui` (`make ui`): the Dagster UI, `dagster dev` under a wrapper that stops it cleanly.

The port is checked first: without that `dagster dev` starts its daemon (sensors, schedule,
runs) even though its web server could not listen, and keeps running with no UI. `dagster
dev` shuts down on SIGINT (Ctrl-C) but not on SIGTERM, which service managers and `kill`
send: the wrapper turns either into the SIGINT it understands, sent to its process group, and
ends the group if it has not finished within STOP_GRACE_SECONDS.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path
from types import FrameType

# How long `dagster dev` gets to shut down after Ctrl-C or SIGTERM before it is ended.
STOP_GRACE_SECONDS = 20


def port_is_free(host: str, port: int) -> bool:
    """Whether a server could listen on host:port now (as the web server would, address reuse
    on, so a connection lingering in TIME_WAIT does not count as busy)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def busy_message(host: str, port: int) -> str:
    return (
        f"port {port} on {host} is busy (another `make ui`?): stop what listens there, "
        f"or choose another port: make ui UI_PORT={port + 1}"
    )


def serve(host: str, port: int) -> int:
    """Run `dagster dev` on host:port until it stops; its exit status."""
    dagster = Path(sys.executable).parent / "dagster"
    # A process group of its own, with the web server and daemon it starts: a stop reaches
    # them all, and what still runs after the grace period can be ended together.
    child = subprocess.Popen([str(dagster), "dev", "-h", host, "-p", str(port)], process_group=0)

    def stop(signum: int, frame: FrameType | None) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGINT)
        ending = threading.Timer(STOP_GRACE_SECONDS, _end_group, args=(child,))
        ending.daemon = True  # the wrapper leaves as soon as `dagster dev` has stopped
        ending.start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    return child.wait()


def _end_group(child: subprocess.Popen) -> None:
    """`dagster dev` may hang in its shutdown on a loaded machine: end what is left of it."""
    if child.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
