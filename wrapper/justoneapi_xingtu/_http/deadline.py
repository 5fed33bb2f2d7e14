"""The whole-call deadline, at every socket operation of the clients' own pools.

httpx's timeouts are per socket operation, so a server trickling one byte per read never
trips them. Every connect, TLS handshake, write and read of a call made inside
``with deadline(seconds)`` is given ``min(its own timeout, the time left)``, headers
included; a call it cuts fails with :data:`DEADLINE_PASSED`. The pools get it through
``network_backend=``, a public argument of their constructors (``transport``).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar
from ssl import SSLContext
from typing import Any

import httpcore

DEADLINE_PASSED = "the whole-call deadline passed"

_Timeout = float | None

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


def passed() -> bool:
    """Whether the deadline of the call in progress (if any) has passed."""
    end = _DEADLINE.get()
    return end is not None and time.monotonic() >= end


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

    def read(self, max_bytes: int, timeout: _Timeout = None) -> bytes:
        return self._stream.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: _Timeout = None) -> None:
        self._stream.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: SSLContext, server_hostname: str | None = None, timeout: _Timeout = None
    ) -> httpcore.NetworkStream:
        try:
            timeout = _clamp(timeout, httpcore.ConnectTimeout)
        except httpcore.ConnectTimeout:  # httpcore closes a stream only when its TLS fails
            self._stream.close()
            raise
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class Backend(httpcore.NetworkBackend):
    """httpcore's sync network backend with the deadline at every socket operation (the
    other arguments passed on as given)."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self, host: str, port: int, timeout: _Timeout = None, *rest: Any, **named: Any
    ) -> httpcore.NetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _Stream(self._backend.connect_tcp(host, port, timeout, *rest, **named))

    def connect_unix_socket(
        self, path: str, timeout: _Timeout = None, *rest: Any, **named: Any
    ) -> httpcore.NetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _Stream(self._backend.connect_unix_socket(path, timeout, *rest, **named))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: _Timeout = None) -> bytes:
        return await self._stream.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: _Timeout = None) -> None:
        await self._stream.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: SSLContext, server_hostname: str | None = None, timeout: _Timeout = None
    ) -> httpcore.AsyncNetworkStream:
        try:
            timeout = _clamp(timeout, httpcore.ConnectTimeout)
        except httpcore.ConnectTimeout:
            await self._stream.aclose()
            raise
        return _AsyncStream(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class AsyncBackend(httpcore.AsyncNetworkBackend):
    """The async twin of :class:`Backend`."""

    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self, host: str, port: int, timeout: _Timeout = None, *rest: Any, **named: Any
    ) -> httpcore.AsyncNetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._backend.connect_tcp(host, port, timeout, *rest, **named))

    async def connect_unix_socket(
        self, path: str, timeout: _Timeout = None, *rest: Any, **named: Any
    ) -> httpcore.AsyncNetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._backend.connect_unix_socket(path, timeout, *rest, **named))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)
