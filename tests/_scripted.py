"""A scripted HTTP server on loopback for tests: it answers with exactly the bytes given.

Unlike ``justoneapi_xingtu.testing`` (which behaves like the endpoint), this one
lets a test say "the next answer is HTTP 503 with this HTML", so the clients can
be checked against any answer, including ones the real API should never send.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})


@dataclass
class Seen:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, respond: Callable[[Seen], Answer]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.respond = respond
        self.seen: list[Seen] = []
        self.lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up mid-answer (a batch stopping, a timeout) is expected
        # here: never print socketserver's traceback into the output a test reads.
        return

    def get_request(self):  # type: ignore[no-untyped-def]
        conn, addr = super().get_request()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return conn, addr


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # silence stderr
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        seen = Seen(parts.path, parse_qs(parts.query, keep_blank_values=True), dict(self.headers))
        with self.server.lock:
            self.server.seen.append(seen)
        answer = self.server.respond(seen)
        head = [f"HTTP/1.1 {answer.status} X"]
        headers = {"Content-Length": str(len(answer.body)), **answer.headers}
        head += [f"{k}: {v}" for k, v in headers.items()]
        self.wfile.write(("\r\n".join(head) + "\r\n\r\n").encode() + answer.body)


@contextmanager
def scripted_server(
    respond: Callable[[Seen], Answer] | list[Answer],
) -> Iterator[tuple[str, list[Seen]]]:
    """Run a server on an OS-chosen loopback port; yield (base_url, requests seen).

    ``respond`` is a function of the request, or a list of answers given in turn
    (the last one repeats).
    """
    if isinstance(respond, list):
        answers = list(respond)

        def respond_fn(_: Seen) -> Answer:
            return answers.pop(0) if len(answers) > 1 else answers[0]

    else:
        respond_fn = respond
    server = _Server(respond_fn)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}", server.seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
