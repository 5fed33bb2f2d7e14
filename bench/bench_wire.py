"""On the wire: CPU per call and calls/s over loopback TCP, against raw aiohttp.

The mock server runs in its own process (so its CPU is not counted) and adds 50 ms to
every answer. Each client keeps ``concurrency`` calls in flight; CPU per call is this
process's CPU time (user + system) over the calls made, so a client that needs less CPU
per call leaves more of a loaded machine to everything else.

* raw aiohttp: one ``aiohttp.ClientSession``, ``session.get(url)`` + ``orjson.loads``, no
  checks at all: the floor;
* AsyncXingtuClient with the default httpx backend, with ``backend="aiohttp"``, and with
  an ``httpx.AsyncClient`` over the ``httpx-aiohttp`` transport (what openai-python's
  ``DefaultAioHttpClient`` is): httpx's request building on aiohttp's pool;
* ``author_rec_videos_many`` (the batch engine, fixed concurrency) on each backend.

``spare_cpu()`` measures how much of one core this process gets while measuring (the
machine may be shared): RESULTS.md states it.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import orjson
from _mock_process import TOKEN, mock_process

from justoneapi_xingtu import AsyncXingtuClient
from justoneapi_xingtu.testing import ENDPOINT_PATH

LATENCY = 0.05
PATH = ENDPOINT_PATH  # the spec's, through the operation table


def spare_cpu(seconds: float = 0.5) -> float:
    """The share of one core a busy loop gets (1.0: an idle core)."""
    wall = time.perf_counter()
    cpu = time.process_time()
    while time.perf_counter() - wall < seconds:
        pass
    return (time.process_time() - cpu) / (time.perf_counter() - wall)


async def _keep_in_flight(
    call: Callable[[int], Awaitable[Any]], concurrency: int, calls: int
) -> tuple[float, float]:
    """(calls/s, CPU seconds per call) with ``concurrency`` calls in flight."""
    counter = iter(range(calls))

    async def worker() -> None:
        for i in counter:
            await call(i)

    wall, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return calls / wall, cpu / calls


def _ids(calls: int, start: int = 7100000000000000000) -> list[str]:
    return [str(start + i) for i in range(calls)]


def raw_aiohttp(base_url: str, concurrency: int, calls: int) -> tuple[float, float]:
    async def run() -> tuple[float, float]:
        ids = _ids(calls)
        connector = aiohttp.TCPConnector(limit=max(100, concurrency))
        async with aiohttp.ClientSession(base_url, connector=connector) as session:

            async def call(i: int) -> None:
                params = {"token": TOKEN, "oAuthorId": ids[i], "platform": "SHORT_VIDEO"}
                async with session.get(PATH, params=params) as response:
                    document = orjson.loads(await response.read())
                assert document["code"] == 0

            await call(0)  # connect first, as the clients below do
            return await _keep_in_flight(call, concurrency, calls)

    return asyncio.run(run())


def ours(base_url: str, concurrency: int, calls: int, backend: str) -> tuple[float, float]:
    async def run() -> tuple[float, float]:
        ids = _ids(calls)
        options: dict[str, Any] = {"backend": backend}
        if backend == "httpx-aiohttp":  # what openai-python's DefaultAioHttpClient does
            import httpx
            import httpx_aiohttp

            http = httpx.AsyncClient(transport=httpx_aiohttp.AiohttpTransport(), timeout=60)
            options = {"http_client": http}
        async with AsyncXingtuClient(TOKEN, base_url=base_url, **options) as client:

            async def call(i: int) -> None:
                result = await client.author_rec_videos(ids[i])
                assert len(result) == 6

            await call(0)
            figures = await _keep_in_flight(call, concurrency, calls)
        if "http_client" in options:
            await options["http_client"].aclose()  # a caller's client: the caller closes it
        return figures

    return asyncio.run(run())


def many(base_url: str, concurrency: int, calls: int, backend: str) -> tuple[float, float]:
    async def run() -> tuple[float, float]:
        ids = _ids(calls)
        async with AsyncXingtuClient(TOKEN, base_url=base_url, backend=backend) as client:
            await client.author_rec_videos("7000000000000000000")
            wall, cpu = time.perf_counter(), time.process_time()
            ok = 0
            async for outcome in client.author_rec_videos_many(
                ids, max_concurrency=concurrency, adaptive=False
            ):
                ok += outcome.ok
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            assert ok == calls, f"{calls - ok} calls failed"
            return calls / wall, cpu / calls

    return asyncio.run(run())


CLIENTS: dict[str, Callable[[str, int, int], tuple[float, float]]] = {
    "raw aiohttp": raw_aiohttp,
    "AsyncXingtuClient (httpx)": lambda u, c, n: ours(u, c, n, "httpx"),
    'AsyncXingtuClient(backend="aiohttp")': lambda u, c, n: ours(u, c, n, "aiohttp"),
    "AsyncXingtuClient(http_client=httpx over httpx-aiohttp)": lambda u, c, n: ours(
        u, c, n, "httpx-aiohttp"
    ),
    "author_rec_videos_many (httpx)": lambda u, c, n: many(u, c, n, "httpx"),
    'author_rec_videos_many (backend="aiohttp")': lambda u, c, n: many(u, c, n, "aiohttp"),
}


def main(concurrencies: tuple[int, ...] = (32, 128), rounds: int = 3) -> dict[str, Any]:
    """{"spare_cpu": share, (name, concurrency): (calls/s, CPU s per call)}, medians of
    ``rounds`` interleaved rounds (every client once per round, so load hits all alike)."""
    samples: dict[tuple[str, int], list[tuple[float, float]]] = {}
    spare = []
    with mock_process("--latency", str(LATENCY)) as base_url:
        for _ in range(rounds):
            spare.append(spare_cpu())
            for concurrency in concurrencies:
                calls = max(1000, concurrency * 12)
                for name, client in CLIENTS.items():
                    samples.setdefault((name, concurrency), []).append(
                        client(base_url, concurrency, calls)
                    )
    out: dict[Any, Any] = {"spare_cpu": statistics.median(spare)}
    for key, runs in samples.items():
        out[key] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
        name, concurrency = key
        rate, cpu = out[key]
        print(
            f"  {name:44s} at {concurrency:3d}: {rate:7.1f} calls/s  {cpu * 1e6:7.0f} µs CPU/call"
        )
    print(f"  spare CPU while measuring: {out['spare_cpu']:.0%} of a core")
    return out


if __name__ == "__main__":
    import sys

    main(rounds=int(sys.argv[1]) if len(sys.argv) > 1 else 3)
