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
  ``min(its own timeout, the time left)``, headers included; a call it cuts fails with
  ``DEADLINE_PASSED``.
- proxies (:func:`proxy_mounts`): a client given its own transport loses the mounts httpx
  builds from ``HTTP_PROXY``/``HTTPS_PROXY``/``ALL_PROXY``/``NO_PROXY``; they are rebuilt
  here by the rules httpx documents, each proxy a sharded pool too.

Only public APIs: the httpcore pools are built here (``network_backend=`` of their
constructors carries the deadline), the transports are ``httpx.BaseTransport``s of their
own, and the environment is read with :func:`urllib.request.getproxies`.

Used only for the pools the clients create themselves; a caller's ``http_client`` is
left as it is.
"""

from __future__ import annotations

import contextlib
import ipaddress
import ssl
import threading
import time
import typing
import urllib.request
from collections.abc import AsyncIterator, Iterable, Iterator
from contextvars import ContextVar

import httpcore
import httpx

CONNECTIONS_PER_SHARD = 8
DEADLINE_PASSED = "the whole-call deadline passed"

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
        raise expired(DEADLINE_PASSED)
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
        try:
            timeout = _clamp(timeout, httpcore.ConnectTimeout)
        except httpcore.ConnectTimeout:  # httpcore closes a stream only when its TLS fails
            self._stream.close()
            raise
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
        try:
            timeout = _clamp(timeout, httpcore.ConnectTimeout)
        except httpcore.ConnectTimeout:
            await self._stream.aclose()
            raise
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


# -- httpcore's errors as httpx's ---------------------------------------------------------

# Both sides are public classes; each httpcore error maps to the httpx error of the same
# name, found through the exception's MRO so the most specific one wins.
_ERRORS: dict[type[Exception], type[httpx.HTTPError]] = {
    httpcore.TimeoutException: httpx.TimeoutException,
    httpcore.ConnectTimeout: httpx.ConnectTimeout,
    httpcore.ReadTimeout: httpx.ReadTimeout,
    httpcore.WriteTimeout: httpx.WriteTimeout,
    httpcore.PoolTimeout: httpx.PoolTimeout,
    httpcore.NetworkError: httpx.NetworkError,
    httpcore.ConnectError: httpx.ConnectError,
    httpcore.ReadError: httpx.ReadError,
    httpcore.WriteError: httpx.WriteError,
    httpcore.ProxyError: httpx.ProxyError,
    httpcore.UnsupportedProtocol: httpx.UnsupportedProtocol,
    httpcore.ProtocolError: httpx.ProtocolError,
    httpcore.LocalProtocolError: httpx.LocalProtocolError,
    httpcore.RemoteProtocolError: httpx.RemoteProtocolError,
}


def _deadline_passed() -> bool:
    end = _DEADLINE.get()
    return end is not None and time.monotonic() >= end


@contextlib.contextmanager
def _httpx_errors() -> Iterator[None]:
    """Raise httpcore's errors as httpx's; a timeout once the whole-call deadline has
    passed says so (rather than which socket operation happened to be cut)."""
    try:
        yield
    except Exception as exc:
        for kind in type(exc).__mro__:
            target = _ERRORS.get(kind)
            if target is not None:
                timed_out = issubclass(target, httpx.TimeoutException)
                detail = DEADLINE_PASSED if timed_out and _deadline_passed() else str(exc)
                raise target(detail) from exc
        raise


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


# -- the pools ------------------------------------------------------------------------------

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


_SYNC_POOLS = (httpcore.ConnectionPool, httpcore.HTTPProxy, httpcore.SOCKSProxy)
_ASYNC_POOLS = (httpcore.AsyncConnectionPool, httpcore.AsyncHTTPProxy, httpcore.AsyncSOCKSProxy)


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


class _SyncBody(httpx.SyncByteStream):
    """A pool's response body: httpx's errors, and its shard released when closed."""

    def __init__(self, stream: typing.Any, load: _Load, index: int) -> None:
        self._stream, self._load, self._index = stream, load, index
        self._released = False

    def __iter__(self) -> Iterator[bytes]:
        with _httpx_errors():
            yield from self._stream

    def close(self) -> None:
        try:
            with _httpx_errors():
                self._stream.close()
        finally:
            if not self._released:
                self._released = True
                self._load.release(self._index)


class _AsyncBody(httpx.AsyncByteStream):
    def __init__(self, stream: typing.Any, load: _Load, index: int) -> None:
        self._stream, self._load, self._index = stream, load, index
        self._released = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _httpx_errors():
            async for chunk in self._stream:
                yield chunk

    async def aclose(self) -> None:
        try:
            with _httpx_errors():
                await self._stream.aclose()
        finally:
            if not self._released:
                self._released = True
                self._load.release(self._index)


def _intercepted(method: typing.Any, name: str) -> bool:
    """Whether a tool replaced httpx's own transport method (vcrpy does, to record and
    replay): then the calls go through it, on a plain ``httpx.HTTPTransport``, so that the
    tool sees them (without the shards and the whole-call deadline at the sockets)."""
    return hasattr(method, "__wrapped__") or getattr(method, "__qualname__", name) != name


class ShardedTransport(httpx.BaseTransport):
    """``max_connections`` spread over pools of 8, each request to the least busy one;
    through ``proxy`` when given; every socket operation bounded by :func:`deadline`."""

    def __init__(
        self,
        max_connections: int,
        proxy: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        count = _shard_count(max_connections)
        # one for all shards (and the proxy mounts beside them): loading CAs costs ~20 ms
        context = ssl_context or httpx.create_ssl_context()
        backend = _Backend(httpcore.SyncBackend())
        self._shards = [_pool(_SYNC_POOLS, backend, context, proxy) for _ in range(count)]
        self._load = _Load(count)
        self.ssl_context = context
        self._proxy = proxy
        self._plain_transport: httpx.HTTPTransport | None = None

    def _plain(self) -> httpx.HTTPTransport:
        if self._plain_transport is None:
            self._plain_transport = httpx.HTTPTransport(verify=self.ssl_context, proxy=self._proxy)
        return self._plain_transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        patched = httpx.HTTPTransport.handle_request
        if _intercepted(patched, "HTTPTransport.handle_request"):
            return patched(self._plain(), request)
        index = self._load.acquire()
        try:
            with _httpx_errors():
                answer = self._shards[index].handle_request(_core_request(request))
        except BaseException:
            self._load.release(index)
            raise
        return httpx.Response(
            status_code=answer.status,
            headers=answer.headers,
            stream=_SyncBody(answer.stream, self._load, index),
            extensions=answer.extensions,
        )

    def close(self) -> None:
        for shard in self._shards:
            shard.close()
        if self._plain_transport is not None:
            self._plain_transport.close()


class AsyncShardedTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`ShardedTransport` (asyncio or trio, through anyio)."""

    def __init__(
        self,
        max_connections: int,
        proxy: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        count = _shard_count(max_connections)
        context = ssl_context or httpx.create_ssl_context()
        backend = _AsyncBackend(httpcore.AnyIOBackend())
        self._shards = [_pool(_ASYNC_POOLS, backend, context, proxy) for _ in range(count)]
        self._load = _Load(count)
        self.ssl_context = context
        self._proxy = proxy
        self._plain_transport: httpx.AsyncHTTPTransport | None = None

    def _plain(self) -> httpx.AsyncHTTPTransport:
        if self._plain_transport is None:
            self._plain_transport = httpx.AsyncHTTPTransport(
                verify=self.ssl_context, proxy=self._proxy
            )
        return self._plain_transport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        patched = httpx.AsyncHTTPTransport.handle_async_request
        if _intercepted(patched, "AsyncHTTPTransport.handle_async_request"):
            return await patched(self._plain(), request)
        index = self._load.acquire()
        try:
            with _httpx_errors():
                answer = await self._shards[index].handle_async_request(_core_request(request))
        except BaseException:
            self._load.release(index)
            raise
        return httpx.Response(
            status_code=answer.status,
            headers=answer.headers,
            stream=_AsyncBody(answer.stream, self._load, index),
            extensions=answer.extensions,
        )

    async def aclose(self) -> None:
        for shard in self._shards:
            await shard.aclose()
        if self._plain_transport is not None:
            await self._plain_transport.aclose()


# -- proxies from the environment ----------------------------------------------------------


def environment_proxies() -> dict[str, str | None]:
    """httpx's ``trust_env`` reading of ``HTTP_PROXY``/``HTTPS_PROXY``/``ALL_PROXY``/
    ``NO_PROXY`` as mount patterns (pattern -> proxy URL, or None for direct), from the
    standard library's :func:`urllib.request.getproxies` and the rules httpx documents
    (curl's ``NO_PROXY``: ``*`` disables every proxy, ``.example.com`` its subdomains,
    ``example.com`` the domain and its subdomains, IP addresses and ``localhost`` as is).
    """
    found = urllib.request.getproxies()
    mounts: dict[str, str | None] = {}
    for scheme in ("http", "https", "all"):
        if url := found.get(scheme):
            mounts[f"{scheme}://"] = url if "://" in url else f"http://{url}"
    for host in (part.strip() for part in found.get("no", "").split(",")):
        if host == "*":
            return {}
        if not host:
            continue
        if "://" in host:
            mounts[host] = None
        elif _is_ip(host, 4) or host.lower() == "localhost":
            mounts[f"all://{host}"] = None
        elif _is_ip(host, 6):
            mounts[f"all://[{host}]"] = None
        else:
            mounts[f"all://*{host}"] = None
    return mounts


def _is_ip(host: str, version: int) -> bool:
    try:
        return ipaddress.ip_address(host.split("/")[0]).version == version
    except ValueError:
        return False


def proxy_mounts(
    max_connections: int, ssl_context: ssl.SSLContext | None = None
) -> dict[str, ShardedTransport | None]:
    """``mounts=`` for an ``httpx.Client``: what plain httpx would mount from the
    environment (``trust_env``), each proxy a sharded pool, ``NO_PROXY`` patterns direct."""
    return {
        pattern: None if url is None else ShardedTransport(max_connections, url, ssl_context)
        for pattern, url in environment_proxies().items()
    }


def async_proxy_mounts(
    max_connections: int, ssl_context: ssl.SSLContext | None = None
) -> dict[str, AsyncShardedTransport | None]:
    """The async twin of :func:`proxy_mounts`."""
    return {
        pattern: None if url is None else AsyncShardedTransport(max_connections, url, ssl_context)
        for pattern, url in environment_proxies().items()
    }
