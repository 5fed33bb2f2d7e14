"""Everything the sync and async clients share except the I/O.

Configuration (token, endpoint, timeout, retries), input checks, decoding an answer into
a result or an exception, and the retry schedule all live here; ``client.py`` only adds
the two loops that send requests and sleep.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import os
import random
import time
import urllib.parse
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import httpx
import orjson

from . import __version__
from ._redact import redact
from .environments import Environment, is_cleartext_to_remote, resolve_endpoint
from .errors import (
    JustOneAPIError,
    MissingTokenError,
    ProtocolError,
    RequestTimeoutError,
    ResponseTooLargeError,
    TransportError,
    error_for_code,
)
from .models import AuthorRecVideos

if TYPE_CHECKING:
    from types import ModuleType

    from justoneapi_xingtu_generated.models import Platform

logger = logging.getLogger("justoneapi_xingtu")

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
# author_rec_videos_many's defaults (the batch module itself is imported on first use).
DEFAULT_MAX_CONCURRENCY = 32
DEFAULT_INITIAL_CONCURRENCY = 4
DEFAULT_MAX_RATE_LIMIT_RETRIES = 10


@functools.cache
def _endpoint() -> ModuleType:
    """The generated endpoint module, imported on first use: `import justoneapi_xingtu`
    need not pay for the generated package (attrs models and all)."""
    from justoneapi_xingtu_generated.api.douyin_creator_marketplace_xingtu import (
        get_api_douyin_xingtu_gw_api_data_sp_author_rec_videos_v2v1 as endpoint,
    )

    return endpoint


@functools.cache
def _platforms() -> dict[str, Platform]:
    from justoneapi_xingtu_generated.models import Platform

    return {p.value: p for p in Platform}


def parse_platform(platform: Platform | str) -> Platform:
    """The enum, or its value/name as a string (case-insensitive)."""
    platforms = _platforms()
    if isinstance(platform, str) and platform.strip().upper() in platforms:
        return platforms[platform.strip().upper()]  # the enum is a str too: same path
    valid = ", ".join(platforms)
    raise ValueError(f"platform: unknown platform {platform!r}; expected one of {valid}")


def check_author_id(o_author_id: object) -> str:
    """A non-empty string without whitespace; anything else is a ValueError naming it."""
    if not isinstance(o_author_id, str):
        raise ValueError(
            f"o_author_id: expected the author id as a string, got {type(o_author_id).__name__}"
            " (pass ids as text: 19-digit ids do not survive a float)"
        )
    if not o_author_id.strip():
        raise ValueError("o_author_id: must not be empty")
    if any(c.isspace() for c in o_author_id) or len(o_author_id) > 128:
        raise ValueError(
            f"o_author_id: {o_author_id[:40]!r} is not an author id "
            "(no whitespace, at most 128 characters)"
        )
    return o_author_id


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or HTTP date), if present."""
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        import email.utils  # rare (an HTTP date): not worth its import time up front

        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if parsed is None:
            return None
        seconds = parsed.timestamp() - time.time()
    return max(0.0, seconds) if math.isfinite(seconds) else None


class _Body:
    """The chunks of one streamed answer, held to ``max_response_bytes`` and to the
    whole-call deadline (httpx's read timeout is per chunk: a trickle never trips it)."""

    __slots__ = ("chunks", "client", "deadline", "size")

    def __init__(self, client: BaseClient) -> None:
        self.client = client
        self.deadline = time.monotonic() + client.timeout
        self.chunks: list[bytes] = []
        self.size = 0

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.client.max_response_bytes:
            raise self.client._too_large()
        self.chunks.append(chunk)
        if time.monotonic() > self.deadline:
            raise self.client._transport_error(httpx.ReadTimeout("body still arriving"))

    def value(self) -> bytes:
        return b"".join(self.chunks)


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
    ) -> None:
        self._token = self._resolve_token(token)
        self.env, self.base_url = resolve_endpoint(env, base_url)
        self.timeout = self._resolve_timeout(timeout)
        if not isinstance(max_retries, int) or isinstance(max_retries, bool) or max_retries < 0:
            raise ValueError(f"max_retries: expected an integer >= 0, got {max_retries!r}")
        self.max_retries = max_retries
        if not isinstance(max_response_bytes, int) or max_response_bytes <= 0:
            raise ValueError("max_response_bytes: expected a positive integer")
        self.max_response_bytes = max_response_bytes
        self._url = self.base_url + _endpoint()._get_kwargs(token="", o_author_id="")["url"]
        self._headers = {
            "Accept": "application/json",
            "User-Agent": f"justoneapi-xingtu/{__version__} httpx/{httpx.__version__}",
        }
        if is_cleartext_to_remote(self.base_url):
            logger.warning(
                "%s sends the token over plain HTTP: anyone on the network path can read it. "
                "Use env='prod-global' (HTTPS) unless you accept that.",
                self.base_url,
            )

    @staticmethod
    def _resolve_token(token: str | None) -> str:
        source = "token"
        if token is None:
            token, source = os.environ.get("JUSTONEAPI_TOKEN"), "JUSTONEAPI_TOKEN"
        if token is None or token == "":
            raise MissingTokenError(
                "no API token: pass token=... or set the JUSTONEAPI_TOKEN environment variable"
            )
        if not isinstance(token, str) or token != token.strip() or any(c.isspace() for c in token):
            raise ValueError(f"{source}: expected a non-empty string without whitespace")
        return token

    @staticmethod
    def _resolve_timeout(timeout: float | None) -> float:
        source = "timeout"
        if timeout is None:
            raw = os.environ.get("JUSTONEAPI_TIMEOUT")
            if not raw:
                return DEFAULT_TIMEOUT
            source = "JUSTONEAPI_TIMEOUT"
            try:
                timeout = float(raw)
            except ValueError:
                raise ValueError(f"{source}: expected seconds, got {raw[:20]!r}") from None
        if isinstance(timeout, bool) or not isinstance(timeout, int | float):
            raise ValueError(f"{source}: expected seconds as a number, got {timeout!r}")
        if not (timeout > 0 and math.isfinite(timeout)):
            raise ValueError(f"{source}: expected a positive number of seconds, got {timeout!r}")
        return float(timeout)

    def _prepare(
        self, o_author_id: object, platform: Platform | str
    ) -> tuple[str, Platform, dict[str, Any]]:
        author_id = check_author_id(o_author_id)
        chosen = parse_platform(platform)
        params = _endpoint()._get_kwargs(token=self._token, o_author_id=author_id, platform=chosen)
        return author_id, chosen, params["params"]

    def _url_for(self, params: dict[str, str]) -> str:
        """The request URL with its query: encoded here once, rather than parsed and
        merged again by httpx on every call."""
        return f"{self._url}?{urllib.parse.urlencode(params)}"

    def _redact(self, text: str) -> str:
        return redact(text, (self._token,))

    def _transport_error(self, exc: Exception) -> TransportError:
        kind = RequestTimeoutError if isinstance(exc, httpx.TimeoutException) else TransportError
        what = "timed out" if kind is RequestTimeoutError else "failed"
        detail = self._redact(str(exc)) or "no detail"
        hint = (
            f" after {self.timeout:g} s (the page advises at least 60 s)"
            if kind is RequestTimeoutError
            else ""
        )
        return kind(f"request to {self.base_url} {what}{hint}: {type(exc).__name__}: {detail}")

    def _too_large(self) -> ResponseTooLargeError:
        return ResponseTooLargeError(
            f"the answer is larger than max_response_bytes={self.max_response_bytes}; "
            "it was not read into memory"
        )

    def _body(self, headers: httpx.Headers) -> _Body:
        """A collector for one answer's body, refusing it early when it declares too much."""
        declared = headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_response_bytes:
            raise self._too_large()
        return _Body(self)

    @contextlib.contextmanager
    def _http_errors(self) -> Iterator[None]:
        """Turn httpx's exceptions into this package's, with the token redacted."""
        try:
            yield
        except httpx.DecodingError as exc:
            detail = self._redact(str(exc))
            raise ProtocolError(f"the answer could not be decoded: {detail}") from None
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from None

    def _next_delay(self, error: JustOneAPIError, attempt: int, author_id: str) -> float | None:
        """After failed attempt number ``attempt`` (from 0): the wait before the next one,
        logged, or None when the error is final."""
        error.attempts = attempt + 1
        delay = self._retry_delay(error, attempt)
        if delay is not None:
            self._log_retry(error, attempt, delay, author_id)
        return delay

    def _decode(
        self,
        status: int,
        headers: Mapping[str, str],
        body: bytes,
        author_id: str,
        platform: Platform,
    ) -> AuthorRecVideos:
        """The result of a code-0 envelope, or the exception the answer calls for."""

        def not_an_envelope(detail: str) -> ProtocolError:
            return ProtocolError(
                f"HTTP {status}{detail}",
                http_status=status,
                retryable=status >= 500 or status == 429,
                retry_after=parse_retry_after(headers),
            )

        try:
            document = orjson.loads(body)
        except orjson.JSONDecodeError:
            kind = headers.get("content-type", "no content type")
            shown = self._redact(body[:80].decode("utf-8", "replace")).strip() or "an empty body"
            raise not_an_envelope(f" ({kind}) is not a JSON envelope: {shown!r}") from None
        code = document.get("code") if isinstance(document, dict) else None
        if not isinstance(code, int) or isinstance(code, bool):
            raise not_an_envelope(
                f": the JSON answer has no integer 'code' (got {type(document).__name__}), "
                "so it is not the API's envelope"
            )
        if code == 0:
            return AuthorRecVideos(document, author_id=author_id, platform=platform.value)
        message = document.get("message")
        request_id = document.get("requestId")
        raise error_for_code(
            code,
            self._redact(message) if isinstance(message, str) else None,
            request_id=request_id if isinstance(request_id, str) else None,
            http_status=status,
            retry_after=parse_retry_after(headers),
        )

    def _retry_delay(self, error: JustOneAPIError, attempt: int) -> float | None:
        """Seconds to wait before retry number ``attempt + 1``, or None to give up."""
        if attempt >= self.max_retries or not error.retryable:
            return None
        if error.retry_after is not None and error.retry_after <= MAX_RETRY_AFTER:
            return error.retry_after
        delay = min(INITIAL_RETRY_DELAY * float(2**attempt), MAX_RETRY_DELAY)
        return delay * (1 - 0.25 * random.random())  # noqa: S311 - jitter, not crypto

    def _log_retry(
        self, error: JustOneAPIError, attempt: int, delay: float, author_id: str
    ) -> None:
        code = getattr(error, "code", None)
        what = f"code {code}" if code is not None else type(error).__name__
        if error.http_status is not None:
            what += f", HTTP {error.http_status}"
        rid = f" [request id {error.request_id}]" if error.request_id else ""
        logger.info(
            "author %s: %s; retry %d/%d in %.2f s%s",
            author_id,
            what,
            attempt + 1,
            self.max_retries,
            delay,
            rid,
        )

    def __repr__(self) -> str:
        env = self.env.value if self.env else None
        return (
            f"{type(self).__name__}(env={env!r}, base_url={self.base_url!r}, "
            f"timeout={self.timeout:g}, max_retries={self.max_retries})"
        )
