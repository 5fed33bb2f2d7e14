"""One retry policy for the clients and the batch: :meth:`RetryPolicy.decide` is the only
place that says whether a failed call is tried again, and after how long.

* Not retried: an error that is not ``retryable``, or a call that made as many retries
  as its limit (``max_retries``, or a lower ``per_code`` cap for the error's code).
* ``Retry-After`` of more than 0 and at most :data:`MAX_RETRY_AFTER` seconds: wait
  exactly that long.
* ``Retry-After`` at or below 0, or absent, or malformed: the normal backoff
  (0.5 s, 1 s, 2 s ... at most 8 s, minus up to 25 % jitter), never "retry at once".
* ``Retry-After`` above the cap: no retry now; the error keeps ``retry_after`` so the
  caller can decide when to come back.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import random
import time
import types
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import anyio

from ._config import DEFAULT_MAX_RETRIES, check_max_retries
from ._redact import package_logger
from .errors import error_for_code, error_kind

if TYPE_CHECKING:
    from .errors import JustOneAPIError

__all__ = [
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "RetryPolicy",
    "async_sleep",
    "backoff",
    "instant",
    "log_retry",
    "parse_retry_after",
    "policy",
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


@dataclasses.dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When a failed call is tried again, and after how long: one policy for the clients
    and the batch. Give it as ``XingtuClient(retry=...)`` or ``with_options(retry=...)``::

        RetryPolicy(max_retries=3, per_code={301: 2})  # 3 retries at most, 301 twice

    Args:
        max_retries: the most retries of one call (0: none). A batch retries transient
            failures up to this many times too.
        per_code: a lower cap for a business code: a call whose failure has that code is
            not retried once it made that many retries (of any cause). Only codes that
            can be retried (301, 302, 500, other 5xx-like codes) can be capped; in a batch
            a cap on 302 also caps the retries after a rate limit.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    per_code: Mapping[int, int] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        check_max_retries(self.max_retries)
        if not isinstance(self.per_code, Mapping):
            raise ValueError(
                "per_code: expected a mapping of business code to retries, "
                f"got {type(self.per_code).__name__}"
            )
        for code, cap in self.per_code.items():
            if not isinstance(code, int) or isinstance(code, bool):
                raise ValueError(f"per_code: expected integer business codes, got {code!r}")
            if not isinstance(cap, int) or isinstance(cap, bool) or cap < 0:
                raise ValueError(f"per_code[{code}]: expected an integer >= 0, got {cap!r}")
            if not error_for_code(code).retryable:
                raise ValueError(f"per_code[{code}]: code {code} is never retried, so not capped")
        object.__setattr__(self, "per_code", types.MappingProxyType(dict(self.per_code)))

    def __hash__(self) -> int:
        return hash((self.max_retries, frozenset(self.per_code.items())))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.max_retries, dict(self.per_code)))

    def __repr__(self) -> str:
        caps = f", per_code={dict(self.per_code)!r}" if self.per_code else ""
        return f"RetryPolicy(max_retries={self.max_retries}{caps})"

    def limit(self, error: JustOneAPIError) -> int:
        """How many retries a call failing with ``error`` may have made and still retry."""
        code = getattr(error, "code", None)
        if not isinstance(code, int):
            return self.max_retries
        return min(self.per_code.get(code, self.max_retries), self.max_retries)

    def decide(self, error: JustOneAPIError, attempt: int) -> float | None:
        """After failed attempt number ``attempt`` (from 0, so also the retries made so
        far): the seconds to wait before trying again, or ``None`` to stop there."""
        if not error.retryable or attempt >= self.limit(error):
            return None
        retry_after = error.retry_after
        if retry_after is not None and retry_after > 0:
            return retry_after if retry_after <= MAX_RETRY_AFTER else None
        return backoff(attempt)


def policy(
    retry: object = None, max_retries: object = None, *, base: RetryPolicy | None = None
) -> RetryPolicy:
    """The policy a client is configured with: ``retry`` as given, or ``base`` (the default
    policy) with ``max_retries`` when that is given; both together is an error."""
    if retry is None:
        start = RetryPolicy() if base is None else base
        if max_retries is None:
            return start
        return dataclasses.replace(start, max_retries=check_max_retries(max_retries))
    if not isinstance(retry, RetryPolicy):
        raise ValueError(f"retry: expected a RetryPolicy, got {type(retry).__name__}")
    if max_retries is not None:
        raise ValueError(
            "max_retries: give it inside retry=RetryPolicy(max_retries=...), not beside it"
        )
    return retry


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
