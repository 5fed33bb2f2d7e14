"""Benchmark of the batch engine against the bundled mock server (not part of make test).

    python bench/bench_batch.py                 # both parts, ~2 minutes
    python bench/bench_batch.py speedup         # (a) only
    python bench/bench_batch.py ratelimit --rates 20 50 --seconds 25

(a) speedup: N authors (1,000) at 50 ms of server latency (the mock server in its own
    process), a sequential loop of ``XingtuClient.author_rec_videos`` against
    ``author_rec_videos_many`` of the async and the sync client, at a few caps.
(b) ratelimit: the server allows R calls/s (a token bucket, answering 302 with
    Retry-After beyond it), unknown to the client; the adaptive batch runs ~S seconds
    worth of authors (R x S). Reported: successes per second as a % of R, and the share
    of the server's answers that were 302.
Figures go to stdout, and as JSON to bench/out/bench_batch.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from justoneapi_xingtu import AsyncXingtuClient, XingtuClient
from justoneapi_xingtu.testing import MockServer

TOKEN = "bench-token"


def ids(n: int, offset: int = 0) -> list[str]:
    return [str(7_100_000_000_000_000_000 + offset + i) for i in range(n)]


async def _many(base_url: str, authors: list[str], **options: Any) -> tuple[float, int, Any]:
    async with AsyncXingtuClient(TOKEN, base_url=base_url) as client:
        batch = client.author_rec_videos_many(authors, **options)
        start = time.perf_counter()
        ok = 0
        async with batch:
            async for outcome in batch:
                ok += outcome.ok
        return time.perf_counter() - start, ok, batch.controller


@contextlib.contextmanager
def server_process(latency: float) -> Iterator[str]:
    """The mock server in its own process, as a real server would be: the batch's client
    does not share its interpreter (and GIL) with the server's threads."""
    command = [sys.executable, "-m", "justoneapi_xingtu.testing", "--latency", str(latency)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        yield line.rsplit(" ", 1)[-1].strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def _sync_many(base_url: str, authors: list[str], **options: Any) -> tuple[float, int]:
    with XingtuClient(TOKEN, base_url=base_url) as client:
        start = time.perf_counter()
        with client.author_rec_videos_many(authors, **options) as batch:
            ok = sum(outcome.ok for outcome in batch)
        return time.perf_counter() - start, ok


def speedup(n: int, latency: float, concurrencies: list[int]) -> dict[str, Any]:
    with server_process(latency) as base_url:
        with XingtuClient(TOKEN, base_url=base_url) as client:
            start = time.perf_counter()
            for author in ids(n):
                client.author_rec_videos(author)
            sequential = time.perf_counter() - start
        print(f"(a) {n} authors at {latency * 1000:.0f} ms: sequential loop {sequential:.1f} s")
        figures: dict[str, Any] = {
            "authors": n,
            "latency_s": latency,
            "sequential_s": round(sequential, 2),
            "runs": [],
        }
        for offset, concurrency in enumerate(concurrencies, start=1):
            for kind in ("async", "sync"):
                authors = ids(n, offset * 1_000_000 + (kind == "sync") * 500_000)
                if kind == "async":
                    elapsed, ok, _ = asyncio.run(
                        _many(base_url, authors, max_concurrency=concurrency)
                    )
                else:
                    elapsed, ok = _sync_many(base_url, authors, max_concurrency=concurrency)
                figures["runs"].append(
                    {
                        "client": kind,
                        "max_concurrency": concurrency,
                        "batch_s": round(elapsed, 2),
                        "ok": ok,
                        "speedup": round(sequential / elapsed, 1),
                    }
                )
                print(
                    f"    {kind:5} author_rec_videos_many, max_concurrency {concurrency:3}: "
                    f"{elapsed:.2f} s ({ok} ok) = {sequential / elapsed:.1f}x faster",
                    flush=True,
                )
    return figures


def ratelimit(rate: float, seconds: float, latency: float, max_concurrency: int) -> dict[str, Any]:
    n = int(rate * seconds)
    with MockServer(tokens={TOKEN}, latency=latency, rate_limit=rate) as server:
        elapsed, ok, controller = asyncio.run(
            _many(server.base_url, ids(n), max_concurrency=max_concurrency)
        )
        served = server.api.stats
    limited = served.codes.get(302, 0)
    figures = {
        "R": rate,
        "latency_s": latency,
        "authors": n,
        "ok": ok,
        "elapsed_s": round(elapsed, 2),
        "success_per_s": round(ok / elapsed, 2),
        "pct_of_R": round(100 * ok / elapsed / rate, 1),
        "calls": served.total,
        "answered_302": limited,
        "pct_302": round(100 * limited / max(1, served.total), 2),
        "decreases": controller.decreases,
        "final_pacing": controller.rate(time.monotonic()),
    }
    print(
        f"(b) R={rate:g}/s, latency {latency * 1000:.0f} ms, {n} authors: {ok} ok in "
        f"{elapsed:.1f} s = {ok / elapsed:.1f}/s = {figures['pct_of_R']}% of R; "
        f"{limited}/{served.total} calls answered 302 = {figures['pct_302']}%",
        flush=True,
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", nargs="?", choices=["all", "speedup", "ratelimit"], default="all")
    parser.add_argument("--authors", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--max-concurrency", type=int, default=32, help="for (b)")
    parser.add_argument("--concurrencies", type=int, nargs="+", default=[16, 32], help="for (a)")
    parser.add_argument("--rates", type=float, nargs="+", default=[20.0, 50.0])
    parser.add_argument("--seconds", type=float, default=25.0)
    parser.add_argument("--rl-latencies", type=float, nargs="+", default=[0.05])
    args = parser.parse_args()
    report: dict[str, Any] = {}
    if args.part in ("all", "speedup"):
        report["speedup"] = speedup(args.authors, args.latency, args.concurrencies)
    if args.part in ("all", "ratelimit"):
        report["ratelimit"] = [
            ratelimit(rate, args.seconds, latency, args.max_concurrency)
            for latency in args.rl_latencies
            for rate in args.rates
        ]
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_batch.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
