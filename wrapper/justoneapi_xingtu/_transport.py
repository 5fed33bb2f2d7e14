"""Connection pools that stay fast at high concurrency.

httpcore's pool re-examines every queued request against every connection each time a
request starts or ends, so its cost per call grows with the square of the concurrency:
at 128 calls in flight on loopback, one pool spent ~10 ms of CPU per call and managed
about 100 calls/s. Splitting the same connections over small independent pools (shards
of 8) keeps that work constant; each request goes to the shard with the fewest requests
in flight, so a sequential caller keeps reusing one keep-alive connection.

The pools also carry two things httpx does not do by itself:

- the whole-call deadline (:func:`deadline`): httpx's timeouts are per socket operation,
  so a server trickling one byte per read never trips them. Every connect, TLS
  handshake, write and read of a call made inside ``with deadline(seconds)`` is given
  ``min(its own timeout, the time left)``, headers included.
- proxies (:func:`proxy_mounts`): a client given its own transport loses the mounts httpx
  builds from ``HTTP_PROXY``/``HTTPS_PROXY``/``ALL_PROXY``/``NO_PROXY``; they are rebuilt
  here from httpx's own reading of the environment, each proxy a sharded pool too.

Used only for the pools the clients create themselves; a caller's ``http_client`` is
left as it is.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
import typing
from collections.abc import AsyncIterator, Iterable, Iterator
from contextvars import ContextVar

import httpcore
import httpx
from httpx._utils import get_environment_proxies  # httpx's own trust_env reading

CONNECTIONS_PER_SHARD = 8

_DEADLINE: ContextVar[float | None] = ContextVar("justoneapi_xingtu_deadline", default=None)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[float]:
    """Bound every socket operation of the pools below, in this thread or task, to end
    within ``seconds`` from now; yields the deadline (``time.monotonic()`` clock)."""
    end = time.monotonic() + seconds
    token = _DEADLINE.set(end)
    try:
        yield end
    finally:
        _DEADLINE.reset(token)


def _clamp(timeout: float | None, expired: type[Exception]) -> float | None:
    """``min(timeout, time left)``; raises ``expired`` once the deadline has passed."""
    end = _DEADLINE.get()
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        raise expired("the whole-call deadline passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _Stream(
            self._backend.connect_tcp(host, port, timeout, local_address, socket_options)
        )

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _Stream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        stream = await self._backend.connect_tcp(host, port, timeout, local_address, socket_options)
        return _AsyncStream(stream)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._backend.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def _with_deadlines(transport: httpx.HTTPTransport) -> httpx.HTTPTransport:
    """Route the transport's sockets through :class:`_Backend`.

    httpx builds its httpcore pool (direct, HTTP proxy or SOCKS proxy) without a way to
    pass a network backend, so the one the pool made is wrapped in place.
    """
    pool = transport._pool
    pool._network_backend = _Backend(pool._network_backend)
    return transport


def _async_with_deadlines(transport: httpx.AsyncHTTPTransport) -> httpx.AsyncHTTPTransport:
    pool = transport._pool
    pool._network_backend = _AsyncBackend(pool._network_backend)
    return transport


def tls_failure(error: BaseException) -> ssl.SSLError | None:
    """The TLS error behind an httpx exception, when the handshake itself was refused
    (untrusted certificate, a plain-HTTP server behind ``https://``, no common protocol):
    a configuration problem no retry fixes. A timeout, or a connection cut during the
    handshake, is not one (it may be transient)."""
    if isinstance(error, httpx.TimeoutException):
        return None  # its chain may hold an SSLWantReadError from the cancelled handshake
    transient = (
        ssl.SSLEOFError,
        ssl.SSLZeroReturnError,
        ssl.SSLSyscallError,
        ssl.SSLWantReadError,
        ssl.SSLWantWriteError,
    )
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLError) and not isinstance(seen, transient):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


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


def _shard_count(max_connections: int) -> int:
    return max(1, -(-max_connections // CONNECTIONS_PER_SHARD))


def _shard_limits() -> httpx.Limits:
    return httpx.Limits(
        max_connections=CONNECTIONS_PER_SHARD, max_keepalive_connections=CONNECTIONS_PER_SHARD
    )


class _SyncRelease(httpx.SyncByteStream):
    def __init__(self, stream: httpx.SyncByteStream, load: _Load, index: int) -> None:
        self._stream, self._load, self._index = stream, load, index
        self._released = False

    def __iter__(self) -> Iterator[bytes]:
        yield from self._stream

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            if not self._released:
                self._released = True
                self._load.release(self._index)


class _AsyncRelease(httpx.AsyncByteStream):
    def __init__(self, stream: httpx.AsyncByteStream, load: _Load, index: int) -> None:
        self._stream, self._load, self._index = stream, load, index
        self._released = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            if not self._released:
                self._released = True
                self._load.release(self._index)


class ShardedTransport(httpx.BaseTransport):
    """``max_connections`` spread over pools of 8, each request to the least busy one;
    through ``proxy`` when given."""

    def __init__(
        self,
        max_connections: int,
        proxy: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        count = _shard_count(max_connections)
        # one for all shards (and the proxy mounts beside them): loading CAs costs ~20 ms
        context = ssl_context or httpx.create_ssl_context()
        self._shards = [
            _with_deadlines(
                httpx.HTTPTransport(verify=context, limits=_shard_limits(), proxy=proxy)
            )
            for _ in range(count)
        ]
        self._load = _Load(count)
        self.ssl_context = context

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        index = self._load.acquire()
        try:
            response = self._shards[index].handle_request(request)
        except BaseException:
            self._load.release(index)
            raise
        assert isinstance(response.stream, httpx.SyncByteStream)
        response.stream = _SyncRelease(response.stream, self._load, index)
        return response

    def close(self) -> None:
        for shard in self._shards:
            shard.close()


class AsyncShardedTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`ShardedTransport`."""

    def __init__(
        self,
        max_connections: int,
        proxy: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        count = _shard_count(max_connections)
        context = ssl_context or httpx.create_ssl_context()
        self._shards = [
            _async_with_deadlines(
                httpx.AsyncHTTPTransport(verify=context, limits=_shard_limits(), proxy=proxy)
            )
            for _ in range(count)
        ]
        self._load = _Load(count)
        self.ssl_context = context

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        index = self._load.acquire()
        try:
            response = await self._shards[index].handle_async_request(request)
        except BaseException:
            self._load.release(index)
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _AsyncRelease(response.stream, self._load, index)
        return response

    async def aclose(self) -> None:
        for shard in self._shards:
            await shard.aclose()


def proxy_mounts(
    max_connections: int, ssl_context: ssl.SSLContext | None = None
) -> dict[str, ShardedTransport | None]:
    """``mounts=`` for an ``httpx.Client``: what plain httpx would mount from the
    environment (``trust_env``), each proxy a sharded pool, ``NO_PROXY`` patterns direct."""
    return {
        pattern: None if url is None else ShardedTransport(max_connections, url, ssl_context)
        for pattern, url in get_environment_proxies().items()
    }


def async_proxy_mounts(
    max_connections: int, ssl_context: ssl.SSLContext | None = None
) -> dict[str, AsyncShardedTransport | None]:
    """The async twin of :func:`proxy_mounts`."""
    return {
        pattern: None if url is None else AsyncShardedTransport(max_connections, url, ssl_context)
        for pattern, url in get_environment_proxies().items()
    }
