"""The sharded pools the clients create: keep-alive reuse, spreading, exact accounting."""

from __future__ import annotations

import time

import anyio
import httpcore
import pytest
from _faults import fault_server, truncated
from conftest import TOKEN, call

from justoneapi_xingtu import AsyncXingtuClient, RequestTimeoutError, TransportError, XingtuClient
from justoneapi_xingtu._http.deadline import AsyncBackend, Backend
from justoneapi_xingtu._http.transport import AsyncShardedTransport, ShardedTransport
from justoneapi_xingtu.testing import MockServer


def test_a_sequential_caller_reuses_one_keep_alive_connection() -> None:
    with MockServer(tokens={TOKEN}) as server, XingtuClient(TOKEN, base_url=server.base_url) as c:
        for i in range(20):
            c.author_rec_videos(str(7000000000000000000 + i))
        assert server.connections_opened == 1
        assert c._http._transport._load.counts == [0] * 32  # type: ignore[attr-defined]


def test_concurrent_async_calls_spread_over_shards_and_release_them() -> None:
    async def main(base_url: str) -> list[int]:
        async with AsyncXingtuClient(TOKEN, base_url=base_url) as client:
            transport = client._http._transport
            assert isinstance(transport, AsyncShardedTransport)
            async with anyio.create_task_group() as tg:
                for i in range(64):
                    tg.start_soon(client.author_rec_videos, str(7000000000000000000 + i))
            used = [len(shard.connections) for shard in transport._shards]
            return [*transport._load.counts, *used]

    with MockServer(tokens={TOKEN}, latency=0.05) as server:
        numbers = anyio.run(main, server.base_url)
    counts, used = numbers[:32], numbers[32:]
    assert counts == [0] * 32
    # 64 calls in flight at once: at least 8 shards hold connections, none more than 8.
    assert sum(1 for n in used if n) >= 8 and max(used) <= 8


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_failed_body_read_still_releases_its_shard(kind: str) -> None:
    body = b'{"code": 0, "data": {}, "message": null, "recordTime": null}'
    with fault_server(truncated(body)) as server:
        if kind == "sync":
            with XingtuClient(TOKEN, base_url=server.base_url, max_retries=0) as client:
                with pytest.raises(TransportError):
                    client.author_rec_videos("1")
                counts = client._http._transport._load.counts  # type: ignore[attr-defined]
        else:

            async def main() -> list[int]:
                async with AsyncXingtuClient(TOKEN, base_url=server.base_url, max_retries=0) as c:
                    with pytest.raises(TransportError):
                        await c.author_rec_videos("1")
                    return list(c._http._transport._load.counts)  # type: ignore[attr-defined]

            counts = anyio.run(main)
    assert counts == [0] * 32


def test_shard_count_follows_the_connection_cap() -> None:
    assert len(ShardedTransport(256)._shards) == 32
    assert len(ShardedTransport(9)._shards) == 2
    assert len(ShardedTransport(1)._shards) == 1


class _UnfinishedStream(httpcore.NetworkStream, httpcore.AsyncNetworkStream):
    """A connected socket on which TLS has not started; records that it was closed."""

    def __init__(self, closed: list[str]) -> None:
        self._closed = closed

    def close(self) -> None:
        self._closed.append("closed")

    async def aclose(self) -> None:
        self._closed.append("closed")


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_connect_that_uses_up_the_deadline_closes_its_socket_before_tls(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The TCP connect takes all the time the call had: the TLS handshake is not started,
    # and the connected socket is closed, not left to the garbage collector.
    closed: list[str] = []

    class SlowSync(httpcore.NetworkBackend):
        def connect_tcp(self, host: str, port: int, timeout: float | None = None, *a, **k):
            time.sleep(timeout + 0.01)
            return _UnfinishedStream(closed)

    class SlowAsync(httpcore.AsyncNetworkBackend):
        async def connect_tcp(self, host: str, port: int, timeout: float | None = None, *a, **k):
            await anyio.sleep(timeout + 0.01)
            return _UnfinishedStream(closed)

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(ShardedTransport, "_SOCKETS", (Backend, SlowSync))
    monkeypatch.setattr(AsyncShardedTransport, "_SOCKETS", (AsyncBackend, SlowAsync))
    with pytest.raises(RequestTimeoutError, match="deadline"):
        call(kind, "https://127.0.0.1:9", timeout=0.05, max_retries=0)
    assert closed == ["closed"]
