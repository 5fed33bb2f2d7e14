"""httpcore's errors as httpx's, and the TLS failures no retry fixes."""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Iterator

import httpcore
import httpx

from . import deadline

# Both sides are public classes; each httpcore error maps to the httpx error of the same
# name, found through the exception's MRO so the most specific one wins.
_ERRORS: dict[type[BaseException], type[httpx.HTTPError]] = {
    httpcore.TimeoutException: httpx.TimeoutException,
    httpcore.ConnectTimeout: httpx.ConnectTimeout,
    httpcore.ReadTimeout: httpx.ReadTimeout,
    httpcore.WriteTimeout: httpx.WriteTimeout,
    httpcore.PoolTimeout: httpx.PoolTimeout,
    httpcore.NetworkError: httpx.NetworkError,
    httpcore.ConnectError: httpx.ConnectError,
    httpcore.ReadError: httpx.ReadError,
    httpcore.WriteError: httpx.WriteError,
    httpcore.ProxyError: httpx.ProxyError,
    httpcore.UnsupportedProtocol: httpx.UnsupportedProtocol,
    httpcore.ProtocolError: httpx.ProtocolError,
    httpcore.LocalProtocolError: httpx.LocalProtocolError,
    httpcore.RemoteProtocolError: httpx.RemoteProtocolError,
}


def as_httpx(exc: BaseException) -> httpx.HTTPError | None:
    """The httpx error for an httpcore one (None for anything else); a timeout once the
    whole-call deadline has passed says so, rather than which socket operation was cut."""
    for kind in type(exc).__mro__:
        target = _ERRORS.get(kind)
        if target is not None:
            timed_out = issubclass(target, httpx.TimeoutException)
            detail = deadline.DEADLINE_PASSED if timed_out and deadline.passed() else str(exc)
            return target(detail)
    return None


@contextlib.contextmanager
def httpx_errors() -> Iterator[None]:
    """Raise httpcore's errors as httpx's (:func:`as_httpx`)."""
    try:
        yield
    except Exception as exc:
        mapped = as_httpx(exc)
        if mapped is not None:
            raise mapped from exc
        raise


def tls_failure(error: BaseException) -> ssl.SSLError | None:
    """The TLS error behind an httpx exception, when the handshake itself was refused
    (untrusted certificate, a plain-HTTP server behind ``https://``, no common protocol):
    a configuration problem no retry fixes. A timeout, or a connection cut during the
    handshake, is not one (it may be transient)."""
    if isinstance(error, httpx.TimeoutException):
        return None  # its chain may hold an SSLWantReadError from the cancelled handshake
    transient = (
        ssl.SSLEOFError,
        ssl.SSLZeroReturnError,
        ssl.SSLSyscallError,
        ssl.SSLWantReadError,
        ssl.SSLWantWriteError,
    )
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLError) and not isinstance(seen, transient):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None
