"""Connection pools that stay fast at high concurrency.

httpcore's pool re-examines every queued request against every connection each time a
request starts or ends, so its cost per call grows with the square of the concurrency:
at 128 calls in flight on loopback, one pool spent ~10 ms of CPU per call and managed
about 100 calls/s. Splitting the same connections over small independent pools (shards
of 8) keeps that work constant; each request goes to the shard with the fewest requests
in flight, so a sequential caller keeps reusing one keep-alive connection.

Each socket operation of these pools is bounded by the whole-call deadline (``deadline``),
and the proxies of the environment are mounted as sharded pools too (``proxies``). The
sync and async transports share everything but the calls they await (:class:`_Shards`).

Only public APIs: the httpcore pools are built here (``network_backend=`` of their
constructors carries the deadline), the transports are ``httpx.BaseTransport``s of their
own. Used only for the pools the clients create themselves; a caller's ``http_client`` is
left as it is.
"""

from __future__ import annotations

import ssl
import threading
import typing
from collections.abc import AsyncIterator, Iterator
from types import TracebackType

import httpcore
import httpx

from .deadline import AsyncBackend, Backend
from .failures import as_httpx, httpx_errors
from .proxies import environment_proxies
from .tls import default_context

CONNECTIONS_PER_SHARD = 8

_LIMITS: dict[str, typing.Any] = {
    "max_connections": CONNECTIONS_PER_SHARD,
    "max_keepalive_connections": CONNECTIONS_PER_SHARD,
    "keepalive_expiry": 5.0,  # httpx's default
}


def _pool(
    kinds: tuple[type, type, type],
    backend: httpcore.NetworkBackend | httpcore.AsyncNetworkBackend,
    context: ssl.SSLContext,
    proxy: str | None,
) -> typing.Any:
    """One httpcore pool (direct, HTTP(S) proxy or SOCKS proxy) as ``httpx.HTTPTransport``
    builds it, but with ``backend`` given through the pools' public constructors."""
    direct, http_proxy, socks_proxy = kinds
    if proxy is None:
        return direct(ssl_context=context, network_backend=backend, **_LIMITS)
    parsed = httpx.Proxy(url=proxy)  # refuses an unknown scheme, takes the userinfo out
    url = httpcore.URL(
        scheme=parsed.url.raw_scheme,
        host=parsed.url.raw_host,
        port=parsed.url.port,
        target=parsed.url.raw_path,
    )
    if parsed.url.scheme in ("http", "https"):
        return http_proxy(
            proxy_url=url,
            proxy_auth=parsed.raw_auth,
            proxy_headers=parsed.headers.raw,
            ssl_context=context,
            proxy_ssl_context=parsed.ssl_context,
            network_backend=backend,
            **_LIMITS,
        )
    return socks_proxy(  # socks5, socks5h: needs socksio, as httpx's would
        proxy_url=url,
        proxy_auth=parsed.raw_auth,
        ssl_context=context,
        network_backend=backend,
        **_LIMITS,
    )


def _core_request(request: httpx.Request) -> httpcore.Request:
    url = request.url
    return httpcore.Request(
        method=request.method,
        url=httpcore.URL(
            scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
        ),
        headers=request.headers.raw,
        content=request.stream,
        extensions=request.extensions,
    )


class _Load:
    """Requests in flight per shard; thread-safe (the sync client is shared by threads)."""

    def __init__(self, shards: int) -> None:
        self.counts = [0] * shards
        self._lock = threading.Lock()

    def acquire(self) -> int:
        with self._lock:
            index = min(range(len(self.counts)), key=self.counts.__getitem__)
            self.counts[index] += 1
            return index

    def release(self, index: int) -> None:
        with self._lock:
            self.counts[index] -= 1


class _Sending:
    """One request on the least busy shard (``with`` gives its index): httpcore's errors
    raised as httpx's, and the shard released at once if no response comes back."""

    __slots__ = ("_load", "index")

    def __init__(self, load: _Load) -> None:
        self._load = load
        self.index = load.acquire()

    def __enter__(self) -> int:
        return self.index

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc is None:
            return
        self._load.release(self.index)
        if isinstance(exc, Exception) and (mapped := as_httpx(exc)) is not None:
            raise mapped from exc


class _Body:
    """A pool's response body: its shard released when closed, once."""

    def __init__(self, stream: typing.Any, load: _Load, index: int) -> None:
        self._stream, self._load, self._index = stream, load, index
        self._released = False

    def _release(self) -> None:
        if not self._released:
            self._released = True
            self._load.release(self._index)


class _SyncBody(_Body, httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        with httpx_errors():
            yield from self._stream

    def close(self) -> None:
        try:
            with httpx_errors():
                self._stream.close()
        finally:
            self._release()


class _AsyncBody(_Body, httpx.AsyncByteStream):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        with httpx_errors():
            async for chunk in self._stream:
                yield chunk

    async def aclose(self) -> None:
        try:
            with httpx_errors():
                await self._stream.aclose()
        finally:
            self._release()


class _Shards:
    """What both transports hold: ``max_connections`` spread over pools of 8 (through
    ``proxy`` when given, every socket operation bounded by the deadline), the load of
    each, and a plain httpx transport made when a tool intercepts httpx's own."""

    # set by each transport: its kind of pools, of network backend (the deadline's wrapper
    # and httpcore's), of body, of plain transport and that transport's method
    _POOLS: typing.ClassVar[tuple[type, type, type]]
    _SOCKETS: typing.ClassVar[tuple[type, type]]
    _BODY: typing.ClassVar[type[_SyncBody] | type[_AsyncBody]]
    _PLAIN: typing.ClassVar[type[httpx.HTTPTransport] | type[httpx.AsyncHTTPTransport]]
    _METHOD: typing.ClassVar[str]

    def __init__(
        self,
        max_connections: int,
        proxy: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        count = max(1, -(-max_connections // CONNECTIONS_PER_SHARD))
        # one for all shards, the proxy mounts and every other client: see tls.py
        context = ssl_context or default_context()
        deadline_backend, backend = self._SOCKETS
        sockets = deadline_backend(backend())
        self._shards = [_pool(self._POOLS, sockets, context, proxy) for _ in range(count)]
        self._load = _Load(count)
        self.ssl_context = context
        self._max_connections = max_connections
        self._proxy = proxy
        self._plain_transport: typing.Any = None

    def proxy_mounts(self) -> dict[str, typing.Self | None]:
        """``mounts=`` for an httpx client: what plain httpx would mount from the
        environment (``trust_env``), each proxy a transport like this one (its size, its
        TLS context), ``NO_PROXY`` patterns direct."""
        size, context = self._max_connections, self.ssl_context
        return {
            pattern: None if url is None else type(self)(size, url, context)
            for pattern, url in environment_proxies().items()
        }

    def _intercepted(self) -> typing.Any:
        """The plain httpx transport when a tool replaced httpx's own transport method
        (vcrpy does, to record and replay), else None: the calls then go through it, so
        that the tool sees them (without the shards and the deadline at the sockets)."""
        method = getattr(self._PLAIN, self._METHOD)
        name = self._PLAIN.__name__ + "." + self._METHOD
        if not hasattr(method, "__wrapped__") and getattr(method, "__qualname__", name) == name:
            return None
        if self._plain_transport is None:
            self._plain_transport = self._PLAIN(verify=self.ssl_context, proxy=self._proxy)
        return self._plain_transport

    def _response(self, answer: httpcore.Response, index: int) -> httpx.Response:
        return httpx.Response(
            status_code=answer.status,
            headers=answer.headers,
            stream=self._BODY(answer.stream, self._load, index),
            extensions=answer.extensions,
        )

    def _to_close(self) -> list[typing.Any]:
        """Every pool to close: the shards and, once made, the plain transport."""
        return [*self._shards, *filter(None, [self._plain_transport])]


class ShardedTransport(_Shards, httpx.BaseTransport):
    """``max_connections`` spread over pools of 8, each request to the least busy one;
    through ``proxy`` when given; every socket operation bounded by the deadline."""

    _POOLS = (httpcore.ConnectionPool, httpcore.HTTPProxy, httpcore.SOCKSProxy)
    _SOCKETS = (Backend, httpcore.SyncBackend)
    _BODY, _PLAIN, _METHOD = _SyncBody, httpx.HTTPTransport, "handle_request"

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if (plain := self._intercepted()) is not None:
            return plain.handle_request(request)  # type: ignore[no-any-return]
        with _Sending(self._load) as index:
            answer = self._shards[index].handle_request(_core_request(request))
        return self._response(answer, index)

    def close(self) -> None:
        for pool in self._to_close():
            pool.close()


class AsyncShardedTransport(_Shards, httpx.AsyncBaseTransport):
    """The async twin of :class:`ShardedTransport` (asyncio or trio, through anyio)."""

    _POOLS = (httpcore.AsyncConnectionPool, httpcore.AsyncHTTPProxy, httpcore.AsyncSOCKSProxy)
    _SOCKETS = (AsyncBackend, httpcore.AnyIOBackend)
    _BODY, _PLAIN, _METHOD = _AsyncBody, httpx.AsyncHTTPTransport, "handle_async_request"

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if (plain := self._intercepted()) is not None:
            return await plain.handle_async_request(request)  # type: ignore[no-any-return]
        with _Sending(self._load) as index:
            answer = await self._shards[index].handle_async_request(_core_request(request))
        return self._response(answer, index)

    async def aclose(self) -> None:
        for pool in self._to_close():
            await pool.aclose()
