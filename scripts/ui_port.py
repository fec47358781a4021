"""`make ui`'s check before `dagster dev`: stop at once, in one line, when the port is taken.

Without it `dagster dev` starts its daemon (sensors, schedule, runs) even though its web
server could not listen, and keeps running with no UI.
"""

from __future__ import annotations

import socket
import sys


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


def main(argv: list[str]) -> int:
    host, port = argv[0], int(argv[1])
    if port_is_free(host, port):
        return 0
    print(busy_message(host, port), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
