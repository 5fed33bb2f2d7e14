"""Throughput on loopback against the mock server adding 50 ms latency per call.

The sequential loop is what the documentation's own example does, one author at a time;
``author_rec_videos_many`` runs at fixed concurrency 8 to 128, the median of three runs
each, on the default httpx backend and on ``backend="aiohttp"``. The bound for each is
Little's law: concurrency / latency calls per second.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from _mock_process import TOKEN, mock_process

from justoneapi_xingtu import AsyncXingtuClient, XingtuClient

LATENCY = 0.05


def sequential(base_url: str, calls: int) -> float:
    with XingtuClient(TOKEN, base_url=base_url) as client:
        start = time.perf_counter()
        for i in range(calls):
            client.author_rec_videos(str(7000000000000000000 + i))
        return calls / (time.perf_counter() - start)


def concurrent(
    base_url: str, concurrency: int, calls: int, backend: str = "httpx"
) -> tuple[float, int]:
    async def run() -> tuple[float, int]:
        ids = [str(7100000000000000000 + i) for i in range(calls)]
        async with AsyncXingtuClient(TOKEN, base_url=base_url, backend=backend) as client:
            start = time.perf_counter()
            ok = 0
            async for outcome in client.author_rec_videos_many(
                ids, max_concurrency=concurrency, adaptive=False
            ):
                ok += outcome.ok
            return calls / (time.perf_counter() - start), ok

    return asyncio.run(run())


def main() -> dict[str, tuple[float, float]]:
    """name -> (calls/s, Little's-law bound calls/s)."""
    figures: dict[str, tuple[float, float]] = {}
    with mock_process("--latency", str(LATENCY)) as base_url:
        figures["sequential loop"] = (sequential(base_url, 60), 1 / LATENCY)
        for backend in ("httpx", "aiohttp"):
            label = "many" if backend == "httpx" else 'many, backend="aiohttp"'
            for concurrency in (8, 16, 32, 64, 128):
                calls = max(1000, concurrency * 25)
                rates = []
                for _ in range(3):  # the median of three runs: one slow run is noise
                    rate, ok = concurrent(base_url, concurrency, calls, backend)
                    assert ok == calls, f"{calls - ok} calls failed at concurrency {concurrency}"
                    rates.append(rate)
                figures[f"{label}, concurrency {concurrency}"] = (
                    statistics.median(rates),
                    concurrency / LATENCY,
                )
    for name, (rate, bound) in figures.items():
        print(f"  {name:24s} {rate:8.1f} calls/s  bound {bound:7.1f}  ({rate / bound:5.1%})")
    return figures


if __name__ == "__main__":
    main()
