"""The offline suite cannot reach anything but loopback (pytest-socket, set in pyproject).

An accidental call to the real API fails the test at ``connect()``: no packet leaves the
host and no credit is spent. 192.0.2.1 is TEST-NET-1 (RFC 5737): nothing answers there
anyway, and an IP address needs no DNS, so the guard is what stops it.
"""

from __future__ import annotations

import socket

import pytest
from pytest_socket import SocketConnectBlockedError

from justoneapi_xingtu import XingtuClient
from justoneapi_xingtu.testing import MockServer

# pytest-socket also warns about each blocked attempt; here the attempts are the point.
pytestmark = pytest.mark.filterwarnings("ignore:A test tried to use socket")


def test_a_connection_beyond_loopback_is_blocked() -> None:
    # a socket of its own, closed here: create_connection() would leave the one whose
    # connect() was refused to the garbage collector (a ResourceWarning, an error here)
    with socket.socket() as sock, pytest.raises(SocketConnectBlockedError):
        sock.connect(("192.0.2.1", 443))


def test_a_client_call_beyond_loopback_fails_the_test_instead_of_going_out() -> None:
    with XingtuClient("a-real-looking-token", base_url="https://192.0.2.1", max_retries=0) as c:
        with pytest.raises(SocketConnectBlockedError):
            c.author_rec_videos("7012345678901234567")


def test_loopback_stays_open() -> None:
    with MockServer(tokens={"t0ken-ok"}) as server:
        with XingtuClient("t0ken-ok", base_url=server.base_url) as client:
            assert len(client.author_rec_videos("42")) > 0
