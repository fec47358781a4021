"""`make ui` refuses a busy port at once, in one line."""

import socket

from scripts.ui_port import main, port_is_free

HOST = "127.0.0.1"


def test_a_port_with_a_listener_is_busy_and_free_once_closed(capsys):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind((HOST, 0))
        server.listen()
        port = server.getsockname()[1]
        assert not port_is_free(HOST, port)
        assert main([HOST, str(port)]) == 1
    message = capsys.readouterr().err
    assert message.count("\n") == 1
    assert f"port {port} on {HOST} is busy" in message
    assert f"UI_PORT={port + 1}" in message
    assert port_is_free(HOST, port)
    assert main([HOST, str(port)]) == 0
