"""One retry policy for the clients and the batch: exponential backoff with jitter, and
the server's ``Retry-After`` honoured as an instruction.

* ``Retry-After`` of more than 0 and at most :data:`MAX_RETRY_AFTER` seconds: wait
  exactly that long.
* ``Retry-After`` at or below 0, or absent, or malformed: the normal backoff
  (0.5 s, 1 s, 2 s ... at most 8 s, minus up to 25 % jitter), never "retry at once".
* ``Retry-After`` above the cap: no retry now (:func:`retry_delay` gives ``None``); the
  error keeps ``retry_after`` so the caller can decide when to come back.
"""

from __future__ import annotations

import contextlib
import math
import random
import time
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import anyio

from ._redact import package_logger
from .errors import error_kind

if TYPE_CHECKING:
    from .errors import JustOneAPIError

__all__ = [
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "async_sleep",
    "backoff",
    "instant",
    "log_retry",
    "parse_retry_after",
    "retry_delay",
    "sleep",
    "wait_for",
]


INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""The longest ``Retry-After`` a call waits for by itself."""


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or HTTP date), if present.

    A value at or below zero is returned as given (the policy treats it as absent);
    anything unreadable is ``None``.
    """
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        import email.utils  # rare (an HTTP date): not worth its import time up front

        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if parsed is None:
            return None
        try:
            seconds = parsed.timestamp() - time.time()
        except (OverflowError, OSError, ValueError):
            return None
    return seconds if math.isfinite(seconds) else None


def backoff(attempt: int) -> float:
    """The wait before retry number ``attempt + 1``: 0.5 s doubling to 8 s, with jitter."""
    delay = min(INITIAL_RETRY_DELAY * float(2 ** min(attempt, 16)), MAX_RETRY_DELAY)
    return delay * (1 - 0.25 * random.random())  # noqa: S311 - jitter, not crypto


def retry_delay(attempt: int, retry_after: float | None) -> float | None:
    """Seconds to wait before retry number ``attempt + 1``, or ``None`` when the server
    asked for longer than :data:`MAX_RETRY_AFTER` (the caller must not retry now)."""
    if retry_after is not None and retry_after > 0:
        return retry_after if retry_after <= MAX_RETRY_AFTER else None
    return backoff(attempt)


def log_retry(error: JustOneAPIError, label: str, retry: int, of: int | None, delay: float) -> None:
    """One INFO line per retry on the package's logger."""
    what = error_kind(error)
    if error.http_status is not None:
        what += f", HTTP {error.http_status}"
    rid = f" [request id {error.request_id}]" if error.request_id else ""
    count = f"{retry}/{of}" if of is not None else str(retry)
    package_logger().info("%s: %s; retry %s in %.2f s%s", label, what, count, delay, rid)


# -- waiting: one place, so that tests can make retries instant -------------------------

_recorder: list[float] | None = None


def sleep(delay: float) -> None:
    """Wait before a retry (sync clients)."""
    if _recorder is not None:
        _recorder.append(delay)
        return
    time.sleep(delay)


async def async_sleep(delay: float) -> None:
    """Wait before a retry (async clients)."""
    if _recorder is not None:
        _recorder.append(delay)
        await anyio.sleep(0)
        return
    await anyio.sleep(delay)


def wait_for(delay: float) -> float:
    """The time a batch actually waits before a retry it schedules itself."""
    if _recorder is not None:
        _recorder.append(delay)
        return 0.0
    return delay


@contextlib.contextmanager
def instant() -> Iterator[list[float]]:
    """Within the block, retries wait for nothing; the waits they asked for are recorded
    in the list it yields (see :func:`justoneapi_xingtu.testing.instant_retries`)."""
    global _recorder
    previous, _recorder = _recorder, []
    try:
        yield _recorder
    finally:
        _recorder = previous
