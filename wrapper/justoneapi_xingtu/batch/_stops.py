"""What stops a batch: the errors after which no later call can succeed (now)."""

from __future__ import annotations

from .._retry import MAX_RETRY_AFTER
from ..errors import (
    ClientClosedError,
    DailyQuotaExceededError,
    InsufficientBalanceError,
    InvalidTokenError,
    JustOneAPIError,
    PermissionDeniedError,
    RateLimitError,
    TLSError,
    WrongEventLoopError,
)

__all__ = ["STOPPING_ERRORS", "is_rate_limited", "stops_batch"]

STOPPING_ERRORS: tuple[type[JustOneAPIError], ...] = (
    InvalidTokenError,  # 100
    DailyQuotaExceededError,  # 303
    PermissionDeniedError,  # 600
    InsufficientBalanceError,  # 601
    TLSError,  # every later handshake is refused the same way
    ClientClosedError,
    WrongEventLoopError,
)
"""Errors that every later call of the batch would repeat."""


def is_rate_limited(error: JustOneAPIError) -> bool:
    """Code 302, or HTTP 429 whatever the body."""
    return isinstance(error, RateLimitError) or error.http_status == 429


def stops_batch(error: JustOneAPIError) -> bool:
    """Whether a batch stops at ``error`` (raising
    :class:`~justoneapi_xingtu.errors.BatchStoppedError` with the unfinished ids): one of
    :data:`STOPPING_ERRORS`, or a rate limit whose ``Retry-After`` is longer than
    :data:`~justoneapi_xingtu._retry.MAX_RETRY_AFTER` (rather than hold every start that
    long in silence)."""
    if isinstance(error, STOPPING_ERRORS):
        return True
    wait = error.retry_after
    return is_rate_limited(error) and wait is not None and wait > MAX_RETRY_AFTER
