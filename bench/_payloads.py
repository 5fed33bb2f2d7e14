"""Answer bodies the benchmarks serve: the documented example and a large one."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

EXAMPLE = (
    Path(__file__).resolve().parent.parent
    / "wrapper/justoneapi_xingtu/testing/_data/documented_example.json"
)
LISTS = ("masterpiece_videos", "newest_videos", "order_hot_videos", "personal_hot_videos")


def envelope(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": 0,
        "data": data,
        "message": "success",
        "recordTime": "2026-11-29 10:00:00",
        "requestId": "bench-request",
    }


def small_body() -> bytes:
    """The documented example in a complete envelope (6 videos)."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))["data"]
    return json.dumps(envelope(data), ensure_ascii=False).encode()


def large_body(per_list: int = 200) -> bytes:
    """4 lists x ``per_list`` videos, ids and counts varied so nothing compresses away."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))["data"]
    template = data["masterpiece_videos"][0]
    for li, name in enumerate(LISTS):
        videos = []
        for i in range(per_list):
            video = copy.deepcopy(template)
            video["item_id"] = str(7500000000000000000 + li * 100000 + i)
            video["play"] = 1000 + i * 37
            video["create_time"] = 1758829144 + i
            videos.append(video)
        data[name] = videos
    return json.dumps(envelope(data), ensure_ascii=False).encode()
