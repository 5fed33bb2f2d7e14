"""The HTTP front end of the mock: a threaded keep-alive server on loopback, and
``python -m justoneapi_xingtu.testing``."""

from __future__ import annotations

import argparse
import contextlib
import signal
import socket
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType
from typing import Any, Final, Unpack
from urllib.parse import urlsplit

from ._core import _JSON, ENDPOINT_PATH, MESSAGES, MockAPI, MockAPIOptions, _phrase
from ._wsgi import _target

_MAX_DRAIN: Final = 1 << 20


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "justoneapi-xingtu-mock"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: request lines carry the token."""

    def _drain_body(self) -> None:
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            return
        length = self.headers.get("Content-Length")
        if not length:
            return
        try:
            size = int(length)
        except ValueError:
            size = -1
        if 0 <= size <= _MAX_DRAIN:
            self.rfile.read(size)
        else:
            self.close_connection = True

    def _dispatch(self) -> None:
        self._drain_body()
        parts = urlsplit(self.path)
        path, query = _target(parts.path, parts.query)
        try:
            status, headers, body = self.server.api.handle(self.command, path, query)
        except Exception:  # noqa: BLE001 - a bug in the mock must not hang the client
            status, headers = 500, [("Content-Type", _JSON)]
            body = MockAPI._envelope(500, None, MESSAGES[500])
        lines = [f"HTTP/1.1 {status} {_phrase(status)}"]
        lines += [f"{name}: {value}" for name, value in headers]
        lines += [
            f"Content-Length: {len(body)}",
            f"Date: {self.date_time_string()}",
            f"Server: {self.server_version}",
        ]
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
        # One write, one segment: a separate header write would meet Nagle + delayed ACK.
        self.wfile.write(head if self.command == "HEAD" else head + body)

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _dispatch

    def __getattr__(self, name: str) -> Any:
        # Any other method (TRACE, QUERY, ...) is answered like the WSGI front end answers it,
        # not with http.server's HTML "501 Unsupported method".
        if name.startswith("do_"):
            return self._dispatch
        raise AttributeError(name)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() closes connections and joins workers with a deadline
    request_queue_size = 256

    def __init__(self, address: tuple[str, int], api: MockAPI) -> None:
        self.api = api
        self.connections_opened = 0
        self._conns: set[socket.socket] = set()
        self._workers: set[threading.Thread] = set()
        self._conns_lock = threading.Lock()
        super().__init__(address, _Handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        conn, address = super().get_request()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._conns_lock:
            self._conns.add(conn)
            self.connections_opened += 1
        return conn, address

    def process_request(self, request: Any, client_address: Any) -> None:
        worker = threading.Thread(
            target=self._serve_connection,
            args=(request, client_address),
            name="xingtu-mock-conn",
            daemon=True,
        )
        with self._conns_lock:
            self._workers.add(worker)
        worker.start()

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:  # noqa: BLE001
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            with self._conns_lock:
                self._conns.discard(request)
                self._workers.discard(threading.current_thread())

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Silent: dropped connections are normal, and tracebacks could show a token."""

    def close_connections(self, timeout: float) -> None:
        with self._conns_lock:
            conns = list(self._conns)
            workers = list(self._workers)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)  # wakes a worker blocked reading keep-alive
        deadline = time.monotonic() + timeout
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()))


class MockServer:
    """:class:`MockAPI` behind a real threaded HTTP/1.1 keep-alive server on loopback.

    ``MockServer(latency=0.05, rate_limit=20)`` passes keyword options to a new
    :class:`MockAPI`; or give one as ``api``. Use as a context manager, or call
    :meth:`start` and :meth:`stop`. ``port=0`` lets the OS choose the port.
    """

    def __init__(
        self,
        api: MockAPI | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        **options: Unpack[MockAPIOptions],
    ) -> None:
        if api is not None and options:
            raise TypeError("give either an api or MockAPI options, not both")
        self.api: MockAPI = api if api is not None else MockAPI(**options)
        self._host = host
        self._port = port
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> MockServer:
        """Bind and serve in a background thread; returns ``self``."""
        if self._httpd is not None:
            raise RuntimeError("the mock server is already running")
        httpd = _HTTPServer((self._host, self._port), self.api)
        thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="xingtu-mock-server",
            daemon=True,
        )
        self._httpd, self._thread = httpd, thread
        thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        """Stop accepting, close every open connection, release the port (idempotent)."""
        httpd, thread = self._httpd, self._thread
        if httpd is None or thread is None:
            return
        self._httpd = self._thread = None
        httpd.shutdown()
        thread.join(timeout)
        httpd.server_close()
        httpd.close_connections(timeout)

    @property
    def running(self) -> bool:
        return self._httpd is not None

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the mock server is not running: call start() first")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT``, to give a client as its base URL."""
        return f"http://{self._host}:{self.port}"

    @property
    def endpoint_url(self) -> str:
        """The full URL of the mocked endpoint."""
        return self.base_url + ENDPOINT_PATH

    @property
    def connections_opened(self) -> int:
        """TCP connections accepted so far (shows whether a client reuses connections)."""
        return self._httpd.connections_opened if self._httpd is not None else 0

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.base_url if self.running else "stopped"
        return f"<MockServer {where}>"


# -- command line -----------------------------------------------------------------------


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m justoneapi_xingtu.testing",
        description="Serve a local mock of the author recommended videos endpoint.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port; 0 lets the OS choose (0)")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added per request")
    parser.add_argument("--rate", type=float, default=None, help="rate limit, calls per second")
    parser.add_argument(
        "--token",
        action="append",
        default=None,
        help="an accepted token (repeatable); without it any non-empty token is accepted",
    )
    parser.add_argument("--videos-per-list", type=int, default=2, help="records per list (2)")
    parser.add_argument(
        "--random-faults",
        type=float,
        default=0.0,
        help="fraction of answers that are a random fault (0)",
    )
    parser.add_argument(
        "--random-rate-limits",
        type=float,
        default=0.0,
        help="fraction of answers that are a stray code 302, whatever the load (0)",
    )
    parser.add_argument(
        "--rate-schedule",
        nargs="+",
        type=_schedule_step,
        default=(),
        metavar="SECONDS:RATE",
        help="the rate limit from SECONDS after the first request on ('none': no limit)",
    )
    parser.add_argument("--seed", type=int, default=None, help="seed for the random draws")
    fault = parser.add_argument_group("a fault set at start (see MockAPI.set_fault)")
    fault.add_argument("--fault", type=int, default=None, metavar="CODE", help="business code")
    fault.add_argument("--fault-http-status", type=int, default=200, help="HTTP status (200)")
    fault.add_argument("--fault-times", type=int, default=None, help="answers (all)")
    fault.add_argument("--fault-retry-after", type=float, default=None, help="seconds")
    fault.add_argument("--fault-after", type=int, default=0, help="normal answers first (0)")
    return parser.parse_args(argv)


def _schedule_step(text: str) -> tuple[float, float | None]:
    at, sep, rate = text.partition(":")
    try:
        if not sep:
            raise ValueError(text)
        return float(at), None if rate.lower() == "none" else float(rate)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected SECONDS:RATE, got {text!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the mock server from the command line until SIGINT or SIGTERM."""
    args = _parse_args(argv)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    server = MockServer(
        host=args.host,
        port=args.port,
        tokens=args.token,
        latency=args.latency,
        rate_limit=args.rate,
        videos_per_list=args.videos_per_list,
        random_faults=args.random_faults,
        random_rate_limits=args.random_rate_limits,
        rate_schedule=args.rate_schedule,
        seed=args.seed,
    )
    if args.fault is not None:
        server.api.set_fault(
            args.fault,
            http_status=args.fault_http_status,
            times=args.fault_times,
            retry_after=args.fault_retry_after,
            after=args.fault_after,
        )
    try:
        server.start()
        print(f"mock server listening on {server.base_url}", flush=True)
        while not stop.wait(0.2):
            pass
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
