"""The aiohttp backend of :class:`~justoneapi_xingtu.AsyncXingtuClient` (``backend="aiohttp"``).

The same calls, sent through one ``aiohttp.ClientSession`` instead of httpx: about a third
of the CPU per call at high concurrency (bench/RESULTS.md), asyncio only. Needs the
``[aiohttp]`` extra; imported only when that backend is chosen.

What the httpx path guarantees holds here too:

* the body is read raw (``auto_decompress=False``) and collected by the httpx path's own
  collector (``BaseClient._collector``): decoded piece by piece (``Content-Encoding: gzip,
  gzip`` included), raw and decoded bytes held to ``max_response_bytes`` as they arrive,
  so a small compressed answer cannot inflate past the cap;
* one deadline for the whole call: ``ClientTimeout(total=timeout)`` covers the pool, the
  connection, the headers and every body read;
* ``HTTP_PROXY``/``HTTPS_PROXY``/``NO_PROXY`` are honoured, read once per endpoint and
  session as httpx reads them once per client (aiohttp's own ``trust_env=True`` would look
  them up, and ``~/.netrc``, in a worker thread on every request: two thread hops per
  call); aiohttp takes ``http://`` proxies only and no ``ALL_PROXY`` (and ``~/.netrc`` is
  not read for a proxy's password: give it in the proxy URL, as httpx needs it);
  certificates are checked against the same CA bundle as httpx's, redirects are not
  followed, and no cookie jar is kept.

Errors become the package's own (``TransportError``, ``RequestTimeoutError``,
``ProtocolError``), with the token redacted, exactly as on the httpx path.
"""

from __future__ import annotations

import asyncio
import base64
import time
import urllib.request
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import aiohttp
import httpx
import yarl

from .._version import __version__
from .codings import ACCEPT_ENCODING
from .tls import default_context

if TYPE_CHECKING:
    from .._base_client import BaseClient

__all__ = ["AiohttpSender"]


class AiohttpSender:
    """One lazily opened ``aiohttp.ClientSession`` per event loop, shared by a client and
    its ``with_options`` copies."""

    def __init__(self, max_connections: int) -> None:
        self._max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._proxies: dict[str, dict[str, Any]] = {}
        self._headers = {
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,  # only what codings decodes with a bound
            "User-Agent": f"justoneapi-xingtu/{__version__} aiohttp/{aiohttp.__version__}",
        }

    def _open(self) -> aiohttp.ClientSession:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError(
                "backend='aiohttp' runs on asyncio only; under trio use the default httpx backend"
            ) from None
        if self._session is None or self._loop is not loop or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._max_connections, ssl=default_context())
            self._session = aiohttp.ClientSession(
                connector=connector,
                cookie_jar=aiohttp.DummyCookieJar(),
                auto_decompress=False,
                headers=self._headers,
            )
            self._loop = loop
            self._proxies.clear()
        return self._session

    def _proxy(self, endpoint: str, url: yarl.URL) -> dict[str, Any]:
        """The proxy arguments for ``url`` (at ``endpoint``, its URL without the query)
        from ``HTTP(S)_PROXY``/``NO_PROXY``."""
        found = self._proxies.get(endpoint)
        if found is None:
            found = self._proxies[endpoint] = environment_proxy(url)
        return found

    async def send(self, client: BaseClient, url_text: str) -> tuple[int, Mapping[str, str], bytes]:
        """One request: (HTTP status, headers, decoded body), or the package's error."""
        session = self._session
        if session is None or self._loop is not _running_loop():
            session = self._open()
        url = yarl.URL(url_text, encoded=True)  # already encoded once
        deadline = time.monotonic() + client.timeout
        with client._http_errors():  # httpx's exceptions, raised below, become the package's
            try:
                async with session.get(
                    url,
                    allow_redirects=False,
                    timeout=aiohttp.ClientTimeout(total=client.timeout),
                    **self._proxy(client._url, url),
                ) as response:
                    body = client._collector(response.headers, deadline)
                    async for chunk in response.content.iter_any():
                        body.add(chunk)
                    return response.status, response.headers, body.value()
            except TimeoutError as exc:  # aiohttp's ServerTimeoutError and the total deadline
                detail = str(exc) or f"no answer within timeout={client.timeout:g} s"
                raise httpx.TimeoutException(detail) from exc
            except aiohttp.ClientError as exc:  # the cause stays: a TLS failure is told apart
                raise httpx.TransportError(f"{type(exc).__name__}: {exc}") from exc

    async def aclose(self) -> None:
        session, self._session = self._session, None
        if session is not None and self._loop is _running_loop():
            await session.close()


def environment_proxy(url: yarl.URL) -> dict[str, Any]:
    """The proxy arguments for ``url`` as aiohttp's ``trust_env`` reads them, through the
    standard library (:func:`urllib.request.getproxies`, ``proxy_bypass``): an ``http://``
    proxy for the URL's scheme; ``{}`` for none (``NO_PROXY``, an ``https://`` proxy
    aiohttp cannot use, no variable). The proxy's userinfo becomes a
    ``Proxy-Authorization`` header: on the request itself for an ``http://`` URL, on the
    ``CONNECT`` for an ``https://`` one (``proxy_auth``/``BasicAuth`` are deprecated)."""
    if url.host is not None and urllib.request.proxy_bypass(url.host):
        return {}
    setting = urllib.request.getproxies().get(url.scheme)
    if not setting:
        return {}
    proxy = yarl.URL(setting)
    if proxy.scheme != "http":
        return {}
    found: dict[str, Any] = {"proxy": proxy.with_user(None)}
    if proxy.user is not None:
        credentials = f"{proxy.user}:{proxy.password or ''}".encode()
        header = {"Proxy-Authorization": "Basic " + base64.b64encode(credentials).decode()}
        found["proxy_headers" if url.scheme == "https" else "headers"] = header
    return found


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
