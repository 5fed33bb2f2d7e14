"""Benchmark of the batch engine against the bundled mock server (not part of make test).

    python bench/bench_batch.py                 # both parts, ~2 minutes
    python bench/bench_batch.py speedup         # (a) only
    python bench/bench_batch.py ratelimit --rates 20 50 --seconds 25
    python bench/bench_batch.py noise                    # (c) only, ~8 minutes
    python bench/bench_batch.py limits                   # (c3) only, ~4 minutes

(a) speedup: N authors (1,000) at 50 ms of server latency (the mock server in its own
    process), a sequential loop of ``XingtuClient.author_rec_videos`` against
    ``author_rec_videos_many`` of the async and the sync client, at a few caps.
(b) ratelimit: the server allows R calls/s (a token bucket, answering 302 with
    Retry-After beyond it), unknown to the client; the adaptive batch runs ~S seconds
    worth of authors (R x S). Reported: successes per second as a % of R, and the share
    of the server's answers that were 302.
(c) noise: the batch under real-world noise (issue 11), the mock server in its own
    process, each row as a ratio to a baseline measured in the same run (the short
    comparisons run 3 or 2 times, interleaved, and keep each side's fastest run):
    2 % stray 302s with no real limit (adaptive and fixed, vs their no-fault runs);
    five one-off HTTP 429s with ``Retry-After: 1`` among 200 authors at 300 ms, in a row
    (the 61st to 65th calls) or spread (the 11th, 41st, 71st, 101st and 131st, issue
    19), each mode's wall time vs its no-fault run; an unknown limit R = 20 and R = 100,
    five runs each (successes/s vs R, share and number of 302s); a limit that moves
    100 -> 20 -> 100 calls/s, 20 s each (successes/s from 10 s to 20 s after each change
    vs the new R); ``rate_per_s=50`` against a server that allows 100 (calls/s vs 50).
Figures go to stdout, and as JSON to bench/out/bench_batch.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from _mock_process import TOKEN, mock_process

from justoneapi_xingtu import AsyncXingtuClient, XingtuClient
from justoneapi_xingtu.testing import MockServer


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


# -- (c) the batch under real-world noise ---------------------------------------------


@dataclass
class Timed:
    """One batch run: its wall time, the answers it got, when each success came."""

    wall: float
    ok: int
    calls: int
    rate_limited: int
    ok_at: list[float]
    decreases: int

    @property
    def per_s(self) -> float:
        return self.ok / self.wall

    @property
    def share_302(self) -> float:
        return self.rate_limited / max(1, self.calls)

    def rate_between(self, start: float, end: float) -> float:
        return sum(start <= t < end for t in self.ok_at) / (end - start)


async def _timed(base_url: str, authors: list[str], until: float | None, **options: Any) -> Timed:
    async with AsyncXingtuClient(TOKEN, base_url=base_url) as client:
        batch = client.author_rec_videos_many(authors, **options)
        ok_at: list[float] = []
        start = time.perf_counter()
        async with batch:
            async for outcome in batch:
                now = time.perf_counter() - start
                if outcome.ok:
                    ok_at.append(now)
                if until is not None and now >= until:
                    break
        wall = time.perf_counter() - start
        stats = batch.stats
        return Timed(
            wall,
            len(ok_at),
            stats.calls,
            stats.rate_limited,
            ok_at,
            batch.controller.decreases,
        )


def timed_run(
    server_args: list[str], authors: int, until: float | None = None, **options: Any
) -> Timed:
    """A batch of ``authors`` against a fresh mock server process started with
    ``server_args``; ``until``: stop reading after that many seconds."""
    with mock_process(*server_args) as base_url:
        return asyncio.run(_timed(base_url, ids(authors), until, **options))


def best_of(n: int, *runs: Callable[[], Timed]) -> list[Timed]:
    """Each run ``n`` times, interleaved (a, b, a, b...), keeping each one's fastest: the
    machine's other load only ever slows a run down, so the fastest is the least
    disturbed, for the baseline and the faulted run alike."""
    done: list[list[Timed]] = [[] for _ in runs]
    for _ in range(n):
        for i, run in enumerate(runs):
            done[i].append(run())
    return [min(results, key=lambda r: r.wall) for results in done]


def _show(label: str, run: Timed) -> None:
    print(
        f"    {label}: {run.ok} ok in {run.wall:.2f} s = {run.per_s:.1f}/s; "
        f"{run.rate_limited}/{run.calls} answered 302/429 ({run.share_302:.1%}); "
        f"{run.decreases} slow-downs",
        flush=True,
    )


FAST = ["--latency", "0.05"]


def limits(max_concurrency: int = 32, runs: int = 5) -> dict[str, Any]:
    """(c3) An unknown limit R = 20 and R = 100 calls/s, 25 s of work, ``runs`` times each."""
    print(f"(c3) an unknown limit R, 25 s of work, {runs} runs each", flush=True)
    rows: dict[str, Any] = {}
    for limit in (20, 100):
        done = []
        for _ in range(runs):
            run = timed_run(
                [*FAST, "--rate", str(limit)], limit * 25, max_concurrency=max_concurrency
            )
            _show(f"R={limit}", run)
            done.append(run)
        rows[str(limit)] = {
            "per_s": [round(run.per_s, 2) for run in done],
            "answered_302": [run.rate_limited for run in done],
            "share_302": [round(run.share_302, 4) for run in done],
            "min_ratio": round(min(run.per_s for run in done) / limit, 3),
            "max_share_302": round(max(run.share_302 for run in done), 4),
            "mean_302": round(sum(run.rate_limited for run in done) / runs, 1),
        }
    return rows


def noise(max_concurrency: int = 32) -> dict[str, Any]:
    """Every row of issues 11 and 19, each as a ratio to a baseline from this run."""
    report: dict[str, Any] = {"load_before": round(os.getloadavg()[0], 1)}
    fast = FAST

    print("(c1) 2,000 authors, 50 ms, 2% stray 302s, no real limit", flush=True)
    stray = [*fast, "--random-rate-limits", "0.02", "--seed", "11"]
    rows = {}
    for mode, adaptive in (("adaptive", True), ("fixed", False)):
        clean, noisy = best_of(
            3,
            partial(timed_run, fast, 2000, max_concurrency=max_concurrency, adaptive=adaptive),
            partial(timed_run, stray, 2000, max_concurrency=max_concurrency, adaptive=adaptive),
        )
        _show(f"{mode} no faults", clean)
        _show(f"{mode} 2% stray", noisy)
        rows[mode] = {
            "clean_per_s": round(clean.per_s, 1),
            "noisy_per_s": round(noisy.per_s, 1),
            "ratio": round(noisy.per_s / clean.per_s, 3),
            "share_302": round(noisy.share_302, 4),
            "decreases": noisy.decreases,
        }
    report["stray"] = rows

    slow = ["--latency", "0.3"]
    one_off = [*slow, *("--fault", "302", "--fault-http-status", "429", "--fault-times", "5")]
    one_off += ["--fault-retry-after", "1"]
    modes = {"adaptive": {}, "fixed": {"adaptive": False}, "rate_per_s=50": {"rate_per_s": 50}}
    spread = ["--fault-after", "10", "--fault-every", "30"]
    for key, label, where in (
        ("one_off_429", "in a row (calls 61-65)", ["--fault-after", "60"]),
        ("spread_429", "spread (calls 11, 41, 71, 101, 131)", spread),
    ):
        print(f"(c2) 200 authors, 300 ms, five one-off 429s, Retry-After: 1, {label}", flush=True)
        rows = {}
        for mode, options in modes.items():
            options = {"max_concurrency": max_concurrency, **options}
            clean, faulted = best_of(
                2,
                partial(timed_run, slow, 200, **options),
                partial(timed_run, [*one_off, *where], 200, **options),
            )
            _show(f"{mode} no faults", clean)
            _show(f"{mode} five 429s", faulted)
            rows[mode] = {
                "clean_s": round(clean.wall, 2),
                "faulted_s": round(faulted.wall, 2),
                "ratio": round(faulted.wall / clean.wall, 3),
                "calls": faulted.calls,
                "decreases": faulted.decreases,
            }
        report[key] = rows

    report["unknown_limit"] = limits(max_concurrency)

    print("(c4) a limit that moves 100 -> 20 -> 100 calls/s, 20 s each", flush=True)
    schedule = [*fast, "--rate-schedule", "0:100", "20:20", "40:100"]
    run = timed_run(schedule, 4800, until=60.0, max_concurrency=max_concurrency)
    _show("moving limit (first 60 s)", run)
    phases = []
    for start, limit in ((0.0, 100), (20.0, 20), (40.0, 100)):
        settled = run.rate_between(start + 10.0, start + 20.0)
        phases.append(
            {"R": limit, "settled_per_s": round(settled, 1), "ratio": round(settled / limit, 3)}
        )
        print(f"    from {start + 10:.0f} s to {start + 20:.0f} s: {settled:.1f}/s for R={limit}")
    report["moving_limit"] = {
        "phases": phases,
        "share_302": round(run.share_302, 4),
        "answered_302": run.rate_limited,
    }

    print("(c5) rate_per_s=50 against a server that allows 100 calls/s", flush=True)
    run = timed_run([*fast, "--rate", "100"], 500, max_concurrency=max_concurrency, rate_per_s=50)
    _show("rate_per_s=50", run)
    report["known_rate"] = {
        "per_s": round(run.per_s, 2),
        "ratio": round(run.per_s / 50, 3),
        "share_302": round(run.share_302, 4),
    }
    report["load_after"] = round(os.getloadavg()[0], 1)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "part",
        nargs="?",
        choices=["all", "speedup", "ratelimit", "noise", "limits"],
        default="all",
    )
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
    if args.part in ("all", "noise"):
        report["noise"] = noise()
    if args.part == "limits":
        report["limits"] = limits()
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_batch.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
