"""A raw-socket server on loopback that misbehaves on purpose, one behaviour per test.

Each accepted connection has its request head read, then is handed to ``behave(conn)``,
which writes whatever it likes (or nothing), and is closed. The server counts requests
and bytes sent, so tests can assert how many calls the client made and that a huge body
was not read whole.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

Behaviour = Callable[[socket.socket, "FaultServer"], None]


@dataclass
class FaultServer:
    base_url: str
    requests: int = 0
    bytes_sent: int = 0

    def send(self, conn: socket.socket, data: bytes) -> None:
        conn.sendall(data)
        self.bytes_sent += len(data)


def _read_head(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


@contextlib.contextmanager
def fault_server(behave: Behaviour) -> Iterator[FaultServer]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.settimeout(0.05)
    state = FaultServer(f"http://127.0.0.1:{listener.getsockname()[1]}")
    stop = threading.Event()
    workers: list[threading.Thread] = []

    def serve(conn: socket.socket) -> None:
        with conn:
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if not _read_head(conn):
                return
            state.requests += 1
            with contextlib.suppress(OSError):
                behave(conn, state)

    def accept_loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            worker = threading.Thread(target=serve, args=(conn,), daemon=True)
            worker.start()
            workers.append(worker)

    thread = threading.Thread(target=accept_loop, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        stop.set()
        thread.join(2)
        listener.close()
        for worker in workers:
            worker.join(5)


def head(
    status: int = 200,
    length: int | None = None,
    content_type: str = "application/json",
    extra: str = "",
) -> bytes:
    lines = [f"HTTP/1.1 {status} X", f"Content-Type: {content_type}", "Connection: close"]
    lines.append(
        f"Content-Length: {length}" if length is not None else "Transfer-Encoding: chunked"
    )
    return ("\r\n".join(lines) + "\r\n" + extra + "\r\n").encode()


def answer(body: bytes, status: int = 200, content_type: str = "application/json") -> Behaviour:
    def behave(conn: socket.socket, server: FaultServer) -> None:
        server.send(conn, head(status, len(body), content_type) + body)

    return behave


def truncated(body: bytes) -> Behaviour:
    """Promise the whole body, send half, close cleanly."""

    def behave(conn: socket.socket, server: FaultServer) -> None:
        server.send(conn, head(200, len(body)) + body[: len(body) // 2])

    return behave


def reset_mid_body(body: bytes) -> Behaviour:
    """Send half the body, then abort the connection with a TCP RST."""

    def behave(conn: socket.socket, server: FaultServer) -> None:
        server.send(conn, head(200, len(body)) + body[: len(body) // 2])
        time.sleep(0.02)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    return behave


def slow_headers(delay: float, body: bytes) -> Behaviour:
    def behave(conn: socket.socket, server: FaultServer) -> None:
        time.sleep(delay)
        server.send(conn, head(200, len(body)) + body)

    return behave


def slow_body(body: bytes, step: float, total: float) -> Behaviour:
    """Headers at once, then one byte every ``step`` seconds for up to ``total`` seconds."""

    def behave(conn: socket.socket, server: FaultServer) -> None:
        server.send(conn, head(200, len(body)))
        deadline = time.monotonic() + total
        for i in range(len(body)):
            if time.monotonic() > deadline:
                return
            server.send(conn, body[i : i + 1])
            time.sleep(step)

    return behave


def huge_body(size: int, declare_length: bool) -> Behaviour:
    """Stream ``size`` bytes of JSON-ish filler for as long as the client keeps reading."""
    chunk = b"x" * 65536

    def behave(conn: socket.socket, server: FaultServer) -> None:
        conn.settimeout(5)
        if declare_length:
            server.send(conn, head(200, size))
            for _ in range(size // len(chunk)):
                server.send(conn, chunk)
        else:
            server.send(conn, head(200, None))
            framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
            for _ in range(size // len(chunk)):
                server.send(conn, framed)
            server.send(conn, b"0\r\n\r\n")

    return behave
