"""Everything the sync and async clients share except the I/O.

Configuration (token, endpoint, timeout, retries), input checks, decoding an answer into
a result or an exception, and the retry schedule all live here; ``client.py`` only adds
the two loops that send requests and sleep.
"""

from __future__ import annotations

import contextlib
import copy
import ssl
import time
import urllib.parse
import warnings
from collections.abc import Iterator, Mapping
from typing import Any, Self

import httpx
import orjson

from . import _retry, _spec
from ._codings import ACCEPT_ENCODING, Decoder
from ._config import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    Environment,
    check_max_response_bytes,
    cleartext_warning,
    resolve_endpoint,
    resolve_timeout,
    resolve_token,
)
from ._operation import Operation
from ._redact import Redactor, display_url, keep_log_masking, package_logger, remember, url_secrets
from ._version import __version__
from .errors import (
    ClientClosedError,
    DependencyFallbackWarning,
    JustOneAPIError,
    ProtocolError,
    RequestTimeoutError,
    ResponseTooLargeError,
    TLSError,
    TransportError,
    error_for_code,
)
from .models import Answer, AuthorRecVideos, decode_success, mask_shown_fields

_quote = urllib.parse.quote_plus
_UNSET: Any = object()
_NOT_JSON: Any = object()


class _Body:
    """One streamed answer: its raw bytes decoded through its content codings piece by
    piece, held to ``max_response_bytes`` as decoded bytes are produced (so a compression
    bomb is refused before it inflates) and to the whole-call deadline. Used by both
    backends (httpx and aiohttp)."""

    __slots__ = ("chunks", "client", "complete", "deadline", "decoder", "raw_size", "size")

    def __init__(
        self,
        client: BaseClient,
        headers: Mapping[str, str],
        deadline: float,
        decoded: bytes | None = None,
    ) -> None:
        """``decoded``: an answer already read and decoded (a caller's mock transport)."""
        declared = headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > client.max_response_bytes:
            raise client._too_large()  # refused before a byte of the body is read
        self.client = client
        self.deadline = deadline
        self.chunks: list[bytes] = []
        self.raw_size = self.size = 0
        self.complete = decoded is not None
        self.decoder = Decoder(None if self.complete else headers.get("content-encoding"))
        if decoded is not None:
            self.add(decoded)

    def add(self, raw: bytes) -> None:
        limit = self.client.max_response_bytes
        self.raw_size += len(raw)
        if self.raw_size > limit:
            raise self.client._too_large()
        for piece in self.decoder.feed(raw):
            self.size += len(piece)
            if self.size > limit:
                raise self.client._too_large()
            self.chunks.append(piece)
        if time.monotonic() > self.deadline:
            raise self.client._transport_error(httpx.ReadTimeout("body still arriving"))

    def value(self) -> bytes:
        self.decoder.finish()
        return b"".join(self.chunks)


def _fast_url(parsed: httpx.URL, query: str) -> httpx.URL:
    """``parsed`` with ``query``, without httpx parsing the whole URL again (private)."""
    fast = httpx.URL.__new__(httpx.URL)
    fast._uri_reference = parsed._uri_reference._replace(query=query)
    return fast


_SLOW_URLS_WARNED = False


def _fast_urls_work(parsed: httpx.URL) -> bool:
    """Whether :func:`_fast_url` still builds the URL httpx would parse; if not, warn once
    (:class:`DependencyFallbackWarning`) and build each URL the public way."""
    global _SLOW_URLS_WARNED
    query = "token=a%2Fb&oAuthorId=1"
    try:
        fast = _fast_url(parsed, query)
        works = (
            str(fast) == f"{parsed}?{query}"
            and fast.raw_path == httpx.URL(f"{parsed}?{query}").raw_path
        )
    except Exception:  # noqa: BLE001 - any change of httpx's internals means: do not use them
        works = False
    if not works and not _SLOW_URLS_WARNED:
        _SLOW_URLS_WARNED = True
        warnings.warn(
            f"httpx {httpx.__version__} changed an internal the client used to build "
            "request URLs quickly: calls still work, each one parsing its URL in full "
            "(some CPU per call lost)",
            DependencyFallbackWarning,
            stacklevel=5,
        )
    return works


class BaseClient:
    """Configuration and the parts of a call that do no I/O."""

    _owns_http: bool

    def __init__(
        self,
        token: str | None = None,
        *,
        env: Environment | str | None = None,
        base_url: str | None = None,
        timeout: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        retry: _retry.RetryPolicy | None = None,
    ) -> None:
        self._token = resolve_token(token)
        self._set_endpoint(*resolve_endpoint(env, base_url))
        self.timeout = resolve_timeout(timeout)
        given = None if retry is not None and max_retries == DEFAULT_MAX_RETRIES else max_retries
        self.retry = _retry.policy(retry, given)
        """When a failed call is tried again (:class:`~justoneapi_xingtu.RetryPolicy`)."""
        self.max_response_bytes = check_max_response_bytes(max_response_bytes)
        self._headers = {
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,  # only what _codings decodes with a bound
            "User-Agent": f"justoneapi-xingtu/{__version__} httpx/{httpx.__version__}",
        }
        if (warning := cleartext_warning(self._base_url)) is not None:
            package_logger().warning("%s", warning)

    @property
    def max_retries(self) -> int:
        """The most retries of a call: ``retry.max_retries``."""
        return self.retry.max_retries

    @max_retries.setter
    def max_retries(self, value: int) -> None:
        self.retry = _retry.policy(None, value, base=self.retry)

    def _set_endpoint(self, env: Environment | None, base_url: str) -> None:
        """Use ``base_url``; ``self.base_url`` shows it with any password masked."""
        self.env = env
        self._base_url = base_url
        self.base_url = display_url(base_url)
        """The base URL in use, fit to print: a password in it shows as ``***``."""
        self._url = base_url + _spec.PATH  # the typed operation's URL (proxy choice, tests)
        # Each operation's URL parsed once, on its first call; each call only adds its query.
        self._parsed_urls: dict[str, httpx.URL] = {}
        self._fast_urls = _fast_urls_work(httpx.URL(self._url))
        self._set_secrets()

    def _set_secrets(self) -> None:
        """Mask this client's token and base URL userinfo wherever text leaves it."""
        self._redact = Redactor((self._token, *url_secrets(self._base_url)))
        remember(self._redact)  # and in the HTTP stack's log records while it lives
        # The token's query part, encoded once: token first, as the spec orders it.
        self._token_query = urllib.parse.urlencode({"token": self._token})

    def with_options(
        self,
        *,
        token: str | None = _UNSET,
        env: Environment | str | None = _UNSET,
        base_url: str | None = _UNSET,
        timeout: float | None = _UNSET,
        max_retries: int = _UNSET,
        max_response_bytes: int = _UNSET,
        retry: _retry.RetryPolicy | None = _UNSET,
    ) -> Self:
        """A copy of this client with some settings changed, sharing its connection pool.

        The copy never closes the pool (close the original). ``max_retries`` keeps the
        ``per_code`` caps of the client's policy; ``retry`` replaces the policy::

            patient = client.with_options(timeout=120, max_retries=5)
            careful = client.with_options(retry=RetryPolicy(max_retries=3, per_code={301: 1}))
        """
        clone = copy.copy(self)
        clone._owns_http = False
        if token is not _UNSET:
            clone._token = resolve_token(token)
            clone._set_secrets()
        if env is not _UNSET or base_url is not _UNSET:
            clone._set_endpoint(
                *resolve_endpoint(
                    None if env is _UNSET else env, None if base_url is _UNSET else base_url
                )
            )
        if timeout is not _UNSET:
            clone.timeout = resolve_timeout(timeout)
        if max_retries is not _UNSET or retry is not _UNSET:
            clone.retry = _retry.policy(
                None if retry is _UNSET else retry,
                None if max_retries is _UNSET else max_retries,
                base=self.retry,
            )
        if max_response_bytes is not _UNSET:
            clone.max_response_bytes = check_max_response_bytes(max_response_bytes)
        return clone

    def _prepare(self, operation: Operation, values: Mapping[str, object]) -> dict[str, str]:
        """The checked query for ``operation`` without the token (which :meth:`_url_for`
        adds: no frame of a call holds it in a local); a ValueError names a bad argument."""
        keep_log_masking()  # in front of a record factory set since the last call
        return operation.query(values)

    def _url_for(self, operation: Operation, params: dict[str, str]) -> str:
        """The request URL with its query, token first as the spec orders it: encoded
        here once, rather than parsed and merged again by httpx on every call."""
        # What urlencode() gives, with the quoting skipped for plain ASCII letters and
        # digits (ids, platforms): a tenth of the client's own CPU per call otherwise.
        return f"{self._base_url}{operation.path}?{self._token_query}" + "".join(
            f"&{name}={value if value.isascii() and value.isalnum() else _quote(value)}"
            for name, value in params.items()
        )

    def _httpx_url(self, operation: Operation, params: dict[str, str]) -> httpx.URL | str:
        """:meth:`_url_for` as an ``httpx.URL`` built from the operation's URL parsed once.

        httpx would otherwise re-validate every character of the finished URL on each
        call (a fifth of a call's CPU on a small answer). The query is ours, encoded by
        ``urlencode``: nothing in it needs checking again. This uses httpx's internal
        ``_uri_reference``: checked once per endpoint (:func:`_fast_urls_work`); where it
        no longer works the plain string is used and httpx parses it as before.
        """
        url = self._url_for(operation, params)
        if not self._fast_urls:
            return url
        parsed = self._parsed_urls.get(operation.name)
        if parsed is None:
            parsed = self._parsed_urls[operation.name] = httpx.URL(self._base_url + operation.path)
        return _fast_url(parsed, url.partition("?")[2])

    @staticmethod
    def _label(operation: Operation, params: Mapping[str, str]) -> str:
        """How logs name one call: ``author 123`` for the typed operation (as before),
        else the operation and its id (``kol_info kolId=123``)."""
        if operation is _spec.REC_VIDEOS:
            return f"author {params.get('oAuthorId', '')}"
        key = operation.id_param
        return f"{operation.name} {key.wire}={params.get(key.wire)}" if key else operation.name

    def _transport_error(self, exc: Exception) -> TransportError:
        from ._transport import tls_failure  # loaded with the client's pools

        if (tls := tls_failure(exc)) is not None:
            return self._tls_error(tls)
        kind = RequestTimeoutError if isinstance(exc, httpx.TimeoutException) else TransportError
        what = "timed out" if kind is RequestTimeoutError else "failed"
        detail = self._redact(str(exc)) or "no detail"
        hint = RequestTimeoutError.hint(self.timeout) if kind is RequestTimeoutError else ""
        error = kind(f"request to {self.base_url} {what}{hint}: {type(exc).__name__}: {detail}")
        if isinstance(error, RequestTimeoutError):
            error.timeout = self.timeout
        return error

    def _tls_error(self, exc: ssl.SSLError) -> TLSError:
        reason = self._redact(exc.reason or str(exc))
        return TLSError(
            f"TLS with {self.base_url} failed ({reason}): check that the server speaks HTTPS "
            "at that URL and that its certificate is trusted."
        )

    def _too_large(self) -> ResponseTooLargeError:
        return ResponseTooLargeError(
            f"the answer is larger than max_response_bytes={self.max_response_bytes}; "
            "it was not read into memory"
        )

    def _body(self, response: httpx.Response, deadline: float) -> _Body:
        """A collector for one httpx answer's raw body (unless httpx already holds it
        decoded); ``deadline`` (``time.monotonic()``) ends the call."""
        decoded = response.content if response.is_stream_consumed else None
        return self._collector(response.headers, deadline, decoded)

    def _collector(
        self, headers: Mapping[str, str], deadline: float, decoded: bytes | None = None
    ) -> _Body:
        """The body collector for one answer with these headers, whatever the backend."""
        return _Body(self, headers, deadline, decoded)

    @contextlib.contextmanager
    def _http_errors(self) -> Iterator[None]:
        """Turn httpx's exceptions into this package's, with the token redacted.

        The httpx error is not chained (its ``request.url`` carries the token); the
        clients also detach what they finally raise (:meth:`_final`).
        """
        failure: JustOneAPIError | None = None
        try:
            yield
        except httpx.DecodingError as exc:
            failure = ProtocolError(f"the answer could not be decoded: {self._redact(str(exc))}")
        except httpx.HTTPError as exc:
            failure = self._transport_error(exc)
        if failure is not None:
            raise failure from None

    def _is_closed(self) -> bool:
        http = getattr(self, "_http", None)
        return bool(http is not None and http.is_closed)

    def _check_open(self) -> None:
        """Refuse to send once the client (its httpx client) was closed."""
        if self._is_closed():
            raise ClientClosedError()

    def _failure(self, error: Exception) -> JustOneAPIError:
        """What a failed attempt raises: a call cut short because the client was closed
        (mid-call, or a RuntimeError from httpx) is a :class:`ClientClosedError`."""
        if self._is_closed() and not isinstance(error, ClientClosedError):
            return ClientClosedError()
        if isinstance(error, JustOneAPIError):
            return error
        raise error

    @staticmethod
    def _final(error: JustOneAPIError) -> JustOneAPIError:
        """``error`` detached from what it was raised during, to raise outside any except
        block: no ``__context__``/``__cause__`` (an httpx error holds the request, and its
        URL the token) and no traceback through the frames below the public method (their
        locals hold the httpx error, the response and the raw body): the traceback starts
        at the call the user made."""
        error.__cause__ = error.__context__ = None
        error.__suppress_context__ = True
        return error.with_traceback(None)

    def _next_delay(
        self, error: JustOneAPIError, attempt: int, label: str, started: float
    ) -> float | None:
        """After failed attempt number ``attempt`` (from 0) of a call begun at ``started``
        (``time.monotonic()``): the wait before the next one, logged, or None when the
        error is final (a timeout then says how many attempts timed out, in how long)."""
        error.attempts = attempt + 1
        delay = self.retry.decide(error, attempt)
        if delay is not None:
            _retry.log_retry(error, label, attempt + 1, self.retry.limit(error), delay)
        elif isinstance(error, RequestTimeoutError):
            error.after_attempts(attempt + 1, time.monotonic() - started)
        return delay

    def _decode(
        self,
        operation: Operation,
        answer: tuple[int, Mapping[str, str], bytes],
        params: Mapping[str, str],
    ) -> AuthorRecVideos | Answer:
        """The result of a code-0 envelope, or the exception the answer calls for."""
        status, headers, body = answer
        typed = operation.data_schema == "AuthorRecVideosData"
        author_id = params.get("oAuthorId", "")
        platform = params.get("platform", _spec.DEFAULT_PLATFORM)
        echoed = self._redact.found_in(body)  # an echoed secret is scrubbed on the path below
        if typed and not echoed:
            result = decode_success(body, author_id=author_id, platform=platform, mask=self._redact)
            if result is not None:  # the usual answer, decoded straight into typed videos
                return result

        def not_an_envelope(detail: str) -> ProtocolError:
            return ProtocolError(
                f"HTTP {status}{detail}",
                http_status=status,
                retryable=status >= 500 or status == 429,
                retry_after=_retry.parse_retry_after(headers),
            )

        try:
            document = orjson.loads(body)
        except orjson.JSONDecodeError:
            document = _NOT_JSON
        if document is _NOT_JSON:  # raised here: the JSONDecodeError (holding the body) stays out
            kind = self._redact(headers.get("content-type", "no content type"))
            # masked before it is cut: a secret across the cut must not show its first half
            window = self._redact(body[:4096].decode("utf-8", "replace"))
            shown = window[:80].strip() or "an empty body"
            raise not_an_envelope(f" ({kind}) is not a JSON envelope: {shown!r}")
        if echoed:  # the server echoed a secret: mask it at the source
            document = self._redact.scrub(document)
        else:  # the shown and stored fields, even JSON-escaped
            mask_shown_fields(document, self._redact)
        code = document.get("code") if isinstance(document, dict) else None
        if not isinstance(code, int) or isinstance(code, bool):
            raise not_an_envelope(
                f": the JSON answer has no integer 'code' (got {type(document).__name__}), "
                "so it is not the API's envelope"
            )
        if code == 0 and typed:
            return AuthorRecVideos(document, author_id=author_id, platform=platform)
        if code == 0:
            return Answer(document, operation=operation.name, params=params)
        message = document.get("message")
        request_id = document.get("requestId")
        raise error_for_code(  # message and request id were masked above
            code,
            message if isinstance(message, str) else None,
            request_id=request_id if isinstance(request_id, str) else None,
            http_status=status,
            retry_after=_retry.parse_retry_after(headers),
        )

    def __repr__(self) -> str:
        env = self.env.value if self.env else None
        caps = f", retry={self.retry!r}" if self.retry.per_code else ""
        return (
            f"{type(self).__name__}(env={env!r}, base_url={self.base_url!r}, "
            f"timeout={self.timeout:g}, max_retries={self.max_retries}{caps})"
        )
