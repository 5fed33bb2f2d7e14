"""The clients people use: :class:`XingtuClient` and its async twin :class:`AsyncXingtuClient`.

Both share :class:`~justoneapi_xingtu._base_client.BaseClient` (configuration, input checks,
decoding, retry schedule); each adds only its send-and-sleep loop.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, Self

import httpx

from . import _retry
from ._base_client import BaseClient
from ._config import (
    DEFAULT_INITIAL_CONCURRENCY,
    DEFAULT_MAX_CONCURRENCY,
    DEFAULT_MAX_RATE_LIMIT_RETRIES,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    Environment,
)
from ._methods import lazy_methods
from ._operation import Operation
from ._retry import RetryPolicy
from ._spec import DEFAULT_PLATFORM, REC_VIDEOS, find_operation
from .errors import JustOneAPIError, WrongEventLoopError
from .models import Answer, AuthorRecVideos

if TYPE_CHECKING:  # the batch engine is imported on first use: `import` stays fast
    from ._aiohttp import AiohttpSender
    from ._operations import AsyncOperations, Operations
    from ._spec import Platform, PlatformName
    from .batch import AsyncBatch, Batch
    from .batch._calls import AsyncCallBatch, CallBatch

__all__ = ["AsyncXingtuClient", "XingtuClient"]

if not TYPE_CHECKING:  # the methods of the other operations are added on first use
    Operations, AsyncOperations = lazy_methods("Operations"), lazy_methods("AsyncOperations")

MAX_CONNECTIONS = 256
Backend = Literal["httpx", "aiohttp"]


class XingtuClient(Operations, BaseClient):
    """Synchronous client. Thread-safe: one instance can serve many threads.

    Args:
        token: the API token; defaults to ``JUSTONEAPI_TOKEN``.
        env: ``Environment.GLOBAL``/``"prod-global"`` (default) or ``Environment.CN``/
            ``"prod-cn"``; defaults to ``JUSTONEAPI_ENV``.
        base_url: any base URL (a proxy, the mock server); wins over ``env``.
            Defaults to ``JUSTONEAPI_BASE_URL``.
        timeout: seconds for a whole call (connect to last byte, each attempt); default 60
            as the documentation advises, or ``JUSTONEAPI_TIMEOUT``.
        max_retries: retries of transient failures (301, 302, 500, 5xx-like codes, HTTP
            5xx without an envelope, connection errors, timeouts); 0 disables them.
        retry: a :class:`~justoneapi_xingtu.RetryPolicy` instead of ``max_retries``, to cap
            the retries of some codes (``RetryPolicy(max_retries=3, per_code={301: 2})``).
        max_response_bytes: answers larger than this, decoded, are refused without being
            loaded (a compression bomb is stopped as it inflates).
        http_client: your own ``httpx.Client`` (transports, proxies, TLS); you close it.
            The whole-call timeout then reaches body reads only: httpx's own timeouts
            are per socket read.

    The client's own pool honours ``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY`` and
    ``NO_PROXY`` as httpx does.

    Example::

        with XingtuClient() as client:
            result = client.author_rec_videos("7012345678901234567")
            for video in result.newest_videos:
                print(video.item_id, video.play)
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        env: Environment | str | None = None,
        base_url: str | None = None,
        timeout: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx.Client | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(
            token,
            env=env,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_response_bytes=max_response_bytes,
            retry=retry,
        )
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise ValueError(
                "http_client: expected an httpx.Client (use AsyncXingtuClient "
                "for an httpx.AsyncClient)"
            )
        # The pools (and httpcore, ~25 ms) load with the first client, not with the package.
        from ._transport import ShardedTransport, proxy_mounts

        self._owns_http = http_client is None
        if http_client is None:
            direct = ShardedTransport(MAX_CONNECTIONS)
            http_client = httpx.Client(
                timeout=self.timeout,
                transport=direct,
                mounts=proxy_mounts(MAX_CONNECTIONS, direct.ssl_context),
            )
        self._http = http_client

    def author_rec_videos(
        self, o_author_id: str, *, platform: Platform | PlatformName = DEFAULT_PLATFORM
    ) -> AuthorRecVideos:
        """An author's recommended videos: masterpiece, newest, order-hot and personal-hot.

        Raises a :class:`~justoneapi_xingtu.errors.BusinessError` subclass for a non-zero
        code, :class:`~justoneapi_xingtu.errors.TransportError` or
        :class:`~justoneapi_xingtu.errors.ProtocolError` otherwise, after retries.
        """
        result = self._request(REC_VIDEOS, {"o_author_id": o_author_id, "platform": platform})
        assert isinstance(result, AuthorRecVideos)
        return result

    def call(self, operation: str, /, **params: object) -> Answer | AuthorRecVideos:
        """Call any operation by its name (``client.operations()`` lists them) with its
        parameters by their Python names; see :meth:`author_rec_videos` for what it raises.

        ``author_rec_videos`` answers :class:`AuthorRecVideos`; every other operation an
        :class:`~justoneapi_xingtu.Answer` whose ``data`` is the decoded JSON::

            answer = client.call("author_base_info", o_author_id="7012345678901234567")
        """
        return self._request(find_operation(operation), params)

    def call_many(
        self,
        operations: str | Sequence[str],
        ids: Iterable[str],
        *,
        params: Mapping[str, object] | None = None,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        initial_concurrency: int = DEFAULT_INITIAL_CONCURRENCY,
        rate_per_s: float | None = None,
        adaptive: bool = True,
        max_rate_limit_retries: int = DEFAULT_MAX_RATE_LIMIT_RETRIES,
    ) -> CallBatch:
        """Many ids through one or several operations that take an id: see
        :meth:`AsyncXingtuClient.call_many`; runs as :meth:`author_rec_videos_many` does::

            with client.call_many(["author_base_info", "author_rec_videos"], ids) as batch:
                for outcome in batch:
                    print(outcome.operation, outcome.id, outcome.ok)
        """
        from .batch._calls import CallBatch, plan_calls

        return CallBatch(
            self,
            plan_calls(operations, ids, params or {}),
            max_concurrency=max_concurrency,
            initial_concurrency=initial_concurrency,
            rate_per_s=rate_per_s,
            adaptive=adaptive,
            max_rate_limit_retries=max_rate_limit_retries,
        )

    def _answer(self, operation: Operation, values: Mapping[str, object]) -> Answer:
        result = self._request(operation, values)
        assert isinstance(result, Answer)
        return result

    def _request(
        self, operation: Operation, values: Mapping[str, object]
    ) -> Answer | AuthorRecVideos:
        """One call of ``operation``: checked, sent, decoded and retried."""
        params = self._prepare(operation, values)
        attempt, started = 0, time.monotonic()
        while True:
            try:
                self._check_open()
                result = self._decode(operation, self._send(operation, params), params)
                result.attempts = attempt + 1
                return result
            except (JustOneAPIError, RuntimeError) as error:
                failure = self._failure(error)
            delay = self._next_delay(failure, attempt, self._label(operation, params), started)
            if delay is None:
                raise self._final(failure)
            _retry.sleep(delay)
            attempt += 1

    def author_rec_videos_many(
        self,
        author_ids: Iterable[str],
        platform: Platform | PlatformName = DEFAULT_PLATFORM,
        *,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        initial_concurrency: int = DEFAULT_INITIAL_CONCURRENCY,
        rate_per_s: float | None = None,
        adaptive: bool = True,
        max_rate_limit_retries: int = DEFAULT_MAX_RATE_LIMIT_RETRIES,
    ) -> Batch:
        """Many authors at once: an iterator of :class:`~justoneapi_xingtu.batch.Outcome`,
        one per distinct author, as they complete. See :mod:`justoneapi_xingtu.batch`.

        ``max_concurrency`` caps the calls in flight; ``adaptive`` starts at
        ``initial_concurrency``, grows while calls succeed and halves on rate limiting
        (``adaptive=False``: always ``max_concurrency``); ``rate_per_s`` caps the start
        rate. Code 100, 303, 600 or 601 raises :class:`~justoneapi_xingtu.BatchStoppedError`
        after the outcomes so far. ``batch.stop()`` ends it after the calls in flight,
        whose outcomes are still yielded; ``with`` (or ``close()``) stops it at once::

            with client.author_rec_videos_many(ids) as batch:
                for outcome in batch:
                    print(outcome.author_id, outcome.ok)
        """
        from .batch import Batch

        return Batch(
            self,
            author_ids,
            platform,
            max_concurrency=max_concurrency,
            initial_concurrency=initial_concurrency,
            rate_per_s=rate_per_s,
            adaptive=adaptive,
            max_rate_limit_retries=max_rate_limit_retries,
        )

    def _send(
        self, operation: Operation, params: dict[str, str]
    ) -> tuple[int, httpx.Headers, bytes]:
        from ._transport import deadline  # loaded by the constructor: a dictionary lookup

        # Raw bytes, decoded by _Body with a bound; every socket read within the deadline.
        with (
            deadline(self.timeout) as end,
            self._http_errors(),
            self._http.stream(
                "GET",
                self._httpx_url(operation, params),
                headers=self._headers,
                timeout=self.timeout,
            ) as response,
        ):
            body = self._body(response, end)
            for chunk in () if body.complete else response.iter_raw():
                body.add(chunk)
            return response.status_code, response.headers, body.value()

    def close(self) -> None:
        """Close the connection pool, if this client created it. Later calls raise
        :class:`~justoneapi_xingtu.ClientClosedError`; a call in flight that fails because of
        the close raises it too, without retries."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _LoopBinding:
    """The event loop an async pool belongs to: the loop of the client's first call.

    httpx's async connections are bound to the loop that opened them; used from another
    loop they fail with a raw ``RuntimeError`` (or hang), so that is refused up front.
    """

    __slots__ = ("loop",)

    def __init__(self) -> None:
        self.loop: object | None = None

    def check(self, *, bind: bool = True) -> None:
        """Raise :class:`WrongEventLoopError` unless called in the pool's loop (the first
        one seen, when ``bind``)."""
        # Imported here, not with the module: a sync program never pays for asyncio (~17 ms).
        import asyncio

        try:
            current: object = asyncio.get_running_loop()  # the common case, and the cheap one
        except RuntimeError:  # trio
            import anyio.lowlevel

            current = anyio.lowlevel.current_token().native_token
        if self.loop is None and bind:
            self.loop = current
        elif self.loop is not None and current is not self.loop:
            raise WrongEventLoopError()


class AsyncXingtuClient(AsyncOperations, BaseClient):
    """Asynchronous twin of :class:`XingtuClient` (asyncio or trio, through anyio).

    Same arguments, except ``http_client`` is an ``httpx.AsyncClient``, and ``backend``:
    ``"httpx"`` or ``"aiohttp"`` (asyncio only, the ``[aiohttp]`` or ``[cli]`` extra): the
    same calls on aiohttp's connection pool, for about a third of the CPU per call when
    many calls are in flight (see README, Performance). Not given (``None``): single calls
    use httpx (asyncio or trio), and :meth:`author_rec_videos_many` (asyncio only anyway)
    uses aiohttp when it is installed and can serve the connection (no ``http_client``,
    no proxy it cannot use), httpx otherwise. A choice given here, or to
    ``author_rec_videos_many(backend=...)``, wins::

        async with AsyncXingtuClient() as client:
            result = await client.author_rec_videos("7012345678901234567")

        async with AsyncXingtuClient(backend="aiohttp") as client:
            async for outcome in client.author_rec_videos_many(ids):
                ...
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        env: Environment | str | None = None,
        base_url: str | None = None,
        timeout: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx.AsyncClient | None = None,
        backend: Backend | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(
            token,
            env=env,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_response_bytes=max_response_bytes,
            retry=retry,
        )
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise ValueError(
                "http_client: expected an httpx.AsyncClient (use XingtuClient for an httpx.Client)"
            )
        # The pools (and httpcore, ~25 ms) load with the first client, not with the package.
        from ._transport import AsyncShardedTransport, async_proxy_mounts

        self._owns_http = http_client is None
        self._own_pool = http_client is None  # unlike _owns_http, the same in every copy
        self._aiohttp: AiohttpSender | None = _aiohttp_backend(backend, http_client)
        self._backend: Backend | None = backend
        # aiohttp senders made on demand for a batch: shared with the with_options() copies
        # and closed with the client.
        self._batch_senders: dict[str, AiohttpSender] = {}
        if http_client is None:
            direct = AsyncShardedTransport(MAX_CONNECTIONS)
            http_client = httpx.AsyncClient(
                timeout=self.timeout,
                transport=direct,
                mounts=async_proxy_mounts(MAX_CONNECTIONS, direct.ssl_context),
            )
        self._http = http_client
        self._loop = _LoopBinding()  # shared with the with_options() copies, like the pool

    async def author_rec_videos(
        self, o_author_id: str, *, platform: Platform | PlatformName = DEFAULT_PLATFORM
    ) -> AuthorRecVideos:
        """See :meth:`XingtuClient.author_rec_videos`."""
        values = {"o_author_id": o_author_id, "platform": platform}
        result = await self._request(REC_VIDEOS, values)
        assert isinstance(result, AuthorRecVideos)
        return result

    async def call(self, operation: str, /, **params: object) -> Answer | AuthorRecVideos:
        """See :meth:`XingtuClient.call`."""
        return await self._request(find_operation(operation), params)

    async def _answer(self, operation: Operation, values: Mapping[str, object]) -> Answer:
        result = await self._request(operation, values)
        assert isinstance(result, Answer)
        return result

    async def _request(
        self, operation: Operation, values: Mapping[str, object]
    ) -> Answer | AuthorRecVideos:
        """One call of ``operation``: checked, sent, decoded and retried."""
        params = self._prepare(operation, values)
        attempt, started = 0, time.monotonic()
        while True:
            try:
                self._check_open()
                self._loop.check()
                result = self._decode(operation, await self._send(operation, params), params)
                result.attempts = attempt + 1
                return result
            except (JustOneAPIError, RuntimeError) as error:
                failure = self._failure(error)
            delay = self._next_delay(failure, attempt, self._label(operation, params), started)
            if delay is None:
                raise self._final(failure)
            await _retry.async_sleep(delay)
            attempt += 1

    def author_rec_videos_many(
        self,
        author_ids: Iterable[str],
        platform: Platform | PlatformName = DEFAULT_PLATFORM,
        *,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        initial_concurrency: int = DEFAULT_INITIAL_CONCURRENCY,
        rate_per_s: float | None = None,
        adaptive: bool = True,
        max_rate_limit_retries: int = DEFAULT_MAX_RATE_LIMIT_RETRIES,
        backend: Backend | None = None,
    ) -> AsyncBatch:
        """See :meth:`XingtuClient.author_rec_videos_many` (asyncio)::

        async with client.author_rec_videos_many(ids) as batch:
            async for outcome in batch:
                print(outcome.author_id, outcome.ok)

        ``backend``: ``"httpx"`` or ``"aiohttp"`` for this batch; not given: the client's
        ``backend`` if it was given, else aiohttp when it is installed and can serve the
        connection (see the class), else httpx. ``batch.backend`` tells which it uses.
        """
        from .batch import AsyncBatch

        return AsyncBatch(
            self,
            author_ids,
            platform,
            max_concurrency=max_concurrency,
            initial_concurrency=initial_concurrency,
            rate_per_s=rate_per_s,
            adaptive=adaptive,
            max_rate_limit_retries=max_rate_limit_retries,
            backend=backend,
        )

    def call_many(
        self,
        operations: str | Sequence[str],
        ids: Iterable[str],
        *,
        params: Mapping[str, object] | None = None,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        initial_concurrency: int = DEFAULT_INITIAL_CONCURRENCY,
        rate_per_s: float | None = None,
        adaptive: bool = True,
        max_rate_limit_retries: int = DEFAULT_MAX_RATE_LIMIT_RETRIES,
        backend: Backend | None = None,
    ) -> AsyncCallBatch:
        """Many ids through one or several operations that take an id (``"kol_info"``,
        ``["author_base_info", "author_rec_videos"]``, or ``"a,b"``): each (operation, id)
        once, paced, retried and stopped as :meth:`author_rec_videos_many` does. ``params``
        go to every operation that takes them. Yields
        :class:`~justoneapi_xingtu.CallOutcome` as calls complete::

            async with client.call_many(["author_base_info", "author_rec_videos"], ids) as b:
                async for outcome in b:
                    print(outcome.operation, outcome.id, outcome.ok)
        """
        from .batch._calls import AsyncCallBatch, plan_calls

        return AsyncCallBatch(
            self,
            plan_calls(operations, ids, params or {}),
            max_concurrency=max_concurrency,
            initial_concurrency=initial_concurrency,
            rate_per_s=rate_per_s,
            adaptive=adaptive,
            max_rate_limit_retries=max_rate_limit_retries,
            backend=backend,
        )

    def _for_batch(self, backend: Backend | None) -> tuple[Backend, Self]:
        """The backend a batch uses and a copy of this client sending on it, without the
        client's own retries (the batch engine retries)."""
        if backend is not None and backend not in ("httpx", "aiohttp"):
            raise ValueError(f"backend: expected 'httpx' or 'aiohttp', got {backend!r}")
        chosen: Backend = backend or self._backend or self._auto_backend()
        single = self.with_options(max_retries=0)
        if chosen == "httpx":
            single._aiohttp = None
        elif single._aiohttp is None:
            if not self._own_pool:
                raise ValueError("backend: 'aiohttp' cannot serve a client given http_client")
            if "aiohttp" not in self._batch_senders:
                self._batch_senders["aiohttp"] = _new_aiohttp_sender()
            single._aiohttp = self._batch_senders["aiohttp"]
        return chosen, single

    def _auto_backend(self) -> Backend:
        """aiohttp when it is installed and can serve this client, else httpx."""
        if self._own_pool and aiohttp_installed() and _aiohttp_serves_proxies():
            return "aiohttp"
        return "httpx"

    async def _send(
        self, operation: Operation, params: dict[str, str]
    ) -> tuple[int, Mapping[str, str], bytes]:
        if self._aiohttp is not None:  # backend="aiohttp": the same call, on aiohttp
            return await self._aiohttp.send(self, self._url_for(operation, params))
        from ._transport import deadline  # loaded by the constructor: a dictionary lookup

        # Raw bytes, decoded by _Body with a bound; every socket read within the deadline.
        with deadline(self.timeout) as end, self._http_errors():
            async with self._http.stream(
                "GET",
                self._httpx_url(operation, params),
                headers=self._headers,
                timeout=self.timeout,
            ) as response:
                body = self._body(response, end)
                if not body.complete:
                    async for chunk in response.aiter_raw():
                        body.add(chunk)
                return response.status_code, response.headers, body.value()

    async def aclose(self) -> None:
        """Close the connection pool, if this client created it (in the event loop that
        used it: from another one, :class:`~justoneapi_xingtu.WrongEventLoopError`). Calls
        in flight end at once with :class:`~justoneapi_xingtu.ClientClosedError`, without
        retries."""
        if self._owns_http:
            self._loop.check(bind=False)
            await self._http.aclose()
            if self._aiohttp is not None:
                await self._aiohttp.aclose()
            for sender in self._batch_senders.values():
                await sender.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


def _aiohttp_backend(backend: object, http_client: object) -> AiohttpSender | None:
    """The aiohttp sender for ``backend="aiohttp"``, None for httpx (or not given); a clear
    error else."""
    if backend is None or backend == "httpx":
        return None
    if backend != "aiohttp":
        raise ValueError(f"backend: expected 'httpx' or 'aiohttp', got {backend!r}")
    if http_client is not None:
        raise ValueError("http_client: an httpx.AsyncClient cannot serve backend='aiohttp'")
    return _new_aiohttp_sender()


def _new_aiohttp_sender() -> AiohttpSender:
    try:
        from ._aiohttp import AiohttpSender
    except ModuleNotFoundError as exc:
        if exc.name not in ("aiohttp", "yarl"):
            raise
        raise ValueError(
            "backend: 'aiohttp' needs aiohttp: pip install 'justoneapi-xingtu[aiohttp]'"
        ) from None
    return AiohttpSender(MAX_CONNECTIONS)


def aiohttp_installed() -> bool:
    """Whether ``backend="aiohttp"`` can be used (aiohttp and yarl import)."""
    try:
        from ._aiohttp import AiohttpSender  # noqa: F401
    except ImportError:
        return False
    return True


def _aiohttp_serves_proxies() -> bool:
    """Whether the aiohttp backend honours every proxy the environment sets: it takes
    ``http://`` proxies from ``HTTP_PROXY``/``HTTPS_PROXY`` only (no ``ALL_PROXY``)."""
    import urllib.request

    proxies = urllib.request.getproxies()
    if "all" in proxies:
        return False
    chosen = (proxies[scheme] for scheme in ("http", "https") if scheme in proxies)
    return all(proxy.lower().startswith("http://") for proxy in chosen)
