"""`dinum ui` (`make ui`): the Dagster UI, `dagster dev` under a wrapper that stops it cleanly.

The port is checked first: without that `dagster dev` starts its daemon (sensors, schedule,
runs) even though its web server could not listen, and keeps running with no UI. `dagster
dev` shuts down on SIGINT (Ctrl-C) but not on SIGTERM, which service managers and `kill`
send: the wrapper turns a SIGTERM into the SIGINT it understands and waits for it to finish.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from pathlib import Path
from types import FrameType


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
    child = subprocess.Popen([str(dagster), "dev", "-h", host, "-p", str(port)])

    def forward(signum: int, frame: FrameType | None) -> None:
        child.send_signal(signal.SIGINT)

    signal.signal(signal.SIGTERM, forward)
    # Ctrl-C reaches the whole foreground process group, `dagster dev` included: the
    # wrapper only waits for it to finish shutting down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    return child.wait()
