"""Soak: 20,000 authors through author_rec_videos_many with 2% random faults.

Every author is accounted for exactly once (successes plus each kind of failure add up
to the total), nothing escapes as an unhandled exception, and the number of open
sockets does not grow while the batch runs.

Fixed concurrency: the random faults include stray 302s that have nothing to do with
load, which the adaptive controller (rightly, from what it can see) reads as a rate
limit at the current rate and slows down for; that behaviour has its own benchmark
(bench/bench_batch.py ratelimit).
"""

from __future__ import annotations

import collections
import gc
import os

import anyio
import pytest
from conftest import TOKEN

from justoneapi_xingtu import AsyncXingtuClient, BusinessError, ProtocolError
from justoneapi_xingtu.testing import MockServer, instant_retries

AUTHORS = 20_000

pytestmark = pytest.mark.slow


def open_fds() -> int:
    gc.collect()
    return len(os.listdir("/proc/self/fd"))


def test_soak_20000_authors_with_random_faults() -> None:
    with instant_retries():
        _soak()


def _soak() -> None:
    ids = [str(7_400_000_000_000_000_000 + i) for i in range(AUTHORS)]

    async def main(base_url: str) -> tuple[collections.Counter[str], list[str], list[int]]:
        kinds: collections.Counter[str] = collections.Counter()
        seen: list[str] = []
        fds: list[int] = []
        async with AsyncXingtuClient(TOKEN, base_url=base_url, max_retries=2) as client:
            batch = client.author_rec_videos_many(ids, max_concurrency=32, adaptive=False)
            async for outcome in batch:
                seen.append(outcome.author_id)
                if outcome.ok:
                    assert outcome.result is not None and len(outcome.result) == 6
                    kinds["ok"] += 1
                else:
                    kinds[type(outcome.error).__name__] += 1
                if len(seen) in (2_000, 10_000, 19_000):
                    fds.append(open_fds())
        return kinds, seen, fds

    before = open_fds()
    with MockServer(tokens={TOKEN}, random_faults=0.02, seed=20_000) as server:
        kinds, seen, fds = anyio.run(main, server.base_url)
        faults = {code: n for code, n in server.api.stats.codes.items() if code != 0}
    assert sorted(seen) == sorted(ids), "an author was lost or reported twice"
    assert sum(kinds.values()) == AUTHORS
    # Only the undocumented code (not retried) should fail on first try; transient
    # faults (301, 302, 500, HTML 502) are retried and almost always recover.
    assert kinds["ok"] >= AUTHORS * 0.99
    assert set(kinds) <= {
        "ok",
        BusinessError.__name__,
        ProtocolError.__name__,
        "CollectionFailedError",
        "InternalServerError",
        "RateLimitError",
    }
    assert kinds[BusinessError.__name__] >= 1 and faults.get(9999, 0) >= kinds["BusinessError"]
    assert sum(faults.values()) >= AUTHORS * 0.015, faults
    assert max(fds) - min(fds) <= 8, f"open descriptors grew during the run: {fds}"
    assert open_fds() <= before
