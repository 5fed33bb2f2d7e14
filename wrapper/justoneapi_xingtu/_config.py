"""A client's configuration: the token, the deployment and base URL, the timeout.

Deployment precedence, first match wins (an argument beats an environment variable, as in
httpx and openai):
1. the ``base_url=`` argument (any URL: a proxy, the mock server), then the ``env=``
   argument (``prod-global``/``global`` or ``prod-cn``/``cn``);
2. ``JUSTONEAPI_BASE_URL``, then ``JUSTONEAPI_ENV``;
3. :attr:`Environment.GLOBAL`.
When more than one is set, the one chosen is logged at INFO.
"""

from __future__ import annotations

import enum
import ipaddress
import math
import os
import re
from urllib.parse import urlsplit

from ._redact import display_url, package_logger, redact, url_secrets

__all__ = [
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "Environment",
    "check_max_response_bytes",
    "check_max_retries",
    "resolve_endpoint",
    "resolve_timeout",
    "resolve_token",
]

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024
# author_rec_videos_many's defaults
DEFAULT_MAX_CONCURRENCY = 32
DEFAULT_INITIAL_CONCURRENCY = 4
DEFAULT_MAX_RATE_LIMIT_RETRIES = 10


class Environment(enum.StrEnum):
    """The two production deployments the documentation names."""

    GLOBAL = "prod-global"
    """``https://api.justoneapi.com``: the default."""
    CN = "prod-cn"
    """``http://47.117.133.51:30015``: advised in mainland China. Plain HTTP: the token
    crosses the network in clear text."""

    @property
    def base_url(self) -> str:
        return _BASE_URLS[self]


_BASE_URLS = {
    Environment.GLOBAL: "https://api.justoneapi.com",
    Environment.CN: "http://47.117.133.51:30015",
}
_ALIASES = {
    "prod-global": Environment.GLOBAL,
    "global": Environment.GLOBAL,
    "prod-cn": Environment.CN,
    "cn": Environment.CN,
}


def parse_environment(value: Environment | str) -> Environment:
    """Accept the enum, its value or its short alias (case-insensitive)."""
    if isinstance(value, Environment):
        return value
    if isinstance(value, str) and value.strip().lower() in _ALIASES:
        return _ALIASES[value.strip().lower()]
    valid = ", ".join(repr(name) for name in _ALIASES)
    raise ValueError(f"env: unknown environment {value!r}; expected one of {valid}")


_HOST_LABEL = re.compile(r"[A-Za-z0-9_-]{1,63}")


def check_base_url(url: str, *, source: str = "base_url") -> str:
    """Return ``url`` without a trailing slash, or raise ValueError saying what is wrong.

    The URL is checked the way httpx will use it (parsed, a request built on it, the host
    a valid name or address), so a URL that cannot be sent is refused here, once, rather
    than on every call. Messages never show a password of the URL.
    """
    if not isinstance(url, str) or not url.strip():
        raise ValueError(f"{source}: expected an http(s) URL such as https://api.justoneapi.com")
    url = url.strip().rstrip("/")
    problem = _url_problem(url)
    if problem:
        raise ValueError(
            f"{source}: {problem}; expected an http(s) URL such as https://api.justoneapi.com"
        )
    return url


def _url_problem(url: str) -> str | None:
    """What makes ``url`` unusable as a base URL, or None."""
    import httpx  # the caller imports it anyway; kept out of `import justoneapi_xingtu._config`

    try:
        parsed = httpx.URL(url)
        httpx.Request("GET", url + "/x?token=x")
    except (httpx.InvalidURL, ValueError, UnicodeError) as error:
        # httpx's wording names the character or part at fault; it may quote the URL
        return f"cannot be parsed ({redact(str(error), url_secrets(url))})"
    if parsed.scheme not in ("http", "https"):
        return f"{parsed.scheme or 'no'} scheme, not http or https"
    if parsed.query or parsed.fragment or "?" in url or "#" in url:
        return "must not carry a query string or fragment"
    host = parsed.host
    if not host:
        return "no host"
    if parsed.port is not None and not 0 < parsed.port < 65536:
        return f"port {parsed.port} is not between 1 and 65535"
    if not _is_ip(host):
        name = parsed.raw_host.decode("ascii", "replace").removesuffix(".")
        if len(name) > 253 or not all(_HOST_LABEL.fullmatch(part) for part in name.split(".")):
            return f"{name[:80]!r} is not a valid host name"
    return None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def resolve_endpoint(
    env: Environment | str | None = None, base_url: str | None = None
) -> tuple[Environment | None, str]:
    """Pick ``(environment, base_url)``: the arguments, else the environment variables.

    The environment is ``None`` when a base URL was given that is neither deployment's.
    """
    given = [
        (name, value)
        for name, value in (
            ("base_url", base_url),
            ("env", env),
            ("JUSTONEAPI_BASE_URL", os.environ.get("JUSTONEAPI_BASE_URL") or None),
            ("JUSTONEAPI_ENV", os.environ.get("JUSTONEAPI_ENV") or None),
        )
        if value is not None
    ]
    if not given:
        return Environment.GLOBAL, Environment.GLOBAL.base_url
    source, value = given[0]
    if source in ("base_url", "JUSTONEAPI_BASE_URL"):
        url = check_base_url(str(value), source=source)
        matching = [e for e, u in _BASE_URLS.items() if u == url]
        chosen: Environment | None = matching[0] if matching else None
    else:
        try:
            chosen = parse_environment(value)
        except ValueError as exc:
            raise ValueError(f"{source}{str(exc)[3:]}") from None
        url = chosen.base_url
    if len(given) > 1:
        ignored = ", ".join(_shown(name, other) for name, other in given[1:])
        package_logger().info(
            "using %s (%s); ignored: %s", display_url(url), _shown(source, value), ignored
        )
    return chosen, url


def _shown(name: str, value: object) -> str:
    """``name=value`` fit for a log line: userinfo masked, any query or fragment cut."""
    text = value.value if isinstance(value, Environment) else str(value)
    return f"{name}={display_url(text.split('?', 1)[0].split('#', 1)[0])}"


def is_cleartext_to_remote(url: str) -> bool:
    """True when ``url`` is plain HTTP to a host that is not loopback."""
    parts = urlsplit(url)
    if parts.scheme != "http":
        return False
    host = parts.hostname or ""
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


def cleartext_warning(url: str) -> str | None:
    """The warning for a client on ``url`` when it is plain HTTP to a remote host (the
    token then crosses the network in clear text), else None."""
    if not is_cleartext_to_remote(url):
        return None
    return (
        f"{display_url(url)} sends the token over plain HTTP: anyone on the network path can "
        "read it. Use env='prod-global' (HTTPS) unless you accept that."
    )


def resolve_token(token: str | None) -> str:
    """The ``token`` argument, else ``JUSTONEAPI_TOKEN``; a clear error when neither is usable."""
    from .errors import MissingTokenError

    source = "token"
    if token is None:
        token, source = os.environ.get("JUSTONEAPI_TOKEN"), "JUSTONEAPI_TOKEN"
    if token is None or token == "":
        raise MissingTokenError(
            "no API token: set the JUSTONEAPI_TOKEN environment variable (or pass token=...)"
        )
    if not isinstance(token, str) or token != token.strip() or any(c.isspace() for c in token):
        raise ValueError(f"{source}: expected a non-empty string without whitespace")
    if not _encodable(token):
        # raised outside the except block: the UnicodeEncodeError (which holds the whole
        # token) must not stay attached as __context__
        raise ValueError(
            f"{source}: contains characters that cannot be sent (not encodable as UTF-8, "
            "such as a lone surrogate)"
        )
    return token


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def resolve_timeout(timeout: float | None) -> float:
    """Seconds for a whole call: the argument, else ``JUSTONEAPI_TIMEOUT``, else 60."""
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


def check_max_retries(max_retries: object) -> int:
    if not isinstance(max_retries, int) or isinstance(max_retries, bool) or max_retries < 0:
        raise ValueError(f"max_retries: expected an integer >= 0, got {max_retries!r}")
    return max_retries


def check_max_response_bytes(max_response_bytes: object) -> int:
    if (
        not isinstance(max_response_bytes, int)
        or isinstance(max_response_bytes, bool)
        or max_response_bytes <= 0
    ):
        raise ValueError(
            f"max_response_bytes: expected a positive integer, got {max_response_bytes!r}"
        )
    return max_response_bytes
