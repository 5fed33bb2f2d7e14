"""Run the mock server in its own process, so that it does not share the client's GIL."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

TOKEN = "bench-token-0000"


@contextlib.contextmanager
def mock_process(*args: str) -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "justoneapi_xingtu.testing", "--port", "0", "--token", TOKEN, *args],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if "listening on " not in line:
            raise RuntimeError(f"mock server did not start: {line!r}")
        yield line.strip().rsplit(" ", 1)[-1]
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout:
            proc.stdout.close()
