"""Peak memory of a batch into SQLite: `xingtu batch` for 5,000 and 20,000 authors.

Each batch runs in its own process against the mock server (another process, no
latency); its peak RSS comes from os.wait4, so the two runs do not mix.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from _mock_process import TOKEN, mock_process


def peak_rss(authors: int, base_url: str, workdir: Path) -> tuple[int, int]:
    """(peak RSS in bytes, videos stored) for one batch of ``authors`` authors."""
    ids = workdir / f"ids-{authors}.txt"
    ids.write_text("".join(f"{7200000000000000000 + i}\n" for i in range(authors)))
    db = workdir / f"results-{authors}.sqlite"
    env = {**os.environ, "JUSTONEAPI_TOKEN": TOKEN}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "justoneapi_xingtu",
            "batch",
            str(ids),
            "--db",
            str(db),
            "--base-url",
            base_url,
            "--max-concurrency",
            "64",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"batch of {authors} failed ({proc.returncode}): {stderr[-500:]}")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        videos = conn.execute("SELECT COUNT(*) FROM videos").fetchone()[0]
    return usage.ru_maxrss * 1024, videos


def main() -> dict[int, tuple[int, int]]:
    figures: dict[int, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory() as tmp, mock_process() as base_url:
        for authors in (5_000, 20_000):
            figures[authors] = peak_rss(authors, base_url, Path(tmp))
            rss, videos = figures[authors]
            print(f"  {authors:6,} authors: peak RSS {rss / 2**20:6.1f} MiB, {videos:,} videos")
    return figures


if __name__ == "__main__":
    main()
