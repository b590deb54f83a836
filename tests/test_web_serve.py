"""``naba serve``'s early port check (naba.web.commands._check_port)."""

from __future__ import annotations

import socket

import pytest

from naba.web.commands import _check_port


def _listening(host: str) -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((host, 0))
    s.listen()
    return s


def test_a_port_in_use_fails_with_one_line():
    with _listening("127.0.0.1") as busy:
        port = busy.getsockname()[1]
        with pytest.raises(OSError, match=f"cannot listen on 127.0.0.1:{port}"):
            _check_port("127.0.0.1", port)
    _check_port("127.0.0.1", port)  # free again


def test_every_address_of_the_host_is_tried(monkeypatch):
    # "localhost" may resolve to two addresses, and the server binds both: the port in use on the
    # second one was not seen (the check tried the first only) and uvicorn failed after "serving"
    try:
        busy = _listening("127.0.0.2")
    except OSError:
        pytest.skip("no 127.0.0.2 loopback here")
    with busy:
        port = busy.getsockname()[1]
        two = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in ("127.0.0.1", "127.0.0.2")]
        monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: two)
        with pytest.raises(OSError, match="cannot listen on localhost"):
            _check_port("localhost", port)
