"""`xingtu batch` end to end: the CLI against the mock server, with and without aiohttp.

2,000 authors into a fresh SQLite store, the mock server in its own process adding 50 ms
to every answer, at the default ``--max-concurrency 32`` and at 128. Each run is a fresh
``xingtu batch`` process: wall time (process start to exit, interpreter start-up
included), calls/s over that, and the CPU the CLI process used (user + system) per
author. "aiohttp" is the default where aiohttp is installed (the ``[cli]`` extra);
"httpx" is ``--backend httpx``, what a machine without aiohttp runs. Rounds interleave
the two, medians are kept.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _mock_process import TOKEN, mock_process

LATENCY = 0.05
AUTHORS = 2000


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(base_url: str, backend: str | None, concurrency: int) -> tuple[float, float]:
    """(calls/s, CPU seconds per author) of one `xingtu batch` run of AUTHORS authors."""
    with tempfile.TemporaryDirectory() as folder:
        ids = Path(folder, "ids.txt")
        ids.write_text("".join(f"{7100000000000000000 + i}\n" for i in range(AUTHORS)))
        command = [
            sys.executable, "-m", "justoneapi_xingtu", "batch", str(ids),
            "--db", str(Path(folder, "r.sqlite")), "--base-url", base_url,
            "--max-concurrency", str(concurrency), "--fixed-concurrency",
        ]  # fmt: skip
        if backend is not None:
            command += ["--backend", backend]
        env = {**os.environ, "JUSTONEAPI_TOKEN": TOKEN}
        cpu, wall = _cpu_of_children(), time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        wall, cpu = time.perf_counter() - wall, _cpu_of_children() - cpu
        if done.returncode != 0 or f"{AUTHORS} ok" not in done.stdout:
            raise RuntimeError(f"xingtu batch failed ({done.returncode}): {done.stderr[-300:]}")
        expected = f"({backend or 'aiohttp'})"
        assert expected in done.stdout, done.stdout  # the backend the summary names
        return AUTHORS / wall, cpu / AUTHORS


def main(rounds: int = 3) -> dict[str, Any]:
    """{(backend, concurrency): (calls/s, CPU s per author)}, medians of ``rounds``."""
    samples: dict[tuple[str, int], list[tuple[float, float]]] = {}
    with mock_process("--latency", str(LATENCY)) as base_url:
        for _ in range(rounds):
            for concurrency in (32, 128):
                for backend in (None, "httpx"):
                    name = backend or "aiohttp"
                    samples.setdefault((name, concurrency), []).append(
                        run_cli(base_url, backend, concurrency)
                    )
    out: dict[Any, Any] = {"load": round(os.getloadavg()[0], 1)}
    for (name, concurrency), runs in samples.items():
        rate = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        out[(name, concurrency)] = (rate, cpu)
        print(
            f"  xingtu batch ({name:7s}) --max-concurrency {concurrency:3d}: "
            f"{rate:7.1f} authors/s  {cpu * 1e6:6.0f} µs CPU per author"
        )
    return out


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
