"""Keep secrets out of every URL, message and log line this package or its HTTP stack writes.

The secrets are the token (the API takes it in the query string, so any URL is a secret
until redacted) and the userinfo of a ``base_url`` (``http://user:password@host``).

The rule: a secret is masked in every form a URL or a server can give it (as given,
percent-encoded with upper- or lower-case hex, form-encoded) and at any length, wherever
it appears in text that came from outside: the server's message and request id, httpx's
error text, the HTTP stack's log records. A token of one or two characters therefore also
masks those letters in such texts; a readable message is not worth a leak. The package's
own wording is built around the masked parts, so it never is.
"""

from __future__ import annotations

import logging
import re
import threading
import weakref
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote, quote_plus, unquote

__all__ = ["MASK", "Redactor", "display_url", "install_log_redaction", "redact"]

MASK = "***"
_TOKEN_IN_QUERY = re.compile(r"(?i)(token=)[^&\s\"'<>#]*")
# scheme://userinfo@ up to the last "@" of the authority (an unencoded "@" in a password)
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^/?#\s'\"<>]+)@")
_PERCENT = re.compile(r"%[0-9A-F]{2}")


def _mask_userinfo(match: re.Match[str]) -> str:
    user, colon, _ = match.group(2).partition(":")
    # with a password, the user name identifies the account; alone, it may be the secret
    return f"{match.group(1)}{user}:{MASK}@" if colon else f"{match.group(1)}{MASK}@"


def secret_forms(secret: str) -> set[str]:
    """``secret`` as given, decoded and encoded the ways a URL or a server may carry it."""
    forms = {secret, unquote(secret)}
    for value in list(forms):
        for encoded in (quote(value, safe=""), quote_plus(value, safe="")):
            forms.update((encoded, _PERCENT.sub(lambda m: m.group().lower(), encoded)))
    return {form for form in forms if form}


class Redactor:
    """Masks some secrets in every form, plus any ``token=`` value and URL userinfo."""

    __slots__ = ("__weakref__", "_bytes", "_pattern", "forms")

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        forms: set[str] = set()
        for secret in secrets:
            if secret:
                forms |= secret_forms(secret)
        self.forms = tuple(sorted(forms, key=len, reverse=True))  # longest first
        self._pattern = re.compile("|".join(map(re.escape, self.forms))) if forms else None
        self._bytes = tuple(form.encode("utf-8", "replace") for form in self.forms)

    def __call__(self, text: str) -> str:
        if self._pattern is not None:
            text = self._pattern.sub(MASK, text)
        return _USERINFO.sub(_mask_userinfo, _TOKEN_IN_QUERY.sub(r"\g<1>" + MASK, text))

    def found_in(self, data: bytes) -> bool:
        """Whether any form of a secret appears in ``data`` (a cheap test before a walk)."""
        return any(form in data for form in self._bytes)

    def scrub(self, value: Any) -> Any:
        """``value`` (decoded JSON) with every string, keys included, redacted."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.scrub(item) for item in value]
        if isinstance(value, dict):
            return {self.scrub(key): self.scrub(item) for key, item in value.items()}
        return value


_GENERIC = Redactor()


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with ``token=`` values, URL userinfo and every form of ``secrets`` masked."""
    return Redactor(secrets)(text)


def display_url(url: str) -> str:
    """``url`` fit to show: a password in its userinfo (or a lone user name) masked."""
    return _USERINFO.sub(_mask_userinfo, url)


def url_secrets(url: str) -> tuple[str, ...]:
    """The secrets in ``url``'s userinfo: the password, or a user name given alone."""
    match = _USERINFO.match(url.strip())
    if match is None:
        return ()
    user, colon, password = match.group(2).partition(":")
    return (password,) if password else () if colon else (user,)


# -- log records ------------------------------------------------------------------------
# Every live client's Redactor, so that a log record anywhere in the HTTP stack is masked
# with the secrets actually in use. Weak: a client that is gone stops masking.

_lock = threading.Lock()
_live: tuple[weakref.ref[Redactor], ...] = ()


def remember(redactor: Redactor) -> None:
    """Mask ``redactor``'s secrets in log records for as long as it lives."""
    global _live
    with _lock:
        _live = (*(ref for ref in _live if ref() is not None), weakref.ref(redactor))


_GUARDED = ("httpx", "httpcore", "hpack", "h2", "hyperframe", "justoneapi_xingtu")
# HTTP/2 loggers write compressed header blocks (HPACK, Huffman-coded): a token inside
# cannot be found there, so such bytes are shown by their length only.
_BINARY = ("hpack", "h2", "hyperframe")


def _guarded(name: str, prefixes: tuple[str, ...] = _GUARDED) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def _opaque(arg: object) -> object:
    if isinstance(arg, bytes | bytearray | memoryview):
        data = bytes(arg)
        if not all(32 <= byte < 127 for byte in data):
            return f"<{len(data)} bytes not shown>"
    return arg


def scrub_record(record: logging.LogRecord) -> None:
    """Rewrite ``record`` with every secret masked (a no-op when there is none)."""
    args = record.args
    if _guarded(record.name, _BINARY) and isinstance(args, tuple):
        record.args = tuple(_opaque(arg) for arg in args)
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a malformed record is not ours to break
        return
    cleaned = _GENERIC(message)  # token= values and URL userinfo, whoever made the record
    for ref in _live:
        redactor = ref()
        if redactor is not None:
            cleaned = redactor(cleaned)
    if cleaned != message or record.args is not args:
        record.msg, record.args = cleaned, None


class RedactingFilter(logging.Filter):
    """A logging filter that masks secrets in each record (see :func:`scrub_record`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        scrub_record(record)
        return True


_FILTER = RedactingFilter()
# A logger's filters see only the records made on that very logger, not its children's:
# the record factory below covers every logger of the stack, these are the fallback if
# someone replaces the factory without chaining it.
_FALLBACK_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    "hpack",
    "hpack.hpack",
    "hpack.table",
    "h2",
)


def _redacting_factory(previous: Callable[..., logging.LogRecord]) -> Callable[..., Any]:
    def make_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if _guarded(record.name):
            scrub_record(record)
        return record

    make_record.justoneapi_redacting = True  # type: ignore[attr-defined]
    return make_record


def install_log_redaction() -> None:
    """Mask secrets in every record of the HTTP stack's loggers (httpx, httpcore, hpack,
    h2 and their children) and this package's, before any handler sees it (idempotent).

    Done when a record is made (:func:`logging.setLogRecordFactory`, chained to the
    factory already set), so it holds whichever logger, handler or filter is involved.
    """
    current = logging.getLogRecordFactory()
    if not getattr(current, "justoneapi_redacting", False):
        logging.setLogRecordFactory(_redacting_factory(current))
    for name in _FALLBACK_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
