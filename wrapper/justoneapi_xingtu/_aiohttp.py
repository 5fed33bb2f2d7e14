"""The aiohttp backend of :class:`~justoneapi_xingtu.AsyncXingtuClient` (``backend="aiohttp"``).

The same calls, sent through one ``aiohttp.ClientSession`` instead of httpx: about a third
of the CPU per call at high concurrency (bench/RESULTS.md), asyncio only. Needs the
``[aiohttp]`` extra; imported only when that backend is chosen.

What the httpx path guarantees holds here too:

* the body is read raw (``auto_decompress=False``), held to ``max_response_bytes`` by the
  client's collector, and decoded here with the output of every stage bounded
  (``Content-Encoding: gzip, gzip`` included), so a small compressed answer cannot
  inflate past the cap;
* one deadline for the whole call: ``ClientTimeout(total=timeout)`` covers the pool, the
  connection, the headers and every body read;
* ``HTTP(S)_PROXY``/``NO_PROXY`` are honoured, read once per host and session as httpx
  reads them once per client (aiohttp's own ``trust_env=True`` would look them up, and
  ``~/.netrc``, in a worker thread on every request: two thread hops per call);
  certificates are checked against the same CA bundle as httpx's, redirects are not
  followed, and no cookie jar is kept.

Errors become the package's own (``TransportError``, ``RequestTimeoutError``,
``ProtocolError``), with the token redacted, exactly as on the httpx path.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import aiohttp
import httpx
import yarl
from aiohttp.helpers import get_env_proxy_for_url

from ._version import __version__

if TYPE_CHECKING:
    from ._base_client import BaseClient

__all__ = ["AiohttpSender"]

_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


class _BoundedDecoder:
    """Undo ``Content-Encoding`` chunk by chunk, no stage producing more than ``limit``
    bytes at a time (the collector then refuses the total past ``limit``)."""

    def __init__(self, encoding: str, limit: int) -> None:
        names = [e.strip().lower() for e in encoding.split(",") if e.strip()]
        names = [n for n in names if n != "identity"]
        unknown = [n for n in names if n not in _WBITS]
        if unknown:
            raise ValueError(f"unsupported Content-Encoding {', '.join(unknown)!r}")
        # Encodings are listed in the order they were applied: undo them last to first.
        self._stages = [zlib.decompressobj(_WBITS[n]) for n in reversed(names)]
        self._limit = limit

    def decode(self, data: bytes, *, last: bool = False) -> bytes:
        for stage in self._stages:
            out = stage.decompress(data, self._limit + 1)
            if stage.unconsumed_tail or len(out) > self._limit:
                return out  # more than the cap already: the collector refuses it
            if last:
                out += stage.flush()
            data = out
        return data


class AiohttpSender:
    """One lazily opened ``aiohttp.ClientSession`` per event loop, shared by a client and
    its ``with_options`` copies."""

    def __init__(self, max_connections: int) -> None:
        self._max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._proxies: dict[tuple[str, str | None], dict[str, Any]] = {}
        self._headers = {
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate",
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
            connector = aiohttp.TCPConnector(
                limit=self._max_connections, ssl=httpx.create_ssl_context()
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                cookie_jar=aiohttp.DummyCookieJar(),
                auto_decompress=False,
                headers=self._headers,
            )
            self._loop = loop
            self._proxies.clear()
        return self._session

    def _proxy(self, url: yarl.URL) -> dict[str, Any]:
        """The proxy arguments for ``url`` from ``HTTP(S)_PROXY``/``NO_PROXY``."""
        key = (url.scheme, url.host)
        found = self._proxies.get(key)
        if found is None:
            try:
                proxy, auth = get_env_proxy_for_url(url)
            except LookupError:
                found = {}
            else:
                found = {"proxy": proxy, "proxy_auth": auth}
            self._proxies[key] = found
        return found

    async def send(
        self, client: BaseClient, params: dict[str, str]
    ) -> tuple[int, Mapping[str, str], bytes]:
        """One request: (HTTP status, headers, decoded body), or the package's error."""
        session = self._session
        if session is None or self._loop is not _running_loop():
            session = self._open()
        url = yarl.URL(client._url_for(params), encoded=True)  # already encoded once
        try:
            async with session.get(
                url,
                allow_redirects=False,
                timeout=aiohttp.ClientTimeout(total=client.timeout),
                **self._proxy(url),
            ) as response:
                body = client._body(response.headers)
                try:
                    decoder = _BoundedDecoder(
                        response.headers.get("Content-Encoding", ""), client.max_response_bytes
                    )
                    async for chunk in response.content.iter_any():
                        body.add(decoder.decode(chunk))
                    body.add(decoder.decode(b"", last=True))
                except (ValueError, zlib.error) as exc:
                    raise httpx.DecodingError(str(exc)) from None
                return response.status, response.headers, body.value()
        except httpx.HTTPError:
            raise  # translated by the caller's _http_errors
        except TimeoutError as exc:  # aiohttp's ServerTimeoutError and the total deadline
            detail = str(exc) or f"no answer within timeout={client.timeout:g} s"
            raise httpx.TimeoutException(detail) from None
        except aiohttp.ClientError as exc:
            raise httpx.TransportError(f"{type(exc).__name__}: {exc}") from None

    async def aclose(self) -> None:
        session, self._session = self._session, None
        if session is not None and self._loop is _running_loop():
            await session.close()


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
