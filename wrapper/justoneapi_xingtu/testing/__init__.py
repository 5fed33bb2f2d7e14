"""A local mock of the "author recommended videos" endpoint, for tests and demos.

It answers ``GET /api/douyin-xingtu/gw/api/data_sp/author_rec_videos_v2/v1`` the way
the real API does: the ``Result`` envelope (``code``, ``data``, ``message``,
``recordTime``, ``requestId``), judged by ``code`` rather than the HTTP status, with
success data shaped exactly like the documented response example (every ``RecVideo``
field, same types) but varying deterministically with ``oAuthorId``.

One pure core, :class:`MockAPI`, decides every answer; two front ends call it:

* :class:`MockServer`, a threaded HTTP/1.1 keep-alive server on loopback;
* :func:`make_wsgi_app`, a WSGI application (e.g. for schemathesis ``from_wsgi``).

Faults can be injected at any time, from any thread: business codes, HTML error pages,
``Retry-After`` headers, per-author failures, latency and a token-bucket rate limit; and
for the batch's benchmarks, stray rate limits that have nothing to do with load
(``random_rate_limits``), a limit that moves on a schedule (``rate_schedule``) and a
fault that starts after a number of calls (``set_fault(..., after=N)``).

Usage::

    import httpx
    from justoneapi_xingtu.testing import MockServer

    with MockServer(tokens={"test-token"}, latency=0.01) as server:
        r = httpx.get(server.endpoint_url, params={"token": "test-token", "oAuthorId": "42"})
        assert r.json()["code"] == 0

        server.api.set_fault(301, times=1)  # the next answer is "collection failed"
        server.api.set_fault(html=True, http_status=502)  # an nginx error page until cleared
        server.api.clear_faults()
        print(server.api.stats.calls_for("42"))

From a shell (serves until SIGINT or SIGTERM)::

    python -m justoneapi_xingtu.testing --port 8000 --latency 0.05 --rate 20 --token T
    python -m justoneapi_xingtu.testing --rate-schedule 0:100 20:20 40:100   # moving limit
    python -m justoneapi_xingtu.testing --random-rate-limits 0.02            # stray 302s
    python -m justoneapi_xingtu.testing --fault 302 --fault-http-status 429 \
        --fault-times 5 --fault-retry-after 1 --fault-after 60              # one-off 429s

The token is checked but never logged, printed or echoed in an answer.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import importlib.resources
import json
import math
import random
import signal
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType, TracebackType
from typing import Any, Final, TypedDict, Unpack
from urllib.parse import parse_qs, urlsplit
from wsgiref.types import StartResponse, WSGIEnvironment

import orjson

from .._retry import instant as _instant

__all__ = [
    "ENDPOINT_PATH",
    "MESSAGES",
    "PLATFORMS",
    "MockAPI",
    "MockAPIOptions",
    "MockServer",
    "MockStats",
    "MockWSGIApp",
    "instant_retries",
    "main",
    "make_wsgi_app",
]

ENDPOINT_PATH: Final = "/api/douyin-xingtu/gw/api/data_sp/author_rec_videos_v2/v1"
PLATFORMS: Final = frozenset({"SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"})

#: The short English message sent with each business code (unknown codes get "error").
MESSAGES: Final[Mapping[int, str]] = {
    0: "success",
    100: "token invalid or expired",
    101: "token error",
    202: "not supported",
    300: "service error",
    301: "collection failed, please retry",
    302: "rate limit exceeded",
    303: "daily quota exceeded",
    400: "bad request parameters",
    404: "not found",
    500: "internal server error",
    503: "service unavailable",
    600: "permission denied",
    601: "insufficient balance",
    602: "permission error",
}

Headers = list[tuple[str, str]]

_JSON: Final = "application/json"
_BEIJING: Final = timezone(timedelta(hours=8))
_ID_LOW: Final = 7_000_000_000_000_000_000  # 19 digits, far beyond a double's 2**53
_ID_HIGH: Final = 7_999_999_999_999_999_999
_DATA_CACHE_SIZE: Final = 4096


@cache
def _documented_data() -> dict[str, Any]:
    """The ``data`` object of the documented response example (read once)."""
    resource = importlib.resources.files(__name__).joinpath("_data", "documented_example.json")
    example = json.loads(resource.read_text(encoding="utf-8"))
    data = example["data"]
    if not isinstance(data, dict):  # pragma: no cover - the shipped file is checked by tests
        raise TypeError("documented_example.json: 'data' is not an object")
    return data


def _template_record(data: Mapping[str, Any]) -> dict[str, Any]:
    for value in data.values():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            return dict(value[0])
    raise ValueError("documented_example.json holds no video record")  # pragma: no cover


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _html_page(status: int) -> bytes:
    title = f"{status} {_phrase(status)}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    ).encode("ascii")


def _format_retry_after(value: float | str) -> str:
    if isinstance(value, str):
        return value
    if value < 0 or math.isnan(value) or math.isinf(value):
        raise ValueError("retry_after must be a finite number of seconds >= 0")
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _first(query: Mapping[str, Sequence[str] | str], name: str) -> str | None:
    values = query.get(name)
    if values is None:
        return None
    if isinstance(values, str):
        return values
    return values[0] if values else None


@dataclass(frozen=True)
class MockStats:
    """A snapshot of what a :class:`MockAPI` has answered since the last reset.

    ``codes`` counts envelope answers by business code, ``statuses`` every answer by
    HTTP status (HTML fault pages included), ``authors`` requests to the endpoint by
    ``oAuthorId`` whatever their outcome.
    """

    total: int = 0
    codes: Mapping[int, int] = field(default_factory=dict)
    statuses: Mapping[int, int] = field(default_factory=dict)
    authors: Mapping[str, int] = field(default_factory=dict)

    def calls_for(self, author_id: str) -> int:
        """How many requests named this ``oAuthorId``."""
        return self.authors.get(author_id, 0)


@dataclass
class _Fault:
    code: int | None
    http_status: int
    times: int | None
    html: bool
    retry_after: str | None
    message: str | None
    after: int = 0


RANDOM_FAULTS: Final[tuple[_Fault, ...]] = (
    _Fault(301, 200, None, False, None, None),
    _Fault(302, 429, None, False, "0", None),
    _Fault(500, 500, None, False, None, None),
    _Fault(9999, 200, None, False, None, None),
    _Fault(None, 502, None, True, None, None),
)
"""What ``random_faults`` draws from: collection failed, rate limited (HTTP 429,
``Retry-After: 0``), internal error, an undocumented code, an nginx HTML 502."""


class MockAPIOptions(TypedDict, total=False):
    """The keyword arguments of :class:`MockAPI` (also accepted by :class:`MockServer`)."""

    tokens: Iterable[str] | None
    videos_per_list: int
    order_hot_videos: int
    latency: float
    rate_limit: float | None
    rate_limit_http_status: int
    fail_authors: Mapping[str, int] | None
    random_faults: float
    random_rate_limits: float
    rate_schedule: Sequence[tuple[float, float | None]]
    seed: int | None
    clock: Callable[[], float]


class MockAPI:
    """The endpoint's behaviour, free of any transport; safe to call from many threads.

    Args:
        tokens: the accepted tokens; ``None`` accepts any non-empty token.
        videos_per_list: records in each list the documented example fills.
        order_hot_videos: records in ``order_hot_videos`` (empty in the example).
        latency: seconds every request sleeps (in the calling thread) before its answer.
        rate_limit: calls per second over all requests to the endpoint (a token bucket of
            ``max(1, rate_limit)``); ``None`` for no limit. Over the limit: code 302 and an
            integer ``Retry-After`` header.
        rate_limit_http_status: the HTTP status of those answers (200 like the real API,
            or e.g. 429).
        fail_authors: ``oAuthorId`` -> business code to answer for that author, always.
        random_faults: the fraction of valid requests (0..1) answered with a fault drawn
            from :data:`RANDOM_FAULTS` (transient codes, an unknown code, an HTML 502),
            for soak tests; ``seed`` makes the draw repeatable.
        random_rate_limits: the fraction of valid requests (0..1) answered code 302 (with
            ``rate_limit_http_status``, no ``Retry-After``) at random, whatever the load:
            the stray rate limits a real API sends now and then.
        rate_schedule: ``(seconds, rate)`` pairs: from that many seconds after the first
            request to the endpoint, ``rate_limit`` becomes ``rate`` (``None``: no limit);
            a limit that moves during a run.
        clock: a monotonic clock in seconds, for the rate limiter (tests may pass a fake).

    ``latency``, ``rate_limit`` and ``fail_authors`` may be changed at any time.
    """

    def __init__(
        self,
        *,
        tokens: Iterable[str] | None = None,
        videos_per_list: int = 2,
        order_hot_videos: int = 0,
        latency: float = 0.0,
        rate_limit: float | None = None,
        rate_limit_http_status: int = 200,
        fail_authors: Mapping[str, int] | None = None,
        random_faults: float = 0.0,
        random_rate_limits: float = 0.0,
        rate_schedule: Sequence[tuple[float, float | None]] = (),
        seed: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if videos_per_list < 0 or order_hot_videos < 0:
            raise ValueError("videos_per_list and order_hot_videos must be >= 0")
        if not 0.0 <= random_faults <= 1.0:
            raise ValueError("random_faults must be within 0..1")
        if not 0.0 <= random_rate_limits <= 1.0:
            raise ValueError("random_rate_limits must be within 0..1")
        for at, rate in rate_schedule:
            if not at >= 0 or (rate is not None and not rate > 0):
                raise ValueError("rate_schedule: expected (seconds >= 0, rate > 0 or None) pairs")
        self.random_faults: float = random_faults
        self.random_rate_limits: float = random_rate_limits
        self._schedule = sorted(rate_schedule, key=lambda step: step[0])
        self._schedule_start: float | None = None
        self._random = random.Random(seed)  # noqa: S311 - fault injection, not crypto
        self._lock = threading.Lock()
        self._tokens: frozenset[str] | None = None if tokens is None else frozenset(tokens)
        self.videos_per_list: Final = videos_per_list
        self.order_hot_videos: Final = order_hot_videos
        self.latency: float = latency
        self.rate_limit_http_status: int = rate_limit_http_status
        self.fail_authors: dict[str, int] = dict(fail_authors or {})
        self._clock = clock
        self._rate: float | None = None
        self._bucket = 0.0
        self._bucket_time = 0.0
        self.rate_limit = rate_limit
        self._fault: _Fault | None = None
        self._data_cache: dict[str, dict[str, Any]] = {}
        self._total = 0
        self._codes: dict[int, int] = {}
        self._statuses: dict[int, int] = {}
        self._authors: dict[str, int] = {}

    # -- settings ---------------------------------------------------------------------

    @property
    def rate_limit(self) -> float | None:
        """Calls per second allowed over all requests, or ``None``; setting refills the bucket."""
        return self._rate

    @rate_limit.setter
    def rate_limit(self, rate: float | None) -> None:
        if rate is not None and not rate > 0:
            raise ValueError("rate_limit must be > 0 or None")
        with self._lock:
            self._rate = None if rate is None else float(rate)
            self._bucket = 0.0 if rate is None else max(1.0, float(rate))
            self._bucket_time = self._clock()

    def set_fault(
        self,
        code: int | None = None,
        *,
        http_status: int = 200,
        times: int | None = None,
        html: bool = False,
        retry_after: float | str | None = None,
        message: str | None = None,
        after: int = 0,
    ) -> None:
        """Make the next ``times`` answers (``None``: all, until cleared) a failure,
        once ``after`` more requests have been answered normally.

        The failure is the business ``code`` in an envelope sent with ``http_status``, or,
        with ``html=True``, an nginx-like HTML page (``Content-Type: text/html``) with that
        status. ``retry_after`` (seconds, or a ready header value such as an HTTP date)
        adds a ``Retry-After`` header. A new fault replaces the previous one. Faults apply
        to requests for the endpoint only, before token and parameter checks.
        """
        if code is None and not html:
            raise ValueError("set_fault needs a business code or html=True")
        if times is not None and times < 1:
            raise ValueError("times must be >= 1 or None")
        if after < 0:
            raise ValueError("after must be >= 0")
        if not 100 <= http_status <= 599:
            raise ValueError("http_status must be within 100..599")
        header = None if retry_after is None else _format_retry_after(retry_after)
        with self._lock:
            self._fault = _Fault(code, http_status, times, html, header, message, after)

    def clear_faults(self) -> None:
        """Remove the injected fault, if any (``fail_authors`` is left as it is)."""
        with self._lock:
            self._fault = None

    # -- statistics -------------------------------------------------------------------

    @property
    def stats(self) -> MockStats:
        """A consistent snapshot of the counters."""
        with self._lock:
            return MockStats(
                total=self._total,
                codes=dict(self._codes),
                statuses=dict(self._statuses),
                authors=dict(self._authors),
            )

    def calls_for(self, author_id: str) -> int:
        """How many requests named this ``oAuthorId`` (same as ``stats.calls_for``)."""
        with self._lock:
            return self._authors.get(author_id, 0)

    def reset_stats(self) -> None:
        """Zero every counter."""
        with self._lock:
            self._total = 0
            self._codes.clear()
            self._statuses.clear()
            self._authors.clear()

    # -- the core ---------------------------------------------------------------------

    def handle(
        self, method: str, path: str, query: Mapping[str, Sequence[str] | str]
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        """Answer one request: ``(HTTP status, headers, body)``.

        ``query`` maps each parameter to its values, as ``urllib.parse.parse_qs`` gives
        them (a bare string is taken as one value); the first value counts.
        """
        latency = self.latency
        if latency > 0:
            time.sleep(latency)
        author = _first(query, "oAuthorId") if path == ENDPOINT_PATH else None
        status, headers, body, code = self._decide(method.upper(), path, query, author)
        with self._lock:
            self._total += 1
            self._statuses[status] = self._statuses.get(status, 0) + 1
            if code is not None:
                self._codes[code] = self._codes.get(code, 0) + 1
            if author:
                self._authors[author] = self._authors.get(author, 0) + 1
        return status, headers, body

    def _decide(
        self,
        method: str,
        path: str,
        query: Mapping[str, Sequence[str] | str],
        author: str | None,
    ) -> tuple[int, Headers, bytes, int | None]:
        if path != ENDPOINT_PATH:
            return self._error(404, 404, "not found")
        if method != "GET":
            status, headers, body, code = self._error(400, 405, "method not allowed")
            headers.append(("Allow", "GET"))
            return status, headers, body, code

        with self._lock:
            self._follow_schedule()
            wait = self._take_token()
            fault = self._fault
            if wait is None and fault is not None and fault.after > 0:
                fault.after -= 1
                fault = None
            elif wait is None and fault is not None and fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    self._fault = None
        if wait is not None:
            status, headers, body, code = self._error(
                302, self.rate_limit_http_status, MESSAGES[302]
            )
            headers.append(("Retry-After", str(max(1, math.ceil(wait)))))
            return status, headers, body, code
        if fault is not None:
            return self._fault_answer(fault)

        token = _first(query, "token")
        if not token:
            return self._error(100, 200, "token is required")
        if self._tokens is not None and token not in self._tokens:
            return self._error(100, 200, MESSAGES[100])
        if not author:
            return self._error(400, 200, "oAuthorId is required")
        platform = _first(query, "platform")
        if platform is not None and platform not in PLATFORMS:
            return self._error(400, 200, "platform must be one of " + ", ".join(sorted(PLATFORMS)))
        failing = self.fail_authors.get(author)
        if failing is not None:
            return self._error(failing, 200, MESSAGES.get(failing, "error"))
        if self.random_faults:
            with self._lock:
                drawn = self._random.random() < self.random_faults
                chosen = self._random.choice(RANDOM_FAULTS) if drawn else None
            if chosen is not None:
                return self._fault_answer(chosen)
        if self.random_rate_limits:
            with self._lock:
                stray = self._random.random() < self.random_rate_limits
            if stray:
                return self._error(302, self.rate_limit_http_status, MESSAGES[302])
        return 200, [("Content-Type", _JSON)], self._envelope(0, self._data(author), "success"), 0

    def _follow_schedule(self) -> None:
        """Apply the steps of ``rate_schedule`` that are due (lock held)."""
        if not self._schedule:
            return
        now = self._clock()
        if self._schedule_start is None:
            self._schedule_start = now
        while self._schedule and now - self._schedule_start >= self._schedule[0][0]:
            rate = self._schedule.pop(0)[1]
            self._rate = None if rate is None else float(rate)
            self._bucket = 0.0 if rate is None else max(1.0, float(rate))
            self._bucket_time = now

    def _take_token(self) -> float | None:
        """Spend one rate-limit token; the seconds to wait when there is none (lock held)."""
        rate = self._rate
        if rate is None:
            return None
        now = self._clock()
        capacity = max(1.0, rate)
        self._bucket = min(capacity, self._bucket + max(0.0, now - self._bucket_time) * rate)
        self._bucket_time = now
        if self._bucket >= 1.0:
            self._bucket -= 1.0
            return None
        return (1.0 - self._bucket) / rate

    def _fault_answer(self, fault: _Fault) -> tuple[int, Headers, bytes, int | None]:
        if fault.html:
            headers: Headers = [("Content-Type", "text/html")]
            body, code = _html_page(fault.http_status), None
        else:
            code = fault.code if fault.code is not None else 500
            message = fault.message or MESSAGES.get(code, "error")
            headers = [("Content-Type", _JSON)]
            body = self._envelope(code, None, message)
        if fault.retry_after is not None:
            headers.append(("Retry-After", fault.retry_after))
        return fault.http_status, headers, body, code

    def _error(
        self, code: int, http_status: int, message: str
    ) -> tuple[int, Headers, bytes, int | None]:
        return http_status, [("Content-Type", _JSON)], self._envelope(code, None, message), code

    @staticmethod  # recordTime: China Standard Time (UTC+8), wall clock
    def _envelope(code: int, data: object, message: str) -> bytes:
        return orjson.dumps(
            {
                "code": code,
                "data": data,
                "message": message,
                "recordTime": datetime.now(_BEIJING).strftime("%Y-%m-%d %H:%M:%S"),
                "requestId": uuid.uuid4().hex,
            }
        )

    def _data(self, author: str) -> dict[str, Any]:
        """The success ``data`` for an author: the same for the same author, every time."""
        with self._lock:
            cached = self._data_cache.get(author)
        if cached is not None:
            return cached
        data = self._build_data(author)
        with self._lock:
            if len(self._data_cache) >= _DATA_CACHE_SIZE:
                self._data_cache.clear()
            self._data_cache[author] = data
        return data

    def _build_data(self, author: str) -> dict[str, Any]:
        template = _documented_data()
        record = _template_record(template)
        rng = random.Random(f"xingtu-mock:{author}")  # noqa: S311 - test data, not crypto
        used: set[str] = set()
        data: dict[str, Any] = {}
        for key, value in template.items():
            if not isinstance(value, list):
                data[key] = copy.deepcopy(value)
                continue
            count = self.order_hot_videos if key == "order_hot_videos" else self.videos_per_list
            videos = [self._video(record, rng, used) for _ in range(count)]
            sort_key = "create_time" if key == "newest_videos" else "play"
            videos.sort(key=lambda video: video.get(sort_key, 0), reverse=True)
            data[key] = videos
        return data

    @staticmethod
    def _video(template: Mapping[str, Any], rng: random.Random, used: set[str]) -> dict[str, Any]:
        video = copy.deepcopy(dict(template))
        item_id = str(rng.randint(_ID_LOW, _ID_HIGH))
        while item_id in used:
            item_id = str(rng.randint(_ID_LOW, _ID_HIGH))
        used.add(item_id)
        play = rng.randint(10_000, 30_000_000)
        like = play // rng.randint(20, 200)
        varied: dict[str, Any] = {
            "item_id": item_id,
            "play": play,
            "like": like,
            "comment": like // rng.randint(10, 60),
            "share": like // rng.randint(5, 40),
            "create_time": rng.randint(1_700_000_000, 1_772_000_000),
        }
        for name, new in varied.items():
            if name in video:  # never add a field the documented example lacks
                video[name] = new
        return video


# -- WSGI front end ---------------------------------------------------------------------


def _target(raw_path: str, raw_query: str) -> tuple[str, dict[str, list[str]]]:
    """Path and query from the latin-1 strings HTTP servers and WSGI hand over."""
    path = raw_path.encode("latin-1", "replace").decode("utf-8", "replace")
    query = raw_query.encode("latin-1", "replace").decode("utf-8", "replace")
    return path, parse_qs(query, keep_blank_values=True)


class MockWSGIApp:
    """A WSGI application answering through :meth:`MockAPI.handle`.

    With a ``spec``, ``GET spec_path`` serves that OpenAPI document (outside the API's
    statistics), which is what ``schemathesis.openapi.from_wsgi(spec_path, app)`` loads.
    """

    def __init__(
        self,
        api: MockAPI,
        *,
        spec: Mapping[str, Any] | bytes | None = None,
        spec_path: str = "/openapi.json",
    ) -> None:
        self.api = api
        self.spec_path = spec_path
        self._spec = spec if spec is None or isinstance(spec, bytes) else orjson.dumps(spec)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        raw_path = str(environ.get("SCRIPT_NAME", "")) + str(environ.get("PATH_INFO", ""))
        path, query = _target(raw_path, str(environ.get("QUERY_STRING", "")))
        if self._spec is not None and path == self.spec_path and method in ("GET", "HEAD"):
            status, headers, body = 200, [("Content-Type", _JSON)], self._spec
        else:
            status, headers, body = self.api.handle(method, path, query)
        if method == "HEAD":
            body = b""
        start_response(
            f"{status} {_phrase(status)}", [*headers, ("Content-Length", str(len(body)))]
        )
        return [body]


def make_wsgi_app(
    api: MockAPI | None = None,
    *,
    spec: Mapping[str, Any] | bytes | None = None,
    spec_path: str = "/openapi.json",
) -> MockWSGIApp:
    """A WSGI application for ``api`` (a fresh :class:`MockAPI` if ``None``); see ``.api``.

    For schemathesis, give the OpenAPI document (e.g. the bytes of ``openapi/xingtu.json``)
    as ``spec``: then ``schemathesis.openapi.from_wsgi("/openapi.json", app)`` works.
    """
    return MockWSGIApp(api if api is not None else MockAPI(), spec=spec, spec_path=spec_path)


# -- HTTP front end ---------------------------------------------------------------------

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

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
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


@contextlib.contextmanager
def instant_retries() -> Iterator[list[float]]:
    """Make every retry of this package's clients and batches wait for nothing.

    For your own tests: the block runs at full speed, and the list it yields records
    each wait a retry asked for (backoff or ``Retry-After``)::

        with instant_retries() as waits:
            client.author_rec_videos("7012345678901234567")
        assert waits == [1.0]
    """
    with _instant() as waits:
        yield waits
