"""Typed views against the vendor's dicts: reading every field of 800 videos, to_dict().

Both sides read each field by name the way user code does (``video.play`` against
``record["play"]``), in a function generated from the spec's field list. Four figures:

* a call (in-memory transport, 800 videos) followed by reading every field once: what a
  caller pays to get every value;
* the reads alone on an answer already in hand (our first reads, against dict reads);
* a second read of every field (nothing converts twice);
* ``to_dict()`` of every video against a copy of each vendor dict (``dict(record)``),
  alone and after the call.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from typing import Any

import httpx
from _payloads import LISTS, large_body

from justoneapi_xingtu import Video, XingtuClient

BASE = "http://bench.invalid"
TOKEN = "bench-token-0000"
AUTHOR = "7012345678901234567"


def _reader(template: str) -> Callable[[Any], tuple[Any, ...]]:
    body = ", ".join(template.format(name=name) for name in Video.FIELDS)
    reader: Callable[[Any], tuple[Any, ...]] = eval(f"lambda v: ({body},)")
    return reader


read_attrs = _reader("v.{name}")
read_items = _reader("v[{name!r}]")
read_gets = _reader("v.get({name!r})")


def best(fn: Callable[[], Any], repeats: int = 15, setup: Callable[[], Any] | None = None) -> float:
    """Median seconds of ``fn(setup())`` over ``repeats`` runs (setup not timed). Each run
    starts after a full collection, so the garbage of earlier benchmarks in the same
    process is not charged to whichever run happens to trigger its collection."""
    samples = []
    for _ in range(repeats + 1):
        arg = setup() if setup else None
        gc.collect()
        start = time.perf_counter()
        fn(arg) if setup else fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples[1:])


def _transport(body: bytes) -> httpx.MockTransport:
    headers = {"Content-Type": "application/json"}
    return httpx.MockTransport(lambda request: httpx.Response(200, content=body, headers=headers))


def main(body: bytes | None = None) -> dict[str, float]:
    body = body or large_body()
    ours = XingtuClient(TOKEN, base_url=BASE, http_client=httpx.Client(transport=_transport(body)))
    from justoneapi import JustOneAPIClient

    vendor = JustOneAPIClient(token=TOKEN, base_url=BASE)
    vendor._transport._client = httpx.Client(base_url=BASE, transport=_transport(body))
    vendor_call = vendor.douyin_xingtu.gw_api_data_sp_author_rec_videos_v2_v1

    def vendor_records() -> list[dict[str, Any]]:
        data = vendor_call(o_author_id=AUTHOR).data
        return [record for name in LISTS for record in data[name]]

    def our_videos() -> list[Video]:
        result = ours.author_rec_videos(AUTHOR)
        return [video for _, video in result]

    def reads(read: Callable[[Any], Any]) -> Callable[[list[Any]], None]:
        def run(items: list[Any]) -> None:
            for item in items:
                read(item)

        return run

    def to_dicts(items: list[Any]) -> None:
        for item in items:
            item.to_dict()

    def copies(items: list[Any]) -> None:
        for item in items:
            dict(item)

    def twice(videos: list[Video]) -> None:  # timed: the second pass only
        return reads(read_attrs)(videos)

    read_once = our_videos()
    for video in read_once:
        read_attrs(video)
    f: dict[str, float] = {}
    f["call + every field: vendor dicts [name]"] = best(lambda: reads(read_items)(vendor_records()))
    f["call + every field: vendor dicts .get"] = best(lambda: reads(read_gets)(vendor_records()))
    f["call + every field: Video"] = best(lambda: reads(read_attrs)(our_videos()))
    f["every field, answer in hand: vendor dicts [name]"] = best(
        reads(read_items), setup=vendor_records
    )
    f["every field, answer in hand: vendor dicts .get"] = best(
        reads(read_gets), setup=vendor_records
    )
    f["every field, answer in hand: Video (first read)"] = best(reads(read_attrs), setup=our_videos)
    f["every field, read again: Video"] = best(lambda: twice(read_once))
    f["to_dict, answer in hand: vendor dict(record)"] = best(copies, setup=vendor_records)
    f["to_dict, answer in hand: Video.to_dict()"] = best(to_dicts, setup=our_videos)
    f["call + to_dict: vendor dict(record)"] = best(lambda: copies(vendor_records()))
    f["call + to_dict: Video.to_dict()"] = best(lambda: to_dicts(our_videos()))
    for name, seconds in f.items():
        print(f"  {name:52s} {seconds * 1e3:8.2f} ms")
    return f


if __name__ == "__main__":
    main()
