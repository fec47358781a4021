"""`make ui` (`dinum ui`) refuses a busy port at once, in one line."""

import socket

from click.testing import CliRunner

from dinum.cli import main
from dinum.ui import port_is_free

HOST = "127.0.0.1"


def test_a_port_with_a_listener_is_busy_and_free_once_closed():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind((HOST, 0))
        server.listen()
        port = server.getsockname()[1]
        assert not port_is_free(HOST, port)
        result = CliRunner().invoke(main, ["ui", "--host", HOST, "--port", str(port)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert f"port {port} on {HOST} is busy" in result.output
    assert f"UI_PORT={port + 1}" in result.output
    assert port_is_free(HOST, port)
