"""Keep the token out of every URL, message and log line this package (or httpx) produces.

The API takes the token in the query string, so any URL is a secret until redacted.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

MASK = "***"
_TOKEN_IN_QUERY = re.compile(r"(?i)(token=)[^&\s\"'<>#]*")


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """Mask ``token=...`` query values, and any of ``secrets`` wherever it appears.

    Secrets shorter than 6 characters are only masked as query values: replacing every
    "t" in a message would make it unreadable and protect nothing.
    """
    for secret in secrets:
        if secret and len(secret) >= 6:
            text = text.replace(secret, MASK)
    return _TOKEN_IN_QUERY.sub(r"\g<1>" + MASK, text)


class RedactingFilter(logging.Filter):
    """A logging filter that rewrites each record with token query values masked.

    Installed on the ``httpx`` and ``httpcore`` loggers when this package is imported:
    httpx logs every request URL at INFO, and a filter on the emitting logger runs
    before any handler anywhere (root included) can see the record.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record is not ours to break
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_FILTER = RedactingFilter()
_GUARDED_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.http11",
    "httpcore.connection",
    "httpcore.http2",
    "httpcore.proxy",
)


def install_log_redaction() -> None:
    """Attach the redacting filter to the loggers httpx and httpcore write to (idempotent)."""
    for name in _GUARDED_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
