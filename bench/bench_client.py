"""Per-call client overhead on an in-memory transport: this SDK vs plain httpx vs the vendor SDK."""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import httpx
from _payloads import large_body, small_body

from justoneapi_xingtu import AsyncXingtuClient, XingtuClient
from justoneapi_xingtu.testing import ENDPOINT_PATH

BASE = "http://bench.invalid"
PATH = ENDPOINT_PATH  # the spec's, through the operation table
TOKEN = "bench-token-0000"


def transport(body: bytes) -> httpx.MockTransport:
    headers = {"Content-Type": "application/json"}
    return httpx.MockTransport(lambda request: httpx.Response(200, content=body, headers=headers))


def per_call(fn: Callable[[], Any], calls: int, repeats: int = 7) -> float:
    """Median seconds per call over ``repeats`` runs of ``calls`` calls."""
    fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        samples.append((time.perf_counter() - start) / calls)
    return statistics.median(samples)


def aper_call(fn: Callable[[], Any], calls: int, repeats: int = 7) -> float:
    async def run() -> float:
        await fn()
        samples = []
        for _ in range(repeats):
            start = time.perf_counter()
            for _ in range(calls):
                await fn()
            samples.append((time.perf_counter() - start) / calls)
        return statistics.median(samples)

    return asyncio.run(run())


def measure(body: bytes, calls: int) -> dict[str, float]:
    params = {"token": TOKEN, "oAuthorId": "7012345678901234567", "platform": "SHORT_VIDEO"}
    out: dict[str, float] = {}

    plain = httpx.Client(base_url=BASE, transport=transport(body))
    out["httpx + json.loads"] = per_call(
        lambda: json.loads(plain.get(PATH, params=params).content), calls
    )

    ours = XingtuClient(TOKEN, base_url=BASE, http_client=httpx.Client(transport=transport(body)))

    def typed_call() -> None:
        result = ours.author_rec_videos("7012345678901234567")
        assert result.masterpiece_videos[0].item_id

    out["justoneapi-xingtu (sync)"] = per_call(typed_call, calls)

    def generic_call() -> None:  # an untyped operation: the same answer, decoded as JSON
        answer = ours.author_base_info("7012345678901234567")
        assert answer.data["masterpiece_videos"][0]["item_id"]

    out["justoneapi-xingtu generic operation (sync)"] = per_call(generic_call, calls)

    try:
        from justoneapi import JustOneAPIClient
    except ImportError:
        pass
    else:
        vendor = JustOneAPIClient(token=TOKEN, base_url=BASE)
        vendor._transport._client = httpx.Client(base_url=BASE, transport=transport(body))
        method = vendor.douyin_xingtu.gw_api_data_sp_author_rec_videos_v2_v1
        out["vendor justoneapi (sync)"] = per_call(
            lambda: method(o_author_id="7012345678901234567"), calls
        )

    aplain = httpx.AsyncClient(base_url=BASE, transport=transport(body))

    async def aplain_call() -> None:
        json.loads((await aplain.get(PATH, params=params)).content)

    out["httpx async + json.loads"] = aper_call(aplain_call, calls)
    aours = AsyncXingtuClient(
        TOKEN, base_url=BASE, http_client=httpx.AsyncClient(transport=transport(body))
    )

    async def atyped_call() -> None:
        result = await aours.author_rec_videos("7012345678901234567")
        assert result.masterpiece_videos[0].item_id

    out["justoneapi-xingtu (async)"] = aper_call(atyped_call, calls)

    agen = AsyncXingtuClient(  # one client per event loop: aper_call runs a new loop
        TOKEN, base_url=BASE, http_client=httpx.AsyncClient(transport=transport(body))
    )

    async def ageneric_call() -> None:
        answer = await agen.author_base_info("7012345678901234567")
        assert answer.data["masterpiece_videos"][0]["item_id"]

    out["justoneapi-xingtu generic operation (async)"] = aper_call(ageneric_call, calls)
    return out


def main() -> dict[str, dict[str, float]]:
    results = {
        "small (6 videos)": measure(small_body(), 2000),
        "large (800 videos)": measure(large_body(), 200),
    }
    for size, figures in results.items():
        print(size)
        for name, seconds in figures.items():
            print(f"  {name:32s} {seconds * 1e6:9.1f} µs")
    return results


if __name__ == "__main__":
    main()
