"""Many authors at once: adaptive concurrency, rate pacing, retries and stop conditions.

``client.author_rec_videos_many(ids)`` returns an :class:`AsyncBatch` (async client) or
a :class:`Batch` (sync client): an iterator of :class:`Outcome`, one per distinct author,
in the order they complete. Three parts:

* :class:`ConcurrencyController` decides when the next call may start. It is pure (every
  method takes the time ``now``; no I/O, no sleeping), so its behaviour is testable
  without a clock. AIMD on the number of calls in flight (start at 4, grow while calls
  succeed and the window is full, halve on rate limiting) plus a pacing token bucket: at
  a 302 it estimates the rate the server allowed and paces new starts slightly below it,
  then probes upward slowly. ``Retry-After`` pauses every new start.
* the engine (:func:`_run`) sends each author's call once at a time (the client's own
  retries are switched off for it), so every 302 and HTTP 429 reaches the controller; it
  retries transient failures itself (``max_retries`` of the client, with backoff) and
  rate-limited calls after the pause (``max_rate_limit_retries``).
* stop conditions: 100, 303, 600 and 601 cancel the calls in flight, send no more, and
  raise :class:`~justoneapi_xingtu.errors.BatchStopped` after the outcomes finished so
  far were yielded.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import functools
import heapq
import logging
import math
import queue
import random
import threading
import time
from collections import Counter, deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Self, TypeVar

from justoneapi_xingtu_generated.models import Platform

from ._base import check_author_id, parse_platform
from .errors import (
    BatchStopped,
    DailyQuotaExceededError,
    InsufficientBalanceError,
    InvalidTokenError,
    JustOneAPIError,
    PermissionDeniedError,
    RateLimitError,
)
from .models import AuthorRecVideos

if TYPE_CHECKING:
    from ._base import BaseClient
    from .client import AsyncXingtuClient, XingtuClient

__all__ = [
    "STOP_ERRORS",
    "AsyncBatch",
    "Batch",
    "BatchStats",
    "ConcurrencyController",
    "Outcome",
    "Ticket",
    "is_rate_limited",
]

logger = logging.getLogger("justoneapi_xingtu")

from ._base import (  # noqa: E402 - defined there so that client.py need not import this module
    DEFAULT_INITIAL_CONCURRENCY,
    DEFAULT_MAX_CONCURRENCY,
    DEFAULT_MAX_RATE_LIMIT_RETRIES,
)

_RETRY_DELAY = 0.5
_MAX_RETRY_DELAY = 8.0
_MAX_PAUSE = 60.0

STOP_ERRORS: tuple[type[JustOneAPIError], ...] = (
    InvalidTokenError,
    DailyQuotaExceededError,
    PermissionDeniedError,
    InsufficientBalanceError,
)
"""Errors after which no later call of the batch can succeed: the batch stops."""

ClientT = TypeVar("ClientT", bound="BaseClient")


def is_rate_limited(error: JustOneAPIError) -> bool:
    """Code 302, or HTTP 429 whatever the body."""
    return isinstance(error, RateLimitError) or error.http_status == 429


@dataclass(frozen=True, slots=True)
class Outcome:
    """One author's result: ``result`` on success, else ``error``; never both."""

    author_id: str
    platform: str
    result: AuthorRecVideos | None = None
    error: JustOneAPIError | None = None
    attempts: int = 1
    """Requests sent for this author (retries and rate-limited calls included)."""

    @property
    def ok(self) -> bool:
        return self.error is None and self.result is not None

    def __repr__(self) -> str:
        what = repr(self.result) if self.ok else repr(self.error)
        return f"Outcome({self.author_id!r}, {self.platform}, attempts={self.attempts}, {what})"


# -- the controller -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ticket:
    """A started call, as the controller knows it."""

    started: float
    epoch: int


@dataclass(slots=True)
class _Epoch:
    """Calls started between two decreases: what the server let through."""

    first_start: float | None = None
    ok: int = 0
    last_ok_start: float = 0.0
    in_flight: int = 0

    def estimate(self, burst_s: float) -> float | None:
        """Calls per second the server allowed, assuming at most ``burst_s`` of burst."""
        if self.ok == 0 or self.first_start is None:
            return None
        return self.ok / (max(0.0, self.last_ok_start - self.first_start) + burst_s)


class ConcurrencyController:
    """When may the next call start? AIMD on concurrency plus a pacing token bucket.

    Pure and deterministic: every method takes the current time ``now`` (seconds, any
    monotonic origin); nothing here sleeps or reads a clock.

    * **window** (calls in flight): starts at ``initial_concurrency``; each success grows
      it, but only while the window is what limits (it filled up, and starts have not
      since dropped to half of it): +0.5 per success until the first rate limit (x1.5
      per round trip), then +1/window (+1 per round trip). A rate limit halves it,
      once per congestion episode (answers to calls started before the decrease do
      not halve it again). Never above
      ``max_concurrency``, never below 1, and never cut below what the pacing rate needs
      in flight (rate x observed latency).
    * **pause**: ``Retry-After`` (1 s when absent, at most 60 s) stops every new start
      until it has passed.
    * **pacing** (adaptive): at a rate limit the server's rate is estimated from the
      calls that succeeded since the previous decrease, ``ok / (span + burst_s)``
      (a limiter of R calls per second lets through at most R x (span + 1 s)), and new
      starts are paced at ``backoff`` x that estimate, growing by ``probe_per_s`` of it
      per second afterwards, so the batch settles just under an unknown limit and
      finds a raised one. ``rate_per_s`` is a fixed ceiling on top, in both modes.
    * ``adaptive=False``: the window stays at ``max_concurrency`` and only ``rate_per_s``
      paces; ``Retry-After`` still pauses.
    """

    def __init__(
        self,
        *,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        initial_concurrency: int = DEFAULT_INITIAL_CONCURRENCY,
        rate_per_s: float | None = None,
        adaptive: bool = True,
        backoff: float = 0.95,
        probe_per_s: float = 0.02,
        burst_s: float = 1.0,
        default_pause: float = 1.0,
    ) -> None:
        if isinstance(max_concurrency, bool) or not isinstance(max_concurrency, int):
            raise ValueError(f"max_concurrency: expected an integer >= 1, got {max_concurrency!r}")
        if max_concurrency < 1:
            raise ValueError(f"max_concurrency: expected an integer >= 1, got {max_concurrency!r}")
        if isinstance(initial_concurrency, bool) or not isinstance(initial_concurrency, int):
            raise ValueError("initial_concurrency: expected an integer >= 1")
        if initial_concurrency < 1:
            raise ValueError("initial_concurrency: expected an integer >= 1")
        if rate_per_s is not None and not (
            isinstance(rate_per_s, int | float) and rate_per_s > 0 and math.isfinite(rate_per_s)
        ):
            raise ValueError(f"rate_per_s: expected calls per second > 0, got {rate_per_s!r}")
        if not 0 < backoff <= 1:
            raise ValueError("backoff: expected a factor in (0, 1]")
        self.max_concurrency = max_concurrency
        self.rate_per_s = None if rate_per_s is None else float(rate_per_s)
        self.adaptive = adaptive
        self.backoff = backoff
        self.probe_per_s = probe_per_s
        self.burst_s = burst_s
        self.default_pause = default_pause
        self._window = float(
            min(initial_concurrency, max_concurrency) if adaptive else max_concurrency
        )
        self._slow_start = True
        self._saturated = False
        self.in_flight = 0
        self.paused_until = -math.inf
        self._pace: float | None = None  # adaptive pacing rate when set ...
        self._pace_since = 0.0  # ... and since when it grows
        self._tokens = 1.0
        self._tokens_at: float | None = None
        self._epoch = 0
        self._epochs: dict[int, _Epoch] = {0: _Epoch()}
        self._latency: float | None = None
        self.decreases = 0
        """How many times the window was halved (congestion episodes)."""
        self.rate_limited_calls = 0
        """Answers that were rate limits (302 or HTTP 429)."""

    # -- what it allows ----------------------------------------------------------------

    @property
    def limit(self) -> int:
        """Calls allowed in flight now."""
        return max(1, min(self.max_concurrency, math.floor(self._window)))

    def rate(self, now: float) -> float | None:
        """Pacing of new starts, calls per second, at ``now``; ``None``: not paced."""
        pace = self._pace
        if pace is not None:
            pace *= 1.0 + self.probe_per_s * max(0.0, now - self._pace_since)
        fixed = self.rate_per_s
        if pace is None:
            return fixed
        return pace if fixed is None else min(pace, fixed)

    def delay(self, now: float) -> float:
        """Seconds until a call may start: 0 now, ``math.inf`` until a call finishes."""
        if now < self.paused_until:
            return self.paused_until - now
        if self.in_flight >= self.limit:
            return math.inf
        rate = self.rate(now)
        if rate is None:
            return 0.0
        self._refill(now, rate)
        return 0.0 if self._tokens >= 1.0 else (1.0 - self._tokens) / rate

    def _refill(self, now: float, rate: float) -> None:
        capacity = max(1.0, rate * 0.1)  # at most 0.1 s of starts at once
        if self._tokens_at is not None:
            start = max(self._tokens_at, self.paused_until)  # no credit for a pause
            self._tokens += max(0.0, now - start) * rate
        self._tokens = min(self._tokens, capacity)
        self._tokens_at = now

    # -- what happened -----------------------------------------------------------------

    def start(self, now: float) -> Ticket:
        """Record a call starting at ``now`` (call only when :meth:`delay` is 0)."""
        rate = self.rate(now)
        if rate is not None:
            self._refill(now, rate)
            self._tokens -= 1.0
        self.in_flight += 1
        if self.in_flight >= self.limit:
            self._saturated = True  # the window is what limits: successes may grow it
        elif self.in_flight <= self.limit / 2:
            self._saturated = False  # something else limits (pacing, pauses, the input)
        epoch = self._epochs[self._epoch]
        if epoch.first_start is None:
            epoch.first_start = now
        epoch.in_flight += 1
        return Ticket(now, self._epoch)

    def succeeded(self, ticket: Ticket, now: float) -> None:
        """The call answered code 0."""
        self._finish(ticket, now)
        epoch = self._epochs.get(ticket.epoch)
        if epoch is not None:
            epoch.ok += 1
            epoch.last_ok_start = max(epoch.last_ok_start, ticket.started)
        if self.adaptive and self._saturated:
            self._window += 0.5 if self._slow_start else 1.0 / self._window
            self._window = min(self._window, float(self.max_concurrency))
        self._close_epoch(ticket.epoch)

    def failed(self, ticket: Ticket, now: float) -> None:
        """The call failed for any reason but rate limiting (neither grows nor shrinks)."""
        self._finish(ticket, now)
        self._close_epoch(ticket.epoch)

    def abandoned(self, ticket: Ticket) -> None:
        """The call was cancelled without an answer."""
        self.in_flight = max(0, self.in_flight - 1)
        epoch = self._epochs.get(ticket.epoch)
        if epoch is not None:
            epoch.in_flight -= 1
        self._close_epoch(ticket.epoch)

    def rate_limited(self, ticket: Ticket, now: float, retry_after: float | None) -> None:
        """The call was answered 302 or HTTP 429: pause, and (adaptive) slow down."""
        self.rate_limited_calls += 1
        self._finish(ticket, now)
        pause = self.default_pause if retry_after is None else min(retry_after, _MAX_PAUSE)
        self.paused_until = max(self.paused_until, now + pause)
        if self.adaptive and ticket.epoch == self._epoch:
            self._decrease(now)
        self._close_epoch(ticket.epoch)

    def _finish(self, ticket: Ticket, now: float) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        epoch = self._epochs.get(ticket.epoch)
        if epoch is not None:
            epoch.in_flight -= 1
        sample = max(0.0, now - ticket.started)
        self._latency = sample if self._latency is None else 0.8 * self._latency + 0.2 * sample

    def _decrease(self, now: float) -> None:
        self.decreases += 1
        self._slow_start = False
        old = self._epochs[self._epoch]
        self._set_pace(old, now)
        self._epoch += 1
        self._epochs[self._epoch] = _Epoch()
        needed = 1.0
        rate = self.rate(now)
        if rate is not None and self._latency is not None:
            needed = math.ceil(rate * self._latency * 1.25)
        self._window = max(1.0, self._window / 2.0, min(needed, float(self.max_concurrency)))

    def _set_pace(self, epoch: _Epoch, now: float) -> None:
        estimate = epoch.estimate(self.burst_s)
        if estimate is not None:
            self._pace = self.backoff * estimate
        elif self._pace is not None:  # nothing got through since the last decrease
            self._pace = max(self._pace * 0.5, 1.0 / _MAX_PAUSE)
        else:
            return  # rate limited before anything succeeded: the pause and window act
        self._pace_since = max(now, self.paused_until)
        self._tokens = min(self._tokens, 1.0)

    def _close_epoch(self, number: int) -> None:
        """When the calls of the episode before the last decrease have all answered,
        refine the pacing estimate with the successes that were still in flight."""
        epoch = self._epochs.get(number)
        if epoch is None or epoch.in_flight > 0 or number == self._epoch:
            return
        del self._epochs[number]
        if number == self._epoch - 1 and epoch.ok > 0:
            estimate = epoch.estimate(self.burst_s)
            if estimate is not None and self._pace is not None:
                self._pace = max(self._pace, self.backoff * estimate)

    def __repr__(self) -> str:
        return (
            f"ConcurrencyController(limit={self.limit}, in_flight={self.in_flight}, "
            f"pace={self._pace}, rate_per_s={self.rate_per_s}, adaptive={self.adaptive})"
        )


# -- statistics -----------------------------------------------------------------------


@dataclass
class BatchStats:
    """Live counters of a batch (read them while it runs, e.g. for a progress bar)."""

    total: int
    succeeded: int = 0
    failed: int = 0
    calls: int = 0
    """Requests sent."""
    retried: int = 0
    """Requests that repeated an author's earlier one (after a failure or a rate limit)."""
    rate_limited: int = 0
    """Answers that were rate limits (302 or HTTP 429)."""
    in_flight: int = 0
    concurrency: int = 0
    """The controller's current window."""
    pacing: float | None = None
    """The controller's current pacing, calls per second (``None``: not paced)."""
    errors: Counter[str] = field(default_factory=Counter)
    """Final failures by kind: ``"code 400"``, ``"TransportError"``..."""
    started_at: float = field(default_factory=time.monotonic)
    finished_at: float | None = None

    @property
    def done(self) -> int:
        return self.succeeded + self.failed

    @property
    def elapsed(self) -> float:
        end = self.finished_at if self.finished_at is not None else time.monotonic()
        return max(0.0, end - self.started_at)

    @property
    def throughput(self) -> float:
        """Authors finished per second so far."""
        elapsed = self.elapsed
        return self.done / elapsed if elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current throughput, if it can be told."""
        rate = self.throughput
        if self.done == 0 or rate <= 0:
            return None
        return (self.total - self.done) / rate


def _error_kind(error: JustOneAPIError) -> str:
    code = getattr(error, "code", None)
    return f"code {code}" if isinstance(code, int) else type(error).__name__


# -- the engine -----------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    author_id: str
    attempts: int = 0
    retries: int = 0
    rate_limited: int = 0


def _prepare_ids(author_ids: Iterable[str]) -> list[str]:
    """Checked, de-duplicated (first occurrence kept) author ids, in input order."""
    if isinstance(author_ids, str):
        raise ValueError("author_ids: expected an iterable of ids, got one string")
    seen: dict[str, None] = {}
    for index, author_id in enumerate(author_ids):
        try:
            seen.setdefault(check_author_id(author_id), None)
        except ValueError as error:
            raise ValueError(f"author_ids[{index}]: {error}") from None
    return list(seen)


def _backoff(retries: int, retry_after: float | None) -> float:
    if retry_after is not None and retry_after <= _MAX_PAUSE:
        return retry_after
    delay = min(_RETRY_DELAY * float(2**retries), _MAX_RETRY_DELAY)
    return delay * (1 - 0.25 * random.random())  # noqa: S311 - jitter, not crypto


async def _run(
    call: Callable[[str], Awaitable[AuthorRecVideos]],
    ids: list[str],
    platform: str,
    controller: ConcurrencyController,
    stats: BatchStats,
    *,
    max_retries: int,
    max_rate_limit_retries: int,
    clock: Callable[[], float] = time.monotonic,
) -> AsyncGenerator[Outcome, None]:
    """Outcomes of ``call(author_id)`` for every id, as they complete (asyncio)."""
    ready: deque[_Item] = deque(_Item(author_id) for author_id in ids)
    delayed: list[tuple[float, int, _Item]] = []  # (due, seq, item) heap
    seq = 0
    running: dict[asyncio.Future[AuthorRecVideos], tuple[_Item, Ticket]] = {}
    stats.started_at = clock()

    def refresh() -> None:
        stats.in_flight = len(running)
        stats.concurrency = controller.limit
        stats.pacing = controller.rate(clock())

    def final(item: _Item, error: JustOneAPIError) -> Outcome:
        error.attempts = item.attempts
        stats.failed += 1
        stats.errors[_error_kind(error)] += 1
        return Outcome(item.author_id, platform, error=error, attempts=item.attempts)

    try:
        while ready or delayed or running:
            now = clock()
            while delayed and delayed[0][0] <= now:
                ready.append(heapq.heappop(delayed)[2])
            wait = math.inf
            while ready:
                wait = controller.delay(now)
                if wait > 0:
                    break
                item = ready.popleft()
                ticket = controller.start(now)
                item.attempts += 1
                stats.calls += 1
                if item.attempts > 1:
                    stats.retried += 1
                running[asyncio.ensure_future(call(item.author_id))] = (item, ticket)
            if delayed:
                wait = min(wait, delayed[0][0] - now)
            refresh()
            timeout = None if math.isinf(wait) else max(wait, 0.0005)
            if running:
                done, _ = await asyncio.wait(
                    running, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
                )
            else:
                await asyncio.sleep(timeout if timeout is not None else 0.0)
                continue
            now = clock()
            outcomes: list[Outcome] = []
            stop: JustOneAPIError | None = None
            for future in done:
                item, ticket = running.pop(future)
                error = future.exception()
                if error is None:
                    controller.succeeded(ticket, now)
                    result = future.result()
                    result.attempts = item.attempts
                    stats.succeeded += 1
                    outcomes.append(
                        Outcome(item.author_id, platform, result=result, attempts=item.attempts)
                    )
                    continue
                if not isinstance(error, JustOneAPIError):
                    controller.failed(ticket, now)
                    raise error
                error.attempts = item.attempts
                if isinstance(error, STOP_ERRORS):
                    controller.failed(ticket, now)
                    stop = stop or error
                    ready.appendleft(item)  # unfinished: reported in BatchStopped
                elif is_rate_limited(error):
                    controller.rate_limited(ticket, now, error.retry_after)
                    stats.rate_limited += 1
                    if item.rate_limited < max_rate_limit_retries:
                        item.rate_limited += 1
                        ready.appendleft(item)  # first in line once the pause is over
                        logger.debug(
                            "author %s: rate limited; retried after the pause", item.author_id
                        )
                    else:
                        outcomes.append(final(item, error))
                else:
                    controller.failed(ticket, now)
                    if error.retryable and item.retries < max_retries:
                        delay = _backoff(item.retries, error.retry_after)
                        item.retries += 1
                        seq += 1
                        heapq.heappush(delayed, (now + delay, seq, item))
                        logger.info(
                            "author %s: %s; retry %d/%d in %.2f s",
                            item.author_id,
                            _error_kind(error),
                            item.retries,
                            max_retries,
                            delay,
                        )
                    else:
                        outcomes.append(final(item, error))
            refresh()
            for outcome in outcomes:
                yield outcome
            if stop is not None:
                unfinished: list[_Item] = []
                for future in running:
                    future.cancel()
                await asyncio.gather(*running, return_exceptions=True)
                for future, (item, ticket) in running.items():
                    if not future.cancelled() and future.exception() is None:
                        controller.succeeded(ticket, clock())
                        stats.succeeded += 1
                        yield Outcome(
                            item.author_id, platform, result=future.result(), attempts=item.attempts
                        )
                    else:
                        controller.abandoned(ticket)
                        unfinished.append(item)
                running.clear()
                unfinished += ready
                unfinished += [entry[2] for entry in delayed]
                order = {author_id: i for i, author_id in enumerate(ids)}
                left = tuple(sorted((i.author_id for i in unfinished), key=order.__getitem__))
                logger.warning("batch stopped: %s", stop)
                raise BatchStopped(stop, completed=stats.done, unfinished=left)
    finally:
        for future in running:
            future.cancel()
        if running:
            await asyncio.gather(*running, return_exceptions=True)
            for _item, ticket in running.values():
                controller.abandoned(ticket)
            running.clear()
        stats.finished_at = clock()
        refresh()


def _single_attempt(client: ClientT) -> ClientT:
    """The same client (connection pool, token, endpoint) with its own retries off.

    The batch retries by itself so that every rate limit reaches the controller. The
    copy shares the caller's pool and never closes it.
    """
    clone = copy.copy(client)
    clone.max_retries = 0
    clone._owns_http = False
    return clone


@dataclass(frozen=True, slots=True)
class _Options:
    max_concurrency: int
    initial_concurrency: int
    rate_per_s: float | None
    adaptive: bool
    max_rate_limit_retries: int

    def controller(self) -> ConcurrencyController:
        return ConcurrencyController(
            max_concurrency=self.max_concurrency,
            initial_concurrency=self.initial_concurrency,
            rate_per_s=self.rate_per_s,
            adaptive=self.adaptive,
        )


def _options(
    max_concurrency: int,
    initial_concurrency: int,
    rate_per_s: float | None,
    adaptive: bool,
    max_rate_limit_retries: int,
) -> _Options:
    if isinstance(max_rate_limit_retries, bool) or not isinstance(max_rate_limit_retries, int):
        raise ValueError("max_rate_limit_retries: expected an integer >= 0")
    if max_rate_limit_retries < 0:
        raise ValueError("max_rate_limit_retries: expected an integer >= 0")
    options = _Options(
        max_concurrency, initial_concurrency, rate_per_s, adaptive, max_rate_limit_retries
    )
    options.controller()  # validates the rest
    return options


class AsyncBatch:
    """The outcomes of :meth:`AsyncXingtuClient.author_rec_videos_many`, as they complete.

    An async iterator (asyncio): ``async for outcome in batch``. ``stats`` and
    ``controller`` are live while it runs. Leaving the loop early? Close it (``async
    with`` or :meth:`aclose`) to cancel the calls in flight at once.
    """

    def __init__(
        self,
        client: AsyncXingtuClient,
        author_ids: Iterable[str],
        platform: Platform | str = Platform.SHORT_VIDEO,
        *,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        initial_concurrency: int = DEFAULT_INITIAL_CONCURRENCY,
        rate_per_s: float | None = None,
        adaptive: bool = True,
        max_rate_limit_retries: int = DEFAULT_MAX_RATE_LIMIT_RETRIES,
    ) -> None:
        options = _options(
            max_concurrency, initial_concurrency, rate_per_s, adaptive, max_rate_limit_retries
        )
        self.author_ids = _prepare_ids(author_ids)
        self.platform = parse_platform(platform)
        self.controller = options.controller()
        self.stats = BatchStats(total=len(self.author_ids))
        single = _single_attempt(client)
        chosen = self.platform

        def call(author_id: str) -> Awaitable[AuthorRecVideos]:
            return single.author_rec_videos(author_id, platform=chosen)

        self._outcomes = _run(
            call,
            self.author_ids,
            chosen.value,
            self.controller,
            self.stats,
            max_retries=client.max_retries,
            max_rate_limit_retries=options.max_rate_limit_retries,
        )

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> Outcome:
        return await self._outcomes.__anext__()

    async def aclose(self) -> None:
        """Cancel the calls in flight and send no more (idempotent)."""
        await self._outcomes.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


_END = object()


class _SyncRunner:
    """Runs the engine on an event loop in one worker thread; calls go to a thread pool.

    Kept apart from :class:`Batch` so that the worker thread does not keep the batch
    alive: a batch dropped without ``close()`` is closed when collected.
    """

    def __init__(
        self,
        client: XingtuClient,
        ids: list[str],
        platform: Platform,
        options: _Options,
        controller: ConcurrencyController,
        stats: BatchStats,
    ) -> None:
        self._single = _single_attempt(client)
        self._max_retries = client.max_retries
        self._ids, self._platform, self._options = ids, platform, options
        self._controller, self._stats = controller, stats
        self.queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._ready = threading.Event()
        self._closing = False
        self.thread = threading.Thread(target=self._main, name="xingtu-batch", daemon=True)

    def start(self) -> None:
        self.thread.start()
        self._ready.wait()

    def _main(self) -> None:
        try:
            asyncio.run(self._serve())
        except BaseException as error:  # noqa: BLE001 - handed to the consumer's thread
            self.queue.put(error)
        finally:
            self._ready.set()
            self.queue.put(_END)

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        self._ready.set()
        if self._closing:
            return
        pool = ThreadPoolExecutor(self._options.max_concurrency, thread_name_prefix="xingtu-call")
        loop, single, platform = self._loop, self._single, self._platform

        def call(author_id: str) -> Awaitable[AuthorRecVideos]:
            return loop.run_in_executor(
                pool, functools.partial(single.author_rec_videos, author_id, platform=platform)
            )

        outcomes = _run(
            call,
            self._ids,
            platform.value,
            self._controller,
            self._stats,
            max_retries=self._max_retries,
            max_rate_limit_retries=self._options.max_rate_limit_retries,
        )
        try:
            async with contextlib.aclosing(outcomes):
                async for outcome in outcomes:
                    self.queue.put(outcome)
        except asyncio.CancelledError:
            if not self._closing:
                raise
        finally:
            # Calls already running in the pool finish (bounded by the client's timeout);
            # the queued ones never start.
            pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self._closing = True
        loop, task = self._loop, self._task
        if loop is not None and task is not None and self.thread.is_alive():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(task.cancel)
        if self.thread.is_alive() and threading.current_thread() is not self.thread:
            self.thread.join()


class Batch:
    """The outcomes of :meth:`XingtuClient.author_rec_videos_many`, as they complete.

    An iterator. The calls run on an event loop in one worker thread, each on a pool of
    ``max_concurrency`` threads using your client (its pool, proxies and transport).
    :meth:`close` (or ``with``, or dropping the batch) stops it: queued calls never start,
    calls in flight finish and are discarded, and every thread is joined.
    """

    def __init__(
        self,
        client: XingtuClient,
        author_ids: Iterable[str],
        platform: Platform | str = Platform.SHORT_VIDEO,
        *,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        initial_concurrency: int = DEFAULT_INITIAL_CONCURRENCY,
        rate_per_s: float | None = None,
        adaptive: bool = True,
        max_rate_limit_retries: int = DEFAULT_MAX_RATE_LIMIT_RETRIES,
    ) -> None:
        options = _options(
            max_concurrency, initial_concurrency, rate_per_s, adaptive, max_rate_limit_retries
        )
        self.author_ids = _prepare_ids(author_ids)
        self.platform = parse_platform(platform)
        self.controller = options.controller()
        self.stats = BatchStats(total=len(self.author_ids))
        self._runner = _SyncRunner(
            client, self.author_ids, self.platform, options, self.controller, self.stats
        )
        self._started = False
        self._finished = False

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> Outcome:
        if self._finished:
            raise StopIteration
        if not self._started:
            self._started = True
            self._runner.start()
        item = self._runner.queue.get()
        if isinstance(item, Outcome):
            return item
        self._finished = True
        self._runner.thread.join()
        if isinstance(item, BaseException):
            raise item
        raise StopIteration

    def close(self) -> None:
        """Stop: no new calls, calls in flight discarded, worker threads joined."""
        self._finished = True
        if self._started:
            self._runner.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            if self._started and not self._finished:
                self._runner.close()
