"""One exception hierarchy, rooted at :class:`JustOneAPIError`.

Every error says what happened and what to do, carries what a person needs to act
(business code, the server's message, request id, HTTP status, whether a retry can
help) and never the token. Whether and when a retryable error is tried again is the
:class:`~justoneapi_xingtu.RetryPolicy`'s decision; what stops a batch is the batch's
(:func:`justoneapi_xingtu.batch.stops_batch`).

Business codes and HTTP statuses are apart: :class:`InternalServerError` is the envelope's
``code`` 500 (whatever the HTTP status), while an HTTP 500 (or any status) whose body is
not an envelope is a :class:`ProtocolError` with ``http_status=500``.

    JustOneAPIError
    ├── MissingTokenError            (also a ValueError) no token given or in the environment
    ├── BusinessError                the envelope's ``code`` is not 0
    │   ├── InvalidTokenError        100
    │   ├── CollectionFailedError    301  (retryable)
    │   ├── RateLimitError           302  (retryable)
    │   ├── DailyQuotaExceededError  303
    │   ├── InvalidParameterError    400
    │   ├── InternalServerError      code 500, not HTTP 500  (retryable)
    │   ├── PermissionDeniedError    600
    │   └── InsufficientBalanceError 601
    ├── TransportError               connection failures (retryable)
    │   ├── RequestTimeoutError      no complete answer within the timeout
    │   └── TLSError                 TLS handshake refused: wrong scheme, untrusted cert
    ├── ProtocolError                the answer is not a JSON envelope (HTTP 500 without
    │   │                            an envelope is one; retryable on HTTP 5xx and 429)
    │   └── ResponseTooLargeError    the body passed ``max_response_bytes``
    ├── ClientClosedError            (also a RuntimeError) the client was closed
    ├── WrongEventLoopError          (also a RuntimeError) an async client used from a
    │                                second event loop
    └── BatchStoppedError            a batch hit 100/303/600/601: no later call can succeed
                                     (``BatchStopped``: the same class, its former name)

The result store's errors (:mod:`justoneapi_xingtu.io.store`) have their own base,
``XingtuStoreError``; ``StoreError`` is also a :class:`JustOneAPIError`, for code written
before that base existed.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "BatchStopped",
    "BatchStoppedError",
    "BusinessError",
    "ClientClosedError",
    "CollectionFailedError",
    "DailyQuotaExceededError",
    "DependencyFallbackWarning",
    "InsufficientBalanceError",
    "InternalServerError",
    "InvalidParameterError",
    "InvalidTokenError",
    "JustOneAPIError",
    "MissingTokenError",
    "PermissionDeniedError",
    "ProtocolError",
    "RateLimitError",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "TLSError",
    "TransportError",
    "WrongEventLoopError",
    "error_for_code",
    "error_kind",
]


class JustOneAPIError(Exception):
    """Root of every error this package raises on purpose."""

    retryable: bool = False
    """Whether trying the same request again can succeed."""
    stops_batch: ClassVar[bool] = False
    """Deprecated, kept readable for existing code: the batch decides what stops it
    (:func:`justoneapi_xingtu.batch.stops_batch`) and no longer reads this."""
    request_id: str | None = None
    http_status: int | None = None
    retry_after: float | None = None
    """Seconds the server asked to wait (``Retry-After``), when it said."""
    attempts: int = 1
    """How many requests were sent before giving up (1 + retries)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Picklable whatever the subclass's constructor (multiprocessing, concurrent.futures):
        # rebuilt from its attributes, not by calling __init__ again.
        return (_rebuild, (type(self), self.message, dict(vars(self))))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class MissingTokenError(JustOneAPIError, ValueError):
    """No token: neither the ``token`` argument nor ``JUSTONEAPI_TOKEN`` is set."""


class BusinessError(JustOneAPIError):
    """The API answered with an envelope whose ``code`` is not 0.

    Attributes:
        code: the business code from the envelope.
        message: the server's own message (token removed), or ``None``.
        request_id: the envelope's ``requestId``, quote it to support.
        http_status: the HTTP status the envelope came with (often 200).
        retryable: whether trying again later can succeed.
        retry_after: seconds the server asked to wait (``Retry-After``), if any.
    """

    code_value: ClassVar[int | None] = None
    description: ClassVar[str] = "unexpected business code"
    hint: ClassVar[str] = (
        "This code is not documented for this endpoint; quote the request id to Just One API "
        "support if it persists."
    )
    default_retryable: ClassVar[bool] = False

    def __init__(
        self,
        code: int,
        server_message: str | None = None,
        *,
        request_id: str | None = None,
        http_status: int | None = None,
        retryable: bool | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.code = code
        self.server_message = server_message
        self.request_id = request_id
        self.http_status = http_status
        self.retryable = self.default_retryable if retryable is None else retryable
        self.retry_after = retry_after
        said = f": {server_message}" if server_message else ""
        rid = f" [request id {request_id}]" if request_id else ""
        wait = f" The server asked to wait {retry_after:g} s." if retry_after else ""
        super().__init__(f"code {code} ({self.description}){said}. {self.hint}{wait}{rid}")

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(code={self.code}, server_message={self.server_message!r}, "
            f"request_id={self.request_id!r}, http_status={self.http_status}, "
            f"retryable={self.retryable})"
        )


class InvalidTokenError(BusinessError):
    code_value = 100
    description = "token invalid or expired"
    hint = "Check JUSTONEAPI_TOKEN, or renew the token in the Just One API console."
    stops_batch = True


class CollectionFailedError(BusinessError):
    code_value = 301
    description = "collection failed"
    hint = "The upstream fetch failed; retrying usually helps."
    default_retryable = True


class RateLimitError(BusinessError):
    code_value = 302
    description = "rate limit exceeded"
    hint = "Slow down: lower the concurrency or the request rate."
    default_retryable = True


class DailyQuotaExceededError(BusinessError):
    code_value = 303
    description = "daily quota exceeded"
    hint = "Wait until the quota resets tomorrow, or raise the quota in the console."
    stops_batch = True


class InvalidParameterError(BusinessError):
    code_value = 400
    description = "invalid parameters"
    hint = "Check oAuthorId and platform; retrying the same request will not help."


class InternalServerError(BusinessError):
    """The envelope's ``code`` is 500: a server-side failure the API reported in its own
    words. Not an HTTP 500 without an envelope: that is a :class:`ProtocolError` with
    ``http_status=500``."""

    code_value = 500
    description = "internal server error"
    hint = "A server-side failure; retrying later usually helps."
    default_retryable = True


class PermissionDeniedError(BusinessError):
    code_value = 600
    description = "permission denied"
    hint = "The token's plan does not include this endpoint; check it in the console."
    stops_batch = True


class InsufficientBalanceError(BusinessError):
    code_value = 601
    description = "insufficient balance"
    hint = "Top up the account balance in the console."
    stops_batch = True


_BY_CODE: dict[int, type[BusinessError]] = {
    cls.code_value: cls
    for cls in (
        InvalidTokenError,
        CollectionFailedError,
        RateLimitError,
        DailyQuotaExceededError,
        InvalidParameterError,
        InternalServerError,
        PermissionDeniedError,
        InsufficientBalanceError,
    )
    if cls.code_value is not None
}


def error_kind(error: JustOneAPIError) -> str:
    """How logs and summaries name an error: ``"code 400"``, or its class without a code."""
    code = getattr(error, "code", None)
    return f"code {code}" if isinstance(code, int) else type(error).__name__


def error_for_code(
    code: int,
    server_message: str | None = None,
    *,
    request_id: str | None = None,
    http_status: int | None = None,
    retry_after: float | None = None,
) -> BusinessError:
    """The exception for a non-zero business code; unknown codes become a plain BusinessError.

    An unknown code in the 5xx range (503 "service unavailable", say) is marked retryable:
    it reads as transient, like HTTP 5xx.
    """
    cls = _BY_CODE.get(code, BusinessError)
    retryable = None if cls is not BusinessError else 500 <= code <= 599
    return cls(
        code,
        server_message,
        request_id=request_id,
        http_status=http_status,
        retryable=retryable,
        retry_after=retry_after,
    )


class TransportError(JustOneAPIError):
    """The request did not get an answer: connection refused, reset, DNS, TLS..."""

    retryable = True


class RequestTimeoutError(TransportError):
    """No complete answer within the client's timeout (the page advises at least 60 s)."""

    timeout: float | None = None
    """Seconds each attempt was allowed (the client's ``timeout``)."""

    @staticmethod
    def hint(timeout: float, attempts: int = 1, elapsed: float = 0.0) -> str:
        """How long the call waited: ``after 2 s (...)``, or after how many attempts."""
        advice = "the page advises at least 60 s"
        if attempts == 1:
            return f" after {timeout:g} s ({advice})"
        return (
            f" after {attempts} attempts in {elapsed:.1f} s in all "
            f"(each attempt limited to {timeout:g} s; {advice})"
        )

    def after_attempts(self, attempts: int, elapsed: float) -> None:
        """Say in the message that the call gave up after ``attempts`` attempts that took
        ``elapsed`` seconds in all (waits between them included)."""
        if self.timeout is not None and attempts > 1:
            self.message = self.message.replace(
                self.hint(self.timeout), self.hint(self.timeout, attempts, elapsed), 1
            )


class TLSError(TransportError):
    """The TLS handshake was refused: a plain-HTTP server behind ``https://``, a certificate
    the client does not trust, no common protocol version. A configuration problem: not
    retried, and a batch stops at once (every later call would fail the same way), with the
    unfinished ids to run again once ``base_url`` or the trust store is fixed."""

    retryable = False
    stops_batch = True


class ProtocolError(JustOneAPIError):
    """The answer is not a JSON envelope: an HTML error page, a non-object, no ``code``...

    Its ``http_status`` is the answer's: an HTTP 500 (or 502, 503...) page is a
    ``ProtocolError`` retryable like HTTP 429, unlike :class:`InternalServerError`, which
    is the envelope's code 500."""

    def __init__(
        self,
        message: str,
        *,
        http_status: int | None = None,
        retryable: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.retryable = retryable
        self.retry_after = retry_after


class ResponseTooLargeError(ProtocolError):
    """The body grew past ``max_response_bytes`` (raw or decoded, counted as bytes arrive
    and as they inflate); it was not read into memory whole."""


class ClientClosedError(JustOneAPIError, RuntimeError):
    """The client was closed: no call can be sent with it any more.

    Calls in flight when it closed end with this error at once, without retries. A batch
    using the client stops (:class:`BatchStoppedError`) with the unfinished ids.
    """

    stops_batch = True

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "the client was closed, so no request can be sent with it: create a new "
            "client (calls in flight when it closed end with this error, not retried)"
        )


class WrongEventLoopError(JustOneAPIError, RuntimeError):
    """An :class:`~justoneapi_xingtu.AsyncXingtuClient` was used from an event loop other
    than the one of its first call: its connections belong to that loop."""

    stops_batch = True

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "this AsyncXingtuClient was first used in another event loop, which owns its "
            "connections: create one client per event loop (for example inside the "
            "coroutine given to asyncio.run), or use XingtuClient from threads"
        )


class BatchStoppedError(JustOneAPIError):
    """A batch stopped early because no later call could succeed (now).

    Raised by ``author_rec_videos_many`` after every outcome completed so far was
    yielded, when a call answers 100 (token), 303 (daily quota), 600 (permission) or
    601 (balance), its TLS handshake is refused (:class:`TLSError`), the client was
    closed, or the server asks for a ``Retry-After`` longer than 60 s (``cause.retry_after``
    says how long): the calls still in flight are cancelled, the rest are not sent.
    ``BatchStopped`` is the same class under its former name.

    Attributes:
        cause: the error that stopped the batch (its ``code``, ``request_id``...).
        completed: how many authors got an outcome (yielded) before the stop.
        unfinished: the author ids without an outcome, in input order: run them again
            once the cause is fixed.
    """

    def __init__(
        self, cause: JustOneAPIError, *, completed: int, unfinished: tuple[str, ...]
    ) -> None:
        self.cause = cause
        self.completed = completed
        self.unfinished = unfinished
        self.request_id = cause.request_id
        self.http_status = cause.http_status
        self.attempts = cause.attempts
        super().__init__(
            f"batch stopped: {cause} {completed} authors finished and kept; "
            f"{len(unfinished)} not fetched."
        )

    @property
    def code(self) -> int | None:
        """The business code of the cause (100, 303, 600 or 601)."""
        code = getattr(self.cause, "code", None)
        return code if isinstance(code, int) else None


BatchStopped = BatchStoppedError
"""The former name of :class:`BatchStoppedError`: the same class."""


class DependencyFallbackWarning(UserWarning):
    """A dependency no longer has an internal the package used for speed: the package
    fell back to the dependency's public way, which works; the message names what was
    lost. Warned once per process; upgrading the package (or pinning the dependency)
    restores it."""


def _rebuild(cls: type[JustOneAPIError], message: str, state: dict[str, object]) -> JustOneAPIError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    vars(error).update(state)
    return error
