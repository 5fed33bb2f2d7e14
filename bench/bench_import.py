"""Import time, and time to first result, each in fresh interpreters.

* import time: ``import justoneapi_xingtu`` against ``import httpx``;
* time to first result: import + construct a client + one call to the mock server on
  loopback + the decoded answer in hand, against the same done with plain httpx and
  orjson (``httpx.Client().get(url, params=...)`` then ``orjson.loads``).

Runs alternate between the contenders so a burst of load hits both alike; the figures
are medians.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

from _mock_process import TOKEN, mock_process

from justoneapi_xingtu.testing import ENDPOINT_PATH

CODE = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"

FIRST_RESULT = {
    "httpx + orjson": """
import time
t = time.perf_counter()
import httpx, orjson
client = httpx.Client()
answer = client.get(URL + PATH,
                    params={"token": TOKEN, "oAuthorId": "7012345678901234567",
                            "platform": "SHORT_VIDEO"})
document = orjson.loads(answer.content)
assert document["code"] == 0
print(time.perf_counter() - t)
""",
    "justoneapi_xingtu": """
import time
t = time.perf_counter()
from justoneapi_xingtu import XingtuClient
client = XingtuClient(TOKEN, base_url=URL)
result = client.author_rec_videos("7012345678901234567")
assert len(result) == 6
print(time.perf_counter() - t)
""",
}


def _seconds(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def import_seconds(modules: tuple[str, ...], runs: int = 15) -> dict[str, float]:
    samples: dict[str, list[float]] = {m: [] for m in modules}
    for _ in range(runs):
        for module in modules:
            samples[module].append(_seconds(CODE.format(module=module)))
    return {m: statistics.median(s) for m, s in samples.items()}


def first_result_seconds(runs: int = 15) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in FIRST_RESULT}
    with mock_process() as url:
        prelude = f"URL = {url!r}; TOKEN = {TOKEN!r}; PATH = {ENDPOINT_PATH!r}\n"
        for _ in range(runs):
            for name, code in FIRST_RESULT.items():
                samples[name].append(_seconds(prelude + code))
    return {name: statistics.median(s) for name, s in samples.items()}


def main() -> dict[str, float]:
    figures = import_seconds(("httpx", "justoneapi_xingtu"))
    for name, seconds in figures.items():
        print(f"  import {name:20s} {seconds * 1000:7.1f} ms")
    for name, seconds in first_result_seconds().items():
        figures[f"first result: {name}"] = seconds
        print(f"  first result {name:20s} {seconds * 1000:7.1f} ms")
    return figures


if __name__ == "__main__":
    main()
