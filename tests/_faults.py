"""A raw-socket server on loopback that misbehaves on purpose, one behaviour per test.

Each accepted connection has its request head read, then is handed to ``behave(conn)``,
which writes whatever it likes (or nothing), and is closed. The server counts requests
and bytes sent, so tests can assert how many calls the client made and that a huge body
was not read whole. ``tls=`` serves HTTPS with that context; ``read_head=False`` hands
the connection over unread (a plain server facing a TLS handshake).

Also here: :func:`gzip_bomb` and :func:`forward_proxy`, a real HTTP forward proxy.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.client
import http.server
import select
import socket
import ssl
import struct
import threading
import time
import urllib.parse
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

Behaviour = Callable[[socket.socket, "FaultServer"], None]


@dataclass
class FaultServer:
    base_url: str
    requests: int = 0
    bytes_sent: int = 0
    connections: int = 0

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
def fault_server(
    behave: Behaviour, *, tls: ssl.SSLContext | None = None, read_head: bool = True
) -> Iterator[FaultServer]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.settimeout(0.05)
    scheme = "https" if tls else "http"
    state = FaultServer(f"{scheme}://127.0.0.1:{listener.getsockname()[1]}")
    stop = threading.Event()
    workers: list[threading.Thread] = []

    def serve(conn: socket.socket) -> None:
        state.connections += 1
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if tls is not None:
            conn.settimeout(10)
            try:
                conn = tls.wrap_socket(conn, server_side=True)
            except OSError:  # the client refused the handshake
                conn.close()
                return
        with conn:
            if read_head and not _read_head(conn):
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
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)  # wakes the accept loop at once
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


def answer(
    body: bytes, status: int = 200, content_type: str = "application/json", extra: str = ""
) -> Behaviour:
    """One answer; ``extra``: more header lines, each ending with CRLF."""

    def behave(conn: socket.socket, server: FaultServer) -> None:
        server.send(conn, head(status, len(body), content_type, extra) + body)

    return behave


def plain_http_reply() -> Behaviour:
    """What a plain HTTP server does with bytes it cannot parse (a TLS ClientHello)."""

    def behave(conn: socket.socket, server: FaultServer) -> None:
        conn.recv(65536)
        server.send(conn, b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    return behave


def _pause(conn: socket.socket, seconds: float) -> None:
    """Sleep ``seconds``; raise OSError at once if the client hangs up meanwhile (so the
    test does not wait for the rest of a trickle)."""
    conn.settimeout(seconds)
    try:
        if conn.recv(1) == b"":
            raise ConnectionAbortedError("the client hung up")
    except TimeoutError:
        pass
    finally:
        conn.settimeout(None)


def trickled_head(step: float, body: bytes) -> Behaviour:
    """The status line and headers one byte every ``step`` seconds, then the body."""

    def behave(conn: socket.socket, server: FaultServer) -> None:
        for byte in head(200, len(body)):
            server.send(conn, bytes([byte]))
            _pause(conn, step)
        server.send(conn, body)

    return behave


def late_pieces(gap: float, body: bytes) -> Behaviour:
    """The head after ``gap`` seconds, then one byte of the body every ``gap`` seconds:
    each piece just inside a per-read timeout a little longer than ``gap``."""

    def behave(conn: socket.socket, server: FaultServer) -> None:
        _pause(conn, gap)
        server.send(conn, head(200, len(body)))
        for i in range(len(body)):
            _pause(conn, gap)
            server.send(conn, body[i : i + 1])

    return behave


def trickled_tls(context: ssl.SSLContext, step: float) -> Behaviour:
    """A TLS server (use with ``read_head=False``) whose handshake bytes leave one every
    ``step`` seconds: each socket read of the client gets a byte in time."""

    def behave(conn: socket.socket, server: FaultServer) -> None:
        incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
        tls = context.wrap_bio(incoming, outgoing, server_side=True)
        while data := conn.recv(65536):
            incoming.write(data)
            with contextlib.suppress(ssl.SSLWantReadError):
                tls.do_handshake()
            for byte in outgoing.read():
                server.send(conn, bytes([byte]))
                time.sleep(step)

    return behave


@functools.cache
def gzip_bomb(inflated_mib: int) -> bytes:
    """``gzip(gzip(zeros))``: ``inflated_mib`` MiB once both layers are undone, from a few
    KB. Built without compressing gigabytes: after a full flush, deflate encodes each
    further MiB of zeros as the same bytes, so the inner stream is one segment repeated.
    (The inner trailer's CRC is not computed: a decoder holding the cap never gets there.)
    """
    inner = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(2**20)
    first = inner.compress(block) + inner.flush(zlib.Z_FULL_FLUSH)
    again = inner.compress(block) + inner.flush(zlib.Z_FULL_FLUSH)
    return gzip.compress(first + again * (inflated_mib - 1) + inner.flush(), 9)


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
        _pause(conn, delay)
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


@dataclass
class ForwardProxy:
    """A running :func:`forward_proxy`: its URL and the paths it forwarded (never the
    query, which holds the token)."""

    url: str
    forwarded: list[str] = field(default_factory=list)
    tunnels: list[str] = field(default_factory=list)


@contextlib.contextmanager
def forward_proxy() -> Iterator[ForwardProxy]:
    """A real HTTP forward proxy on loopback: for http:// targets it receives absolute-form
    requests (``GET http://127.0.0.1:PORT/path?query``), sends them on and relays the
    answer; for https:// ones, ``CONNECT host:port`` and a tunnel it pipes both ways.
    Logs nothing (the query holds the token)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            target = urllib.parse.urlsplit(self.path)
            state.forwarded.append(target.path)
            upstream = http.client.HTTPConnection(target.hostname or "", target.port, timeout=10)
            try:
                headers = {k: v for k, v in self.headers.items() if k.lower() != "proxy-connection"}
                upstream.request("GET", f"{target.path}?{target.query}", headers=headers)
                reply = upstream.getresponse()
                body = reply.read()
            finally:
                upstream.close()
            self.send_response(reply.status)
            for name, value in reply.getheaders():
                if name.lower() not in ("connection", "transfer-encoding", "content-length"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True

        def do_CONNECT(self) -> None:
            host, _, port = self.path.rpartition(":")
            state.tunnels.append(self.path)
            self.close_connection = True
            with socket.create_connection((host, int(port)), timeout=10) as upstream:
                self.send_response(200, "Connection established")
                self.end_headers()
                ends = [self.connection, upstream]
                while True:
                    readable, _, _ = select.select(ends, [], [], 10)
                    if not readable:
                        return
                    for end in readable:
                        data = end.recv(65536)
                        if not data:
                            return
                        (upstream if end is self.connection else self.connection).sendall(data)

        def log_message(self, format: str, *args: object) -> None:
            pass  # the request line holds the token

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state = ForwardProxy(f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
