"""The batch engine: send each author's call, feed the controller, retry, stop.

It sends each author's call once at a time (the client's own retries are switched off
for it through ``with_options(max_retries=0)``), so every 302 and HTTP 429 reaches the
controller; the client's :class:`~justoneapi_xingtu.RetryPolicy` decides which failures
it tries again: transient ones after the policy's wait, rate-limited calls after their
own ``Retry-After`` (at once without one; the same policy, with
``max_rate_limit_retries`` as its limit), and after any pause of the controller. The
errors :func:`~._stops.stops_batch` names (100, 303, 600, 601, a refused TLS handshake,
a ``Retry-After`` longer than 60 s) cancel the calls in flight, send no more, and raise
:class:`~justoneapi_xingtu.errors.BatchStoppedError` after the outcomes finished so far
were yielded, with the ids still to fetch (``unfinished``).

A :class:`StopSignal` (``batch.stop()``) asks for a graceful stop: nothing new starts
(neither queued ids nor retries), the calls in flight finish and their outcomes are
yielded (a failure among them is final, not retried), then the iteration ends; the ids
left without an outcome are in ``StopSignal.unfinished``.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import math
import time
from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

from .. import _retry
from .._config import (
    DEFAULT_INITIAL_CONCURRENCY,
    DEFAULT_MAX_CONCURRENCY,
    DEFAULT_MAX_RATE_LIMIT_RETRIES,
)
from .._redact import package_logger
from .._spec import DEFAULT_PLATFORM, check_author_id, parse_platform
from ..errors import (
    BatchStoppedError,
    JustOneAPIError,
    RequestTimeoutError,
    error_kind,
)
from ..models import AuthorRecVideos, BatchStats, Failure, Success
from ._controller import ConcurrencyController, Ticket
from ._stops import STOPPING_ERRORS, is_rate_limited, stops_batch

if TYPE_CHECKING:
    from .._retry import RetryPolicy
    from ..client import AsyncXingtuClient, Backend

__all__ = ["AsyncBatch", "StopSignal", "is_rate_limited"]


@dataclass(slots=True)
class _Item:
    author_id: str
    attempts: int = 0
    retries: int = 0
    rate_limited: int = 0
    started: float = 0.0
    """When its first call started (the engine's clock)."""


class StopSignal:
    """A request to stop a running batch gracefully; :meth:`request` is safe from any
    thread and from a signal handler."""

    def __init__(self) -> None:
        self.requested = False
        self.unfinished: tuple[str, ...] = ()
        """The ids left without an outcome, once a requested stop took effect."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Future[None] | None = None

    def bind(self) -> asyncio.Future[None]:
        """A future of the running loop, done once a stop is requested."""
        self._loop = asyncio.get_running_loop()
        self._wake = self._loop.create_future()
        if self.requested:
            self._wake.set_result(None)
        return self._wake

    def request(self) -> None:
        """Start nothing new; let the calls in flight finish (idempotent)."""
        self.requested = True
        loop, wake = self._loop, self._wake
        if loop is None or wake is None or loop.is_closed():
            return  # not running yet (bind() sees the request) or finished
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            _wake_up(wake)
        else:
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(_wake_up, wake)


def _wake_up(wake: asyncio.Future[None]) -> None:
    if not wake.done():
        wake.set_result(None)


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


async def _run(
    call: Callable[[str], Awaitable[AuthorRecVideos]],
    ids: list[str],
    platform: str,
    controller: ConcurrencyController,
    stats: BatchStats,
    *,
    retry: RetryPolicy | None = None,
    max_retries: int | None = None,
    max_rate_limit_retries: int,
    clock: Callable[[], float] = time.monotonic,
    stop_signal: StopSignal | None = None,
) -> AsyncGenerator[Success | Failure, None]:
    """Outcomes of ``call(author_id)`` for every id, as they complete (asyncio); after
    ``stop_signal.request()``, only those of the calls already in flight. Transient
    failures are retried by ``retry`` (``max_retries`` replaces its limit), rate limits
    by the same policy with ``max_rate_limit_retries`` as its limit."""
    retry = _retry.policy(None, max_retries, base=retry)
    rate_retry = _retry.policy(None, max_rate_limit_retries, base=retry)
    ready: deque[_Item] = deque(_Item(author_id) for author_id in ids)
    wake = stop_signal.bind() if stop_signal is not None else None
    stopping = False
    delayed: list[tuple[float, int, _Item]] = []  # (due, seq, item) heap
    seq = 0
    running: dict[asyncio.Future[AuthorRecVideos], tuple[_Item, Ticket]] = {}
    # Calls report their own end (one callback each), so a wake-up costs what finished,
    # not a pass over every call in flight as asyncio.wait() would make.
    finished: deque[asyncio.Future[AuthorRecVideos]] = deque()
    waiter: asyncio.Future[None] | None = None
    loop = asyncio.get_running_loop()
    stats.started_at = clock()

    def on_done(future: asyncio.Future[AuthorRecVideos]) -> None:
        finished.append(future)
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def on_stop(_: asyncio.Future[None]) -> None:
        if waiter is not None:
            _wake(waiter)

    if wake is not None:
        wake.add_done_callback(on_stop)

    def refresh() -> None:
        stats.in_flight = len(running)
        stats.concurrency = controller.limit
        stats.pacing = controller.rate(clock())

    def final(item: _Item, error: JustOneAPIError) -> Failure:
        error.attempts = item.attempts
        if isinstance(error, RequestTimeoutError):
            error.after_attempts(item.attempts, clock() - item.started)
        stats.failed += 1
        stats.errors[error_kind(error)] += 1
        return Failure(item.author_id, platform, error=error, attempts=item.attempts)

    try:
        while ready or delayed or running:
            if wake is not None and wake.done() and not stopping:
                stopping, wake = True, None
                left = [*ready, *(entry[2] for entry in delayed)]
                ready.clear()
                delayed.clear()
                assert stop_signal is not None
                stop_signal.unfinished = _in_order(ids, left)
                package_logger().info("batch stopping: %d call(s) in flight finish", len(running))
                if not running:
                    break
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
                if item.attempts == 1:
                    item.started = now
                stats.calls += 1
                if item.attempts > 1:
                    stats.retried += 1
                started: asyncio.Future[AuthorRecVideos]
                started = asyncio.ensure_future(call(item.author_id))
                started.add_done_callback(on_done)
                running[started] = (item, ticket)
            if delayed:
                wait = min(wait, delayed[0][0] - now)
            refresh()
            timeout = None if math.isinf(wait) else max(wait, 0.0005)
            if not running:
                if wake is None:
                    await asyncio.sleep(timeout if timeout is not None else 0.0)
                else:  # a stop ends the wait (for a pause, a retry's backoff)
                    await asyncio.wait([wake], timeout=timeout)
                continue
            if not finished:
                waiter = loop.create_future()
                alarm = None if timeout is None else loop.call_later(timeout, _wake, waiter)
                try:
                    await waiter
                finally:
                    waiter = None
                    if alarm is not None:
                        alarm.cancel()
            now = clock()
            outcomes: list[Success | Failure] = []
            stop: JustOneAPIError | None = None
            while finished:
                future = finished.popleft()
                entry = running.pop(future, None)
                if entry is None:
                    continue  # ended after the batch gave it up (cancelled on a stop)
                item, ticket = entry
                error = future.exception()
                if error is None:
                    controller.succeeded(ticket, now)
                    result = future.result()
                    result.attempts = item.attempts
                    stats.succeeded += 1
                    outcomes.append(
                        Success(item.author_id, platform, result=result, attempts=item.attempts)
                    )
                    continue
                if not isinstance(error, JustOneAPIError):
                    controller.failed(ticket, now)
                    raise error
                error.attempts = item.attempts
                limited = is_rate_limited(error) and not isinstance(error, STOPPING_ERRORS)
                if limited:
                    controller.rate_limited(ticket, now, error.retry_after)
                    stats.rate_limited += 1
                else:
                    controller.failed(ticket, now)
                if stops_batch(error):
                    stop = stop or error
                    ready.appendleft(item)  # unfinished: reported in BatchStoppedError
                elif limited:  # tried again after its own Retry-After, at once without one
                    if not stopping and rate_retry.decide(error, item.rate_limited) is not None:
                        item.rate_limited += 1
                        wait_s = error.retry_after or 0.0
                        if wait_s > 0:
                            seq += 1
                            due = now + _retry.wait_for(wait_s)
                            heapq.heappush(delayed, (due, seq, item))
                        else:
                            ready.appendleft(item)  # first in line
                        package_logger().debug(
                            "author %s: rate limited; retried in %.2f s", item.author_id, wait_s
                        )
                    else:
                        outcomes.append(final(item, error))
                else:
                    delay = None if stopping else retry.decide(error, item.retries)
                    if delay is not None:
                        item.retries += 1
                        seq += 1
                        heapq.heappush(delayed, (now + _retry.wait_for(delay), seq, item))
                        label, limit = f"author {item.author_id}", retry.limit(error)
                        _retry.log_retry(error, label, item.retries, limit, delay)
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
                        yield Success(
                            item.author_id, platform, result=future.result(), attempts=item.attempts
                        )
                    else:
                        controller.abandoned(ticket)
                        unfinished.append(item)
                running.clear()
                unfinished += ready
                unfinished += [entry[2] for entry in delayed]
                package_logger().warning("batch stopped: %s", stop)
                to_run = _in_order(ids, unfinished)
                raise BatchStoppedError(stop, completed=stats.done, unfinished=to_run)
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


def _in_order(ids: list[str], items: Iterable[_Item]) -> tuple[str, ...]:
    order = {author_id: i for i, author_id in enumerate(ids)}
    return tuple(sorted((item.author_id for item in items), key=order.__getitem__))


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


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
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
    initial_concurrency: int = DEFAULT_INITIAL_CONCURRENCY,
    rate_per_s: float | None = None,
    adaptive: bool = True,
    max_rate_limit_retries: int = DEFAULT_MAX_RATE_LIMIT_RETRIES,
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


class _AsyncBatch:
    """What the async batches share: iteration over the engine's outcomes, stop, close."""

    _outcomes: AsyncGenerator[Success | Failure, None]
    _stop: StopSignal

    def _convert(self, outcome: Success | Failure) -> Any:
        return outcome

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> Any:
        return self._convert(await self._outcomes.__anext__())

    def stop(self) -> None:
        """Start nothing new; the calls in flight finish and are still yielded, then the
        iteration ends (idempotent; safe from a signal handler or another thread)."""
        self._stop.request()

    @property
    def stopping(self) -> bool:
        """Whether :meth:`stop` was called."""
        return self._stop.requested

    async def aclose(self, *, drain: bool = False) -> list[Any]:
        """Send no more (idempotent). By default the calls in flight are cancelled at
        once (their answers are lost) and ``[]`` is returned; ``drain=True`` waits for
        them (each within the client's ``timeout``) and returns their outcomes."""
        drained: list[Any] = []
        if drain:
            self.stop()
            drained = [self._convert(outcome) async for outcome in self._outcomes]
        await self._outcomes.aclose()
        return drained

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


class AsyncBatch(_AsyncBatch):
    """The outcomes of :meth:`AsyncXingtuClient.author_rec_videos_many`, as they complete.

    An async iterator (asyncio): ``async for outcome in batch``. ``stats`` and
    ``controller`` are live while it runs; ``backend`` names the HTTP backend in use.
    To stop without losing a paid answer, call :meth:`stop` (from anywhere: another
    task, a signal handler) and keep iterating: the calls in flight finish and are
    yielded, then the loop ends; ``unfinished`` lists the ids left. :meth:`aclose` (or
    leaving ``async with``, or cancelling the task that iterates) abandons the calls in
    flight at once; ``aclose(drain=True)`` waits for them and returns their outcomes.
    """

    def __init__(
        self,
        client: AsyncXingtuClient,
        author_ids: Iterable[str],
        platform: str = DEFAULT_PLATFORM,
        *,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        initial_concurrency: int = DEFAULT_INITIAL_CONCURRENCY,
        rate_per_s: float | None = None,
        adaptive: bool = True,
        max_rate_limit_retries: int = DEFAULT_MAX_RATE_LIMIT_RETRIES,
        backend: Backend | None = None,
    ) -> None:
        options = _options(
            max_concurrency, initial_concurrency, rate_per_s, adaptive, max_rate_limit_retries
        )
        self.author_ids = _prepare_ids(author_ids)
        self.platform = parse_platform(platform)
        self.controller = options.controller()
        self.stats = BatchStats(total=len(self.author_ids))
        self._stop = StopSignal()
        self.backend, single = client._for_batch(backend)
        """The HTTP backend the calls go through: ``"httpx"`` or ``"aiohttp"``."""
        chosen = self.platform

        def call(author_id: str) -> Awaitable[AuthorRecVideos]:
            return single.author_rec_videos(author_id, platform=chosen)

        self._outcomes = _run(
            call,
            self.author_ids,
            chosen,
            self.controller,
            self.stats,
            retry=client.retry,
            max_rate_limit_retries=options.max_rate_limit_retries,
            stop_signal=self._stop,
        )

    if TYPE_CHECKING:

        async def __anext__(self) -> Success | Failure: ...

        async def aclose(self, *, drain: bool = False) -> list[Success | Failure]: ...

    @property
    def unfinished(self) -> tuple[str, ...]:
        """The ids a :meth:`stop` left without an outcome (in input order): run them
        again later. Empty until the stop takes effect."""
        return self._stop.unfinished
