"""Import time of justoneapi_xingtu against httpx, each in fresh interpreters."""

from __future__ import annotations

import statistics
import subprocess
import sys

CODE = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"


def import_seconds(module: str, runs: int = 15) -> float:
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", CODE.format(module=module)],
            capture_output=True,
            text=True,
            check=True,
        )
        samples.append(float(out.stdout))
    return statistics.median(samples)


def main() -> dict[str, float]:
    figures = {name: import_seconds(name) for name in ("httpx", "justoneapi_xingtu")}
    for name, seconds in figures.items():
        print(f"  import {name:20s} {seconds * 1000:7.1f} ms")
    return figures


if __name__ == "__main__":
    main()
