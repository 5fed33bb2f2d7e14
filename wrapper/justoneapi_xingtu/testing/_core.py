"""The mock's pure core: :class:`MockAPI` decides every answer (envelope, faults, rate
limits, latency) without any I/O of its own; the front ends only carry bytes."""

from __future__ import annotations

import copy
import importlib.resources
import json
import math
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cache
from http import HTTPStatus
from typing import Any, Final, TypedDict

import orjson

from .. import _spec_data
from .._operation import Operation

_NEUTRAL: Final[dict[str, Callable[[], Any]]] = {
    "int": int,
    "float": float,
    "str": str,
    "bool": bool,
    "list[str]": list,
}

_TYPED: Final = _spec_data.OPERATIONS["author_rec_videos"]
ENDPOINT_PATH: Final = _TYPED.path
"""The path of the typed operation (recommended videos): the spec's, through ``_spec_data``."""
_BY_PATH: Final = {op.path: op for op in _spec_data.OPERATIONS.values()}
"""Every operation the mock answers, by path: the operation table's."""
PLATFORMS: Final = frozenset(_spec_data.PLATFORMS)

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
    resource = importlib.resources.files(__package__ or "justoneapi_xingtu.testing").joinpath(
        "_data", "documented_example.json"
    )
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


def _generic(operation: Operation, query: Mapping[str, Sequence[str] | str]) -> dict[str, Any]:
    """A small answer for an operation whose data the spec leaves untyped: the same for
    the same arguments, every time."""
    sent = {p.wire: _first(query, p.wire) for p in operation.params if p.wire in query}
    rng = random.Random(f"xingtu-mock:{operation.name}:{sorted(sent.items())}")  # noqa: S311
    return {"operation": operation.name, "query": sent, "value": rng.randrange(10**6)}


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
    HTTP status (HTML fault pages included), ``authors`` requests by ``oAuthorId``
    whatever their outcome, ``operations`` requests by operation name, ``calls`` requests
    by (operation name, value of its id parameter).
    """

    total: int = 0
    codes: Mapping[int, int] = field(default_factory=dict)
    statuses: Mapping[int, int] = field(default_factory=dict)
    authors: Mapping[str, int] = field(default_factory=dict)
    operations: Mapping[str, int] = field(default_factory=dict)
    calls: Mapping[tuple[str, str], int] = field(default_factory=dict)

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
        self._operations: dict[str, int] = {}
        self._calls: dict[tuple[str, str], int] = {}

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
                operations=dict(self._operations),
                calls=dict(self._calls),
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
            self._operations.clear()
            self._calls.clear()

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
        operation = _BY_PATH.get(path)
        author = _first(query, "oAuthorId") if operation else None
        status, headers, body, code = self._decide(method.upper(), path, query, author)
        with self._lock:
            self._total += 1
            if operation is not None:
                self._operations[operation.name] = self._operations.get(operation.name, 0) + 1
                key = _first(query, operation.id_param.wire) if operation.id_param else None
                if key:
                    call = (operation.name, key)
                    self._calls[call] = self._calls.get(call, 0) + 1
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
        operation = _BY_PATH.get(path)
        if operation is None:
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
        for param in operation.params:
            value = _first(query, param.wire)
            if not value and param.required:
                return self._error(400, 200, f"{param.wire} is required")
            if value is not None and param.enum and value not in param.enum:
                choices = ", ".join(sorted(param.enum))
                return self._error(400, 200, f"{param.wire} must be one of {choices}")
        key = _first(query, operation.id_param.wire) if operation.id_param else None
        failing = self.fail_authors.get(key) if key else None
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
        data = self._data(author) if operation is _TYPED and author else _generic(operation, query)
        return 200, [("Content-Type", _JSON)], self._envelope(0, data, "success"), 0

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
        for name, kind in _spec_data.VIDEO_FIELDS:
            # A field the spec gained after the example was written: its neutral value.
            video.setdefault(name, _NEUTRAL[kind]())
        return video


# -- WSGI front end ---------------------------------------------------------------------
