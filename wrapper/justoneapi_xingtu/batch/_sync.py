"""The synchronous batch: the engine on an event loop in a worker thread, the calls on
a thread pool using the caller's sync client."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import queue
import threading
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Self

from .._config import (
    DEFAULT_INITIAL_CONCURRENCY,
    DEFAULT_MAX_CONCURRENCY,
    DEFAULT_MAX_RATE_LIMIT_RETRIES,
)
from .._spec import DEFAULT_PLATFORM, PlatformName, parse_platform
from ..models import AuthorRecVideos, BatchStats, Failure, Success
from ._controller import ConcurrencyController
from ._engine import StopSignal, _Options, _options, _prepare_ids, _run

if TYPE_CHECKING:
    from ..client import XingtuClient

__all__ = ["Batch"]


_END = object()


class _SyncRunner:
    """Runs the engine on an event loop in one worker thread; calls go to a thread pool.

    Kept apart from :class:`Batch` so that the worker thread does not keep the batch
    alive: a batch dropped without ``close()`` is closed when collected.
    """

    def __init__(
        self,
        client: XingtuClient,
        send: Callable[[XingtuClient, str], object],
        ids: list[str],
        platform: str,
        options: _Options,
        controller: ConcurrencyController,
        stats: BatchStats,
    ) -> None:
        """``send(client, key)`` makes one call on a copy of ``client`` without its own
        retries (the engine retries)."""
        self._single = client.with_options(max_retries=0)
        self._send = send
        self._retry = client.retry
        self._ids, self._platform, self._options = ids, platform, options
        self._controller, self._stats = controller, stats
        self.queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._ready = threading.Event()
        self._closing = False
        self.stop_signal = StopSignal()
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
        loop, single, send, platform = self._loop, self._single, self._send, self._platform

        def call(key: str) -> Awaitable[AuthorRecVideos]:
            return loop.run_in_executor(pool, send, single, key)  # type: ignore[arg-type]

        outcomes = _run(
            call,
            self._ids,
            platform,
            self._controller,
            self._stats,
            retry=self._retry,
            max_rate_limit_retries=self._options.max_rate_limit_retries,
            stop_signal=self.stop_signal,
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


class _SyncBatch:
    """What the sync batches share: iteration over the runner's queue, stop and close."""

    _runner: _SyncRunner
    _started: bool
    _finished: bool

    def _convert(self, outcome: Success | Failure) -> Any:
        return outcome

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> Any:
        if self._finished:
            raise StopIteration
        if not self._started:
            self._started = True
            self._runner.start()
        item = self._runner.queue.get()
        if isinstance(item, Success | Failure):
            return self._convert(item)
        self._finished = True
        self._runner.thread.join()
        if isinstance(item, BaseException):
            raise item
        raise StopIteration

    def stop(self) -> None:
        """Start nothing new; the calls in flight finish and are still yielded, then the
        iteration ends (idempotent; safe from a signal handler or another thread)."""
        self._runner.stop_signal.request()

    @property
    def stopping(self) -> bool:
        """Whether :meth:`stop` was called."""
        return self._runner.stop_signal.requested

    def close(self, *, drain: bool = False) -> list[Any]:
        """Stop: no new calls, worker threads joined. The calls in flight finish (each
        within the client's ``timeout``); their outcomes are discarded and ``[]``
        returned, or returned with ``drain=True``."""
        drained: list[Any] = []
        if drain and self._started and not self._finished:
            self.stop()
            drained = list(self)
        self._finished = True
        if self._started:
            self._runner.close()
        return drained

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            if self._started and not self._finished:
                self._runner.close()


def _rec_videos(client: XingtuClient, author_id: str, platform: PlatformName) -> AuthorRecVideos:
    return client.author_rec_videos(author_id, platform=platform)


class Batch(_SyncBatch):
    """The outcomes of :meth:`XingtuClient.author_rec_videos_many`, as they complete.

    An iterator. The calls run on an event loop in one worker thread, each on a pool of
    ``max_concurrency`` threads using your client (its pool, proxies and transport).
    To stop without losing a paid answer, call :meth:`stop` (from anywhere: a signal
    handler, another thread) and keep iterating: the calls in flight finish and are
    yielded, then the loop ends; ``unfinished`` lists the ids left. :meth:`close` (or
    ``with``, or dropping the batch) stops it at once: queued calls never start, calls
    in flight finish and are discarded (``close(drain=True)`` returns them), and every
    thread is joined.
    """

    def __init__(
        self,
        client: XingtuClient,
        author_ids: Iterable[str],
        platform: str = DEFAULT_PLATFORM,
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
        send = functools.partial(_rec_videos, platform=self.platform)
        self._runner = _SyncRunner(
            client, send, self.author_ids, self.platform, options, self.controller, self.stats
        )
        self._started = False
        self._finished = False

    if TYPE_CHECKING:

        def __next__(self) -> Success | Failure: ...

        def close(self, *, drain: bool = False) -> list[Success | Failure]: ...

    @property
    def unfinished(self) -> tuple[str, ...]:
        """The ids a :meth:`stop` left without an outcome (in input order): run them
        again later. Empty until the stop takes effect."""
        return self._runner.stop_signal.unfinished
