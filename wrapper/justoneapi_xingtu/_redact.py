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

__all__ = ["MASK", "Redactor", "display_url", "install_log_masking", "redact"]

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
    install_log_masking()


_GUARDED = ("httpx", "httpcore", "hpack", "h2", "hyperframe", "aiohttp", "justoneapi_xingtu")
# HTTP/2 loggers write compressed header blocks (HPACK, Huffman-coded): a token inside
# cannot be found there, so such bytes are shown by their length only.
_BINARY = ("hpack", "h2", "hyperframe")


def _children(prefixes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(prefix + "." for prefix in prefixes)


def _guarded(
    name: str, prefixes: tuple[str, ...] = _GUARDED, children: tuple[str, ...] = _children(_GUARDED)
) -> bool:
    """Whether logger ``name`` is one of ``prefixes`` or a child of one (a test made for
    every record of every logger once masking is installed: two string operations)."""
    return name in prefixes or name.startswith(children)


_BINARY_CHILDREN = _children(_BINARY)


def _opaque(arg: object) -> object:
    if isinstance(arg, bytes | bytearray | memoryview):
        data = bytes(arg)
        if not all(32 <= byte < 127 for byte in data):
            return f"<{len(data)} bytes not shown>"
    return arg


def scrub_record(record: logging.LogRecord) -> None:
    """Rewrite ``record`` with every secret masked (a no-op when there is none)."""
    args = record.args
    if _guarded(record.name, _BINARY, _BINARY_CHILDREN) and isinstance(args, tuple):
        record.args = tuple(_opaque(arg) for arg in args)
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a malformed record is not ours to break
        return
    cleaned = message
    for ref in _live:  # each live client's own secrets, in every form
        redactor = ref()
        if redactor is not None and redactor._pattern is not None:
            cleaned = redactor._pattern.sub(MASK, cleaned)
    cleaned = _GENERIC(cleaned)  # token= values and URL userinfo, whoever made the record
    if cleaned != message or record.args is not args:
        record.msg, record.args = cleaned, None


PACKAGE_LOGGER = "justoneapi_xingtu"


def package_logger() -> logging.Logger:
    """The package's logger, looked up when a line is written: neither importing the
    package nor making a client creates a logger (a later ``logging.config.dictConfig``
    would disable it) or adds a handler (with no logging configured, Python's last-resort
    handler shows WARNING lines on stderr, INFO and DEBUG are silent)."""
    return logging.getLogger(PACKAGE_LOGGER)


# -- the masking record factory -----------------------------------------------------------
# Why a record factory, and not filters: a logger's filters see only the records made on
# that very logger (not its children's, nor those of a logger with its own handlers), and
# filtering the HTTP stack's loggers means creating them, which a later dictConfig then
# disables. Handlers are the host's. A factory sees every record when it is made, before
# any logger, filter or handler; ``dictConfig`` does not touch it.
#
# Chaining: it wraps whatever factory is set when it is installed. A host that sets its
# own factory later usually chains to the one it finds (ours: still masked); one that does
# not is wrapped again at the client's next call (:func:`keep_log_masking`). Whatever the
# chain, the outermost of our wrappers scrubs a record, once (an inner one, reached
# through the host's factory, leaves it to the outer).

_state = threading.local()
_installed: Callable[..., logging.LogRecord] | None = None


def _masking_factory(previous: Callable[..., logging.LogRecord]) -> Callable[..., Any]:
    def make_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        if getattr(_state, "busy", False):  # an outer wrapper of ours scrubs it
            return previous(*args, **kwargs)
        _state.busy = True
        try:
            record = previous(*args, **kwargs)
        finally:
            _state.busy = False
        if _guarded(record.name):
            scrub_record(record)
        return record

    return make_record


def install_log_masking() -> None:
    """Mask secrets in every log record of this package and of the HTTP stack (``httpx``,
    ``httpcore``, ``hpack``, ``h2``, ``hyperframe`` and their children) when it is made,
    before any filter or handler sees it; other loggers' records are left as they are.

    Done by the first client (and again by a client's call if another record factory
    replaced this one without chaining it); call it yourself to mask before that.
    Importing the package does nothing to logging. Idempotent and cheap.
    """
    global _installed
    with _lock:
        current = logging.getLogRecordFactory()
        if current is _installed:
            return
        _installed = _masking_factory(current)
        logging.setLogRecordFactory(_installed)


def keep_log_masking() -> None:
    """:func:`install_log_masking` unless it is still the factory in place (a call's
    check: one comparison)."""
    if logging.getLogRecordFactory() is not _installed:
        install_log_masking()
