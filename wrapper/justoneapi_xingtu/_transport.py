"""Connection pools that stay fast at high concurrency.

httpcore's pool re-examines every queued request against every connection each time a
request starts or ends, so its cost per call grows with the square of the concurrency:
at 128 calls in flight on loopback, one pool spent ~10 ms of CPU per call and managed
about 100 calls/s. Splitting the same connections over small independent pools (shards
of 8) keeps that work constant; each request goes to the shard with the fewest requests
in flight, so a sequential caller keeps reusing one keep-alive connection.

Used only for the pools the clients create themselves; a caller's ``http_client`` is
left as it is.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator

import httpx

CONNECTIONS_PER_SHARD = 8


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
    """``max_connections`` spread over pools of 8, each request to the least busy one."""

    def __init__(self, max_connections: int) -> None:
        count = _shard_count(max_connections)
        context = httpx.create_ssl_context()  # one for all shards: loading CAs costs ~20 ms
        self._shards = [
            httpx.HTTPTransport(verify=context, limits=_shard_limits()) for _ in range(count)
        ]
        self._load = _Load(count)

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

    def __init__(self, max_connections: int) -> None:
        count = _shard_count(max_connections)
        context = httpx.create_ssl_context()
        self._shards = [
            httpx.AsyncHTTPTransport(verify=context, limits=_shard_limits()) for _ in range(count)
        ]
        self._load = _Load(count)

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
